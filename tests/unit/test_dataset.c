/* Loading refuses a bad file whole, naming the JSON path, line and column
 * of the first fault. Each case is mini.json with one change. */
#include "fixture.h"
#include "support.h"
#include "json_locate.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

/* Loads mini.json with the first `find` replaced by `replace`. */
static wc_dataset *load_changed(const char *find, const char *replace, wc_error *err)
{
    size_t len;
    char *text = fixture_text("mini.json", &len);
    char *at = strstr(text, find);
    if (at == NULL)
        fail_msg("test bug: '%s' not in mini.json", find);
    size_t flen = strlen(find), rlen = strlen(replace);
    char *changed = malloc(len - flen + rlen + 1);
    assert_non_null(changed);
    size_t head = (size_t)(at - text);
    memcpy(changed, text, head);
    memcpy(changed + head, replace, rlen);
    memcpy(changed + head + rlen, at + flen, len - head - flen + 1);
    free(text);
    wc_dataset *ds = wc_dataset_load(changed, strlen(changed), err);
    free(changed);
    return ds;
}

/* Loads mini.json with the first `find` replaced by `replace` and expects
 * a refusal whose message contains `message` at `line`. */
static void refused(const char *find, const char *replace, const char *message,
                    unsigned long line)
{
    wc_error err;
    wc_dataset *ds = load_changed(find, replace, &err);
    if (ds != NULL) {
        wc_dataset_free(ds);
        fail_msg("accepted a file with '%s' -> '%s'", find, replace);
    }
    if (strstr(err.message, message) == NULL)
        fail_msg("message '%s' lacks '%s'", err.message, message);
    if (line != 0 && err.line != line)
        fail_msg("'%s' reported at line %lu, expected %lu", err.message, err.line, line);
    assert_true(err.column >= 1);
}

static void loads_the_fixture(void **state)
{
    (void)state;
    wc_dataset *ds = fixture_load("mini.json");
    assert_int_equal(ds->n_countries, 5);
    assert_int_equal(ds->n_statutes, 3);
    wc_dataset_free(ds);
}

static void loads_the_bundled_data(void **state)
{
    (void)state;
    wc_error err;
    wc_dataset *ds = wc_dataset_load(wc_builtin_data, wc_builtin_data_len, &err);
    if (ds == NULL)
        fail_msg("%lu:%lu: %s", err.line, err.column, err.message);
    assert_true(ds->n_countries >= 250);
    wc_dataset_free(ds);
}

static void impossible_date(void **state)
{
    (void)state;
    refused("\"2023-11-14\"", "\"2023-02-29\"", "rome_statute[0].deposited: not a date: '2023-02-29'",
            19);
    refused("\"2024-02-01\"", "\"2024-13-01\"", "rome_statute[0].in_force: not a date", 19);
}

static void wrong_types(void **state)
{
    (void)state;
    refused("\"iso3\": \"AAA\"", "\"iso3\": 7", "countries[0].iso3: expected a string", 8);
    refused("\"schema_version\": 2", "\"schema_version\": 3", "schema_version", 2);
    refused("\"aliases\": []", "\"aliases\": {}", "countries[1].aliases: expected an array", 11);
    refused("\"withdrawals\": [],", "\"withdrawals\": null,", "rome_statute[0].withdrawals: must not be null", 20);
}

static void duplicates_and_references(void **state)
{
    (void)state;
    refused("\"iso2\": \"BB\", \"iso3\"", "\"iso2\": \"AA\", \"iso3\"",
            "countries[1].iso2: 'AA' is given twice", 10);
    refused("\"name\": \"North Betaland\"", "\"name\": \"Alphaland\"", "read alike", 10);
    /* A clash names the key it is at (it once said 'full_name' here). */
    refused("\"name\": \"Gammastan\", \"official_name\": null",
            "\"name\": \"Gammastan\", \"official_name\": \"Alphaland\"",
            "countries[3].official_name: names two records: 'Gammastan' here and 'Alphaland' at "
            "countries[0].name read alike",
            14);
    refused("\"iso2\": \"BC\", \"signed\"", "\"iso2\": \"ZZ\", \"signed\"",
            "rome_statute[2].iso2: no country with code 'ZZ'", 0);
    refused("\"sources\": [\"test\"]}", "\"sources\": [\"nope\"]}", "no source with id 'nope'", 0);
    refused("\"sources\": [\"test\"]}", "\"sources\": []}", "no source given", 0);
    refused("\"as_of\": \"2026-06-30\",", "\"as_of\": \"2026-06-30\", \"as_of\": \"2026-06-30\",",
            "key given twice", 0);
    refused("\"official_name\": null", "\"offical_name\": null", "unknown key 'offical_name'", 10);
}

