/* warrantcheck: parse the command line, load the dataset, run a command,
 * and turn its answer into an exit status. The tables of commands.c drive
 * parsing and the help text, so the two cannot drift apart. */
#include "cli.h"
#include "commands.h"
#include "echo.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void print_options(FILE *out, unsigned bit)
{
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option_spec *o = &OPTION_SPECS[i];
        if (!(o->commands & bit))
            continue;
        /* "-q, --quiet" and "    --on DATE": long options line up. */
        char left[48], short_part[5] = "    ";
        if (o->short_name)
            snprintf(short_part, sizeof short_part, "-%c, ", o->short_name);
        snprintf(left, sizeof left, "%s--%s%s%s", short_part, o->name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
        fprintf(out, "  %-24s %s\n", left, o->help);
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
    const char *out;
    const char *person;
    bool quiet, help, version, no_header, all, parties, non_parties;
    unsigned given; /* bit i set: OPTION_SPECS[i] was given */
} options;

static int parse_options(int argc, char **argv, options *o)
{
    struct option longs[MAX_OPTIONS + 1];
    for (size_t i = 0; i < N_OPTIONS; i++)
        longs[i] = (struct option){OPTION_SPECS[i].name,
                                   OPTION_SPECS[i].arg ? required_argument : no_argument, NULL,
                                   OPTION_SPECS[i].id};
    longs[N_OPTIONS] = (struct option){NULL, 0, NULL, 0};
    opterr = 0;
    int ch;
    char echo[CLI_ECHO_BUFSIZE];
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
        case OPT_OUT: o->out = optarg; break;
        case OPT_PERSON: o->person = optarg; break;
        case 'q': o->quiet = true; break;
        case 'h': o->help = true; break;
        case OPT_VERSION: o->version = true; break;
        case ':':
            cli_error("option '%s' needs a value", cli_echo(argv[optind - 1], echo));
            return EXIT_USAGE;
        default:
            if (optopt != 0) {
                char short_option[3] = {'-', (char)optopt, '\0'};
                cli_error("unknown option '%s' (try 'warrantcheck --help')",
                          cli_echo(short_option, echo));
            } else {
                cli_error("unknown option '%s' (try 'warrantcheck --help')",
                          cli_echo(argv[optind - 1], echo));
            }
            return EXIT_USAGE;
        }
    }
    return EXIT_YES;
}

static bool parse_format(const char *s, output_format *f)
{
    static const char *const names[] = {"text", "json", "jsonl", "csv", "tsv", "svg"};
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
        if (errno == EPIPE || cli_reader_gone(stdout))
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
    char echo[CLI_ECHO_BUFSIZE];
    const command *cmd = NULL;
    if (optind < argc) {
        cmd = find_command(argv[optind]);
        if (cmd == NULL) {
            cli_error("unknown command '%s' (try 'warrantcheck --help')",
                      cli_echo(argv[optind], echo));
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
    c.person = o.person;
    c.filter = o.parties ? FILTER_PARTIES : o.non_parties ? FILTER_NON_PARTIES : FILTER_ALL;
    if (o.parties && o.non_parties) {
        cli_error("--parties and --non-parties exclude each other");
        return EXIT_USAGE;
    }
    if (o.format != NULL && !parse_format(o.format, &c.format)) {
        cli_error("unknown format '%s' (text, json, jsonl, csv, tsv or svg)",
                  cli_echo(o.format, echo));
        return EXIT_USAGE;
    }
    if (!parse_color(o.color, &c.color)) {
        cli_error("--color: '%s' is not auto, always or never", cli_echo(o.color, echo));
        return EXIT_USAGE;
    }
    if (o.on != NULL) {
        if (!wc_date_parse(o.on, strlen(o.on), &c.date)) {
            cli_error("--on: not a date: '%s' (expected YYYY-MM-DD, a real day from %d to "
                      "%d)",
                      cli_echo(o.on, echo), WC_DATE_MIN_YEAR, WC_DATE_MAX_YEAR);
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
    if (c.format == FORMAT_SVG && cmd != NULL && cmd->run != cmd_where && cmd->run != cmd_map) {
        cli_error("--format svg applies only to 'where' and 'map'");
        return EXIT_USAGE;
    }
    c.out_path = o.out;

    /* An empty WARRANTCHECK_DATA means unset; an empty --data is a slip
     * (--data "$UNSET"), not a request for the built-in dataset. */
    if (o.data != NULL && o.data[0] == '\0') {
        cli_error("--data: the file name is empty");
        return EXIT_USAGE;
    }
    const char *data = o.data != NULL ? o.data : getenv("WARRANTCHECK_DATA");
    if (data != NULL && data[0] == '\0')
        data = NULL;
    wc_dataset *owned;
    const wc_dataset *ds = cli_load_dataset(data, &owned);
    if (ds == NULL)
        return EXIT_DATASET;
    c.ds = ds;
    c.data_name = data != NULL ? data : CLI_BUILTIN_DATA_NAME;

    if (o.version) {
        char asof[WC_DATE_BUFSIZE];
        printf("warrantcheck %s\ndataset as of %s\n", wc_version(),
               wc_date_format(ds->as_of, asof));
        wc_dataset_free(owned);
        return finish_output(EXIT_YES);
    }
    status = cmd->run(&c, argc - optind - 1, argv + optind + 1);
    /* Said after an answer, not before an error it would only bury. An
     * itinerary's legs carry their own dates; it warns for them. */
    if (status <= EXIT_NO && c.date > ds->as_of && !c.quiet && cmd->bit != FOR_COMPLETION &&
        cmd->bit != FOR_ITINERARY) {
        char asof[WC_DATE_BUFSIZE];
        cli_warning("the dataset is current to %s; later events are not known",
                    wc_date_format(ds->as_of, asof));
    }
    wc_dataset_free(owned);
    return finish_output(status);
}
