/* The dataset as a history (issue 13): wc_dated_facts() lists the dated
 * facts in order and filters them; wc_dataset_diff() names exactly what
 * changed. On tests/data/mini.json, variants of it made in memory, and
 * the built-in dataset. */
#include "fixture.h"

#include <warrantcheck/history.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

/* mini.json with the first `from` replaced by `to`, loaded. */
static wc_dataset *variant(const char *from, const char *to)
{
    size_t len;
    char *text = fixture_text("mini.json", &len);
    char *at = strstr(text, from);
    assert_non_null(at);
    size_t head = (size_t)(at - text), n = strlen(to), tail = len - head - strlen(from);
    char *out = malloc(head + n + tail + 1);
    assert_non_null(out);
    memcpy(out, text, head);
    memcpy(out + head, to, n);
    memcpy(out + head + n, at + strlen(from), tail + 1);
    wc_error err;
    wc_dataset *ds = wc_dataset_load(out, head + n + tail, &err);
    if (ds == NULL)
        fail_msg("variant does not load: %lu:%lu: %s", err.line, err.column, err.message);
    free(out);
    free(text);
    return ds;
}

static void all_facts_in_order(void **state)
{
    (void)state;
    wc_dataset *ds = fixture_load("mini.json");
    wc_fact_filter all = {WC_DATE_UNKNOWN, WC_DATE_UNKNOWN, NULL, NULL};
    wc_fact_list l;
    assert_true(wc_dated_facts(ds, &all, &l));
    /* AA signed 1998-07-17; BB deposited 2000-01-05; BC signed 2000-12-31
     * and withdrew its signature 2002-05-06; BB in force 2002-07-01, its
     * withdrawal announced, deposited, effective; AA deposited, in force. */
    assert_int_equal(l.count, 10);
    static const wc_fact_kind kinds[] = {
        WC_FACT_SIGNED,  WC_FACT_DEPOSITED, WC_FACT_SIGNED, WC_FACT_SIGNATURE_WITHDRAWN,
        WC_FACT_IN_FORCE, WC_FACT_WITHDRAWAL_ANNOUNCED, WC_FACT_WITHDRAWAL_DEPOSITED,
        WC_FACT_WITHDRAWAL_EFFECTIVE, WC_FACT_DEPOSITED, WC_FACT_IN_FORCE};
    for (size_t i = 0; i < l.count; i++) {
        assert_int_equal(l.items[i].kind, kinds[i]);
        if (i > 0)
            assert_true(l.items[i - 1].date <= l.items[i].date);
    }
    assert_string_equal(l.items[1].country->iso2, "BB");
    assert_true(l.items[6].has_confirmation);
    assert_int_equal(l.items[6].confirmation, WC_CONFIRMED_DEPOSITARY);
    assert_false(l.items[1].has_confirmation);
    assert_string_equal(wc_fact_kind_word(l.items[7].kind), "withdrawal-effective");
    wc_fact_list_free(&l);
    wc_dataset_free(ds);
}

static void window_is_inclusive(void **state)
{
    (void)state;
    wc_dataset *ds = fixture_load("mini.json");
    wc_fact_list l;
    wc_fact_filter day = {D("2024-02-01"), D("2024-02-01"), NULL, NULL};
    assert_true(wc_dated_facts(ds, &day, &l));
    assert_int_equal(l.count, 1);
    assert_int_equal(l.items[0].kind, WC_FACT_IN_FORCE);
    wc_fact_list_free(&l);
    wc_fact_filter before = {D("2024-01-02"), D("2024-01-31"), NULL, NULL};
    assert_true(wc_dated_facts(ds, &before, &l));
    assert_int_equal(l.count, 0);
    assert_null(l.items);
    wc_fact_list_free(&l);
    wc_dataset_free(ds);
}

static void country_filter(void **state)
{
    (void)state;
    wc_dataset *ds = fixture_load("mini.json");
    wc_fact_list l;
    wc_fact_filter aa = {WC_DATE_UNKNOWN, WC_DATE_UNKNOWN, NULL, wc_country_by_iso2(ds, "AA")};
    assert_true(wc_dated_facts(ds, &aa, &l));
    assert_int_equal(l.count, 3); /* signed, deposited, in force */
    for (size_t i = 0; i < l.count; i++)
        assert_string_equal(l.items[i].country->iso2, "AA");
    wc_fact_list_free(&l);
    wc_dataset_free(ds);
}

