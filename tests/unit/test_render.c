/* The render layer on its own (src/render): the writer's back ends, the
 * streaming primitives against cJSON and wc_date_format, and the table's
 * flattening into CSV and TSV cells. */
#include "fields.h"
#include "stream.h"
#include "table.h"
#include "writer.h"

#include <warrantcheck/render.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <csv.h>
#include <stdlib.h>
#include <string.h>

static void buffer_writer_grows_and_stays_terminated(void **state)
{
    (void)state;
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    assert_true(wcr_puts(&w, "a"));
    assert_true(wcr_putc(&w, ','));
    assert_true(wcr_put_int(&w, -1234567890123LL));
    assert_true(w.append_char('x', 3, w.ud));
    assert_string_equal(b.data, "a,-1234567890123xxx");
    assert_int_equal(b.len, strlen(b.data));
    /* Longer than wcr_printf's stack buffer and the first allocation. */
    char big[3000];
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_true(wcr_printf(&w, "[%s]", big));
    assert_int_equal(b.len, 19 + 3001);
    assert_int_equal(b.data[19], '[');
    assert_int_equal(b.data[b.len - 1], ']');
    assert_int_equal(b.data[b.len], '\0');
    assert_false(b.failed);
    wcr_buffer_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
}

/* A writer without append_vprintf: wcr_printf formats into memory first. */
static void printf_falls_back_to_append_len(void **state)
{
    (void)state;
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    w.append_vprintf = NULL;
    char big[1500];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_true(wcr_printf(&w, "%d|%s", 42, "short"));
    assert_true(wcr_printf(&w, "|%s|", big));
    assert_int_equal(b.len, 8 + 1501);
    assert_memory_equal(b.data, "42|short|zz", 11);
    assert_int_equal(b.data[b.len - 1], '|');
    wcr_buffer_free(&b);
}

static void xml_escapes_the_five_specials(void **state)
{
    (void)state;
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    assert_true(wcr_write_xml(&w, "a&b<c>d\"e'f", SIZE_MAX));
    assert_true(wcr_write_xml(&w, "ghij", 2)); /* stops at len */
    assert_string_equal(b.data, "a&amp;b&lt;c&gt;d&quot;e&apos;fgh");
    wcr_buffer_free(&b);
}

/* Runs `fill` on a stream into a buffer and returns what it wrote. */
static char *streamed(void (*fill)(wcr_stream *s))
{
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    wcr_stream *s = malloc(sizeof *s);
    assert_non_null(s);
    assert_true(wcr_stream_open(s, &w));
    fill(s);
    wcr_stream_close(s);
    free(s);
    assert_false(b.failed);
    return b.data;
}

static void line_numbers(wcr_stream *s)
{
    static const unsigned long lines[] = {1, 2, 9, 10, 11, 99, 100, 999, 1000, 1001, 7, 8,
                                          999999, 1000000, 4294967295UL};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        char *at = wcr_stream_room(s, 64);
        at = wcr_stream_line_number(s, at, lines[i], 6);
        *at++ = '|';
        wcr_stream_done(s, at);
    }
}

static void line_numbers_count_up_in_place(void **state)
{
    (void)state;
    char *text = streamed(line_numbers);
    assert_string_equal(text, "     1|     2|     9|    10|    11|    99|   100|   999|  1000|"
                              "  1001|     7|     8|999999|1000000|4294967295|");
    free(text);
}

static void numbers_and_dates(wcr_stream *s)
{
    char *at = wcr_stream_room(s, 128);
    at = wcr_put_number(at, 0, 0);
    *at++ = ' ';
    at = wcr_put_number(at, 42, 5);
    *at++ = ' ';
    at = wcr_put_number(at, 1234567, 3);
    *at++ = ' ';
    wc_date d;
    assert_true(wc_date_parse("2024-02-29", 10, &d));
    at = wcr_stream_date(s, at, d);
    *at++ = ' ';
    /* A date that shares its slot in the date cache with the last one. */
    at = wcr_stream_date(s, at, wc_date_add_days(d, WCR_STREAM_DATES));
    *at++ = ' ';
    at = wcr_stream_date(s, at, d);
    wcr_stream_done(s, at);
}

