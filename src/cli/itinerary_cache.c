#include "itinerary_cache.h"

#include <stdlib.h>
#include <string.h>

/* A hash of a short name from its length and its first and last eight
 * bytes: cheaper than a byte-at-a-time hash, and names that share both
 * ends are rare; the full compare settles any tie. */
static uint32_t hash_bytes(const void *data, size_t len, uint32_t seed)
{
    const unsigned char *s = data;
    uint64_t head = 0, tail = 0;
    if (len >= 8) { /* fixed-size copies compile to plain loads */
        memcpy(&head, s, 8);
        memcpy(&tail, s + len - 8, 8);
    } else {
        for (size_t i = 0; i < len; i++)
            head = head << 8 | s[i];
    }
    uint64_t h = (head ^ seed) * 0x9E3779B97F4A7C15u;
    h = (h ^ (h >> 29) ^ tail ^ len) * 0xBF58476D1CE4E5B9u;
    return (uint32_t)(h >> 32);
}

const void *name_cache_get(const name_cache *nc, const char *text, size_t len)
{
    if (len >= NAME_CACHE_TEXT)
        return NULL;
    uint32_t h = hash_bytes(text, len, 2166136261u);
    for (size_t i = 0; i < NAME_CACHE_PROBES; i++) {
        const name_slot *s = &nc->slots[(h + i) % NAME_CACHE_SLOTS];
        if (s->item == NULL)
            return NULL;
        if (s->hash == h && s->len == len && memcmp(s->text, text, len) == 0)
            return s->item;
    }
    return NULL;
}

void name_cache_put(name_cache *nc, const char *text, size_t len, const void *item)
{
    if (len >= NAME_CACHE_TEXT)
        return;
    uint32_t h = hash_bytes(text, len, 2166136261u);
    name_slot *s = &nc->slots[h % NAME_CACHE_SLOTS];
    for (size_t i = 0; i < NAME_CACHE_PROBES; i++)
        if (nc->slots[(h + i) % NAME_CACHE_SLOTS].item == NULL) {
            s = &nc->slots[(h + i) % NAME_CACHE_SLOTS];
            break;
        }
    s->item = item;
    s->hash = h;
    s->len = (unsigned char)len;
    memcpy(s->text, text, len);
}

const char *bad_name_get(const bad_name_cache *bc, const char *text, size_t len)
{
    if (len >= NAME_CACHE_TEXT)
        return NULL;
    uint32_t h = hash_bytes(text, len, 40503u);
    for (size_t i = 0; i < NAME_CACHE_PROBES; i++) {
        const bad_name *s = &bc->slots[(h + i) % BAD_NAME_SLOTS];
        if (s->message == NULL)
            return NULL;
        if (s->hash == h && s->len == len && memcmp(s->text, text, len) == 0)
            return s->message;
    }
    return NULL;
}

void bad_name_put(bad_name_cache *bc, const char *text, size_t len, char *message)
{
    if (len >= NAME_CACHE_TEXT) {
        free(message);
        return;
    }
    uint32_t h = hash_bytes(text, len, 40503u);
    bad_name *s = &bc->slots[h % BAD_NAME_SLOTS];
    for (size_t i = 0; i < NAME_CACHE_PROBES; i++)
        if (bc->slots[(h + i) % BAD_NAME_SLOTS].message == NULL) {
            s = &bc->slots[(h + i) % BAD_NAME_SLOTS];
            break;
        }
    free(s->message);
    s->message = message;
    s->hash = h;
    s->len = (unsigned char)len;
    memcpy(s->text, text, len);
}

void bad_name_clear(bad_name_cache *bc)
{
    for (size_t i = 0; i < BAD_NAME_SLOTS; i++) {
        free(bc->slots[i].message);
        bc->slots[i].message = NULL;
    }
}

/* ------------------------------------------------------------- the pool */

/* 65,536 of them take 1.5 MiB: the entries' share of the memory target. */
_Static_assert(sizeof(verdict_entry) == 24, "a verdict entry is 24 bytes");

/* What the heap takes for a block of `n` bytes (glibc: a header of 8,
 * rounded up to 16, at least 32), so that the budget sees real memory. */
static size_t heap_cost(size_t n)
{
    n = (n + 8 + 15) & ~(size_t)15;
    return n < 32 ? 32 : n;
}