static void statute_rules(void **state)
{
    (void)state;
    refused("\"in_force\": \"2024-02-01\"", "\"in_force\": \"2024-03-01\"",
            "is not the date art. 126 gives", 19);
    refused("\"revoked\": null", "\"revoked\": {\"date\": \"2019-04-01\", \"confirmation\": "
                                 "\"depositary\", \"sources\": [\"test\"]}",
            "on or after the day it took effect", 0);
    refused("\"confirmation\": \"court\"", "\"confirmation\": \"rumour\"",
            "unknown value 'rumour'", 0);
}

static void territory_rules(void **state)
{
    (void)state;
    refused("\"state\": \"BB\"", "\"state\": \"DD\"", "cannot belong to itself", 0);
    refused("\"iso2\": \"DD\", \"state\"", "\"iso2\": \"AA\", \"state\"",
            "has a Rome Statute record of its own", 0);
    refused("\"state\": \"BB\"", "\"state\": \"ZZ\"", "no country with code 'ZZ'", 0);
    refused("\"coverage\": \"covered\"", "\"coverage\": \"maybe\"", "unknown value 'maybe'", 40);
    refused("\"coverage\": \"covered\", ", "", "territories[0]: missing key 'coverage'", 0);
    refused("\"from\": null, \"until\": null, \"coverage\": \"covered\"",
            "\"from\": \"2010-01-01\", \"until\": null, \"coverage\": \"not-recorded\"",
            "only a covered territory has a date", 40);
    refused("\"from\": null, \"until\": null, \"coverage\": \"covered\"",
            "\"from\": null, \"until\": \"2010-01-01\", \"coverage\": \"not-recorded\"",
            "not recorded has no end date", 40);
}

/* mini.json with one person, one warrant and `trips`. */
#define TRIPS_FIND "\"persons\": [],\n  \"warrants\": [],\n  \"trips\": []"
#define TRIPS_WITH(trips)                                                                       \
    "\"persons\": [{\"id\": \"pp\", \"name\": \"Pat Person\", \"full_name\": null, "              \
    "\"aliases\": [], \"nationality\": null, \"born\": null, \"died\": null, "                   \
    "\"sources\": [\"test\"]}],\n"                                                                \
    "  \"warrants\": [{\"id\": \"pp-2020\", \"person\": \"pp\", \"situation\": \"x\", "            \
    "\"case\": null, \"role\": null, \"issued\": \"2020-01-01\", \"public\": \"2020-01-01\", "    \
    "\"charges\": [], \"status\": [{\"date\": \"2020-01-01\", \"status\": \"at-large\", "         \
    "\"note\": null, \"sources\": [\"test\"]}], \"sources\": [\"test\"]}],\n"                     \
    "  \"trips\": [" trips "]"
#define TRIP(start, end, host)                                                                   \
    "\n{\"person\": \"pp\", \"start\": \"" start "\", \"end\": \"" end "\", \"host\": \"" host      \
    "\", \"city\": null, \"occasion\": null, \"outcome\": null, \"sources\": [\"test\"]}"

/* Two trips of a person that start on the same day in the same host are
 * one trip told twice: `data diff` could not tell them apart. */
