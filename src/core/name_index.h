/* A lookup table from forgiving name keys to records (countries, persons),
 * with the suggestions that make an unknown name an easy fix. */
#ifndef WC_NAME_INDEX_H
#define WC_NAME_INDEX_H

#include "arena.h"

#include <warrantcheck/warrantcheck.h>

typedef struct wc_name_entry {
    const char *key;   /* squeezed: no spaces */
    const char *words; /* " word word " padded with spaces for whole-word search */
    const void *item;
    size_t record; /* which record of its array it came from */
    int field;     /* which of its names: an alias index, or -1 - its schema field */
} wc_name_entry;

/* The sorted entries, as lookups read them (and the built-in data holds). */
typedef struct wc_name_table {
    const wc_name_entry *entries;
    size_t count;
} wc_name_table;

/* An index being built. Its keys live in `arena`; the entries are its own. */
typedef struct wc_name_index {
    wc_arena *arena;
    wc_name_entry *entries;
    size_t count;
    size_t capacity;
} wc_name_index;

/* Adds `name` (and its inverted form when it has a comma) for `item`.
 * Returns false if memory ran out or `name` is not valid UTF-8. A name whose
 * key is empty is skipped. */
bool wc_index_add(wc_name_index *index, const char *name, const void *item, size_t record,
                  int field);

/* Sorts the index for lookup into *table. If two different items share a
 * key, returns false and points *a and *b at the two clashing entries. */
bool wc_index_finish(wc_name_index *index, wc_name_table *table, const wc_name_entry **a,
                     const wc_name_entry **b);

typedef struct wc_index_match {
    wc_match_kind kind;
    const void *items[WC_MAX_CANDIDATES];
    size_t count;
} wc_index_match;

/* Looks `query` up: an exact key, then (for a query with a comma) its
 * inverted key, then a whole-word part of exactly one item's names; else
 * ambiguous with the items it is part of, or unknown with the nearest
 * names. `display` names an item for ordering the candidates. */
wc_index_match wc_index_find(const wc_name_table *index, const char *query,
                             const char *(*display)(const void *item));

/* Frees the entries (not the keys, which are the arena's). */
void wc_index_free(wc_name_index *index);

#endif
