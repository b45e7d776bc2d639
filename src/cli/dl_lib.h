/* Loading a shared library at run time, for what only one command needs
 * (libcurl for 'data update', libsodium for hashes and signatures), so
 * that every other run starts without binding it. */
#ifndef WC_CLI_DL_LIB_H
#define WC_CLI_DL_LIB_H

#include <stdbool.h>
#include <stddef.h>

/* Opens the first of `sonames` that loads; NULL if none (dlerror() says why). */
void *dl_lib_open(const char *const *sonames, size_t n);

/* Copies the address of `name` in `handle` into the function pointer at
 * `fn` (of `size` bytes). dlsym() returns an object pointer; POSIX
 * guarantees it converts to a function pointer, ISO C does not, hence the
 * copy. Returns false if the library lacks it. */
bool dl_lib_symbol(void *handle, const char *name, void *fn, size_t size);

#endif
