#include "table.h"

#include "fields.h"
#include "writer.h"

#include <stdlib.h>
#include <string.h>

/* Where a flattened column takes its value from a nested object. */
static const cJSON *column_value(const cJSON *row, const char *column)
{
    static const struct {
        const char *column, *object, *field;
    } nested[] = {
        {"person", "person", "id"},   {"person_name", "person", "name"},
        {"iso2", "country", "iso2"},  {"iso3", "country", "iso3"},
        {"country", "country", "name"}, {"host", "country", "name"},
        {"through", "through", "iso2"},
    };
    for (size_t i = 0; i < sizeof nested / sizeof nested[0]; i++) {
        if (column[0] != nested[i].column[0] || strcmp(column, nested[i].column) != 0)
            continue;
        const cJSON *o = cJSON_GetObjectItemCaseSensitive(row, nested[i].object);
        if (cJSON_IsObject(o))
            return cJSON_GetObjectItemCaseSensitive(o, nested[i].field);
    }
    return cJSON_GetObjectItemCaseSensitive(row, column);
}

/* Puts the text of a value into `cell` (emptied first): "" for null, the
 * strings of a list joined by "; ". Returns false if memory ran out. */
static bool cell_text(wcr_buffer *cell, const cJSON *v)
{
    cell->len = 0;
    if (!wcr_buffer_append(cell, "", 0)) /* NUL-terminated even if empty */
        return false;
    if (v == NULL || cJSON_IsNull(v))
        return true;
    if (cJSON_IsString(v))
        return wcr_buffer_append(cell, v->valuestring, strlen(v->valuestring));
    if (cJSON_IsBool(v))
        return cJSON_IsTrue(v) ? wcr_buffer_append(cell, "true", 4)
                               : wcr_buffer_append(cell, "false", 5);
    if (cJSON_IsNumber(v)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%.0f", v->valuedouble);
        return wcr_buffer_append(cell, buf, (size_t)n);
    }
    bool ok = true;
    if (cJSON_IsArray(v)) {
        for (const cJSON *e = v->child; e != NULL && ok; e = e->next) {
            if (!cJSON_IsString(e))
                continue;
            if (cell->len > 0)
                ok = wcr_buffer_append(cell, "; ", 2);
            ok = ok && wcr_buffer_append(cell, e->valuestring, strlen(e->valuestring));
        }
        return ok;
    }
    char *text = cJSON_PrintUnformatted(v);
    ok = text != NULL && wcr_buffer_append(cell, text, strlen(text));
    cJSON_free(text);
    return ok;
}

bool wcr_table_put_cell(wcr_buffer *line, wcr_format format, const char *s, size_t len)
{
    if (format == WCR_TSV) {
        size_t at = line->len;
        if (!wcr_buffer_append(line, s, len))
            return false;
        for (char *p = line->data + at; p < line->data + line->len; p++)
            if (*p == '\t' || *p == '\n' || *p == '\r')
                *p = ' ';
        return true;
    }
    bool quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote)
        return wcr_buffer_append(line, s, len);
    /* Quoted as libcsv's csv_write quotes (tests/unit/test_render.c holds
     * the two to the same bytes): the whole cell in '"', each '"' doubled.
     * csv_write goes a byte at a time, a fifth of an --all run's time. */
    wcr_buffer_append(line, "\"", 1);
    for (const char *at = s, *end = s + len; at < end;) {
        const char *q = memchr(at, '"', (size_t)(end - at));
        size_t run = q != NULL ? (size_t)(q - at) + 1 : (size_t)(end - at);
        wcr_buffer_append(line, at, run);
        if (q != NULL)
            wcr_buffer_append(line, "\"", 1);
        at += run;
    }
    return wcr_buffer_append(line, "\"", 1);
}

/* Appends to `line` the cells of a row, or the column names for row ==
 * NULL, and the line end; `cell` is scratch space for one cell's text. */
static bool put_line(wcr_buffer *line, wcr_buffer *cell, wcr_format format,
                     const char *const *columns, const cJSON *row)
{
    bool ok = true;
    const char *sep = format == WCR_TSV ? "\t" : ",";
    for (size_t i = 0; columns[i] != NULL && ok; i++) {
        if (i > 0)
            ok = wcr_buffer_append(line, sep, 1);
        if (row != NULL) {
            ok = ok && cell_text(cell, column_value(row, columns[i]));
        } else {
            cell->len = 0;
            ok = ok && wcr_buffer_append(cell, columns[i], strlen(columns[i]));
        }
        ok = ok && wcr_table_put_cell(line, format, cell->data, cell->len);
    }
    /* LF, not RFC 4180's CRLF: a Unix pipe into cut or `while read` would
     * otherwise see a stray CR in the last field. */
    return ok && wcr_buffer_append(line, "\n", 1);
}

bool wcr_table_cells(wcr_buffer *out, wcr_format format, const char *const *columns,
                     const cJSON *row)
{
    wcr_buffer cell = {0};
    bool ok = put_line(out, &cell, format, columns, row);
    wcr_buffer_free(&cell);
    return ok;
}

