/* The rows of `itinerary` (see itinerary_rows.h). */
#include "itinerary_rows.h"

#include "fields.h"
#include "table.h"
#include "writer.h"

#include <stdlib.h>

/* The rows of SPEC section 5, flattened; the verdict part is rendered once
 * per (person, country, run of days) and the row's own fields put before it. */
const char *const wcr_itinerary_columns[] = {
    "line",    "date",    "start",       "end",     "person", "person_name", "iso2", "iso3",
    "country", "through", "state_party", "verdict", "basis",  "notes",       NULL};
static const char *const VERDICT_PART_COLUMNS[] = {
    "person",  "person_name", "iso2",    "iso3",  "country", "through",
    "state_party", "verdict", "basis", "notes", NULL};

bool wcr_itinerary_open(wcr_itinerary *it, const wcr_writer *w, const wcr_opts *o)
{
    it->opts = *o;
    it->person_column = false;
    it->started = false;
    it->rows = 0;
    return wcr_stream_open(&it->s, w);
}

void wcr_itinerary_close(wcr_itinerary *it)
{
    wcr_stream_close(&it->s);
    /* A run cut short (a closed pipe) never reached wcr_itinerary_end:
     * free the table's buffers; after an end this does nothing. */
    if (it->started && (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV))
        wcr_table_end(&it->csv);
    it->started = false;
}

void wcr_itinerary_flush(wcr_itinerary *it)
{
    wcr_stream_flush(&it->s);
}

/* ------------------------------------------------------------ fragments */

/* The verdict part of a row as JSON members: the verdict row less its
 * "date", which each row gives for itself. */
static cJSON *verdict_members(const wcr_itinerary *it, const wc_person *p, const wc_country *c,
                              wc_date date, const wc_verdict *v)
{
    cJSON *row = wcr_json_verdict_row(date, p, c, v, it->opts.sources);
    if (row != NULL)
        cJSON_DeleteItemFromObjectCaseSensitive(row, "date");
    /* The row's "dataset" member, at its end: in the fragment it is made
     * once per (person, country, run of days), not once per row. */
    bool json = it->opts.format == WCR_JSON || it->opts.format == WCR_JSONL;
    if (row != NULL && json && !wcr_json_stamp(row, &it->opts)) {
        cJSON_Delete(row);
        return NULL;
    }
    return row;
}

static char *render_text(const wcr_itinerary *it, const wc_person *p, const wc_country *c,
                         const wc_verdict *v, size_t *len)
{
    size_t n = strlen(c->name) + strlen(p->id) + 64;
    char *s = malloc(n);
    if (s == NULL)
        return NULL;
    int w = snprintf(s, n, "%s%s%s  %s%-16s%s  %s", it->person_column ? p->id : "",
                     it->person_column ? "  " : "", c->iso2, wcr_color_on(&it->opts, v->kind),
                     wc_verdict_word(v->kind), wcr_color_off(&it->opts), c->name);
    *len = (size_t)w;
    return s;
}

/* The CSV/TSV cells of the verdict part, as table.c writes them, with the
 * line end. Takes `members`. */
static char *render_cells(const wcr_itinerary *it, cJSON *members, size_t *len)
{
    wcr_buffer b = {0};
    bool ok = wcr_table_cells(&b, it->opts.format, VERDICT_PART_COLUMNS, members);
    cJSON_Delete(members);
    if (!ok || b.failed || b.data == NULL) {
        wcr_buffer_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.data;
}

char *wcr_itinerary_fragment(wcr_itinerary *it, const wc_person *p, const wc_country *c,
                             wc_date date, const wc_verdict *v, size_t *len)
{
    if (it->opts.format == WCR_TEXT)
        return render_text(it, p, c, v, len);
    cJSON *members = verdict_members(it, p, c, date, v);
    if (members == NULL)
        return NULL;
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV)
        return render_cells(it, members, len);
    char *text = cJSON_PrintUnformatted(members);
    cJSON_Delete(members);
    if (text == NULL)
        return NULL;
    /* Keep everything after the "{": the row's own fields come first. */
    *len = strlen(text) - 1;
    memmove(text, text + 1, *len + 1);
    return text;
}

/* ----------------------------------------------------------------- rows */

void wcr_itinerary_begin(wcr_itinerary *it)
{
    if (it->started)
        return;
    it->started = true;
    wcr_stream_flush(&it->s);
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV)
        wcr_table_begin(&it->csv, it->s.w, &it->opts, wcr_itinerary_columns);
    else if (it->opts.format == WCR_JSON)
        wcr_putc(it->s.w, '[');
}

bool wcr_itinerary_end(wcr_itinerary *it)
{
    wcr_itinerary_begin(it);
    wcr_stream_flush(&it->s);
    if (it->opts.format == WCR_JSON)
        wcr_puts(it->s.w, it->rows > 0 ? "\n]\n" : "]\n");
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV)
        return wcr_table_end(&it->csv);
    return true;
}

/* The days of a leg as the text form writes them, padded to 22. */
static char *put_days(wcr_stream *s, char *at, wc_date start, wc_date end)
{
    char *from = at;
    at = wcr_stream_date(s, at, start);
    if (end != start) {
        memcpy(at, "..", 2);
        at = wcr_stream_date(s, at + 2, end);
    }
    size_t used = (size_t)(at - from);
    if (used < 22) {
        memcpy(at, "            ", 22 - used); /* 12 at most: one date */
        at += 22 - used;
    }
    return at;
}

