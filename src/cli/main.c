/* warrantcheck: parse the command line, load the dataset, run a command,
 * and turn its answer into an exit status. One table of options drives
 * parsing and the help text, so the two cannot drift apart. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Which commands an option applies to. */
enum {
    FOR_COUNTRY = 1 << 0,
    FOR_COUNTRIES = 1 << 1,
    FOR_CAN = 1 << 2,
    FOR_WHERE = 1 << 3,
    FOR_PERSON = 1 << 4,
    FOR_PERSONS = 1 << 5,
    FOR_TRIPS = 1 << 6,
    FOR_DATA = 1 << 7,
    FOR_ALL = 0xff
};

enum {
    OPT_ON = 256,
    OPT_FORMAT,
    OPT_DATA,
    OPT_COLOR,
    OPT_VERSION,
    OPT_NO_HEADER,
    OPT_ALL,
    OPT_PARTIES,
    OPT_NON_PARTIES
};

typedef struct option_spec {
    const char *name;
    char short_name;
    int id;
    const char *arg; /* NULL for a flag */
    unsigned commands;
    const char *help;
} option_spec;

static const option_spec OPTION_SPECS[] = {
    {"on", 0, OPT_ON, "DATE", FOR_ALL, "answer for DATE (YYYY-MM-DD); default: today, UTC"},
    {"format", 0, OPT_FORMAT, "FORMAT", FOR_ALL, "text (default), json, jsonl, csv or tsv"},
    {"no-header", 0, OPT_NO_HEADER, NULL, FOR_ALL, "leave out the CSV/TSV header row"},
    {"all", 0, OPT_ALL, NULL, FOR_WHERE, "list every country with its verdict"},
    {"parties", 0, OPT_PARTIES, NULL, FOR_COUNTRIES, "only States Parties on the date"},
    {"non-parties", 0, OPT_NON_PARTIES, NULL, FOR_COUNTRIES, "only states that are not"},
    {"quiet", 'q', 'q', NULL, FOR_ALL, "print nothing; answer with the exit status only"},
    {"data", 0, OPT_DATA, "FILE", FOR_ALL, "load the dataset from FILE (or WARRANTCHECK_DATA)"},
    {"color", 0, OPT_COLOR, "WHEN", FOR_ALL, "colour text output: auto (default), always, never"},
    {"help", 'h', 'h', NULL, FOR_ALL, "show help; 'warrantcheck COMMAND --help' for a command"},
    {"version", 0, OPT_VERSION, NULL, FOR_ALL, "show the version and the dataset's as-of date"},
};
#define N_OPTIONS (sizeof OPTION_SPECS / sizeof OPTION_SPECS[0])

typedef struct command {
    const char *name;
    unsigned bit;
    int (*run)(cli *c, int argc, char **argv);
    const char *synopsis;
    const char *summary;
    const char *help;
} command;

