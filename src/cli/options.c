/* The tables of commands and options (see options.h), the parser they
 * drive, the help they print and the "did you mean" for a typo. */
#include "options.h"

#include "data_ops.h"
#include "diag.h"
#include "echo.h"
#include "field_list.h"
#include "suggest.h"
#include "verdict_filter.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

_Static_assert(sizeof(country_filter) == sizeof(int), "OPTION_SET writes an int");

const char *const FORMAT_NAMES[] = {"text", "json", "jsonl", "csv", "tsv", "svg"};
const size_t N_FORMATS = sizeof FORMAT_NAMES / sizeof FORMAT_NAMES[0];

/* ---------------------------------------------------------------- options */

#define OPT_ON                                                                               \
    OPT_STRING(0, "on", on_text, "DATE", ARG_ANY, NULL,                                      \
               "answer for DATE (YYYY-MM-DD); default: today, UTC")
#define OPT_FORMAT(help) OPT_STRING(0, "format", format_text, "FORMAT", ARG_FORMAT, NULL, help)
#define TABLE_FORMATS "text (default), json, jsonl, csv or tsv"
#define OPT_NO_HEADER OPT_CLEAR(0, "no-header", header, "leave out the CSV/TSV header row")
#define OPT_QUIET OPT_FLAG('q', "quiet", quiet, "print nothing; answer with the exit status only")
#define OPT_DATA                                                                             \
    OPT_STRING(0, "data", data_path, "FILE", ARG_FILE, NULL,                                 \
               "load the dataset from FILE (or WARRANTCHECK_DATA)")
#define OPT_COLOR                                                                            \
    OPT_STRING(0, "color", color_text, "WHEN", ARG_WORDS, "auto always never",               \
               "colour text output: auto (default), always, never")
#define OPT_HELP                                                                             \
    OPT_FLAG('h', "help", help, "show help; 'warrantcheck COMMAND --help' for a command")
#define OPT_VERSION                                                                          \
    OPT_FLAG(0, "version", version, "show the version and the dataset in use (as of, origin)")
#define OPT_NO_PAGER                                                                         \
    OPT_FLAG('P', "no-pager", no_pager, "write long text directly, not through the pager (PAGER)")
/* What every command that prints an answer takes, after its own options. */
#define COMMON_OPTIONS OPT_QUIET, OPT_DATA, OPT_COLOR, OPT_NO_PAGER, OPT_HELP, OPT_VERSION

const option_spec GLOBAL_OPTIONS[] = {
    OPT_ON,
    OPT_FORMAT("text (default), json, jsonl, csv or tsv; svg for where and map"),
    OPT_NO_HEADER,
    COMMON_OPTIONS,
    OPT_END};

static const option_spec ANSWER_OPTIONS[] = {
    OPT_ON, OPT_FORMAT(TABLE_FORMATS), OPT_NO_HEADER, COMMON_OPTIONS, OPT_END};

/* where, trips, itinerary: JSON rows carry "source_ids"; --sources puts
 * the full citations back in each row as well. */
#define OPT_ROW_SOURCES                                                                      \
    OPT_FLAG('v', "sources", sources, "json/jsonl: every row's citations too, not only source_ids")

static const option_spec CAN_OPTIONS[] = {
    OPT_ON,
    OPT_FORMAT(TABLE_FORMATS),
    OPT_NO_HEADER,
    OPT_FLAG('v', "sources", sources, "list every source in full, with its address"),
    COMMON_OPTIONS,
    OPT_END};

/* where, trips, itinerary: the fields a machine row keeps (field_list.h). */
#define OPT_FIELDS                                                                           \
    OPT_STRING(0, "fields", fields_text, "LIST", ARG_FIELD_LIST, NULL,                       \
               "csv/tsv/json/jsonl: only these fields (comma-separated column names or "     \
               "JSON keys; in the rows' order)")

#define VERDICT_WORDS "obliged obliged-residual obliged-unsc not-obliged no-warrant in-custody"

static const option_spec WHERE_OPTIONS[] = {
    OPT_ON,
    OPT_FORMAT("text (default), json, jsonl, csv, tsv, or svg for a map"),
    OPT_NO_HEADER,
    OPT_FLAG(0, "all", all, "list every country, with its verdict"),
    OPT_STRING(0, "verdict", verdict_text, "LIST", ARG_WORD_LIST, VERDICT_WORDS,
               "only the countries with these verdicts (comma-separated; with --all, "
               "territories too)"),
    OPT_ROW_SOURCES,
    OPT_FIELDS,
    COMMON_OPTIONS,
    OPT_END};

static const option_spec TRIPS_OPTIONS[] = {
    OPT_ON,     OPT_FORMAT(TABLE_FORMATS), OPT_NO_HEADER, OPT_ROW_SOURCES,
    OPT_FIELDS, COMMON_OPTIONS,            OPT_END};

static const option_spec COUNTRIES_OPTIONS[] = {
    OPT_ON,
    OPT_FORMAT(TABLE_FORMATS),
    OPT_NO_HEADER,
    OPT_SET(0, "parties", filter, FILTER_PARTIES, "only States Parties on the date"),
    OPT_SET(0, "non-parties", filter, FILTER_NON_PARTIES, "only states that are not"),
    OPT_FLAG(0, "all", all, "list the territories too (never States Parties themselves)"),
    OPT_STRING(0, "status", status_text, "LIST", ARG_WORD_LIST,
               "party non-party covered excluded unknown",
               "only these standings, comma-separated (covered, excluded, unknown: territories)"),
    OPT_STRING(0, "verdict", verdict_text, "LIST", ARG_WORD_LIST, VERDICT_WORDS,
               "only the countries where a warrant in force has one of these verdicts "
               "(comma-separated)"),
    COMMON_OPTIONS,
    OPT_END};

static const option_spec MAP_OPTIONS[] = {
    OPT_ON,
    OPT_FORMAT("svg, the default"),
    OPT_STRING(0, "out", out_path, "FILE", ARG_FILE, NULL,
               "write the map to FILE, replacing it whole"),
    COMMON_OPTIONS,
    OPT_END};

