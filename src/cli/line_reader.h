/* Physical lines of a file or pipe, read through one fixed buffer: a line
 * longer than the limit is reported and skipped without being held whole,
 * so memory stays the same whatever the input. */
#ifndef WC_LINE_READER_H
#define WC_LINE_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct line_reader {
    FILE *in;
    size_t limit; /* the longest line passed on, in bytes before its end ("\n", "\r\n", "\r") */
    char *buf;
    size_t cap, pos, fill;
    bool eof;
    bool failed; /* a read error: errno tells why */
    unsigned long line; /* the number of the line last returned */
} line_reader;

typedef enum line_status {
    LINE_OK,       /* *text and *len hold the line, without its end */
    LINE_TOO_LONG, /* the line was longer than the limit and has been skipped */
    LINE_END       /* no more lines, or a read error (see `failed`) */
} line_status;

/* Starts reading `in`. Returns false if memory ran out. */
bool line_reader_open(line_reader *r, FILE *in, size_t limit);

/* Returns the next line; its text is valid until the next call. */
line_status line_reader_next(line_reader *r, const char **text, size_t *len);

/* Frees the buffer (the file stays open). */
void line_reader_close(line_reader *r);

#endif
