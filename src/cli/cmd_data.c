/* `data info` and `data validate [FILE]`: what the dataset holds, and
 * whether a data file would load. */
#include "cli.h"
#include "data_ops.h"
#include "diag.h"
#include "echo.h"
#include "fields.h"
#include "table.h"

#include <string.h>

/* JSON formats print the object; CSV and TSV one row under a header of its
 * keys. */
static bool print_info(const cli *c, cJSON *o)
{
    if (c->format == FORMAT_JSON || c->format == FORMAT_JSONL)
        return cli_json_document(c, o);
    static const char *const columns[] = {
        "dataset",  "schema_version", "as_of",   "date",  "countries",         "rome_statute",
        "states_parties", "warrants", "warrants_in_force", "persons", "trips", "findings",
        "declarations_12_3", "unsc_referrals", "sources", NULL};
    wcr_table t;
    cli_table_begin(&t, c, columns);
    wcr_table_row(&t, cJSON_Duplicate(o, true));
    return wcr_table_end(&t);
}

static int data_info(const cli *c, const char *name)
{
    const wc_dataset *ds = c->ds;
    size_t parties = wc_states_parties_count(ds, c->date);
    size_t in_force = wc_warrants_in_force_count(ds, c->date);
    if (c->quiet)
        return EXIT_YES;
    if (c->format == FORMAT_TEXT) {
        char shown[CLI_PATH_ECHO_BUFSIZE];
        wcr_opts o = cli_render_opts(c);
        if (!wcr_data_info_text(&c->writer, &o, ds,
                                cli_escape(name, CLI_PATH_ECHO_CHARS, shown, sizeof shown),
                                c->date))
            return diag_out_of_memory();
        return EXIT_YES;
    }
    cJSON *o = cJSON_CreateObject();
    /* In JSON, "dataset" is the identity every document carries (SPEC
     * section 5): the file's name is "file" there. */
    bool json = c->format == FORMAT_JSON || c->format == FORMAT_JSONL;
    bool ok = o != NULL && wcr_json_add_string(o, json ? "file" : "dataset", name) &&
              cJSON_AddNumberToObject(o, "schema_version", ds->schema_version) &&
              wcr_json_add_date(o, "as_of", ds->as_of) && wcr_json_add_date(o, "date", c->date) &&
              cJSON_AddNumberToObject(o, "countries", (double)ds->n_countries) &&
              cJSON_AddNumberToObject(o, "rome_statute", (double)ds->n_statutes) &&
              cJSON_AddNumberToObject(o, "states_parties", (double)parties) &&
              cJSON_AddNumberToObject(o, "warrants", (double)ds->n_warrants) &&
              cJSON_AddNumberToObject(o, "warrants_in_force", (double)in_force) &&
              cJSON_AddNumberToObject(o, "persons", (double)ds->n_persons) &&
              cJSON_AddNumberToObject(o, "trips", (double)ds->n_trips) &&
              cJSON_AddNumberToObject(o, "findings", (double)ds->n_findings) &&
              cJSON_AddNumberToObject(o, "declarations_12_3", (double)ds->n_declarations) &&
              cJSON_AddNumberToObject(o, "unsc_referrals", (double)ds->n_referrals) &&
              cJSON_AddNumberToObject(o, "sources", (double)ds->n_sources) &&
              print_info(c, o);
    cJSON_Delete(o);
    return ok ? EXIT_YES : diag_out_of_memory();
}

/* Its words were checked before the data (options.c): `info`, or
 * `validate` with at most one FILE, which needs no dataset in use. */
int cmd_data(cli *c, int argc, char **argv)
{
    int status; /* status, install, update, diff: data_ops.c */
    if (data_ops_run(c, argc, argv, &status))
        return status;
    if (strcmp(argv[0], "info") == 0)
        return data_info(c, c->data_name);
    if (strcmp(argv[0], "sources") == 0)
        return data_sources(c, argc - 1, argv + 1);
    char shown[CLI_PATH_ECHO_BUFSIZE];
    if (argc == 1) {
        /* The dataset was validated as it loaded. */
        if (!c->quiet)
            fprintf(c->out, "%s: valid\n",
                    cli_escape(c->data_name, CLI_PATH_ECHO_CHARS, shown, sizeof shown));
        return EXIT_YES;
    }
    wc_dataset *owned;
    const wc_dataset *ds = cli_load_dataset(argv[1], &owned);
    if (ds == NULL)
        return EXIT_DATASET;
    if (!c->quiet)
        fprintf(c->out, "%s: valid (%zu countries, %zu warrants, %zu sources)\n",
                cli_escape(argv[1], CLI_PATH_ECHO_CHARS, shown, sizeof shown),
                ds->n_countries, ds->n_warrants, ds->n_sources);
    wc_dataset_free(owned);
    return EXIT_YES;
}
