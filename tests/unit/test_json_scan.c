/* The strict JSON pass: what RFC 8259 refuses and cJSON accepts, and the
 * bounds on depth and on the number of values. */
#include "json_scan.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

static wc_json_scan scan(const char *text)
{
    return wc_json_scan_text(text, strlen(text), 4, 10);
}

static void expect(const char *text, wc_json_fault fault, size_t at)
{
    wc_json_scan s = scan(text);
    if (s.fault != fault || s.at != at)
        fail_msg("'%s': fault %d at %zu, expected %d at %zu", text, (int)s.fault, s.at,
                 (int)fault, at);
}

static void accepts_json(void **state)
{
    (void)state;
    expect("{}", WC_JSON_OK, 2);
    expect(" {\"a\": [1, -0.5e+3, true, false, null, \"x\\u00e9\\n\"]} \n", WC_JSON_OK, 54);
    expect("\xEF\xBB\xBF[]", WC_JSON_OK, 5);
    expect("\"\\/\"", WC_JSON_OK, 4);
    assert_int_equal(scan("[1, [2], {\"k\": 3}]").values, 6);
}

static void refuses_what_cjson_accepts(void **state)
{
    (void)state;
    expect("[\"a\tb\"]", WC_JSON_CONTROL, 3);
    expect("[\"a\x1b[31m\"]", WC_JSON_CONTROL, 3);
    expect("[01]", WC_JSON_SYNTAX, 2);
    expect("[1.]", WC_JSON_SYNTAX, 3);
    expect("[.5]", WC_JSON_SYNTAX, 1);
    expect("[1,]", WC_JSON_SYNTAX, 3);
    expect("{\"a\" 1}", WC_JSON_SYNTAX, 5);
    expect("[\"\\x\"]", WC_JSON_SYNTAX, 3);
    expect("[\"\\u12g4\"]", WC_JSON_SYNTAX, 6);
    expect("[tru]", WC_JSON_SYNTAX, 1);
    expect("{} {}", WC_JSON_SYNTAX, 3);
}

static void ends_too_early(void **state)
{
    (void)state;
    expect("", WC_JSON_SYNTAX, 0);
    expect("[1, 2", WC_JSON_SYNTAX, 5);
    expect("{\"a", WC_JSON_SYNTAX, 3);
    expect("[\"\\", WC_JSON_SYNTAX, 3);
}

static void bounds(void **state)
{
    (void)state;
    expect("[[[[[1]]]]]", WC_JSON_TOO_DEEP, 4); /* the fifth bracket passes 4 levels */
    expect("[[[1]]]", WC_JSON_OK, 7);
    expect("[1,2,3,4,5,6,7,8,9]", WC_JSON_OK, 19); /* 10 values */
    expect("[1,2,3,4,5,6,7,8,9,10]", WC_JSON_TOO_MANY, 19); /* the 11th value */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_json),
        cmocka_unit_test(refuses_what_cjson_accepts),
        cmocka_unit_test(ends_too_early),
        cmocka_unit_test(bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
