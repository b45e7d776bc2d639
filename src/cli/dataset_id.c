/* The identity of the dataset in use, and the choice of it (issue 13). */
#include "dataset_id.h"

#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "sodium_lib.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *data_version(const wc_dataset *ds)
{
    return ds->dataset_version;
}

/* Compares "2026.10.2" with "2026.10.10" number by number; a version that
 * is absent is older than any. */
static int compare_versions(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    while (*a != '\0' || *b != '\0') {
        char *end_a, *end_b;
        unsigned long x = strtoul(a, &end_a, 10), y = strtoul(b, &end_b, 10);
        if (x != y)
            return x < y ? -1 : 1;
        if (end_a == a || end_b == b) /* not numbers: by bytes */
            return strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
        a = *end_a == '.' ? end_a + 1 : end_a;
        b = *end_b == '.' ? end_b + 1 : end_b;
        if ((*a == '\0') != (*b == '\0'))
            return *a == '\0' ? -1 : 1;
    }
    return 0;
}

int data_compare(const wc_dataset *a, const wc_dataset *b)
{
    if (a->as_of != b->as_of)
        return a->as_of < b->as_of ? -1 : 1;
    return compare_versions(data_version(a), data_version(b));
}

bool data_sha256(const void *bytes, size_t len, char hex[DATA_SHA256_HEX])
{
    /* Only when a file is hashed: a run that needs no hash never loads
     * libsodium (sodium_lib.h). */
    sodium_lib na;
    if (!sodium_lib_open(&na))
        return false;
    unsigned char hash[crypto_hash_sha256_BYTES];
    na.hash_sha256(hash, bytes, len);
    na.bin2hex(hex, DATA_SHA256_HEX, hash, sizeof hash);
    sodium_lib_close(&na);
    return true;
}

wc_dataset *data_load_file(const char *path, char hex[DATA_SHA256_HEX])
{
    size_t len;
    char *text = cli_read_data_file(path, &len);
    if (text == NULL)
        return NULL;
    wc_dataset *ds = cli_load_data_text(path, text, len);
    if (ds != NULL && hex != NULL && !data_sha256(text, len, hex)) {
        wc_dataset_free(ds);
        ds = NULL;
    }
    free(text);
    return ds;
}

char *data_installed_path(void)
{
    /* XDG: a relative XDG_DATA_HOME is invalid and ignored. */
    static const char xdg_tail[] = "/warrantcheck/warrantcheck.json";
    static const char home_tail[] = "/.local/share/warrantcheck/warrantcheck.json";
    const char *base = getenv("XDG_DATA_HOME"), *tail = xdg_tail;
    size_t tail_len = sizeof xdg_tail - 1;
    if (base == NULL || base[0] != '/') {
        base = getenv("HOME");
        tail = home_tail;
        tail_len = sizeof home_tail - 1;
        if (base == NULL || base[0] == '\0')
            return NULL;
    }
    /* memcpy, not snprintf: this runs at every start-up. */
    size_t n = strlen(base);
    char *path = malloc(n + tail_len + 1);
    if (path != NULL) {
        memcpy(path, base, n);
        memcpy(path + n, tail, tail_len + 1);
    }
    return path;
}

const char *data_origin_word(data_origin origin)
{
    switch (origin) {
    case ORIGIN_INSTALLED: return "installed";
    case ORIGIN_FILE: return "file";
    case ORIGIN_BUILTIN: break;
    }
    return "built in";
}

/* The installed dataset, if there is one that loads; a broken one is
 * reported and passed over, so that `data install --remove` still runs. */
/* Reads the installed file whole: it is ours, so a fault in it is a
 * warning, not the run's error. NULL if it cannot be read. */
static char *read_installed(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *text = NULL;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= 64L * 1024 * 1024) {
        size_t size = (size_t)st.st_size;
        text = malloc(size + 1);
        if (text != NULL && fread(text, 1, size, f) == size) {
            text[size] = '\0';
            *len = size;
        } else {
            free(text);
            text = NULL;
        }
    }
    fclose(f);
    return text;
}

static wc_dataset *load_installed(data_identity *id, bool hash)
{
    char *path = data_installed_path();
    struct stat st;
    if (path == NULL || stat(path, &st) != 0) {
        free(path);
        return NULL;
    }
    size_t len = 0;
    char *text = read_installed(path, &len);
    wc_error err = {0};
    wc_dataset *ds = text != NULL ? wc_dataset_load(text, len, &err) : NULL;
    if (ds == NULL && text != NULL && err.kind == WC_ERROR_MEMORY) {
        diag_out_of_memory();
    } else if (ds == NULL) {
        diag(DIAG_WARNING, path, err.line, err.column,
             "the installed dataset does not load; using the built-in one (see "
             "'warrantcheck data install --remove')%s%s",
             text != NULL ? ": " : "", text != NULL ? err.message : "");
    } else if (hash && !data_sha256(text, len, id->sha256)) {
        wc_dataset_free(ds);
        ds = NULL;
    } else {
        id->path = path;
        path = NULL;
    }
    free(text);
    free(path);
    return ds;
}

const wc_dataset *data_load_in_use(const char *file, bool hash, data_identity *id,
                                   wc_dataset **owned)
{
    *id = (data_identity){.origin = ORIGIN_BUILTIN};
    *owned = NULL;
    if (file != NULL) {
        id->origin = ORIGIN_FILE;
        id->path = strdup(file);
        if (id->path == NULL) {
            diag_out_of_memory();
            return NULL;
        }
        return *owned = data_load_file(file, hash ? id->sha256 : NULL);
    }
    const wc_dataset *builtin = wc_dataset_builtin();
    wc_dataset *installed = load_installed(id, hash);
    if (installed != NULL && data_compare(installed, builtin) > 0) {
        id->origin = ORIGIN_INSTALLED;
        return *owned = installed;
    }
    wc_dataset_free(installed);
    free(id->path);
    id->path = NULL;
    snprintf(id->sha256, sizeof id->sha256, "%s", wc_dataset_builtin_sha256());
    return builtin;
}

void data_identity_free(data_identity *id)
{
    free(id->path);
    id->path = NULL;
}

void data_print_version(FILE *out, const wc_dataset *ds, const data_identity *id)
{
    char asof[WC_DATE_BUFSIZE];
    const char *version = data_version(ds);
    fprintf(out, "dataset %s (as of %s), %s%s%s\n", version ? version : "unversioned",
            wc_date_format(ds->as_of, asof), data_origin_word(id->origin), id->path ? " " : "",
            id->path ? id->path : "");
}
