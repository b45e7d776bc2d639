/* realpath() is an X/Open function in glibc's headers. */
#define _XOPEN_SOURCE 700

#include "out_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Ends writing a stream: flush, check for errors, sync, close. Returns 0
 * or the errno of the first failure. */
static int close_stream(FILE *f)
{
    int err = 0;
    if (fflush(f) != 0 || ferror(f))
        err = errno != 0 ? errno : EIO;
    if (err == 0 && fsync(fileno(f)) != 0 && errno != EINVAL && errno != EROFS)
        err = errno;
    if (fclose(f) != 0 && err == 0)
        err = errno;
    return err;
}

/* Writes into a new temporary file beside `path` and renames it over
 * `path`, so a reader never sees half a file and a failure leaves the old
 * one as it was. `old` is the file replaced, or NULL for a new one: the new
 * file keeps its mode (and, where we may, its owner), and a file we could
 * not write into is refused as `>` would refuse it. */
static int replace(const char *path, const struct stat *old, out_file_writer write,
                   void *context)
{
    if (old != NULL && access(path, W_OK) != 0)
        return errno;
    size_t len = strlen(path);
    char *tmp = malloc(len + sizeof ".XXXXXX");
    if (tmp == NULL)
        return -1;
    memcpy(tmp, path, len);
    memcpy(tmp + len, ".XXXXXX", sizeof ".XXXXXX");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        return err;
    }
    mode_t mode;
    if (old != NULL) {
        mode = old->st_mode & 07777;
        /* Only root may give a file away; others keep it as their own. */
        if (geteuid() == 0 && fchown(fd, old->st_uid, old->st_gid) != 0) {
            /* a file system without owners: the mode still holds */
        }
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    int err = fchmod(fd, mode) != 0 ? errno : 0;
    FILE *f = err == 0 ? fdopen(fd, "w") : NULL;
    if (f == NULL) {
        if (err == 0)
            err = errno;
        close(fd);
    } else {
        bool written = write(f, context);
        err = close_stream(f);
        if (!written)
            err = -1;
    }
    if (err == 0 && rename(tmp, path) != 0)
        err = errno;
    if (err != 0)
        unlink(tmp);
    free(tmp);
    return err;
}

/* Writes into `path` as it is, as `>` does: for devices, pipes and links
 * to them, and for a link whose target does not exist yet. */
static int write_through(const char *path, out_file_writer write, void *context)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return errno;
    bool written = write(f, context);
    int err = close_stream(f);
    return written ? err : -1;
}

int out_file_write(const char *path, out_file_writer write, void *context)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? replace(path, NULL, write, context) : errno;
    if (S_ISREG(st.st_mode))
        return replace(path, &st, write, context);
    if (S_ISDIR(st.st_mode))
        return EISDIR;
    if (S_ISLNK(st.st_mode)) {
        /* A link to a regular file: replace the file it names, in its own
         * directory, and leave the link. /dev/stdout redirected to a file
         * resolves to that file; to a pipe, to no path at all. */
        char *target = realpath(path, NULL);
        struct stat tst;
        int err = -2;
        if (target != NULL && lstat(target, &tst) == 0 && S_ISREG(tst.st_mode))
            err = replace(target, &tst, write, context);
        free(target);
        if (err != -2)
            return err;
    }
    return write_through(path, write, context);
}
