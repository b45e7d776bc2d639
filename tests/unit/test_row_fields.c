/* --fields (wcr_opts.fields): a row written with a field list is the
 * default row with the other fields taken out, in every machine format.
 * The itinerary's rows (itinerary_rows.c) are checked on a sample of the
 * real dataset's verdicts, for field lists drawn at random and a few
 * chosen ones: the default row is parsed (cJSON for JSON, an RFC 4180
 * reader for CSV, tabs for TSV), the fields not chosen are removed, and
 * what is left must be the --fields row, byte for byte in JSON and cell
 * for cell in CSV/TSV, with the header naming the chosen columns. The
 * rows of where and trips (table.c) likewise; and the lists of names
 * --fields takes are held to the keys the rows really have. */
#include "fields.h"
#include "itinerary_rows.h"
#include "table.h"
#include "writer.h"

#include <warrantcheck/render.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS 32

/* The cells of one CSV or TSV line (its '\n' not included), each a malloc'd
 * string; returns how many. CSV as RFC 4180 quotes: '"' around a cell,
 * '""' for a quote inside it. */
static size_t split_cells(wcr_format f, const char *line, size_t len, char **cells)
{
    size_t n = 0, i = 0;
    for (;;) {
        wcr_buffer cell = {0};
        wcr_buffer_append(&cell, "", 0);
        if (f == WCR_CSV && i < len && line[i] == '"') {
            for (i++; i < len; i++) {
                if (line[i] == '"' && i + 1 < len && line[i + 1] == '"')
                    wcr_buffer_append(&cell, "\"", 1), i++;
                else if (line[i] == '"')
                    break;
                else
                    wcr_buffer_append(&cell, line + i, 1);
            }
            i++; /* the closing quote */
        } else {
            char sep = f == WCR_TSV ? '\t' : ',';
            while (i < len && line[i] != sep)
                wcr_buffer_append(&cell, line + i++, 1);
        }
        assert_true(n < MAX_CELLS);
        cells[n++] = cell.data;
        if (i >= len)
            break;
        i++; /* the separator */
    }
    return n;
}

static void free_cells(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
}

static size_t count(const char *const *names)
{
    size_t n = 0;
    while (names[n] != NULL)
        n++;
    return n;
}

/* The names of `all` whose bit is set in `bits`, NULL-terminated. */
static void choose(const char *const *all, uint32_t bits, const char **out)
{
    size_t n = 0;
    for (size_t i = 0; all[i] != NULL; i++)
        if (bits & ((uint32_t)1 << i))
            out[n++] = all[i];
    out[n] = NULL;
}

