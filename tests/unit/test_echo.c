/* Echoing user input in messages (src/cli/echo.c): escaped, cut short,
 * never cut inside a character. */
#include "echo.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

static const char *escaped(const char *text, size_t max_chars, size_t size)
{
    static char buf[256];
    assert_true(size <= sizeof buf);
    return cli_escape(text, max_chars, buf, size);
}

static void printable_text_is_copied(void **state)
{
    (void)state;
    assert_string_equal(escaped("Côte d’Ivoire", 100, 256), "Côte d’Ivoire");
    assert_string_equal(escaped("Путин", 100, 256), "Путин");
    assert_string_equal(escaped("", 100, 256), "");
}

static void controls_and_bad_bytes_are_escaped(void **state)
{
    (void)state;
    assert_string_equal(escaped("a\033[2Jb", 100, 256), "a\\x1b[2Jb");
    assert_string_equal(escaped("tab\there\n", 100, 256), "tab\\x09here\\x0a");
    assert_string_equal(escaped("x\xff\xc3", 100, 256), "x\\xff\\xc3");
    assert_string_equal(escaped("\xc2\x9b" "31m", 100, 256), "\\u009B31m"); /* C1 CSI */
    assert_string_equal(escaped("\xe2\x80\xae" "abc", 100, 256), "\\u202Eabc");
    assert_string_equal(escaped("a\x7f", 100, 256), "a\\x7f");
}

static void long_text_is_cut_between_characters(void **state)
{
    (void)state;
    assert_string_equal(escaped("abcdef", 3, 256), "abc...");
    assert_string_equal(escaped("abc", 3, 256), "abc");
    assert_string_equal(escaped("ééééé", 2, 256), "éé...");
    /* The buffer, not the count, runs out: still whole characters. */
    assert_string_equal(escaped("ééééé", 100, 8), "éé...");
    assert_string_equal(escaped("\033\033\033", 100, 12), "\\x1b\\x1b...");
    assert_string_equal(escaped("\033\033\033", 100, 11), "\\x1b...");
    assert_string_equal(escaped("abc", 100, 2), "");
    /* The ASCII fast path cuts where the general one does. */
    assert_string_equal(escaped("abcdef", 100, 7), "abc...");
    assert_string_equal(escaped("abcdef", 100, 10), "abcdef");
    assert_string_equal(escaped("abcdef", 100, 9), "abcde...");
    assert_string_equal(escaped("ab\033cd", 4, 256), "ab\\x1bc...");
}

static void echo_keeps_a_hundred_characters(void **state)
{
    (void)state;
    char name[400];
    memset(name, 'x', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    char buf[CLI_ECHO_BUFSIZE];
    const char *e = cli_echo(name, buf);
    assert_int_equal(strlen(e), CLI_ECHO_CHARS + 3);
    assert_string_equal(e + CLI_ECHO_CHARS, "...");
    /* The worst case, every character escaped to ten bytes, fits. */
    char astral[CLI_ECHO_CHARS * 4 + 8] = "";
    for (int i = 0; i < CLI_ECHO_CHARS + 1; i++)
        strcat(astral, "\xf3\xa0\x80\x81"); /* U+E0001, a format character */
    e = cli_echo(astral, buf);
    assert_int_equal(strlen(e), CLI_ECHO_CHARS * 10 + 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(printable_text_is_copied),
        cmocka_unit_test(controls_and_bad_bytes_are_escaped),
        cmocka_unit_test(long_text_is_cut_between_characters),
        cmocka_unit_test(echo_keeps_a_hundred_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
