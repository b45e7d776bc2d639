/* libsodium, loaded when a file is hashed or a signature verified and not
 * before: linked in, its loading and symbol binding would cost every run
 * (`country Mongolia` +28 % instructions at start-up, measured with
 * callgrind), though only `data status`, `data install` and `data update`
 * use it. The headers are libsodium's own (libsodium-dev), for its types and
 * sizes; the library is found by its soname, as curl_lib.h does for libcurl. */
#ifndef WC_SODIUM_LIB_H
#define WC_SODIUM_LIB_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct sodium_lib {
    void *handle;
    int (*hash_sha256)(unsigned char *out, const unsigned char *in, unsigned long long inlen);
    char *(*bin2hex)(char *const hex, const size_t hex_maxlen, const unsigned char *const bin,
                     const size_t bin_len);
    int (*base642bin)(unsigned char *const bin, const size_t bin_maxlen, const char *const b64,
                      const size_t b64_len, const char *const ignore, size_t *const bin_len,
                      const char **const b64_end, const int variant);
    int (*generichash)(unsigned char *out, size_t outlen, const unsigned char *in,
                       unsigned long long inlen, const unsigned char *key, size_t keylen);
    int (*sign_verify_detached)(const unsigned char *sig, const unsigned char *m,
                                unsigned long long mlen, const unsigned char *pk);
} sodium_lib;

/* Loads libsodium and initialises it. Returns false (with a message said,
 * exit status 4) if it is not installed or does not start. */
bool sodium_lib_open(sodium_lib *lib);

/* Unloads it. Accepts a failed open. */
void sodium_lib_close(sodium_lib *lib);

#endif