static const command COMMANDS[] = {
    {"country", FOR_COUNTRY, cmd_country, "country COUNTRY",
     "membership of COUNTRY on the date, and its duty for each open warrant",
     "Is COUNTRY a State Party to the Rome Statute on the date? Prints the dates\n"
     "that make it so, its duty for each warrant in force, and notes (signed but\n"
     "not ratified, withdrawal pending or revoked, art. 12(3) declarations).\n"
     "Exit status 0 for a State Party, 1 if not.\n\n"
     "Examples:\n"
     "  warrantcheck country Mongolia\n"
     "  warrantcheck country \"United States\"\n"
     "  warrantcheck country Ukraine --on 2024-12-31\n"
     "  warrantcheck country PH --on 2019-03-17 --format json | jq .state_party\n"},
    {"can", FOR_CAN, cmd_can, "can PERSON COUNTRY",
     "can PERSON be arrested in COUNTRY? the verdict and its reasons",
     "The verdict for PERSON in COUNTRY on the date: obliged, obliged-residual,\n"
     "obliged-unsc, not-obliged, no-warrant or in-custody, with the legal basis,\n"
     "notes and sources. Exit status 0 for an obliged* verdict, 1 otherwise.\n\n"
     "Examples:\n"
     "  warrantcheck can putin mongolia --on 2024-09-03\n"
     "  warrantcheck can netanyahu hungary --on 2025-04-04\n"
     "  warrantcheck -q can putin \"south africa\" && echo \"would have to arrest\"\n"},
    {"where", FOR_WHERE, cmd_where, "where PERSON",
     "every country where PERSON can be arrested on the date",
     "Every country obliged to arrest PERSON on the date; --all lists every\n"
     "country with its verdict. Exit status 0 if there is at least one.\n\n"
     "Examples:\n"
     "  warrantcheck where putin\n"
     "  warrantcheck where putin --on 2025-01-01 --format csv | tail -n +2 | wc -l\n"
     "  warrantcheck where netanyahu --all --format jsonl | jq -r .verdict | sort | uniq -c\n"},
    {"person", FOR_PERSON, cmd_person, "person PERSON",
     "the warrant(s): issued, charges, situation, status, sources",
     "The warrants for PERSON: when issued and made public, the charges, the\n"
     "situation, the status timeline and the sources.\n\n"
     "Examples:\n"
     "  warrantcheck person putin\n"
     "  warrantcheck person al-bashir --format json | jq '.warrants[].issued'\n"},
    {"persons", FOR_PERSONS, cmd_persons, "persons", "all wanted persons in the dataset",
     "Every person named in a public ICC arrest warrant, with the situation and the\n"
     "status of the first warrant on the date.\n\n"
     "Examples:\n"
     "  warrantcheck persons\n"
     "  warrantcheck persons --format csv | grep at-large\n"},
    {"countries", FOR_COUNTRIES, cmd_countries, "countries",
     "all countries (--parties, --non-parties)",
     "Every country with its membership on the date.\n\n"
     "Examples:\n"
     "  warrantcheck countries --parties --on 2025-01-01 | wc -l\n"
     "  warrantcheck countries --non-parties --format csv\n"},
    {"trips", FOR_TRIPS, cmd_trips, "trips PERSON",
     "travel history: each trip, whether the host was obliged, what happened",
     "Each known foreign trip of PERSON after a warrant, with the host's duty on\n"
     "the day of arrival and what the host did.\n\n"
     "Examples:\n"
     "  warrantcheck trips putin\n"
     "  warrantcheck trips al-bashir --format csv\n"},
    {"data", FOR_DATA, cmd_data, "data info|validate [FILE]",
     "the dataset's as-of date, counts and sources; validate a data file",
     "'data info' prints the dataset's as-of date and counts (States Parties on\n"
     "the date among them); 'data validate [FILE]' checks a data file as the\n"
     "loader does and exits 4 with the place of the first fault.\n\n"
     "Examples:\n"
     "  warrantcheck data info --on 2025-01-01\n"
     "  warrantcheck data validate data/warrantcheck.json\n"},
};
#define N_COMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

static void print_options(FILE *out, unsigned bit)
{
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option_spec *o = &OPTION_SPECS[i];
        if (!(o->commands & bit))
            continue;
        char left[40];
        snprintf(left, sizeof left, "%s%c%s--%s%s%s", o->short_name ? "-" : "",
                 o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ", o->name,
                 o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(out, "  %-24s %s\n", o->short_name ? left : left + 2, o->help);
    }
}

static void print_general_help(void)
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
    for (size_t i = 0; i < N_COMMANDS; i++)
        printf("  %-26s %s\n", COMMANDS[i].synopsis, COMMANDS[i].summary);
    fputs("\nOptions:\n", stdout);
    print_options(stdout, FOR_ALL);
    fputs("\nExit status: 0 yes, 1 no, 2 usage error, 3 input error (unknown name),\n"
          "4 dataset error, 5 output error.\n\n"
          "Not legal advice. The dataset is current to its as-of date (see --version).\n",
          stdout);
}

static void print_command_help(const command *cmd)
{
    printf("Usage: warrantcheck %s [OPTIONS]\n\n%s\nOptions:\n", cmd->synopsis, cmd->help);
    print_options(stdout, cmd->bit);
}

typedef struct options {
    const char *on;
    const char *format;
    const char *data;
    const char *color;
    bool quiet, help, version, no_header, all, parties, non_parties;
    unsigned given; /* bit i set: OPTION_SPECS[i] was given */
} options;

