#include "echo.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* Characters that would move the cursor, reorder or hide text, or end the
 * line on a terminal. */
static bool unsafe_to_print(utf8proc_int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return true;
    default:
        return false;
    }
}

const char *cli_escape(const char *text, size_t max_chars, char *buf, size_t size)
{
    static const char ellipsis[] = "...";
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
    size_t len = strlen(text), i = 0, n = 0, chars = 0;
    if (size == 0)
        return buf;
    while (i < len) {
        /* Printable ASCII, nearly every byte of a message, is copied as it
         * is without asking utf8proc (a message repeated for a million bad
         * lines spent most of its time here). */
        if (s[i] >= 0x20 && s[i] < 0x7f && chars < max_chars && n + 1 + sizeof ellipsis <= size) {
            buf[n++] = (char)s[i++];
            chars++;
            continue;
        }
        char piece[16];
        size_t plen;
        utf8proc_int32_t c;
        utf8proc_ssize_t step =
            utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        if (step <= 0) {
            plen = (size_t)snprintf(piece, sizeof piece, "\\x%02x", s[i]);
            step = 1;
        } else if (c < 0x80 && unsafe_to_print(c)) {
            plen = (size_t)snprintf(piece, sizeof piece, "\\x%02x", (unsigned)c);
        } else if (unsafe_to_print(c)) {
            plen = (size_t)snprintf(piece, sizeof piece, c <= 0xFFFF ? "\\u%04X" : "\\U%08X",
                                    (unsigned)c);
        } else {
            plen = (size_t)step;
            memcpy(piece, s + i, plen);
        }
        /* Keep room for "..." whenever more text could follow. */
        if (chars == max_chars || n + plen + sizeof ellipsis > size) {
            if (n + sizeof ellipsis <= size) {
                memcpy(buf + n, ellipsis, sizeof ellipsis);
                return buf;
            }
            break;
        }
        memcpy(buf + n, piece, plen);
        n += plen;
        i += (size_t)step;
        chars++;
    }
    buf[n] = '\0';
    return buf;
}

const char *cli_echo(const char *text, char buf[CLI_ECHO_BUFSIZE])
{
    return cli_escape(text, CLI_ECHO_CHARS, buf, CLI_ECHO_BUFSIZE);
}
