/* Test-only data: the bytes of data/warrantcheck.json, embedded at build
 * time (cmake/embed.cmake) for tests and fuzzers that load the bundled
 * dataset with wc_dataset_load(). Link warrantcheck_testdata. */
#ifndef WC_TEST_SUPPORT_H
#define WC_TEST_SUPPORT_H

#include <stddef.h>

/* The bundled JSON (NUL-terminated) and its length in bytes. */
extern const char *const wc_builtin_data;
extern const size_t wc_builtin_data_len;

#endif
