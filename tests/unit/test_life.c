/* A warrant's life and the rules around it, on tests/data/life.json: a
 * death alone ends nothing, custody runs from transfer to release, a status
 * only reported says so, a territory whose coverage is not recorded stands
 * as its state by presumption; the sources of a standing, the exact span of
 * a verdict and the verdict of a leg. */
#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

static int setup(void **state)
{
    *state = fixture_load("life.json");
    return 0;
}

static int teardown(void **state)
{
    wc_dataset_free(*state);
    return 0;
}

static const wc_person *person(void **state, const char *id)
{
    wc_person_match m = wc_find_person(*state, id);
    assert_int_equal(m.kind, WC_MATCH_FOUND);
    return m.person;
}

static const wc_country *country(void **state, const char *iso2)
{
    const wc_country *c = wc_country_by_iso2(*state, iso2);
    assert_non_null(c);
    return c;
}

static const wc_warrant *warrant_of(void **state, const wc_person *p)
{
    const wc_dataset *ds = *state;
    for (size_t i = 0; i < ds->n_warrants; i++)
        if (ds->warrants[i].person == p)
            return &ds->warrants[i];
    fail_msg("no warrant for %s", p->id);
    return NULL;
}

static bool has_note(const wc_verdict *v, const char *text)
{
    for (size_t i = 0; i < v->notes.count; i++)
        if (strstr(v->notes.items[i], text) != NULL)
            return true;
    return false;
}

/* The verdict kind, with one note that must (or, with !, must not) be there. */
static void check(void **state, const char *id, const char *iso2, const char *date,
                  wc_verdict_kind kind, const char *note)
{
    wc_verdict v;
    const wc_country *c = country(state, iso2);
    assert_true(wc_verdict_for_person(*state, person(state, id), c, D(date), &v));
    if (v.kind != kind)
        fail_msg("%s in %s on %s: %s, expected %s", id, iso2, date, wc_verdict_word(v.kind),
                 wc_verdict_word(kind));
    bool absent = note != NULL && note[0] == '!';
    if (note != NULL && (absent ? has_note(&v, note + 1) : !has_note(&v, note)))
        fail_msg("%s in %s on %s: note '%s' %s", id, iso2, date, note,
                 absent ? "present" : "missing");
    wc_verdict_free(&v);
}

static void a_reported_death_ends_nothing(void **state)
{
    const wc_warrant *w = warrant_of(state, person(state, "reported-dead"));
    const wc_status_event *ev;
    assert_int_equal(wc_warrant_state_on(w, D("2025-01-01"), &ev), WC_WARRANT_IN_FORCE);
    assert_int_equal(wc_warrant_status_on(w, D("2025-01-01"), &ev), WC_AT_LARGE);
    check(state, "reported-dead", "AA", "2024-07-12", WC_V_OBLIGED, "!dead");
    check(state, "reported-dead", "AA", "2024-07-13", WC_V_OBLIGED,
          "Rex Reported was reported dead on 2024-07-13; the Court has not terminated the case");
    check(state, "reported-dead", "XX", "2025-01-01", WC_V_NOT_OBLIGED,
          "the Court has not terminated the case");
}

static void the_court_ends_a_warrant_on_its_date(void **state)
{
    /* Died 2020-01-10 (the Court records it); terminated 2021-02-01. */
    check(state, "court-dead", "AA", "2020-06-01", WC_V_OBLIGED,
          "Cora Court died on 2020-01-10; the Court has not terminated the case");
    check(state, "court-dead", "AA", "2021-01-31", WC_V_OBLIGED, "!reported");
    check(state, "court-dead", "AA", "2021-02-01", WC_V_NO_WARRANT, "deceased since 2021-02-01");
    check(state, "court-dead", "AA", "2021-02-01", WC_V_NO_WARRANT,
          "!the Court has not terminated");
    const wc_status_event *ev;
    assert_int_equal(wc_warrant_status_on(warrant_of(state, person(state, "court-dead")),
                                          D("2021-02-01"), &ev),
                     WC_DECEASED);
}

