/* `warrantcheck __complete WORD...`, which the static completion scripts
 * of completions/ call as their user types (as git's
 * --git-completion-helper and cobra's __complete): the WORDs are the
 * command line so far, the last the one being completed. It prints the
 * candidates that begin with it, one a line, from the tables of options.c
 * and the dataset in use, so the scripts hold no list of their own and
 * never go stale. And `completion SHELL`, which prints those scripts. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "field_list.h"
#include "options.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

/* The scripts, built in from completions/ (cmake/embed.cmake). */
extern const char *const cli_completion_bash, *const cli_completion_zsh,
    *const cli_completion_fish;
extern const size_t cli_completion_bash_len, cli_completion_zsh_len, cli_completion_fish_len;

/* What is being completed, and what each candidate is printed after. */
typedef struct completion {
    const char *cur;
    const char *prefix; /* "--format=" for --format=VALUE, else "" */
    const char *data;   /* the --data FILE among the words, or NULL */
    const char *format; /* the --format among the words, or NULL */
} completion;

static bool begins_with(const char *word, const char *start, bool any_case)
{
    for (; *start != '\0'; word++, start++) {
        char a = *word, b = *start;
        if (any_case) {
            a = a >= 'A' && a <= 'Z' ? (char)(a - 'A' + 'a') : a;
            b = b >= 'A' && b <= 'Z' ? (char)(b - 'A' + 'a') : b;
        }
        if (a != b || *word == '\0')
            return false;
    }
    return true;
}

/* Prints `word` if it begins with what is typed; never a word with a
 * control character, which would break the one-a-line protocol or reach
 * the terminal (a --data file may hold any name). */
