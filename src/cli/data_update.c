/* `data update [--from URL] [--key FILE]` (issue 13): downloads
 * warrantcheck.json and warrantcheck.json.minisig with libcurl, verifies
 * the minisign signature, validates the file, and installs it as
 * `data install` does. Any failure leaves the installed data as it was. */
#include "data_ops.h"

#include "curl_lib.h"
#include "dataset_id.h"
#include "diag.h"
#include "echo.h"
#include "minisign.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The most a download may be: the loader's own limit on a data file. */
#define MAX_DOWNLOAD (64L * 1024 * 1024)
/* A signature file is four short lines. */
#define MAX_SIGNATURE 16384L
/* Seconds a whole download may take, unless WARRANTCHECK_TIMEOUT says. */
#define DEFAULT_TIMEOUT 120L

typedef struct buffer {
    char *data;
    size_t len, cap;
    size_t limit;
    bool too_big;
} buffer;

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *ctx)
{
    buffer *b = ctx;
    size_t n = size * nmemb;
    if (b->len + n > b->limit) {
        b->too_big = true;
        return 0; /* curl stops with CURLE_WRITE_ERROR */
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *d = realloc(b->data, cap);
        if (d == NULL)
            return 0;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, ptr, n);
    b->len += n;
    b->data[b->len] = '\0';
    return n;
}

static long timeout_seconds(void)
{
    const char *s = getenv("WARRANTCHECK_TIMEOUT");
    if (s == NULL || s[0] == '\0')
        return DEFAULT_TIMEOUT;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    return errno == 0 && *end == '\0' && v > 0 && v <= 86400 ? v : DEFAULT_TIMEOUT;
}

/* Downloads `url` into *b. Prints why not and returns false on any
 * failure: the server's error, a cut-short transfer, a time-out. */
static bool download(const curl_lib *curl, const char *url, buffer *b)
{
    char echo[CLI_ECHO_BUFSIZE];
    CURL *h = curl->easy_init();
    if (h == NULL) {
        cli_error("cannot start libcurl");
        return false;
    }
    char errbuf[CURL_ERROR_SIZE] = "";
    curl->easy_setopt(h, CURLOPT_URL, url);
    curl->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl->easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl->easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
    curl->easy_setopt(h, CURLOPT_FAILONERROR, 1L);
    curl->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl->easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 30L);
    curl->easy_setopt(h, CURLOPT_TIMEOUT, timeout_seconds());
    curl->easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)b->limit);
    curl->easy_setopt(h, CURLOPT_USERAGENT, "warrantcheck");
    curl->easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl->easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl->easy_setopt(h, CURLOPT_WRITEDATA, b);
    CURLcode rc = curl->easy_perform(h);
    long code = 0;
    curl->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    curl->easy_cleanup(h);
    cli_echo(url, echo);
    if (rc == CURLE_OK)
        return true;
    if (rc == CURLE_HTTP_RETURNED_ERROR)
        cli_error("%s: the server answered HTTP %ld", echo, code);
    else if (b->too_big || rc == CURLE_FILESIZE_EXCEEDED)
        cli_error("%s: larger than the limit of %zu bytes", echo, b->limit);
    else if (rc == CURLE_OPERATION_TIMEDOUT)
        cli_error("%s: timed out (%s)", echo, errbuf[0] ? errbuf : curl->easy_strerror(rc));
    else if (rc == CURLE_PARTIAL_FILE)
        cli_error("%s: the download was cut short (%s)", echo,
                  errbuf[0] ? errbuf : curl->easy_strerror(rc));
    else
        cli_error("%s: %s", echo, errbuf[0] ? errbuf : curl->easy_strerror(rc));
    return false;
}

/* Joins the directory URL and a file name, with one "/" between. */
static char *join_url(const char *base, const char *name)
{
    size_t n = strlen(base);
    bool slash = n > 0 && base[n - 1] == '/';
    size_t size = n + strlen(name) + 2;
    char *url = malloc(size);
    if (url != NULL)
        snprintf(url, size, "%s%s%s", base, slash ? "" : "/", name);
    return url;
}

