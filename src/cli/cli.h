/* The command-line front end: what every command shares. It parses,
 * resolves names, formats and maps answers to exit statuses; every legal
 * rule lives in the core. */
#ifndef WC_CLI_H
#define WC_CLI_H

#include <warrantcheck/render.h>
#include <warrantcheck/warrantcheck.h>

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses, SPEC section 3. */
enum {
    EXIT_YES = 0,
    EXIT_NO = 1,
    EXIT_USAGE = 2,
    EXIT_INPUT = 3,
    EXIT_DATASET = 4,
    EXIT_OUTPUT = 5,
    EXIT_MEMORY = 6
};

/* The render layer's formats, under the names the commands use. */
typedef enum output_format {
    FORMAT_TEXT = WCR_TEXT,
    FORMAT_JSON = WCR_JSON,
    FORMAT_JSONL = WCR_JSONL,
    FORMAT_CSV = WCR_CSV,
    FORMAT_TSV = WCR_TSV,
    FORMAT_SVG = WCR_SVG /* where and map only */
} output_format;

typedef enum country_filter { FILTER_ALL, FILTER_PARTIES, FILTER_NON_PARTIES } country_filter;

/* Everything a command needs: the dataset, the date and how to print. */
typedef struct cli {
    const wc_dataset *ds;
    const char *data_name; /* the data file's name, for messages */
    wc_date date;
    output_format format;
    bool quiet;
    bool color;
    bool header;
    bool all;
    bool sources; /* can --sources: every source in full */
    const char *person; /* itinerary --person PERSON; NULL if not given */
    /* where and itinerary --verdict LIST (verdict_filter.h): the rows kept;
     * verdict_text NULL: not given. */
    const char *verdict_text;
    unsigned verdicts;
    /* itinerary, where and trips --fields LIST (field_list.h): the names
     * of the fields rows keep, NULL-terminated; fields_text NULL: every
     * field. */
    const char *fields_text;
    const char *fields[24];
    /* countries --status LIST: the membership words kept; 0: not given. */
    const char *status_text;
    unsigned statuses;
    bool no_pager; /* --no-pager, -P: never page text (pager.h) */
    country_filter filter;
    FILE *out;
    wcr_writer writer; /* writes to out */
    const char *out_path; /* map --out FILE; NULL: write to out */
    /* itinerary --max-errors N: stop after N errors; 0: never. */
    const char *max_errors_text;
    unsigned long max_errors;
    /* Issue 13 (dataset_id.h, data_ops.h): the identity of the dataset in
     * use, and the options of data status/install/update/diff and events
     * (options.c binds them; their checks set the parsed values). */
    const struct data_identity *identity;
    const char *since_text, *until_text, *country_text, *max_age_text, *from_url, *key_path;
    bool force, remove;
    bool undated;         /* answers about the data, not for a date: no as-of warning */
    bool want_sha256;     /* data status: hash the data file in use as it loads */
    long max_age;         /* data status --max-age DAYS */
    wc_date since, until; /* events --since, --until */
    /* What main checks before a command runs (options.c binds them). */
    const char *on_text, *format_text, *color_text, *data_path;
    bool help, version;
} cli;