/* The text row's fields before the verdict part. */
static size_t text_prefix(wcr_stream *s, char *buf, unsigned long line, const wc_leg *leg)
{
    char *at = wcr_stream_line_number(s, buf, line, 6);
    memcpy(at, "  ", 2);
    at = put_days(s, at + 2, leg->start, leg->end);
    memcpy(at, "  ", 2);
    return (size_t)(at + 2 - buf);
}

void wcr_itinerary_row(wcr_itinerary *it, unsigned long line, const wc_leg *leg, wc_date date,
                       const char *fragment, size_t fragment_len)
{
    wcr_stream *s = &it->s;
    char *at = wcr_stream_room(s, 128);
    switch (it->opts.format) {
    case WCR_TEXT:
        wcr_stream_done(s, at + text_prefix(s, at, line, leg));
        wcr_stream_bytes(s, fragment, fragment_len);
        wcr_stream_bytes(s, "\n", 1);
        break;
    case WCR_CSV:
    case WCR_TSV: {
        char sep = it->opts.format == WCR_CSV ? ',' : '\t';
        at = wcr_stream_line_number(s, at, line, 0);
        *at++ = sep;
        at = wcr_stream_date(s, at, date);
        *at++ = sep;
        at = wcr_stream_date(s, at, leg->start);
        *at++ = sep;
        at = wcr_stream_date(s, at, leg->end);
        *at++ = sep;
        wcr_stream_done(s, at);
        wcr_stream_bytes(s, fragment, fragment_len);
        break;
    }
    case WCR_JSON:
    case WCR_JSONL:
        if (it->opts.format == WCR_JSON) {
            if (it->rows > 0)
                *at++ = ',';
            *at++ = '\n';
        }
        memcpy(at, "{\"line\":", 8);
        at = wcr_stream_line_number(s, at + 8, line, 0);
        memcpy(at, ",\"date\":\"", 9);
        at = wcr_stream_date(s, at + 9, date);
        memcpy(at, "\",\"start\":\"", 11);
        at = wcr_stream_date(s, at + 11, leg->start);
        memcpy(at, "\",\"end\":\"", 9);
        at = wcr_stream_date(s, at + 9, leg->end);
        memcpy(at, "\",\"input\":", 10);
        wcr_stream_done(s, at + 10);
        wcr_stream_json_string(s, leg->input, leg->input_len);
        wcr_stream_bytes(s, ",", 1);
        wcr_stream_bytes(s, fragment, fragment_len);
        if (it->opts.format == WCR_JSONL)
            wcr_stream_bytes(s, "\n", 1);
        break;
    case WCR_SVG: /* not an itinerary format */
        break;
    }
    it->rows++;
}

void wcr_itinerary_changing_text(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                                 const char *fragment, size_t fragment_len, const char *change)
{
    wcr_stream *s = &it->s;
    char *at = wcr_stream_room(s, 64);
    wcr_stream_done(s, at + text_prefix(s, at, line, leg));
    wcr_stream_bytes(s, fragment, fragment_len);
    wcr_stream_bytes(s, "  (", 3);
    wcr_stream_bytes(s, change, strlen(change));
    wcr_stream_bytes(s, ")\n", 2);
    it->rows++;
}

/* Adds "input": the leg's line as read (not NUL-terminated there). */
static bool add_input(cJSON *row, const wc_leg *leg)
{
    char *text = malloc(leg->input_len + 1);
    if (text == NULL)
        return false;
    memcpy(text, leg->input, leg->input_len);
    text[leg->input_len] = '\0';
    cJSON *input = cJSON_CreateString(text);
    free(text);
    if (input != NULL && cJSON_AddItemToObject(row, "input", input))
        return true;
    cJSON_Delete(input);
    return false;
}

bool wcr_itinerary_changing_row(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                                const wc_person *p, const wc_country *c, wc_date date,
                                const wc_verdict *v, const char *change)
{
    wcr_stream_flush(&it->s);
    cJSON *members = verdict_members(it, p, c, date, v);
    cJSON *row = cJSON_CreateObject();
    bool ok = members != NULL && row != NULL &&
              cJSON_AddNumberToObject(row, "line", (double)line) != NULL &&
              wcr_json_add_date(row, "date", date) && wcr_json_add_date(row, "start", leg->start) &&
              wcr_json_add_date(row, "end", leg->end) && add_input(row, leg);
    while (ok && members->child != NULL) {
        cJSON *item = cJSON_DetachItemViaPointer(members, members->child);
        ok = cJSON_AddItemToObject(row, item->string, item);
        if (!ok)
            cJSON_Delete(item);
    }
    cJSON *notes = ok ? cJSON_GetObjectItemCaseSensitive(row, "notes") : NULL;
    cJSON *note = notes != NULL ? cJSON_CreateString(change) : NULL;
    ok = note != NULL && cJSON_AddItemToArray(notes, note);
    if (!ok && note != NULL)
        cJSON_Delete(note);
    cJSON_Delete(members);
    if (!ok) {
        cJSON_Delete(row);
        return false;
    }
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV) {
        wcr_table_row(&it->csv, row); /* takes the row */
        it->rows++;
        return true;
    }
    char *text = cJSON_PrintUnformatted(row);
    cJSON_Delete(row);
    if (text == NULL)
        return false;
    if (it->opts.format == WCR_JSON)
        wcr_puts(it->s.w, it->rows > 0 ? ",\n" : "\n");
    wcr_puts(it->s.w, text);
    if (it->opts.format == WCR_JSONL)
        wcr_putc(it->s.w, '\n');
    free(text);
    it->rows++;
    return true;
}
