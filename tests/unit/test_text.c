/* Text for people (src/render/wrap.c, src/core/membership.c): paragraphs
 * wrapped at a width with a hanging indent, measured in display columns
 * (utf8proc: CJK two, combining marks none, ANSI colour escapes none), rows
 * whose last column wraps under itself; and the article English puts
 * before a country's name. */
#include <warrantcheck/render.h>
#include <warrantcheck/warrantcheck.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* wcr_wrap_text into a string the caller frees. */
static char *wrap(unsigned width, const char *prefix, unsigned indent, const char *text,
                  size_t *lines)
{
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    wcr_opts o = {.format = WCR_TEXT, .width = width};
    assert_true(wcr_wrap_text(&w, &o, prefix, indent, text, lines));
    assert_false(b.failed);
    return b.data;
}

/* Checks every line of `out` (which ends in '\n'): at most `width` display
 * columns, each after the first starts with `indent` spaces and then no
 * space; returns the number of lines. */
static size_t check_lines(const char *out, unsigned width, unsigned indent)
{
    size_t n = 0;
    const char *line = out;
    while (*line != '\0') {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        char *copy = strndup(line, (size_t)(end - line));
        assert_non_null(copy);
        if (wcr_display_width(copy) > width)
            fail_msg("line %zu is %zu columns wide, more than %u: '%s'", n + 1,
                     wcr_display_width(copy), width, copy);
        if (n > 0) {
            assert_true(strspn(copy, " ") == indent);
        }
        free(copy);
        n++;
        line = end + 1;
    }
    return n;
}

/* `s` without spaces and line ends: what wrapping must keep. */
static char *ink(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    assert_non_null(out);
    for (; *s != '\0'; s++)
        if (*s != ' ' && *s != '\n')
            *o++ = *s;
    *o = '\0';
    return out;
}

static const char *const TEXTS[] = {
    "Mongolia was obliged to arrest Vladimir Putin during his visit of 2024-09-03; on "
    "2024-10-24 the Court found that it failed to comply (art. 87(7)).",
    /* CJK (two columns each), a long CJK word, and combining accents. */
    "普京 在 蒙古 访问 国际刑事法院逮捕令国际刑事法院逮捕令国际刑事法院逮捕令 Côte d'Ivoire "
    "Cote\xcc\x81 d\xcc\x81'Ivoire Ngai\xcc\x88ssona",
    /* A word longer than any line (an address). */
    "see https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-10&chapter=18"
    "&clang=_en for the status",
    /* Colour escapes around words. */
    "\033[1;34mYes\033[0m — Mongolia must arrest \033[1;34mVladimir Putin\033[0m on 2024-09-03",
};

/* Every width from 1 to 80, with and without a prefix: no line wider than
 * the width, the hanging indent on every further line, nothing lost. */
static void every_width_fits(void **state)
{
    (void)state;
    for (size_t t = 0; t < sizeof TEXTS / sizeof TEXTS[0]; t++)
        for (unsigned width = 1; width <= 80; width++)
            for (unsigned indent = 0; indent <= 4; indent += 4) {
                const char *prefix = indent ? "  - " : "";
                size_t counted = 0;
                char *out = wrap(width, prefix, indent, TEXTS[t], &counted);
                if (width <= indent + 8) {
                    /* Too narrow to wrap: the text as it is, on one line. */
                    char *want = malloc(strlen(prefix) + strlen(TEXTS[t]) + 2);
                    assert_non_null(want);
                    sprintf(want, "%s%s\n", prefix, TEXTS[t]);
                    assert_string_equal(out, want);
                    assert_int_equal(counted, 1);
                    free(want);
                } else {
                    size_t n = check_lines(out, width, indent);
                    assert_int_equal(counted, n);
                    char *whole = malloc(strlen(prefix) + strlen(TEXTS[t]) + 1);
                    assert_non_null(whole);
                    sprintf(whole, "%s%s", prefix, TEXTS[t]);
                    char *a = ink(out), *b = ink(whole);
                    assert_string_equal(a, b);
                    free(a);
                    free(b);
                    free(whole);
                }
                free(out);
            }
}

static void width_zero_writes_the_text_as_it_is(void **state)
{
    (void)state;
    char *out = wrap(0, "  basis      ", 13, "art.  86  (two spaces kept)", NULL);
    assert_string_equal(out, "  basis      art.  86  (two spaces kept)\n");
    free(out);
}

