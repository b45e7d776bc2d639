/* The Statute's date rules (src/core/statute.c): art. 126, entry into
 * force; art. 127(1), when a withdrawal takes effect. */
#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

static void entry_into_force(void **state)
{
    (void)state;
    /* The first sixty and more, deposited up to 2002-04-11. */
    assert_int_equal(wc_statute_entry_into_force(D("1998-07-17")), D("2002-07-01"));
    assert_int_equal(wc_statute_entry_into_force(D("2002-04-11")), D("2002-07-01"));
    /* Ukraine, Armenia, Palestine. */
    assert_int_equal(wc_statute_entry_into_force(D("2024-10-25")), D("2025-01-01"));
    assert_int_equal(wc_statute_entry_into_force(D("2023-11-14")), D("2024-02-01"));
    assert_int_equal(wc_statute_entry_into_force(D("2015-01-02")), D("2015-04-01"));
    /* The sixtieth day on the last of a month: the first of the next. */
    assert_int_equal(wc_statute_entry_into_force(D("2019-01-30")), D("2019-04-01"));
    /* The sixtieth day on the first of a month: the first of the next. */
    assert_int_equal(wc_statute_entry_into_force(D("2019-01-31")), D("2019-05-01"));
    assert_int_equal(wc_statute_entry_into_force(WC_DATE_UNKNOWN), WC_DATE_UNKNOWN);
}

static void withdrawal_takes_effect(void **state)
{
    (void)state;
    /* Burundi, the Philippines, Hungary: one year to the day. */
    assert_int_equal(wc_withdrawal_takes_effect(D("2016-10-27")), D("2017-10-27"));
    assert_int_equal(wc_withdrawal_takes_effect(D("2018-03-17")), D("2019-03-17"));
    assert_int_equal(wc_withdrawal_takes_effect(D("2025-06-02")), D("2026-06-02"));
    /* 29 February has no day a year later: 1 March, when the year has run. */
    assert_int_equal(wc_withdrawal_takes_effect(D("2024-02-29")), D("2025-03-01"));
    assert_int_equal(wc_withdrawal_takes_effect(D("2023-02-28")), D("2024-02-28"));
    assert_int_equal(wc_withdrawal_takes_effect(D("2023-12-31")), D("2024-12-31"));
    assert_int_equal(wc_withdrawal_takes_effect(WC_DATE_UNKNOWN), WC_DATE_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entry_into_force),
        cmocka_unit_test(withdrawal_takes_effect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
