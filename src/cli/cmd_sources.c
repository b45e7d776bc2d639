/* `data sources [ID...]`: the dataset's sources, the other end of the
 * "source_ids" that every JSON row carries (SPEC section 5): a script goes
 * from a row to its citations with `data sources ID...`, or joins on the
 * ids with `data sources --format jsonl`. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "fields.h"
#include "suggest.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

static const char *const SOURCE_COLUMNS[] = {"id",   "reliability", "publisher", "title",
                                             "date", "url",         "citation",  NULL};

static const wc_source *source_named(const wc_dataset *ds, const char *id)
{
    for (size_t i = 0; i < ds->n_sources; i++)
        if (strcmp(ds->sources[i].id, id) == 0)
            return &ds->sources[i];
    return NULL;
}

/* "unknown source 'X'; did you mean 'A' or 'B'?", from the nearest ids. */
static void report_unknown_source(const wc_dataset *ds, const char *id)
{
    const char **ids = malloc((ds->n_sources + 1) * sizeof *ids);
    if (ids == NULL) {
        diag_out_of_memory();
        return;
    }
    for (size_t i = 0; i < ds->n_sources; i++)
        ids[i] = ds->sources[i].id;
    const char *near[4];
    size_t n = suggest(id, ids, ds->n_sources, near, sizeof near / sizeof near[0]);
    char echo[CLI_ECHO_BUFSIZE], list[4 * (CLI_ECHO_BUFSIZE + 8)] = "";
    size_t at = 0;
    for (size_t i = 0; i < n && at < sizeof list; i++)
        at += (size_t)snprintf(list + at, sizeof list - at, "%s'%s'",
                               i == 0 ? "" : i + 1 == n ? " or " : ", ", cli_echo(near[i], echo));
    cli_echo(id, echo);
    if (n > 0)
        diag(DIAG_INPUT, NULL, 0, 0, "unknown source '%s'; did you mean %s?", echo, list);
    else
        diag(DIAG_INPUT, NULL, 0, 0,
             "unknown source '%s' (try 'warrantcheck data sources' for the list)", echo);
    free(ids);
}

/* One source as a row: its fields, and the citation rows print. */
static cJSON *source_row(const wc_source *s)
{
    char *cite = wcr_citation(s);
    cJSON *o = cite != NULL ? cJSON_CreateObject() : NULL;
    bool ok = o != NULL && wcr_json_add_string(o, "id", s->id) &&
              wcr_json_add_string(o, "reliability", wc_reliability_word(s->reliability)) &&
              wcr_json_add_string(o, "publisher", s->publisher) &&
              wcr_json_add_string(o, "title", s->title) && wcr_json_add_date(o, "date", s->date) &&
              wcr_json_add_string(o, "url", s->url) && wcr_json_add_string(o, "citation", cite);
    free(cite);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Text: "ID  RELIABILITY  CITATION", the ids padded to the longest. */
static bool source_text(const cli *c, const wc_source *s, size_t id_width)
{
    char *cite = wcr_citation(s);
    if (cite == NULL)
        return false;
    fprintf(c->out, "%-*s  %-9s  %s\n", (int)id_width, s->id,
            wc_reliability_word(s->reliability), cite);
    free(cite);
    return true;
}

/* argv: the ids (none: every source, in the dataset's order). */
int data_sources(cli *c, int argc, char **argv)
{
    const wc_dataset *ds = c->ds;
    /* Every id is checked before anything is printed: on an error stdout
     * stays empty. */
    bool unknown = false;
    for (int i = 0; i < argc; i++)
        if (source_named(ds, argv[i]) == NULL) {
            report_unknown_source(ds, argv[i]);
            unknown = true;
        }
    if (unknown)
        return EXIT_INPUT;
    if (c->quiet)
        return EXIT_YES;
    size_t n = argc > 0 ? (size_t)argc : ds->n_sources;
    bool text = c->format == FORMAT_TEXT;
    size_t id_width = 0;
    for (size_t i = 0; text && i < n; i++) {
        const wc_source *s = argc > 0 ? source_named(ds, argv[i]) : &ds->sources[i];
        size_t len = strlen(s->id);
        id_width = len > id_width ? len : id_width;
    }
    wcr_table t;
    if (!text)
        cli_table_begin(&t, c, SOURCE_COLUMNS);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const wc_source *s = argc > 0 ? source_named(ds, argv[i]) : &ds->sources[i];
        if (text)
            ok = source_text(c, s, id_width);
        else
            wcr_table_row(&t, source_row(s));
    }
    if (!text)
        ok = wcr_table_end(&t) && ok;
    return ok ? EXIT_YES : diag_out_of_memory();
}
