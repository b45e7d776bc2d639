/* "Did you mean": the names nearest to a mistyped one (suggest.h). */
#include "suggest.h"

#include <string.h>

static char lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* The optimal string alignment distance of a and b, in any case: the
 * fewest insertions, deletions, substitutions and swaps of two neighbours.
 * Past `limit` it returns limit + 1; so does a b of more than 63 bytes. */
static size_t distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (lb > 63 || (la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    size_t buf[3][64];
    size_t *before = buf[0], *prev = buf[1], *row = buf[2]; /* rows i-2, i-1, i */
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        row[0] = i;
        size_t best = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t d = prev[j - 1] + (lower(a[i - 1]) != lower(b[j - 1]));
            if (prev[j] + 1 < d)
                d = prev[j] + 1;
            if (row[j - 1] + 1 < d)
                d = row[j - 1] + 1;
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && before[j - 2] + 1 < d)
                d = before[j - 2] + 1;
            row[j] = d;
            if (d < best)
                best = d;
        }
        if (best > limit)
            return limit + 1;
        size_t *oldest = before;
        before = prev;
        prev = row;
        row = oldest;
    }
    return prev[lb];
}

size_t suggest(const char *typed, const char *const *names, size_t n, const char **out,
               size_t max)
{
    /* One slip in a short word, two in a longer one. */
    size_t len = strlen(typed);
    size_t limit = len < 6 ? 1 : 2;
    size_t best = limit + 1, found = 0;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(typed, names[i], limit);
        if (d > limit || d > best)
            continue;
        if (d < best) {
            best = d;
            found = 0;
        }
        if (found < max)
            out[found++] = names[i];
    }
    return found;
}