/* A hash of every byte of a piece, eight at a time. */
static uint32_t hash_piece(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9u;
        h ^= h >> 31;
    }
    uint64_t w = 0;
    memcpy(&w, s + i, len - i);
    h = (h ^ w) * 0x94D049BB133111EBu;
    h ^= h >> 29;
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

#define INDEX_MASK ((size_t)VERDICT_POOL_INDEX - 1)

static bool evict_one(verdict_cache *vc);

/* The id of a piece of these bytes, taken once more: the one the pool has,
 * or a new one. False if memory ran out. */
static bool take_piece(verdict_cache *vc, const char *text, size_t len, uint16_t *id)
{
    uint32_t h = hash_piece(text, len);
    for (size_t i = h & INDEX_MASK; vc->index[i] != 0; i = (i + 1) & INDEX_MASK) {
        verdict_piece *p = vc->piece[vc->index[i] - 1];
        if (p->hash == h && p->len == len && memcmp(p->text, text, len) == 0) {
            p->refs++;
            *id = (uint16_t)(vc->index[i] - 1);
            return true;
        }
    }
    /* Every id in use: entries go until one frees a piece. */
    while (vc->n_free_ids == 0 && vc->n_ids == VERDICT_POOL_PIECES)
        if (!evict_one(vc))
            return false;
    verdict_piece *p = malloc(sizeof *p + len);
    if (p == NULL)
        return false;
    *p = (verdict_piece){.hash = h, .refs = 1, .len = (uint32_t)len};
    memcpy(p->text, text, len);
    *id = vc->n_free_ids > 0 ? vc->free_ids[--vc->n_free_ids] : (uint16_t)vc->n_ids++;
    vc->piece[*id] = p;
    vc->span[*id] = (wcr_span){p->text, len};
    size_t i = h & INDEX_MASK;
    while (vc->index[i] != 0)
        i = (i + 1) & INDEX_MASK;
    vc->index[i] = (uint16_t)(*id + 1);
    vc->bytes += heap_cost(sizeof *p + len);
    return true;
}

/* Gives back one use of piece `id`; the last use frees it. */
static void drop_piece(verdict_cache *vc, uint16_t id)
{
    if (id == PIECE_DAY)
        return;
    verdict_piece *p = vc->piece[id];
    if (--p->refs > 0)
        return;
    size_t i = p->hash & INDEX_MASK;
    while (vc->index[i] != id + 1)
        i = (i + 1) & INDEX_MASK;
    /* Out of the index by backward shift: each later piece of the probe
     * run moves into the gap unless its home lies after the gap. */
    for (size_t j = (i + 1) & INDEX_MASK; vc->index[j] != 0; j = (j + 1) & INDEX_MASK) {
        size_t home = vc->piece[vc->index[j] - 1]->hash & INDEX_MASK;
        bool stays = i < j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            vc->index[i] = vc->index[j];
            i = j;
        }
    }
    vc->index[i] = 0;
    vc->bytes -= heap_cost(sizeof *p + p->len);
    free(p);
    vc->piece[id] = NULL;
    vc->span[id] = (wcr_span){NULL, 0};
    vc->free_ids[vc->n_free_ids++] = id;
}

/* Gives back the pieces of `e` and empties it. */
static void drop_entry(verdict_cache *vc, verdict_entry *e)
{
    const uint16_t *ids = verdict_entry_pieces(e);
    for (uint16_t i = 0; i < e->n_pieces; i++)
        drop_piece(vc, ids[i]);
    if (e->n_pieces > ENTRY_PIECES_HERE) {
        vc->bytes -= heap_cost(e->n_pieces * sizeof *ids);
        free(e->pieces.list);
    }
    *e = (verdict_entry){.flags = 0};
}

/* Cuts `text` into pieces at `cuts` and around the days at `holes` (ten
 * bytes each), and keeps them in `e` as ids of the pool. */
