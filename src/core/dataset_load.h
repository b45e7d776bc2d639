/* The loader's state, shared by the files that load a dataset: dataset.c
 * (the load order), dataset_read.c (the schema-driven reads),
 * dataset_check.c (rules across fields and records) and lookup.c (the
 * tables that references are resolved through). */
#ifndef WC_DATASET_LOAD_H
#define WC_DATASET_LOAD_H

#include "arena.h"
#include "dataset_internal.h"
#include "json_read.h"
#include "schema.h"

#include <cjson/cJSON.h>

/* A loaded dataset: its records, lists, strings and index keys live in its
 * arena; wc_dataset_free() frees it whole. */
typedef struct wc_loaded {
    wc_dataset ds; /* first, so a wc_dataset * is a wc_loaded * */
    struct wc_dataset_internal in;
    wc_arena arena;
    wc_name_index country_index;
    wc_name_index person_index;
} wc_loaded;

typedef struct loader {
    wc_reader r;
    cJSON *root; /* the parsed text, freed once the dataset is read */
    wc_loaded *lo;
    wc_dataset *ds;
    struct wc_dataset_internal *in;
    /* The records being read, writable (ds holds them as const). */
    wc_country *countries;
} loader;

/* dataset_read.c */

/* Room for `count` records of `size` bytes in the dataset's arena; a fault
 * if memory ran out. */
void *wc_load_alloc(loader *L, size_t count, size_t size);

/* Reads the JSON object `o` as a `rec` record into `out`: its keys, then
 * every field in schema order, then the checks of its own fields, then its
 * lists. `parent` is the record holding it (NULL at the top) and `index`
 * its place in its array. */
bool wc_read_record(loader *L, const cJSON *o, const wc_record *rec, void *out,
                    const void *parent, size_t index);

/* Reads the array of field `f` of `obj` (an `owner` record) as f->sub
 * records, into a new array of the arena; *items is NULL when the array is
 * absent and optional. */
bool wc_read_records(loader *L, const cJSON *obj, const wc_record *owner, const wc_field *f,
                     const void *parent, void **items, size_t *count);

/* Copies a string read from the parsed text into the dataset's arena
 * (NULL stays NULL); a fault if memory ran out. */
bool wc_keep_string(loader *L, const char **s);

/* Fails at `key` of the current object. */
bool wc_fail_key(loader *L, const char *key, const char *message);

/* Fails at `key` of the current object with a message about two dates. */
bool wc_fail_dates(loader *L, const char *key, const char *what, wc_date a, wc_date b);

/* dataset_check.c: one function per record type with rules across its
 * fields (or with its parent record); each fails at the offending key. */
bool wc_check_statute(loader *L, wc_statute *s);
bool wc_check_withdrawal(loader *L, const wc_withdrawal *w, const wc_statute *s);
bool wc_check_declaration(loader *L, const wc_declaration *d);
bool wc_check_person(loader *L, const wc_person *p, const cJSON *o);
bool wc_check_warrant(loader *L, const wc_warrant *w);
bool wc_check_status_event(loader *L, const wc_status_event *ev, const wc_warrant *w,
                           size_t index);
bool wc_check_trip(loader *L, const wc_trip *t);
bool wc_check_finding(loader *L, const wc_finding *f);
/* No two trips of a person to a host start on the same day (what `data
 * diff` keys a trip by), once all are read. */
bool wc_check_trips_unique(loader *L);
/* No fact dated after the dataset's as_of, once all are read. */
bool wc_check_as_of(loader *L);
/* Warrants inside their persons' lives, once all are read. */
bool wc_check_warrant_lives(loader *L);
/* Writes a territory's record into its country, once checked. */
bool wc_apply_territory(loader *L, const wc_territory *t);
/* A territory's state must be a state: no chains of territories. */
bool wc_check_territory_chains(loader *L);

/* The calendar form of a dataset version, "2026.12.1". */
bool wc_check_dataset_version(loader *L, const char *version);

/* lookup.c */

/* Build the sorted by-key table of a top-level array, refusing a repeated
 * key (naming the array and field for the fault), and for countries and
 * persons the name index. */
bool wc_index_sources(loader *L);
bool wc_index_countries(loader *L);
bool wc_index_persons(loader *L);
const wc_source *wc_source_by_id(const wc_dataset *ds, const char *id);
const wc_person *wc_person_by_id(const wc_dataset *ds, const char *id);

#endif