static void custody_from_transfer_to_release(void **state)
{
    const wc_warrant *w = warrant_of(state, person(state, "held"));
    const wc_status_event *ev;
    /* Arrested by a state: still wanted, the state must surrender him. */
    check(state, "held", "AA", "2014-05-01", WC_V_OBLIGED, "arrested on 2014-05-01");
    assert_int_equal(wc_warrant_state_on(w, D("2015-01-09"), &ev), WC_WARRANT_IN_FORCE);
    check(state, "held", "AA", "2015-01-10", WC_V_IN_CUSTODY, NULL);
    check(state, "held", "XX", "2019-05-31", WC_V_IN_CUSTODY, NULL);
    /* Released: no warrant is left. */
    check(state, "held", "AA", "2019-06-01", WC_V_NO_WARRANT, "released since 2019-06-01");
    assert_int_equal(wc_warrant_state_on(w, D("2019-06-01"), &ev), WC_WARRANT_NOT_IN_FORCE);
    assert_int_equal(wc_warrant_status_on(w, D("2019-06-01"), &ev), WC_RELEASED);
    assert_string_equal(wc_warrant_status_word(WC_RELEASED), "released");
}

static void a_reported_change_says_so(void **state)
{
    check(state, "rumour", "AA", "2016-04-03", WC_V_OBLIGED, "!only reported");
    check(state, "rumour", "AA", "2016-04-04", WC_V_IN_CUSTODY,
          "that Rue Rumour became 'in-custody' on 2016-04-04 is only reported, not confirmed by "
          "the Court");
    /* A change the Court confirms needs no such note. */
    check(state, "held", "AA", "2016-01-01", WC_V_IN_CUSTODY, "!only reported");
}

static void not_issued_is_a_status(void **state)
{
    const wc_warrant *w = warrant_of(state, person(state, "sealed"));
    const wc_status_event *ev;
    assert_int_equal(wc_warrant_known_from(w), D("2019-01-01"));
    assert_int_equal(wc_warrant_status_on(w, D("2018-12-31"), &ev), WC_NOT_ISSUED);
    assert_null(ev);
    assert_string_equal(wc_warrant_status_word(WC_NOT_ISSUED), "not-issued");
    assert_int_equal(wc_warrant_status_on(w, D("2019-01-01"), &ev), WC_AT_LARGE);
    assert_non_null(ev);
}

static void an_unrecorded_territory_stands_as_its_state(void **state)
{
    const wc_country *gg = country(state, "GG");
    assert_false(wc_country_is_state(gg));
    assert_true(wc_country_is_state(country(state, "AA")));
    wc_membership m = wc_membership_on(gg, D("2025-01-01"));
    assert_true(m.presumed);
    assert_true(m.state_party);
    assert_ptr_equal(m.through, country(state, "AA"));
    check(state, "reported-dead", "GG", "2025-01-01", WC_V_OBLIGED,
          "whether Alphaland's ratification extends to Gammarock is not recorded");
    check(state, "reported-dead", "GG", "2025-01-01", WC_V_OBLIGED, "!neither signed nor joined");
    wc_verdict v;
    assert_true(wc_verdict_for_person(*state, person(state, "held"), gg, D("2025-01-01"), &v));
    assert_true(v.state_party_presumed);
    wc_verdict_free(&v);
    /* A covered territory's standing is recorded, from its own date. */
    m = wc_membership_on(country(state, "HH"), D("2025-01-01"));
    assert_false(m.presumed);
    assert_true(m.state_party);
    assert_false(wc_state_party_on(country(state, "HH"), D("2009-12-31")));
}

static void standing_since_and_counts(void **state)
{
    const wc_dataset *ds = *state;
    wc_date d = D("2025-01-01");
    assert_int_equal(wc_membership_since(country(state, "AA"), d), D("2002-07-01"));
    /* A territory from its own date, not its state's. */
    assert_int_equal(wc_membership_since(country(state, "HH"), d), D("2010-01-01"));
    assert_int_equal(wc_membership_since(country(state, "HH"), D("2009-01-01")), WC_DATE_UNKNOWN);
    assert_int_equal(wc_membership_since(country(state, "GG"), d), WC_DATE_UNKNOWN);
    assert_int_equal(wc_membership_since(country(state, "XX"), d), WC_DATE_UNKNOWN);
    /* Territories are never counted as States Parties. */
    assert_int_equal(wc_states_parties_count(ds, d), 1);
    assert_int_equal(wc_states_parties_count(ds, D("2002-06-30")), 0);
    /* reported-dead, sealed and vague are wanted; court-dead's case ended,
     * held was released, rumour is in custody. */
    assert_int_equal(wc_warrants_in_force_count(ds, d), 3);
}

