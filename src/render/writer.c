/* The writer back ends: a FILE * and a growing memory buffer (see
 * <warrantcheck/render.h>). */
#include "writer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

/* ------------------------------------------------------------ FILE * */

static bool file_len(const char *s, size_t len, void *ud)
{
    if (len > 0)
        fwrite(s, 1, len, ud);
    return true; /* write errors stay in the stream, for ferror() */
}

static bool file_char(char c, size_t count, void *ud)
{
    while (count-- > 0)
        fputc(c, ud);
    return true;
}

static bool file_int(long long v, void *ud)
{
    fprintf(ud, "%lld", v);
    return true;
}

static bool file_vprintf(void *ud, const char *fmt, va_list ap)
{
    /* Negative without a stream error: formatting itself failed (memory). */
    return vfprintf(ud, fmt, ap) >= 0 || ferror((FILE *)ud);
}

wcr_writer wcr_writer_file(FILE *f)
{
    return (wcr_writer){file_len, file_char, file_int, f, file_vprintf};
}

/* ------------------------------------------------------------ memory */

/* Makes room for `more` bytes and the NUL. */
static bool buffer_reserve(wcr_buffer *b, size_t more)
{
    if (b->failed)
        return false;
    if (more < b->cap - b->len)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= more) {
        if (cap > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (data == NULL) {
        b->failed = true;
        return false;
    }
    b->data = data;
    b->cap = cap;
    return true;
}

char *wcr_buffer_room(wcr_buffer *b, size_t n)
{
    return buffer_reserve(b, n) ? b->data + b->len : NULL;
}

static bool buffer_len(const char *s, size_t len, void *ud)
{
    wcr_buffer *b = ud;
    if (!buffer_reserve(b, len))
        return false;
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return true;
}

bool wcr_buffer_append(wcr_buffer *b, const char *s, size_t len)
{
    return buffer_len(s, len, b);
}

static bool buffer_char(char c, size_t count, void *ud)
{
    wcr_buffer *b = ud;
    if (!buffer_reserve(b, count))
        return false;
    if (count == 1)
        b->data[b->len] = c;
    else
        memset(b->data + b->len, c, count);
    b->len += count;
    b->data[b->len] = '\0';
    return true;
}

static bool buffer_int(long long v, void *ud)
{
    char text[24];
    int n = snprintf(text, sizeof text, "%lld", v);
    return buffer_len(text, (size_t)n, ud);
}

/* Formats straight into the buffer: once when it fits, twice when the
 * buffer must grow first. */
static bool buffer_vprintf(void *ud, const char *fmt, va_list ap)
{
    wcr_buffer *b = ud;
    if (!buffer_reserve(b, 0))
        return false;
    va_list again;
    va_copy(again, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    bool ok = n >= 0;
    if (ok && (size_t)n >= room) {
        ok = buffer_reserve(b, (size_t)n);
        if (ok)
            vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    if (!ok) {
        b->data[b->len] = '\0';
        return false;
    }
    b->len += (size_t)n;
    return true;
}

wcr_writer wcr_writer_buffer(wcr_buffer *b)
{
    return (wcr_writer){buffer_len, buffer_char, buffer_int, b, buffer_vprintf};
}

void wcr_buffer_free(wcr_buffer *b)
{
    free(b->data);
    *b = (wcr_buffer){0};
}

/* ----------------------------------------------------------- checked */

static bool checked_len(const char *s, size_t len, void *ud)
{
    wcr_checked *c = ud;
    c->failed = c->failed || !c->to->append_len(s, len, c->to->ud);
    return !c->failed;
}

static bool checked_char(char ch, size_t count, void *ud)
{
    wcr_checked *c = ud;
    c->failed = c->failed || !c->to->append_char(ch, count, c->to->ud);
    return !c->failed;
}

static bool checked_int(long long v, void *ud)
{
    wcr_checked *c = ud;
    c->failed = c->failed || !c->to->append_int(v, c->to->ud);
    return !c->failed;
}

static bool vprintf_by_len(const wcr_writer *w, const char *fmt, va_list ap);

static bool checked_vprintf(void *ud, const char *fmt, va_list ap)
{
    wcr_checked *c = ud;
    if (!c->failed)
        c->failed = !(c->to->append_vprintf != NULL ? c->to->append_vprintf(c->to->ud, fmt, ap)
                                                    : vprintf_by_len(c->to, fmt, ap));
    return !c->failed;
}

wcr_writer wcr_writer_checked(wcr_checked *c, const wcr_writer *to)
{
    c->to = to;
    c->failed = false;
    return (wcr_writer){checked_len, checked_char, checked_int, c, checked_vprintf};
}

/* ------------------------------------------------------------ helpers */

bool wcr_write(const wcr_writer *w, const char *s, size_t len)
{
    return w->append_len(s, len, w->ud);
}

bool wcr_puts(const wcr_writer *w, const char *s)
{
    return w->append_len(s, strlen(s), w->ud);
}

bool wcr_putc(const wcr_writer *w, char c)
{
    return w->append_char(c, 1, w->ud);
}

bool wcr_put_int(const wcr_writer *w, long long v)
{
    return w->append_int(v, w->ud);
}

/* wcr_printf for a writer without append_vprintf: formats into memory,
 * then appends. */
static bool vprintf_by_len(const wcr_writer *w, const char *fmt, va_list ap)
{
    char small[512];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    bool ok = n >= 0;
    if (ok && (size_t)n < sizeof small) {
        ok = w->append_len(small, (size_t)n, w->ud);
    } else if (ok) {
        char *big = malloc((size_t)n + 1);
        ok = big != NULL;
        if (ok) {
            vsnprintf(big, (size_t)n + 1, fmt, again);
            ok = w->append_len(big, (size_t)n, w->ud);
        }
        free(big);
    }
    va_end(again);
    return ok;
}

bool wcr_printf(const wcr_writer *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = w->append_vprintf != NULL ? w->append_vprintf(w->ud, fmt, ap)
                                        : vprintf_by_len(w, fmt, ap);
    va_end(ap);
    return ok;
}

bool wcr_write_xml(const wcr_writer *w, const char *s, size_t len)
{
    bool ok = true;
    size_t plain = 0, i = 0;
    for (; i < len && s[i] != '\0'; i++) {
        const char *esc;
        switch (s[i]) {
        case '&': esc = "&amp;"; break;
        case '<': esc = "&lt;"; break;
        case '>': esc = "&gt;"; break;
        case '"': esc = "&quot;"; break;
        case '\'': esc = "&apos;"; break;
        default: continue;
        }
        ok &= wcr_write(w, s + plain, i - plain) && wcr_puts(w, esc);
        plain = i + 1;
    }
    return wcr_write(w, s + plain, i - plain) && ok;
}
