/* Loading libcurl at run time (see curl_lib.h). */
#include "curl_lib.h"

#include "cli.h"
#include "dl_lib.h"

#include <dlfcn.h>
#include <string.h>

/* The sonames of libcurl's Debian flavours, the one we build against first;
 * they share one ABI. */
static const char *const SONAMES[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4"};

bool curl_lib_open(curl_lib *lib)
{
    memset(lib, 0, sizeof *lib);
    lib->handle = dl_lib_open(SONAMES, sizeof SONAMES / sizeof SONAMES[0]);
    if (lib->handle == NULL) {
        cli_error("'data update' needs libcurl (Debian: apt install libcurl4): %s", dlerror());
        return false;
    }
#define SYMBOL(field, name) dl_lib_symbol(lib->handle, name, &lib->field, sizeof lib->field)
    bool ok = SYMBOL(global_init, "curl_global_init") &&
              SYMBOL(global_cleanup, "curl_global_cleanup") &&
              SYMBOL(easy_init, "curl_easy_init") && SYMBOL(easy_setopt, "curl_easy_setopt") &&
              SYMBOL(easy_perform, "curl_easy_perform") &&
              SYMBOL(easy_getinfo, "curl_easy_getinfo") &&
              SYMBOL(easy_cleanup, "curl_easy_cleanup") &&
              SYMBOL(easy_strerror, "curl_easy_strerror");
#undef SYMBOL
    if (!ok || lib->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        cli_error("cannot start libcurl%s", ok ? "" : ": a function is missing");
        dlclose(lib->handle);
        lib->handle = NULL;
        return false;
    }
    return true;
}

void curl_lib_close(curl_lib *lib)
{
    if (lib->handle == NULL)
        return;
    lib->global_cleanup();
    dlclose(lib->handle);
    lib->handle = NULL;
}
