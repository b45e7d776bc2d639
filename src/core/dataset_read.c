/* Typed reads of the dataset's records, driven by the schema (schema.def):
 * one reader serves every record type. It reads a record's keys, then each
 * field by its kind in schema order, then the form of its ids and codes;
 * then it hands the record to its rules across fields (dataset_check.c),
 * and reads its lists last. */
#include "dataset_load.h"

#include <string.h>

#define ID_CHARS "abcdefghijklmnopqrstuvwxyz0123456789-"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

void *wc_load_alloc(loader *L, size_t count, size_t size)
{
    void *p = wc_arena_array(&L->lo->arena, count ? count : 1, size);
    if (p == NULL)
        wc_fail_memory(&L->r);
    return p;
}

bool wc_keep_string(loader *L, const char **s)
{
    if (*s == NULL || L->r.failed)
        return !L->r.failed;
    *s = wc_arena_strndup(&L->lo->arena, *s, strlen(*s));
    return *s != NULL || wc_fail_memory(&L->r);
}

bool wc_fail_key(loader *L, const char *key, const char *message)
{
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, "%s", message);
    wc_path_restore(&L->r, mark);
    return false;
}

bool wc_fail_dates(loader *L, const char *key, const char *what, wc_date a, wc_date b)
{
    char x[WC_DATE_BUFSIZE], y[WC_DATE_BUFSIZE];
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, what, wc_date_format(a, x), wc_date_format(b, y));
    wc_path_restore(&L->r, mark);
    return false;
}

/* ------------------------------------------------------ one member */

/* `sources`: a non-empty array of ids in the sources table. */
static bool read_sources(loader *L, const cJSON *obj, const char *key, wc_source_list *out)
{
    const cJSON *arr;
    if (!wc_read_array(&L->r, obj, key, &arr))
        return false;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    size_t mark = wc_path_key(&L->r, key);
    if (n == 0) {
        wc_fail(&L->r, "no source given: every fact names its source");
        wc_path_restore(&L->r, mark);
        return false;
    }
    const wc_source **items = wc_load_alloc(L, n, sizeof *items);
    size_t i = 0;
    for (const cJSON *c = arr->child; c != NULL && items != NULL; c = c->next, i++) {
        size_t m2 = wc_path_index(&L->r, i);
        if (!cJSON_IsString(c))
            wc_fail(&L->r, "expected a source id");
        else if ((items[i] = wc_source_by_id(L->ds, c->valuestring)) == NULL)
            wc_fail(&L->r, "no source with id '%.60s'", c->valuestring);
        wc_path_restore(&L->r, m2);
        if (L->r.failed)
            break;
    }
    wc_path_restore(&L->r, mark);
    out->items = items;
    out->count = n;
    return !L->r.failed;
}

/* An optional array of non-empty strings. */
static bool read_strings(loader *L, const cJSON *obj, const char *key, wc_string_list *out)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, key);
    out->items = NULL;
    out->count = 0;
    if (arr == NULL || cJSON_IsNull(arr))
        return !L->r.failed;
    size_t mark = wc_path_key(&L->r, key);
    if (wc_expect_array(&L->r, arr)) {
        size_t n = (size_t)cJSON_GetArraySize(arr);
        const char **items = wc_load_alloc(L, n, sizeof *items);
        size_t i = 0;
        for (const cJSON *c = arr->child; c != NULL && items != NULL; c = c->next, i++) {
            size_t m2 = wc_path_index(&L->r, i);
            if (!cJSON_IsString(c) || c->valuestring[0] == '\0')
                wc_fail(&L->r, "expected a non-empty string");
            else
                wc_check_text(&L->r, c->valuestring);
            wc_path_restore(&L->r, m2);
            items[i] = c->valuestring;
            if (!wc_keep_string(L, &items[i]))
                break;
        }
        out->items = items;
        out->count = n;
    }
    wc_path_restore(&L->r, mark);
    return !L->r.failed;
}

static bool read_country_ref(loader *L, const cJSON *obj, const char *key, bool required,
                             const wc_country **out)
{
    const char *code;
    *out = NULL;
    if (!wc_read_string(&L->r, obj, key, required, &code) || code == NULL)
        return !L->r.failed;
    *out = wc_country_by_iso2(L->ds, code);
    if (*out == NULL) {
        size_t mark = wc_path_key(&L->r, key);
        wc_fail(&L->r, "no country with code '%.20s'", code);
        wc_path_restore(&L->r, mark);
    }
    return !L->r.failed;
}

