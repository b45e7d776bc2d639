/* Dates: the calendar, parsing, and the art. 126 entry-into-force rule. */
#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

static bool parses(const char *s)
{
    wc_date d;
    return wc_date_parse(s, strlen(s), &d);
}

static void leap_years(void **state)
{
    (void)state;
    assert_true(parses("2024-02-29"));
    assert_true(parses("2000-02-29")); /* divisible by 400 */
    assert_false(parses("2023-02-29"));
    assert_false(parses("1900-02-29")); /* divisible by 100, not 400 */
    assert_false(parses("2100-02-29"));
    assert_int_equal(D("2024-03-01") - D("2024-02-28"), 2);
    assert_int_equal(D("2023-03-01") - D("2023-02-28"), 1);
}

static void shape_and_bounds(void **state)
{
    (void)state;
    assert_true(parses("1900-01-01"));
    assert_true(parses("2199-12-31"));
    assert_false(parses("1899-12-31"));
    assert_false(parses("2200-01-01"));
    assert_false(parses("2002-13-01"));
    assert_false(parses("2002-00-10"));
    assert_false(parses("2002-04-31"));
    assert_false(parses("2002-04-00"));
    assert_false(parses("2002-4-1"));
    assert_false(parses("20020401"));
    assert_false(parses("2002-04-011"));
    assert_false(parses("2002/04/01"));
    assert_false(parses("+002-04-01"));
    assert_false(parses(""));
    assert_false(parses("today"));
}

static void epoch_and_round_trip(void **state)
{
    (void)state;
    assert_int_equal(D("1970-01-01"), 0);
    assert_int_equal(D("1970-01-02"), 1);
    assert_int_equal(D("1969-12-31"), -1);
    char buf[WC_DATE_BUFSIZE];
    for (wc_date d = D("1900-01-01"); d <= D("2199-12-31"); d += 1) {
        int y, m, day;
        wc_date_to_ymd(d, &y, &m, &day);
        assert_int_equal(wc_date_from_ymd(y, m, day), d);
    }
    assert_string_equal(wc_date_format(D("2024-02-29"), buf), "2024-02-29");
    assert_string_equal(wc_date_format(WC_DATE_UNKNOWN, buf), "unknown");
}

static void from_time(void **state)
{
    (void)state;
    assert_int_equal(wc_date_from_time(0), D("1970-01-01"));
    assert_int_equal(wc_date_from_time(86399), D("1970-01-01"));
    assert_int_equal(wc_date_from_time(86400), D("1970-01-02"));
    assert_int_equal(wc_date_from_time(-1), D("1969-12-31"));
    assert_int_equal(wc_date_from_time(1709251200), D("2024-03-01"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(leap_years),       cmocka_unit_test(shape_and_bounds),
        cmocka_unit_test(epoch_and_round_trip), cmocka_unit_test(from_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