static const option_spec ITINERARY_OPTIONS[] = {
    OPT_FORMAT(TABLE_FORMATS),
    OPT_NO_HEADER,
    OPT_FLAG(0, "all", all, "check every wanted person"),
    OPT_STRING(0, "person", person, "PERSON", ARG_PERSON, NULL,
               "the person whose legs to check (else a 'person' column)"),
    OPT_STRING(0, "max-errors", max_errors_text, "N", ARG_ANY, NULL,
               "stop after N bad lines (default 100; 0: never)"),
    OPT_STRING(0, "verdict", verdict_text, "LIST", ARG_WORD_LIST, VERDICT_WORDS,
               "only the rows with these verdicts (comma-separated; the exit status "
               "still answers for every row)"),
    OPT_ROW_SOURCES,
    OPT_FIELDS,
    COMMON_OPTIONS,
    OPT_END};

/* `data`: its subcommands' options; each refuses those not its own
 * (data_ops_check). */
static const option_spec DATA_OPTIONS[] = {
    OPT_ON,
    OPT_FORMAT(TABLE_FORMATS),
    OPT_NO_HEADER,
    OPT_STRING(0, "max-age", max_age_text, "DAYS", ARG_ANY, NULL,
               "data status: exit 1 if older (default 180)"),
    OPT_FLAG(0, "force", force, "data install/update: even an older dataset"),
    OPT_FLAG(0, "remove", remove, "data install: back to the built-in dataset"),
    OPT_STRING(0, "from", from_url, "URL", ARG_ANY, NULL, "data update: download from URL"),
    OPT_STRING(0, "key", key_path, "FILE", ARG_FILE, NULL,
               "data update: verify with this minisign public key"),
    COMMON_OPTIONS,
    OPT_END};

static const option_spec EVENTS_OPTIONS[] = {
    OPT_ON,
    OPT_FORMAT(TABLE_FORMATS),
    OPT_NO_HEADER,
    OPT_STRING(0, "since", since_text, "DATE", ARG_ANY, NULL,
               "from DATE (default: 365 days before --until)"),
    OPT_STRING(0, "until", until_text, "DATE", ARG_ANY, NULL, "up to DATE (default: --on)"),
    OPT_STRING(0, "person", person, "PERSON", ARG_PERSON, NULL, "only PERSON's"),
    OPT_STRING(0, "country", country_text, "COUNTRY", ARG_COUNTRY, NULL, "only COUNTRY's"),
    COMMON_OPTIONS,
    OPT_END};

static const option_spec HELP_ONLY_OPTIONS[] = {OPT_HELP, OPT_END};
static const option_spec HELP_OPTIONS[] = {OPT_NO_PAGER, OPT_HELP, OPT_END};

/* ------------------------------------------------- words, before the data */

/* Each checks a command's words as its run would, but before any dataset
 * is loaded: a usage error must not wait for, or be masked by, the data. */

static int check_country(cli *c, int argc, char **argv)
{
    (void)c, (void)argv;
    if (argc < 1) {
        cli_error("'country' needs a COUNTRY (try 'warrantcheck country --help')");
        return CHECK_FAILED;
    }
    return CHECK_DATA;
}

static int check_can(cli *c, int argc, char **argv)
{
    (void)c, (void)argv;
    if (argc < 2) {
        cli_error("'can' needs a PERSON and a COUNTRY (try 'warrantcheck can --help')");
        return CHECK_FAILED;
    }
    return CHECK_DATA;
}

/* where, person, trips and map: PERSON, as words. */
static int check_person_words(const char *name, int argc)
{
    if (argc < 1) {
        cli_error("'%s' needs a PERSON (try 'warrantcheck %s --help')", name, name);
        return CHECK_FAILED;
    }
    return CHECK_DATA;
}

/* --verdict LIST, parsed before the data: a typo is a usage error. */
static bool check_verdicts(cli *c)
{
    return c->verdict_text == NULL ||
           verdict_filter_parse(c->verdict_text, "--verdict", &c->verdicts);
}

static int check_where(cli *c, int argc, char **argv)
{
    (void)argv;
    if (!check_verdicts(c) || !field_list_parse(c, "where"))
        return CHECK_FAILED;
    if (c->verdict_text != NULL && c->format == FORMAT_SVG) {
        cli_error("--verdict does not apply to --format svg: the map shows every verdict");
        return CHECK_FAILED;
    }
    return check_person_words("where", argc);
}

static int check_person(cli *c, int argc, char **argv)
{
    (void)c, (void)argv;
    return check_person_words("person", argc);
}

static int check_trips(cli *c, int argc, char **argv)
{
    (void)argv;
    if (!field_list_parse(c, "trips"))
        return CHECK_FAILED;
    return check_person_words("trips", argc);
}

static int check_map(cli *c, int argc, char **argv)
{
    (void)argv;
    if (c->out_path != NULL && c->out_path[0] == '\0') {
        cli_error("--out needs a file name (or leave it out to write to standard output)");
        return CHECK_FAILED;
    }
    return check_person_words("map", argc);
}

static int check_persons(cli *c, int argc, char **argv)
{
    (void)c, (void)argv;
    if (argc > 0) {
        cli_error("'persons' takes no arguments");
        return CHECK_FAILED;
    }
    return CHECK_DATA;
}

static int check_countries(cli *c, int argc, char **argv)
{
    (void)argv;
    if (c->status_text != NULL && !countries_status_parse(c->status_text, &c->statuses))
        return CHECK_FAILED;
    if (!check_verdicts(c))
        return CHECK_FAILED;
    if (argc > 0) {
        cli_error("'countries' takes no arguments (try --parties or --non-parties)");
        return CHECK_FAILED;
    }
    return CHECK_DATA;
}

/* `data validate FILE` reads FILE alone: the dataset in use plays no part,
 * so a fault in it must not answer for FILE. */
