/* The itinerary's verdict cache (src/cli/itinerary_cache.c): legs in any
 * date order miss once per run of days, every answer is the verdict of its
 * day, and a lowered budget evicts one entry at a time, not all. Its
 * fragments, held as shared pieces, put back together are the renderer's
 * bytes for the day asked, over the whole dataset, in every format, with
 * room for all and with a budget that keeps evicting. */
#include "itinerary_cache.h"
#include "itinerary_rows.h"
#include "support.h"
#include "writer.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A fragment that names the verdict's kind, so a hit can be checked. */
static char *render_kind(void *ctx, const wc_person *p, const wc_country *c, wc_date date,
                         const wc_verdict *v, size_t *len, const uint32_t **cuts,
                         size_t *n_cuts)
{
    (void)ctx, (void)p, (void)c, (void)date, (void)cuts, (void)n_cuts;
    char *s = malloc(64);
    if (s != NULL)
        *len = (size_t)snprintf(s, 64, "kind %d", (int)v->kind);
    return s;
}

/* The fragment of `e` for `date`, its pieces put together, in `out`
 * (malloc'd, NUL-terminated); its length. */
static size_t flatten(verdict_cache *vc, const verdict_entry *e, wc_date date, char **out)
{
    size_t n, len = 0;
    const wcr_span *spans = verdict_cache_spans(vc, e, &n);
    for (size_t i = 0; i < n; i++)
        len += spans[i].len;
    char *s = malloc(len + 1), *at = s;
    assert_non_null(s);
    for (size_t i = 0; i < n; i++) {
        if (spans[i].data == NULL) {
            assert_int_equal(spans[i].len, 10);
            char day[WC_DATE_BUFSIZE];
            memcpy(at, wc_date_format(date, day), 10);
        } else {
            memcpy(at, spans[i].data, spans[i].len);
        }
        at += spans[i].len;
    }
    *at = '\0';
    *out = s;
    return len;
}

/* A block's cost as the cache counts it: glibc's chunk. */
static size_t heap_cost(size_t n)
{
    n = (n + 8 + 15) / 16 * 16;
    return n < 32 ? 32 : n;
}

/* What the cache holds adds up: each piece counts exactly the uses the
 * held entries make of it and is found by its hash, the free ids are the
 * empty ones, and the bytes are those of the pieces and lists held. */
static void check_pool(const verdict_cache *vc)
{
    size_t uses[VERDICT_POOL_PIECES] = {0}, bytes = 0, held = 0;
    for (size_t i = 0; i <= vc->n_used; i++) {
        const verdict_entry *e = i < vc->n_used ? &vc->entries[i] : &vc->scratch;
        if (!(e->flags & ENTRY_HELD))
            continue;
        held += i < vc->n_used;
        const uint16_t *ids = e->n_pieces <= ENTRY_PIECES_HERE ? e->pieces.here : e->pieces.list;
        for (size_t k = 0; k < e->n_pieces; k++)
            if (ids[k] != PIECE_DAY)
                uses[ids[k]]++;
        if (e->n_pieces > ENTRY_PIECES_HERE)
            bytes += heap_cost(e->n_pieces * sizeof *ids);
    }
    assert_int_equal(held, vc->n_used - vc->n_free);
    size_t live = 0;
    for (size_t id = 0; id < vc->n_ids; id++) {
        const verdict_piece *p = vc->piece[id];
        if (p == NULL) {
            assert_int_equal(uses[id], 0);
            continue;
        }
        live++;
        assert_int_equal(p->refs, uses[id]);
        bytes += heap_cost(sizeof *p + p->len);
        bool found = false;
        for (size_t i = p->hash & (VERDICT_POOL_INDEX - 1); vc->index[i] != 0 && !found;
             i = (i + 1) & (VERDICT_POOL_INDEX - 1))
            found = vc->index[i] == id + 1;
        assert_true(found);
    }
    assert_int_equal(live + vc->n_free_ids, vc->n_ids);
    size_t in_index = 0;
    for (size_t i = 0; i < VERDICT_POOL_INDEX; i++)
        in_index += vc->index[i] != 0;
    assert_int_equal(in_index, live);
    assert_int_equal(bytes, vc->bytes);
}

static int load_bundled(void **state)
{
    wc_error err;
    *state = wc_dataset_load(wc_builtin_data, wc_builtin_data_len, &err);
    if (*state == NULL)
        fail_msg("bundled data: %lu:%lu: %s", err.line, err.column, err.message);
    return 0;
}