static bool in(const char *const *names, const char *name)
{
    for (size_t i = 0; names[i] != NULL; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* One itinerary row for `leg` with `o` (a changing row when `change`), as
 * written: the header line, if any, included. Malloc'd. */
static char *itinerary_row(const wcr_opts *o, const wc_leg *leg, const wc_person *p,
                           const wc_country *c, wc_date date, const wc_verdict *v,
                           const char *change)
{
    wcr_buffer sink = {0};
    wcr_writer w = wcr_writer_buffer(&sink);
    wcr_itinerary it;
    assert_true(wcr_itinerary_open(&it, &w, o));
    wcr_itinerary_begin(&it);
    if (change != NULL) {
        assert_true(wcr_itinerary_changing_row(&it, 77, leg, p, c, date, v, change));
    } else {
        size_t len;
        char *fragment = wcr_itinerary_fragment(&it, p, c, date, v, &len);
        assert_non_null(fragment);
        /* Handed over in the pieces its cut points make, as the verdict
         * cache hands it: ascending, inside the fragment. */
        size_t n_cuts;
        const uint32_t *cuts = wcr_itinerary_cuts(&it, &n_cuts);
        wcr_span spans[WCR_FRAGMENT_CUTS + 1];
        size_t n = 0, from = 0;
        for (size_t i = 0; i < n_cuts; i++) {
            assert_true(cuts[i] <= len && (i == 0 || cuts[i - 1] < cuts[i]));
            if (cuts[i] > from)
                spans[n++] = (wcr_span){fragment + from, cuts[i] - from};
            from = cuts[i];
        }
        if (len > from || n == 0) /* no empty piece, as the cache keeps none */
            spans[n++] = (wcr_span){fragment + from, len - from};
        wcr_itinerary_row_spans(&it, 77, leg, date, spans, n);
        free(fragment);
    }
    assert_true(wcr_itinerary_end(&it));
    wcr_itinerary_close(&it);
    assert_non_null(sink.data);
    return sink.data;
}

/* The JSON object of a row as written in `f`: the line of JSONL, or the
 * one element of a JSON array ("[\n" ROW "\n]\n"). Malloc'd, without its
 * line end. */
static char *json_object_text(wcr_format f, const char *text)
{
    size_t len = strlen(text);
    if (f == WCR_JSON) {
        assert_true(len > 5 && strncmp(text, "[\n", 2) == 0 &&
                    strcmp(text + len - 3, "\n]\n") == 0);
        text += 2;
        len -= 5;
    } else {
        assert_true(len > 1 && text[len - 1] == '\n');
        len--;
    }
    char *s = malloc(len + 1);
    assert_non_null(s);
    memcpy(s, text, len);
    s[len] = '\0';
    return s;
}

/* Checks the --fields row of `fields` against the default row. */
static void check_json(const wcr_opts *o, const char *const *fields, const char *whole,
                       const char *chosen)
{
    char *object = json_object_text(o->format, whole);
    cJSON *want = cJSON_Parse(object);
    assert_non_null(want);
    free(object);
    for (cJSON *item = want->child, *next; item != NULL; item = next) {
        next = item->next;
        if (!in(fields, item->string))
            cJSON_Delete(cJSON_DetachItemViaPointer(want, item));
    }
    char *want_text = cJSON_PrintUnformatted(want);
    cJSON_Delete(want);
    char *got = json_object_text(o->format, chosen);
    if (strcmp(got, want_text) != 0)
        fail_msg("format %d:\n got  %s\n want %s", (int)o->format, got, want_text);
    free(got);
    cJSON_free(want_text);
}

/* The lines of a CSV/TSV output: the header (if any) and one row. */
static void lines(const char *text, bool header, const char **head, size_t *head_len,
                  const char **row, size_t *row_len)
{
    const char *nl = strchr(text, '\n');
    assert_non_null(nl);
    if (header) {
        *head = text;
        *head_len = (size_t)(nl - text);
        text = nl + 1;
        nl = strchr(text, '\n');
        assert_non_null(nl);
    }
    *row = text;
    *row_len = (size_t)(nl - text);
    assert_string_equal(nl, "\n"); /* one row, ending the output */
}

static void check_cells(const wcr_opts *o, const char *const *columns,
                        const char *const *fields, const char *whole, const char *chosen)
{
    const char *head = NULL, *row = NULL, *fhead = NULL, *frow = NULL;
    size_t head_len = 0, row_len = 0, fhead_len = 0, frow_len = 0;
    lines(whole, o->header, &head, &head_len, &row, &row_len);
    lines(chosen, o->header, &fhead, &fhead_len, &frow, &frow_len);
    char *all[MAX_CELLS], *got[MAX_CELLS];
    size_t n_all = split_cells(o->format, row, row_len, all);
    size_t n_got = split_cells(o->format, frow, frow_len, got);
    assert_int_equal(n_all, count(columns));
    size_t k = 0;
    for (size_t i = 0; i < n_all; i++)
        if (in(fields, columns[i])) {
            assert_true(k < n_got);
            if (strcmp(got[k], all[i]) != 0)
                fail_msg("format %d, column %s:\n got  %s\n want %s", (int)o->format,
                         columns[i], got[k], all[i]);
            k++;
        }
    assert_int_equal(k, n_got);
    if (o->header) {
        char *names[MAX_CELLS];
        size_t n_names = split_cells(o->format, fhead, fhead_len, names);
        assert_int_equal(n_names, count(fields));
        for (size_t i = 0; i < n_names; i++)
            assert_string_equal(names[i], fields[i]);
        free_cells(names, n_names);
    }
    free_cells(all, n_all);
    free_cells(got, n_got);
}

static const wcr_format FORMATS[] = {WCR_JSON, WCR_JSONL, WCR_CSV, WCR_TSV};

/* A leg of three days, with a note to escape in every format, or none. */
static wc_leg sample_leg(wc_date date, bool with_note)
{
    static const char text[] = "2024-09-02..2024-09-04 \"Mongolia\"\t# a, \"quoted\"\tnote";
    wc_leg leg = {.start = date, .end = date + 2, .input = text, .input_len = sizeof text - 1};
    if (with_note) {
        leg.note = strchr(text, '#') + 2;
        leg.note_len = strlen(leg.note);
    }
    return leg;
}

static uint32_t lcg(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

/* The default row and the --fields rows of one verdict, for a few field
 * lists, in every machine format, with and without --sources and the
 * header. */
static void check_verdict(const wc_dataset *ds, const wc_person *p, const wc_country *c,
                          wc_date date, const wc_verdict *v, uint32_t *seed, bool changing)
{
    static const char *const slim_cells[] = {"line", "date", "iso2", "verdict", NULL};
    static const char *const slim_json[] = {"line", "date", "country", "verdict", NULL};
    static const char *const verdict_part_only[] = {"notes", NULL};
    static const char *const note_only[] = {"note", NULL};
    wc_leg leg = sample_leg(date, (*seed & 1) != 0);
    const char *change = changing ? "the verdict changes during the leg: x" : NULL;
    for (size_t f = 0; f < sizeof FORMATS / sizeof FORMATS[0]; f++)
        for (int sources = 0; sources < 2; sources++) {
            bool cells = FORMATS[f] == WCR_CSV || FORMATS[f] == WCR_TSV;
            const char *const *names = cells ? wcr_itinerary_columns : wcr_itinerary_keys;
            wcr_opts o = {.format = FORMATS[f], .header = (lcg(seed) & 1) != 0,
                          .dataset = (lcg(seed) & 3) != 0 ? ds : NULL,
                          .sources = sources == 1};
            char *whole = itinerary_row(&o, &leg, p, c, date, v, change);
            const char *lists[6][MAX_CELLS];
            size_t n_lists = 0;
            const char *const *fixed[] = {cells ? slim_cells : slim_json, verdict_part_only,
                                          note_only};
            for (size_t i = 0; i < 3; i++, n_lists++) {
                size_t n = 0;
                for (; fixed[i][n] != NULL; n++)
                    lists[n_lists][n] = fixed[i][n];
                lists[n_lists][n] = NULL;
            }
            for (; n_lists < 6; n_lists++) {
                uint32_t bits = lcg(seed) & (((uint32_t)1 << count(names)) - 1);
                choose(names, bits == 0 ? 1 : bits, lists[n_lists]);
            }
            for (size_t i = 0; i < n_lists; i++) {
                o.fields = lists[i];
                char *chosen = itinerary_row(&o, &leg, p, c, date, v, change);
                if (cells)
                    check_cells(&o, wcr_itinerary_columns, lists[i], whole, chosen);
                else
                    check_json(&o, lists[i], whole, chosen);
                free(chosen);
            }
            o.fields = NULL;
            free(whole);
        }
}

static const wc_date *sample_dates(size_t *n)
{
    static wc_date dates[5];
    static const char *const text[] = {"2004-01-01", "2016-10-27", "2023-03-17", "2024-09-03",
                                       "2026-06-30"};
    for (size_t i = 0; i < 5; i++)
        assert_true(wc_date_parse(text[i], 10, &dates[i]));
    *n = 5;
    return dates;
}

static void itinerary_fields_rows_are_the_default_rows_cut(void **state)
{
    (void)state;
    const wc_dataset *ds = wc_dataset_builtin();
    size_t n_dates;
    const wc_date *dates = sample_dates(&n_dates);
    uint32_t seed = 15;
    size_t checked = 0;
    for (size_t pi = 0; pi < ds->n_persons; pi += 5)
        for (size_t ci = 0; ci < ds->n_countries; ci += 9)
            for (size_t d = 0; d < n_dates; d++) {
                wc_verdict v;
                assert_true(wc_verdict_for_person(ds, &ds->persons[pi], &ds->countries[ci],
                                                  dates[d], &v));
                check_verdict(ds, &ds->persons[pi], &ds->countries[ci], dates[d], &v, &seed,
                              checked % 7 == 0);
                wc_verdict_free(&v);
                checked++;
            }
    assert_true(checked > 200);
}

/* The names --fields takes for JSON are the keys of the rows, in order. */
static void key_lists_are_the_rows_keys(void **state)
{
    (void)state;
    const wc_dataset *ds = wc_dataset_builtin();
    wc_date date;
    assert_true(wc_date_parse("2024-09-03", 10, &date));
    const wc_person *p = &ds->persons[0];
    const wc_country *c = &ds->countries[0];
    wc_verdict v;
    assert_true(wc_verdict_for_person(ds, p, c, date, &v));
    wcr_opts o = {.format = WCR_JSONL, .dataset = ds, .sources = true};
    cJSON *rows[2] = {wcr_json_verdict_row(date, p, c, &v, true), NULL};
    assert_true(ds->n_trips > 0);
    wc_verdict tv;
    assert_true(wc_verdict_for_person(ds, ds->trips[0].person, ds->trips[0].host,
                                      ds->trips[0].start, &tv));
    rows[1] = wcr_json_trip_row(&ds->trips[0], &tv, true);
    const char *const *lists[] = {wcr_verdict_keys, wcr_trip_keys};
    for (size_t r = 0; r < 2; r++) {
        assert_non_null(rows[r]);
        assert_true(wcr_json_stamp(rows[r], &o));
        size_t i = 0;
        for (const cJSON *item = rows[r]->child; item != NULL; item = item->next, i++) {
            assert_non_null(lists[r][i]);
            assert_string_equal(item->string, lists[r][i]);
        }
        assert_null(lists[r][i]);
        cJSON_Delete(rows[r]);
    }
    wc_leg leg = sample_leg(date, true);
    char *row = itinerary_row(&o, &leg, p, c, date, &v, NULL);
    cJSON *it = cJSON_Parse(row);
    assert_non_null(it);
    size_t i = 0;
    for (const cJSON *item = it->child; item != NULL; item = item->next, i++) {
        assert_non_null(wcr_itinerary_keys[i]);
        assert_string_equal(item->string, wcr_itinerary_keys[i]);
    }
    assert_null(wcr_itinerary_keys[i]);
    cJSON_Delete(it);
    free(row);
    wc_verdict_free(&tv);
    wc_verdict_free(&v);
}

/* where and trips: table.c's rows, with and without --fields. */
static char *table_rows(const wcr_opts *o, const char *const *columns, const wc_dataset *ds,
                        const wc_trip *trip, const wc_verdict *v, bool trips)
{
    wcr_buffer sink = {0};
    wcr_writer w = wcr_writer_buffer(&sink);
    wcr_table t;
    wcr_table_begin(&t, &w, o, columns);
    (void)ds;
    wcr_table_row(&t, trips ? wcr_json_trip_row(trip, v, o->sources)
                            : wcr_json_verdict_row(trip->start, trip->person, trip->host, v,
                                                   o->sources));
    assert_true(wcr_table_end(&t));
    assert_non_null(sink.data);
    return sink.data;
}

static void table_fields_rows_are_the_default_rows_cut(void **state)
{
    (void)state;
    const wc_dataset *ds = wc_dataset_builtin();
    uint32_t seed = 5;
    for (size_t ti = 0; ti < ds->n_trips; ti++) {
        const wc_trip *trip = &ds->trips[ti];
        wc_verdict v;
        assert_true(wc_verdict_for_person(ds, trip->person, trip->host, trip->start, &v));
        for (int trips = 0; trips < 2; trips++)
            for (size_t f = 0; f < sizeof FORMATS / sizeof FORMATS[0]; f++) {
                bool cells = FORMATS[f] == WCR_CSV || FORMATS[f] == WCR_TSV;
                const char *const *names =
                    cells ? (trips ? wcr_trip_columns : wcr_verdict_columns)
                          : (trips ? wcr_trip_keys : wcr_verdict_keys);
                const char *const *columns = trips ? wcr_trip_columns : wcr_verdict_columns;
                wcr_opts o = {.format = FORMATS[f], .header = (ti & 1) == 0, .dataset = ds,
                              .sources = (ti & 2) != 0};
                char *whole = table_rows(&o, columns, ds, trip, &v, trips == 1);
                const char *list[MAX_CELLS];
                uint32_t bits = lcg(&seed) & (((uint32_t)1 << count(names)) - 1);
                choose(names, bits == 0 ? 2 : bits, list);
                o.fields = list;
                char *chosen = table_rows(&o, columns, ds, trip, &v, trips == 1);
                if (cells) {
                    check_cells(&o, columns, list, whole, chosen);
                } else if (o.format == WCR_JSONL) {
                    check_json(&o, list, whole, chosen);
                } else { /* pretty JSON: compared as parsed */
                    cJSON *a = cJSON_Parse(whole), *b = cJSON_Parse(chosen);
                    assert_true(cJSON_IsArray(a) && cJSON_IsArray(b));
                    for (cJSON *item = a->child->child, *next; item != NULL; item = next) {
                        next = item->next;
                        if (!in(list, item->string))
                            cJSON_Delete(cJSON_DetachItemViaPointer(a->child, item));
                    }
                    assert_true(cJSON_Compare(a, b, true));
                    cJSON_Delete(a);
                    cJSON_Delete(b);
                }
                free(chosen);
                free(whole);
            }
        wc_verdict_free(&v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(itinerary_fields_rows_are_the_default_rows_cut),
        cmocka_unit_test(key_lists_are_the_rows_keys),
        cmocka_unit_test(table_fields_rows_are_the_default_rows_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