static int check_data(cli *c, int argc, char **argv)
{
    char echo[CLI_ECHO_BUFSIZE];
    if (argc < 1) {
        cli_error("'data' needs 'info', 'validate', 'sources', 'status', 'install', 'update' or "
                  "'diff' "
                  "(try 'warrantcheck data --help')");
        return CHECK_FAILED;
    }
    bool handled; /* status, install, update and diff: data_ops.c */
    int check = data_ops_check(c, argc, argv, &handled);
    if (handled || check == CHECK_FAILED)
        return check;
    if (strcmp(argv[0], "info") == 0) {
        if (argc > 1) {
            cli_error("'data info' takes no arguments");
            return CHECK_FAILED;
        }
        return CHECK_DATA;
    }
    if (strcmp(argv[0], "sources") == 0) {
        c->undated = true; /* about the data, not for a date */
        /* The ids are checked against the data, once it is loaded. */
        return ops_only(c, 0, "data sources") ? CHECK_DATA : CHECK_FAILED;
    }
    if (strcmp(argv[0], "validate") == 0) {
        if (argc > 2) {
            cli_error("'data validate' takes at most one FILE");
            return CHECK_FAILED;
        }
        return argc == 2 ? CHECK_NO_DATA : CHECK_DATA;
    }
    static const char *const subcommands[] = {"info",    "validate", "sources", "status",
                                              "install", "update",   "diff"};
    const char *near[2];
    size_t n = suggest(argv[0], subcommands, sizeof subcommands / sizeof subcommands[0], near, 2);
    cli_echo(argv[0], echo);
    if (n > 0)
        cli_error("unknown 'data' command '%s'; did you mean '%s'%s%s%s?", echo, near[0],
                  n > 1 ? " or '" : "", n > 1 ? near[1] : "", n > 1 ? "'" : "");
    else
        cli_error("unknown 'data' command '%s' (info, validate, sources, status, install, update "
                  "or diff)",
                  echo);
    return CHECK_FAILED;
}

/* The default of --max-errors, as compilers stop after so many. */
#define DEFAULT_MAX_ERRORS 100

static int check_itinerary(cli *c, int argc, char **argv)
{
    c->max_errors = DEFAULT_MAX_ERRORS;
    if (c->max_errors_text != NULL) {
        const char *t = c->max_errors_text;
        char *end;
        errno = 0;
        unsigned long n = strtoul(t, &end, 10);
        if (t[0] < '0' || t[0] > '9' || *end != '\0' || errno == ERANGE) {
            char echo[CLI_ECHO_BUFSIZE];
            cli_error("--max-errors: '%s' is not a number of errors (0 for no limit)",
                      cli_echo(t, echo));
            return CHECK_FAILED;
        }
        c->max_errors = n;
    }
    if (!check_verdicts(c) || !field_list_parse(c, "itinerary"))
        return CHECK_FAILED;
    if (argc != 1) {
        cli_error(argc < 1 ? "'itinerary' needs a FILE, or - for standard input (try "
                             "'warrantcheck itinerary --help')"
                           : "'itinerary' reads one FILE (try 'warrantcheck itinerary --help')");
        return CHECK_FAILED;
    }
    if (c->all && c->person != NULL) {
        cli_error("--all and --person exclude each other");
        return CHECK_FAILED;
    }
    if (strcmp(argv[0], "-") == 0 && isatty(STDIN_FILENO)) {
        cli_error("the itinerary would be read from standard input, which is a terminal: "
                  "give a FILE, or pipe or redirect one in");
        return CHECK_FAILED;
    }
    return CHECK_DATA;
}

/* --------------------------------------------------------------- commands */

#define ALL_FORMATS (FORMATS_TABLES | FORMAT_BIT(FORMAT_SVG))

