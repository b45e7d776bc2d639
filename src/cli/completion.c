/* `warrantcheck completion bash|zsh|fish`: prints a shell completion script
 * made from the tables of commands.c (commands, each command's options, the
 * words an option's value may be, each command's arguments as its synopsis
 * names them) and from the dataset (country names and ISO codes, person
 * ids). Nothing here is written twice, so completions cannot drift from
 * parsing and --help. */
#include "cli.h"
#include "echo.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

/* What a command's argument or an option's value is. */
typedef enum arg_kind { ARG_NONE, ARG_WORDS, ARG_FILE, ARG_COUNTRY, ARG_PERSON } arg_kind;

/* One argument of a command or value of an option: its kind, and for
 * ARG_WORDS the words, space-separated. */
typedef struct arg_spec {
    arg_kind kind;
    char words[96];
} arg_spec;

/* Reads a placeholder as a synopsis writes it: COUNTRY, PERSON, FILE,
 * [FILE], FILE|- or lower-case alternatives such as info|validate. */
static arg_spec placeholder(const char *word, size_t len)
{
    arg_spec a = {ARG_NONE, ""};
    if (len > 1 && word[0] == '[' && word[len - 1] == ']') {
        word++;
        len -= 2;
    }
    size_t head = strcspn(word, "|");
    if (head > len)
        head = len;
    if (head == 7 && strncmp(word, "COUNTRY", 7) == 0)
        a.kind = ARG_COUNTRY;
    else if (head == 6 && strncmp(word, "PERSON", 6) == 0)
        a.kind = ARG_PERSON;
    else if (head == 4 && strncmp(word, "FILE", 4) == 0)
        a.kind = ARG_FILE;
    else if (len > 0 && word[0] >= 'a' && word[0] <= 'z' && len < sizeof a.words) {
        a.kind = ARG_WORDS;
        for (size_t i = 0; i < len; i++)
            a.words[i] = word[i] == '|' ? ' ' : word[i];
        a.words[len] = '\0';
    }
    return a;
}

/* The n-th argument (from 0) of a command, from the words of its synopsis
 * after the command's name; ARG_NONE past the last. */
static arg_spec command_arg(const command *cmd, size_t n)
{
    const char *s = cmd->synopsis;
    s += strcspn(s, " ");
    for (size_t i = 0;; i++) {
        s += strspn(s, " ");
        if (*s == '\0')
            return (arg_spec){ARG_NONE, ""};
        size_t len = strcspn(s, " ");
        if (i == n)
            return placeholder(s, len);
        s += len;
    }
}

/* How many arguments a command's synopsis names. */
static size_t command_arg_count(const command *cmd)
{
    size_t n = 0;
    while (command_arg(cmd, n).kind != ARG_NONE)
        n++;
    return n;
}

/* What an option's value is: its listed words, or what its placeholder
 * names; ARG_NONE for a flag or a free value such as a DATE. */
static arg_spec option_value(const option_spec *o)
{
    if (o->values != NULL) {
        arg_spec a = {ARG_WORDS, ""};
        snprintf(a.words, sizeof a.words, "%s", o->values);
        return a;
    }
    if (o->arg == NULL)
        return (arg_spec){ARG_NONE, ""};
    return placeholder(o->arg, strlen(o->arg));
}

/* True for the options offered before a command is named: those every
 * query command takes. */
static bool is_common_option(const option_spec *o)
{
    return (o->commands & FOR_ALL) == FOR_ALL;
}

/* Writes `s` in single quotes for sh, bash and zsh. */
static void put_sh_quoted(FILE *out, const char *s)
{
    fputc('\'', out);
    for (; *s != '\0'; s++) {
        if (*s == '\'')
            fputs("'\\''", out);
        else
            fputc(*s, out);
    }
    fputc('\'', out);
}

