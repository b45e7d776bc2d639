/* Reading a dataset: the built-in one, or a file named by --data,
 * WARRANTCHECK_DATA or `data validate FILE`. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A data file past this size is refused before it is read. */
#define MAX_DATA_BYTES (64L * 1024 * 1024)

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        cli_error("%s: cannot open the data file: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        cli_error("%s: not a regular file", path);
        fclose(f);
        return NULL;
    }
    if (st.st_size > MAX_DATA_BYTES) {
        cli_error("%s: the data file is larger than the limit of %ld MiB", path,
                  MAX_DATA_BYTES >> 20);
        fclose(f);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    size_t got = buf ? fread(buf, 1, size, f) : 0;
    bool failed = buf == NULL || ferror(f) || got != size;
    fclose(f);
    if (failed) {
        cli_error("%s: cannot read the data file", path);
        free(buf);
        return NULL;
    }
    buf[size] = '\0';
    *len = size;
    return buf;
}

wc_dataset *cli_load_dataset(const char *path)
{
    wc_error err;
    wc_dataset *ds;
    if (path == NULL) {
        ds = wc_dataset_load(wc_builtin_data, wc_builtin_data_len, &err);
        path = CLI_BUILTIN_DATA_NAME;
    } else {
        size_t len;
        char *text = read_file(path, &len);
        if (text == NULL)
            return NULL;
        ds = wc_dataset_load(text, len, &err);
        free(text);
    }
    if (ds == NULL) {
        if (err.line > 0)
            fprintf(stderr, "warrantcheck: %s:%lu:%lu: error: %s\n", path, err.line, err.column,
                    err.message);
        else
            fprintf(stderr, "warrantcheck: %s: error: %s\n", path, err.message);
    }
    return ds;
}
