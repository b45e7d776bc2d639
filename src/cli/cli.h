/* The command-line front end: what every command shares. It parses,
 * resolves names, formats and maps answers to exit statuses; every legal
 * rule lives in the core. */
#ifndef WC_CLI_H
#define WC_CLI_H

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
    EXIT_OUTPUT = 5
};

typedef enum output_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_JSONL, FORMAT_CSV, FORMAT_TSV } output_format;

typedef struct cli {
    const wc_dataset *ds;
    wc_date date;
    bool date_given;
    output_format format;
    bool quiet;
    bool color;
    bool header;
    FILE *out;
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

/* Resolves a country name for a command; on failure prints the error with
 * its candidates and returns NULL (exit status EXIT_INPUT). */
const wc_country *cli_country(const cli *c, const char *name);

/* Writes one source as a citation: "Title. Publisher, DATE. URL". Returns
 * a malloc'd string the caller frees, or NULL if memory ran out. */
char *cli_citation(const wc_source *s);

/* Runs `warrantcheck country`; args are the words after the command. */
int cmd_country(cli *c, int argc, char **argv);

#endif
