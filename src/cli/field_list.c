/* `--fields LIST` (field_list.h). */
#include "field_list.h"

#include "echo.h"
#include "itinerary_rows.h"
#include "options.h"
#include "suggest.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

_Static_assert(sizeof ((cli *)0)->fields / sizeof ((cli *)0)->fields[0] > 17,
               "room for every field of a row and the NULL");

const char *const *field_names(const char *cmd_name, output_format format)
{
    bool cells = format == FORMAT_CSV || format == FORMAT_TSV;
    if (!cells && format != FORMAT_JSON && format != FORMAT_JSONL)
        return NULL;
    if (strcmp(cmd_name, "itinerary") == 0)
        return cells ? wcr_itinerary_columns : wcr_itinerary_keys;
    if (strcmp(cmd_name, "where") == 0)
        return cells ? wcr_verdict_columns : wcr_verdict_keys;
    if (strcmp(cmd_name, "trips") == 0)
        return cells ? wcr_trip_columns : wcr_trip_keys;
    return NULL;
}

static size_t count(const char *const *names)
{
    size_t n = 0;
    while (names[n] != NULL)
        n++;
    return n;
}

/* "line, date, start, ..." into buf. */
static const char *joined(const char *const *names, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (size_t i = 0; names[i] != NULL && at < size; i++)
        at += (size_t)snprintf(buf + at, size - at, "%s%s", i == 0 ? "" : ", ", names[i]);
    return buf;
}

/* The other family of names: a csv column for json, a json key for csv. */
static bool in_other_format(const char *cmd_name, output_format format, const char *typed)
{
    bool cells = format == FORMAT_CSV || format == FORMAT_TSV;
    const char *const *other = field_names(cmd_name, cells ? FORMAT_JSON : FORMAT_CSV);
    for (size_t i = 0; other != NULL && other[i] != NULL; i++)
        if (strcasecmp(other[i], typed) == 0)
            return true;
    return false;
}

static void report_unknown_field(const cli *c, const char *cmd_name, const char *const *names,
                                 const char *typed)
{
    const char *format = FORMAT_NAMES[c->format];
    bool cells = c->format == FORMAT_CSV || c->format == FORMAT_TSV;
    const char *near[3];
    size_t n = suggest(typed, names, count(names), near, 3);
    char echo[CLI_ECHO_BUFSIZE], all[512], nearest[160] = "";
    joined(names, all, sizeof all);
    for (size_t i = 0, at = 0; i < n && at < sizeof nearest; i++)
        at += (size_t)snprintf(nearest + at, sizeof nearest - at, "%s'%s'",
                               i == 0 ? "" : i + 1 == n ? " or " : ", ", near[i]);
    cli_echo(typed, echo);
    const char *dot = strchr(typed, '.');
    size_t top = dot != NULL ? (size_t)(dot - typed) : 0;
    for (size_t i = 0; dot != NULL && names[i] != NULL; i++) {
        /* country.iso2: in CSV/TSV the column iso2; in JSON, no field. */
        if (cells && strcasecmp(names[i], dot + 1) == 0) {
            cli_error("unknown field '%s' for --format %s; did you mean '%s'? (the fields of "
                      "'%s --format %s': %s)",
                      echo, format, names[i], cmd_name, format, all);
            return;
        }
        if (!cells && strlen(names[i]) == top && strncasecmp(names[i], typed, top) == 0) {
            cli_error("unknown field '%s' for --format %s: --fields names top-level keys "
                      "('%s' is the whole object)",
                      echo, format, names[i]);
            return;
        }
    }
    if (n > 0)
        cli_error("unknown field '%s' for --format %s; did you mean %s? (the fields of '%s "
                  "--format %s': %s)",
                  echo, format, nearest, cmd_name, format, all);
    else if (in_other_format(cmd_name, c->format, typed))
        cli_error("unknown field '%s' for --format %s: it is %s, not %s (the fields of '%s "
                  "--format %s': %s)",
                  echo, format, cells ? "a JSON key" : "a CSV/TSV column",
                  cells ? "a CSV/TSV column" : "a JSON key", cmd_name, format, all);
    else
        cli_error("unknown field '%s' for --format %s (the fields of '%s --format %s': %s)",
                  echo, format, cmd_name, format, all);
}

bool field_list_parse(cli *c, const char *cmd_name)
{
    if (c->fields_text == NULL)
        return true;
    const char *const *names = field_names(cmd_name, c->format);
    if (names == NULL) {
        cli_error("--fields applies to --format csv, tsv, json and jsonl, not %s",
                  FORMAT_NAMES[c->format]);
        return false;
    }
    size_t n_names = count(names);
    bool chosen[32] = {false};
    const char *word;
    size_t n;
    for (const char *at = c->fields_text; cli_list_next(&at, &word, &n);) {
        if (n > 0) {
            size_t k = 0;
            while (k < n_names && !(strlen(names[k]) == n && strncasecmp(names[k], word, n) == 0))
                k++;
            if (k < n_names && strcmp(names[k], "sources") == 0 && !c->sources) {
                cli_error("--fields: 'sources' needs --sources (without it, rows carry only "
                          "'source_ids')");
                return false;
            }
            if (k == n_names || k >= sizeof chosen) {
                char typed[CLI_ECHO_CHARS + 1];
                snprintf(typed, sizeof typed, "%.*s",
                         (int)(n < CLI_ECHO_CHARS ? n : CLI_ECHO_CHARS), word);
                report_unknown_field(c, cmd_name, names, typed);
                return false;
            }
            chosen[k] = true;
        }
    }
    size_t kept = 0;
    for (size_t k = 0; k < n_names && k < sizeof chosen; k++)
        if (chosen[k])
            c->fields[kept++] = names[k];
    c->fields[kept] = NULL;
    if (kept == 0) {
        char all[512];
        cli_error("--fields needs one or more field names, separated by commas (the fields of "
                  "'%s --format %s': %s)",
                  cmd_name, FORMAT_NAMES[c->format], joined(names, all, sizeof all));
        return false;
    }
    return true;
}

bool field_list_has(const cli *c, const char *name)
{
    if (c->fields_text == NULL)
        return true;
    for (size_t i = 0; c->fields[i] != NULL; i++)
        if (strcmp(c->fields[i], name) == 0)
            return true;
    return false;
}
