/* The itinerary's verdict cache (src/cli/itinerary_cache.c): legs in any
 * date order miss once per run of days, every answer is the verdict of its
 * day, and a lowered budget evicts one entry at a time, not all. */
#include "itinerary_cache.h"
#include "support.h"

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
                         const wc_verdict *v, size_t *len)
{
    (void)ctx, (void)p, (void)c, (void)date;
    char *s = malloc(64);
    if (s != NULL)
        *len = (size_t)snprintf(s, 64, "kind %d", (int)v->kind);
    return s;
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
        assert_string_equal(e->fragment, want);
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

/* A budget too small for every run evicts one entry at a time: the bytes
 * held stay under it, most of the cache stays, and answers stay right. */
static void small_budget_evicts_one(void **state)
{
    const wc_dataset *ds = *state;
    const wc_person *putin = wc_find_person(ds, "putin").person;
    verdict_cache *vc = verdict_cache_new(ds, render_kind, NULL, true);
    assert_non_null(vc);
    vc->budget = 40 * 6; /* about 40 fragments of 6 bytes */
    unsigned long runs;
    random_legs(ds, vc, putin, 20000, &runs);
    assert_true(vc->evictions > 0);
    assert_true(vc->bytes <= vc->budget);
    assert_true(vc->bytes >= vc->budget - 12); /* evicted one at a time, not emptied */
    assert_int_equal(vc->misses, vc->evictions + (vc->n_used - vc->n_free));
    verdict_cache_free(vc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(misses_once_per_run),
        cmocka_unit_test(small_budget_evicts_one),
    };
    return cmocka_run_group_tests(tests, load_bundled, free_dataset);
}
