/* The verdict of a leg of several days (src/core/leg.c), over invented day
 * verdicts: the strongest day wins, the first day that has it, the runs
 * and the note that names them. */
#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

/* Day verdicts as a table of runs: kinds[i] from starts[i]. */
typedef struct days {
    const wc_date *starts;
    const wc_verdict_kind *kinds;
    size_t n;
    size_t calls;
} days;

static bool table_day(void *ctx, wc_date day, wc_verdict_kind *kind, wc_date *last)
{
    days *t = ctx;
    t->calls++;
    size_t i = 0;
    while (i + 1 < t->n && t->starts[i + 1] <= day)
        i++;
    *kind = t->kinds[i];
    *last = i + 1 < t->n ? t->starts[i + 1] - 1 : wc_date_from_ymd(WC_DATE_MAX_YEAR, 12, 31);
    return true;
}

static void one_run(void **state)
{
    (void)state;
    const wc_date starts[] = {D("2024-01-01")};
    const wc_verdict_kind kinds[] = {WC_V_NOT_OBLIGED};
    days t = {starts, kinds, 1, 0};
    wc_leg_verdict lv;
    assert_true(wc_leg_verdict_walk(D("2024-09-01"), D("2024-09-30"), table_day, &t, &lv));
    assert_int_equal(lv.kind, WC_V_NOT_OBLIGED);
    assert_int_equal(lv.day, D("2024-09-01"));
    assert_int_equal(lv.n_runs, 1);
    assert_false(lv.more);
    assert_int_equal(t.calls, 1); /* one run: one question */
    char note[WC_LEG_NOTE_BUFSIZE];
    assert_int_equal(wc_leg_change_note(&lv, note, sizeof note), 0);
    assert_string_equal(note, "");
}

static void strongest_day_wins(void **state)
{
    (void)state;
    const wc_date starts[] = {D("2024-01-01"), D("2024-09-03"), D("2024-09-05"), D("2024-09-07")};
    const wc_verdict_kind kinds[] = {WC_V_NOT_OBLIGED, WC_V_OBLIGED, WC_V_NO_WARRANT,
                                     WC_V_OBLIGED};
    days t = {starts, kinds, 4, 0};
    wc_leg_verdict lv;
    assert_true(wc_leg_verdict_walk(D("2024-09-01"), D("2024-09-08"), table_day, &t, &lv));
    assert_int_equal(lv.kind, WC_V_OBLIGED);
    assert_int_equal(lv.day, D("2024-09-03")); /* the first day that has it */
    assert_int_equal(lv.n_runs, 4);
    assert_int_equal(t.calls, 4);
    char note[WC_LEG_NOTE_BUFSIZE];
    const char *want = "the verdict changes during the leg: not-obliged from 2024-09-01, "
                       "obliged from 2024-09-03, no-warrant from 2024-09-05, obliged from "
                       "2024-09-07";
    assert_int_equal(wc_leg_change_note(&lv, note, sizeof note), strlen(want));
    assert_string_equal(note, want);
    /* Cut like snprintf, the full length still returned. */
    char small[12];
    assert_int_equal(wc_leg_change_note(&lv, small, sizeof small), strlen(want));
    assert_string_equal(small, "the verdict");
    /* A leg that ends where a run ends asks nothing of the next. */
    t.calls = 0;
    assert_true(wc_leg_verdict_walk(D("2024-09-01"), D("2024-09-04"), table_day, &t, &lv));
    assert_int_equal(lv.n_runs, 2);
    assert_int_equal(t.calls, 2);
}

static void many_changes(void **state)
{
    (void)state;
    wc_date starts[20];
    wc_verdict_kind kinds[20];
    for (size_t i = 0; i < 20; i++) {
        starts[i] = D("2024-01-01") + (wc_date)i;
        kinds[i] = i % 2 ? WC_V_OBLIGED_UNSC : WC_V_NOT_OBLIGED;
    }
    kinds[15] = WC_V_IN_CUSTODY; /* the strongest, after the runs named */
    days t = {starts, kinds, 20, 0};
    wc_leg_verdict lv;
    assert_true(wc_leg_verdict_walk(starts[0], starts[19], table_day, &t, &lv));
    assert_int_equal(lv.n_runs, WC_LEG_MAX_RUNS);
    assert_true(lv.more);
    assert_int_equal(lv.kind, WC_V_IN_CUSTODY);
    assert_int_equal(lv.day, starts[15]);
    char note[WC_LEG_NOTE_BUFSIZE];
    size_t n = wc_leg_change_note(&lv, note, sizeof note);
    assert_true(n < sizeof note);
    assert_non_null(strstr(note, "not-obliged from 2024-01-09, and later changes"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_run),
        cmocka_unit_test(strongest_day_wins),
        cmocka_unit_test(many_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