const command COMMANDS[] = {
    {"country", cmd_country, check_country,
     {{ARG_COUNTRY, "COUNTRY"}}, FORMATS_TABLES, NULL, ANSWER_OPTIONS,
     COMMAND_QUERY, "membership of COUNTRY on the date, and its duty for each open warrant",
     "Is COUNTRY a State Party to the Rome Statute on the date? Prints the dates\n"
     "that make it so, its duty for each warrant in force, and notes (signed but\n"
     "not ratified, withdrawal pending or revoked, art. 12(3) declarations).\n"
     "Exit status 0 for a State Party, 1 if not.\n\n"
     "Examples:\n"
     "  warrantcheck country Mongolia\n"
     "  warrantcheck country \"United States\"\n"
     "  warrantcheck country Ukraine --on 2024-12-31\n"
     "  warrantcheck country PH --on 2019-03-17 --format json | jq .state_party\n"},
    {"can", cmd_can, check_can,
     {{ARG_PERSON, "PERSON"}, {ARG_COUNTRY, "COUNTRY"}}, FORMATS_TABLES, NULL,
     CAN_OPTIONS, COMMAND_QUERY,
     "can PERSON be arrested in COUNTRY? the verdict and its reasons",
     "The verdict for PERSON in COUNTRY on the date: obliged, obliged-residual,\n"
     "obliged-unsc, not-obliged, no-warrant or in-custody, with the legal basis,\n"
     "notes and sources. Exit status 0 for an obliged* verdict, 1 otherwise.\n\n"
     "Examples:\n"
     "  warrantcheck can putin mongolia --on 2024-09-03\n"
     "  warrantcheck can netanyahu hungary --on 2025-04-04\n"
     "  warrantcheck -q can putin \"south africa\" && echo \"would have to arrest\"\n"},
    {"where", cmd_where, check_where, {{ARG_PERSON, "PERSON"}}, ALL_FORMATS, NULL, WHERE_OPTIONS,
     COMMAND_QUERY | COMMAND_PAGES, "every country where PERSON can be arrested on the date",
     "Every country obliged to arrest PERSON on the date; --all lists every\n"
     "country with its verdict. --verdict LIST keeps the states (with --all, the\n"
     "territories too) whose verdict is in LIST, words separated by commas.\n"
     "Exit status 0 if there is at least one country obliged, whatever --verdict\n"
     "keeps. --fields LIST writes only those fields of each row (csv/tsv: column\n"
     "names; json/jsonl: top-level keys).\n\n"
     "Examples:\n"
     "  warrantcheck where putin\n"
     "  warrantcheck where netanyahu --verdict not-obliged\n"
     "  warrantcheck where putin --on 2025-01-01 --format csv | tail -n +2 | wc -l\n"
     "  warrantcheck where putin --all --format jsonl | jq -r .verdict | sort -u\n"
     "  warrantcheck where putin --all --format csv --fields iso2,verdict\n"},
    {"person", cmd_person, check_person,
     {{ARG_PERSON, "PERSON"}}, FORMATS_TABLES, NULL, ANSWER_OPTIONS,
     COMMAND_QUERY | COMMAND_PAGES, "the warrant(s): issued, charges, situation, status, sources",
     "The warrants for PERSON: when issued and made public, the charges, the\n"
     "situation, the status timeline and the sources.\n\n"
     "Examples:\n"
     "  warrantcheck person putin\n"
     "  warrantcheck person al-bashir --format json | jq '.warrants[].issued'\n"},
    {"persons", cmd_persons, check_persons,
     {{0}}, FORMATS_TABLES, NULL, ANSWER_OPTIONS, COMMAND_QUERY | COMMAND_PAGES,
     "all wanted persons in the dataset",
     "Every person named in a public ICC arrest warrant, with the situation and the\n"
     "status of the first warrant on the date.\n\n"
     "Examples:\n"
     "  warrantcheck persons\n"
     "  warrantcheck persons --format csv | grep at-large\n"},
    {"countries", cmd_countries, check_countries,
     {{0}}, FORMATS_TABLES, NULL, COUNTRIES_OPTIONS, COMMAND_QUERY | COMMAND_PAGES,
     "all countries (--parties, --non-parties; --all: territories too)",
     "Every state with its membership on the date; with --all, every territory\n"
     "too, with the state it stands through and the date the Statute began to\n"
     "apply there (a territory is never a State Party itself). --status LIST\n"
     "keeps the rows whose word is in LIST: party or non-party for a state;\n"
     "covered, excluded, unknown (coverage not recorded) or non-party for a\n"
     "territory. Naming covered, excluded or unknown lists territories without\n"
     "--all. --verdict LIST keeps the countries where the verdict for at least\n"
     "one warrant in force on the date (the duties 'country' lists) is in LIST.\n"
     "Exit status 0 if a row is listed, 1 if none is.\n\n"
     "Examples:\n"
     "  warrantcheck countries --parties --on 2025-01-01 | wc -l\n"
     "  warrantcheck countries --status unknown,excluded\n"
     "  warrantcheck countries --verdict obliged-residual --on 2025-06-01\n"
     "  warrantcheck countries --non-parties --format csv\n"},
    {"trips", cmd_trips, check_trips,
     {{ARG_PERSON, "PERSON"}}, FORMATS_TABLES, NULL, TRIPS_OPTIONS,
     COMMAND_QUERY | COMMAND_PAGES, "travel history: each trip, whether the host was obliged, what happened",
     "Each known foreign trip of PERSON after a warrant, with the host's duty on\n"
     "the day of arrival and what the host did. --fields LIST writes only those\n"
     "fields of each row (csv/tsv: column names; json/jsonl: top-level keys).\n\n"
     "Examples:\n"
     "  warrantcheck trips putin\n"
     "  warrantcheck trips al-bashir --format csv\n"
     "  warrantcheck trips al-bashir --format tsv --fields start,iso2,verdict,outcome\n"},
    {"map", cmd_map, check_map,
     {{ARG_PERSON, "PERSON"}}, FORMAT_BIT(FORMAT_TEXT) | FORMAT_BIT(FORMAT_SVG),
     "'map' draws SVG only: leave out --format or give --format svg", MAP_OPTIONS,
     COMMAND_QUERY, "an SVG world map of where PERSON can be arrested on the date",
     "Draws an SVG world map, each country filled by its verdict for PERSON on\n"
     "the date (obliged; obliged-residual or obliged-unsc; not-obliged), with a\n"
     "legend that counts them, the dataset's as-of date and its sources. Small\n"
     "states get a circle; each shape names its country on hover. To stdout, or\n"
     "with --out to FILE, replaced whole or not at all. 'where PERSON --format\n"
     "svg' draws the same map.\n\n"
     "Examples:\n"
     "  warrantcheck map putin --on 2025-01-01 > putin.svg\n"
     "  warrantcheck map al-bashir --on 2019-06-01 --out bashir.svg\n"
     "  warrantcheck map netanyahu | rsvg-convert -w 1600 > netanyahu.png\n"},
    {"data", cmd_data, check_data,
     {{ARG_WORDS, "info|validate|sources|status|install|update|diff"}, {ARG_FILE, "[FILE]"}},
     FORMATS_TABLES, NULL, DATA_OPTIONS, COMMAND_QUERY | COMMAND_PAGES,
     "the dataset: counts, validity, sources, age, install, update, diff",
     "'data info' prints the dataset's as-of date and counts (States Parties on\n"
     "the date among them); 'data validate [FILE]' checks a data file as the\n"
     "loader does and exits 4 with the place of the first fault.\n"
     "'data sources [ID...]': the sources the data cites (id, reliability,\n"
     "publisher, title, date, url, citation), all of them or those named: the\n"
     "'source_ids' of a JSON row lead here. An unknown ID is exit status 3.\n"
     "'data status [--max-age DAYS]': the version, as-of date, age in days on the\n"
     "date, SHA-256 and origin of the data in use; exit 1 if older than DAYS (180).\n"
     "'data install FILE [--force]': validates FILE and installs it for this user\n"
     "as $XDG_DATA_HOME/warrantcheck/warrantcheck.json (the previous one kept as\n"
     ".prev); an older dataset than the one in use only with --force. The\n"
     "installed data is used when newer than the built-in data; --data and\n"
     "WARRANTCHECK_DATA still win. 'data install --remove': back to the built-in.\n"
     "'data update [--from URL] [--key FILE]': downloads warrantcheck.json and its\n"
     "minisign signature, verifies it and installs it.\n"
     "'data diff OLD [NEW]': what changed, fact by fact (NEW: the data in use);\n"
     "exit 0 if none, 1 if they differ.\n\n"
     "Examples:\n"
     "  warrantcheck data info --on 2025-01-01\n"
     "  warrantcheck data validate data/warrantcheck.json\n"
     "  warrantcheck data sources --format jsonl | jq -r .citation\n"
     "  warrantcheck where putin --format jsonl | jq -r '.source_ids[]' | sort -u\n"
     "  warrantcheck -q data status --max-age 90 || echo 'time to update'\n"
     "  warrantcheck data install ~/Downloads/warrantcheck.json\n"
     "  warrantcheck data update --from https://example.org/wc/ --key release.pub\n"
     "  warrantcheck data diff old.json new.json --format csv\n"},
    {"events", cmd_events, events_check, {{0}}, FORMATS_TABLES, NULL, EVENTS_OPTIONS,
     COMMAND_QUERY | COMMAND_PAGES, "the dated facts in order (--since, --until, --person, --country)",
     "The dataset's dated facts in order: signatures, deposits, entries into\n"
     "force, withdrawal stages, territorial extensions, art. 12(3) declarations,\n"
     "Security Council referrals, warrants issued and made public, their status\n"
     "changes (arrests, surrenders, releases, deaths, withdrawals), trips and\n"
     "findings of non-compliance, each with its confirmation and sources. Default:\n"
     "the 365 days up to the date (--on). --person and --country keep the facts\n"
     "about one person or one country.\n\n"
     "Examples:\n"
     "  warrantcheck events --since 2024-12-31 --until 2025-01-02\n"
     "  warrantcheck events --person putin --since 2023-01-01 --format csv\n"
     "  warrantcheck events --country Hungary --since 2025-01-01 --format jsonl\n"},
    {"itinerary", cmd_itinerary, check_itinerary,
     {{ARG_FILE, "FILE|-"}}, FORMATS_TABLES, NULL, ITINERARY_OPTIONS, 0,
     "check an itinerary, leg by leg (--person PERSON; --all for every wanted person)",
     "Checks each leg of an itinerary: the verdict for the person on its days (for a\n"
     "leg of several days, the strongest of any day, with a note where it changes).\n"
     "FILE (or - for standard input) holds one leg a line, 'DATE COUNTRY' or\n"
     "'DATE..DATE COUNTRY', with '#' comments and blank lines (a comment after a\n"
     "leg is its note); or CSV with a header naming 'date' (or 'start') and\n"
     "'country', and optionally 'end', 'person' and 'note' (fields separated by\n"
     "',', or ';' or tabs as the header shows). Each row carries the\n"
     "leg's note (the last CSV/TSV column). UTF-8, a byte-order mark and CRLF\n"
     "line ends are fine; a line may be at most 65536 bytes. Every leg gives one\n"
     "row per person, in order. A bad line is reported as FILE:LINE:COL and\n"
     "skipped, the rest still checked, and a note counts them at the end (\"19\n"
     "lines: 9 legs checked, 10 errors\"); after 100 errors (--max-errors N) the\n"
     "run stops.\n"
     "--verdict LIST prints only the rows with those verdicts. --fields LIST\n"
     "writes only those fields of each row (csv/tsv: column names; json/jsonl:\n"
     "top-level keys), in the rows' order.\n"
     "Exit status 0 if the person can be arrested on at least one leg (printed or\n"
     "not), 1 if on none, 3 if any line was bad.\n\n"
     "Examples:\n"
     "  warrantcheck itinerary trips.txt --person putin\n"
     "  printf '2024-09-03 Mongolia\\n' | warrantcheck itinerary - --person putin\n"
     "  warrantcheck itinerary legs.csv --all --format csv > verdicts.csv\n"
     "  warrantcheck itinerary legs.csv --all --verdict not-obliged\n"
     "  warrantcheck itinerary trip.txt --all --format csv --fields person,verdict\n"},
    {"completion", cmd_completion, NULL,
     {{ARG_WORDS, "bash|zsh|fish"}}, FORMAT_BIT(FORMAT_TEXT), NULL,
     HELP_ONLY_OPTIONS, COMMAND_NO_DATA, "print a shell completion script",
     "Prints the completion script for bash, zsh or fish. It completes commands,\n"
     "options, their values, and the countries and persons of the dataset in use,\n"
     "which it asks the program for as you type.\n\n"
     "Examples:\n"
     "  source <(warrantcheck completion bash)\n"
     "  warrantcheck completion zsh > ~/.zfunc/_warrantcheck\n"
     "  warrantcheck completion fish > ~/.config/fish/completions/warrantcheck.fish\n"},
    {"help", cmd_help, NULL, {{ARG_COMMAND, "[COMMAND]"}}, FORMAT_BIT(FORMAT_TEXT), NULL,
     HELP_OPTIONS, COMMAND_NO_DATA | COMMAND_PAGES, "the help of one command",
     "Prints the help of COMMAND, as 'warrantcheck COMMAND --help' does; without\n"
     "one, the general help.\n\n"
     "Examples:\n"
     "  warrantcheck help can\n"
     "  warrantcheck help itinerary | less\n"},
};
const size_t N_COMMANDS = sizeof COMMANDS / sizeof COMMANDS[0];

