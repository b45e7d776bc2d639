#include "json_read.h"

#include "json_locate.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

size_t wc_path_key(wc_reader *r, const char *key)
{
    if (r->depth < WC_PATH_DEPTH)
        r->steps[r->depth] = (wc_path_step){.key = key, .index = 0};
    return r->depth++;
}

size_t wc_path_index(wc_reader *r, size_t i)
{
    if (r->depth < WC_PATH_DEPTH)
        r->steps[r->depth] = (wc_path_step){.key = NULL, .index = i};
    return r->depth++;
}

void wc_path_restore(wc_reader *r, size_t mark)
{
    r->depth = mark;
}

/* Writes the current path as "a.b[3].c" into buf, cut to its size. */
static void format_path(const wc_reader *r, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->depth && i < WC_PATH_DEPTH && len + 1 < size; i++) {
        const wc_path_step *s = &r->steps[i];
        int n = s->key != NULL ? snprintf(buf + len, size - len, "%s%s", len ? "." : "", s->key)
                               : snprintf(buf + len, size - len, "[%zu]", s->index);
        if (n < 0)
            break;
        len += (size_t)n < size - len ? (size_t)n : size - len - 1;
    }
}

/* Removes the bytes of characters that a "%.40s" or the message's size
 * cut in two. The text was checked to be UTF-8 before it was parsed, so
 * these are the only bytes of a message that are not, and a message is
 * then whole characters only. */
static void drop_cut_characters(char *message)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)message;
    size_t len = strlen(message), i = 0, n = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t step = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        if (step <= 0) {
            i++;
            continue;
        }
        memmove(message + n, message + i, (size_t)step);
        n += (size_t)step;
        i += (size_t)step;
    }
    message[n] = '\0';
}

static void set_message(wc_reader *r, const char *prefix, const char *fmt, va_list ap)
{
    size_t used = 0;
    if (prefix != NULL && prefix[0] != '\0') {
        int n = snprintf(r->err->message, sizeof r->err->message, "%s: ", prefix);
        used = n > 0 ? (size_t)n : 0;
        if (used >= sizeof r->err->message)
            used = sizeof r->err->message - 1;
    }
    vsnprintf(r->err->message + used, sizeof r->err->message - used, fmt, ap);
    drop_cut_characters(r->err->message);
}

bool wc_fail(wc_reader *r, const char *fmt, ...)
{
    if (r->failed)
        return false;
    r->failed = true;
    char path[256];
    format_path(r, path, sizeof path);
    va_list ap;
    va_start(ap, fmt);
    set_message(r, path, fmt, ap);
    va_end(ap);
    size_t offset = wc_json_locate(r->text, r->len, path);
    wc_offset_to_line_column(r->text, r->len, offset, &r->err->line, &r->err->column);
    return false;
}

bool wc_fail_memory(wc_reader *r)
{
    if (r->failed)
        return false;
    r->failed = true;
    snprintf(r->err->message, sizeof r->err->message, "out of memory");
    r->err->line = r->err->column = 0;
    r->err->kind = WC_ERROR_MEMORY;
    return false;
}

bool wc_fail_at(wc_reader *r, size_t offset, const char *fmt, ...)
{
    if (r->failed)
        return false;
    r->failed = true;
    va_list ap;
    va_start(ap, fmt);
    set_message(r, NULL, fmt, ap);
    va_end(ap);
    wc_offset_to_line_column(r->text, r->len, offset, &r->err->line, &r->err->column);
    return false;
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an invalid value";
}

bool wc_expect_object(wc_reader *r, const cJSON *v)
{
    if (r->failed)
        return false;
    return cJSON_IsObject(v) ? true : wc_fail(r, "expected an object, found %s", type_name(v));
}

bool wc_expect_array(wc_reader *r, const cJSON *v)
{
    if (r->failed)
        return false;
    return cJSON_IsArray(v) ? true : wc_fail(r, "expected an array, found %s", type_name(v));
}

bool wc_check_keys(wc_reader *r, const cJSON *obj, const char *const *allowed, size_t n)
{
    if (r->failed)
        return false;
    for (const cJSON *c = obj->child; c != NULL; c = c->next) {
        bool known = false;
        for (size_t i = 0; i < n && !known; i++)
            known = allowed[i] != NULL && strcmp(allowed[i], c->string) == 0;
        for (const cJSON *d = obj->child; d != c; d = d->next) {
            if (strcmp(d->string, c->string) == 0) {
                size_t mark = wc_path_key(r, c->string);
                wc_fail(r, "key given twice");
                wc_path_restore(r, mark);
                return false;
            }
        }
        if (!known) {
            size_t mark = wc_path_key(r, c->string);
            wc_fail(r, "unknown key '%.60s'", c->string);
            wc_path_restore(r, mark);
            return false;
        }
    }
    return true;
}

