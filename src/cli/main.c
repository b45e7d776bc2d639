/* warrantcheck: parse the command line, load the dataset, run a command,
 * and turn its answer into an exit status. The tables of options.c drive
 * parsing and the help text, so the two cannot drift apart. */
#include "cli.h"
#include "dataset_id.h"
#include "diag.h"
#include "echo.h"
#include "options.h"
#include "pager.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    pager_wait(); /* it has read all, or quit: stdout is closed */
    return diag_status(status);
}

/* Checks the command line, loads the dataset if the command needs one and
 * runs the command. Returns the exit status. */
static int run(cli *c, const parsed_options *p, int n_words, char **words)
{
    const command *cmd;
    int check = check_arguments(c, p, n_words, words, &cmd);
    if (check != CHECK_DATA && check != CHECK_NO_DATA)
        return check;
    /* Long text goes through a pager on a terminal: once the command line
     * is known good, and after the data loaded, so that neither error
     * waits on a pager. */
    bool pages = command_pages(c, cmd, n_words, words);
    if (c->help) {
        if (pages)
            pager_start();
        if (cmd != NULL)
            print_command_help(c, cmd);
        else
            print_general_help(c);
        return EXIT_YES;
    }
    if (check == CHECK_NO_DATA) {
        if (pages)
            pager_start();
        return cmd->run(c, n_words - 1, words + 1);
    }
    /* The program's version is known whatever the data in use: said first,
     * then the dataset's date if it loads (else its error, exit 4). */
    if (c->version)
        printf("warrantcheck %s\n", wc_version());

    const char *data = c->data_path != NULL ? c->data_path : getenv("WARRANTCHECK_DATA");
    if (data != NULL && data[0] == '\0')
        data = NULL;
    /* --data, WARRANTCHECK_DATA, the installed dataset if newer than the
     * built-in one, the built-in one (dataset_id.h). */
    wc_dataset *owned;
    data_identity id;
    const wc_dataset *ds = data_load_in_use(data, c->want_sha256, &id, &owned);
    if (ds == NULL) {
        data_identity_free(&id);
        return EXIT_DATASET;
    }
    c->ds = ds;
    c->identity = &id;
    c->data_name = id.path != NULL ? id.path : CLI_BUILTIN_DATA_NAME;

    int status = EXIT_YES;
    if (c->version) {
        data_print_version(stdout, ds, &id);
    } else {
        if (pages)
            pager_start();
        status = cmd->run(c, n_words - 1, words + 1);
        /* Said after an answer, not before an error it would only bury. An
         * itinerary's legs carry their own dates; it warns for them. */
        if (status <= EXIT_NO && c->date > ds->as_of && !c->quiet &&
            (cmd->flags & COMMAND_QUERY) && !c->undated) {
            char asof[WC_DATE_BUFSIZE];
            cli_warning("the dataset is current to %s; later events are not known",
                        wc_date_format(ds->as_of, asof));
        }
    }
    wc_dataset_free(owned);
    data_identity_free(&id);
    return status;
}

int main(int argc, char **argv)
{
    /* A closed pipe is seen as EPIPE from a write, not as a signal. */
    signal(SIGPIPE, SIG_IGN);
    if (argc >= 2 && strcmp(argv[1], "__complete") == 0)
        return finish_output(cli_complete(argc - 2, argv + 2));
    cli c = {.format = FORMAT_TEXT, .header = true, .out = stdout};
    c.writer = wcr_writer_file(c.out);
    parsed_options p;
    int status = parse_command_line(argc, argv, &c, &p);
    if (status == EXIT_YES)
        status = run(&c, &p, argc - p.first_word, argv + p.first_word);
    return finish_output(status);
}