const command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
}

bool command_pages(const cli *c, const command *cmd, int n_words, char **words)
{
    if (c->no_pager || c->quiet || c->format != FORMAT_TEXT || c->version)
        return false;
    if (c->help)
        return true;
    if (cmd == NULL || !(cmd->flags & COMMAND_PAGES))
        return false;
    /* Of `data`, only `diff` writes long text. */
    return strcmp(cmd->name, "data") != 0 || (n_words > 1 && strcmp(words[1], "diff") == 0);
}

const char *command_synopsis(const command *cmd, char *buf, size_t size)
{
    size_t at = (size_t)snprintf(buf, size, "%s", cmd->name);
    for (size_t i = 0; i < sizeof cmd->args / sizeof cmd->args[0] && at < size; i++)
        if (cmd->args[i].placeholder != NULL)
            at += (size_t)snprintf(buf + at, size - at, " %s", cmd->args[i].placeholder);
    return buf;
}

/* ------------------------------------------------------------------- help */

/* One row of the help's lists: `left` in a column of `column` characters
 * after two spaces, then `text`. On a terminal (o->width > 0) `text` wraps
 * under itself; a `left` wider than its column takes a line of its own,
 * `text` the lines below, where the column's text begins. Through a pipe
 * the row is one line, as it always was. */
