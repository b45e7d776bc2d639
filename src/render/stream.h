/* The allocation-free row primitives of the streaming formats: rows are
 * assembled in a 64 KiB buffer and handed to the writer in large blocks (a
 * million short rows would otherwise cost a million calls), with JSON
 * strings, numbers, dates and line numbers written straight into it. They
 * are a second encoder next to cJSON and table.c, kept because they pay:
 * replacing the date cache and the counted line number with
 * wc_date_format and sprintf costs +89 % instructions in text
 * (reviews/ARCHITECTURE.md section 2.2). The hot helpers are inline. */
#ifndef WCR_STREAM_H
#define WCR_STREAM_H

#include <warrantcheck/render.h>

#include <stdint.h>
#include <string.h>

#define WCR_STREAM_BUFFER ((size_t)1 << 16)
/* A power of two: any 16,384 days in a row (44 years: every date the
 * data covers) take distinct slots. */
#define WCR_STREAM_DATES 16384

typedef struct wcr_stream {
    const wcr_writer *w;
    char *buf; /* WCR_STREAM_BUFFER bytes on their way to the writer */
    size_t len;
    /* The decimal text of the last line number written, counted up in
     * place: lines come in order, so the next is usually one more. */
    unsigned long line_number;
    char line_text[24];
    int line_len;
    /* The text of recent dates, by date modulo the size (WCR_STREAM_DATES
     * of them, malloc'd): formatting a date costs more than a row's other
     * fields together. */
    struct wcr_stream_date {
        wc_date date;
        char text[WC_DATE_BUFSIZE];
    } *dates;
} wcr_stream;

/* Readies `s` to write to `w`, which must outlive it. Returns false if
 * memory ran out. */
bool wcr_stream_open(wcr_stream *s, const wcr_writer *w);

/* Hands what is buffered to the writer and frees the buffer. Accepts a
 * stream whose open failed. */
void wcr_stream_close(wcr_stream *s);

/* Hands what is buffered to the writer. */
void wcr_stream_flush(wcr_stream *s);

/* Appends `n` bytes. */
static inline void wcr_stream_bytes(wcr_stream *s, const void *data, size_t n)
{
    if (n > WCR_STREAM_BUFFER - s->len) {
        wcr_stream_flush(s);
        if (n > WCR_STREAM_BUFFER) {
            wcr_write(s->w, data, n);
            return;
        }
    }
    memcpy(s->buf + s->len, data, n);
    s->len += n;
}

/* Returns room for `n` (at most WCR_STREAM_BUFFER) bytes at the end of
 * the buffer; the caller writes there and then calls wcr_stream_done()
 * with the end. */
static inline char *wcr_stream_room(wcr_stream *s, size_t n)
{
    if (WCR_STREAM_BUFFER - s->len < n)
        wcr_stream_flush(s);
    return s->buf + s->len;
}

static inline void wcr_stream_done(wcr_stream *s, const char *end)
{
    s->len = (size_t)(end - s->buf);
}

/* Copies the ten characters of a date into `at`; returns the end. */
static inline char *wcr_stream_date(wcr_stream *s, char *at, wc_date date)
{
    size_t slot = (size_t)((uint32_t)date % WCR_STREAM_DATES);
    if (s->dates[slot].date != date || s->dates[slot].text[0] == '\0') {
        s->dates[slot].date = date;
        wc_date_format(date, s->dates[slot].text);
    }
    memcpy(at, s->dates[slot].text, 10);
    return at + 10;
}

/* Appends a JSON string as cJSON writes it: the escapes of RFC 8259, other
 * control characters as \u00XX, everything else as it is. */
void wcr_stream_json_string(wcr_stream *s, const char *text, size_t len);

/* Appends the same to `b`. Returns false if memory ran out (then or
 * before: b->failed). */
bool wcr_buffer_json_string(wcr_buffer *b, const char *text, size_t len);

/* Writes `n` in decimal at `at`, right-aligned in `width` (at most 20);
 * returns the end. */
char *wcr_put_number(char *at, unsigned long n, int width);

/* Writes line number `n` at `at`, right-aligned in `width`: by counting up
 * the text of the last one where it is the next, else in full. Returns the
 * end. Needs 48 bytes of room at `at` (it copies in fixed sizes). */
char *wcr_stream_line_number(wcr_stream *s, char *at, unsigned long n, int width);

#endif
