/* "Did you mean" for commands and options (src/cli/suggest.c). */
#include "suggest.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

static const char *const COMMANDS[] = {"country", "countries", "can",  "where", "person",
                                       "persons", "trips",     "map",  "data",  "itinerary",
                                       "completion", "help"};
#define N_COMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

/* The suggestions for `typed`, joined by spaces. */
static const char *suggested(const char *typed)
{
    static char buf[256];
    const char *out[4];
    size_t n = suggest(typed, COMMANDS, N_COMMANDS, out, 4);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat(buf, " ");
        strcat(buf, out[i]);
    }
    return buf;
}

static void one_slip_is_a_typo(void **state)
{
    (void)state;
    assert_string_equal(suggested("cna"), "can");      /* a swap counts one */
    assert_string_equal(suggested("contry"), "country"); /* a letter left out */
    assert_string_equal(suggested("wheer"), "where");
    assert_string_equal(suggested("itinerrary"), "itinerary");
    assert_string_equal(suggested("HELP"), "help"); /* in any case */
    assert_string_equal(suggested("mapp"), "map");
}

static void the_nearest_win(void **state)
{
    (void)state;
    /* "persn" is one from "person", two from "persons". */
    assert_string_equal(suggested("persn"), "person");
    /* Ties are all named, in table order. */
    assert_string_equal(suggested("personx"), "person persons");
}

static void far_words_get_none(void **state)
{
    (void)state;
    assert_string_equal(suggested(""), "");
    assert_string_equal(suggested("xyzzy"), "");
    assert_string_equal(suggested("cc"), "");   /* two slips in a short word */
    assert_string_equal(suggested("counttrie"), "countries");
    assert_string_equal(suggested("frobnicate"), "");
    char long_word[10001];
    memset(long_word, 'c', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    assert_string_equal(suggested(long_word), "");
}

static void options_suggest_options(void **state)
{
    (void)state;
    static const char *const options[] = {"--on", "--format", "--no-header", "--out"};
    const char *out[4];
    assert_int_equal(suggest("--fromat", options, 4, out, 4), 1);
    assert_string_equal(out[0], "--format");
    assert_int_equal(suggest("--of", options, 4, out, 4), 1);
    assert_string_equal(out[0], "--on");
    assert_int_equal(suggest("--frobnicate", options, 4, out, 4), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_slip_is_a_typo),
        cmocka_unit_test(the_nearest_win),
        cmocka_unit_test(far_words_get_none),
        cmocka_unit_test(options_suggest_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
