/* Standard error captured for the command-line harnesses (see fuzz_stderr.h). */
#include "fuzz_stderr.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int err_fd = -1;

bool fuzz_capture_stderr(void)
{
    if (err_fd >= 0)
        return false;
    FILE *t = tmpfile();
    if (t == NULL || freopen("/dev/null", "w", stdout) == NULL)
        abort();
    setvbuf(t, NULL, _IONBF, 0);
    stderr = t;
    err_fd = fileno(t);
    return true;
}

size_t fuzz_check_stderr(void)
{
    static char buf[1 << 16];
    off_t end = lseek(err_fd, 0, SEEK_END);
    if (end < 0)
        abort();
    size_t n = (size_t)end < sizeof buf ? (size_t)end : sizeof buf;
    if (pread(err_fd, buf, n, 0) != (ssize_t)n)
        abort();
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)buf[i];
        if ((b < 0x20 && b != '\n') || b == 0x7f)
            abort();
        if (b == 0xc2 && i + 1 < n && (unsigned char)buf[i + 1] >= 0x80 &&
            (unsigned char)buf[i + 1] <= 0x9f)
            abort();
    }
    if (ftruncate(err_fd, 0) != 0 || lseek(err_fd, 0, SEEK_SET) != 0)
        abort();
    return (size_t)end;
}