/* Writes `s` in single quotes for fish, where \ and ' are escaped. */
static void put_fish_quoted(FILE *out, const char *s)
{
    fputc('\'', out);
    for (; *s != '\0'; s++) {
        if (*s == '\'' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('\'', out);
}

/* Writes the case patterns of the options that take a value:
 * "--on|--format|...". */
static void put_valued_options(FILE *out)
{
    bool first = true;
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (OPTION_SPECS[i].arg != NULL) {
            fprintf(out, "%s--%s", first ? "" : "|", OPTION_SPECS[i].name);
            first = false;
        }
}

/* Writes the lines that define the country and person lists, in the
 * syntax of bash and zsh arrays. */
static void put_sh_name_arrays(FILE *out, const wc_dataset *ds, const char *countries,
                               const char *persons)
{
    fprintf(out, "%s=(", countries);
    for (size_t i = 0; i < ds->n_countries; i++) {
        const wc_country *c = &ds->countries[i];
        fputs(i % 4 == 0 ? "\n   " : "", out);
        fprintf(out, " %s %s ", c->iso2, c->iso3);
        put_sh_quoted(out, c->name);
    }
    fprintf(out, "\n)\n%s=(", persons);
    for (size_t i = 0; i < ds->n_persons; i++) {
        fputs(i % 8 == 0 ? "\n   " : "", out);
        fputc(' ', out);
        put_sh_quoted(out, ds->persons[i].id);
    }
    fputs("\n)\n", out);
}

/* The bash command that completes an argument of this kind. */
static void put_bash_action(FILE *out, const arg_spec *a)
{
    switch (a->kind) {
    case ARG_WORDS: fprintf(out, "_warrantcheck_add %s", a->words); break;
    case ARG_FILE: fputs("_warrantcheck_files", out); break;
    case ARG_COUNTRY: fputs("_warrantcheck_add \"${_warrantcheck_countries[@]}\"", out); break;
    case ARG_PERSON: fputs("_warrantcheck_add \"${_warrantcheck_persons[@]}\"", out); break;
    case ARG_NONE: fputs(":", out); break;
    }
}

/* The first lines of every script: what made it, from which dataset. */
static const char SCRIPT_HEADER[] =
    "%s %s completion for warrantcheck, generated by 'warrantcheck completion %s'\n"
    "# from its option table and its dataset (as of %s).\n";

/* The bash script: one function, _warrantcheck, that finds the command and
 * how many of its arguments precede the word, then offers that argument's
 * words; names match in any case and come back quoted (`United\ States`). */
static void emit_bash(FILE *out, const wc_dataset *ds)
{
    char asof[WC_DATE_BUFSIZE];
    fprintf(out, SCRIPT_HEADER, "#", "bash", "bash", wc_date_format(ds->as_of, asof));
    fputs("# Use: source <(warrantcheck completion bash)\n\n", out);
    put_sh_name_arrays(out, ds, "_warrantcheck_countries", "_warrantcheck_persons");
    fputs("\n"
          "# _warrantcheck_add WORD...: adds to COMPREPLY each WORD that begins with\n"
          "# $cur in any case, quoted for the command line unless $cur opened a quote.\n"
          "_warrantcheck_add() {\n"
          "    local w q lc=${cur,,}\n"
          "    for w in \"$@\"; do\n"
          "        [[ ${w,,} == \"$lc\"* ]] || continue\n"
          "        if [[ -n $quote ]]; then\n"
          "            q=$w\n"
          "        else\n"
          "            printf -v q '%q' \"$w\"\n"
          "        fi\n"
          "        COMPREPLY+=(\"$prefix$q\")\n"
          "    done\n"
          "}\n\n"
          "_warrantcheck_files() {\n"
          "    compopt -o filenames 2>/dev/null\n"
          "    local f\n"
          "    while IFS= read -r f; do COMPREPLY+=(\"$prefix$f\"); done \\\n"
          "        < <(compgen -f -- \"$cur\")\n"
          "}\n\n"
          "_warrantcheck() {\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev= quote= prefix= cmd= n=0 i w\n"
          "    COMPREPLY=()\n"
          "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
          "    # An option's value: --opt VALUE, --opt=VALUE, or --opt = VALUE when\n"
          "    # COMP_WORDBREAKS splits at '='.\n"
          "    if [[ $cur == --*=* ]]; then\n"
          "        prev=${cur%%=*}\n"
          "        prefix=$prev=\n"
          "        cur=${cur#*=}\n"
          "    elif [[ $cur == = && $prev == --* ]]; then\n"
          "        cur=\n"
          "    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
          "        prev=${COMP_WORDS[COMP_CWORD - 2]}\n"
          "    fi\n"
          "    case $cur in\n"
          "    \\\"* | \\'*) quote=${cur:0:1} cur=${cur:1} ;;\n"
          "    *) cur=${cur//\\\\/} ;;\n"
          "    esac\n"
          "    # The command, and how many of its arguments come before this word.\n"
          "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
          "        w=${COMP_WORDS[i]}\n"
          "        case $w in\n        ",
          out);
    put_valued_options(out);
    fputs(")\n"
          "            ((i++))\n"
          "            [[ ${COMP_WORDS[i]} == = ]] && ((i++))\n"
          "            ;;\n"
          "        -*) ;;\n"
          "        *) if [[ -z $cmd ]]; then cmd=$w; else ((n++)); fi ;;\n"
          "        esac\n"
          "    done\n"
          "    case $prev in\n",
          out);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option_spec *o = &OPTION_SPECS[i];
        if (o->arg == NULL)
            continue;
        arg_spec a = option_value(o);
        fprintf(out, "    --%s)\n        ", o->name);
        put_bash_action(out, &a);
        fputs("\n        return\n        ;;\n", out);
    }
    fputs("    esac\n"
          "    if [[ $cur == -* ]]; then\n"
          "        case $cmd in\n",
          out);
    for (size_t c = 0; c <= N_COMMANDS; c++) {
        const command *cmd = c < N_COMMANDS ? &COMMANDS[c] : NULL;
        fprintf(out, "        %s) _warrantcheck_add", cmd != NULL ? cmd->name : "*");
        for (size_t i = 0; i < N_OPTIONS; i++) {
            const option_spec *o = &OPTION_SPECS[i];
            if (cmd != NULL ? (o->commands & cmd->bit) != 0 : is_common_option(o))
                fprintf(out, " --%s", o->name);
        }
        fputs(" ;;\n", out);
    }
    fputs("        esac\n"
          "        return\n"
          "    fi\n"
          "    case $cmd in\n"
          "    '') _warrantcheck_add",
          out);
    for (size_t c = 0; c < N_COMMANDS; c++)
        fprintf(out, " %s", COMMANDS[c].name);
    fputs(" ;;\n", out);
    for (size_t c = 0; c < N_COMMANDS; c++) {
        size_t n_args = command_arg_count(&COMMANDS[c]);
        if (n_args == 0)
            continue;
        fprintf(out, "    %s)\n        case $n in\n", COMMANDS[c].name);
        for (size_t n = 0; n < n_args; n++) {
            arg_spec a = command_arg(&COMMANDS[c], n);
            fprintf(out, "        %zu) ", n);
            put_bash_action(out, &a);
            fputs(" ;;\n", out);
        }
        fputs("        esac\n        ;;\n", out);
    }
    fputs("    esac\n"
          "}\n\n"
          "complete -F _warrantcheck warrantcheck\n",
          out);
}

/* The zsh command that completes an argument of this kind. */
static void put_zsh_action(FILE *out, const arg_spec *a)
{
    switch (a->kind) {
    case ARG_WORDS: fprintf(out, "compadd -- %s", a->words); break;
    case ARG_FILE: fputs("_files", out); break;
    case ARG_COUNTRY: fputs("compadd -M 'm:{a-zA-Z}={A-Za-z}' -- \"${countries[@]}\"", out); break;
    case ARG_PERSON: fputs("compadd -M 'm:{a-zA-Z}={A-Za-z}' -- \"${persons[@]}\"", out); break;
    case ARG_NONE: fputs("_message 'a value'", out); break;
    }
}

/* Writes a _describe entry "NAME:DESCRIPTION", quoted, colons in NAME
 * escaped (names here have none). */
static void put_zsh_described(FILE *out, const char *prefix, const char *name, const char *desc)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s%s:%s", prefix, name, desc);
    fputc(' ', out);
    put_sh_quoted(out, buf);
}

