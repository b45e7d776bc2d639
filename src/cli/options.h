/* The command line's tables, in the manner of git's parse-options: each
 * command has its arguments, the formats it writes and a table of its own
 * options, and each option names the field of `cli` its value goes to. The
 * tables drive parsing, --help, `help COMMAND` and `__complete`, so adding
 * an option is one line in the table of each command that takes it. */
#ifndef WC_CLI_OPTIONS_H
#define WC_CLI_OPTIONS_H

#include "cli.h"

#include <stddef.h>

/* What an option does with its destination. */
typedef enum option_kind {
    OPTION_END,    /* ends a table */
    OPTION_FLAG,   /* sets a bool to true */
    OPTION_CLEAR,  /* sets a bool to false (--no-header) */
    OPTION_SET,    /* sets an int to `set`; two different ones exclude each other */
    OPTION_STRING  /* keeps its value, a const char *; the last one given wins */
} option_kind;

/* What a command's argument or an option's value is, for completion. */
typedef enum arg_kind {
    ARG_ANY,     /* free text, such as a DATE: nothing to offer */
    ARG_WORDS,   /* one of the words of the placeholder ("info|validate") */
    ARG_WORD_LIST, /* words of `words`, separated by commas ("obliged,not-obliged") */
    ARG_FIELD_LIST, /* --fields: the command's field names in the --format given, by commas */
    ARG_FILE,    /* a file name */
    ARG_COUNTRY, /* a country of the dataset */
    ARG_PERSON,  /* a person of the dataset */
    ARG_FORMAT,  /* one of the command's formats */
    ARG_COMMAND  /* a command */
} arg_kind;

typedef struct option_spec {
    option_kind kind;
    char short_name;     /* 0 for none */
    const char *name;    /* the long name, without "--" */
    size_t offset;       /* of the destination in `cli` */
    int set;             /* OPTION_SET: the value it sets */
    const char *arg;     /* OPTION_STRING: the placeholder of its value ("DATE") */
    arg_kind value;      /* OPTION_STRING: what its value is */
    const char *words;   /* ARG_WORDS: the words, space-separated */
    const char *help;
} option_spec;

#define OPT_FLAG(s, n, field, help) \
    {OPTION_FLAG, s, n, offsetof(cli, field), 0, NULL, ARG_ANY, NULL, help}
#define OPT_CLEAR(s, n, field, help) \
    {OPTION_CLEAR, s, n, offsetof(cli, field), 0, NULL, ARG_ANY, NULL, help}
#define OPT_SET(s, n, field, v, help) \
    {OPTION_SET, s, n, offsetof(cli, field), v, NULL, ARG_ANY, NULL, help}
#define OPT_STRING(s, n, field, arg, kind, words, help) \
    {OPTION_STRING, s, n, offsetof(cli, field), 0, arg, kind, words, help}
#define OPT_END {OPTION_END, 0, NULL, 0, 0, NULL, ARG_ANY, NULL, NULL}

/* One argument of a command: its kind and how the synopsis names it. */
typedef struct arg_spec {
    arg_kind kind;
    const char *placeholder; /* "COUNTRY", "[FILE]", "info|validate"; NULL ends */
} arg_spec;

#define FORMAT_BIT(f) (1u << (f))
#define FORMATS_TABLES                                                                  \
    (FORMAT_BIT(FORMAT_TEXT) | FORMAT_BIT(FORMAT_JSON) | FORMAT_BIT(FORMAT_JSONL) |     \
     FORMAT_BIT(FORMAT_CSV) | FORMAT_BIT(FORMAT_TSV))

enum {
    COMMAND_QUERY = 1 << 0,  /* answers for a date: warns past the dataset's as-of date */
    COMMAND_NO_DATA = 1 << 1, /* needs no dataset */
    COMMAND_PAGES = 1 << 2    /* long text: through a pager on a terminal (pager.h) */
};