static int free_dataset(void **state)
{
    wc_dataset_free(*state);
    return 0;
}

static const char *const countries[] = {"MN", "CN", "BY", "HU", "KZ", "TJ", "ZA", "PH", "UA",
                                        "VE", "IL", "PS", "RU", "FR", "US", "DE", "TR"};
#define N_COUNTRIES (sizeof countries / sizeof countries[0])

/* Random days over 2002-2026 (a fixed sequence), for one person. */
static void random_legs(const wc_dataset *ds, verdict_cache *vc, const wc_person *p,
                        unsigned long legs, unsigned long *distinct_runs)
{
    const wc_country *cs[N_COUNTRIES];
    for (size_t i = 0; i < N_COUNTRIES; i++) {
        wc_country_match m = wc_find_country(ds, countries[i]);
        assert_int_equal(m.kind, WC_MATCH_FOUND);
        cs[i] = m.country;
    }
    wc_date first = wc_date_from_ymd(2002, 1, 1), last = wc_date_from_ymd(2026, 12, 31);
    /* Distinct runs: the spans met, counted once each. */
    static wc_date seen[N_COUNTRIES][512];
    size_t n_seen[N_COUNTRIES] = {0};
    uint32_t seed = 7;
    *distinct_runs = 0;
    for (unsigned long i = 0; i < legs; i++) {
        seed = seed * 69069u + 1;
        size_t ci = (seed >> 16) % N_COUNTRIES;
        seed = seed * 69069u + 1;
        wc_date d = first + (wc_date)((seed >> 8) % (uint32_t)(last - first + 1));
        const verdict_entry *e = verdict_cache_get(vc, p, cs[ci], d);
        assert_non_null(e);
        assert_true(e->from <= d && d <= e->to);
        wc_verdict v;
        assert_true(wc_verdict_for_person(ds, p, cs[ci], d, &v));
        char want[64];
        snprintf(want, sizeof want, "kind %d", (int)v.kind);
        wc_verdict_free(&v);
        char *got;
        flatten(vc, e, d, &got);
        assert_string_equal(got, want);
        free(got);
        bool known = false;
        for (size_t k = 0; k < n_seen[ci]; k++)
            known = known || seen[ci][k] == e->from;
        if (!known) {
            assert_true(n_seen[ci] < 512);
            seen[ci][n_seen[ci]++] = e->from;
            ++*distinct_runs;
        }
    }
}

/* With room for every run, each run misses once: no conflict misses. */
static void misses_once_per_run(void **state)
{
    const wc_dataset *ds = *state;
    const wc_person *putin = wc_find_person(ds, "putin").person;
    assert_non_null(putin);
    for (int notes = 0; notes < 2; notes++) {
        verdict_cache *vc = verdict_cache_new(ds, render_kind, NULL, notes == 1);
        assert_non_null(vc);
        unsigned long runs;
        random_legs(ds, vc, putin, 200000, &runs);
        assert_true(runs > 4 * N_COUNTRIES); /* more runs than the old 4 ways */
        assert_int_equal(vc->misses, runs);
        assert_int_equal(vc->hits + vc->misses, 200000);
        assert_int_equal(vc->evictions, 0);
        verdict_cache_free(vc);
    }
}

/* "kind N in XX": two pieces, the first shared by every country. */
static char *render_kind_in(void *ctx, const wc_person *p, const wc_country *c, wc_date date,
                            const wc_verdict *v, size_t *len, const uint32_t **cuts,
                            size_t *n_cuts)
{
    (void)ctx, (void)p, (void)date;
    static uint32_t cut[1];
    char *s = malloc(64);
    if (s == NULL)
        return NULL;
    cut[0] = (uint32_t)snprintf(s, 64, "kind %d", (int)v->kind);
    *len = cut[0] + (size_t)snprintf(s + cut[0], 64 - cut[0], " in %s", c->iso2);
    *cuts = cut;
    *n_cuts = 1;
    return s;
}

/* A budget too small for every piece evicts one entry at a time: the
 * bytes held stay under it, the cache is never emptied, pieces go with
 * the last entry that uses them, and answers stay right. */
