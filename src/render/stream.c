/* The streaming row primitives (see stream.h). */
#include "stream.h"

#include <stdlib.h>

bool wcr_stream_open(wcr_stream *s, const wcr_writer *w)
{
    s->w = w;
    s->len = 0;
    s->line_number = 0;
    s->line_len = 0;
    memset(s->dates, 0, sizeof s->dates);
    s->buf = malloc(WCR_STREAM_BUFFER);
    return s->buf != NULL;
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
}

void wcr_stream_json_string(wcr_stream *s, const char *text, size_t len)
{
    wcr_stream_bytes(s, "\"", 1);
    size_t plain = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        wcr_stream_bytes(s, text + plain, i - plain);
        plain = i + 1;
        char esc[8];
        switch (ch) {
        case '"': wcr_stream_bytes(s, "\\\"", 2); break;
        case '\\': wcr_stream_bytes(s, "\\\\", 2); break;
        case '\b': wcr_stream_bytes(s, "\\b", 2); break;
        case '\f': wcr_stream_bytes(s, "\\f", 2); break;
        case '\n': wcr_stream_bytes(s, "\\n", 2); break;
        case '\r': wcr_stream_bytes(s, "\\r", 2); break;
        case '\t': wcr_stream_bytes(s, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", ch);
            wcr_stream_bytes(s, esc, 6);
            break;
        }
    }
    wcr_stream_bytes(s, text + plain, len - plain);
    wcr_stream_bytes(s, "\"", 1);
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
    for (int i = s->line_len; i < width; i++)
        *at++ = ' ';
    memcpy(at, s->line_text, (size_t)s->line_len);
    return at + s->line_len;
}
