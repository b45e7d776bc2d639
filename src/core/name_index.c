#include "name_index.h"

#include "normalize.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static bool push_entry(wc_name_index *index, char *words, const void *item, size_t record,
                       int field)
{
    size_t wlen = strlen(words);
    if (wlen == 0) {
        free(words);
        return true;
    }
    if (index->count == index->capacity) {
        size_t cap = index->capacity ? index->capacity * 2 : 1024;
        wc_name_entry *grown = realloc(index->entries, cap * sizeof *grown);
        if (grown == NULL) {
            free(words);
            return false;
        }
        index->entries = grown;
        index->capacity = cap;
    }
    char *key = wc_arena_alloc(index->arena, wlen + 1);
    char *padded = wc_arena_alloc(index->arena, wlen + 3);
    if (key == NULL || padded == NULL) {
        free(words);
        return false;
    }
    wc_key_squeeze(words, key);
    padded[0] = ' ';
    memcpy(padded + 1, words, wlen);
    padded[wlen + 1] = ' ';
    padded[wlen + 2] = '\0';
    free(words);
    index->entries[index->count++] =
        (wc_name_entry){.key = key, .words = padded, .item = item, .record = record, .field = field};
    return true;
}

bool wc_index_add(wc_name_index *index, const char *name, const void *item, size_t record,
                  int field)
{
    char *plain = wc_name_key(name, false);
    if (plain == NULL || !push_entry(index, plain, item, record, field))
        return false;
    if (wc_name_has_comma(name)) {
        char *inverted = wc_name_key(name, true);
        if (inverted == NULL || !push_entry(index, inverted, item, record, field))
            return false;
    }
    return true;
}

static int compare_entries(const void *pa, const void *pb)
{
    const wc_name_entry *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c != 0)
        return c;
    /* Keep the first-written entry first, so a clash names the later one. */
    if (a->record != b->record)
        return a->record < b->record ? -1 : 1;
    return a->field < b->field ? -1 : a->field > b->field;
}

bool wc_index_finish(wc_name_index *index, wc_name_table *table, const wc_name_entry **a,
                     const wc_name_entry **b)
{
    if (index->count > 1)
        qsort(index->entries, index->count, sizeof *index->entries, compare_entries);
    table->entries = index->entries;
    table->count = index->count;
    for (size_t i = 1; i < index->count; i++) {
        const wc_name_entry *x = &index->entries[i - 1], *y = &index->entries[i];
        if (x->item != y->item && strcmp(x->key, y->key) == 0) {
            *a = x;
            *b = y;
            return false;
        }
    }
    return true;
}