/* What a command's check of its words says, before any dataset is loaded. */
enum {
    CHECK_FAILED = EXIT_USAGE, /* a usage error, said */
    CHECK_DATA = 0,            /* fine: load the dataset in use, then run */
    CHECK_NO_DATA = 1          /* fine, and the run needs no dataset in use */
};

typedef struct command {
    const char *name;
    int (*run)(cli *c, int argc, char **argv);
    /* Checks the words and options that need no data (NULL: none); see
     * check_arguments(). */
    int (*check)(cli *c, int argc, char **argv);
    arg_spec args[3];
    unsigned formats;          /* FORMAT_BIT()s of the formats it writes */
    const char *formats_error; /* NULL: "'NAME' writes text, json, ..." */
    const option_spec *options;
    unsigned flags;
    const char *summary;
    const char *help; /* the text between the usage line and the options */
} command;

extern const command COMMANDS[];
extern const size_t N_COMMANDS;

/* The options taken before any command (--version, --help) and listed by
 * the general help. */
extern const option_spec GLOBAL_OPTIONS[];

/* The names of the formats, by output_format. */
extern const char *const FORMAT_NAMES[];
extern const size_t N_FORMATS;

/* The command named `name`, or NULL. */
const command *find_command(const char *name);

/* Whether this command line's text goes through a pager on a terminal:
 * text (not --quiet, not --no-pager) of a command that pages (where,
 * persons, countries, events, trips, person, data diff) or of the help. */
bool command_pages(const cli *c, const command *cmd, int n_words, char **words);

/* Writes the synopsis "can PERSON COUNTRY" into buf; returns buf. */
const char *command_synopsis(const command *cmd, char *buf, size_t size);

/* The option named `name` (len bytes, exactly) that `cmd` takes, or for
 * NULL that any command takes; NULL if none. */
const option_spec *option_named(const command *cmd, const char *name, size_t len);

/* Prints the options of a table as --help lists them, to stdout (wrapped
 * to the terminal's width on a terminal). */
void print_options(const cli *c, const option_spec *options);

/* At most this many options, all tables together. */
#define MAX_OPTIONS 32

/* What parse_command_line found: the options given, and where the words
 * that are not options begin (the first is the command). */
typedef struct parsed_options {
    const option_spec *given[MAX_OPTIONS];
    size_t n_given;
    int first_word;
} parsed_options;

/* Parses the options of argv, anywhere on the line, each into its
 * destination in `c`; getopt_long puts the other words last, from
 * p->first_word. Returns EXIT_YES, or EXIT_USAGE with the error said. */
int parse_command_line(int argc, char **argv, cli *c, parsed_options *p);

/* Refuses an option given that `cmd` does not take, rather than silently
 * ignoring what its user asked for (EXIT_USAGE, said). */
bool options_apply(const parsed_options *p, const command *cmd);

/* Everything about the command line that needs no dataset, so that a usage
 * error is one whatever the data in use (exit 2, never 4): the command,
 * --format, --color, --on and the command's own words and options. Sets
 * *cmd (NULL for none, with --version or --help) and c->date. Returns
 * CHECK_DATA or CHECK_NO_DATA to go on (with c->help set: print the help
 * and stop), or EXIT_USAGE with the error said. */
int check_arguments(cli *c, const parsed_options *p, int n_words, char **words,
                    const command **cmd);

/* True if `cmd` writes format `f`; else says which commands do and
 * returns false (exit status EXIT_USAGE). */
bool command_writes(const command *cmd, output_format f);

/* Says "unknown command 'X'", with the nearest commands. */
void report_unknown_command(const char *name);

/* `__complete WORD...`: prints the candidates for the last WORD, one a
 * line (complete.c). Exit status 0, or 1 when the word is a file name and
 * the shell should offer files. */
int cli_complete(int argc, char **argv);

/* `completion bash|zsh|fish` and `help [COMMAND]`. */
int cmd_completion(cli *c, int argc, char **argv);
int cmd_help(cli *c, int argc, char **argv);

/* The general help, and one command's (wrapped on a terminal). */
void print_general_help(const cli *c);
void print_command_help(const cli *c, const command *cmd);

#endif