/* Writes one CSV/TSV line through the table's reused buffers. */
static bool table_line(wcr_table *t, const cJSON *row)
{
    t->line.len = 0;
    return put_line(&t->line, &t->cell, t->opts.format, t->columns, row) &&
           wcr_write(t->w, t->line.data, t->line.len);
}

const char *const wcr_verdict_columns[] = {"date",    "person",      "person_name", "iso2",
                                           "iso3",    "country",     "through",     "state_party",
                                           "verdict", "basis",       "notes",       NULL};

const char *const wcr_trip_columns[] = {
    "date",        "start",       "end",     "person", "person_name", "iso2",
    "iso3",        "country",     "through", "state_party", "verdict", "basis",
    "notes",       "city",        "occasion", "outcome",    NULL};

/* The keys of wcr_json_verdict_row() and wcr_json_trip_row(), and the
 * stamp's (tests/unit/test_render.c holds them to the rows). */
const char *const wcr_verdict_keys[] = {"date",  "person",  "country",    "state_party",
                                        "through", "verdict", "basis",    "warrant",
                                        "notes", "sources", "source_ids", "dataset",
                                        NULL};

const char *const wcr_trip_keys[] = {
    "date",    "person", "country",    "state_party", "through", "verdict", "basis",
    "warrant", "notes",  "sources",    "source_ids",  "start",   "end",     "city",
    "occasion", "outcome", "dataset",  NULL};

bool wcr_field_chosen(const wcr_opts *o, const char *name)
{
    if (o->fields == NULL)
        return true;
    for (const char *const *f = o->fields; *f != NULL; f++)
        if (strcmp(*f, name) == 0)
            return true;
    return false;
}

/* --fields: the columns the table keeps, in their own order, into a
 * malloc'd NULL-terminated list (t->chosen); false if memory ran out. */
static bool choose_columns(wcr_table *t, const char *const *columns)
{
    size_t n = 0;
    while (columns[n] != NULL)
        n++;
    t->chosen = malloc((n + 1) * sizeof *t->chosen);
    if (t->chosen == NULL)
        return false;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (wcr_field_chosen(&t->opts, columns[i]))
            t->chosen[kept++] = columns[i];
    t->chosen[kept] = NULL;
    t->columns = t->chosen;
    return true;
}

/* --fields: takes out of a JSON row the keys not chosen. */
static void drop_unchosen(cJSON *row, const wcr_opts *o)
{
    for (cJSON *item = row->child, *next; item != NULL; item = next) {
        next = item->next;
        if (item->string != NULL && !wcr_field_chosen(o, item->string))
            cJSON_Delete(cJSON_DetachItemViaPointer(row, item));
    }
}

void wcr_table_begin(wcr_table *t, const wcr_writer *w, const wcr_opts *o,
                     const char *const *columns)
{
    t->w = w;
    t->opts = *o;
    t->columns = columns;
    t->rows = 0;
    t->failed = false;
    t->array = NULL;
    t->line = (wcr_buffer){0};
    t->cell = (wcr_buffer){0};
    t->chosen = NULL;
    if (o->fields != NULL && (o->format == WCR_CSV || o->format == WCR_TSV) &&
        !choose_columns(t, columns)) {
        t->failed = true; /* memory ran out: write nothing */
        t->w = NULL;
    }
    if (t->w == NULL)
        return;
    if (o->format == WCR_JSON) {
        t->array = cJSON_CreateArray();
        t->failed = t->array == NULL;
    } else if ((o->format == WCR_CSV || o->format == WCR_TSV) && o->header) {
        t->failed |= !table_line(t, NULL);
    }
}

void wcr_table_row(wcr_table *t, cJSON *row)
{
    t->rows++;
    if (row == NULL) {
        t->failed = true;
        return;
    }
    if (t->w == NULL) {
        cJSON_Delete(row);
        return;
    }
    if (t->opts.format == WCR_JSON || t->opts.format == WCR_JSONL) {
        t->failed |= !wcr_json_stamp(row, &t->opts);
        if (t->opts.fields != NULL)
            drop_unchosen(row, &t->opts);
    }
    switch (t->opts.format) {
    case WCR_JSON:
        if (t->array != NULL && cJSON_AddItemToArray(t->array, row))
            return;
        t->failed = true;
        break;
    case WCR_JSONL:
        t->failed |= !wcr_json_write(t->w, row, false);
        break;
    case WCR_CSV:
    case WCR_TSV:
        t->failed |= !table_line(t, row);
        break;
    case WCR_TEXT:
    case WCR_SVG: /* not a table: the caller draws it */
        break;
    }
    cJSON_Delete(row);
}

void wcr_table_verdict(wcr_table *t, wc_date date, const wc_person *p, const wc_country *c,
                       const wc_verdict *v)
{
    wcr_table_row(t, wcr_json_verdict_row(date, p, c, v, t->opts.sources));
}

bool wcr_table_end(wcr_table *t)
{
    wcr_buffer_free(&t->line);
    wcr_buffer_free(&t->cell);
    free(t->chosen);
    t->chosen = NULL;
    if (t->array != NULL) {
        t->failed |= !wcr_json_write(t->w, t->array, true);
        cJSON_Delete(t->array);
        t->array = NULL;
    }
    return !t->failed;
}
