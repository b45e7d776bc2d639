#include "json_locate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static size_t skip_ws(const char *t, size_t len, size_t i)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
        i++;
    return i;
}

/* i is at an opening quote; returns the index after the closing one. */
static size_t skip_string(const char *t, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (t[i] == '\\')
            i++;
        else if (t[i] == '"')
            return i + 1;
    }
    return len;
}

/* Skips one value of any kind without recursion, so deep nesting is safe. */
static size_t skip_value(const char *t, size_t len, size_t i)
{
    size_t depth = 0;
    while (i < len) {
        char c = t[i];
        if (c == '"') {
            i = skip_string(t, len, i);
        } else if (c == '{' || c == '[') {
            depth++;
            i++;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            depth--;
            i++;
        } else if (c == ',' && depth == 0) {
            return i;
        } else {
            i++;
        }
        if (depth == 0 && (c == '"' || c == '}' || c == ']'))
            return i;
    }
    return i;
}

/* From the value at *i, past it and its ',' to the next member or element;
 * false if the object or array ends there (or the text does). */
static bool next_item(const char *t, size_t len, size_t *i)
{
    size_t at = skip_ws(t, len, skip_value(t, len, *i));
    if (at >= len || t[at] != ',')
        return false;
    *i = skip_ws(t, len, at + 1);
    return true;
}

/* Moves from an object's '{' to the value of member `key`, if present. */
static bool enter_member(const char *t, size_t len, size_t *pos, const char *key,
                         size_t klen)
{
    size_t i = skip_ws(t, len, *pos + 1);
    while (i < len && t[i] == '"') {
        size_t kstart = i + 1;
        size_t kend = skip_string(t, len, i);
        i = skip_ws(t, len, kend);
        if (i >= len || t[i] != ':')
            return false;
        i = skip_ws(t, len, i + 1);
        if (kend - 1 - kstart == klen && memcmp(t + kstart, key, klen) == 0) {
            *pos = i;
            return true;
        }
        if (!next_item(t, len, &i))
            return false;
    }
    return false;
}

/* Moves from an array's '[' to its element number n, if present. */
static bool enter_element(const char *t, size_t len, size_t *pos, unsigned long n)
{
    size_t i = skip_ws(t, len, *pos + 1);
    if (i < len && t[i] == ']')
        return false;
    for (unsigned long k = 0; i < len; k++) {
        if (k == n) {
            *pos = i;
            return true;
        }
        if (!next_item(t, len, &i))
            return false;
    }
    return false;
}

size_t wc_json_locate(const char *text, size_t len, const char *path)
{
    size_t pos = skip_ws(text, len, 0);
    const char *p = path;
    while (*p != '\0' && pos < len) {
        if (*p == '.')
            p++;
        if (*p == '[') {
            char *end;
            unsigned long n = strtoul(p + 1, &end, 10);
            if (text[pos] != '[' || !enter_element(text, len, &pos, n))
                return pos;
            p = *end == ']' ? end + 1 : end;
        } else {
            size_t klen = strcspn(p, ".[");
            if (text[pos] != '{' || !enter_member(text, len, &pos, p, klen))
                return pos;
            p += klen;
        }
    }
    return pos;
}

bool wc_json_truncated(const char *text, size_t len)
{
    size_t depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '"') {
            i = skip_string(text, len, i);
            if (i >= len && (len == 0 || text[len - 1] != '"'))
                return true;
            i--;
        } else if (text[i] == '{' || text[i] == '[') {
            depth++;
        } else if ((text[i] == '}' || text[i] == ']') && depth > 0) {
            depth--;
        }
    }
    return depth > 0;
}

size_t wc_json_depth_at(const char *text, size_t len, size_t offset)
{
    size_t depth = 0;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '"') {
            i = skip_string(text, len, i) - 1;
        } else if (text[i] == '{' || text[i] == '[') {
            depth++;
        } else if ((text[i] == '}' || text[i] == ']') && depth > 0) {
            depth--;
        }
    }
    return depth;
}

void wc_offset_to_line_column(const char *text, size_t len, size_t offset,
                              unsigned long *line, unsigned long *column)
{
    unsigned long l = 1, c = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}