static void numbers_and_dates_are_written_in_place(void **state)
{
    (void)state;
    char *text = streamed(numbers_and_dates);
    assert_string_equal(text, "0    42 1234567 2024-02-29 2069-01-07 2024-02-29");
    free(text);
}

static const char ESCAPES[] = "plain \"quoted\" back\\slash \b\f\n\r\t \x01\x1f é ü \x7f end";

static void json_string(wcr_stream *s)
{
    wcr_stream_json_string(s, ESCAPES, sizeof ESCAPES - 1);
}

static void json_strings_are_escaped_as_cjson_does(void **state)
{
    (void)state;
    char *text = streamed(json_string);
    cJSON *str = cJSON_CreateString(ESCAPES);
    char *expected = cJSON_PrintUnformatted(str);
    assert_string_equal(text, expected);
    cJSON_free(expected);
    cJSON_Delete(str);
    free(text);
}

static void big_blocks(wcr_stream *s)
{
    /* Past the buffer: once by many small writes, once in one large one. */
    for (size_t i = 0; i < WCR_STREAM_BUFFER + 10; i++)
        wcr_stream_bytes(s, "a", 1);
    char *big = malloc(WCR_STREAM_BUFFER + 1);
    assert_non_null(big);
    memset(big, 'b', WCR_STREAM_BUFFER + 1);
    wcr_stream_bytes(s, big, WCR_STREAM_BUFFER + 1);
    free(big);
    wcr_stream_bytes(s, "c", 1);
}

static void the_stream_keeps_order_past_its_buffer(void **state)
{
    (void)state;
    char *text = streamed(big_blocks);
    size_t n = WCR_STREAM_BUFFER;
    assert_int_equal(strlen(text), 2 * n + 12);
    assert_int_equal(strspn(text, "a"), n + 10);
    assert_int_equal(strspn(text + n + 10, "b"), n + 1);
    assert_string_equal(text + 2 * n + 11, "c");
    free(text);
}

static cJSON *row(const char *name, const char *through, const char *note1, const char *note2)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *country = cJSON_AddObjectToObject(o, "country");
    assert_true(wcr_json_add_string(country, "iso2", "XX"));
    assert_true(wcr_json_add_string(country, "name", name));
    assert_true(wcr_json_add_string(o, "through", through));
    assert_non_null(cJSON_AddBoolToObject(o, "state_party", true));
    assert_non_null(cJSON_AddNumberToObject(o, "line", 12));
    char *notes[] = {(char *)note1, (char *)note2};
    assert_true(wcr_json_add_strings(o, "notes", notes, 2));
    return o;
}

static const char *const COLUMNS[] = {"line", "iso2", "country", "through", "state_party",
                                      "notes", NULL};

/* Writes a header and two rows as `format` into a buffer. */
static char *tabled(wcr_format format, bool header, bool counting_only)
{
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    wcr_opts o = {.format = format, .header = header};
    wcr_table t;
    wcr_table_begin(&t, counting_only ? NULL : &w, &o, COLUMNS);
    wcr_table_row(&t, row("Plain", NULL, "one", "two"));
    wcr_table_row(&t, row("Korea, \"North\"", "FR", " padded", "tab\there\nand\rline"));
    assert_int_equal(t.rows, 2);
    assert_true(wcr_table_end(&t));
    if (b.data == NULL)
        return strdup("");
    return b.data;
}

static void tables_flatten_rows_into_cells(void **state)
{
    (void)state;
    char *csv = tabled(WCR_CSV, true, false);
    assert_string_equal(csv, "line,iso2,country,through,state_party,notes\n"
                             "12,XX,Plain,,true,one; two\n"
                             "12,XX,\"Korea, \"\"North\"\"\",FR,true,\" padded; tab\there\n"
                             "and\rline\"\n");
    free(csv);
    char *tsv = tabled(WCR_TSV, false, false);
    assert_string_equal(tsv, "12\tXX\tPlain\t\ttrue\tone; two\n"
                             "12\tXX\tKorea, \"North\"\tFR\ttrue\t padded; tab here and line\n");
    free(tsv);
    char *jsonl = tabled(WCR_JSONL, true, false);
    assert_non_null(strstr(jsonl, "\"through\":null"));
    assert_non_null(strstr(jsonl, "\"through\":\"FR\""));
    assert_int_equal(jsonl[strlen(jsonl) - 1], '\n');
    free(jsonl);
    char *none = tabled(WCR_CSV, true, true);
    assert_string_equal(none, "");
    free(none);
}

