/* Finding records by key: the sorted by-key tables (sources by id,
 * countries by alpha-2 code, persons by id), their uniqueness, and the
 * forgiving name indexes behind wc_find_country() and wc_find_person(). */
#include "dataset_load.h"
#include "normalize.h"
#include "world_names.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------- by key */

/* Records whose first member is their key string. */
static int cmp_key(const void *a, const void *b)
{
    return strcmp(**(const char *const *const *)a, **(const char *const *const *)b);
}

/* Binary search over pointers to records whose first member is their key. */
static const void *find_by_key(const void *const *sorted, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(*(const char *const *)sorted[mid], key);
        if (c == 0)
            return sorted[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const wc_source *wc_source_by_id(const wc_dataset *ds, const char *id)
{
    return find_by_key((const void *const *)ds->internal->sources_by_id, ds->n_sources, id);
}

const wc_country *wc_country_by_iso2(const wc_dataset *ds, const char *iso2)
{
    return find_by_key((const void *const *)ds->internal->countries_by_iso2, ds->n_countries,
                       iso2);
}

const wc_person *wc_person_by_id(const wc_dataset *ds, const char *id)
{
    return find_by_key((const void *const *)ds->internal->persons_by_id, ds->n_persons, id);
}

/* Returns a table of pointers to the `n` records of `rec` at `records`,
 * sorted by their key (their first member), or NULL with a fault for a key
 * given twice or memory run out. */
static const void **sorted_unique(loader *L, const wc_record *rec, const void *records,
                                  size_t n, const char *array)
{
    const void **ptrs = wc_load_alloc(L, n, sizeof *ptrs);
    if (ptrs == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        ptrs[i] = (const char *)records + i * rec->size;
    qsort(ptrs, n, sizeof *ptrs, cmp_key);
    for (size_t i = 1; i < n; i++) {
        if (cmp_key(&ptrs[i - 1], &ptrs[i]) == 0) {
            /* Report the later of the two in file order. */
            const void *later = ptrs[i] > ptrs[i - 1] ? ptrs[i] : ptrs[i - 1];
            size_t at = (size_t)((const char *)later - (const char *)records) / rec->size;
            size_t m1 = wc_path_key(&L->r, array);
            wc_path_index(&L->r, at);
            wc_path_key(&L->r, rec->fields[0].key);
            wc_fail(&L->r, "'%s' is given twice", *(const char *const *)later);
            wc_path_restore(&L->r, m1);
            return NULL;
        }
    }
    return ptrs;
}

/* ------------------------------------------------------- by name */

static const char *country_display(const void *item)
{
    return ((const wc_country *)item)->name;
}

static const char *person_display(const void *item)
{
    return ((const wc_person *)item)->name;
}

/* Describes where an index entry's name came from, as a JSON path. */
static void entry_path(char *buf, size_t size, const char *array, const wc_record *rec,
                       const wc_name_entry *e)
{
    const char *aliases = "aliases";
    for (size_t i = 0; i < rec->n_fields; i++)
        if (rec->fields[i].kind == WC_K_STRINGS && (rec->fields[i].flags & WC_F_NAME))
            aliases = rec->fields[i].key;
    if (e->field >= 0)
        snprintf(buf, size, "%s[%zu].%s[%d]", array, e->record, aliases, e->field);
    else
        snprintf(buf, size, "%s[%zu].%s", array, e->record, rec->fields[-1 - e->field].key);
}

/* Indexes the names of the `n` records at `records`: every field the
 * schema marks NAME, in schema order. A field's code is -1 - its place in
 * the record, an alias's its place in its list. */
static bool index_names(loader *L, wc_name_index *ix, wc_name_table *table,
                        const wc_record *rec, const void *records, size_t n,
                        const char *array, const char *(*display)(const void *))
{
    ix->arena = &L->lo->arena;
    for (size_t i = 0; i < n; i++) {
        const void *item = (const char *)records + i * rec->size;
        for (size_t k = 0; k < rec->n_fields; k++) {
            const wc_field *f = &rec->fields[k];
            bool ok = true;
            if (!(f->flags & WC_F_NAME))
                continue;
            if (f->kind == WC_K_STRINGS) {
                const wc_string_list *l = wc_cmember(item, f);
                for (size_t a = 0; a < l->count && ok; a++)
                    ok = wc_index_add(ix, l->items[a], item, i, (int)a);
            } else {
                const char *name = *(const char *const *)wc_cmember(item, f);
                ok = name == NULL || wc_index_add(ix, name, item, i, -1 - (int)k);
            }
            if (!ok)
                return wc_fail_memory(&L->r);
        }
    }
    const wc_name_entry *a, *b;
    if (wc_index_finish(ix, table, &a, &b))
        return true;
    char first[96], second[96];
    entry_path(first, sizeof first, array, rec, a);
    entry_path(second, sizeof second, array, rec, b);
    wc_path_restore(&L->r, 0);
    wc_path_key(&L->r, second);
    wc_fail(&L->r, "names two records: '%s' here and '%s' at %s read alike", display(b->item),
            display(a->item), first);
    wc_path_restore(&L->r, 0);
    return false;
}

/* ------------------------------------------------- the three tables */

bool wc_index_sources(loader *L)
{
    L->in->sources_by_id = (const wc_source *const *)sorted_unique(
        L, &wc_record_source, L->ds->sources, L->ds->n_sources, "sources");
    return L->in->sources_by_id != NULL;
}

/* A repeated alpha-3 code shows up as a clash in the name index. */
bool wc_index_countries(loader *L)
{
    L->in->countries_by_iso2 = (const wc_country *const *)sorted_unique(
        L, &wc_record_country, L->ds->countries, L->ds->n_countries, "countries");
    return L->in->countries_by_iso2 != NULL &&
           index_names(L, &L->lo->country_index, &L->in->country_names, &wc_record_country,
                       L->ds->countries, L->ds->n_countries, "countries", country_display);
}

bool wc_index_persons(loader *L)
{
    L->in->persons_by_id = (const wc_person *const *)sorted_unique(
        L, &wc_record_person, L->ds->persons, L->ds->n_persons, "persons");
    return L->in->persons_by_id != NULL &&
           index_names(L, &L->lo->person_index, &L->in->person_names, &wc_record_person,
                       L->ds->persons, L->ds->n_persons, "persons", person_display);
}

/* ------------------------------------------------- public lookups */

typedef enum named { NAMED_COUNTRY, NAMED_PERSON } named;

/* One lookup for both kinds of name. */
static wc_index_match find_named(const wc_dataset *ds, named kind, const char *query)
{
    if (kind == NAMED_COUNTRY)
        return wc_index_find(&ds->internal->country_names, query, country_display);
    return wc_index_find(&ds->internal->person_names, query, person_display);
}

bool wc_world_name_find(const char *key, wc_world_name *out)
{
    size_t lo = 0, hi = wc_world_entries_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const wc_world_entry *e = &wc_world_entries[mid];
        int c = strcmp(wc_world_pool + e->key, key);
        if (c == 0) {
            *out = (wc_world_name){
                .key = wc_world_pool + e->key,
                .name = wc_world_pool + e->name,
                .iso2 = e->iso2,
                .subdivision = e->subdivision != 0 ? wc_world_pool + e->subdivision : NULL,
                .language = e->language != 0 ? wc_world_pool + e->language : NULL};
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Whether `query` is exactly an iso-codes name whose country the dataset
 * has; fills *out if so. Sets *no_memory if memory ran out. */
static bool world_name_of(const wc_dataset *ds, const char *query, wc_world_name *out,
                          bool *no_memory)
{
    char *words = wc_name_key(query, false);
    if (words == NULL) {
        *no_memory = errno == ENOMEM;
        return false;
    }
    char *key = malloc(strlen(words) + 1);
    bool found = false;
    if (key == NULL) {
        *no_memory = true;
    } else {
        wc_key_squeeze(words, key);
        found = wc_world_name_find(key, out);
        free(key);
    }
    free(words);
    return found && wc_country_by_iso2(ds, out->iso2) != NULL;
}

wc_country_match wc_find_country(const wc_dataset *ds, const char *query)
{
    wc_index_match m = find_named(ds, NAMED_COUNTRY, query);
    wc_country_match out = {.kind = m.kind, .country = NULL, .n_candidates = 0};
    /* The dataset's names first; an exact iso-codes name beats a guess
     * from part of a name (ambiguous) and an unknown. */
    if (m.kind == WC_MATCH_UNKNOWN || m.kind == WC_MATCH_AMBIGUOUS) {
        bool no_memory = false;
        wc_world_name w;
        if (world_name_of(ds, query, &w, &no_memory))
            return (wc_country_match){.kind = WC_MATCH_FOUND,
                                      .country = wc_country_by_iso2(ds, w.iso2), .via = w};
        if (no_memory)
            return (wc_country_match){.kind = WC_MATCH_NO_MEMORY};
    }
    if (m.kind == WC_MATCH_FOUND)
        out.country = m.items[0];
    else
        for (; out.n_candidates < m.count; out.n_candidates++)
            out.candidates[out.n_candidates] = m.items[out.n_candidates];
    return out;
}

wc_person_match wc_find_person(const wc_dataset *ds, const char *query)
{
    wc_index_match m = find_named(ds, NAMED_PERSON, query);
    wc_person_match out = {.kind = m.kind, .person = NULL, .n_candidates = 0};
    if (m.kind == WC_MATCH_FOUND)
        out.person = m.items[0];
    else
        for (; out.n_candidates < m.count; out.n_candidates++)
            out.candidates[out.n_candidates] = m.items[out.n_candidates];
    return out;
}
