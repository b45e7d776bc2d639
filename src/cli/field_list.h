/* `--fields LIST` of `itinerary`, `where` and `trips`: which fields the
 * machine rows keep (wcr_opts.fields), checked before any data is loaded
 * so that a typo is a usage error. The names are the format's own: the
 * CSV/TSV column names for csv and tsv, the top-level JSON keys for json
 * and jsonl, both from the render layer's lists. */
#ifndef WC_CLI_FIELD_LIST_H
#define WC_CLI_FIELD_LIST_H

#include "cli.h"

/* The field names of `command`'s rows in `format` (NULL-terminated), or
 * NULL for a format without fields (text, svg) or a command without
 * --fields. */
const char *const *field_names(const char *cmd_name, output_format format);

/* Parses c->fields_text (a comma-separated list; spaces around a name and
 * its case do not matter; a name given twice counts once) against the
 * fields of `command` in c->format, into c->fields: the chosen names, in
 * the rows' order, NULL-terminated. Does nothing without --fields. On a
 * format without fields, an empty list, an unknown name (with the nearest
 * and every valid one) or `sources` without --sources, says so and
 * returns false (exit status EXIT_USAGE). */
bool field_list_parse(cli *c, const char *cmd_name);

/* True if rows keep the field `name`: always without --fields (after
 * field_list_parse). */
bool field_list_has(const cli *c, const char *name);

#endif
