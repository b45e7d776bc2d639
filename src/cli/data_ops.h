/* Issue 13's commands: `data status`, `data install`, `data update`,
 * `data diff` (data_ops.c, data_update.c, cmd_diff.c) and `events`
 * (cmd_events.c). Their options are bound in options.c's tables; the
 * checks here run before any dataset is loaded, as every command's do. */
#ifndef WC_DATA_OPS_H
#define WC_DATA_OPS_H

#include "cli.h"

/* Each of the options, for ops_only(). */
enum {
    OPS_SINCE = 1 << 0,
    OPS_UNTIL = 1 << 1,
    OPS_COUNTRY = 1 << 2,
    OPS_MAX_AGE = 1 << 3,
    OPS_FORCE = 1 << 4,
    OPS_REMOVE = 1 << 5,
    OPS_FROM = 1 << 6,
    OPS_KEY = 1 << 7
};

/* Refuses the options given outside `allowed` for `what` ("data status"):
 * `data` takes them all in its table, each subcommand only its own. Told
 * from their values, which the option table binds. */
bool ops_only(const cli *c, unsigned allowed, const char *what);

/* Checks `data status|install|update|diff` (argv[0]) before any data
 * loads: their words and options. Returns CHECK_DATA, CHECK_NO_DATA or
 * CHECK_FAILED; sets *handled to false (and returns CHECK_FAILED after
 * refusing their options) for `info` and `validate`, which options.c
 * checks itself, and for a word that is none of them. */
int data_ops_check(cli *c, int argc, char **argv, bool *handled);

/* Runs `data status|install|update|diff`. Returns false (and leaves
 * *status) when argv[0] is a subcommand it does not handle. */
bool data_ops_run(cli *c, int argc, char **argv, int *status);

/* Checks `events`: no words; --since and --until dates. */
int events_check(cli *c, int argc, char **argv);

/* Installs the dataset `text` (already validated as `ds`) from `origin`
 * (a file name or URL, for messages): refuses one older than the data in
 * use unless --force, then replaces the installed file atomically and
 * keeps the previous one as .prev. Returns an exit status. */
int data_install_text(const cli *c, const char *origin, const char *text, size_t len,
                      const wc_dataset *ds, const char *sha256);

int data_update(cli *c, int argc, char **argv);
int data_diff(cli *c, int argc, char **argv);

#endif