static void hanging_indent_and_word_breaks(void **state)
{
    (void)state;
    size_t lines = 0;
    char *out = wrap(20, "  - ", 4, "one two three four five six seven eight", &lines);
    assert_string_equal(out, "  - one two three\n"
                             "    four five six\n"
                             "    seven eight\n");
    assert_int_equal(lines, 3);
    free(out);
    /* A word longer than the line is broken where the line ends. */
    out = wrap(12, "", 2, "abcdefghijklmnopqrstuvwxyz end", NULL);
    assert_string_equal(out, "abcdefghijkl\n  mnopqrstuv\n  wxyz end\n");
    free(out);
    /* Exactly the width fits; one more column wraps. */
    out = wrap(10, "", 0, "aaaa bbbbb cc", NULL);
    assert_string_equal(out, "aaaa bbbbb\ncc\n");
    free(out);
}

static void wide_and_combining_characters(void **state)
{
    (void)state;
    assert_int_equal(wcr_display_width("国际刑事法院"), 12);
    assert_int_equal(wcr_display_width("Cote\xcc\x81"), 4); /* e + combining acute */
    assert_int_equal(wcr_display_width("Côte d'Ivoire"), 13);
    /* A CJK character is never split, and never sticks out by a column. */
    char *out = wrap(11, "", 0, "国际刑事法院逮捕令", NULL);
    assert_string_equal(out, "国际刑事法\n院逮捕令\n");
    free(out);
    out = wrap(12, "", 2, "ab 国际刑事法院", NULL);
    check_lines(out, 12, 2);
    free(out);
    /* One column left after the prefix: the character goes to the next line. */
    out = wrap(10, "123456789", 0, "国际刑事法院", NULL);
    assert_string_equal(out, "123456789\n国际刑事法\n院\n");
    free(out);
}

static void colour_escapes_take_no_columns(void **state)
{
    (void)state;
    const char *word = "\033[1;34mobliged\033[0m";
    assert_int_equal(wcr_display_width(word), 7);
    /* "verdict obliged" is 15 columns: it fits 15 with its escapes. */
    char *out = wrap(15, "", 0, "verdict \033[1;34mobliged\033[0m", NULL);
    assert_string_equal(out, "verdict \033[1;34mobliged\033[0m\n");
    free(out);
    out = wrap(14, "", 2, "verdict \033[1;34mobliged\033[0m", NULL);
    assert_string_equal(out, "verdict\n  \033[1;34mobliged\033[0m\n");
    free(out);
}

static void a_prefix_as_wide_as_the_line(void **state)
{
    (void)state;
    char *out = wrap(12, "a prefix of 14", 2, "words after it", NULL);
    assert_string_equal(out, "a prefix of 14\n  words\n  after it\n");
    free(out);
}

/* wcr_wrap_row: a last column wraps under itself, or below a row too wide. */
static void rows_wrap_their_last_column(void **state)
{
    (void)state;
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    wcr_opts o = {.format = WCR_TEXT, .width = 42};
    assert_true(wcr_wrap_row(&w, &o, "  GS  SGS  obliged  ",
                             "South Georgia and the South Sandwich Islands"));
    assert_string_equal(b.data, "  GS  SGS  obliged  South Georgia and the\n"
                                "                    South Sandwich Islands\n");
    wcr_buffer_free(&b);
    /* Too little room: the row's columns, then the last one below. */
    o.width = 30;
    assert_true(wcr_wrap_row(&w, &o, "2023-10-12..2023-10-13  KG  ", "Kyrgyzstan, Bishkek"));
    assert_string_equal(b.data, "2023-10-12..2023-10-13  KG\n    Kyrgyzstan, Bishkek\n");
    wcr_buffer_free(&b);
    /* Unwrapped, byte for byte, with width 0 or when it fits. */
    o.width = 0;
    assert_true(wcr_wrap_row(&w, &o, "a  b  ", "c  d"));
    o.width = 10;
    assert_true(wcr_wrap_row(&w, &o, "a  b  ", "c  d"));
    assert_string_equal(b.data, "a  b  c  d\na  b  c  d\n");
    wcr_buffer_free(&b);
}

