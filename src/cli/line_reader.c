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

/* Finds the end of the line at `start`: "\n", "\r\n", or a lone "\r" (as
 * old Mac files and some spreadsheets end lines). Returns the offset of the
 * end and sets *width to its length in bytes; returns `avail` if no end is
 * in sight, or if a "\r" is the last byte and what follows is not read yet
 * (`more`), since it may be the first half of a "\r\n". */
static size_t find_line_end(const char *start, size_t avail, bool more, size_t *width)
{
    const char *nl = memchr(start, '\n', avail);
    size_t n = nl != NULL ? (size_t)(nl - start) : avail;
    const char *cr = memchr(start, '\r', n);
    if (cr == NULL) {
        *width = 1;
        return n;
    }
    size_t at = (size_t)(cr - start);
    if (at + 1 == avail && more)
        return avail;
    *width = at + 1 < avail && cr[1] == '\n' ? 2 : 1;
    return at;
}

/* Skips the rest of an over-long line, reading on without keeping it. */
static void skip_line(line_reader *r)
{
    for (;;) {
        size_t width, avail = r->fill - r->pos;
        size_t n = find_line_end(r->buf + r->pos, avail, !r->eof, &width);
        if (n < avail) {
            r->pos += n + width;
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
        size_t width;
        size_t n = find_line_end(start, avail, !r->eof, &width);
        if (n == avail && avail > r->limit + 1) {
            /* No end in sight and already too long (a "\r" may be pending). */
            r->line++;
            skip_line(r);
            return LINE_TOO_LONG;
        }
        if (n == avail && refill(r))
            continue;
        if (n == avail) {
            avail = r->fill - r->pos;
            if (avail == 0 || r->failed)
                return LINE_END;
            /* The last line has no end, or ends in a lone "\r". */
            start = r->buf + r->pos;
            n = find_line_end(start, avail, false, &width);
            if (n == avail)
                width = 0;
        }
        r->line++;
        r->pos += n + width;
        if (n > r->limit)
            return LINE_TOO_LONG;
        *text = start;
        *len = n;
        return LINE_OK;
    }
}
