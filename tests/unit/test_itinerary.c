/* Itinerary lines: the text form, CSV with a header, every fault with its
 * column; and the runs of days over which a verdict holds, checked against
 * the verdict rules on the bundled dataset. */
#include "fixture.h"
#include "support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static int new_parser(void **state)
{
    *state = wc_itinerary_parser_new();
    return *state == NULL;
}

static int free_parser(void **state)
{
    wc_itinerary_parser_free(*state);
    return 0;
}

static wc_line_result parse(void **state, const char *line, wc_leg *leg, wc_line_error *err)
{
    return wc_itinerary_parse_line(*state, line, strlen(line), leg, err);
}

/* Parses `line` as a leg and checks its dates and country. */
static void leg_is(void **state, const char *line, const char *start, const char *end,
                   const char *country, size_t column)
{
    wc_leg leg;
    wc_line_error err = {0};
    wc_line_result r = parse(state, line, &leg, &err);
    if (r != WC_LINE_LEG)
        fail_msg("'%s': not a leg (%d): %zu: %s", line, (int)r, err.column, err.message);
    assert_int_equal(leg.start, D(start));
    assert_int_equal(leg.end, D(end));
    assert_int_equal(leg.country_len, strlen(country));
    assert_memory_equal(leg.country, country, strlen(country));
    assert_int_equal(leg.country_column, column);
}

/* Parses `line` and checks that it fails at `column` with a message that
 * contains `words`. */
static void fails_at(void **state, const char *line, size_t len, size_t column, const char *words)
{
    wc_leg leg;
    wc_line_error err = {0};
    wc_line_result r = wc_itinerary_parse_line(*state, line, len, &leg, &err);
    if (r != WC_LINE_ERROR)
        fail_msg("'%.60s' parsed (%d), expected an error at %zu", line, (int)r, column);
    if (err.column != column || strstr(err.message, words) == NULL)
        fail_msg("'%.60s': %zu: %s; expected %zu: ...%s...", line, err.column, err.message,
                 column, words);
}

static void empty(void **state, const char *line)
{
    wc_leg leg;
    wc_line_error err;
    assert_int_equal(parse(state, line, &leg, &err), WC_LINE_EMPTY);
}

/* ---------------------------------------------------------- text form */

static void text_forms(void **state)
{
    empty(state, "");
    empty(state, "   \t ");
    empty(state, "# a comment");
    empty(state, "   # an indented comment");
    assert_int_equal(wc_itinerary_form_of(*state), WC_FORM_UNDECIDED);
    leg_is(state, "2024-09-03 Mongolia", "2024-09-03", "2024-09-03", "Mongolia", 12);
    assert_int_equal(wc_itinerary_form_of(*state), WC_FORM_TEXT);
    leg_is(state, "2024-09-02..2024-09-03 Mongolia", "2024-09-02", "2024-09-03", "Mongolia", 24);
    leg_is(state, "  2024-06-19\tNorth Korea  # Pyongyang", "2024-06-19", "2024-06-19",
           "North Korea", 14);
    leg_is(state, "2024-06-19 Korea, North", "2024-06-19", "2024-06-19", "Korea, North", 12);
    leg_is(state, "2024-06-19 Korea, North\r", "2024-06-19", "2024-06-19", "Korea, North", 12);
    leg_is(state, "2024-01-01..2024-01-01 Côte d'Ivoire", "2024-01-01", "2024-01-01",
           "Côte d'Ivoire", 24);
    assert_false(wc_itinerary_has_person_column(*state));
}

static void text_input_is_the_line(void **state)
{
    wc_leg leg;
    wc_line_error err;
    const char line[] = "\xEF\xBB\xBF" "2024-09-03 MN\r";
    assert_int_equal(wc_itinerary_parse_line(*state, line, sizeof line - 1, &leg, &err),
                     WC_LINE_LEG);
    assert_int_equal(leg.input_len, 13);
    assert_memory_equal(leg.input, "2024-09-03 MN", 13);
    assert_int_equal(leg.country_column, 12); /* counted after the BOM */
    assert_null(leg.person);
}