static int parse_options(int argc, char **argv, options *o)
{
    struct option longs[N_OPTIONS + 1];
    for (size_t i = 0; i < N_OPTIONS; i++)
        longs[i] = (struct option){OPTION_SPECS[i].name,
                                   OPTION_SPECS[i].arg ? required_argument : no_argument, NULL,
                                   OPTION_SPECS[i].id};
    longs[N_OPTIONS] = (struct option){NULL, 0, NULL, 0};
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":qh", longs, NULL)) != -1) {
        for (size_t i = 0; i < N_OPTIONS; i++)
            if (OPTION_SPECS[i].id == ch)
                o->given |= 1u << i;
        switch (ch) {
        case OPT_ON: o->on = optarg; break;
        case OPT_FORMAT: o->format = optarg; break;
        case OPT_DATA: o->data = optarg; break;
        case OPT_COLOR: o->color = optarg; break;
        case OPT_NO_HEADER: o->no_header = true; break;
        case OPT_ALL: o->all = true; break;
        case OPT_PARTIES: o->parties = true; break;
        case OPT_NON_PARTIES: o->non_parties = true; break;
        case 'q': o->quiet = true; break;
        case 'h': o->help = true; break;
        case OPT_VERSION: o->version = true; break;
        case ':':
            cli_error("option '%.100s' needs a value", argv[optind - 1]);
            return EXIT_USAGE;
        default:
            if (optopt != 0)
                cli_error("unknown option '-%c' (try 'warrantcheck --help')", optopt);
            else
                cli_error("unknown option '%.100s' (try 'warrantcheck --help')",
                          argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    return EXIT_YES;
}

static bool parse_format(const char *s, output_format *f)
{
    static const char *const names[] = {"text", "json", "jsonl", "csv", "tsv"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i]) == 0) {
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

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
}

/* Refuses an option that means nothing to the command, rather than
 * silently ignoring what its user asked for. */
static bool options_apply(const options *o, const command *cmd)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if ((o->given & (1u << i)) && !(OPTION_SPECS[i].commands & cmd->bit)) {
            cli_error("option '--%s' does not apply to '%s'", OPTION_SPECS[i].name, cmd->name);
            return false;
        }
    return true;
}

static int finish_output(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno == EPIPE)
            return status; /* `| head` closed the pipe: not an error */
        cli_error("writing standard output: %s", strerror(errno));
        return EXIT_OUTPUT;
    }
    return status;
}

int main(int argc, char **argv)
{
    /* A closed pipe is seen as EPIPE from a write, not as a signal. */
    signal(SIGPIPE, SIG_IGN);
    options o = {0};
    int status = parse_options(argc, argv, &o);
    if (status != EXIT_YES)
        return status;
    const command *cmd = NULL;
    if (optind < argc) {
        cmd = find_command(argv[optind]);
        if (cmd == NULL) {
            cli_error("unknown command '%.100s' (try 'warrantcheck --help')", argv[optind]);
            return EXIT_USAGE;
        }
    }
    if (o.help) {
        if (cmd != NULL)
            print_command_help(cmd);
        else
            print_general_help();
        return finish_output(EXIT_YES);
    }

    cli c = {.format = FORMAT_TEXT, .quiet = o.quiet, .header = !o.no_header, .all = o.all,
             .out = stdout};
    c.filter = o.parties ? FILTER_PARTIES : o.non_parties ? FILTER_NON_PARTIES : FILTER_ALL;
    if (o.parties && o.non_parties) {
        cli_error("--parties and --non-parties exclude each other");
        return EXIT_USAGE;
    }
    if (o.format != NULL && !parse_format(o.format, &c.format)) {
        cli_error("unknown format '%.100s' (text, json, jsonl, csv or tsv)", o.format);
        return EXIT_USAGE;
    }
    if (!parse_color(o.color, &c.color)) {
        cli_error("--color: '%.100s' is not auto, always or never", o.color);
        return EXIT_USAGE;
    }
    if (o.on != NULL) {
        if (!wc_date_parse(o.on, strlen(o.on), &c.date)) {
            cli_error("--on: not a date: '%.100s' (expected YYYY-MM-DD, a real day from %d to "
                      "%d)",
                      o.on, WC_DATE_MIN_YEAR, WC_DATE_MAX_YEAR);
            return EXIT_USAGE;
        }
    } else {
        c.date = wc_date_from_time(time(NULL));
    }
    if (!o.version && cmd == NULL) {
        fputs("Usage: warrantcheck COMMAND [ARGS] [OPTIONS]; try 'warrantcheck --help'\n",
              stderr);
        return EXIT_USAGE;
    }
    if (cmd != NULL && !options_apply(&o, cmd))
        return EXIT_USAGE;

    const char *data = o.data != NULL ? o.data : getenv("WARRANTCHECK_DATA");
    if (data != NULL && data[0] == '\0')
        data = NULL;
    wc_dataset *ds = cli_load_dataset(data);
    if (ds == NULL)
        return EXIT_DATASET;
    c.ds = ds;
    c.data_name = data != NULL ? data : CLI_BUILTIN_DATA_NAME;

    if (o.version) {
        char asof[WC_DATE_BUFSIZE];
        printf("warrantcheck %s\ndataset as of %s\n", wc_version(),
               wc_date_format(ds->as_of, asof));
        wc_dataset_free(ds);
        return finish_output(EXIT_YES);
    }
    if (c.date > ds->as_of && !c.quiet) {
        char asof[WC_DATE_BUFSIZE];
        cli_warning("the dataset is current to %s; later events are not known",
                    wc_date_format(ds->as_of, asof));
    }
    status = cmd->run(&c, argc - optind - 1, argv + optind + 1);
    wc_dataset_free(ds);
    return finish_output(status);
}
