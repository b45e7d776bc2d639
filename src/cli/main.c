/* warrantcheck: parse the command line, load the dataset, run a command,
 * and turn its answer into an exit status. The tables of options.c drive
 * parsing and the help text, so the two cannot drift apart. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "options.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Flushes and closes standard output, as jq does, so that a write that
 * failed (`> /dev/full`) is an error; a closed pipe (`| head`) is not. */
static int finish_output(int status)
{
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    int err = errno;
    bool gone = failed && (err == EPIPE || cli_reader_gone(stdout));
    if (fclose(stdout) != 0 && !failed) {
        failed = true;
        err = errno;
        gone = err == EPIPE;
    }
    if (failed && !gone) {
        diag(DIAG_OUTPUT, NULL, 0, 0, "writing standard output: %s", strerror(err));
        status = EXIT_OUTPUT;
    }
    return diag_status(status);
}

/* Checks the options' values, loads the dataset and runs the command.
 * Returns the exit status. */
static int run(cli *c, const parsed_options *p, int n_words, char **words)
{
    const command *cmd = n_words > 0 ? find_command(words[0]) : NULL;
    char echo[CLI_ECHO_BUFSIZE];
    if (cmd == NULL && n_words > 0) {
        report_unknown_command(words[0]);
        return EXIT_USAGE;
    }
    if (c->help) {
        if (cmd != NULL)
            print_command_help(cmd);
        else
            print_general_help();
        return EXIT_YES;
    }
    if (c->format_text != NULL && !parse_format(c->format_text, &c->format)) {
        cli_error("unknown format '%s' (text, json, jsonl, csv, tsv or svg)",
                  cli_echo(c->format_text, echo));
        return EXIT_USAGE;
    }
    if (!parse_color(c->color_text, &c->color)) {
        cli_error("--color: '%s' is not auto, always or never", cli_echo(c->color_text, echo));
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
    if (!c->version && cmd == NULL) {
        fputs("Usage: warrantcheck COMMAND [ARGS] [OPTIONS]; try 'warrantcheck --help'\n",
              stderr);
        return EXIT_USAGE;
    }
    if (cmd != NULL && !options_apply(p, cmd))
        return EXIT_USAGE;
    if (cmd != NULL && !command_writes(cmd, c->format))
        return EXIT_USAGE;
    if (cmd != NULL && (cmd->flags & COMMAND_NO_DATA))
        return cmd->run(c, n_words - 1, words + 1);

    /* An empty WARRANTCHECK_DATA means unset; an empty --data is a slip
     * (--data "$UNSET"), not a request for the built-in dataset. */
    if (c->data_path != NULL && c->data_path[0] == '\0') {
        cli_error("--data: the file name is empty");
        return EXIT_USAGE;
    }
    const char *data = c->data_path != NULL ? c->data_path : getenv("WARRANTCHECK_DATA");
    if (data != NULL && data[0] == '\0')
        data = NULL;
    wc_dataset *owned;
    const wc_dataset *ds = cli_load_dataset(data, &owned);
    if (ds == NULL)
        return EXIT_DATASET;
    c->ds = ds;
    c->data_name = data != NULL ? data : CLI_BUILTIN_DATA_NAME;

    int status = EXIT_YES;
    if (c->version) {
        char asof[WC_DATE_BUFSIZE];
        printf("warrantcheck %s\ndataset as of %s\n", wc_version(),
               wc_date_format(ds->as_of, asof));
    } else {
        status = cmd->run(c, n_words - 1, words + 1);
        /* Said after an answer, not before an error it would only bury. An
         * itinerary's legs carry their own dates; it warns for them. */
        if (status <= EXIT_NO && c->date > ds->as_of && !c->quiet &&
            (cmd->flags & COMMAND_QUERY)) {
            char asof[WC_DATE_BUFSIZE];
            cli_warning("the dataset is current to %s; later events are not known",
                        wc_date_format(ds->as_of, asof));
        }
    }
    wc_dataset_free(owned);
    return status;
}

int main(int argc, char **argv)
{
    /* A closed pipe is seen as EPIPE from a write, not as a signal. */
    signal(SIGPIPE, SIG_IGN);
    if (argc >= 2 && strcmp(argv[1], "__complete") == 0)
        return finish_output(cli_complete(argc - 2, argv + 2));
    cli c = {.format = FORMAT_TEXT, .header = true, .out = stdout};
    parsed_options p;
    int status = parse_command_line(argc, argv, &c, &p);
    if (status == EXIT_YES)
        status = run(&c, &p, argc - p.first_word, argv + p.first_word);
    return finish_output(status);
}