static void text_faults(void **state)
{
    leg_is(state, "2024-01-01 MN", "2024-01-01", "2024-01-01", "MN", 12);
    fails_at(state, "2024-02-30 China", 16, 1, "not a real day: '2024-02-30'");
    fails_at(state, "2023-02-29 China", 16, 1, "not a real day");
    fails_at(state, "  24-09-03 China", 16, 3, "not a date: '24-09-03'");
    fails_at(state, "2024-09-03..2024-13-01 China", 28, 13, "not a real day: '2024-13-01'");
    fails_at(state, "2024-09-05..2024-09-01 Mongolia", 31, 13,
             "ends on 2024-09-01, before it starts on 2024-09-05");
    fails_at(state, "2024-09-05.. Mongolia", 21, 13, "not a date: ''");
    fails_at(state, "2024-09-05", 10, 11, "missing the country");
    fails_at(state, "2024-09-05    # only a comment", 29, 15, "missing the country");
    fails_at(state, "1899-12-31 Mongolia", 19, 1, "not a real day");
    fails_at(state, "2024-09-03,Mongolia", 19, 1, "a CSV itinerary starts with a header");
    fails_at(state, "2024-09-03 Mon\xffgolia", 19, 15, "not valid UTF-8");
    fails_at(state, "2024-09-03 Mon\0golia", 19, 15, "a NUL byte");
    /* A letter can start a CSV header only as the first line. */
    fails_at(state, "Mongolia 2024-09-03", 19, 1, "not a date: 'Mongolia'");
}

static void over_long_line(void **state)
{
    size_t len = WC_ITINERARY_MAX_LINE + 1;
    char *line = malloc(len);
    assert_non_null(line);
    memcpy(line, "2024-09-03 ", 11);
    memset(line + 11, 'a', len - 11);
    fails_at(state, line, len, WC_ITINERARY_MAX_LINE + 1, "longer than 65536 bytes");
    /* At the limit exactly, it is an ordinary line (here, an unknown name). */
    wc_leg leg;
    wc_line_error err;
    assert_int_equal(wc_itinerary_parse_line(*state, line, len - 1, &leg, &err), WC_LINE_LEG);
    assert_int_equal(leg.country_len, WC_ITINERARY_MAX_LINE - 11);
    free(line);
}

/* ----------------------------------------------------------------- CSV */

static void csv_header_and_rows(void **state)
{
    empty(state, "# exported from a spreadsheet");
    empty(state, "Date, End ,COUNTRY,person,note,extra");
    assert_int_equal(wc_itinerary_form_of(*state), WC_FORM_CSV);
    assert_true(wc_itinerary_has_person_column(*state));
    wc_leg leg;
    wc_line_error err;
    assert_int_equal(parse(state, "2024-09-02,2024-09-03,Mongolia,putin,visit,x", &leg, &err),
                     WC_LINE_LEG);
    assert_int_equal(leg.start, D("2024-09-02"));
    assert_int_equal(leg.end, D("2024-09-03"));
    assert_int_equal(leg.country_column, 23);
    assert_int_equal(leg.person_len, 5);
    assert_memory_equal(leg.person, "putin", 5);
    assert_int_equal(leg.person_column, 32);
    /* Quotes, commas inside them, an empty end, no person, a short row. */
    assert_int_equal(parse(state, "2024-06-19,,\"Korea, North\",,\"a \"\"quoted\"\" note\"",
                           &leg, &err),
                     WC_LINE_LEG);
    assert_int_equal(leg.end, leg.start);
    assert_int_equal(leg.country_len, 12);
    assert_memory_equal(leg.country, "Korea, North", 12);
    assert_int_equal(leg.country_column, 13);
    assert_null(leg.person);
    assert_int_equal(parse(state, " 2024-06-19 , , Vietnam", &leg, &err), WC_LINE_LEG);
    assert_memory_equal(leg.country, "Vietnam", 7);
    assert_int_equal(leg.country_column, 17);
    /* A range in the date column is fine too. */
    assert_int_equal(parse(state, "2024-06-19..2024-06-20,,Vietnam\r", &leg, &err), WC_LINE_LEG);
    assert_int_equal(leg.end, D("2024-06-20"));
}

static void csv_row_faults(void **state)
{
    empty(state, "\xEF\xBB\xBF" "start,end,country");
    fails_at(state, "2024-09-03,2024-09-01,MN", 24, 12, "ends on 2024-09-01, before");
    fails_at(state, "2024-09-03,2024-09-31,MN", 24, 12, "not a real day: '2024-09-31'");
    fails_at(state, "2024-09-03..2024-09-04,2024-09-05,MN", 36, 24, "an 'end' as well");
    fails_at(state, ",,MN", 4, 1, "missing the date");
    fails_at(state, "2024-09-03,,", 12, 13, "missing the country");
    fails_at(state, "2024-09-03", 10, 11, "missing the country");
    fails_at(state, "2024-09-03,,MN,extra", 20, 16, "this row has 4 fields, but the header names 3");
    fails_at(state, "2024-09-03,,\"Mongolia", 21, 13, "a quoted field is not closed");
    fails_at(state, "2024-09-03,,Mon\"golia", 21, 16, "malformed CSV");
    fails_at(state, "2024-09-03,,\"Mongolia\"x", 23, 23, "malformed CSV");
    /* The parser recovers after a malformed line. */
    wc_leg leg;
    wc_line_error err;
    assert_int_equal(parse(state, "2024-09-03,,\"MN\"", &leg, &err), WC_LINE_LEG);
    assert_memory_equal(leg.country, "MN", 2);
    assert_false(wc_itinerary_has_person_column(*state));
}