static void small_budget_evicts_one(void **state)
{
    const wc_dataset *ds = *state;
    const wc_person *putin = wc_find_person(ds, "putin").person;
    verdict_cache *vc = verdict_cache_new(ds, render_kind_in, NULL, true);
    assert_non_null(vc);
    vc->budget = 20 * 32; /* 20 pieces of 32 heap bytes: fewer than (country, kind) */
    wc_date first = wc_date_from_ymd(2002, 1, 1);
    uint32_t seed = 11;
    unsigned long n_whole = 0;
    for (unsigned long i = 0; i < 20000; i++) {
        seed = seed * 69069u + 1;
        const wc_country *c = &ds->countries[(seed >> 16) % ds->n_countries];
        seed = seed * 69069u + 1;
        wc_date d = first + (wc_date)((seed >> 8) % 9131);
        const verdict_entry *e = verdict_cache_get(vc, putin, c, d);
        assert_non_null(e);
        assert_true(vc->bytes <= vc->budget);
        wc_verdict v;
        assert_true(wc_verdict_for_person(ds, putin, c, d, &v));
        char want[64], *got;
        snprintf(want, sizeof want, "kind %d in %s", (int)v.kind, c->iso2);
        wc_verdict_free(&v);
        /* Whole while one person uses less than half the budget, then cut. */
        assert_true(e->n_pieces == 1 || e->n_pieces == 2);
        n_whole += e->n_pieces == 1;
        flatten(vc, e, d, &got);
        assert_string_equal(got, want);
        free(got);
        if (i % 997 == 0)
            check_pool(vc);
    }
    assert_true(vc->evictions > 0);
    assert_true(n_whole > 0 && n_whole < 20000);
    assert_int_equal(vc->misses, vc->evictions + (vc->n_used - vc->n_free));
    assert_true(vc->bytes > vc->budget - 2 * 32); /* the last eviction freed 2 pieces at most */
    assert_true(vc->n_used - vc->n_free > 2);
    check_pool(vc);
    verdict_cache_free(vc);
}

/* ------------------------------------------------- the real fragments */

typedef struct real_render {
    wcr_itinerary it;
    unsigned long renders;
} real_render;

static char *render_real(void *ctx, const wc_person *p, const wc_country *c, wc_date date,
                         const wc_verdict *v, size_t *len, const uint32_t **cuts,
                         size_t *n_cuts)
{
    real_render *r = ctx;
    r->renders++;
    char *text = wcr_itinerary_fragment(&r->it, p, c, date, v, len);
    *cuts = wcr_itinerary_cuts(&r->it, n_cuts);
    return text;
}

/* Days of every person in every country of the dataset (a fixed random
 * sequence, and the days around each trip), each entry put back together
 * against an uncached rendering of its day, byte for byte. */
