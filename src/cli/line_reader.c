#include "line_reader.h"

#include <stdlib.h>
#include <string.h>

bool line_reader_open(line_reader *r, FILE *in, size_t limit)
{
    /* Room for a whole line of the limit, its "\r\n", and a read ahead. */
    size_t cap = limit + 2 + (size_t)256 * 1024;
    *r = (line_reader){.in = in, .limit = limit, .cap = cap};
    r->buf = malloc(cap);
    return r->buf != NULL;
}

void line_reader_close(line_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Moves the unread bytes to the front and reads more after them. Returns
 * false at the end of the input or on an error. */
static bool refill(line_reader *r)
{
    if (r->eof)
        return false;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->fill - r->pos);
        r->fill -= r->pos;
        r->pos = 0;
    }
    size_t got = fread(r->buf + r->fill, 1, r->cap - r->fill, r->in);
    r->fill += got;
    if (got == 0) {
        r->eof = true;
        r->failed = ferror(r->in) != 0;
        return false;
    }
    return true;
}

/* True if `len` bytes, the "\r" of a "\r\n" aside, pass the limit. */
static bool too_long(const line_reader *r, const char *s, size_t len, bool ended)
{
    if (len <= r->limit)
        return false;
    return !(ended && len == r->limit + 1 && s[len - 1] == '\r');
}

/* Skips the rest of an over-long line, reading on without keeping it. */
static void skip_line(line_reader *r)
{
    for (;;) {
        char *nl = memchr(r->buf + r->pos, '\n', r->fill - r->pos);
        if (nl != NULL) {
            r->pos = (size_t)(nl - r->buf) + 1;
            return;
        }
        r->pos = r->fill;
        if (!refill(r))
            return;
    }
}

line_status line_reader_next(line_reader *r, const char **text, size_t *len)
{
    for (;;) {
        char *start = r->buf + r->pos;
        size_t avail = r->fill - r->pos;
        char *nl = memchr(start, '\n', avail);
        if (nl != NULL) {
            size_t n = (size_t)(nl - start);
            r->line++;
            r->pos += n + 1;
            if (too_long(r, start, n, true))
                return LINE_TOO_LONG;
            *text = start;
            *len = n;
            return LINE_OK;
        }
        if (too_long(r, start, avail, false) && avail > r->limit + 1) {
            r->line++;
            skip_line(r);
            return LINE_TOO_LONG;
        }
        if (!refill(r)) {
            avail = r->fill - r->pos;
            if (avail == 0 || r->failed)
                return LINE_END;
            /* The last line has no "\n". */
            r->line++;
            start = r->buf + r->pos;
            r->pos = r->fill;
            if (too_long(r, start, avail, true))
                return LINE_TOO_LONG;
            *text = start;
            *len = avail;
            return LINE_OK;
        }
    }
}