static bool keep_pieces(verdict_cache *vc, verdict_entry *e, const char *text, size_t len,
                        const uint32_t *cuts, size_t n_cuts, const uint32_t *holes,
                        size_t n_holes)
{
    uint16_t ids[VERDICT_MAX_PIECES];
    size_t n = 0, c = 0, h = 0;
    bool ok = true;
    for (size_t at = 0; at < len && ok;) {
        size_t hole = h < n_holes ? holes[h] : len;
        if (at == hole) {
            ids[n++] = PIECE_DAY;
            at += 10;
            h++;
            continue;
        }
        while (c < n_cuts && cuts[c] <= at)
            c++;
        size_t end = c < n_cuts && cuts[c] < hole ? cuts[c] : hole;
        /* The last piece takes what is left when the ids run short. */
        if (n + 2 + 2 * (n_holes - h) >= VERDICT_MAX_PIECES)
            end = hole;
        ok = take_piece(vc, text + at, end - at, &ids[n]);
        n += ok;
        at = end;
    }
    uint16_t *list = e->pieces.here;
    if (ok && n > ENTRY_PIECES_HERE) {
        list = e->pieces.list = malloc(n * sizeof *ids);
        ok = list != NULL;
    }
    if (!ok) {
        for (size_t i = 0; i < n; i++)
            drop_piece(vc, ids[i]);
        return false;
    }
    memcpy(list, ids, n * sizeof *ids);
    if (n > ENTRY_PIECES_HERE)
        vc->bytes += heap_cost(n * sizeof *ids);
    e->n_pieces = (uint16_t)n;
    return true;
}

/* ------------------------------------------------------------- verdicts */

verdict_cache *verdict_cache_new(const wc_dataset *ds, render_fn render, void *ctx,
                                 bool shows_notes)
{
    verdict_cache *vc = calloc(1, sizeof *vc);
    if (vc == NULL)
        return NULL;
    vc->ds = ds;
    vc->render = render;
    vc->ctx = ctx;
    vc->shows_notes = shows_notes;
    vc->budget = VERDICT_CACHE_BUDGET;
    vc->n_pairs = ds->n_persons * ds->n_countries;
    /* calloc: the pages of slots never used are never touched */
    vc->pairs = calloc(vc->n_pairs > 0 ? vc->n_pairs : 1, sizeof *vc->pairs);
    vc->entries = calloc(VERDICT_CACHE_ENTRIES, sizeof *vc->entries);
    vc->free_slots = calloc(VERDICT_CACHE_ENTRIES, sizeof *vc->free_slots);
    vc->piece = calloc(VERDICT_POOL_PIECES, sizeof *vc->piece);
    vc->index = calloc(VERDICT_POOL_INDEX, sizeof *vc->index);
    vc->span = calloc(VERDICT_POOL_PIECES + 1, sizeof *vc->span);
    vc->free_ids = calloc(VERDICT_POOL_PIECES, sizeof *vc->free_ids);
    if (vc->pairs == NULL || vc->entries == NULL || vc->free_slots == NULL ||
        vc->piece == NULL || vc->index == NULL || vc->free_ids == NULL || vc->span == NULL) {
        verdict_cache_free(vc);
        return NULL;
    }
    vc->span[PIECE_DAY] = (wcr_span){NULL, 10};
    return vc;
}

void verdict_cache_free(verdict_cache *vc)
{
    if (vc == NULL)
        return;
    if (vc->entries != NULL && vc->piece != NULL)
        for (size_t i = 0; i < vc->n_used; i++)
            if (vc->entries[i].flags & ENTRY_HELD)
                drop_entry(vc, &vc->entries[i]);
    if (vc->piece != NULL && vc->index != NULL && (vc->scratch.flags & ENTRY_HELD))
        drop_entry(vc, &vc->scratch);
    if (vc->pairs != NULL)
        for (size_t i = 0; i < vc->n_pairs; i++)
            free(vc->pairs[i].entry);
    free(vc->pairs);
    free(vc->entries);
    free(vc->free_slots);
    free(vc->piece);
    free(vc->index);
    free(vc->span);
    free(vc->free_ids);
    free(vc);
}

/* The position in `runs` of the last run that starts on or before `date`,
 * or runs->n if there is none. */
static uint32_t run_before(const verdict_runs *runs, wc_date date)
{
    /* Over the run starts, which lie side by side (a pair has a few dozen
     * runs at most): no load of an entry until the one found. */
    /* Legs come in any date order, so each step of an ordinary binary
     * search is a coin toss for the branch predictor; this one halves
     * the range with a conditional move, and branches only on its
     * length (perf: 12.5% of the text run's time was in this search). */
    const verdict_run *base = runs->entry;
    uint32_t n = runs->n;
    if (n == 0)
        return 0;
    while (n > 1) {
        uint32_t half = n / 2;
        base = base[half].from <= date ? base + half : base;
        n -= half;
    }
    return base->from <= date ? (uint32_t)(base - runs->entry) : runs->n;
}