/* The key to verify with: --key FILE, else the one compiled in. Returns
 * EXIT_YES, EXIT_USAGE (none) or EXIT_INPUT (a bad key file). */
static int load_key(const cli *c, const sodium_lib *na, minisign_key *key)
{
    char why[256], echo[CLI_ECHO_BUFSIZE];
    if (c->key_path != NULL) {
        FILE *f = fopen(c->key_path, "rb");
        if (f == NULL) {
            cli_error("%s: cannot open the public key: %s", cli_echo(c->key_path, echo),
                      strerror(errno));
            return EXIT_INPUT;
        }
        char text[4096];
        size_t n = fread(text, 1, sizeof text, f);
        bool ok = !ferror(f) && n < sizeof text;
        fclose(f);
        if (!ok) {
            cli_error("%s: not a minisign public key (unreadable or too long)",
                      cli_echo(c->key_path, echo));
            return EXIT_INPUT;
        }
        if (!minisign_parse_key(na, text, n, key, why, sizeof why)) {
            cli_error("%s: %s", cli_echo(c->key_path, echo), why);
            return EXIT_INPUT;
        }
        return EXIT_YES;
    }
    const char *builtin = WC_DATA_KEY;
    if (builtin[0] == '\0') {
        cli_error("no public key was set when the program was built: give --key FILE");
        return EXIT_USAGE;
    }
    if (!minisign_parse_key(na, builtin, strlen(builtin), key, why, sizeof why)) {
        cli_error("the public key set at build time: %s", why);
        return EXIT_USAGE;
    }
    return EXIT_YES;
}

int data_update(cli *c, int argc, char **argv)
{
    (void)argc, (void)argv; /* no words: checked before the data (data_ops_check) */
    const char *base = c->from_url != NULL ? c->from_url : WC_DATA_URL;
    if (base[0] == '\0') {
        cli_error("no address was set when the program was built: give --from URL");
        return EXIT_USAGE;
    }
    sodium_lib na;
    if (!sodium_lib_open(&na))
        return EXIT_DATASET;
    minisign_key key;
    int key_status = load_key(c, &na, &key);
    curl_lib curl;
    if (key_status != EXIT_YES || !curl_lib_open(&curl)) {
        sodium_lib_close(&na);
        return key_status != EXIT_YES ? key_status : EXIT_DATASET;
    }
    int status = EXIT_DATASET;
    char *data_url = join_url(base, "warrantcheck.json");
    char *sig_url = join_url(base, "warrantcheck.json.minisig");
    buffer data = {.limit = (size_t)MAX_DOWNLOAD}, sig = {.limit = (size_t)MAX_SIGNATURE};
    char why[256], comment[1024], echo[CLI_ECHO_BUFSIZE];
    if (data_url == NULL || sig_url == NULL) {
        status = diag_out_of_memory();
    } else if (download(&curl, sig_url, &sig) && download(&curl, data_url, &data)) {
        if (data.data == NULL || sig.data == NULL) {
            cli_error("%s: an empty download", cli_echo(data.data ? sig_url : data_url, echo));
        } else if (!minisign_verify(&na, &key, sig.data, sig.len, (const unsigned char *)data.data,
                                    data.len, comment, sizeof comment, why, sizeof why)) {
            cli_error("%s: %s; nothing installed", cli_echo(sig_url, echo), why);
        } else {
            wc_dataset *ds = cli_load_data_text(data_url, data.data, data.len);
            if (ds != NULL) {
                char hex[DATA_SHA256_HEX];
                if (data_sha256(data.data, data.len, hex))
                    status = data_install_text(c, data_url, data.data, data.len, ds, hex);
                wc_dataset_free(ds);
            }
        }
    }
    free(data.data);
    free(sig.data);
    free(data_url);
    free(sig_url);
    curl_lib_close(&curl);
    sodium_lib_close(&na);
    return status;
}
