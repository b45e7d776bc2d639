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

verdict_cache *verdict_cache_new(const wc_dataset *ds, render_fn render, void *ctx,
                                 bool shows_notes)
{
    verdict_cache *vc = calloc(1, sizeof *vc);
    if (vc != NULL) {
        vc->ds = ds;
        vc->render = render;
        vc->ctx = ctx;
        vc->shows_notes = shows_notes;
    }
    return vc;
}

static void forget_all(verdict_cache *vc)
{
    for (size_t b = 0; b < VERDICT_CACHE_BUCKETS; b++)
        for (size_t w = 0; w < VERDICT_CACHE_WAYS; w++) {
            free(vc->entries[b][w].fragment);
            vc->entries[b][w] = (verdict_entry){.fragment = NULL};
        }
    vc->bytes = 0;
}

void verdict_cache_free(verdict_cache *vc)
{
    if (vc == NULL)
        return;
    forget_all(vc);
    free(vc);
}

const verdict_entry *verdict_cache_get(verdict_cache *vc, const wc_person *p,
                                       const wc_country *c, wc_date date)
{
    /* Records are array elements: their addresses differ in the low bits. */
    uintptr_t key = ((uintptr_t)p >> 3) * 31u + ((uintptr_t)c >> 3);
    size_t b = (size_t)((key * 2654435761u) >> 7) % VERDICT_CACHE_BUCKETS;
    verdict_entry *row = vc->entries[b];
    for (size_t w = 0; w < VERDICT_CACHE_WAYS; w++)
        if (row[w].fragment != NULL && row[w].person == p && row[w].country == c &&
            row[w].from <= date && date <= row[w].to)
            return &row[w];

    verdict_entry e = {.person = p, .country = c};
    if (vc->shows_notes)
        wc_verdict_span(vc->ds, p, c, date, &e.from, &e.to);
    else
        wc_verdict_span_without_day_notes(vc->ds, p, c, date, &e.from, &e.to);
    wc_verdict v;
    if (!wc_verdict_for_person(vc->ds, p, c, date, &v))
        return NULL;
    e.kind = v.kind;
    e.fragment = vc->render(vc->ctx, p, c, date, &v, &e.fragment_len);
    wc_verdict_free(&v);
    if (e.fragment == NULL)
        return NULL;
    if (vc->bytes + e.fragment_len > VERDICT_CACHE_BUDGET)
        forget_all(vc);
    verdict_entry *slot = &row[vc->next_way[b]];
    vc->next_way[b] = (unsigned char)((vc->next_way[b] + 1) % VERDICT_CACHE_WAYS);
    if (slot->fragment != NULL) {
        vc->bytes -= slot->fragment_len;
        free(slot->fragment);
    }
    *slot = e;
    vc->bytes += e.fragment_len;
    return slot;
}
