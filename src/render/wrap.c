/* Text that fits a terminal: display widths by utf8proc's character widths,
 * padding by display columns, and paragraphs wrapped at a width with a
 * hanging indent. */
#include "writer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* The length of the ANSI escape at s ("\033[...m"), or 0. */
static size_t escape_len(const char *s)
{
    if (s[0] != '\033' || s[1] != '[')
        return 0;
    size_t i = 2;
    while (s[i] != '\0' && (s[i] < '@' || s[i] > '~'))
        i++;
    return s[i] != '\0' ? i + 1 : i;
}

/* The display width of the `len` bytes at `s`. */
static size_t width_of(const char *s, size_t len)
{
    size_t cols = 0, i = 0;
    while (i < len) {
        size_t e = escape_len(s + i);
        if (e > 0) {
            i += e;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            cols++, i++;
            continue;
        }
        int cw = utf8proc_charwidth(cp);
        cols += cw > 0 ? (size_t)cw : 0;
        i += (size_t)n;
    }
    return cols;
}

size_t wcr_display_width(const char *s)
{
    return width_of(s, strlen(s));
}

bool wcr_pad(const wcr_writer *w, const char *s, size_t width)
{
    size_t cols = wcr_display_width(s);
    bool ok = wcr_puts(w, s);
    if (cols < width)
        ok &= w->append_char(' ', width - cols, w->ud);
    return ok;
}

/* How many bytes of the `len` at `s` fit in `cols` columns (0 if not even
 * the first character does). */
static size_t fit_bytes(const char *s, size_t len, size_t cols)
{
    size_t used = 0, i = 0;
    while (i < len) {
        size_t e = escape_len(s + i);
        size_t n = e;
        size_t cw = 0;
        if (e == 0) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                  (utf8proc_ssize_t)(len - i), &cp);
            n = m > 0 ? (size_t)m : 1;
            int c = m > 0 ? utf8proc_charwidth(cp) : 1;
            cw = c > 0 ? (size_t)c : 0;
        }
        if (used + cw > cols)
            break;
        used += cw;
        i += n;
    }
    return i;
}

bool wcr_wrap_text(const wcr_writer *w, const wcr_opts *o, const char *prefix, unsigned indent,
                   const char *text, size_t *lines)
{
    size_t count = 1;
    bool ok = wcr_puts(w, prefix);
    if (o->width == 0 || o->width <= indent + 8) {
        ok &= wcr_puts(w, text) && wcr_putc(w, '\n');
        if (lines != NULL)
            *lines += count;
        return ok;
    }
    size_t width = o->width, col = wcr_display_width(prefix);
    bool line_empty = true; /* nothing but the prefix or indent yet */
    if (col >= width && *text != '\0') { /* a prefix as wide as the line */
        ok &= wcr_putc(w, '\n') && w->append_char(' ', indent, w->ud);
        col = indent, count++;
    }
    const char *p = text;
    while (*p != '\0') {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        size_t len = strcspn(p, " ");
        size_t cols = width_of(p, len);
        if (!line_empty && col + 1 + cols > width) {
            ok &= wcr_putc(w, '\n') && w->append_char(' ', indent, w->ud);
            col = indent, line_empty = true, count++;
        }
        if (!line_empty) {
            ok &= wcr_putc(w, ' ');
            col++;
        }
        /* A word wider than a whole line is broken where the line ends. */
        while (col + cols > width) {
            size_t b = fit_bytes(p, len, width - col);
            if (b == 0 && col == indent)
                b = 1; /* cannot be: a line holds more than 8 columns */
            ok &= wcr_write(w, p, b) && wcr_putc(w, '\n') &&
                  w->append_char(' ', indent, w->ud);
            p += b, len -= b;
            cols = width_of(p, len);
            col = indent, count++;
        }
        ok &= wcr_write(w, p, len);
        col += cols, line_empty = false;
        p += len;
    }
    ok &= wcr_putc(w, '\n');
    if (lines != NULL)
        *lines += count;
    return ok;
}

bool wcr_wrapped(const wcr_writer *w, const wcr_opts *o, const char *prefix, unsigned indent,
                 size_t *lines, const char *fmt, ...)
{
    wcr_buffer b = {0};
    wcr_writer bw = wcr_writer_buffer(&b);
    va_list ap;
    va_start(ap, fmt);
    bool ok = bw.append_vprintf(bw.ud, fmt, ap);
    va_end(ap);
    ok = ok && !b.failed && wcr_wrap_text(w, o, prefix, indent, b.data ? b.data : "", lines);
    wcr_buffer_free(&b);
    return ok;
}

