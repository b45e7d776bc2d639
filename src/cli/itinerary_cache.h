/* Memory of what the itinerary loop has already worked out, so that a
 * million legs cost little more than reading them: names resolved, and
 * verdicts per (person, country, run of days) with their rendered output.
 * Both are bounded, so memory stays flat whatever the input's size. */
#ifndef WC_ITINERARY_CACHE_H
#define WC_ITINERARY_CACHE_H

#include "itinerary_rows.h"

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
 * a malloc'd string; NULL if memory ran out. It may also say where the
 * text can be cut into pieces that other fragments share (*n_cuts
 * ascending offsets at *cuts, valid until the next call; none is fine). */
typedef char *(*render_fn)(void *ctx, const wc_person *p, const wc_country *c, wc_date date,
                           const wc_verdict *v, size_t *len, const uint32_t **cuts,
                           size_t *n_cuts);

/* A piece of fragment text, held once in the cache's pool however many
 * entries use it: the notes about a country recur for every person, the
 * person's for every country, the lists of sources and the dataset stamp
 * nearly everywhere. */
typedef struct verdict_piece {
    uint32_t hash;
    uint32_t refs; /* entries that use it (an entry may count twice) */
    uint32_t len;
    char text[];
} verdict_piece;

/* In an entry's pieces: the day asked for, where a note names its own day
 * (a note such as "whether it existed on 2024-09-03 is not known"), so
 * that one entry holds for its whole run. */
#define PIECE_DAY VERDICT_POOL_PIECES
/* At most this many distinct pieces are held (ids below it). */
#define VERDICT_POOL_PIECES 16384
#define VERDICT_POOL_INDEX (2 * VERDICT_POOL_PIECES) /* hash slots: a power of two */
/* At most this many pieces an entry (cuts and the days they hold). */
#define VERDICT_MAX_PIECES 96

/* What the cache knows of one (person, country, run of days): the verdict's
 * kind and its rendered fragment, as the ids of its pieces in the pool. The
 * person and country are those of the pair. */
#define ENTRY_PIECES_HERE 4 /* ids held in the entry itself, in a pointer's room */

typedef struct verdict_entry {
    wc_date from, to;  /* the run of days it holds for: the core's exact span */
    uint32_t pair;     /* index of (person, country) in the pair table */
    uint16_t n_pieces;
    uint8_t kind;      /* wc_verdict_kind */
    uint8_t flags;     /* ENTRY_HELD, ENTRY_REFERENCED */
    /* n_pieces ids in order (PIECE_DAY for the day): here when they fit
     * (a text fragment is one piece), else malloc'd. */
    union {
        uint16_t here[ENTRY_PIECES_HERE];
        uint16_t *list;
    } pieces;
} verdict_entry;

#define ENTRY_HELD 1u       /* the slot holds an entry */
#define ENTRY_REFERENCED 2u /* the clock's bit: used since the hand last passed */

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
 * bytes of pieces and of entries' lists of pieces (as the heap counts
 * them); past either, the clock evicts one entry at a time (the first not
 * used since the hand last passed it), never all, and a piece goes with
 * the last entry that uses it. */
#define VERDICT_CACHE_ENTRIES 65536
#define VERDICT_CACHE_BUDGET ((size_t)3 << 19)

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
    /* The pool: pieces by id (NULL for a free id), a hash index of them
     * (id + 1 per slot, 0 for none; linear probing), the ids given back. */
    verdict_piece **piece;
    wcr_span *span; /* by id, each piece's text as a row takes it; PIECE_DAY's too */
    uint16_t *index;
    uint16_t *free_ids;
    size_t n_ids, n_free_ids; /* ids ever given; of them, free */
    size_t bytes, budget; /* heap bytes of pieces and lists; the most allowed (tests lower it) */
    const wc_person *one_person; /* the first person met; whether another was since */
    bool many_persons;
    verdict_entry scratch; /* a verdict for a pair outside the dataset: not kept */
    wcr_span spans[VERDICT_MAX_PIECES]; /* verdict_cache_spans() */
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

/* The fragment of `e` as the pieces to write one after the other (*n of
 * them, valid until the next call), a span of NULL data standing for the
 * day of the row, as wcr_itinerary_row_spans() takes them. */
static inline const wcr_span *verdict_cache_spans(verdict_cache *vc, const verdict_entry *e,
                                                  size_t *n);

/* The ids of the pieces of `e`. */
static inline const uint16_t *verdict_entry_pieces(const verdict_entry *e)
{
    return e->n_pieces <= ENTRY_PIECES_HERE ? e->pieces.here : e->pieces.list;
}

/* Inline: it runs for every row (a call was 2% of a text run). */
static inline const wcr_span *verdict_cache_spans(verdict_cache *vc, const verdict_entry *e,
                                                  size_t *n)
{
    const uint16_t *ids = verdict_entry_pieces(e);
    for (uint16_t i = 0; i < e->n_pieces; i++)
        vc->spans[i] = vc->span[ids[i]];
    *n = e->n_pieces;
    return vc->spans;
}

#endif