static void offer(const completion *k, const char *word, size_t len, bool any_case)
{
    char buf[256];
    if (len >= sizeof buf)
        return;
    memcpy(buf, word, len);
    buf[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
            return;
    if (begins_with(buf, k->cur, any_case))
        printf("%s%s\n", k->prefix, buf);
}

/* Offers each word of "a|b|c", "[FILE]" or "auto always never". */
static void offer_words(const completion *k, const char *words)
{
    while (*words != '\0') {
        words += strspn(words, "[| ");
        size_t len = strcspn(words, "]| ");
        if (len > 0)
            offer(k, words, len, false);
        words += len;
        words += strspn(words, "]");
    }
}

/* Offers each word of `words` after the commas of a list being typed
 * ("obliged,not" offers "obliged,not-obliged"), the words already in it
 * left out. */
static void offer_word_list(const completion *k, const char *words)
{
    const char *last = strrchr(k->cur, ',');
    if (last == NULL) {
        offer_words(k, words);
        return;
    }
    char prefix[256];
    int n = snprintf(prefix, sizeof prefix, "%s%.*s", k->prefix, (int)(last + 1 - k->cur),
                     k->cur);
    if (n < 0 || (size_t)n >= sizeof prefix)
        return;
    completion rest = *k;
    rest.prefix = prefix;
    rest.cur = last + 1;
    while (*words != '\0') {
        words += strspn(words, " ");
        size_t len = strcspn(words, " ");
        /* ",word," inside ",LIST,": already given. */
        bool given = false;
        for (const char *at = k->cur; len > 0 && at < last && !given; at += strcspn(at, ",") + 1)
            given = strncmp(at, words, len) == 0 && (at[len] == ',');
        if (len > 0 && !given)
            offer(&rest, words, len, false);
        words += len;
    }
}

/* Offers the field names of --fields LIST after its commas: those of the
 * --format on the line, or without one those of csv and then the JSON
 * keys csv has not (text has no fields: offered as csv's, its default
 * for a script). */
static void offer_field_list(const completion *k, const command *cmd)
{
    if (cmd == NULL)
        return;
    output_format f = FORMAT_CSV;
    bool both = true;
    for (size_t i = 0; k->format != NULL && i < N_FORMATS; i++)
        if (strcmp(k->format, FORMAT_NAMES[i]) == 0 &&
            field_names(cmd->name, (output_format)i) != NULL) {
            f = (output_format)i;
            both = false;
        }
    char words[512];
    size_t at = 0;
    words[0] = '\0';
    for (int pass = 0; pass < (both ? 2 : 1); pass++) {
        const char *const *names = field_names(cmd->name, pass == 0 ? f : FORMAT_JSON);
        for (size_t i = 0; names != NULL && names[i] != NULL && at < sizeof words; i++) {
            bool seen = false; /* in csv's already, on the second pass */
            const char *const *csv = field_names(cmd->name, FORMAT_CSV);
            for (size_t j = 0; pass == 1 && csv[j] != NULL && !seen; j++)
                seen = strcmp(csv[j], names[i]) == 0;
            if (!seen)
                at += (size_t)snprintf(words + at, sizeof words - at, "%s ", names[i]);
        }
    }
    offer_word_list(k, words);
}

/* Offers the countries or persons of the dataset in use. */
static void offer_names(const completion *k, arg_kind kind)
{
    const char *path = k->data != NULL ? k->data : getenv("WARRANTCHECK_DATA");
    if (path != NULL && path[0] == '\0')
        path = NULL;
    /* A completion says nothing on the terminal, even of a bad file. */
    diag_silence(true);
    wc_dataset *owned;
    const wc_dataset *ds = cli_load_dataset(path, &owned);
    if (ds == NULL)
        return;
    if (kind == ARG_COUNTRY)
        for (size_t i = 0; i < ds->n_countries; i++) {
            const wc_country *c = &ds->countries[i];
            offer(k, c->iso2, strlen(c->iso2), true);
            offer(k, c->iso3, strlen(c->iso3), true);
            offer(k, c->name, strlen(c->name), true);
        }
    else
        for (size_t i = 0; i < ds->n_persons; i++)
            offer(k, ds->persons[i].id, strlen(ds->persons[i].id), true);
    wc_dataset_free(owned);
}

/* Offers what an argument or an option's value of this kind may be.
 * Returns 1 for a file name, which the shell completes, else 0. */
static int offer_kind(const completion *k, const command *cmd, arg_kind kind, const char *words)
{
    switch (kind) {
    case ARG_WORDS: offer_words(k, words); break;
    case ARG_WORD_LIST: offer_word_list(k, words); break;
    case ARG_FIELD_LIST: offer_field_list(k, cmd); break;
    case ARG_FILE: return 1;
    case ARG_COUNTRY:
    case ARG_PERSON: offer_names(k, kind); break;
    case ARG_FORMAT:
        for (size_t f = 0; f < N_FORMATS; f++)
            if (cmd == NULL || (cmd->formats & FORMAT_BIT(f)))
                offer(k, FORMAT_NAMES[f], strlen(FORMAT_NAMES[f]), false);
        break;
    case ARG_COMMAND:
        for (size_t i = 0; i < N_COMMANDS; i++)
            offer(k, COMMANDS[i].name, strlen(COMMANDS[i].name), false);
        break;
    case ARG_ANY: break;
    }
    return 0;
}

static int offer_value(const completion *k, const command *cmd, const option_spec *o)
{
    return offer_kind(k, cmd, o->value, o->words);
}

int cli_complete(int argc, char **argv)
{
    completion k = {.cur = argc > 0 ? argv[argc - 1] : "", .prefix = ""};
    const command *cmd = NULL;
    bool unknown_command = false, options_end = false;
    size_t n_args = 0;
    const option_spec *value_of = NULL; /* the option whose value comes next */
    /* Where the words before the last leave us: which command, how many of
     * its arguments, and whether an option's value is due. */
    for (int i = 0; i + 1 < argc; i++) {
        const char *w = argv[i];
        if (value_of != NULL) {
            if (strcmp(value_of->name, "data") == 0)
                k.data = w;
            if (strcmp(value_of->name, "format") == 0)
                k.format = w;
            value_of = NULL;
        } else if (!options_end && strcmp(w, "--") == 0) {
            options_end = true;
        } else if (!options_end && strncmp(w, "--", 2) == 0) {
            size_t len = strcspn(w + 2, "=");
            const option_spec *o = option_named(cmd, w + 2, len);
            if (o != NULL && o->kind == OPTION_STRING && w[2 + len] == '\0')
                value_of = o;
            else if (o != NULL && strcmp(o->name, "data") == 0)
                k.data = w + 2 + len + 1;
            else if (o != NULL && strcmp(o->name, "format") == 0)
                k.format = w + 2 + len + 1;
        } else if (!options_end && w[0] == '-' && w[1] != '\0') {
            continue; /* -q, -h: no short option takes a value */
        } else if (cmd == NULL && !unknown_command) {
            cmd = find_command(w);
            unknown_command = cmd == NULL;
        } else {
            n_args++;
        }
    }
    if (unknown_command)
        return EXIT_YES;
    if (value_of != NULL)
        return offer_value(&k, cmd, value_of);
    if (!options_end && strncmp(k.cur, "--", 2) == 0 && strchr(k.cur, '=') != NULL) {
        size_t len = strcspn(k.cur + 2, "=");
        const option_spec *o = option_named(cmd, k.cur + 2, len);
        if (o == NULL || o->kind != OPTION_STRING)
            return EXIT_YES;
        char prefix[64];
        snprintf(prefix, sizeof prefix, "--%.*s=", (int)(len < 40 ? len : 40), k.cur + 2);
        k.prefix = prefix;
        k.cur += 2 + len + 1;
        return offer_value(&k, cmd, o);
    }
    if (!options_end && k.cur[0] == '-') {
        char dashed[48];
        for (const option_spec *o = cmd != NULL ? cmd->options : GLOBAL_OPTIONS;
             o->kind != OPTION_END; o++) {
            int n = snprintf(dashed, sizeof dashed, "--%s", o->name);
            offer(&k, dashed, (size_t)n, false);
        }
        return EXIT_YES;
    }
    if (cmd == NULL)
        return offer_kind(&k, NULL, ARG_COMMAND, NULL);
    if (n_args >= sizeof cmd->args / sizeof cmd->args[0] || cmd->args[n_args].placeholder == NULL)
        return EXIT_YES;
    return offer_kind(&k, cmd, cmd->args[n_args].kind, cmd->args[n_args].placeholder);
}

int cmd_completion(cli *c, int argc, char **argv)
{
    if (argc != 1) {
        cli_error("'completion' needs one shell: bash, zsh or fish");
        return EXIT_USAGE;
    }
    if (strcmp(argv[0], "bash") == 0)
        fwrite(cli_completion_bash, 1, cli_completion_bash_len, c->out);
    else if (strcmp(argv[0], "zsh") == 0)
        fwrite(cli_completion_zsh, 1, cli_completion_zsh_len, c->out);
    else if (strcmp(argv[0], "fish") == 0)
        fwrite(cli_completion_fish, 1, cli_completion_fish_len, c->out);
    else {
        static const char *const shells[] = {"bash", "zsh", "fish"};
        const char *near[2];
        char echo[CLI_ECHO_BUFSIZE];
        cli_echo(argv[0], echo);
        size_t n = suggest(argv[0], shells, sizeof shells / sizeof shells[0], near, 2);
        if (n > 0)
            cli_error("unknown shell '%s'; did you mean '%s'%s%s%s?", echo, near[0],
                      n > 1 ? " or '" : "", n > 1 ? near[1] : "", n > 1 ? "'" : "");
        else
            cli_error("unknown shell '%s' (bash, zsh or fish)", echo);
        return EXIT_USAGE;
    }
    return EXIT_YES;
}