/* A territory covered from a date is a fact of its own and of its state. */
static void territory_counts_for_its_state(void **state)
{
    (void)state;
    wc_dataset *ds = variant("\"iso2\": \"DD\", \"state\": \"BB\", \"from\": null",
                             "\"iso2\": \"DD\", \"state\": \"BB\", \"from\": \"2010-05-01\"");
    wc_fact_list l;
    wc_fact_filter bb = {D("2010-01-01"), D("2010-12-31"), NULL, wc_country_by_iso2(ds, "BB")};
    assert_true(wc_dated_facts(ds, &bb, &l));
    assert_int_equal(l.count, 1);
    assert_int_equal(l.items[0].kind, WC_FACT_TERRITORY_COVERED);
    assert_string_equal(l.items[0].country->iso2, "DD");
    assert_string_equal(l.items[0].state->iso2, "BB");
    wc_fact_list_free(&l);
    wc_dataset_free(ds);
}

/* SPEC/issue 13: Ukraine's entry into force on 2025-01-01 is listed. */
static void builtin_ukraine_in_force(void **state)
{
    (void)state;
    const wc_dataset *ds = wc_dataset_builtin();
    wc_fact_list l;
    wc_fact_filter f = {D("2024-12-31"), D("2025-01-02"), NULL, NULL};
    assert_true(wc_dated_facts(ds, &f, &l));
    bool found = false;
    for (size_t i = 0; i < l.count; i++)
        found |= l.items[i].kind == WC_FACT_IN_FORCE && l.items[i].date == D("2025-01-01") &&
                 strcmp(l.items[i].country->iso2, "UA") == 0;
    assert_true(found);
    wc_fact_list_free(&l);
}

static void diff_of_equal_datasets_is_empty(void **state)
{
    (void)state;
    wc_dataset *a = fixture_load("mini.json"), *b = fixture_load("mini.json");
    wc_change_list l;
    assert_true(wc_dataset_diff(a, b, &l));
    assert_int_equal(l.count, 0);
    wc_change_list_free(&l);
    const wc_dataset *builtin = wc_dataset_builtin();
    assert_true(wc_dataset_diff(builtin, builtin, &l));
    assert_int_equal(l.count, 0);
    wc_change_list_free(&l);
    wc_dataset_free(a);
    wc_dataset_free(b);
}

/* One withdrawal stage's confirmation changed: exactly that change. */
static void diff_names_one_change(void **state)
{
    (void)state;
    wc_dataset *a = fixture_load("mini.json");
    wc_dataset *b = variant("\"confirmation\": \"depositary\"", "\"confirmation\": \"reported\"");
    wc_change_list l;
    assert_true(wc_dataset_diff(a, b, &l));
    assert_int_equal(l.count, 1);
    assert_int_equal(l.items[0].area, WC_AREA_MEMBERSHIP);
    assert_int_equal(l.items[0].kind, WC_CHANGED);
    assert_string_equal(l.items[0].key, "BB");
    assert_string_equal(l.items[0].field, "withdrawal 1 deposited");
    assert_string_equal(l.items[0].before, "2018-03-17 (depositary)");
    assert_string_equal(l.items[0].after, "2018-03-17 (reported)");
    wc_change_list_free(&l);
    /* The other way round, the values swap. */
    assert_true(wc_dataset_diff(b, a, &l));
    assert_int_equal(l.count, 1);
    assert_string_equal(l.items[0].before, "2018-03-17 (reported)");
    wc_change_list_free(&l);
    wc_dataset_free(a);
    wc_dataset_free(b);
}

/* A record only in one dataset is added or removed, not a field change. */
static void diff_added_and_removed(void **state)
{
    (void)state;
    const wc_dataset *builtin = wc_dataset_builtin();
    wc_dataset *mini = fixture_load("mini.json");
    wc_change_list l;
    assert_true(wc_dataset_diff(mini, builtin, &l));
    size_t added_warrants = 0, removed_statutes = 0;
    for (size_t i = 0; i < l.count; i++) {
        added_warrants += l.items[i].area == WC_AREA_WARRANT && l.items[i].kind == WC_ADDED;
        removed_statutes += l.items[i].area == WC_AREA_MEMBERSHIP &&
                            l.items[i].kind == WC_REMOVED;
    }
    assert_int_equal(added_warrants, builtin->n_warrants);
    /* AA and BC are the fixture's own codes; BB (Barbados) is in both. */
    assert_int_equal(removed_statutes, 2);
    wc_change_list_free(&l);
    wc_dataset_free(mini);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_facts_in_order),
        cmocka_unit_test(window_is_inclusive),
        cmocka_unit_test(country_filter),
        cmocka_unit_test(territory_counts_for_its_state),
        cmocka_unit_test(builtin_ukraine_in_force),
        cmocka_unit_test(diff_of_equal_datasets_is_empty),
        cmocka_unit_test(diff_names_one_change),
        cmocka_unit_test(diff_added_and_removed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
