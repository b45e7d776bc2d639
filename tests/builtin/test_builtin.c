/* The built-in dataset (src/gen/dataset_to_c.c, C data made at build time)
 * is data/warrantcheck.json: loaded with wc_dataset_load(), the two are
 * compared record by record and field by field, every field the schema
 * (src/core/schema.def) names, pointers as indexes into their arrays, and
 * the lookup tables and name indexes entry by entry. */
#include "dataset_internal.h"
#include "schema.h"
#include "support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

typedef struct pair {
    wc_dataset *json;
    const wc_dataset *builtin;
    char path[512];
    size_t compared; /* fields compared, to show the walk covered them */
} pair;

#define NONE SIZE_MAX

/* Where `item` sits in the dataset's array of `rec` records; NONE for NULL.
 * A pointer outside the array fails. */
static size_t index_of(pair *p, const wc_dataset *ds, const wc_record *rec, const void *item)
{
    size_t n;
    const char *base = wc_dataset_records(ds, rec, &n);
    if (item == NULL)
        return NONE;
    size_t at = (size_t)((const char *)item - base) / rec->size;
    if ((const char *)item < base || at >= n || base + at * rec->size != item)
        fail_msg("%s: points outside the %s records", p->path, rec->name);
    return at;
}

static void differ(const pair *p, const char *what)
{
    fail_msg("%s: %s differs between the JSON and the built-in data", p->path, what);
}

static void same_string(const pair *p, const char *a, const char *b)
{
    if ((a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0))
        fail_msg("%s: \"%s\" in the JSON, \"%s\" built in", p->path, a ? a : "(null)",
                 b ? b : "(null)");
}

static void same_count(const pair *p, size_t a, size_t b)
{
    if (a != b)
        fail_msg("%s: %zu items in the JSON, %zu built in", p->path, a, b);
}

static void same_refs(pair *p, const wc_record *rec, const void *const *a, const void *const *b,
                      size_t n)
{
    size_t len = strlen(p->path);
    for (size_t i = 0; i < n; i++) {
        snprintf(p->path + len, sizeof p->path - len, "[%zu]", i);
        if (index_of(p, p->json, rec, a[i]) != index_of(p, p->builtin, rec, b[i]))
            differ(p, "the record pointed at");
    }
    p->path[len] = '\0';
}

static void same_record(pair *p, const wc_record *rec, const void *a, const void *b);

static void same_member(pair *p, const wc_field *f, const void *ra, const void *rb)
{
    const void *a = wc_cmember(ra, f), *b = wc_cmember(rb, f);
    size_t na, nb;
    p->compared++;
    switch (f->kind) {
    case WC_K_VERSION:
        if (*(const int *)a != *(const int *)b)
            differ(p, "the number");
        break;
    case WC_K_STRING:
    case WC_K_ID:
    case WC_K_CODE:
        same_string(p, *(const char *const *)a, *(const char *const *)b);
        break;
    case WC_K_DATE:
        if (*(const wc_date *)a != *(const wc_date *)b)
            differ(p, "the date");
        break;
    case WC_K_PRESENT:
        if (*(const bool *)a != *(const bool *)b)
            differ(p, "the flag");
        break;
    case WC_K_ENUM:
        if (f->vocab->get(a) != f->vocab->get(b))
            differ(p, "the word");
        break;
    case WC_K_STRINGS: {
        const wc_string_list *la = a, *lb = b;
        same_count(p, la->count, lb->count);
        for (size_t i = 0; i < la->count; i++)
            same_string(p, la->items[i], lb->items[i]);
        break;
    }
    case WC_K_SOURCES: {
        const wc_source_list *la = a, *lb = b;
        same_count(p, la->count, lb->count);
        same_refs(p, &wc_record_source, (const void *const *)la->items,
                  (const void *const *)lb->items, la->count);
        break;
    }
    case WC_K_COUNTRY:
    case WC_K_PERSON:
    case WC_K_STATUTE: {
        const wc_record *rec = f->kind == WC_K_COUNTRY  ? &wc_record_country
                               : f->kind == WC_K_PERSON ? &wc_record_person
                                                        : &wc_record_statute;
        if (index_of(p, p->json, rec, *(const void *const *)a) !=
            index_of(p, p->builtin, rec, *(const void *const *)b))
            differ(p, "the record pointed at");
        break;
    }
    case WC_K_COUNTRIES: {
        const void *const *ia = wc_field_items(ra, f, &na);
        const void *const *ib = wc_field_items(rb, f, &nb);
        same_count(p, na, nb);
        same_refs(p, &wc_record_country, ia, ib, na);
        break;
    }
    case WC_K_LIST: {
        const char *ia = wc_field_items(ra, f, &na);
        const char *ib = wc_field_items(rb, f, &nb);
        same_count(p, na, nb);
        size_t len = strlen(p->path);
        for (size_t i = 0; i < na; i++) {
            snprintf(p->path + len, sizeof p->path - len, "[%zu]", i);
            same_record(p, f->sub, ia + i * f->sub->size, ib + i * f->sub->size);
        }
        p->path[len] = '\0';
        break;
    }
    case WC_K_OBJECT:
        same_record(p, f->sub, a, b);
        break;
    case WC_K_TERRITORIES:
        break;
    }
}

