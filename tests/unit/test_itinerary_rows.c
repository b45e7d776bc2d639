/* The itinerary's rows (src/render/itinerary_rows.c) write their verdict
 * part without cJSON; here they are held to the bytes of the cJSON path
 * every other command takes (fields.h's verdict row, printed by cJSON or
 * flattened by table.c), for a sample of the real dataset's verdicts in
 * every machine format, with and without --sources, for rows whose verdict
 * changes inside the leg, and for strings that need escaping. */
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

static const char *const VERDICT_PART[] = {"person", "person_name", "iso2",    "iso3",
                                           "country", "through",    "state_party", "verdict",
                                           "basis",  "notes",       NULL};

/* The verdict part as the cJSON path writes it: the verdict row less its
 * "date", stamped, printed without its "{" (JSON) or as table cells. */
static char *reference_fragment(const wcr_opts *o, const wc_person *p, const wc_country *c,
                                wc_date date, const wc_verdict *v)
{
    cJSON *row = wcr_json_verdict_row(date, p, c, v, o->sources);
    assert_non_null(row);
    cJSON_DeleteItemFromObjectCaseSensitive(row, "date");
    if (o->format == WCR_CSV || o->format == WCR_TSV) {
        wcr_buffer b = {0};
        assert_true(wcr_table_cells(&b, o->format, VERDICT_PART, row));
        cJSON_Delete(row);
        return b.data;
    }
    assert_true(wcr_json_stamp(row, o));
    char *text = cJSON_PrintUnformatted(row);
    cJSON_Delete(row);
    assert_non_null(text);
    memmove(text, text + 1, strlen(text));
    return text;
}

/* The whole row of a leg whose verdict changes, as the cJSON path built
 * it: line, date, start, end, input, note, the verdict members, `change`
 * last among the notes, and the note cell last in CSV/TSV. */
static char *reference_changing_row(const wcr_opts *o, unsigned long line, const wc_leg *leg,
                                    const wc_person *p, const wc_country *c, wc_date date,
                                    const wc_verdict *v, const char *change)
{
    cJSON *members = wcr_json_verdict_row(date, p, c, v, o->sources);
    assert_non_null(members);
    cJSON_DeleteItemFromObjectCaseSensitive(members, "date");
    if (o->format == WCR_JSON || o->format == WCR_JSONL)
        assert_true(wcr_json_stamp(members, o));
    cJSON *row = cJSON_CreateObject();
    char input[256];
    snprintf(input, sizeof input, "%.*s", (int)leg->input_len, leg->input);
    assert_non_null(cJSON_AddNumberToObject(row, "line", (double)line));
    assert_true(wcr_json_add_date(row, "date", date));
    assert_true(wcr_json_add_date(row, "start", leg->start));
    assert_true(wcr_json_add_date(row, "end", leg->end));
    assert_true(wcr_json_add_string(row, "input", input));
    char note[256];
    snprintf(note, sizeof note, "%.*s", (int)leg->note_len, leg->note ? leg->note : "");
    assert_true(wcr_json_add_string(row, "note", leg->note ? note : NULL));
    while (members->child != NULL) {
        cJSON *item = cJSON_DetachItemViaPointer(members, members->child);
        assert_true(cJSON_AddItemToObject(row, item->string, item));
    }
    cJSON_Delete(members);
    cJSON *notes = cJSON_GetObjectItemCaseSensitive(row, "notes");
    assert_true(cJSON_AddItemToArray(notes, cJSON_CreateString(change)));
    wcr_buffer b = {0};
    if (o->format == WCR_CSV || o->format == WCR_TSV) {
        static const char *const columns[] = {
            "line",    "date",    "start",       "end",     "person", "person_name", "iso2",
            "iso3",    "country", "through",     "state_party", "verdict", "basis", "notes",
            "note",    NULL};
        assert_true(wcr_table_cells(&b, o->format, columns, row));
    } else {
        char *text = cJSON_PrintUnformatted(row);
        assert_non_null(text);
        wcr_buffer_append(&b, text, strlen(text));
        free(text);
        if (o->format == WCR_JSONL)
            wcr_buffer_append(&b, "\n", 1);
    }
    cJSON_Delete(row);
    return b.data;
}

/* The note as the fragment writes it in format `f` (a CSV cell quoted:
 * its '"' doubled), malloc'd. */