/* The fewest columns a last column wraps in under itself; narrower, it
 * goes on lines of its own below the row. */
#define ROW_MIN_ROOM 16
#define ROW_HANG 4

bool wcr_wrap_row(const wcr_writer *w, const wcr_opts *o, const char *lead, const char *last)
{
    if (o->width == 0) /* a pipe: nothing measured */
        return wcr_puts(w, lead) && wcr_puts(w, last) && wcr_putc(w, '\n');
    size_t lead_cols = wcr_display_width(lead);
    if (lead_cols + wcr_display_width(last) <= o->width)
        return wcr_puts(w, lead) && wcr_puts(w, last) && wcr_putc(w, '\n');
    if (lead_cols + ROW_MIN_ROOM <= o->width)
        return wcr_wrap_text(w, o, lead, (unsigned)lead_cols, last, NULL);
    /* The row's columns, then its last column below them. */
    size_t keep = strlen(lead);
    while (keep > 0 && lead[keep - 1] == ' ')
        keep--;
    bool ok;
    if (width_of(lead, keep) <= o->width) { /* the columns stay aligned */
        ok = wcr_write(w, lead, keep) && wcr_putc(w, '\n');
    } else {
        wcr_buffer b = {0};
        ok = wcr_buffer_append(&b, lead, keep) && !b.failed &&
             wcr_wrap_text(w, o, "", ROW_HANG, b.data ? b.data : "", NULL);
        wcr_buffer_free(&b);
    }
    char hang[ROW_HANG + 1];
    memset(hang, ' ', ROW_HANG);
    hang[ROW_HANG] = '\0';
    return ok && wcr_wrap_text(w, o, hang, ROW_HANG, last, NULL);
}

/* ------------------------------------------------------ the wrapping writer */

/* Wraps each whole line held in ww->line and drops it from there. */
static bool wrap_held_lines(wcr_wrapping *ww)
{
    wcr_buffer *b = &ww->line;
    size_t start = 0;
    bool ok = true;
    for (size_t i = 0; i < b->len; i++) {
        if (b->data[i] != '\n')
            continue;
        b->data[i] = '\0';
        const char *line = b->data + start;
        size_t lead = strspn(line, " ");
        char prefix[64];
        if (lead >= sizeof prefix)
            lead = sizeof prefix - 1;
        memset(prefix, ' ', lead);
        prefix[lead] = '\0';
        ok &= wcr_wrap_text(ww->to, ww->opts, prefix, ww->indent + (unsigned)lead, line + lead,
                            NULL);
        start = i + 1;
    }
    memmove(b->data, b->data + start, b->len - start);
    b->len -= start;
    b->data[b->len] = '\0';
    return ok;
}

static bool wrapping_len(const char *s, size_t len, void *ud)
{
    wcr_wrapping *ww = ud;
    if (ww->failed)
        return false;
    if (ww->opts->width == 0) {
        ww->failed = !wcr_write(ww->to, s, len);
        return !ww->failed;
    }
    ww->failed = !wcr_buffer_append(&ww->line, s, len) ||
                 (memchr(s, '\n', len) != NULL && !wrap_held_lines(ww));
    return !ww->failed;
}

static bool wrapping_char(char c, size_t count, void *ud)
{
    bool ok = true;
    for (size_t i = 0; i < count && ok; i++)
        ok = wrapping_len(&c, 1, ud);
    return ok;
}

static bool wrapping_int(long long v, void *ud)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", v);
    return wrapping_len(buf, (size_t)n, ud);
}

wcr_writer wcr_writer_wrapping(wcr_wrapping *ww, const wcr_writer *to, const wcr_opts *o,
                               unsigned indent)
{
    *ww = (wcr_wrapping){.to = to, .opts = o, .indent = indent};
    return (wcr_writer){.append_len = wrapping_len,
                        .append_char = wrapping_char,
                        .append_int = wrapping_int,
                        .ud = ww};
}

bool wcr_wrapping_end(wcr_wrapping *ww)
{
    bool ok = !ww->failed;
    if (ok && ww->line.len > 0) /* a last line without its line end, as it is */
        ok = wcr_write(ww->to, ww->line.data, ww->line.len);
    wcr_buffer_free(&ww->line);
    ww->failed = true; /* writes no more */
    return ok;
}