/* The "dataset" member: made by wcr_json_stamp() alone, once, last, and
 * only when the options name a dataset; CSV cells never carry it. */
static void the_dataset_member_is_stamped_once(void **state)
{
    (void)state;
    wc_dataset ds = {0};
    ds.dataset_version = "2026.12.1";
    ds.as_of = wc_date_from_ymd(2026, 6, 30);
    wcr_opts none = {.format = WCR_JSONL};
    wcr_opts with = {.format = WCR_JSONL, .dataset = &ds};
    cJSON *o = cJSON_CreateObject();
    assert_non_null(o);
    assert_true(wcr_json_add_string(o, "verdict", "obliged"));
    assert_true(wcr_json_stamp(o, &none));
    assert_false(cJSON_HasObjectItem(o, "dataset"));
    assert_true(wcr_json_stamp(o, &with));
    assert_true(wcr_json_stamp(o, &with)); /* a second stamp adds nothing */
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    assert_true(wcr_json_write(&w, o, false));
    assert_string_equal(b.data, "{\"verdict\":\"obliged\",\"dataset\":{\"version\":\"2026.12.1\","
                                "\"as_of\":\"2026-06-30\"}}\n");
    wcr_buffer_free(&b);
    cJSON *a = cJSON_CreateArray(); /* not an object: left alone */
    assert_true(wcr_json_stamp(a, &with));
    assert_int_equal(cJSON_GetArraySize(a), 0);
    cJSON_Delete(a);
    static const char *const columns[] = {"verdict", NULL};
    assert_true(wcr_table_cells(&b, WCR_CSV, columns, o));
    assert_string_equal(b.data, "obliged\n");
    wcr_buffer_free(&b);
    cJSON_Delete(o);
}

/* CSV cells are quoted as libcsv's csv_write quotes them, and TSV cells
 * lose their tabs and line breaks. */
static void cells_are_quoted_as_libcsv_does(void **state)
{
    (void)state;
    static const char *const cells[] = {
        "", "plain", "a,b", "\"", "\"\"", "say \"hi\", then go", " lead", "trail ",
        "line\nbreak", "cr\rhere", "tab\there", "\"edge", "edge\"", "x\"\"y,z\n\"",
        "é, ü \"ß\""};
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        const char *c = cells[i];
        size_t len = strlen(c);
        wcr_buffer b = {0};
        assert_true(wcr_table_put_cell(&b, WCR_CSV, c, len));
        bool quote = len > 0 && (c[0] == ' ' || c[len - 1] == ' ');
        quote = quote || strpbrk(c, ",\"\r\n") != NULL;
        char want[128];
        size_t n = len;
        if (quote) {
            n = csv_write(want, sizeof want, c, len);
        } else {
            memcpy(want, c, len);
        }
        want[n] = '\0';
        assert_string_equal(b.data != NULL ? b.data : "", want);
        wcr_buffer_free(&b);
        assert_true(wcr_table_put_cell(&b, WCR_TSV, c, len));
        for (size_t k = 0; k < len; k++)
            assert_true(b.data[k] == (c[k] == '\t' || c[k] == '\n' || c[k] == '\r' ? ' ' : c[k]));
        wcr_buffer_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buffer_writer_grows_and_stays_terminated),
        cmocka_unit_test(printf_falls_back_to_append_len),
        cmocka_unit_test(xml_escapes_the_five_specials),
        cmocka_unit_test(line_numbers_count_up_in_place),
        cmocka_unit_test(numbers_and_dates_are_written_in_place),
        cmocka_unit_test(json_strings_are_escaped_as_cjson_does),
        cmocka_unit_test(the_stream_keeps_order_past_its_buffer),
        cmocka_unit_test(tables_flatten_rows_into_cells),
        cmocka_unit_test(the_dataset_member_is_stamped_once),
        cmocka_unit_test(cells_are_quoted_as_libcsv_does),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