static void trip_rules(void **state)
{
    (void)state;
    wc_error err;
    /* Another host, or another day: two trips. */
    wc_dataset *ds = load_changed(
        TRIPS_FIND,
        TRIPS_WITH(TRIP("2021-02-01", "2021-02-02", "AA") "," TRIP("2021-02-01", "2021-02-01", "BB")
                   "," TRIP("2021-02-02", "2021-02-02", "AA")),
        &err);
    if (ds == NULL)
        fail_msg("%lu:%lu: %s", err.line, err.column, err.message);
    assert_int_equal(ds->n_trips, 3);
    wc_dataset_free(ds);
    /* The first repeat in the file is reported, naming what it repeats,
     * at its own line (trips[0] is on line 38). */
    refused(TRIPS_FIND,
            TRIPS_WITH(TRIP("2021-02-01", "2021-02-02", "BB") "," TRIP("2021-03-01", "2021-03-02", "AA")
                       "," TRIP("2021-02-01", "2021-02-01", "AA") "," TRIP("2021-03-01", "2021-03-05", "AA")
                       "," TRIP("2021-02-01", "2021-02-03", "BB")),
            "trips[3].start: a trip of 'pp' to 'AA' starting on 2021-03-01 is given twice (first as "
            "trips[1])",
            41);
    refused(TRIPS_FIND,
            TRIPS_WITH(TRIP("2021-02-01", "2021-02-02", "AA") "," TRIP("2021-02-01", "2021-02-02", "AA")
                       "," TRIP("2021-02-01", "2021-02-02", "AA")),
            "trips[1].start: a trip of 'pp' to 'AA' starting on 2021-02-01 is given twice (first as "
            "trips[0])",
            39);
}

/* Schema 2: every source says how far it can be trusted, and the dataset
 * names its version in calendar form. */
static void schema_2_fields(void **state)
{
    (void)state;
    refused(", \"reliability\": \"primary\"", "", "sources[0]: missing key 'reliability'", 0);
    refused("\"reliability\": \"primary\"", "\"reliability\": \"gossip\"",
            "sources[0].reliability: unknown value 'gossip'", 5);
    refused("\"2026.02.1\"", "\"2026.13.1\"", "not a dataset version of the form YYYY.MM.N", 2);
    refused("\"2026.02.1\"", "\"v1\"", "not a dataset version", 2);
    refused("\"2026.02.1\"", "\"2026.02.0\"", "not a dataset version", 2);
    refused("\"2026.02.1\"", "\"2026.02.1x\"", "not a dataset version", 2);
    refused("\"dataset_version\": \"2026.02.1\",", "", "missing key 'dataset_version'", 0);
}

static void broken_text(void **state)
{
    (void)state;
    wc_error err;
    const char truncated[] = "{\n  \"schema_version\": 2,\n  \"as_of\": \"20";
    assert_null(wc_dataset_load(truncated, strlen(truncated), &err));
    assert_non_null(strstr(err.message, "not valid JSON"));
    assert_int_equal(err.line, 3);
    const char bad_utf8[] = "{\"a\": \"\xc3\x28\"}";
    assert_null(wc_dataset_load(bad_utf8, strlen(bad_utf8), &err));
    assert_non_null(strstr(err.message, "UTF-8"));
    assert_int_equal(err.column, 8);
    assert_null(wc_dataset_load("", 0, &err));
    assert_non_null(strstr(err.message, "empty"));
    assert_null(wc_dataset_load("[]", 2, &err));
    assert_non_null(strstr(err.message, "expected an object"));
    assert_null(wc_dataset_load("{} {}", 5, &err));
    assert_non_null(strstr(err.message, "after the end"));
}

static void locate_paths(void **state)
{
    (void)state;
    const char *t = "{\"a\": [1, {\"b\": \"x\"}], \"c\": {\"d\": [true, null]}}";
    size_t n = strlen(t);
    assert_int_equal(wc_json_locate(t, n, "a[1].b"), strstr(t, "\"x\"") - t);
    assert_int_equal(wc_json_locate(t, n, "c.d[1]"), strstr(t, "null") - t);
    assert_int_equal(wc_json_locate(t, n, "c.e"), strstr(t, "{\"d\"") - t);
    unsigned long line, col;
    wc_offset_to_line_column("ab\ncé\nx", 8, 7, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_the_fixture),
        cmocka_unit_test(loads_the_bundled_data),
        cmocka_unit_test(impossible_date),
        cmocka_unit_test(wrong_types),
        cmocka_unit_test(duplicates_and_references),
        cmocka_unit_test(statute_rules),
        cmocka_unit_test(territory_rules),
        cmocka_unit_test(trip_rules),
        cmocka_unit_test(schema_2_fields),
        cmocka_unit_test(broken_text),
        cmocka_unit_test(locate_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