static const wc_name_entry *find_key(const wc_name_table *index, const char *key)
{
    size_t lo = 0, hi = index->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(index->entries[mid].key, key);
        if (c == 0)
            return &index->entries[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

typedef struct candidate {
    const void *item;
    size_t rank;
} candidate;

typedef struct candidate_set {
    candidate items[WC_MAX_CANDIDATES];
    size_t count;
    size_t total; /* distinct items seen, even past the capacity */
    const char *(*display)(const void *);
} candidate_set;

static int compare_candidates(const candidate *a, const candidate *b,
                              const char *(*display)(const void *))
{
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return strcmp(display(a->item), display(b->item));
}

/* Keeps the best WC_MAX_CANDIDATES distinct items by rank, then name. */
static void offer(candidate_set *set, const void *item, size_t rank)
{
    for (size_t i = 0; i < set->count; i++) {
        if (set->items[i].item == item) {
            if (rank < set->items[i].rank)
                set->items[i].rank = rank;
            return;
        }
    }
    set->total++;
    candidate c = {item, rank};
    if (set->count == WC_MAX_CANDIDATES) {
        candidate *worst = &set->items[0];
        for (size_t i = 1; i < set->count; i++)
            if (compare_candidates(&set->items[i], worst, set->display) > 0)
                worst = &set->items[i];
        if (compare_candidates(&c, worst, set->display) < 0)
            *worst = c;
        return;
    }
    set->items[set->count++] = c;
}

static void sorted_into(candidate_set *set, wc_index_match *m)
{
    for (size_t i = 1; i < set->count; i++)
        for (size_t j = i; j > 0 && compare_candidates(&set->items[j], &set->items[j - 1],
                                                       set->display) < 0;
             j--) {
            candidate t = set->items[j];
            set->items[j] = set->items[j - 1];
            set->items[j - 1] = t;
        }
    m->count = set->count;
    for (size_t i = 0; i < set->count; i++)
        m->items[i] = set->items[i].item;
}

static bool find_exact(const wc_name_table *index, const char *query, bool invert,
                       wc_index_match *m)
{
    char *words = wc_name_key(query, invert);
    if (words == NULL) {
        if (errno != ENOMEM)
            return false;
        m->kind = WC_MATCH_NO_MEMORY;
        return true;
    }
    char *key = malloc(strlen(words) + 1);
    const wc_name_entry *e = NULL;
    if (key != NULL) {
        wc_key_squeeze(words, key);
        if (key[0] != '\0')
            e = find_key(index, key);
    }
    free(key);
    free(words);
    if (key == NULL) {
        m->kind = WC_MATCH_NO_MEMORY;
        return true;
    }
    if (e == NULL)
        return false;
    m->kind = WC_MATCH_FOUND;
    m->items[0] = e->item;
    m->count = 1;
    return true;
}

wc_index_match wc_index_find(const wc_name_table *index, const char *query,
                             const char *(*display)(const void *item))
{
    wc_index_match m = {.kind = WC_MATCH_UNKNOWN, .count = 0};
    if (find_exact(index, query, false, &m) ||
        (wc_name_has_comma(query) && find_exact(index, query, true, &m)))
        return m;

    char *words = wc_name_key(query, false);
    if (words == NULL) {
        if (errno == ENOMEM)
            m.kind = WC_MATCH_NO_MEMORY;
        return m;
    }
    size_t wlen = strlen(words);
    char *key = malloc(wlen + 1);
    char *padded = malloc(wlen + 3);
    if (key == NULL || padded == NULL || wlen == 0) {
        if (wlen > 0)
            m.kind = WC_MATCH_NO_MEMORY;
        free(key);
        free(padded);
        free(words);
        return m;
    }
    wc_key_squeeze(words, key);
    padded[0] = ' ';
    memcpy(padded + 1, words, wlen);
    memcpy(padded + 1 + wlen, " ", 2);
    size_t klen = strlen(key);

    /* A whole-word part of a name: "Korea" in "South Korea". Too short a
     * query would match half the world, so it must have three letters. */
    candidate_set set = {.count = 0, .total = 0, .display = display};
    if (klen >= 3)
        for (size_t i = 0; i < index->count; i++)
            if (strstr(index->entries[i].words, padded) != NULL)
                offer(&set, index->entries[i].item, 0);
    if (set.total == 1) {
        m.kind = WC_MATCH_FOUND;
        m.items[0] = set.items[0].item;
        m.count = 1;
    } else if (set.total > 1) {
        m.kind = WC_MATCH_AMBIGUOUS;
        sorted_into(&set, &m);
    } else {
        /* Unknown: suggest names within a few typos, or that it begins. */
        size_t limit = klen <= 4 ? 1 : klen <= 8 ? 2 : 3;
        for (size_t i = 0; i < index->count; i++) {
            const char *k = index->entries[i].key;
            size_t d = wc_edit_distance(key, k, limit);
            if (d <= limit)
                offer(&set, index->entries[i].item, d);
            else if (klen >= 3 && strncmp(k, key, klen) == 0)
                offer(&set, index->entries[i].item, limit + 1);
        }
        sorted_into(&set, &m);
    }
    free(padded);
    free(key);
    free(words);
    return m;
}

void wc_index_free(wc_name_index *index)
{
    free(index->entries);
    index->entries = NULL;
    index->count = index->capacity = 0;
}