static void help_row(const cli *c, const wcr_opts *o, const char *left, int column,
                     const char *text)
{
    char lead[128];
    snprintf(lead, sizeof lead, "  %-*s ", column, left);
    if (o->width == 0 || strlen(left) <= (size_t)column ||
        wcr_display_width(lead) + wcr_display_width(text) <= o->width) {
        wcr_wrap_row(&c->writer, o, lead, text);
        return;
    }
    char hang[64];
    size_t n = (size_t)column + 3 < sizeof hang ? (size_t)column + 3 : sizeof hang - 1;
    memset(hang, ' ', n);
    hang[n] = '\0';
    wcr_wrap_text(&c->writer, o, "  ", 4, left, NULL);
    wcr_wrap_text(&c->writer, o, hang, (unsigned)n, text, NULL);
}

void print_options(const cli *c, const option_spec *options)
{
    wcr_opts o = cli_render_opts(c);
    for (const option_spec *opt = options; opt->kind != OPTION_END; opt++) {
        /* "-q, --quiet" and "    --on DATE": long options line up. */
        char left[48], short_part[5] = "    ";
        if (opt->short_name)
            snprintf(short_part, sizeof short_part, "-%c, ", opt->short_name);
        snprintf(left, sizeof left, "%s--%s%s%s", short_part, opt->name, opt->arg ? " " : "",
                 opt->arg ? opt->arg : "");
        help_row(c, &o, left, 24, opt->help);
    }
}

void print_general_help(const cli *c)
{
    fputs("Usage: warrantcheck COMMAND [ARGS] [OPTIONS]\n\n"
          "Can this person be arrested in this country, on this date, under an arrest\n"
          "warrant of the International Criminal Court? Answers offline from a dated,\n"
          "sourced dataset, with its reasons.\n\n"
          "Examples:\n"
          "  warrantcheck country Mongolia\n"
          "  warrantcheck can putin mongolia --on 2024-09-03\n"
          "  warrantcheck where putin --format csv\n\n"
          "Commands:\n",
          stdout);
    wcr_opts o = cli_render_opts(c);
    char synopsis[64];
    for (size_t i = 0; i < N_COMMANDS; i++)
        help_row(c, &o, command_synopsis(&COMMANDS[i], synopsis, sizeof synopsis), 26,
                 COMMANDS[i].summary);
    fputs("\nOptions:\n", stdout);
    print_options(c, GLOBAL_OPTIONS);
    fputs("\nEach command has options of its own: 'warrantcheck help COMMAND'.\n"
          "\nExit status: 0 yes, 1 no, 2 usage error, 3 input error (unknown name),\n"
          "4 dataset error, 5 output error, 6 out of memory.\n\n"
          "Not legal advice. The dataset is current to its as-of date (see --version).\n",
          stdout);
}

void print_command_help(const cli *c, const command *cmd)
{
    wcr_opts o = cli_render_opts(c);
    char synopsis[64], usage[96];
    snprintf(usage, sizeof usage, "warrantcheck %s [OPTIONS]",
             command_synopsis(cmd, synopsis, sizeof synopsis));
    wcr_wrap_text(&c->writer, &o, "Usage: ", 7, usage, NULL);
    printf("\n%s\nOptions:\n", cmd->help);
    print_options(c, cmd->options);
}

int cmd_help(cli *c, int argc, char **argv)
{
    if (argc > 1) {
        cli_error("'help' takes one COMMAND (try 'warrantcheck help')");
        return EXIT_USAGE;
    }
    if (argc == 0) {
        print_general_help(c);
        return EXIT_YES;
    }
    const command *cmd = find_command(argv[0]);
    if (cmd == NULL) {
        report_unknown_command(argv[0]);
        return EXIT_USAGE;
    }
    print_command_help(c, cmd);
    return EXIT_YES;
}

/* ------------------------------------------------------------ suggestions */

/* Writes "'a', 'b' or 'c'" (`last` being " or ") at the end of buf. */
static void list_names(char *buf, size_t size, const char *const *names, size_t n,
                       const char *last)
{
    size_t at = strlen(buf);
    for (size_t i = 0; i < n && at < size; i++)
        at += (size_t)snprintf(buf + at, size - at, "%s'%s'",
                               i == 0 ? "" : i + 1 == n ? last : ", ", names[i]);
}

/* Reports an unknown NAME of `what` ("command", "option"): with the nearest
 * of `names` as "did you mean", else pointing at the help. */
static void report_unknown(const char *what, const char *shown, const char *typed,
                           const char *const *names, size_t n, const char *help)
{
    const char *near[4];
    size_t found = suggest(typed, names, n, near, sizeof near / sizeof near[0]);
    char echo[CLI_ECHO_BUFSIZE];
    cli_echo(shown, echo);
    if (found == 0) {
        cli_error("unknown %s '%s' (try '%s')", what, echo, help);
        return;
    }
    char message[512] = "";
    list_names(message, sizeof message, near, found, " or ");
    cli_error("unknown %s '%s'; did you mean %s?", what, echo, message);
}

void report_unknown_command(const char *name)
{
    const char *names[32];
    size_t n = 0;
    for (size_t i = 0; i < N_COMMANDS && n < sizeof names / sizeof names[0]; i++)
        names[n++] = COMMANDS[i].name;
    report_unknown("command", name, name, names, n, "warrantcheck --help");
}

