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

/* The fewest columns a citation wraps in beside its id; with less room on
 * the terminal, it goes on the lines below. */
#define CITATION_MIN_ROOM 40
#define CITATION_HANG "    "

/* Text: "ID  RELIABILITY  CITATION", the ids padded to the longest. On a
 * terminal the citation wraps under itself, or below the id and the
 * reliability when the terminal leaves it too little room beside them. */
static bool source_text(const cli *c, const wcr_opts *o, const wc_source *s, size_t id_width)
{
    char *cite = wcr_citation(s);
    if (cite == NULL)
        return false;
    const char *reliability = wc_reliability_word(s->reliability);
    size_t size = id_width + strlen(s->id) + strlen(reliability) + 16;
    char *lead = malloc(size);
    if (lead == NULL) {
        free(cite);
        return false;
    }
    snprintf(lead, size, "%-*s  %-9s  ", (int)id_width, s->id, reliability);
    bool ok;
    if (o->width == 0 || wcr_display_width(lead) + CITATION_MIN_ROOM <= o->width) {
        ok = wcr_wrap_row(&c->writer, o, lead, cite);
    } else {
        size_t keep = strlen(lead);
        while (keep > 0 && lead[keep - 1] == ' ')
            keep--;
        lead[keep] = '\0';
        /* The id and reliability keep their columns when they fit. */
        ok = (wcr_display_width(lead) <= o->width
                  ? wcr_puts(&c->writer, lead) && wcr_putc(&c->writer, '\n')
                  : wcr_wrap_text(&c->writer, o, "", (unsigned)strlen(CITATION_HANG), lead,
                                  NULL)) &&
             wcr_wrap_text(&c->writer, o, CITATION_HANG, (unsigned)strlen(CITATION_HANG), cite,
                           NULL);
    }
    free(lead);
    free(cite);
    return ok;
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
    wcr_opts o = cli_render_opts(c);
    wcr_table t;
    if (!text)
        cli_table_begin(&t, c, SOURCE_COLUMNS);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const wc_source *s = argc > 0 ? source_named(ds, argv[i]) : &ds->sources[i];
        if (text)
            ok = source_text(c, &o, s, id_width);
        else
            wcr_table_row(&t, source_row(s));
    }
    if (!text)
        ok = wcr_table_end(&t) && ok;
    return ok ? EXIT_YES : diag_out_of_memory();
}
