/* Membership intervals: a State Party exactly when in_force <= D <
 * withdrawal effective, tested on the day before and the day of each
 * bound (tests/data/mini.json). */
#include "fixture.h"
#include "notes.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

static int setup(void **state)
{
    *state = fixture_load("mini.json");
    return 0;
}

static int teardown(void **state)
{
    wc_dataset_free(*state);
    return 0;
}

static const wc_country *country(void **state, const char *iso2)
{
    const wc_country *c = wc_country_by_iso2(*state, iso2);
    assert_non_null(c);
    return c;
}

static void entry_into_force_bounds(void **state)
{
    const wc_country *aa = country(state, "AA");
    assert_false(wc_state_party_on(aa, D("2023-11-14"))); /* deposit day */
    assert_false(wc_state_party_on(aa, D("2024-01-31")));
    assert_true(wc_state_party_on(aa, D("2024-02-01")));
    assert_true(wc_state_party_on(aa, D("2199-12-31")));
}

static void withdrawal_bounds(void **state)
{
    const wc_country *bb = country(state, "BB");
    assert_false(wc_state_party_on(bb, D("2002-06-30")));
    assert_true(wc_state_party_on(bb, D("2002-07-01")));
    /* Announced and deposited: still a party until the effective day. */
    assert_true(wc_state_party_on(bb, D("2018-03-17")));
    assert_true(wc_state_party_on(bb, D("2019-03-16")));
    assert_false(wc_state_party_on(bb, D("2019-03-17")));
    wc_membership m = wc_membership_on(bb, D("2019-03-16"));
    assert_non_null(m.pending);
    assert_null(m.withdrawn);
    m = wc_membership_on(bb, D("2019-03-17"));
    assert_non_null(m.withdrawn);
    assert_null(m.pending);
    m = wc_membership_on(bb, D("2017-11-30"));
    assert_null(m.pending); /* not yet announced */
    m = wc_membership_on(bb, D("2017-12-01"));
    assert_non_null(m.pending);
}

static void signatory_and_stranger(void **state)
{
    assert_false(wc_state_party_on(country(state, "BC"), D("2010-01-01")));
    wc_membership m = wc_membership_on(country(state, "CC"), D("2010-01-01"));
    assert_false(m.state_party);
    assert_null(m.statute);
}

static void territory_follows_its_state(void **state)
{
    const wc_country *dd = country(state, "DD");
    assert_false(wc_state_party_on(dd, D("2002-06-30")));
    wc_membership m = wc_membership_on(dd, D("2002-07-01"));
    assert_true(m.state_party);
    assert_ptr_equal(m.through, country(state, "BB"));
    assert_true(wc_state_party_on(dd, D("2019-03-16")));
    assert_false(wc_state_party_on(dd, D("2019-03-17"))); /* its state withdrew */
}

static bool has_note(const wc_notes *n, const char *part)
{
    for (size_t i = 0; i < n->count; i++)
        if (strstr(n->items[i], part) != NULL)
            return true;
    return false;
}

static void notes_say_why(void **state)
{
    wc_notes n;
    assert_true(wc_membership_notes(*state, country(state, "BC"), D("2010-01-01"), &n));
    assert_true(has_note(&n, "signed the Rome Statute on 2000-12-31, then notified"));
    wc_notes_free(&n);

    assert_true(wc_membership_notes(*state, country(state, "BC"), D("2000-01-01"), &n));
    assert_true(has_note(&n, "had not yet signed"));
    wc_notes_free(&n);

    assert_true(wc_membership_notes(*state, country(state, "AA"), D("2024-01-31"), &n));
    assert_true(has_note(&n, "enters into force for it on 2024-02-01"));
    wc_notes_free(&n);

    assert_true(wc_membership_notes(*state, country(state, "BB"), D("2018-01-01"), &n));
    assert_true(has_note(&n, "announced its withdrawal on 2017-12-01"));
    assert_true(has_note(&n, "announcement is only reported"));
    wc_notes_free(&n);

    assert_true(wc_membership_notes(*state, country(state, "BB"), D("2018-06-01"), &n));
    assert_true(has_note(&n, "takes effect on 2019-03-17"));
    wc_notes_free(&n);

    assert_true(wc_membership_notes(*state, country(state, "BB"), D("2020-01-01"), &n));
    assert_true(has_note(&n, "withdrew from the Rome Statute"));
    wc_notes_free(&n);

    assert_true(wc_membership_notes(*state, country(state, "DD"), D("2010-01-01"), &n));
    assert_true(has_note(&n, "Deltaisles is covered by North Betaland's ratification"));
    wc_notes_free(&n);

    assert_true(wc_membership_notes(*state, country(state, "CC"), D("2026-07-01"), &n));
    assert_true(has_note(&n, "neither signed nor joined"));
    assert_true(has_note(&n, "current to 2026-06-30"));
    wc_notes_free(&n);
    assert_null(n.items);
}

/* A note whose subject is a country starts with the article English puts
 * before its name ("the United States signed ..."), and none where it
 * takes none; a note without a subject is the text alone. */
static void note_subject_takes_its_article(void **state)
{
    (void)state;
    const wc_country us = {.name = "United States"}, mn = {.name = "Mongolia"};
    wc_notes n = {0};
    assert_true(wc_note_add(&n, &us, "signed the Rome Statute on %s", "2000-12-31"));
    assert_true(wc_note_add(&n, &mn, "has %s", "joined"));
    assert_true(wc_note_add(&n, NULL, "%s", "the dataset is current"));
    assert_int_equal(n.count, 3);
    assert_string_equal(n.items[0], "the United States signed the Rome Statute on 2000-12-31");
    assert_string_equal(n.items[1], "Mongolia has joined");
    assert_string_equal(n.items[2], "the dataset is current");
    wc_notes_free(&n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entry_into_force_bounds),
        cmocka_unit_test(withdrawal_bounds),
        cmocka_unit_test(signatory_and_stranger),
        cmocka_unit_test(territory_follows_its_state),
        cmocka_unit_test(notes_say_why),
        cmocka_unit_test(note_subject_takes_its_article),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