bool command_writes(const command *cmd, output_format f)
{
    if (cmd->formats & FORMAT_BIT(f))
        return true;
    if (cmd->formats_error != NULL && f != FORMAT_SVG) {
        cli_error("%s", cmd->formats_error);
        return false;
    }
    const char *names[32];
    size_t n = 0;
    for (size_t i = 0; i < N_COMMANDS && n < sizeof names / sizeof names[0]; i++)
        if (COMMANDS[i].formats & FORMAT_BIT(f))
            names[n++] = COMMANDS[i].name;
    char list[512] = "";
    list_names(list, sizeof list, names, n, " and ");
    cli_error("--format %s applies only to %s", FORMAT_NAMES[f], list);
    return false;
}

/* ---------------------------------------------------------------- parsing */

/* Every option of every table once, by name: what getopt_long parses, so
 * that an option may come before its command; the command then refuses
 * those that are not its own (options_apply). */
typedef struct all_options {
    const option_spec *spec[MAX_OPTIONS];
    size_t count;
} all_options;

static void gather(all_options *all)
{
    all->count = 0;
    for (size_t t = 0; t <= N_COMMANDS; t++)
        for (const option_spec *o = t == 0 ? GLOBAL_OPTIONS : COMMANDS[t - 1].options;
             o->kind != OPTION_END; o++) {
            /* An option of several tables has one destination: comparing
             * that first spares most of the names (this runs at every
             * start-up, and each table row makes it longer). */
            size_t i = 0;
            while (i < all->count && (all->spec[i]->offset != o->offset ||
                                      strcmp(all->spec[i]->name, o->name) != 0))
                i++;
            if (i == all->count && all->count < MAX_OPTIONS)
                all->spec[all->count++] = o;
        }
}