static bool read_person_ref(loader *L, const cJSON *obj, const char *key, bool required,
                            const wc_person **out)
{
    const char *id;
    *out = NULL;
    if (!wc_read_string(&L->r, obj, key, required, &id) || id == NULL)
        return !L->r.failed;
    *out = wc_person_by_id(L->ds, id);
    if (*out == NULL) {
        size_t mark = wc_path_key(&L->r, key);
        wc_fail(&L->r, "no person with id '%.60s'", id);
        wc_path_restore(&L->r, mark);
    }
    return !L->r.failed;
}

/* One of an enum's words; a key left out is the value `absent`. */
static bool read_enum(loader *L, const cJSON *obj, const char *key, bool required,
                      const wc_vocab *v, int absent, void *member)
{
    const char *s;
    v->set(member, absent);
    if (!wc_read_string(&L->r, obj, key, required, &s) || s == NULL)
        return !L->r.failed;
    for (int i = 0; i < v->count; i++) {
        const char *w = v->word(i);
        if (w != NULL && strcmp(w, s) == 0) {
            v->set(member, i);
            return true;
        }
    }
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, "unknown value '%.40s'", s);
    wc_path_restore(&L->r, mark);
    return false;
}

/* A record before it is read, or an optional one left out: all zero, but
 * with its dates unknown and its enums at their value for a key left out. */
static void absent_record(const wc_record *rec, void *out)
{
    memset(out, 0, rec->size);
    for (size_t i = 0; i < rec->n_fields; i++) {
        const wc_field *f = &rec->fields[i];
        if (f->kind == WC_K_DATE)
            *(wc_date *)wc_member(out, f) = WC_DATE_UNKNOWN;
        else if (f->kind == WC_K_ENUM)
            f->vocab->set(wc_member(out, f), (int)f->arg);
    }
}

static bool read_object(loader *L, const cJSON *obj, const wc_field *f, void *out,
                        const void *parent)
{
    const cJSON *o;
    absent_record(f->sub, wc_member(out, f));
    if (!wc_read_optional_object(&L->r, obj, f->key, &o) || o == NULL)
        return !L->r.failed;
    size_t mark = wc_path_key(&L->r, f->key);
    wc_read_record(L, o, f->sub, wc_member(out, f), parent, 0);
    wc_path_restore(&L->r, mark);
    return !L->r.failed;
}

/* Reads the member of field `f` from `o`; lists are only checked to be
 * arrays here, and read once the record's own fields are known. */
static bool read_member(loader *L, const cJSON *o, const wc_field *f, void *out)
{
    bool req = (f->flags & WC_F_REQ) != 0;
    void *m = wc_member(out, f);
    if (f->kind == WC_K_PRESENT)
        *(bool *)m = true;
    if (f->key == NULL)
        return true;
    const cJSON *arr;
    switch (f->kind) {
    case WC_K_STRING:
    case WC_K_ID:
    case WC_K_CODE:
        return wc_read_string(&L->r, o, f->key, req, m) && wc_keep_string(L, m);
    case WC_K_DATE:
        return wc_read_date(&L->r, o, f->key, req, m);
    case WC_K_ENUM:
        return read_enum(L, o, f->key, req, f->vocab, (int)f->arg, m);
    case WC_K_STRINGS:
        return read_strings(L, o, f->key, m);
    case WC_K_SOURCES:
        return read_sources(L, o, f->key, m);
    case WC_K_COUNTRY:
        return read_country_ref(L, o, f->key, req, m);
    case WC_K_PERSON:
        return read_person_ref(L, o, f->key, req, m);
    case WC_K_COUNTRIES:
    case WC_K_LIST:
        return wc_read_array(&L->r, o, f->key, &arr);
    case WC_K_OBJECT:
        return read_object(L, o, f, out, out);
    case WC_K_VERSION:
    case WC_K_PRESENT:
    case WC_K_STATUTE:
    case WC_K_TERRITORIES:
        break;
    }
    return true;
}

/* The checks of a field's own form, made once the record is read. */
static bool check_form(loader *L, const wc_field *f, const void *out)
{
    const char *s = *(const char *const *)wc_cmember(out, f);
    size_t mark = wc_path_key(&L->r, f->key);
    if (f->kind == WC_K_ID)
        wc_check_charset(&L->r, s, ID_CHARS, f->arg, "an id of a-z, 0-9 and '-'");
    else if (strlen(s) != f->arg || strspn(s, UPPER) != f->arg)
        wc_fail(&L->r, "not an ISO 3166-1 alpha-%zu code: '%.20s'", f->arg, s);
    wc_path_restore(&L->r, mark);
    return !L->r.failed;
}

