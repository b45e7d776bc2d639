/* Name resolution on the bundled dataset: codes, names, aliases, case,
 * accents, punctuation, "X, The", ambiguity and suggestions. */
#include "fixture.h"
#include "support.h"
#include "normalize.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
    wc_error err;
    *state = wc_dataset_load(wc_builtin_data, wc_builtin_data_len, &err);
    if (*state == NULL)
        fail_msg("bundled data: %lu:%lu: %s", err.line, err.column, err.message);
    return 0;
}

static int teardown(void **state)
{
    wc_dataset_free(*state);
    return 0;
}

static void resolves(void **state, const char *query, const char *iso2)
{
    wc_country_match m = wc_find_country(*state, query);
    if (m.kind != WC_MATCH_FOUND)
        fail_msg("'%s' did not resolve (kind %d)", query, (int)m.kind);
    if (strcmp(m.country->iso2, iso2) != 0)
        fail_msg("'%s' resolved to %s, not %s", query, m.country->iso2, iso2);
}

static void codes_names_aliases(void **state)
{
    resolves(state, "MN", "MN");
    resolves(state, "mng", "MN");
    resolves(state, "mongolia", "MN");
    resolves(state, "MONGOLIA", "MN");
    resolves(state, "Korea, South", "KR");
    resolves(state, "south korea", "KR");
    resolves(state, "Republic of Korea", "KR");
    resolves(state, "Cote d'Ivoire", "CI");
    resolves(state, "Côte d’Ivoire", "CI");
    resolves(state, "ivory coast", "CI");
    resolves(state, "The Gambia", "GM");
    resolves(state, "Gambia, The", "GM");
    resolves(state, "czech republic", "CZ");
    resolves(state, "DRC", "CD");
    resolves(state, "DR Congo", "CD");
    resolves(state, "Congo, Democratic Republic of the", "CD");
    resolves(state, "Palestine", "PS");
    resolves(state, "State of Palestine", "PS");
    resolves(state, "Turkey", "TR");
    resolves(state, "Türkiye", "TR");
    resolves(state, "Swaziland", "SZ");
    resolves(state, "East Timor", "TL");
    resolves(state, "USA", "US");
    resolves(state, "America", "US");
    resolves(state, "UK", "GB");
    resolves(state, "Great Britain", "GB");
    resolves(state, "Russian Federation", "RU");
    resolves(state, "Vatican", "VA");
    resolves(state, "Holy See", "VA");
    resolves(state, "Burma", "MM");
    resolves(state, "Kosovo", "XK");
    resolves(state, "Bosnia & Herzegovina", "BA");
    resolves(state, "  united   states  ", "US");
}

static void ambiguous_lists_candidates(void **state)
{
    wc_country_match m = wc_find_country(*state, "Korea");
    assert_int_equal(m.kind, WC_MATCH_AMBIGUOUS);
    assert_int_equal(m.n_candidates, 2);
    m = wc_find_country(*state, "Congo");
    assert_int_equal(m.kind, WC_MATCH_AMBIGUOUS);
    assert_int_equal(m.n_candidates, 2);
}

static void unknown_suggests(void **state)
{
    wc_country_match m = wc_find_country(*state, "Mongolai");
    assert_int_equal(m.kind, WC_MATCH_UNKNOWN);
    assert_true(m.n_candidates >= 1);
    assert_string_equal(m.candidates[0]->iso2, "MN");
    m = wc_find_country(*state, "Hungray");
    assert_int_equal(m.kind, WC_MATCH_UNKNOWN);
    assert_string_equal(m.candidates[0]->iso2, "HU");
    m = wc_find_country(*state, "qqqqqqqqqq");
    assert_int_equal(m.kind, WC_MATCH_UNKNOWN);
    assert_int_equal(m.n_candidates, 0);
    m = wc_find_country(*state, "");
    assert_int_equal(m.kind, WC_MATCH_UNKNOWN);
    m = wc_find_country(*state, "\xff\xfe");
    assert_int_equal(m.kind, WC_MATCH_UNKNOWN);
}

/* Subdivisions and foreign names from iso-codes: found with `via` saying
 * how, never taking a name the dataset has, and the table sorted. */
static void iso_codes_names(void **state)
{
    const struct {
        const char *query, *iso2, *subdivision, *language;
    } cases[] = {
        {"Alaska", "US", "US-AK", NULL},   {"england", "GB", "GB-ENG", NULL},
        {"Bavaria", "DE", "DE-BY", NULL},  {"Bayern", "DE", "DE-BY", NULL},
        {"Abu Dhabi", "AE", "AE-AZ", NULL}, {"Crimea", "UA", "UA-43", NULL},
        {"Deutschland", "DE", NULL, "de"}, {"Германия", "DE", NULL, "ru"},
        {"德国", "DE", NULL, "zh_CN"},     {"ALLEMAGNE", "DE", NULL, "fr"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wc_country_match m = wc_find_country(*state, cases[i].query);
        if (m.kind != WC_MATCH_FOUND || m.via.name == NULL)
            fail_msg("'%s': kind %d, not via iso-codes", cases[i].query, (int)m.kind);
        assert_string_equal(m.country->iso2, cases[i].iso2);
        if (cases[i].subdivision != NULL)
            assert_string_equal(m.via.subdivision, cases[i].subdivision);
        else
            assert_string_equal(m.via.language, cases[i].language);
    }
    /* The dataset's own names come first and say nothing of iso-codes. */
    wc_country_match georgia = wc_find_country(*state, "Georgia");
    assert_int_equal(georgia.kind, WC_MATCH_FOUND);
    assert_string_equal(georgia.country->iso2, "GE");
    assert_null(georgia.via.name);
    assert_null(wc_find_country(*state, "Mongolia").via.name);
    assert_string_equal(wc_world_names_version(), "4.15.0-1");
}

static void keys_and_distance(void **state)
{
    (void)state;
    char *k = wc_name_key("Gambia, The", true);
    assert_string_equal(k, "gambia");
    free(k);
    k = wc_name_key("Korea, South", true);
    assert_string_equal(k, "south korea");
    free(k);
    k = wc_name_key("Côte d'Ivoire", false);
    assert_string_equal(k, "cote divoire");
    free(k);
    k = wc_name_key("Trinidad & Tobago", false);
    assert_string_equal(k, "trinidad and tobago");
    free(k);
    assert_null(wc_name_key("\xc3", false));
    assert_int_equal(wc_edit_distance("mongolai", "mongolia", 3), 1);
    assert_int_equal(wc_edit_distance("kitten", "sitting", 3), 3);
    assert_int_equal(wc_edit_distance("abc", "abcdefgh", 2), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes_names_aliases),
        cmocka_unit_test(ambiguous_lists_candidates),
        cmocka_unit_test(unknown_suggests),
        cmocka_unit_test(iso_codes_names),
        cmocka_unit_test(keys_and_distance),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