static void same_record(pair *p, const wc_record *rec, const void *a, const void *b)
{
    size_t len = strlen(p->path);
    for (size_t i = 0; i < rec->n_fields; i++) {
        const wc_field *f = &rec->fields[i];
        if (f->kind == WC_K_TERRITORIES)
            continue;
        snprintf(p->path + len, sizeof p->path - len, "%s%s", len ? "." : "", f->member);
        same_member(p, f, a, b);
    }
    p->path[len] = '\0';
}

static int setup(void **state)
{
    static pair p;
    wc_error err;
    p.json = wc_dataset_load(wc_builtin_data, wc_builtin_data_len, &err);
    if (p.json == NULL)
        fail_msg("data/warrantcheck.json: %lu:%lu: %s", err.line, err.column, err.message);
    p.builtin = wc_dataset_builtin();
    *state = &p;
    return 0;
}

static int teardown(void **state)
{
    pair *p = *state;
    wc_dataset_free(p->json);
    return 0;
}

static void every_record_and_field(void **state)
{
    pair *p = *state;
    p->path[0] = '\0';
    p->compared = 0;
    same_record(p, &wc_record_dataset, p->json, p->builtin);
    /* Every person and every country was walked, not a sample. */
    assert_true(p->compared > 20 * (p->json->n_countries + p->json->n_persons));
}

static void same_table(pair *p, const char *name, const wc_record *rec, const void *const *a,
                       const void *const *b, size_t n)
{
    snprintf(p->path, sizeof p->path, "%s", name);
    same_refs(p, rec, a, b, n);
}

static void same_names(pair *p, const char *name, const wc_record *rec, const wc_name_table *a,
                       const wc_name_table *b)
{
    snprintf(p->path, sizeof p->path, "%s", name);
    same_count(p, a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        const wc_name_entry *x = &a->entries[i], *y = &b->entries[i];
        snprintf(p->path, sizeof p->path, "%s[%zu]", name, i);
        same_string(p, x->key, y->key);
        same_string(p, x->words, y->words);
        if (x->record != y->record || x->field != y->field ||
            index_of(p, p->json, rec, x->item) != index_of(p, p->builtin, rec, y->item))
            differ(p, "the entry");
    }
}

static void every_lookup_table(void **state)
{
    pair *p = *state;
    const struct wc_dataset_internal *a = p->json->internal, *b = p->builtin->internal;
    assert_false(a->is_static);
    assert_true(b->is_static);
    same_table(p, "sources_by_id", &wc_record_source, (const void *const *)a->sources_by_id,
               (const void *const *)b->sources_by_id, p->json->n_sources);
    same_table(p, "countries_by_iso2", &wc_record_country,
               (const void *const *)a->countries_by_iso2,
               (const void *const *)b->countries_by_iso2, p->json->n_countries);
    same_table(p, "persons_by_id", &wc_record_person, (const void *const *)a->persons_by_id,
               (const void *const *)b->persons_by_id, p->json->n_persons);
    same_names(p, "country_names", &wc_record_country, &a->country_names, &b->country_names);
    same_names(p, "person_names", &wc_record_person, &a->person_names, &b->person_names);
}

/* The built-in data's identity is the SHA-256 of the file compiled in, as
 * sha256sum(1) gives it. */
static void names_its_sha256(void **state)
{
    (void)state;
    const char *h = wc_dataset_builtin_sha256();
    assert_int_equal(strlen(h), 64);
    assert_int_equal(strspn(h, "0123456789abcdef"), 64);
    FILE *f = popen("sha256sum '" WC_TEST_JSON "'", "r");
    char line[128] = "";
    assert_non_null(f);
    assert_non_null(fgets(line, sizeof line, f));
    pclose(f);
    assert_memory_equal(line, h, 64);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_record_and_field),
        cmocka_unit_test(every_lookup_table),
        cmocka_unit_test(names_its_sha256),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