/* Prints "warrantcheck: error: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Prints "warrantcheck: warning: MESSAGE" to stderr. */
void cli_warning(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Joins the words of a command's arguments into one malloc'd name, so that
 * `country United States` means what its user meant. NULL if none, or if
 * memory ran out (which it says). */
char *cli_join_words(int argc, char **argv);

/* Resolves a country or person name; on failure prints the error with the
 * candidates and returns NULL (exit status EXIT_INPUT). */
const wc_country *cli_country(const cli *c, const char *name);
const wc_person *cli_person(const cli *c, const char *name);

/* The same, for a name read from a file: the error starts with
 * `location` ("FILE:LINE:COL"). */
const wc_country *cli_country_at(const cli *c, const char *name, const char *location);
const wc_person *cli_person_at(const cli *c, const char *name, const char *location);

/* The same, for a name that failed once and will be met again: nothing is
 * printed; an unknown or ambiguous name leaves its error message (without
 * a location) in *message, malloc'd for the caller, so that the search for
 * the nearest names is done once. *message stays NULL when the name was
 * found, or when memory ran out (which has been reported). */
const wc_country *cli_country_quiet(const cli *c, const char *name, char **message);
const wc_person *cli_person_quiet(const cli *c, const char *name, char **message);

/* Resolves the PERSON words of `command`; on failure prints why and sets
 * *status (EXIT_USAGE for none given, EXIT_INPUT for an unknown name). */
const wc_person *cli_person_argument(const cli *c, int argc, char **argv, const char *command,
                                     int *status);

/* How the render layer is to write for this command line: the format,
 * --no-header and colour. */
wcr_opts cli_render_opts(const cli *c);

struct cJSON;

/* Writes one JSON document (json: pretty; jsonl: one line) with its
 * "dataset" member, through the render layer. False if memory ran out. */
bool cli_json_document(const cli *c, struct cJSON *obj);

/* Starts a render-layer table for this command line: to c->writer, or
 * counting rows only with --quiet. */
void cli_table_begin(wcr_table *t, const cli *c, const char *const *columns);

/* The colour that starts and ends a verdict word, "" when colour is off. */
const char *cli_color_on(const cli *c, wc_verdict_kind kind);
const char *cli_color_off(const cli *c);

/* How the built-in dataset is named in messages. */
#define CLI_BUILTIN_DATA_NAME "warrantcheck.json (built in)"

/* Loads the dataset at `path`, or the built-in one for NULL. Sets *owned
 * to what the caller frees with wc_dataset_free() (NULL for the built-in
 * one). On failure prints "warrantcheck: FILE:LINE:COL: error: ..." and
 * returns NULL (exit status EXIT_DATASET). */
const wc_dataset *cli_load_dataset(const char *path, wc_dataset **owned);

/* Reads a whole data file (malloc'd, NUL-terminated; *len its size), or
 * says why not and returns NULL (EXIT_DATASET; EXIT_MEMORY when memory ran
 * out, said by diag_out_of_memory()). */
char *cli_read_data_file(const char *path, size_t *len);

/* Loads a dataset from the text of the file `path`; says the fault as
 * "PATH:LINE:COL: error: ..." (or that memory ran out) and returns NULL
 * when it does not load. */
wc_dataset *cli_load_data_text(const char *path, const char *text, size_t len);

/* True when `out` is a pipe or socket whose reader has gone (`| head`):
 * then a failed write is no error, and the answer still counts. Asked of
 * the descriptor, since errno may have changed since the write failed. */
bool cli_reader_gone(FILE *out);

/* Steps through a comma-separated LIST (--verdict, --status, --fields):
 * sets *word and *len to its next item without the blanks around it (len
 * 0 for an empty item) and moves *at past it, to NULL after the last one.
 * Returns false when no item is left. */
bool cli_list_next(const char **at, const char **word, size_t *len);

/* The commands; args are the words after the command's name. */
int cmd_country(cli *c, int argc, char **argv);
int cmd_countries(cli *c, int argc, char **argv);
int cmd_can(cli *c, int argc, char **argv);
int cmd_where(cli *c, int argc, char **argv);
int cmd_person(cli *c, int argc, char **argv);
int cmd_persons(cli *c, int argc, char **argv);
int cmd_trips(cli *c, int argc, char **argv);
int cmd_data(cli *c, int argc, char **argv);
int cmd_itinerary(cli *c, int argc, char **argv);
int cmd_map(cli *c, int argc, char **argv);
int cmd_events(cli *c, int argc, char **argv);
/* `data sources [ID...]` (cmd_sources.c); argv: the ids. */
int data_sources(cli *c, int argc, char **argv);

/* countries --status LIST: parses the membership words of `countries`'
 * text (party, non-party, covered, excluded, unknown), comma-separated,
 * into a set of bits (cmd_country.c); says what is wrong and returns false
 * on an unknown word (exit status EXIT_USAGE). */
bool countries_status_parse(const char *list, unsigned *set);

/* Draws the SVG map of where `p` can be arrested on the date (cmd_map.c),
 * to c->out_path if set, else to c->out unless quiet. Returns EXIT_YES, or
 * the exit status of the failure it has reported. */
int cli_draw_map(cli *c, const wc_person *p);

#endif
