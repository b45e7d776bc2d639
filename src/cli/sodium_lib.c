/* Loading libsodium at run time (see sodium_lib.h). */
#include "sodium_lib.h"

#include "cli.h"
#include "dl_lib.h"
#include "diag.h"

#include <dlfcn.h>
#include <string.h>

/* Debian's libsodium23; the one the headers are of. */
static const char *const SONAMES[] = {"libsodium.so.23", "libsodium.so"};

bool sodium_lib_open(sodium_lib *lib)
{
    memset(lib, 0, sizeof *lib);
    lib->handle = dl_lib_open(SONAMES, sizeof SONAMES / sizeof SONAMES[0]);
    if (lib->handle == NULL) {
        diag(DIAG_DATASET, NULL, 0, 0,
             "hashing and verifying datasets needs libsodium (Debian: apt install "
             "libsodium23): %s",
             dlerror());
        return false;
    }
    int (*init)(void) = NULL;
#define SYMBOL(field, name) dl_lib_symbol(lib->handle, name, &lib->field, sizeof lib->field)
    bool ok = dl_lib_symbol(lib->handle, "sodium_init", &init, sizeof init) &&
              SYMBOL(hash_sha256, "crypto_hash_sha256") && SYMBOL(bin2hex, "sodium_bin2hex") &&
              SYMBOL(base642bin, "sodium_base642bin") &&
              SYMBOL(generichash, "crypto_generichash") &&
              SYMBOL(sign_verify_detached, "crypto_sign_verify_detached");
#undef SYMBOL
    /* sodium_init: 0 the first time, 1 if already done, -1 on failure. */
    if (!ok || init() < 0) {
        diag(DIAG_DATASET, NULL, 0, 0, "cannot start libsodium%s",
             ok ? "" : ": a function is missing");
        dlclose(lib->handle);
        lib->handle = NULL;
        return false;
    }
    return true;
}

void sodium_lib_close(sodium_lib *lib)
{
    if (lib->handle != NULL)
        dlclose(lib->handle);
    lib->handle = NULL;
}
