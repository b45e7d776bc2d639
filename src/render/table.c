#include "table.h"

#include "fields.h"
#include "writer.h"

#include <csv.h>
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
    };
    for (size_t i = 0; i < sizeof nested / sizeof nested[0]; i++) {
        if (strcmp(column, nested[i].column) != 0)
            continue;
        const cJSON *o = cJSON_GetObjectItemCaseSensitive(row, nested[i].object);
        if (cJSON_IsObject(o))
            return cJSON_GetObjectItemCaseSensitive(o, nested[i].field);
    }
    return cJSON_GetObjectItemCaseSensitive(row, column);
}

/* Renders a value as one cell: "" for null, "; "-joined for a list. */
static char *cell_text(const cJSON *v)
{
    if (v == NULL || cJSON_IsNull(v))
        return strdup("");
    if (cJSON_IsString(v))
        return strdup(v->valuestring);
    if (cJSON_IsBool(v))
        return strdup(cJSON_IsTrue(v) ? "true" : "false");
    if (cJSON_IsNumber(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%.0f", v->valuedouble);
        return strdup(buf);
    }
    if (cJSON_IsArray(v)) {
        size_t len = 1;
        for (const cJSON *e = v->child; e != NULL; e = e->next)
            len += (cJSON_IsString(e) ? strlen(e->valuestring) : 0) + 2;
        char *s = malloc(len);
        if (s == NULL)
            return NULL;
        s[0] = '\0';
        for (const cJSON *e = v->child; e != NULL; e = e->next) {
            if (!cJSON_IsString(e))
                continue;
            if (s[0] != '\0')
                strcat(s, "; ");
            strcat(s, e->valuestring);
        }
        return s;
    }
    return cJSON_PrintUnformatted(v);
}

/* CSV quotes a cell only when it must (libcsv does the quoting); TSV has
 * no quoting, so tabs and line breaks in a cell become spaces. */
static bool put_cell(const wcr_writer *w, wcr_format format, char *s)
{
    size_t len = strlen(s);
    if (format == WCR_TSV) {
        for (char *p = s; *p != '\0'; p++)
            if (*p == '\t' || *p == '\n' || *p == '\r')
                *p = ' ';
        return wcr_write(w, s, len);
    }
    if (strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' && (len == 0 || s[len - 1] != ' '))
        return wcr_write(w, s, len);
    char small[512];
    size_t need = csv_write(NULL, 0, s, len);
    char *quoted = need <= sizeof small ? small : malloc(need);
    if (quoted == NULL)
        return false;
    csv_write(quoted, need, s, len);
    bool ok = wcr_write(w, quoted, need);
    if (quoted != small)
        free(quoted);
    return ok;
}

/* The cells of a row, or the column names for row == NULL. */
static bool put_line(const wcr_writer *w, wcr_format format, const char *const *columns,
                     const cJSON *row)
{
    bool ok = true;
    char sep = format == WCR_TSV ? '\t' : ',';
    for (size_t i = 0; columns[i] != NULL; i++) {
        if (i > 0)
            ok &= wcr_putc(w, sep);
        char *s = row ? cell_text(column_value(row, columns[i])) : strdup(columns[i]);
        if (s == NULL) {
            ok = false;
            continue;
        }
        ok &= put_cell(w, format, s);
        free(s);
    }
    /* LF, not RFC 4180's CRLF: a Unix pipe into cut or `while read` would
     * otherwise see a stray CR in the last field. */
    return wcr_putc(w, '\n') && ok;
}

bool wcr_table_cells(const wcr_writer *w, wcr_format format, const char *const *columns,
                     const cJSON *row)
{
    return put_line(w, format, columns, row);
}

const char *const wcr_verdict_columns[] = {"date",    "person",      "person_name", "iso2",
                                           "iso3",    "country",     "through",     "state_party",
                                           "verdict", "basis",       "notes",       NULL};

const char *const wcr_trip_columns[] = {
    "date",        "start",   "end",   "person", "person_name", "iso2",     "iso3",    "country",
    "state_party", "verdict", "basis", "notes",  "city",        "occasion", "outcome", NULL};

void wcr_table_begin(wcr_table *t, const wcr_writer *w, const wcr_opts *o,
                     const char *const *columns)
{
    t->w = w;
    t->opts = *o;
    t->columns = columns;
    t->rows = 0;
    t->failed = false;
    t->array = NULL;
    if (w == NULL)
        return;
    if (o->format == WCR_JSON) {
        t->array = cJSON_CreateArray();
        t->failed = t->array == NULL;
    } else if ((o->format == WCR_CSV || o->format == WCR_TSV) && o->header) {
        t->failed |= !put_line(w, o->format, columns, NULL);
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
        t->failed |= !put_line(t->w, t->opts.format, t->columns, row);
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
    wcr_table_row(t, wcr_json_verdict_row(date, p, c, v));
}

bool wcr_table_end(wcr_table *t)
{
    if (t->array != NULL) {
        t->failed |= !wcr_json_write(t->w, t->array, true);
        cJSON_Delete(t->array);
        t->array = NULL;
    }
    return !t->failed;
}