static const option_spec *in_table(const option_spec *table, const char *name, size_t len)
{
    for (const option_spec *o = table; o->kind != OPTION_END; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

const option_spec *option_named(const command *cmd, const char *name, size_t len)
{
    if (cmd != NULL)
        return in_table(cmd->options, name, len);
    all_options all;
    gather(&all);
    for (size_t i = 0; i < all.count; i++)
        if (strlen(all.spec[i]->name) == len && strncmp(all.spec[i]->name, name, len) == 0)
            return all.spec[i];
    return NULL;
}

/* Reports an unknown long option WORD: the options it begins, if several
 * (an ambiguous abbreviation), else the nearest names. */
static void report_unknown_option(const all_options *all, const char *word)
{
    const char *names[MAX_OPTIONS], *prefixed[MAX_OPTIONS];
    char dashed[MAX_OPTIONS][40];
    size_t n = 0, n_prefixed = 0, len = strcspn(word, "=");
    for (size_t i = 0; i < all->count; i++) {
        snprintf(dashed[n], sizeof dashed[n], "--%s", all->spec[i]->name);
        if (len > 2 && strncmp(dashed[n], word, len) == 0)
            prefixed[n_prefixed++] = dashed[n];
        names[n] = dashed[n];
        n++;
    }
    if (n_prefixed > 1) {
        char list[512] = "";
        char echo[CLI_ECHO_BUFSIZE];
        list_names(list, sizeof list, prefixed, n_prefixed, " or ");
        cli_error("unknown option '%s'; did you mean %s?", cli_echo(word, echo), list);
        return;
    }
    char typed[CLI_ECHO_CHARS + 1];
    snprintf(typed, sizeof typed, "%.*s", (int)(len < CLI_ECHO_CHARS ? len : CLI_ECHO_CHARS), word);
    report_unknown("option", word, typed, names, n, "warrantcheck --help");
}

/* Stores an option's value (NULL for a flag) in its destination. */
static int store(cli *c, const all_options *all, const option_spec *o, const char *value)
{
    char *dest = (char *)c + o->offset;
    switch (o->kind) {
    case OPTION_FLAG: *(bool *)(void *)dest = true; break;
    case OPTION_CLEAR: *(bool *)(void *)dest = false; break;
    case OPTION_SET: {
        int *v = (int *)(void *)dest;
        if (*v != 0 && *v != o->set) {
            const char *other = "?";
            for (size_t i = 0; i < all->count; i++)
                if (all->spec[i]->kind == OPTION_SET && all->spec[i]->offset == o->offset &&
                    all->spec[i]->set == *v)
                    other = all->spec[i]->name;
            cli_error("--%s and --%s exclude each other", other, o->name);
            return EXIT_USAGE;
        }
        *v = o->set;
        break;
    }
    case OPTION_STRING: *(const char **)(void *)dest = value; break;
    case OPTION_END: break;
    }
    return EXIT_YES;
}

int parse_command_line(int argc, char **argv, cli *c, parsed_options *p)
{
    all_options all;
    gather(&all);
    struct option longs[MAX_OPTIONS + 1];
    char shorts[2 * MAX_OPTIONS + 2] = ":";
    size_t n_shorts = 1;
    for (size_t i = 0; i < all.count; i++) {
        const option_spec *o = all.spec[i];
        bool value = o->kind == OPTION_STRING;
        longs[i] = (struct option){o->name, value ? required_argument : no_argument, NULL,
                                   256 + (int)i};
        if (o->short_name != 0) {
            shorts[n_shorts++] = o->short_name;
            if (value)
                shorts[n_shorts++] = ':';
        }
    }
    longs[all.count] = (struct option){NULL, 0, NULL, 0};
    shorts[n_shorts] = '\0';
    opterr = 0;
    p->n_given = 0;
    char echo[CLI_ECHO_BUFSIZE];
    int ch;
    while ((ch = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        const option_spec *o = NULL;
        if (ch >= 256) {
            o = all.spec[ch - 256];
        } else if (ch != ':' && ch != '?') {
            for (size_t i = 0; i < all.count && o == NULL; i++)
                if (all.spec[i]->short_name == ch)
                    o = all.spec[i];
        }
        if (o != NULL) {
            if (store(c, &all, o, optarg) != EXIT_YES)
                return EXIT_USAGE;
            size_t i = 0;
            while (i < p->n_given && p->given[i] != o)
                i++;
            if (i == p->n_given)
                p->given[p->n_given++] = o;
            continue;
        }
        const char *word = argv[optind - 1];
        if (ch == ':') {
            cli_error("option '%s' needs a value", cli_echo(word, echo));
        } else if (optopt >= 256) {
            cli_error("option '--%s' takes no value", all.spec[optopt - 256]->name);
        } else if (optopt != 0) {
            char short_option[3] = {'-', (char)optopt, '\0'};
            cli_error("unknown option '%s' (try 'warrantcheck --help')",
                      cli_echo(short_option, echo));
        } else {
            report_unknown_option(&all, word);
        }
        return EXIT_USAGE;
    }
    p->first_word = optind;
    return EXIT_YES;
}

bool options_apply(const parsed_options *p, const command *cmd)
{
    for (size_t i = 0; i < p->n_given; i++)
        if (in_table(cmd->options, p->given[i]->name, strlen(p->given[i]->name)) == NULL) {
            cli_error("option '--%s' does not apply to '%s'", p->given[i]->name, cmd->name);
            return false;
        }
    return true;
}

static bool parse_format(const char *s, output_format *f)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        if (strcmp(s, FORMAT_NAMES[i]) == 0) {
            *f = (output_format)i;
            return true;
        }
    return false;
}

static bool parse_color(const char *s, bool *color)
{
    if (s == NULL || strcmp(s, "auto") == 0) {
        const char *no_color = getenv("NO_COLOR");
        const char *term = getenv("TERM");
        *color = isatty(STDOUT_FILENO) && (no_color == NULL || no_color[0] == '\0') &&
                 (term == NULL || strcmp(term, "dumb") != 0);
        return true;
    }
    if (strcmp(s, "always") == 0 || strcmp(s, "never") == 0) {
        *color = s[0] == 'a';
        return true;
    }
    return false;
}

/* "unknown format 'Json'; did you mean 'json'?", else the formats that
 * `cmd` writes (every format without a command): `map` only svg. */
static void report_unknown_format(const command *cmd, const char *typed)
{
    const char *names[8];
    size_t n = 0;
    for (size_t i = 0; i < N_FORMATS && n < sizeof names / sizeof names[0]; i++)
        if (cmd == NULL ||
            ((cmd->formats & FORMAT_BIT(i)) && !(cmd->formats_error != NULL && i == FORMAT_TEXT)))
            names[n++] = FORMAT_NAMES[i];
    char echo[CLI_ECHO_BUFSIZE], list[256] = "";
    const char *near[2];
    size_t found = suggest(typed, names, n, near, sizeof near / sizeof near[0]);
    cli_echo(typed, echo);
    if (found > 0) {
        list_names(list, sizeof list, near, found, " or ");
        cli_error("unknown format '%s'; did you mean %s?", echo, list);
    } else {
        size_t at = 0;
        for (size_t i = 0; i < n && at < sizeof list; i++)
            at += (size_t)snprintf(list + at, sizeof list - at, "%s%s",
                                   i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
        cli_error("unknown format '%s' (%s%s)", echo, list, n == 1 ? " only" : "");
    }
}

int check_arguments(cli *c, const parsed_options *p, int n_words, char **words,
                    const command **cmd)
{
    char echo[CLI_ECHO_BUFSIZE];
    *cmd = n_words > 0 ? find_command(words[0]) : NULL;
    if (*cmd == NULL && n_words > 0) {
        report_unknown_command(words[0]);
        return EXIT_USAGE;
    }
    if (c->help)
        return CHECK_NO_DATA;
    if (c->format_text != NULL && !parse_format(c->format_text, &c->format)) {
        /* A command that takes no --format says so; one that does names
         * its own formats, not every command's. */
        if (*cmd == NULL || options_apply(p, *cmd))
            report_unknown_format(*cmd, c->format_text);
        return EXIT_USAGE;
    }
    if (!parse_color(c->color_text, &c->color)) {
        static const char *const whens[] = {"auto", "always", "never"};
        const char *near[1];
        cli_echo(c->color_text, echo);
        if (suggest(c->color_text, whens, sizeof whens / sizeof whens[0], near, 1) > 0)
            cli_error("--color: '%s' is not auto, always or never; did you mean '%s'?", echo,
                      near[0]);
        else
            cli_error("--color: '%s' is not auto, always or never", echo);
        return EXIT_USAGE;
    }
    if (c->on_text != NULL) {
        if (!wc_date_parse(c->on_text, strlen(c->on_text), &c->date)) {
            cli_error("--on: not a date: '%s' (expected YYYY-MM-DD, a real day from %d to "
                      "%d)",
                      cli_echo(c->on_text, echo), WC_DATE_MIN_YEAR, WC_DATE_MAX_YEAR);
            return EXIT_USAGE;
        }
    } else {
        c->date = wc_date_from_time(time(NULL));
    }
    if (*cmd == NULL && !c->version) {
        fputs("Usage: warrantcheck COMMAND [ARGS] [OPTIONS]; try 'warrantcheck --help'\n",
              stderr);
        return EXIT_USAGE;
    }
    if (*cmd != NULL && (!options_apply(p, *cmd) || !command_writes(*cmd, c->format)))
        return EXIT_USAGE;
    if (*cmd != NULL && ((*cmd)->flags & COMMAND_NO_DATA))
        return CHECK_NO_DATA;
    /* An empty WARRANTCHECK_DATA means unset; an empty --data is a slip
     * (--data "$UNSET"), not a request for the built-in dataset. */
    if (c->data_path != NULL && c->data_path[0] == '\0') {
        cli_error("--data: the file name is empty");
        return EXIT_USAGE;
    }
    if (c->version || (*cmd)->check == NULL)
        return CHECK_DATA;
    return (*cmd)->check(c, n_words - 1, words + 1);
}
