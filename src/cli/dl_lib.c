#include "dl_lib.h"

#include <dlfcn.h>
#include <string.h>

void *dl_lib_open(const char *const *sonames, size_t n)
{
    void *handle = NULL;
    for (size_t i = 0; i < n && handle == NULL; i++)
        handle = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
    return handle;
}

bool dl_lib_symbol(void *handle, const char *name, void *fn, size_t size)
{
    void *p = dlsym(handle, name);
    if (p == NULL)
        return false;
    memcpy(fn, &p, size);
    return true;
}