static void csv_header_faults(void **state)
{
    fails_at(state, "date,country,Date", 17, 14, "names 'date' twice");
    fails_at(state, "date,start,country", 18, 6, "both 'date' and 'start'");
    fails_at(state, "date,place", 10, 1, "naming 'date' (or 'start') and 'country'");
    fails_at(state, "when,country", 12, 1, "naming 'date' (or 'start') and 'country'");
    assert_int_equal(wc_itinerary_form_of(*state), WC_FORM_UNDECIDED);
    /* A good header may still follow. */
    empty(state, "country,date");
    leg_is(state, "Mongolia,2024-09-03", "2024-09-03", "2024-09-03", "Mongolia", 1);
}

static void csv_too_many_columns(void **state)
{
    char line[512] = "date,country";
    for (int i = 0; i < WC_ITINERARY_MAX_COLUMNS; i++)
        strcat(line, ",x");
    /* Field 64 starts after the 64th comma. */
    fails_at(state, line, strlen(line), strlen("date,country") + 2 * (WC_ITINERARY_MAX_COLUMNS - 2) + 2,
             "more than 64 fields");
}

/* ------------------------------------------------------- verdict runs */

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

static bool same_verdict(const wc_verdict *a, const wc_verdict *b)
{
    if (a->kind != b->kind || a->state_party != b->state_party || a->warrant != b->warrant ||
        (a->basis == NULL) != (b->basis == NULL) ||
        (a->basis != NULL && strcmp(a->basis, b->basis) != 0) || a->n_sources != b->n_sources ||
        a->notes.count != b->notes.count)
        return false;
    for (size_t i = 0; i < a->n_sources; i++)
        if (a->sources[i] != b->sources[i])
            return false;
    for (size_t i = 0; i < a->notes.count; i++)
        if (strcmp(a->notes.items[i], b->notes.items[i]) != 0)
            return false;
    return true;
}

/* The promise the itinerary's cache rests on: across a run of days the
 * verdict is the same, notes and sources included (a verdict whose notes
 * name its day has a run of that day alone). */
static void check_run(const wc_dataset *ds, const wc_person *p, const wc_country *c,
                      wc_date from, wc_date day)
{
    wc_verdict a, b;
    assert_true(wc_verdict_for_person(ds, p, c, from, &a));
    assert_true(wc_verdict_for_person(ds, p, c, day, &b));
    char x[WC_DATE_BUFSIZE], y[WC_DATE_BUFSIZE];
    if (!same_verdict(&a, &b))
        fail_msg("%s in %s: the verdict on %s differs from %s's, in the same run", p->id,
                 c->iso2, wc_date_format(day, y), wc_date_format(from, x));
    wc_verdict_free(&a);
    wc_verdict_free(&b);
}

/* Countries whose record has more than a plain membership: trips,
 * findings, declarations, referrals, withdrawals; and every tenth other. */
static bool eventful(const wc_dataset *ds, const wc_country *c, size_t i)
{
    if (i % 10 == 0 || (c->statute != NULL && c->statute->n_withdrawals > 0))
        return true;
    for (size_t k = 0; k < ds->n_trips; k++)
        if (ds->trips[k].host == c)
            return true;
    for (size_t k = 0; k < ds->n_findings; k++)
        if (ds->findings[k].state == c)
            return true;
    for (size_t k = 0; k < ds->n_declarations; k++)
        if (ds->declarations[k].country == c)
            return true;
    for (size_t k = 0; k < ds->n_referrals; k++)
        for (size_t j = 0; j < ds->referrals[k].n_bound; j++)
            if (ds->referrals[k].bound[j] == c)
                return true;
    return false;
}

static void runs_hold_on_the_dataset(void **state)
{
    const wc_dataset *ds = *state;
    wc_date first = D("2000-01-01"), last = wc_date_add_days(ds->as_of, 400);
    size_t runs = 0;
    /* Every eventful country takes 15 s natively; under valgrind (.ci/run
     * sets WC_TEST_SAMPLE=N) every Nth of them keeps the pass in minutes. */
    const char *sample = getenv("WC_TEST_SAMPLE");
    size_t every = sample != NULL && atoi(sample) > 1 ? (size_t)atoi(sample) : 1, seen = 0;
    for (size_t ci = 0; ci < ds->n_countries; ci++) {
        const wc_country *c = &ds->countries[ci];
        if (!eventful(ds, c, ci) || seen++ % every != 0)
            continue;
        for (size_t pi = 0; pi < ds->n_persons; pi++) {
            const wc_person *p = &ds->persons[pi];
            for (wc_date d = first; d <= last;) {
                wc_date from, to;
                wc_verdict_span(ds, p, c, d, &from, &to);
                assert_true(from <= d && d <= to);
                check_run(ds, p, c, from, to);
                check_run(ds, p, c, from, from + (to - from) / 2);
                runs++;
                if (to >= last)
                    break;
                d = to + 1;
            }
        }
    }
    assert_true(runs > 1000 / every);
}