/* The wrapping writer: whole lines wrapped, a pass-through at width 0. */
static void the_wrapping_writer(void **state)
{
    (void)state;
    wcr_buffer b = {0};
    wcr_writer to = wcr_writer_buffer(&b);
    wcr_opts o = {.format = WCR_TEXT, .width = 20};
    wcr_wrapping ww;
    wcr_writer w = wcr_writer_wrapping(&ww, &to, &o, 2);
    assert_true(wcr_printf(&w, "Vladimir Putin can be arrested in %d countries:\n", 124));
    assert_true(wcr_puts(&w, "  AD  Andorra\nno end"));
    assert_true(wcr_wrapping_end(&ww));
    assert_string_equal(b.data, "Vladimir Putin can\n  be arrested in 124\n  countries:\n"
                                "  AD Andorra\nno end");
    wcr_buffer_free(&b);
    o.width = 0;
    w = wcr_writer_wrapping(&ww, &to, &o, 2);
    assert_true(wcr_printf(&w, "a  %s\n", "long line that stays whole"));
    assert_true(wcr_wrapping_end(&ww));
    assert_string_equal(b.data, "a  long line that stays whole\n");
    wcr_buffer_free(&b);
}

/* ------------------------------------------------------ wc_country_article */

static const char *article(const char *name)
{
    wc_country c = {.name = name};
    return wc_country_article(&c);
}

static const char *possessive(const char *name)
{
    wc_country c = {.name = name};
    return wc_country_possessive(&c);
}

static void articles_where_english_needs_them(void **state)
{
    (void)state;
    static const char *const with_the[] = {
        "United States", "United Kingdom", "United Arab Emirates", "Philippines", "Netherlands",
        "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles", "Cook Islands",
        "Marshall Islands", "Solomon Islands", "Democratic Republic of the Congo",
        "Republic of Korea", "Central African Republic", "Dominican Republic",
        "Czech Republic", "State of Palestine", "Holy See",
        "British Indian Ocean Territory", "French Southern Territories"};
    for (size_t i = 0; i < sizeof with_the / sizeof with_the[0]; i++)
        if (strcmp(article(with_the[i]), "the ") != 0)
            fail_msg("'%s': article '%s', expected 'the '", with_the[i], article(with_the[i]));
    static const char *const plain[] = {
        "Mongolia", "France", "South Africa", "Tajikistan", "Hungary", "Côte d'Ivoire",
        "South Georgia and the South Sandwich Islands", "Heard Island and McDonald Islands",
        "Ukraine", "Unitedland", "Islands"};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (strcmp(article(plain[i]), "") != 0)
            fail_msg("'%s': article '%s', expected none", plain[i], article(plain[i]));
}

static void possessive_forms(void **state)
{
    (void)state;
    /* "the Philippines' withdrawal", "the United States's"? No: a plural
     * name with "the" takes a bare apostrophe; everything else "'s". */
    assert_string_equal(possessive("Philippines"), "'");
    assert_string_equal(possessive("Netherlands"), "'");
    assert_string_equal(possessive("United States"), "'");
    assert_string_equal(possessive("Cook Islands"), "'");
    assert_string_equal(possessive("Bahamas"), "'");
    assert_string_equal(possessive("United Kingdom"), "'s");
    assert_string_equal(possessive("Gambia"), "'s");
    assert_string_equal(possessive("Mongolia"), "'s");
    assert_string_equal(possessive("Honduras"), "'s"); /* ends in s, no article */
    assert_string_equal(possessive("Burundi"), "'s");
}

/* On the built-in dataset's own names. */
static void articles_on_the_dataset(void **state)
{
    (void)state;
    const wc_dataset *ds = wc_dataset_builtin();
    assert_non_null(ds);
    static const struct {
        const char *iso2, *article;
    } cases[] = {{"US", "the "}, {"PH", "the "}, {"GB", "the "}, {"NL", "the "},
                 {"CK", "the "}, {"MN", ""},     {"FR", ""},     {"ZA", ""},
                 {"GS", ""},     {"HU", ""}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const wc_country *c = wc_country_by_iso2(ds, cases[i].iso2);
        assert_non_null(c);
        if (strcmp(wc_country_article(c), cases[i].article) != 0)
            fail_msg("%s (%s): article '%s', expected '%s'", cases[i].iso2, c->name,
                     wc_country_article(c), cases[i].article);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_width_fits),
        cmocka_unit_test(width_zero_writes_the_text_as_it_is),
        cmocka_unit_test(hanging_indent_and_word_breaks),
        cmocka_unit_test(wide_and_combining_characters),
        cmocka_unit_test(colour_escapes_take_no_columns),
        cmocka_unit_test(a_prefix_as_wide_as_the_line),
        cmocka_unit_test(rows_wrap_their_last_column),
        cmocka_unit_test(the_wrapping_writer),
        cmocka_unit_test(articles_where_english_needs_them),
        cmocka_unit_test(possessive_forms),
        cmocka_unit_test(articles_on_the_dataset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