/* The rules across a record's fields, or with its parent (dataset_check.c). */
static bool check_record(loader *L, const cJSON *o, const wc_record *rec, void *out,
                         const void *parent, size_t index)
{
    if (rec == &wc_record_statute)
        return wc_check_statute(L, out);
    if (rec == &wc_record_withdrawal)
        return wc_check_withdrawal(L, out, parent);
    if (rec == &wc_record_declaration)
        return wc_check_declaration(L, out);
    if (rec == &wc_record_person)
        return wc_check_person(L, out, o);
    if (rec == &wc_record_warrant)
        return wc_check_warrant(L, out);
    if (rec == &wc_record_status_event)
        return wc_check_status_event(L, out, parent, index);
    if (rec == &wc_record_trip)
        return wc_check_trip(L, out);
    if (rec == &wc_record_finding)
        return wc_check_finding(L, out);
    if (rec == &wc_record_territory)
        return wc_apply_territory(L, out);
    return true;
}

/* The elements of a `bound` array: alpha-2 codes. */
static bool read_countries(loader *L, const cJSON *o, const wc_field *f, void *out)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(o, f->key);
    size_t n = (size_t)cJSON_GetArraySize(arr);
    const wc_country **items = wc_load_alloc(L, n, sizeof *items);
    if (items == NULL)
        return false;
    size_t mark = wc_path_key(&L->r, f->key);
    size_t k = 0;
    for (const cJSON *c = arr->child; c != NULL; c = c->next, k++) {
        size_t m2 = wc_path_index(&L->r, k);
        if (!cJSON_IsString(c) || (items[k] = wc_country_by_iso2(L->ds, c->valuestring)) == NULL)
            wc_fail(&L->r, "expected the alpha-2 code of a country in 'countries'");
        for (size_t j = 0; j < k && !L->r.failed; j++)
            if (items[j] == items[k])
                wc_fail(&L->r, "'%s' given twice", items[k]->iso2);
        wc_path_restore(&L->r, m2);
        if (L->r.failed)
            break;
    }
    wc_path_restore(&L->r, mark);
    wc_field_set_items(out, f, items, n);
    return !L->r.failed;
}

bool wc_read_records(loader *L, const cJSON *obj, const wc_record *owner, const wc_field *f,
                     const void *parent, void **items, size_t *count)
{
    const cJSON *arr;
    *items = NULL;
    *count = 0;
    if (!(f->flags & WC_F_REQ) && cJSON_GetObjectItemCaseSensitive(obj, f->key) == NULL)
        return !L->r.failed;
    if (!wc_read_array(&L->r, obj, f->key, &arr))
        return false;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    size_t mark = wc_path_key(&L->r, f->key);
    if (n == 0 && (f->flags & WC_F_NONEMPTY)) {
        wc_fail(&L->r, "a %s needs at least one %s", owner->name, f->key);
        wc_path_restore(&L->r, mark);
        return false;
    }
    char *records = wc_load_alloc(L, n, f->sub->size);
    size_t k = 0;
    for (const cJSON *c = arr->child; c != NULL && records != NULL; c = c->next, k++) {
        size_t m2 = wc_path_index(&L->r, k);
        bool ok = wc_expect_object(&L->r, c) &&
                  wc_read_record(L, c, f->sub, records + k * f->sub->size, parent, k);
        wc_path_restore(&L->r, m2);
        if (!ok)
            break;
    }
    wc_path_restore(&L->r, mark);
    *items = records;
    *count = n;
    return !L->r.failed;
}

bool wc_read_record(loader *L, const cJSON *o, const wc_record *rec, void *out,
                    const void *parent, size_t index)
{
    absent_record(rec, out);
    if (!wc_check_keys(&L->r, o, rec->keys, rec->n_fields))
        return false;
    for (size_t i = 0; i < rec->n_fields; i++)
        if (!read_member(L, o, &rec->fields[i], out))
            return false;
    for (size_t i = 0; i < rec->n_fields; i++) {
        const wc_field *f = &rec->fields[i];
        if ((f->kind == WC_K_ID || f->kind == WC_K_CODE) && !check_form(L, f, out))
            return false;
    }
    if (!check_record(L, o, rec, out, parent, index))
        return false;
    for (size_t i = 0; i < rec->n_fields; i++) {
        const wc_field *f = &rec->fields[i];
        void *items;
        size_t n;
        if (f->kind == WC_K_COUNTRIES && !read_countries(L, o, f, out))
            return false;
        if (f->kind != WC_K_LIST)
            continue;
        if (!wc_read_records(L, o, rec, f, out, &items, &n))
            return false;
        wc_field_set_items(out, f, items, n);
    }
    return true;
}
