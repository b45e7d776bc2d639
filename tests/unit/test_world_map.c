/* The reader of the world map text (src/render/map/world_map.c): the real map
 * file, and every kind of line it must refuse, since the built-in map can
 * never be made bad from the command line. */
#include "world_map.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses `text`; returns the faulty line, or 0 when it parses. */
static unsigned long bad_line_of(const char *text)
{
    wcr_world_map map;
    unsigned long bad = 0;
    if (wcr_world_map_parse(text, strlen(text), &map, &bad)) {
        wcr_world_map_free(&map);
        return 0;
    }
    assert_int_not_equal(bad, 0);
    return bad;
}

#define HEAD "# comment\nsize\t2000\t973\noutline\tM0 0l10 0 0 10z\n"

static void reads_the_real_map(void **state)
{
    (void)state;
    FILE *f = fopen(WC_TEST_MAP_FILE, "rb");
    assert_non_null(f);
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    assert_true(len > 0 && len < sizeof text);
    wcr_world_map map;
    unsigned long bad = 0;
    assert_true(wcr_world_map_parse(text, len, &map, &bad));
    assert_int_equal(map.width, 2000);
    assert_true(map.height > 900 && map.height < 1100);
    /* Every country of the dataset: ISO 3166-1 and Kosovo. */
    assert_int_equal(map.n_countries, 250);
    size_t shapes = 0, markers = 0;
    const wcr_map_country *malta = NULL, *france = NULL;
    for (size_t i = 0; i < map.n_countries; i++) {
        const wcr_map_country *c = &map.countries[i];
        shapes += c->path != NULL;
        markers += c->has_marker;
        assert_true(c->marker_x >= 0 && c->marker_x <= map.width);
        assert_true(c->marker_y >= 0 && c->marker_y <= map.height);
        if (strcmp(c->iso2, "MT") == 0)
            malta = c;
        if (strcmp(c->iso2, "FR") == 0)
            france = c;
    }
    assert_true(shapes > 170);
    assert_true(markers > 60);
    /* Malta vanishes at 1:110m: a marker in the Mediterranean, no shape. */
    assert_non_null(malta);
    assert_true(malta->has_marker && malta->path == NULL);
    assert_true(malta->marker_x > 1000 && malta->marker_x < 1150);
    /* France is big enough to need none. */
    assert_non_null(france);
    assert_true(france->path != NULL && !france->has_marker);
    assert_int_equal(france->name_len, strlen("France"));
    wcr_world_map_free(&map);
}

static void reads_each_kind_of_line(void **state)
{
    (void)state;
    const char *text = HEAD "AA\tAlpha\t-\tM1 2l3-4z\n"
                            "BB\tBeta & Co\t12,34\t-\n"
                            "\n"
                            "CC\tGamma\t5,6\tM7 8l1 1-1 0z";
    wcr_world_map map;
    unsigned long bad = 0;
    assert_true(wcr_world_map_parse(text, strlen(text), &map, &bad));
    assert_int_equal(map.n_countries, 3);
    assert_string_equal(map.countries[0].iso2, "AA");
    assert_false(map.countries[0].has_marker);
    assert_int_equal(map.countries[0].path_len, strlen("M1 2l3-4z"));
    assert_null(map.countries[1].path);
    assert_int_equal(map.countries[1].marker_x, 12);
    assert_int_equal(map.countries[1].marker_y, 34);
    assert_memory_equal(map.countries[1].name, "Beta & Co", map.countries[1].name_len);
    assert_int_equal(map.countries[2].marker_y, 6);
    assert_int_equal(map.outline_len, strlen("M0 0l10 0 0 10z"));
    wcr_world_map_free(&map);
}

static void refuses_bad_lines(void **state)
{
    (void)state;
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t-\tM1 2l3-4z\n"), 0);
    /* Path data that could break out of the attribute. */
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t-\tM1 2\"/><script/>\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t-\tM1 2l3&4z\n"), 4);
    /* Neither a shape nor a marker: it could not be drawn. */
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t-\t-\n"), 4);
    /* Codes are two capital letters. */
    assert_int_equal(bad_line_of(HEAD "aa\tAlpha\t1,2\t-\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AAA\tAlpha\t1,2\t-\n"), 4);
    /* Markers are "X,Y" of small non-negative integers. */
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t1;2\t-\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t-1,2\t-\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t1,\t-\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t1234567,2\t-\n"), 4);
    /* Fields: too few, too many, an empty or controlling name. */
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t1,2\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AA\tAlpha\t1,2\t-\textra\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AA\t\t1,2\t-\n"), 4);
    assert_int_equal(bad_line_of(HEAD "AA\tAl\x1bpha\t1,2\t-\n"), 4);
    /* The size and outline come first and must be there. */
    assert_int_equal(bad_line_of("size\t0\t10\n"), 1);
    assert_int_equal(bad_line_of("size\t10\n"), 1);
    assert_int_equal(bad_line_of("outline\tM0 0z\nAA\tAlpha\t1,2\t-\n"), 2);
    assert_int_equal(bad_line_of("size\t10\t10\nAA\tAlpha\t1,2\t-\n"), 2);
    assert_int_equal(bad_line_of(HEAD), 3);
    assert_int_equal(bad_line_of(""), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_the_real_map),
        cmocka_unit_test(reads_each_kind_of_line),
        cmocka_unit_test(refuses_bad_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