static void sources_of_a_standing(void **state)
{
    const wc_dataset *ds = *state;
    const wc_source_list *lists[8];
    const wc_country *hh = country(state, "HH");
    size_t n = wc_membership_sources(ds, hh, D("2025-01-01"), lists, 0, 8);
    assert_int_equal(n, 2);
    assert_ptr_equal(lists[0], &hh->part_of_sources); /* the territory's own first */
    assert_ptr_equal(lists[1], &country(state, "AA")->statute->sources);
    /* Appending again adds nothing; no room drops the rest. */
    assert_int_equal(wc_membership_sources(ds, hh, D("2025-01-01"), lists, n, 8), 2);
    assert_int_equal(wc_membership_sources(ds, hh, D("2025-01-01"), lists, 0, 1), 1);
    assert_int_equal(wc_membership_sources(ds, country(state, "XX"), D("2025-01-01"), lists, 0, 8),
                     0);
}

static void span_is_exact(void **state)
{
    const wc_dataset *ds = *state;
    const wc_country *aa = country(state, "AA");
    wc_date from, to;
    /* Before a sealed warrant's unknown issue day the note names the day. */
    wc_verdict_span(ds, person(state, "sealed"), aa, D("2018-06-01"), &from, &to);
    assert_int_equal(from, D("2018-06-01"));
    assert_int_equal(to, D("2018-06-01"));
    /* A status change of unknown date may have happened: the same. */
    wc_verdict_span(ds, person(state, "vague"), aa, D("2016-06-01"), &from, &to);
    assert_int_equal(from, to);
    /* For a front end that shows no notes the run is wider, and says why. */
    assert_true(wc_verdict_span_without_day_notes(ds, person(state, "vague"), aa,
                                                  D("2016-06-01"), &from, &to));
    assert_int_equal(from, D("2015-01-02"));
    assert_int_equal(to, D("2026-06-29")); /* bounded by as_of, a date the notes read */
    assert_false(wc_verdict_span_without_day_notes(ds, person(state, "held"), aa,
                                                   D("2016-06-01"), &from, &to));
    /* Before its earliest day it cannot have: a run again. */
    wc_verdict_span(ds, person(state, "vague"), aa, D("2012-06-01"), &from, &to);
    assert_int_equal(from, D("2010-03-02"));
    assert_int_equal(to, D("2014-12-31"));
    /* A death is a date the notes read. */
    wc_verdict_span(ds, person(state, "reported-dead"), aa, D("2024-01-01"), &from, &to);
    assert_int_equal(to, D("2024-07-12"));
    wc_verdict_span(ds, person(state, "reported-dead"), aa, D("2025-01-01"), &from, &to);
    assert_int_equal(from, D("2024-07-14"));
    /* Across any run, the whole verdict is the same. */
    for (size_t pi = 0; pi < ds->n_persons; pi++)
        for (wc_date d = D("2009-01-01"); d < D("2027-01-01"); d = to + 1) {
            wc_verdict_span(ds, &ds->persons[pi], aa, d, &from, &to);
            wc_verdict a, b;
            assert_true(wc_verdict_for_person(ds, &ds->persons[pi], aa, from, &a));
            assert_true(wc_verdict_for_person(ds, &ds->persons[pi], aa, to, &b));
            assert_int_equal(a.kind, b.kind);
            assert_int_equal(a.notes.count, b.notes.count);
            for (size_t i = 0; i < a.notes.count; i++)
                assert_string_equal(a.notes.items[i], b.notes.items[i]);
            wc_verdict_free(&a);
            wc_verdict_free(&b);
        }
}

static void leg_for_person(void **state)
{
    wc_leg_verdict lv;
    assert_true(wc_leg_verdict_for_person(*state, person(state, "held"), country(state, "AA"),
                                          D("2015-01-01"), D("2015-01-20"), &lv));
    assert_int_equal(lv.kind, WC_V_IN_CUSTODY);
    assert_int_equal(lv.day, D("2015-01-10"));
    assert_int_equal(lv.n_runs, 2);
    assert_int_equal(lv.runs[0].kind, WC_V_OBLIGED);
    char note[WC_LEG_NOTE_BUFSIZE];
    wc_leg_change_note(&lv, note, sizeof note);
    assert_string_equal(note, "the verdict changes during the leg: obliged from 2015-01-01, "
                              "in-custody from 2015-01-10");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_reported_death_ends_nothing),
        cmocka_unit_test(the_court_ends_a_warrant_on_its_date),
        cmocka_unit_test(custody_from_transfer_to_release),
        cmocka_unit_test(a_reported_change_says_so),
        cmocka_unit_test(not_issued_is_a_status),
        cmocka_unit_test(an_unrecorded_territory_stands_as_its_state),
        cmocka_unit_test(standing_since_and_counts),
        cmocka_unit_test(sources_of_a_standing),
        cmocka_unit_test(span_is_exact),
        cmocka_unit_test(leg_for_person),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
