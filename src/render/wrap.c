/* Text that fits a terminal: display widths by utf8proc's character widths,
 * padding by display columns, and paragraphs wrapped at a width with a
 * hanging indent. */
#include "writer.h"

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

/* How many bytes of the `len` at `s` fit in `cols` columns (at least one
 * character, so that a break always makes progress). */
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
        if (used + cw > cols && i > 0)
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
