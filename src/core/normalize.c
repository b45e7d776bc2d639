#include "normalize.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool is_apostrophe(utf8proc_int32_t c)
{
    return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC ||
           c == 0x00B4;
}

static bool is_word_char(utf8proc_int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

/* Appends the words of folded UTF-8 text to out, a space before each word
 * but the first; out must hold strlen(folded) * 4 + 5 bytes (a one-byte "&" grows to
 * " and "). */
static size_t append_words(const utf8proc_uint8_t *s, size_t len, char *out, size_t n)
{
    bool in_word = false;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t step = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        if (step <= 0)
            return SIZE_MAX;
        if (is_apostrophe(c)) {
            /* "d'Ivoire" is one word: the apostrophe joins, it does not split. */
        } else if (c == '&') {
            if (n > 0)
                out[n++] = ' ';
            memcpy(out + n, "and", 3);
            n += 3;
            in_word = false;
        } else if (is_word_char(c)) {
            if (!in_word && n > 0)
                out[n++] = ' ';
            memcpy(out + n, s + i, (size_t)step);
            n += (size_t)step;
            in_word = true;
        } else {
            in_word = false;
        }
        i += (size_t)step;
    }
    return n;
}

bool wc_name_has_comma(const char *name)
{
    return strchr(name, ',') != NULL;
}

char *wc_name_key(const char *name, bool invert)
{
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t flen = utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
                                         UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                             UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                             UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    if (flen < 0) {
        errno = flen == UTF8PROC_ERROR_NOMEM ? ENOMEM : EILSEQ;
        return NULL;
    }
    size_t len = (size_t)flen;
    char *out = malloc(len * 4 + 5);
    if (out == NULL) {
        free(folded);
        errno = ENOMEM;
        return NULL;
    }
    size_t n = 0;
    const char *comma = invert ? strrchr((const char *)folded, ',') : NULL;
    if (comma != NULL) {
        size_t head = (size_t)(comma - (const char *)folded);
        n = append_words(folded + head + 1, len - head - 1, out, 0);
        if (n != SIZE_MAX)
            n = append_words(folded, head, out, n);
    } else {
        n = append_words(folded, len, out, 0);
    }
    free(folded);
    if (n == SIZE_MAX) {
        free(out);
        errno = EILSEQ;
        return NULL;
    }
    out[n] = '\0';
    if (strncmp(out, "the ", 4) == 0)
        memmove(out, out + 4, n - 4 + 1);
    return out;
}

void wc_key_squeeze(const char *key, char *out)
{
    for (; *key != '\0'; key++)
        if (*key != ' ')
            *out++ = *key;
    *out = '\0';
}

size_t wc_edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    /* Three rows suffice for the transposition rule. */
    size_t *rows = malloc(3 * (lb + 1) * sizeof *rows);
    if (rows == NULL)
        return limit + 1;
    size_t *prev2 = rows, *prev = rows + lb + 1, *cur = rows + 2 * (lb + 1);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    size_t result = 0;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (prev[j - 1] + cost < best)
                best = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
            if (best < row_min)
                row_min = best;
        }
        if (row_min > limit) {
            free(rows);
            return limit + 1;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    result = prev[lb];
    free(rows);
    return result > limit ? limit + 1 : result;
}