/* The zsh script: an autoloadable #compdef function that also registers
 * itself when sourced; commands and options come with their summaries. */
static void emit_zsh(FILE *out, const wc_dataset *ds)
{
    char asof[WC_DATE_BUFSIZE];
    fputs("#compdef warrantcheck\n", out);
    fprintf(out, SCRIPT_HEADER, "#", "zsh", "zsh", wc_date_format(ds->as_of, asof));
    fputs("# Use: save as _warrantcheck in a directory of $fpath, or\n"
          "# source <(warrantcheck completion zsh) after compinit.\n\n"
          "_warrantcheck() {\n"
          "    local -a countries persons described\n",
          out);
    put_sh_name_arrays(out, ds, "    countries", "    persons");
    fputs("    local cmd= prev= i w\n"
          "    integer n=0\n"
          "    for ((i = 2; i < CURRENT; i++)); do\n"
          "        w=${words[i]}\n"
          "        case $w in\n        ",
          out);
    put_valued_options(out);
    fputs(") ((i++)) ;;\n"
          "        -*) ;;\n"
          "        *) if [[ -z $cmd ]]; then cmd=$w; else ((n++)); fi ;;\n"
          "        esac\n"
          "    done\n"
          "    prev=${words[CURRENT-1]}\n"
          "    if [[ $PREFIX == --*=* ]]; then\n"
          "        prev=${PREFIX%%=*}\n"
          "        compset -P '*='\n"
          "    fi\n"
          "    case $prev in\n",
          out);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option_spec *o = &OPTION_SPECS[i];
        if (o->arg == NULL)
            continue;
        arg_spec a = option_value(o);
        fprintf(out, "    --%s) ", o->name);
        put_zsh_action(out, &a);
        fputs("; return ;;\n", out);
    }
    fputs("    esac\n"
          "    if [[ $PREFIX == -* ]]; then\n"
          "        case $cmd in\n",
          out);
    for (size_t c = 0; c <= N_COMMANDS; c++) {
        const command *cmd = c < N_COMMANDS ? &COMMANDS[c] : NULL;
        fprintf(out, "        %s) described=(", cmd != NULL ? cmd->name : "*");
        for (size_t i = 0; i < N_OPTIONS; i++) {
            const option_spec *o = &OPTION_SPECS[i];
            if (cmd != NULL ? (o->commands & cmd->bit) != 0 : is_common_option(o))
                put_zsh_described(out, "--", o->name, o->help);
        }
        fputs(") ;;\n", out);
    }
    fputs("        esac\n"
          "        _describe -t options option described\n"
          "        return\n"
          "    fi\n"
          "    case $cmd in\n"
          "    '')\n"
          "        described=(",
          out);
    for (size_t c = 0; c < N_COMMANDS; c++)
        put_zsh_described(out, "", COMMANDS[c].name, COMMANDS[c].summary);
    fputs(")\n"
          "        _describe -t commands command described\n"
          "        ;;\n",
          out);
    for (size_t c = 0; c < N_COMMANDS; c++) {
        size_t n_args = command_arg_count(&COMMANDS[c]);
        if (n_args == 0)
            continue;
        fprintf(out, "    %s)\n        case $n in\n", COMMANDS[c].name);
        for (size_t n = 0; n < n_args; n++) {
            arg_spec a = command_arg(&COMMANDS[c], n);
            fprintf(out, "        %zu) ", n);
            put_zsh_action(out, &a);
            fputs(" ;;\n", out);
        }
        fputs("        esac\n        ;;\n", out);
    }
    fputs("    esac\n"
          "}\n\n"
          "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
          "    _warrantcheck \"$@\"\n"
          "else\n"
          "    compdef _warrantcheck warrantcheck\n"
          "fi\n",
          out);
}