/* Each trip's days, and the days either side, against its run: a missing
 * date in wc_verdict_span would show here as a trip note out of place. */
static void runs_around_trips(void **state)
{
    const wc_dataset *ds = *state;
    for (size_t i = 0; i < ds->n_trips; i++) {
        const wc_trip *t = &ds->trips[i];
        for (wc_date d = t->start - 1; d <= t->end + 1; d++) {
            wc_date from, to;
            wc_verdict_span(ds, t->person, t->host, d, &from, &to);
            assert_true(from <= d && d <= to);
            check_run(ds, t->person, t->host, from, d);
            check_run(ds, t->person, t->host, from, to);
        }
    }
}

/* Parses `line` as a leg and checks its note (NULL: none). */
static void note_is(void **state, const char *line, const char *note)
{
    wc_leg leg;
    wc_line_error err = {0};
    wc_line_result r = parse(state, line, &leg, &err);
    if (r != WC_LINE_LEG)
        fail_msg("'%s': not a leg (%d): %zu: %s", line, (int)r, err.column, err.message);
    if (note == NULL) {
        assert_null(leg.note);
        assert_int_equal(leg.note_len, 0);
        return;
    }
    assert_non_null(leg.note);
    assert_int_equal(leg.note_len, strlen(note));
    assert_memory_equal(leg.note, note, strlen(note));
}

/* A comment after a leg is its note, trimmed; a line's own comment is none. */
static void text_notes(void **state)
{
    note_is(state, "2024-09-03 Mongolia", NULL);
    note_is(state, "2024-09-03 Mongolia # Ulaanbaatar", "Ulaanbaatar");
    note_is(state, "2024-09-03 Mongolia\t#\t summit, day 2 \t", "summit, day 2");
    note_is(state, "2024-09-03 Mongolia #", NULL);
    note_is(state, "2024-09-03 Mongolia #   ", NULL);
    note_is(state, "2024-09-03 Mongolia ## a # b", "# a # b");
    empty(state, "# not a note");
    note_is(state, "2024-09-04 Mongolia", NULL); /* the last note does not stick */
}

/* The `note` column, quoted or not, empty for none. */
static void csv_notes(void **state)
{
    empty(state, "date,country,note");
    note_is(state, "2024-09-03,Mongolia,\"Dushanbe, \"\"CIS\"\" summit\"", "Dushanbe, \"CIS\" summit");
    note_is(state, "2024-09-03,Mongolia,", NULL);
    note_is(state, "2024-09-03,Mongolia", NULL);
    note_is(state, "2024-09-03,Mongolia, air show ", "air show");
}

/* ';' and tabs between fields, as the header shows them. */
static void csv_semicolons(void **state)
{
    empty(state, "\xEF\xBB\xBF" "date;country;note");
    leg_is(state, "2024-09-03;\"Korea, North\";\"a; b\"", "2024-09-03", "2024-09-03",
           "Korea, North", 12);
    note_is(state, "2024-09-03;Mongolia;\"a; b, c\"", "a; b, c");
    fails_at(state, "2024-09-03;Mongolia;x;y", 23, 23, "4 fields");
    fails_at(state, "2024-09-03,Mongolia,x", 21, 1, "by ';', this row by ','");
}

static void csv_tabs(void **state)
{
    empty(state, "date\tcountry");
    leg_is(state, "2024-09-03\t Korea, North ", "2024-09-03", "2024-09-03", "Korea, North", 13);
}

/* A ',' outside quotes keeps ',' whatever else the header holds. */
static void csv_comma_wins(void **state)
{
    fails_at(state, "\"date;x\",country", 16, 1, "CSV header naming");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(text_forms, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(text_input_is_the_line, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(text_faults, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(over_long_line, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_header_and_rows, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_row_faults, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_header_faults, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_too_many_columns, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(text_notes, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_notes, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_semicolons, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_tabs, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(csv_comma_wins, new_parser, free_parser),
        cmocka_unit_test_setup_teardown(runs_hold_on_the_dataset, load_bundled, free_dataset),
        cmocka_unit_test_setup_teardown(runs_around_trips, load_bundled, free_dataset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
