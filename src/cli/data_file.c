/* Reading a dataset: the built-in one, or a file named by --data,
 * WARRANTCHECK_DATA or `data validate FILE`. */
#include "cli.h"
#include "diag.h"
#include "echo.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* A data file past this size is refused before it is read. */
#define MAX_DATA_BYTES (64L * 1024 * 1024)

/* Reads a whole data file; `name` is its path, escaped for messages. */
static char *read_file(const char *path, const char *name, size_t *len)
{
    /* O_NONBLOCK: opening a FIFO would otherwise wait for a writer before
     * the check below could refuse it. A regular file ignores the flag. */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        int err = errno;
        /* "-" reads standard input for an itinerary, not for data. */
        cli_error("%s: cannot open the data file: %s%s", name, strerror(err),
                  err == ENOENT && strcmp(path, "-") == 0
                      ? " (a data file is read by its name, never from standard input)"
                      : "");
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        cli_error("%s: not a regular file", name);
        close(fd);
        return NULL;
    }
    if (st.st_size > MAX_DATA_BYTES) {
        cli_error("%s: the data file is larger than the limit of %ld MiB", name,
                  MAX_DATA_BYTES >> 20);
        close(fd);
        return NULL;
    }
    /* read(2), not a FILE: nothing to allocate but the buffer, so memory
     * that runs out is said as such. */
    size_t size = (size_t)st.st_size, got = 0;
    char *buf = malloc(size + 1);
    if (buf == NULL) {
        close(fd);
        diag_out_of_memory();
        return NULL;
    }
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got != size) {
        cli_error("%s: cannot read the data file", name);
        free(buf);
        return NULL;
    }
    buf[size] = '\0';
    *len = size;
    return buf;
}

char *cli_read_data_file(const char *path, size_t *len)
{
    char name[CLI_PATH_ECHO_BUFSIZE];
    cli_escape(path, CLI_PATH_ECHO_CHARS, name, sizeof name);
    return read_file(path, name, len);
}

wc_dataset *cli_load_data_text(const char *path, const char *text, size_t len)
{
    wc_error err;
    wc_dataset *ds = wc_dataset_load(text, len, &err);
    if (ds == NULL && err.kind == WC_ERROR_MEMORY) {
        /* Nothing wrong with the file: exit 6, as any other command. */
        diag_out_of_memory();
    } else if (ds == NULL) {
        /* The message may quote the file's own text: diag escapes it. */
        diag(DIAG_DATASET, path, err.line, err.column, "%s", err.message);
    }
    return ds;
}

const wc_dataset *cli_load_dataset(const char *path, wc_dataset **owned)
{
    *owned = NULL;
    if (path == NULL)
        return wc_dataset_builtin(); /* validated when the program was built */
    size_t len;
    char *text = cli_read_data_file(path, &len);
    if (text == NULL)
        return NULL;
    *owned = cli_load_data_text(path, text, len);
    free(text);
    return *owned;
}
