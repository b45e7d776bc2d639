/* The streaming row primitives (see stream.h). */
#include "stream.h"

#include "writer.h"

#include <stdlib.h>

bool wcr_stream_open(wcr_stream *s, const wcr_writer *w)
{
    s->w = w;
    s->len = 0;
    s->line_number = 0;
    s->line_len = 0;
    s->dates = calloc(WCR_STREAM_DATES, sizeof *s->dates);
    s->buf = malloc(WCR_STREAM_BUFFER);
    return s->buf != NULL && s->dates != NULL;
}

void wcr_stream_flush(wcr_stream *s)
{
    if (s->len > 0)
        wcr_write(s->w, s->buf, s->len);
    s->len = 0;
}

void wcr_stream_close(wcr_stream *s)
{
    if (s->buf != NULL)
        wcr_stream_flush(s);
    free(s->buf);
    s->buf = NULL;
    free(s->dates);
    s->dates = NULL;
}

/* The escape of a byte JSON may not hold as it is (cJSON's choice of
 * escapes), into `out`; returns its length. */
static size_t json_escape(unsigned char ch, char out[8])
{
    switch (ch) {
    case '"': memcpy(out, "\\\"", 2); return 2;
    case '\\': memcpy(out, "\\\\", 2); return 2;
    case '\b': memcpy(out, "\\b", 2); return 2;
    case '\f': memcpy(out, "\\f", 2); return 2;
    case '\n': memcpy(out, "\\n", 2); return 2;
    case '\r': memcpy(out, "\\r", 2); return 2;
    case '\t': memcpy(out, "\\t", 2); return 2;
    default: {
        static const char hex[] = "0123456789abcdef";
        memcpy(out, "\\u00", 4);
        out[4] = hex[ch >> 4];
        out[5] = hex[ch & 15];
        return 6;
    }
    }
}

static inline bool json_plain(unsigned char ch)
{
    return ch >= 0x20 && ch != '"' && ch != '\\';
}

/* The index of the first byte from `i` that JSON must escape, or `len`:
 * eight bytes at a time while none is below 0x20, '"' or '\\' (the
 * tests of "Bit Twiddling Hacks": a byte below n, a zero byte). */
static size_t json_plain_run(const char *text, size_t i, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    for (; i + 8 <= len; i += 8) {
        uint64_t w, q, b;
        memcpy(&w, text + i, 8);
        q = w ^ (ones * '"');
        b = w ^ (ones * '\\');
        if ((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) & high)
            break;
    }
    while (i < len && json_plain((unsigned char)text[i]))
        i++;
    return i;
}

void wcr_stream_json_string(wcr_stream *s, const char *text, size_t len)
{
    wcr_stream_bytes(s, "\"", 1);
    for (size_t i = 0; i < len;) {
        size_t stop = json_plain_run(text, i, len);
        wcr_stream_bytes(s, text + i, stop - i);
        if (stop == len)
            break;
        char esc[8];
        wcr_stream_bytes(s, esc, json_escape((unsigned char)text[stop], esc));
        i = stop + 1;
    }
    wcr_stream_bytes(s, "\"", 1);
}

bool wcr_buffer_json_string(wcr_buffer *b, const char *text, size_t len)
{
    wcr_buffer_append(b, "\"", 1);
    for (size_t i = 0; i < len;) {
        size_t stop = json_plain_run(text, i, len);
        wcr_buffer_append(b, text + i, stop - i);
        if (stop == len)
            break;
        char esc[8];
        wcr_buffer_append(b, esc, json_escape((unsigned char)text[stop], esc));
        i = stop + 1;
    }
    return wcr_buffer_append(b, "\"", 1) && !b->failed;
}

char *wcr_put_number(char *at, unsigned long n, int width)
{
    /* Two digits at a time, from the right. */
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    int digits = 1;
    for (unsigned long v = n; v >= 10; v /= 10)
        digits++;
    int pad = width > digits ? width - digits : 0;
    memcpy(at, "                    ", (size_t)pad);
    char *end = at + pad + digits, *p = end;
    while (n >= 100) {
        unsigned long two = n % 100;
        n /= 100;
        p -= 2;
        memcpy(p, pairs + 2 * two, 2);
    }
    if (n >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * n, 2);
    } else {
        *--p = (char)('0' + n);
    }
    return end;
}

char *wcr_stream_line_number(wcr_stream *s, char *at, unsigned long n, int width)
{
    if (s->line_len > 0 && n == s->line_number + 1) {
        int i = s->line_len - 1;
        while (i >= 0 && s->line_text[i] == '9')
            s->line_text[i--] = '0';
        if (i >= 0) {
            s->line_text[i]++;
        } else { /* 999 -> 1000 */
            memmove(s->line_text + 1, s->line_text, (size_t)s->line_len);
            s->line_text[0] = '1';
            s->line_len++;
        }
    } else {
        s->line_len = (int)(wcr_put_number(s->line_text, n, 0) - s->line_text);
    }
    s->line_number = n;
    /* Copies of fixed size, which the compiler inlines, then the pointer
     * moved by what counts: the caller's room (wcr_stream_room) holds
     * them. */
    if (width > s->line_len) {
        memcpy(at, "                    ", 20);
        at += width - s->line_len;
    }
    memcpy(at, s->line_text, sizeof s->line_text);
    return at + s->line_len;
}
