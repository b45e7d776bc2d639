#include "table.h"

#include "json_out.h"

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
static void put_cell(FILE *out, output_format format, char *s)
{
    if (format == FORMAT_TSV) {
        for (char *p = s; *p != '\0'; p++)
            if (*p == '\t' || *p == '\n' || *p == '\r')
                *p = ' ';
        fputs(s, out);
    } else if (strpbrk(s, ",\"\r\n") != NULL || (s[0] == ' ' || (s[0] != '\0' && s[strlen(s) - 1] == ' '))) {
        csv_fwrite(out, s, strlen(s));
    } else {
        fputs(s, out);
    }
}

static void put_line(table *t, const cJSON *row)
{
    char sep = t->c->format == FORMAT_TSV ? '\t' : ',';
    for (size_t i = 0; t->columns[i] != NULL; i++) {
        if (i > 0)
            fputc(sep, t->c->out);
        char *s = row ? cell_text(column_value(row, t->columns[i])) : strdup(t->columns[i]);
        if (s == NULL) {
            t->failed = true;
            continue;
        }
        put_cell(t->c->out, t->c->format, s);
        free(s);
    }
    /* LF, not RFC 4180's CRLF: a Unix pipe into cut or `while read` would
     * otherwise see a stray CR in the last field. */
    fputc('\n', t->c->out);
}

void table_begin(table *t, const cli *c, const char *const *columns)
{
    t->c = c;
    t->columns = columns;
    t->rows = 0;
    t->failed = false;
    t->array = NULL;
    if (c->quiet)
        return;
    if (c->format == FORMAT_JSON) {
        t->array = cJSON_CreateArray();
        t->failed = t->array == NULL;
    } else if ((c->format == FORMAT_CSV || c->format == FORMAT_TSV) && c->header) {
        put_line(t, NULL);
    }
}

void table_row(table *t, cJSON *row)
{
    t->rows++;
    if (row == NULL) {
        t->failed = true;
        return;
    }
    if (t->c->quiet) {
        cJSON_Delete(row);
        return;
    }
    switch (t->c->format) {
    case FORMAT_JSON:
        if (t->array != NULL && cJSON_AddItemToArray(t->array, row))
            return;
        t->failed = true;
        break;
    case FORMAT_JSONL:
        t->failed |= !json_print(t->c->out, row, false);
        break;
    case FORMAT_CSV:
    case FORMAT_TSV:
        put_line(t, row);
        break;
    case FORMAT_TEXT:
    case FORMAT_SVG: /* not a table: where and map draw it themselves */
        break;
    }
    cJSON_Delete(row);
}

bool table_end(table *t)
{
    if (t->array != NULL) {
        t->failed |= !json_print(t->c->out, t->array, true);
        cJSON_Delete(t->array);
        t->array = NULL;
    }
    return !t->failed;
}