/* Evicts the entry under the clock's hand that has not been used since
 * the hand last passed it. Returns false if no entry is held. */
static bool evict_one(verdict_cache *vc)
{
    if (vc->n_used == vc->n_free)
        return false;
    for (;;) {
        verdict_entry *e = &vc->entries[vc->hand];
        size_t slot = vc->hand;
        vc->hand = (vc->hand + 1) % vc->n_used;
        if (!(e->flags & ENTRY_HELD))
            continue;
        if (e->flags & ENTRY_REFERENCED) {
            e->flags &= (uint8_t)~ENTRY_REFERENCED;
            continue;
        }
        verdict_runs *runs = &vc->pairs[e->pair];
        uint32_t at = run_before(runs, e->from);
        memmove(&runs->entry[at], &runs->entry[at + 1],
                (runs->n - at - 1) * sizeof runs->entry[0]);
        runs->n--;
        drop_entry(vc, e);
        vc->free_slots[vc->n_free++] = (uint32_t)slot;
        vc->evictions++;
        return true;
    }
}

/* A slot for a new entry, evicting one if every slot is taken. */
static size_t take_slot(verdict_cache *vc)
{
    if (vc->n_free == 0 && vc->n_used < VERDICT_CACHE_ENTRIES)
        return vc->n_used++;
    if (vc->n_free == 0)
        evict_one(vc);
    return vc->free_slots[--vc->n_free];
}

/* The verdict of `date` rendered, and its kind; NULL if memory ran out. */
static char *render_day(verdict_cache *vc, const wc_person *p, const wc_country *c,
                        wc_date date, wc_verdict_kind *kind, size_t *len, const uint32_t **cuts,
                        size_t *n_cuts)
{
    wc_verdict v;
    if (!wc_verdict_for_person(vc->ds, p, c, date, &v))
        return NULL;
    *kind = v.kind;
    *cuts = NULL;
    *n_cuts = 0;
    char *text = vc->render(vc->ctx, p, c, date, &v, len, cuts, n_cuts);
    wc_verdict_free(&v);
    return text;
}

#define MAX_HOLES 8

/* For `text` (`len` bytes), the verdict of `kind` rendered on `date` of
 * the run starting `from`, whose notes name their own day: renders the
 * verdict of another day of its run and puts in `holes` the places where
 * the two differ by their dates alone. Returns their number, or 0 if they
 * differ in any other way (or memory ran out): the entry then holds for
 * `date` alone. */
static size_t find_holes(verdict_cache *vc, const wc_person *p, const wc_country *c,
                         wc_date date, wc_date from, wc_verdict_kind kind, const char *a,
                         size_t len, uint32_t holes[MAX_HOLES])
{
    wc_date other = date > from ? date - 1 : date + 1;
    wc_verdict_kind other_kind;
    size_t other_len, n_cuts;
    const uint32_t *cuts;
    char *text = render_day(vc, p, c, other, &other_kind, &other_len, &cuts, &n_cuts);
    if (text == NULL || other_kind != kind || other_len != len) {
        free(text);
        return 0;
    }
    char mine[WC_DATE_BUFSIZE], theirs[WC_DATE_BUFSIZE];
    wc_date_format(date, mine);
    wc_date_format(other, theirs);
    size_t n = 0;
    bool ok = true;
    for (size_t i = 0, free_from = 0; ok && i < len; i++) {
        if (a[i] == text[i])
            continue;
        /* A difference: it must lie in a date that is each rendering's own
         * day, at the same place, after the last hole. */
        size_t h = i >= 9 ? i - 9 : 0;
        if (h < free_from)
            h = free_from;
        while (h <= i && !(h + 10 <= len && memcmp(a + h, mine, 10) == 0 &&
                           memcmp(text + h, theirs, 10) == 0))
            h++;
        ok = h <= i && n < MAX_HOLES;
        if (ok) {
            holes[n++] = (uint32_t)h;
            free_from = h + 10;
            i = h + 9;
        }
    }
    free(text);
    return ok ? n : 0;
}

/* Works out and renders the verdict into `e`, its span included, and keeps
 * its fragment as pieces of the pool. */
