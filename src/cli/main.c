/* warrantcheck: parse the command line, load the dataset, run a command,
 * and turn its answer into an exit status. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BUILTIN_NAME "warrantcheck.json"
/* A data file past this size is refused before it is read. */
#define MAX_DATA_BYTES (64L * 1024 * 1024)

typedef struct command {
    const char *name;
    int (*run)(cli *c, int argc, char **argv);
    const char *synopsis;
    const char *help;
} command;

static const command COMMANDS[] = {
    {"country", cmd_country, "country COUNTRY",
     "Is COUNTRY a State Party to the Rome Statute on the date? Prints the dates\n"
     "that make it so and notes (signed but not ratified, withdrawal pending or\n"
     "revoked, art. 12(3) declarations). Exit status 0 for a State Party, 1 if not.\n"
     "\n"
     "Examples:\n"
     "  warrantcheck country Mongolia\n"
     "  warrantcheck country \"United States\"\n"
     "  warrantcheck country Ukraine --on 2024-12-31\n"
     "  warrantcheck country PH --on 2019-03-17 --format json | jq .state_party\n"},
};
#define N_COMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

static const char GENERAL_HELP[] =
    "Usage: warrantcheck COMMAND [ARGS] [OPTIONS]\n"
    "\n"
    "Can this person be arrested in this country, on this date, under an arrest\n"
    "warrant of the International Criminal Court? Answers offline from a dated,\n"
    "sourced dataset, with its reasons.\n"
    "\n"
    "Examples:\n"
    "  warrantcheck country Mongolia\n"
    "  warrantcheck country \"south korea\" --on 2002-07-01\n"
    "  warrantcheck country Hungary --on 2026-07-01 --format json\n"
    "\n"
    "Commands:\n"
    "  country COUNTRY     membership of COUNTRY in the Rome Statute on the date\n"
    "\n"
    "Options:\n"
    "  --on DATE           answer for DATE (YYYY-MM-DD); default: today, UTC\n"
    "  --format FORMAT     text (default) or json\n"
    "  -q, --quiet         print nothing; answer with the exit status only\n"
    "  --data FILE         load the dataset from FILE (also WARRANTCHECK_DATA)\n"
    "  -h, --help          show help (for a command: warrantcheck COMMAND --help)\n"
    "  --version           show the version and the dataset's as-of date\n"
    "\n"
    "Exit status: 0 yes, 1 no, 2 usage error, 3 input error (unknown name),\n"
    "4 dataset error, 5 output error.\n"
    "\n"
    "Not legal advice. The dataset is current to its as-of date (see --version).\n";

enum { OPT_ON = 256, OPT_FORMAT, OPT_DATA, OPT_VERSION };

static const struct option OPTIONS[] = {
    {"on", required_argument, NULL, OPT_ON},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"quiet", no_argument, NULL, 'q'},
    {"data", required_argument, NULL, OPT_DATA},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

typedef struct options {
    const char *on;
    const char *format;
    const char *data;
    bool quiet;
    bool help;
    bool version;
} options;

static int parse_options(int argc, char **argv, options *o)
{
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":qh", OPTIONS, NULL)) != -1) {
        switch (ch) {
        case OPT_ON:
            o->on = optarg;
            break;
        case OPT_FORMAT:
            o->format = optarg;
            break;
        case OPT_DATA:
            o->data = optarg;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            o->help = true;
            break;
        case OPT_VERSION:
            o->version = true;
            break;
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
    static const struct {
        const char *name;
        output_format format;
    } formats[] = {{"text", FORMAT_TEXT}, {"json", FORMAT_JSON}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(s, formats[i].name) == 0) {
            *f = formats[i].format;
            return true;
        }
    return false;
}

/* Reads a whole data file; on failure prints why and returns NULL. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        cli_error("%s: cannot open the data file: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        cli_error("%s: not a regular file", path);
        fclose(f);
        return NULL;
    }
    if (st.st_size > MAX_DATA_BYTES) {
        cli_error("%s: the data file is larger than %ld MiB", path, MAX_DATA_BYTES >> 20);
        fclose(f);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    size_t got = buf ? fread(buf, 1, size, f) : 0;
    bool failed = buf == NULL || ferror(f) || got != size;
    fclose(f);
    if (failed) {
        cli_error("%s: cannot read the data file", path);
        free(buf);
        return NULL;
    }
    buf[size] = '\0';
    *len = size;
    return buf;
}

static wc_dataset *load_dataset(const char *path)
{
    wc_error err;
    wc_dataset *ds;
    if (path == NULL) {
        ds = wc_dataset_load(wc_builtin_data, wc_builtin_data_len, &err);
        path = BUILTIN_NAME;
    } else {
        size_t len;
        char *text = read_file(path, &len);
        if (text == NULL)
            return NULL;
        ds = wc_dataset_load(text, len, &err);
        free(text);
    }
    if (ds == NULL) {
        if (err.line > 0)
            cli_error("%s:%lu:%lu: %s", path, err.line, err.column, err.message);
        else
            cli_error("%s: %s", path, err.message);
    }
    return ds;
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
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
            printf("Usage: warrantcheck %s [OPTIONS]\n\n%s", cmd->synopsis, cmd->help);
        else
            fputs(GENERAL_HELP, stdout);
        return finish_output(EXIT_YES);
    }

    cli c = {.format = FORMAT_TEXT, .quiet = o.quiet, .header = true, .out = stdout};
    if (o.format != NULL && !parse_format(o.format, &c.format)) {
        cli_error("unknown format '%.100s' (text or json)", o.format);
        return EXIT_USAGE;
    }
    if (o.on != NULL) {
        if (!wc_date_parse(o.on, strlen(o.on), &c.date)) {
            cli_error("--on: not a date: '%.100s' (expected YYYY-MM-DD, a real day from %d to "
                      "%d)",
                      o.on, WC_DATE_MIN_YEAR, WC_DATE_MAX_YEAR);
            return EXIT_USAGE;
        }
        c.date_given = true;
    } else {
        c.date = wc_date_from_time(time(NULL));
    }
    if (!o.version && cmd == NULL) {
        fputs("Usage: warrantcheck COMMAND [ARGS] [OPTIONS]; try 'warrantcheck --help'\n",
              stderr);
        return EXIT_USAGE;
    }

    const char *data = o.data != NULL ? o.data : getenv("WARRANTCHECK_DATA");
    if (data != NULL && data[0] == '\0')
        data = NULL;
    wc_dataset *ds = load_dataset(data);
    if (ds == NULL)
        return EXIT_DATASET;
    c.ds = ds;

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