/* The fish arguments of `complete` for an argument of this kind. */
static void put_fish_action(FILE *out, const arg_spec *a)
{
    switch (a->kind) {
    case ARG_WORDS:
        fputs(" -x -a ", out);
        put_fish_quoted(out, a->words);
        break;
    case ARG_FILE: fputs(" -r -F", out); break;
    case ARG_COUNTRY: fputs(" -x -a '(__warrantcheck_countries)'", out); break;
    case ARG_PERSON: fputs(" -x -a '(__warrantcheck_persons)'", out); break;
    case ARG_NONE: fputs(" -x", out); break;
    }
}

/* The fish script: `complete` lines guarded by which command is named and
 * which of its arguments is being typed; fish does the quoting. */
static void emit_fish(FILE *out, const wc_dataset *ds)
{
    char asof[WC_DATE_BUFSIZE];
    fprintf(out, SCRIPT_HEADER, "#", "fish", "fish", wc_date_format(ds->as_of, asof));
    fputs("# Use: save as ~/.config/fish/completions/warrantcheck.fish\n\n"
          "function __warrantcheck_countries\n"
          "    printf '%s\\n'",
          out);
    for (size_t i = 0; i < ds->n_countries; i++) {
        const wc_country *c = &ds->countries[i];
        fprintf(out, "%s %s %s ", i % 4 == 0 ? " \\\n       " : "", c->iso2, c->iso3);
        put_fish_quoted(out, c->name);
    }
    fputs("\nend\n\n"
          "function __warrantcheck_persons\n"
          "    printf '%s\\n'",
          out);
    for (size_t i = 0; i < ds->n_persons; i++) {
        fputs(i % 8 == 0 ? " \\\n       " : "", out);
        fputc(' ', out);
        put_fish_quoted(out, ds->persons[i].id);
    }
    fputs("\nend\n\n"
          "# Prints the command named so far (or nothing) and how many of its\n"
          "# arguments precede the word being completed.\n"
          "function __warrantcheck_state\n"
          "    set -l tokens (commandline -opc)\n"
          "    set -e tokens[1]\n"
          "    set -l cmd ''\n"
          "    set -l n 0\n"
          "    set -l skip 0\n"
          "    for t in $tokens\n"
          "        if test $skip = 1\n"
          "            set skip 0\n"
          "            continue\n"
          "        end\n"
          "        switch $t\n"
          "            case",
          out);
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (OPTION_SPECS[i].arg != NULL)
            fprintf(out, " --%s", OPTION_SPECS[i].name);
    fputs("\n"
          "                set skip 1\n"
          "            case '-*'\n"
          "            case '*'\n"
          "                if test -z \"$cmd\"\n"
          "                    set cmd $t\n"
          "                else\n"
          "                    set n (math $n + 1)\n"
          "                end\n"
          "        end\n"
          "    end\n"
          "    echo $cmd $n\n"
          "end\n\n"
          "# True if the command is one of the arguments ('' for none yet).\n"
          "function __warrantcheck_in\n"
          "    set -l state (string split ' ' -- (__warrantcheck_state))\n"
          "    contains -- \"$state[1]\" $argv\n"
          "end\n\n"
          "# True if the word being completed is argument N of command CMD.\n"
          "function __warrantcheck_at -a cmd n\n"
          "    test \"$(__warrantcheck_state)\" = \"$cmd $n\"\n"
          "end\n\n"
          "complete -c warrantcheck -f\n",
          out);
    for (size_t c = 0; c < N_COMMANDS; c++) {
        fprintf(out, "complete -c warrantcheck -n '__warrantcheck_in \"\"' -a %s -d ",
                COMMANDS[c].name);
        put_fish_quoted(out, COMMANDS[c].summary);
        fputc('\n', out);
    }
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option_spec *o = &OPTION_SPECS[i];
        fputs("complete -c warrantcheck -n '__warrantcheck_in", out);
        if (is_common_option(o))
            fputs(" \"\"", out);
        for (size_t c = 0; c < N_COMMANDS; c++)
            if (o->commands & COMMANDS[c].bit)
                fprintf(out, " %s", COMMANDS[c].name);
        fprintf(out, "' -l %s", o->name);
        if (o->short_name != 0)
            fprintf(out, " -s %c", o->short_name);
        if (o->arg != NULL) {
            arg_spec a = option_value(o);
            put_fish_action(out, &a);
        }
        fputs(" -d ", out);
        put_fish_quoted(out, o->help);
        fputc('\n', out);
    }
    for (size_t c = 0; c < N_COMMANDS; c++) {
        size_t n_args = command_arg_count(&COMMANDS[c]);
        for (size_t n = 0; n < n_args; n++) {
            arg_spec a = command_arg(&COMMANDS[c], n);
            fprintf(out, "complete -c warrantcheck -n '__warrantcheck_at %s %zu'",
                    COMMANDS[c].name, n);
            put_fish_action(out, &a);
            fputc('\n', out);
        }
    }
}

/* Prints the script for the one shell named; exit status 2 for another. */
int cmd_completion(cli *c, int argc, char **argv)
{
    if (argc != 1) {
        cli_error("'completion' needs one shell: bash, zsh or fish");
        return EXIT_USAGE;
    }
    if (strcmp(argv[0], "bash") == 0)
        emit_bash(c->out, c->ds);
    else if (strcmp(argv[0], "zsh") == 0)
        emit_zsh(c->out, c->ds);
    else if (strcmp(argv[0], "fish") == 0)
        emit_fish(c->out, c->ds);
    else {
        char echo[CLI_ECHO_BUFSIZE];
        cli_error("unknown shell '%s' (bash, zsh or fish)", cli_echo(argv[0], echo));
        return EXIT_USAGE;
    }
    return EXIT_YES;
}