static char *written_note(wcr_format f, const char *note, bool quoted)
{
    wcr_buffer b = {0};
    if (f == WCR_JSON || f == WCR_JSONL) {
        wcr_buffer_json_string(&b, note, strlen(note));
    } else {
        for (const char *at = note; *at != '\0'; at++) {
            bool blank = f == WCR_TSV && (*at == '\t' || *at == '\n' || *at == '\r');
            wcr_buffer_append(&b, blank ? " " : at, 1);
            if (quoted && *at == '"')
                wcr_buffer_append(&b, "\"", 1);
        }
        wcr_buffer_append(&b, "", 0);
    }
    assert_false(b.failed);
    return b.data;
}

/* The cut points of a fragment: ascending, inside it, and each note of
 * the verdict a piece of its own (after its separator), so that notes are
 * shared between fragments. */
static void check_cuts(const wcr_itinerary *it, const wcr_opts *o, const wc_verdict *v,
                       const char *text, size_t len)
{
    size_t n;
    const uint32_t *cuts = wcr_itinerary_cuts(it, &n);
    for (size_t i = 0; i < n; i++) {
        assert_true(cuts[i] > 0 && cuts[i] < len);
        assert_true(i == 0 || cuts[i - 1] < cuts[i]);
    }
    assert_true(n >= 3); /* the person, the country, the notes, the sources */
    for (size_t k = 0; k < v->notes.count; k++) {
        if (v->notes.items[k][0] == '\0')
            continue;
        bool found = false;
        for (int quoted = 0; quoted < 2 && !found; quoted++) {
            char *note = written_note(o->format, v->notes.items[k], quoted == 1);
            for (size_t i = 0; i + 1 < n && !found; i++) {
                const char *piece = text + cuts[i];
                size_t piece_len = cuts[i + 1] - cuts[i], skip = 0;
                if (piece_len > 0 && piece[0] == ',')
                    skip = 1;
                else if (piece_len > 1 && memcmp(piece, "; ", 2) == 0)
                    skip = 2;
                found = piece_len - skip == strlen(note) &&
                        memcmp(piece + skip, note, piece_len - skip) == 0;
            }
            free(note);
        }
        if (!found)
            fail_msg("format %d: note %zu is not a piece of its own in %s", (int)o->format, k,
                     text);
    }
}

static void check_fragment(const wcr_opts *o, const wc_person *p, const wc_country *c,
                           wc_date date, const wc_verdict *v)
{
    wcr_buffer sink = {0};
    wcr_writer w = wcr_writer_buffer(&sink);
    wcr_itinerary it;
    assert_true(wcr_itinerary_open(&it, &w, o));
    size_t len;
    char *got = wcr_itinerary_fragment(&it, p, c, date, v, &len);
    char *want = reference_fragment(o, p, c, date, v);
    assert_non_null(got);
    assert_int_equal(len, strlen(got));
    check_cuts(&it, o, v, got, len);
    if (strcmp(got, want) != 0)
        fail_msg("%s in %s: format %d, sources %d:\n got  %s\n want %s", p->id, c->iso2,
                 (int)o->format, (int)o->sources, got, want);
    free(got);
    free(want);
    wcr_itinerary_close(&it);
    wcr_buffer_free(&sink);
}

static void check_changing_row(const wcr_opts *o, const wc_person *p, const wc_country *c,
                               wc_date date, const wc_verdict *v, const char *change)
{
    wcr_buffer sink = {0};
    wcr_writer w = wcr_writer_buffer(&sink);
    wcr_itinerary it;
    wcr_opts no_header = *o;
    no_header.header = false;
    if (o->format == WCR_JSON) /* no "[" and no comma: a JSONL-shaped row */
        no_header.format = WCR_JSONL;
    static const char text[] = "2024-09-02..2024-09-04 \"Mongolia\"\t# a \\ note";
    /* The note as the text form reads it: after the '#', with a backslash
     * to escape in JSON; and a leg without one (null, an empty cell). */
    wc_leg leg = {.start = date, .end = date + 2, .input = text, .input_len = sizeof text - 1,
                  .note = strchr(text, '#') + 2, .note_len = strlen(strchr(text, '#') + 2)};
    if (v->notes.count % 2 == 0) {
        leg.note = NULL;
        leg.note_len = 0;
    }
    assert_true(wcr_itinerary_open(&it, &w, &no_header));
    wcr_itinerary_begin(&it);
    assert_true(wcr_itinerary_changing_row(&it, 4242, &leg, p, c, date, v, change));
    wcr_itinerary_flush(&it);
    char *want = reference_changing_row(&no_header, 4242, &leg, p, c, date, v, change);
    assert_non_null(sink.data);
    assert_string_equal(sink.data, want);
    free(want);
    wcr_itinerary_close(&it);
    wcr_buffer_free(&sink);
}

