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
    if (vc->pairs == NULL || vc->entries == NULL || vc->free_slots == NULL) {
        verdict_cache_free(vc);
        return NULL;
    }
    return vc;
}

void verdict_cache_free(verdict_cache *vc)
{
    if (vc == NULL)
        return;
    if (vc->entries != NULL)
        for (size_t i = 0; i < vc->n_used; i++) {
            free(vc->entries[i].fragment);
            free(vc->entries[i].holes);
        }
    if (vc->pairs != NULL)
        for (size_t i = 0; i < vc->n_pairs; i++)
            free(vc->pairs[i].entry);
    free(vc->scratch.fragment);
    free(vc->scratch.holes);
    free(vc->day_text);
    free(vc->pairs);
    free(vc->entries);
    free(vc->free_slots);
    free(vc);
}

/* The position in `runs` of the last run that starts on or before `date`,
 * or runs->n if there is none. */
static uint32_t run_before(const verdict_cache *vc, const verdict_runs *runs, wc_date date)
{
    (void)vc;
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
        if (e->fragment == NULL)
            continue;
        if (e->referenced) {
            e->referenced = false;
            continue;
        }
        verdict_runs *runs = &vc->pairs[e->pair];
        uint32_t at = run_before(vc, runs, e->from);
        memmove(&runs->entry[at], &runs->entry[at + 1],
                (runs->n - at - 1) * sizeof runs->entry[0]);
        runs->n--;
        vc->bytes -= e->fragment_len;
        free(e->fragment);
        free(e->holes);
        *e = (verdict_entry){.fragment = NULL};
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
                        wc_date date, wc_verdict_kind *kind, size_t *len)
{
    wc_verdict v;
    if (!wc_verdict_for_person(vc->ds, p, c, date, &v))
        return NULL;
    *kind = v.kind;
    char *text = vc->render(vc->ctx, p, c, date, &v, len);
    wc_verdict_free(&v);
    return text;
}

#define MAX_HOLES 8

/* For an entry rendered on `date` whose notes name their own day: renders
 * the verdict of another day of its run and keeps, as holes, the places
 * where the two differ by their dates alone. False if they differ in any
 * other way (or memory ran out): the entry then holds for `date` alone. */
static bool find_holes(verdict_cache *vc, verdict_entry *e, const wc_person *p,
                       const wc_country *c, wc_date date)
{
    wc_date other = date > e->from ? date - 1 : date + 1;
    wc_verdict_kind kind;
    size_t len;
    char *text = render_day(vc, p, c, other, &kind, &len);
    if (text == NULL || kind != e->kind || len != e->fragment_len) {
        free(text);
        return false;
    }
    char mine[WC_DATE_BUFSIZE], theirs[WC_DATE_BUFSIZE];
    wc_date_format(date, mine);
    wc_date_format(other, theirs);
    uint32_t holes[MAX_HOLES], n = 0;
    const char *a = e->fragment;
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
    if (!ok || n == 0)
        return false;
    e->holes = malloc(n * sizeof *e->holes);
    if (e->holes == NULL)
        return false;
    memcpy(e->holes, holes, n * sizeof *holes);
    e->n_holes = n;
    return true;
}

/* Works out and renders the verdict into `e`, its span included. */
static bool compute(verdict_cache *vc, verdict_entry *e, const wc_person *p, const wc_country *c,
                    wc_date date)
{
    *e = (verdict_entry){.person = p, .country = c};
    bool names_day = wc_verdict_span_without_day_notes(vc->ds, p, c, date, &e->from, &e->to);
    e->fragment = render_day(vc, p, c, date, &e->kind, &e->fragment_len);
    if (e->fragment == NULL)
        return false;
    /* A note names the day: one entry for the run if its dates can be
     * filled in, else one for the day (wc_verdict_span). */
    if (vc->shows_notes && names_day && (e->from == e->to || !find_holes(vc, e, p, c, date)))
        e->from = e->to = date;
    return true;
}

const char *verdict_cache_fragment(verdict_cache *vc, const verdict_entry *e, wc_date date,
                                   size_t *len)
{
    *len = e->fragment_len;
    if (e->n_holes == 0)
        return e->fragment;
    if (vc->day_text_cap < e->fragment_len) {
        char *grown = realloc(vc->day_text, e->fragment_len);
        if (grown == NULL)
            return NULL;
        vc->day_text = grown;
        vc->day_text_cap = e->fragment_len;
    }
    memcpy(vc->day_text, e->fragment, e->fragment_len);
    char day[WC_DATE_BUFSIZE];
    wc_date_format(date, day);
    for (uint32_t i = 0; i < e->n_holes; i++)
        memcpy(vc->day_text + e->holes[i], day, 10);
    return vc->day_text;
}

const verdict_entry *verdict_cache_get(verdict_cache *vc, const wc_person *p,
                                       const wc_country *c, wc_date date)
{
    const wc_dataset *ds = vc->ds;
    if (p < ds->persons || p >= ds->persons + ds->n_persons || c < ds->countries ||
        c >= ds->countries + ds->n_countries) {
        /* Not a record of the dataset: nothing to key it by. */
        free(vc->scratch.fragment);
        free(vc->scratch.holes);
        vc->misses++;
        if (!compute(vc, &vc->scratch, p, c, date)) {
            free(vc->scratch.fragment);
            free(vc->scratch.holes);
            vc->scratch = (verdict_entry){.fragment = NULL};
            return NULL;
        }
        return &vc->scratch;
    }
    size_t pair = (size_t)(p - ds->persons) * ds->n_countries + (size_t)(c - ds->countries);
    verdict_runs *runs = &vc->pairs[pair];
    uint32_t at = run_before(vc, runs, date);
    if (at < runs->n) {
        verdict_entry *e = &vc->entries[runs->entry[at].entry];
        if (date <= e->to) {
            e->referenced = true;
            vc->hits++;
            return e;
        }
    }

    vc->misses++;
    verdict_entry fresh;
    if (!compute(vc, &fresh, p, c, date)) {
        free(fresh.fragment);
        free(fresh.holes);
        return NULL;
    }
    if (runs->n == runs->cap) {
        uint32_t cap = runs->cap == 0 ? 4 : runs->cap * 2;
        verdict_run *grown = realloc(runs->entry, cap * sizeof *grown);
        if (grown == NULL) {
            free(fresh.fragment);
            free(fresh.holes);
            return NULL;
        }
        runs->entry = grown;
        runs->cap = cap;
    }
    while (vc->bytes + fresh.fragment_len > vc->budget && evict_one(vc))
        ;
    size_t slot = take_slot(vc);
    /* Evictions may have moved this pair's runs: find the place again. */
    at = run_before(vc, runs, date);
    uint32_t to = at == runs->n ? 0 : at + 1;
    memmove(&runs->entry[to + 1], &runs->entry[to], (runs->n - to) * sizeof runs->entry[0]);
    runs->entry[to] = (verdict_run){.from = fresh.from, .entry = (uint32_t)slot};
    runs->n++;
    fresh.pair = (uint32_t)pair;
    vc->entries[slot] = fresh;
    vc->bytes += fresh.fragment_len;
    return &vc->entries[slot];
}
