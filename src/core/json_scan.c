/* RFC 8259, section 2-7, as a recursive descent that only reads: each
 * function returns false at the first fault, which it records. Depth is
 * bounded by the caller's limit, so the recursion is too. */
#include "json_scan.h"

#include <stdbool.h>
#include <string.h>

typedef struct scanner {
    const char *s;
    size_t len, pos;
    size_t max_depth, max_values;
    wc_json_scan out;
} scanner;

static bool fault(scanner *k, wc_json_fault why, size_t at)
{
    k->out.fault = why;
    k->out.at = at;
    return false;
}

static void skip_space(scanner *k)
{
    while (k->pos < k->len && strchr(" \t\r\n", k->s[k->pos]) != NULL && k->s[k->pos] != '\0')
        k->pos++;
}

static bool is_digit(scanner *k)
{
    return k->pos < k->len && k->s[k->pos] >= '0' && k->s[k->pos] <= '9';
}

static bool literal(scanner *k, const char *word)
{
    size_t n = strlen(word);
    if (k->len - k->pos < n || memcmp(k->s + k->pos, word, n) != 0)
        return fault(k, WC_JSON_SYNTAX, k->pos);
    k->pos += n;
    return true;
}

static bool digits(scanner *k)
{
    if (!is_digit(k))
        return fault(k, WC_JSON_SYNTAX, k->pos);
    while (is_digit(k))
        k->pos++;
    return true;
}

/* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
static bool number(scanner *k)
{
    if (k->s[k->pos] == '-')
        k->pos++;
    if (k->pos < k->len && k->s[k->pos] == '0')
        k->pos++;
    else if (!digits(k))
        return false;
    if (k->pos < k->len && k->s[k->pos] == '.') {
        k->pos++;
        if (!digits(k))
            return false;
    }
    if (k->pos < k->len && (k->s[k->pos] == 'e' || k->s[k->pos] == 'E')) {
        k->pos++;
        if (k->pos < k->len && (k->s[k->pos] == '+' || k->s[k->pos] == '-'))
            k->pos++;
        if (!digits(k))
            return false;
    }
    return true;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool string(scanner *k)
{
    k->pos++; /* the opening quote */
    while (k->pos < k->len) {
        unsigned char c = (unsigned char)k->s[k->pos];
        if (c == '"') {
            k->pos++;
            return true;
        }
        if (c < 0x20)
            return fault(k, WC_JSON_CONTROL, k->pos);
        if (c != '\\') {
            k->pos++;
            continue;
        }
        if (k->pos + 1 >= k->len)
            break;
        char e = k->s[k->pos + 1];
        if (e == 'u') {
            if (k->len - k->pos < 6)
                break;
            for (size_t i = 2; i < 6; i++)
                if (!is_hex(k->s[k->pos + i]))
                    return fault(k, WC_JSON_SYNTAX, k->pos + i);
            k->pos += 6;
        } else if (e != '\0' && strchr("\"\\/bfnrt", e) != NULL) {
            k->pos += 2;
        } else {
            return fault(k, WC_JSON_SYNTAX, k->pos + 1);
        }
    }
    return fault(k, WC_JSON_SYNTAX, k->len);
}

static bool value(scanner *k, size_t depth);

/* An object or an array, from its opening bracket. */
static bool container(scanner *k, size_t depth, bool object)
{
    if (depth + 1 > k->max_depth)
        return fault(k, WC_JSON_TOO_DEEP, k->pos);
    char close = object ? '}' : ']';
    k->pos++;
    skip_space(k);
    if (k->pos < k->len && k->s[k->pos] == close) {
        k->pos++;
        return true;
    }
    for (;;) {
        if (object) {
            skip_space(k);
            if (k->pos >= k->len || k->s[k->pos] != '"')
                return fault(k, WC_JSON_SYNTAX, k->pos);
            if (!string(k))
                return false;
            skip_space(k);
            if (k->pos >= k->len || k->s[k->pos] != ':')
                return fault(k, WC_JSON_SYNTAX, k->pos);
            k->pos++;
        }
        if (!value(k, depth + 1))
            return false;
        skip_space(k);
        if (k->pos >= k->len)
            return fault(k, WC_JSON_SYNTAX, k->len);
        if (k->s[k->pos] == close) {
            k->pos++;
            return true;
        }
        if (k->s[k->pos] != ',')
            return fault(k, WC_JSON_SYNTAX, k->pos);
        k->pos++;
    }
}

static bool value(scanner *k, size_t depth)
{
    skip_space(k);
    if (k->pos >= k->len)
        return fault(k, WC_JSON_SYNTAX, k->len);
    if (k->out.values == k->max_values)
        return fault(k, WC_JSON_TOO_MANY, k->pos);
    k->out.values++;
    switch (k->s[k->pos]) {
    case '{':
        return container(k, depth, true);
    case '[':
        return container(k, depth, false);
    case '"':
        return string(k);
    case 't':
        return literal(k, "true");
    case 'f':
        return literal(k, "false");
    case 'n':
        return literal(k, "null");
    default:
        if (k->s[k->pos] == '-' || is_digit(k))
            return number(k);
        return fault(k, WC_JSON_SYNTAX, k->pos);
    }
}

wc_json_scan wc_json_scan_text(const char *text, size_t len, size_t max_depth, size_t max_values)
{
    scanner k = {.s = text, .len = len, .max_depth = max_depth, .max_values = max_values,
                 .out = {.fault = WC_JSON_OK, .at = len}};
    /* A byte order mark may lead the text (RFC 8259 section 8.1), as cJSON allows. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        k.pos = 3;
    if (value(&k, 0)) {
        skip_space(&k);
        if (k.pos < len)
            fault(&k, WC_JSON_SYNTAX, k.pos);
    }
    return k.out;
}