static void pieces_are_the_fragment(const wc_dataset *ds, wcr_format format, bool sources,
                                    size_t budget, size_t person, size_t rounds,
                                    unsigned long *evictions, size_t *days)
{
    wcr_buffer sink = {0};
    wcr_writer w = wcr_writer_buffer(&sink);
    wcr_opts o = {.format = format, .header = true, .dataset = ds, .sources = sources};
    real_render cached = {0}, fresh = {0};
    assert_true(wcr_itinerary_open(&cached.it, &w, &o));
    assert_true(wcr_itinerary_open(&fresh.it, &w, &o));
    verdict_cache *vc = verdict_cache_new(ds, render_real, &cached, format != WCR_TEXT);
    assert_non_null(vc);
    if (budget > 0)
        vc->budget = budget;
    const char *sample = getenv("WC_TEST_SAMPLE"); /* .ci/run's valgrind pass */
    size_t every = sample != NULL && atoi(sample) > 1 ? (size_t)atoi(sample) : 1;
    wc_date first = wc_date_from_ymd(2002, 6, 1), span = wc_date_add_days(ds->as_of, 60) - first;
    uint32_t seed = 5;
    size_t checked = 0, with_day = 0;
    size_t pi_from = person == SIZE_MAX ? 0 : person;
    size_t pi_to = person == SIZE_MAX ? ds->n_persons : person + 1;
    for (size_t round = 0; round < rounds; round++) /* again: hits; evicted runs missed again */
        for (size_t pi = pi_from; pi < pi_to; pi++)
            for (size_t ci = 0; ci < ds->n_countries; ci++) {
                seed = seed * 69069u + 1;
                if ((seed >> 8) % every != 0)
                    continue;
                const wc_person *p = &ds->persons[pi];
                const wc_country *c = &ds->countries[ci];
                for (int k = 0; k < 4; k++) {
                    seed = seed * 69069u + 1;
                    wc_date d = first + (wc_date)((seed >> 8) % (uint32_t)span);
                    const verdict_entry *e = verdict_cache_get(vc, p, c, d);
                    assert_non_null(e);
                    assert_true(e->from <= d && d <= e->to);
                    wc_verdict v;
                    assert_true(wc_verdict_for_person(ds, p, c, d, &v));
                    assert_int_equal(e->kind, v.kind);
                    size_t want_len;
                    char *want = wcr_itinerary_fragment(&fresh.it, p, c, d, &v, &want_len);
                    wc_verdict_free(&v);
                    char *got;
                    size_t got_len = flatten(vc, e, d, &got);
                    if (got_len != want_len || memcmp(got, want, want_len) != 0)
                        fail_msg("%s in %s on day %d, format %d:\n got  %s\n want %s", p->id,
                                 c->iso2, (int)d, (int)format, got, want);
                    size_t n;
                    const wcr_span *spans = verdict_cache_spans(vc, e, &n);
                    for (size_t i = 0; i < n; i++)
                        with_day += spans[i].data == NULL;
                    free(want);
                    free(got);
                    checked++;
                }
            }
    check_pool(vc);
    if (getenv("WC_TEST_VERBOSE") != NULL)
        print_message("format %d budget %zu: %zu days, %lu misses, %lu evictions, %zu held, "
                      "%zu pieces, %zu bytes, one person %d\n", (int)format, vc->budget, checked,
                      vc->misses,
                      vc->evictions, vc->n_used - vc->n_free, vc->n_ids - vc->n_free_ids,
                      vc->bytes, (int)!vc->many_persons);
    *evictions = vc->evictions;
    *days = with_day;
    assert_true(checked > 500 / every);
    verdict_cache_free(vc);
    wcr_itinerary_close(&cached.it);
    wcr_itinerary_close(&fresh.it);
    wcr_buffer_free(&sink);
}

/* At the cache's own budget (the whole dataset has more runs than its
 * slots, so the clock runs here too). */
static void real_pieces(void **state)
{
    static const wcr_format formats[] = {WCR_JSONL, WCR_CSV, WCR_TSV, WCR_TEXT};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        unsigned long evictions;
        size_t days;
        pieces_are_the_fragment(*state, formats[f], false, 0, SIZE_MAX, 3, &evictions, &days);
        if (formats[f] != WCR_TEXT) /* the sealed warrants' notes name their day */
            assert_true(days > 0);
    }
    unsigned long evictions;
    size_t days;
    pieces_are_the_fragment(*state, WCR_JSONL, true, 0, SIZE_MAX, 3, &evictions, &days);
}

/* A budget of a tenth of what the runs need: the clock keeps evicting,
 * pieces come and go, and every row is still the renderer's. */
static void real_pieces_evicted(void **state)
{
    static const wcr_format formats[] = {WCR_JSONL, WCR_CSV};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        unsigned long evictions;
        size_t days;
        pieces_are_the_fragment(*state, formats[f], false, 64 << 10, SIZE_MAX, 3, &evictions,
                                &days);
        assert_true(evictions > 1000);
    }
}

/* One person at a time: fragments kept whole (but for their days) while
 * the cache has room, cut once half its budget is used (every other
 * person here, with a budget of 16 KiB, which then keeps evicting, even
 * on the valgrind pass's sample of one country in eight). */
static void real_pieces_one_person(void **state)
{
    const wc_dataset *ds = *state;
    static const wcr_format formats[] = {WCR_JSONL, WCR_CSV};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        size_t all_days = 0;
        unsigned long all_evictions = 0;
        for (size_t pi = 0; pi < ds->n_persons; pi++) {
            unsigned long evictions;
            size_t days;
            pieces_are_the_fragment(ds, formats[f], false, pi % 2 == 1 ? 16 << 10 : 0, pi, 2,
                                    &evictions, &days);
            all_days += days;
            all_evictions += evictions;
        }
        assert_true(all_days > 0);
        assert_true(all_evictions > 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(misses_once_per_run),
        cmocka_unit_test(small_budget_evicts_one),
        cmocka_unit_test(real_pieces),
        cmocka_unit_test(real_pieces_evicted),
        cmocka_unit_test(real_pieces_one_person),
    };
    return cmocka_run_group_tests(tests, load_bundled, free_dataset);
}
