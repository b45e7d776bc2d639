/* libcurl, loaded when `data update` runs and not before: linked in, its
 * thirty-odd libraries (TLS, HTTP/2, Kerberos, LDAP...) would be loaded by
 * every run and triple the start-up time of a one-line answer. The headers
 * are libcurl's own (libcurl4-openssl-dev); the library is found by its
 * soname. */
#ifndef WC_CURL_LIB_H
#define WC_CURL_LIB_H

#include <curl/curl.h>
#include <stdbool.h>

typedef struct curl_lib {
    void *handle;
    CURLcode (*global_init)(long flags);
    void (*global_cleanup)(void);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *curl);
    CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *curl);
    const char *(*easy_strerror)(CURLcode code);
} curl_lib;

/* Loads libcurl and initialises it. Returns false (with a message printed)
 * if it is not installed. */
bool curl_lib_open(curl_lib *lib);

/* Cleans libcurl up and unloads it. */
void curl_lib_close(curl_lib *lib);

#endif
