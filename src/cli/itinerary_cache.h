/* Memory of what the itinerary loop has already worked out, so that a
 * million legs cost little more than reading them: names resolved, and
 * verdicts per (person, country, run of days) with their rendered output.
 * Both are bounded, so memory stays flat whatever the input's size. */
#ifndef WC_ITINERARY_CACHE_H
#define WC_ITINERARY_CACHE_H

#include <warrantcheck/warrantcheck.h>

#include <stdint.h>

/* ------------------------------------------------------------ names */

#define NAME_CACHE_SLOTS 2048
#define NAME_CACHE_PROBES 8
#define NAME_CACHE_TEXT 54 /* longer names are looked up every time */

typedef struct name_slot {
    const void *item;
    uint32_t hash;
    unsigned char len;
    char text[NAME_CACHE_TEXT];
} name_slot;

/* A table from a name as written to what it resolved to: open addressing
 * over a few slots, the oldest replaced when they are all taken. */
typedef struct name_cache {
    name_slot slots[NAME_CACHE_SLOTS];
} name_cache;

/* Returns the item cached for these bytes, or NULL. */
const void *name_cache_get(const name_cache *nc, const char *text, size_t len);

/* Remembers that these bytes resolved to `item` (replacing what shared the slot). */
void name_cache_put(name_cache *nc, const char *text, size_t len, const void *item);

/* Names that did not resolve, with their error message (no location), so
 * that a name misspelt on a million lines is searched for once. */
#define BAD_NAME_SLOTS 256

typedef struct bad_name {
    char *message; /* malloc'd; NULL for an empty slot */
    uint32_t hash;
    unsigned char len;
    char text[NAME_CACHE_TEXT];
} bad_name;

typedef struct bad_name_cache {
    bad_name slots[BAD_NAME_SLOTS];
} bad_name_cache;

/* Returns the message cached for these bytes, or NULL. */
const char *bad_name_get(const bad_name_cache *bc, const char *text, size_t len);

/* Remembers that these bytes did not resolve; takes `message` (freeing it
 * at once if the name is too long to keep). */
void bad_name_put(bad_name_cache *bc, const char *text, size_t len, char *message);

/* Frees the messages (not the cache itself). */
void bad_name_clear(bad_name_cache *bc);

/* --------------------------------------------------------- verdicts */

/* Renders the part of an output row that depends only on the verdict, as
 * a malloc'd string; NULL if memory ran out. */
typedef char *(*render_fn)(void *ctx, const wc_person *p, const wc_country *c, wc_date date,
                           const wc_verdict *v, size_t *len);

typedef struct verdict_entry {
    const wc_person *person;
    const wc_country *country;
    wc_date from, to; /* the run of days it holds for: the core's exact span */
    wc_verdict_kind kind;
    char *fragment; /* rendered; NULL for an empty slot */
    size_t fragment_len;
    /* Where the fragment names its own day (a note such as "whether it
     * existed on 2024-09-03 is not known"): the offsets of those dates,
     * which verdict_cache_fragment() fills in with the day asked for, so
     * that one entry holds for the whole run; NULL when there is none. */
    uint32_t *holes;
    uint32_t n_holes;
    uint32_t pair;    /* index of (person, country) in the pair table */
    bool referenced;  /* the clock's bit: used since the hand last passed */
} verdict_entry;

/* The runs of one (person, country) pair that the cache holds, as entry
 * indices sorted by their first day; the runs never overlap. */
typedef struct verdict_run {
    wc_date from;   /* entries[entry].from, here so that the search stays in one array */
    uint32_t entry; /* its index in entries */
} verdict_run;

typedef struct verdict_runs {
    verdict_run *entry;
    uint32_t n, cap;
} verdict_runs;

/* At most this many verdicts are held, and at most VERDICT_CACHE_BUDGET
 * bytes of fragments; past either, the clock evicts one entry at a time
 * (the first not used since the hand last passed it), never all. */
#define VERDICT_CACHE_ENTRIES 16384
#define VERDICT_CACHE_BUDGET ((size_t)7 << 18)

typedef struct verdict_cache {
    const wc_dataset *ds;
    render_fn render;
    bool shows_notes; /* the fragments carry the notes: runs as wc_verdict_span() */
    void *ctx;
    verdict_runs *pairs; /* one per (person, country) of the dataset */
    size_t n_pairs;
    verdict_entry *entries; /* VERDICT_CACHE_ENTRIES slots, n_used of them ever used */
    size_t n_used, hand;
    uint32_t *free_slots; /* slots emptied by eviction */
    size_t n_free;
    size_t bytes, budget; /* fragment bytes held; the most allowed (tests lower it) */
    verdict_entry scratch; /* a verdict for a pair outside the dataset: not kept */
    char *day_text;        /* a fragment with its day filled in (verdict_cache_fragment) */
    size_t day_text_cap;
    unsigned long hits, misses, evictions; /* for tests and measurements */
} verdict_cache;

/* Returns a new, empty cache (caller frees with verdict_cache_free), or NULL. */
verdict_cache *verdict_cache_new(const wc_dataset *ds, render_fn render, void *ctx,
                                 bool shows_notes);

void verdict_cache_free(verdict_cache *vc);

/* Returns the verdict for `p` in `c` on `date`, computing and rendering it
 * on a miss; NULL if memory ran out. The entry stays valid until the next
 * call. It holds for the run of days wc_verdict_span_without_day_notes()
 * gives: when the fragments show notes and one names its own day, the
 * entry keeps where that day is written (two renderings of the run, on two
 * of its days, must differ in those dates and nowhere else), or, if they
 * differ otherwise, holds for that day alone, as wc_verdict_span() says. A
 * pair keeps every run it has met until the clock evicts it, so legs in
 * any date order miss once per run. */
const verdict_entry *verdict_cache_get(verdict_cache *vc, const wc_person *p,
                                       const wc_country *c, wc_date date);

/* The fragment of `e` for `date` (a day of its run) and its length: the
 * cached bytes, or for an entry whose notes name their own day, those
 * bytes with `date` filled in (valid until the next call). NULL if memory
 * ran out. */
const char *verdict_cache_fragment(verdict_cache *vc, const verdict_entry *e, wc_date date,
                                   size_t *len);

#endif