static bool compute(verdict_cache *vc, verdict_entry *e, const wc_person *p, const wc_country *c,
                    wc_date date)
{
    *e = (verdict_entry){.flags = 0};
    bool names_day = wc_verdict_span_without_day_notes(vc->ds, p, c, date, &e->from, &e->to);
    wc_verdict_kind kind;
    size_t len, n_cuts;
    const uint32_t *rendered_cuts;
    char *text = render_day(vc, p, c, date, &kind, &len, &rendered_cuts, &n_cuts);
    if (text == NULL)
        return false;
    e->kind = (uint8_t)kind;
    /* Kept before another rendering (find_holes) overwrites them. */
    uint32_t cuts[WCR_FRAGMENT_CUTS];
    if (n_cuts > WCR_FRAGMENT_CUTS)
        n_cuts = WCR_FRAGMENT_CUTS;
    if (n_cuts > 0) /* a quiet run's empty fragments have no cuts at all */
        memcpy(cuts, rendered_cuts, n_cuts * sizeof *cuts);
    /* A note names the day: one entry for the run if its dates can be
     * filled in, else one for the day (wc_verdict_span). */
    uint32_t holes[MAX_HOLES];
    size_t n_holes = 0;
    if (vc->shows_notes && names_day) {
        if (e->from != e->to)
            n_holes = find_holes(vc, p, c, date, e->from, kind, text, len, holes);
        if (n_holes == 0)
            e->from = e->to = date;
    }
    /* Pieces pay when persons share them; a row of a whole fragment is one
     * copy, not one per piece (+13% instructions a row in jsonl). So while
     * the cache has met one person and has room, fragments stay whole but
     * for their days; past either, new entries are cut. */
    if (vc->one_person == NULL)
        vc->one_person = p;
    vc->many_persons = vc->many_persons || vc->one_person != p;
    if (!vc->many_persons && vc->bytes + heap_cost(sizeof(verdict_piece) + len) <= vc->budget / 2)
        n_cuts = 0;
    bool ok = keep_pieces(vc, e, text, len, cuts, n_cuts, holes, n_holes);
    free(text);
    if (ok)
        e->flags = ENTRY_HELD;
    return ok;
}


const verdict_entry *verdict_cache_get(verdict_cache *vc, const wc_person *p,
                                       const wc_country *c, wc_date date)
{
    const wc_dataset *ds = vc->ds;
    if (p < ds->persons || p >= ds->persons + ds->n_persons || c < ds->countries ||
        c >= ds->countries + ds->n_countries) {
        /* Not a record of the dataset: nothing to key it by. */
        if (vc->scratch.flags & ENTRY_HELD)
            drop_entry(vc, &vc->scratch);
        vc->misses++;
        if (!compute(vc, &vc->scratch, p, c, date))
            return NULL;
        vc->scratch.pair = UINT32_MAX;
        return &vc->scratch;
    }
    size_t pair = (size_t)(p - ds->persons) * ds->n_countries + (size_t)(c - ds->countries);
    verdict_runs *runs = &vc->pairs[pair];
    uint32_t at = run_before(runs, date);
    if (at < runs->n) {
        verdict_entry *e = &vc->entries[runs->entry[at].entry];
        if (date <= e->to) {
            e->flags |= ENTRY_REFERENCED;
            vc->hits++;
            return e;
        }
    }

    vc->misses++;
    if (runs->n == runs->cap) {
        uint32_t cap = runs->cap == 0 ? 4 : runs->cap * 2;
        verdict_run *grown = realloc(runs->entry, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        runs->entry = grown;
        runs->cap = cap;
    }
    /* Its pieces are taken first (and held by it), so that evictions to
     * make room for them cannot free them. */
    verdict_entry fresh;
    if (!compute(vc, &fresh, p, c, date))
        return NULL;
    while (vc->bytes > vc->budget && evict_one(vc))
        ;
    size_t slot = take_slot(vc);
    /* Evictions may have moved this pair's runs: find the place again. */
    at = run_before(runs, date);
    uint32_t to = at == runs->n ? 0 : at + 1;
    memmove(&runs->entry[to + 1], &runs->entry[to], (runs->n - to) * sizeof runs->entry[0]);
    runs->entry[to] = (verdict_run){.from = fresh.from, .entry = (uint32_t)slot};
    runs->n++;
    fresh.pair = (uint32_t)pair;
    vc->entries[slot] = fresh;
    return &vc->entries[slot];
}
