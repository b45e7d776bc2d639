/* The command line's two tables: every option with the commands it applies
 * to, and every command with its synopsis and help. One description drives
 * parsing, --help and the shell completions, so they cannot drift apart. */
#ifndef WC_COMMANDS_H
#define WC_COMMANDS_H

#include "cli.h"

#include <stddef.h>

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
    FOR_ITINERARY = 1 << 8,
    FOR_MAP = 1 << 9,
    FOR_ALL = 0xff | FOR_MAP | FOR_ITINERARY,
    /* not a query: takes no query options and never warns about the date */
    FOR_COMPLETION = 1 << 15
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
    OPT_NON_PARTIES,
    OPT_OUT,
    OPT_PERSON
};

typedef struct option_spec {
    const char *name;
    char short_name;
    int id;
    const char *arg; /* NULL for a flag */
    unsigned commands;
    const char *help;
    const char *values; /* the words its value may be, space-separated; NULL: any */
} option_spec;

typedef struct command {
    const char *name;
    unsigned bit;
    int (*run)(cli *c, int argc, char **argv);
    const char *synopsis;
    const char *summary;
    const char *help;
} command;

/* At most this many options: each has a bit in an unsigned mask. */
#define MAX_OPTIONS 32

extern const option_spec OPTION_SPECS[];
extern const size_t N_OPTIONS;
extern const command COMMANDS[];
extern const size_t N_COMMANDS;

/* `completion bash|zsh|fish`: prints a completion script made from the
 * tables above and the dataset's names (completion.c). */
int cmd_completion(cli *c, int argc, char **argv);

#endif