/* Finds member `key`; a missing required one is a fault at the object. */
static bool member(wc_reader *r, const cJSON *obj, const char *key, bool required,
                   const cJSON **out)
{
    if (r->failed)
        return false;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if ((v == NULL || cJSON_IsNull(v)) && required) {
        if (v == NULL)
            return wc_fail(r, "missing key '%s'", key);
        size_t mark = wc_path_key(r, key);
        wc_fail(r, "must not be null");
        wc_path_restore(r, mark);
        return false;
    }
    *out = v == NULL || cJSON_IsNull(v) ? NULL : v;
    return true;
}

/* Bidirectional formatting characters: embeddings and overrides, isolates
 * and the marks, which can make a name display as another. */
static bool is_bidi_control(utf8proc_int32_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
           c == 0x200f || c == 0x061c;
}

bool wc_check_text(wc_reader *r, const char *s)
{
    if (r->failed)
        return false;
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t len = strlen(s), i = 0;
    bool blank = true;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0)
            return wc_fail(r, "not valid UTF-8");
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            return wc_fail(r, "a control character (U+%04X) in a string", (unsigned)c);
        if (is_bidi_control(c))
            return wc_fail(r, "a bidirectional formatting character (U+%04X) in a string",
                           (unsigned)c);
        utf8proc_category_t cat = utf8proc_category(c);
        blank = blank && (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
                          cat == UTF8PROC_CATEGORY_ZP);
        i += (size_t)n;
    }
    if (blank)
        return wc_fail(r, "a string of only spaces");
    return true;
}

bool wc_read_string(wc_reader *r, const cJSON *obj, const char *key, bool required,
                    const char **out)
{
    const cJSON *v = NULL;
    *out = NULL;
    if (!member(r, obj, key, required, &v))
        return false;
    if (v == NULL)
        return true;
    size_t mark = wc_path_key(r, key);
    bool ok = true;
    if (!cJSON_IsString(v))
        ok = wc_fail(r, "expected a string, found %s", type_name(v));
    else if (v->valuestring[0] == '\0')
        ok = wc_fail(r, "empty string");
    else if ((ok = wc_check_text(r, v->valuestring)))
        *out = v->valuestring;
    wc_path_restore(r, mark);
    return ok;
}

bool wc_read_date(wc_reader *r, const cJSON *obj, const char *key, bool required,
                  wc_date *out)
{
    const cJSON *v = NULL;
    *out = WC_DATE_UNKNOWN;
    if (!member(r, obj, key, required, &v))
        return false;
    if (v == NULL)
        return true;
    size_t mark = wc_path_key(r, key);
    bool ok = true;
    if (!cJSON_IsString(v))
        ok = wc_fail(r, "expected a date (YYYY-MM-DD), found %s", type_name(v));
    else if (!wc_date_parse(v->valuestring, strlen(v->valuestring), out))
        ok = wc_fail(r, "not a date: '%.40s'", v->valuestring);
    wc_path_restore(r, mark);
    return ok;
}

bool wc_read_array(wc_reader *r, const cJSON *obj, const char *key, const cJSON **out)
{
    const cJSON *v = NULL;
    if (!member(r, obj, key, true, &v))
        return false;
    size_t mark = wc_path_key(r, key);
    bool ok = wc_expect_array(r, v);
    wc_path_restore(r, mark);
    *out = v;
    return ok;
}

bool wc_read_optional_object(wc_reader *r, const cJSON *obj, const char *key,
                             const cJSON **out)
{
    const cJSON *v = NULL;
    *out = NULL;
    if (!member(r, obj, key, false, &v))
        return false;
    if (v == NULL)
        return true;
    size_t mark = wc_path_key(r, key);
    bool ok = wc_expect_object(r, v);
    wc_path_restore(r, mark);
    *out = v;
    return ok;
}

bool wc_check_charset(wc_reader *r, const char *s, const char *allowed, size_t max_len,
                      const char *what)
{
    if (r->failed)
        return false;
    size_t n = strlen(s);
    if (n == 0 || n > max_len || strspn(s, allowed) != n)
        return wc_fail(r, "not %s: '%.40s'", what, s);
    return true;
}