static const wcr_format FORMATS[] = {WCR_JSON, WCR_JSONL, WCR_CSV, WCR_TSV};

/* Every format, with and without --sources, with and without "dataset". */
static void check_all_formats(const wc_dataset *ds, const wc_person *p, const wc_country *c,
                              wc_date date, const wc_verdict *v, bool changing)
{
    for (size_t f = 0; f < sizeof FORMATS / sizeof FORMATS[0]; f++)
        for (int sources = 0; sources < 2; sources++) {
            wcr_opts o = {.format = FORMATS[f], .header = true, .dataset = ds,
                          .sources = sources == 1};
            check_fragment(&o, p, c, date, v);
            if (changing)
                check_changing_row(&o, p, c, date, v, "obliged from 2024-09-03");
            o.dataset = NULL;
            check_fragment(&o, p, c, date, v);
        }
}

static const wc_date *sample_dates(size_t *n)
{
    static wc_date dates[6];
    static const char *const text[] = {"2002-07-01", "2009-03-04", "2016-10-27",
                                       "2023-03-17", "2024-09-03", "2026-06-30"};
    for (size_t i = 0; i < 6; i++)
        assert_true(wc_date_parse(text[i], 10, &dates[i]));
    *n = 6;
    return dates;
}

/* A sample of the real dataset: every country for a few persons, every
 * person for every seventh country, on dates from 2002 to the as-of date. */
static void real_verdicts_match_the_cjson_path(void **state)
{
    (void)state;
    const wc_dataset *ds = wc_dataset_builtin();
    size_t n_dates;
    const wc_date *dates = sample_dates(&n_dates);
    size_t checked = 0;
    for (size_t pi = 0; pi < ds->n_persons; pi++)
        for (size_t ci = 0; ci < ds->n_countries; ci++) {
            if (pi % 16 != 0 && ci % 7 != 0)
                continue;
            const wc_person *p = &ds->persons[pi];
            const wc_country *c = &ds->countries[ci];
            for (size_t d = 0; d < n_dates; d++) {
                wc_verdict v;
                assert_true(wc_verdict_for_person(ds, p, c, dates[d], &v));
                check_all_formats(ds, p, c, dates[d], &v, checked % 50 == 0);
                wc_verdict_free(&v);
                checked++;
            }
        }
    assert_true(checked > 1000);
}

/* Strings that each format must escape: quotes, commas, tabs, line
 * breaks, a control character, blanks at either end, a backslash, and an
 * empty note followed by another (table.c joins "; " only after a
 * non-empty start). */
static void escapes_match_the_cjson_path(void **state)
{
    (void)state;
    const wc_dataset *ds = wc_dataset_builtin();
    const wc_person *p = &ds->persons[0];
    const wc_country *c = &ds->countries[0];
    wc_date date;
    assert_true(wc_date_parse("2024-09-03", 10, &date));
    wc_verdict real;
    assert_true(wc_verdict_for_person(ds, p, c, date, &real));
    static char n0[] = "", n1[] = " leading, \"quoted\"\tand\nbroken\r\x01\x1f \\ trailing ",
                n2[] = "plain", n3[] = "a,b";
    char *notes[] = {n0, n1, n2, n3};
    wc_verdict v = real;
    v.notes = (wc_notes){.items = notes, .count = 4};
    v.basis = " spaced basis "; /* a blank at either end, nothing else to quote */
    check_all_formats(ds, p, c, date, &v, true);
    v.notes.count = 0; /* no notes: the change note alone */
    v.state_party_presumed = true;
    check_all_formats(ds, p, c, date, &v, true);
    wc_verdict_free(&real);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(real_verdicts_match_the_cjson_path),
        cmocka_unit_test(escapes_match_the_cjson_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
