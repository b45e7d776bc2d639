/* A malloc that runs out on purpose, for tests/shell/out_of_memory.sh:
 * loaded with LD_PRELOAD, it lets WC_FAIL_MALLOC_AFTER allocations succeed
 * and fails every one after them; with WC_FAIL_MALLOC_COUNT set it fails
 * none and writes at exit how many there were. glibc's own allocator does
 * the work (__libc_malloc and friends), so nothing here allocates. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static long left = -2; /* allocations still allowed; -1: all; -2: not read yet */
static unsigned long counted;

static bool fails(void)
{
    if (left == -2) {
        const char *s = getenv("WC_FAIL_MALLOC_AFTER");
        left = s != NULL ? atol(s) : -1;
    }
    counted++;
    if (left < 0)
        return false;
    if (left == 0)
        return true;
    left--;
    return false;
}

void *malloc(size_t n)
{
    return fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    return fails() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    return fails() ? NULL : __libc_realloc(p, n);
}

__attribute__((destructor)) static void report(void)
{
    if (getenv("WC_FAIL_MALLOC_COUNT") == NULL)
        return;
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%lu\n", counted);
    if (len > 0 && write(STDERR_FILENO, buf, (size_t)len) < 0)
        return;
}
