/* Fuzz harness: the command line, up to the point where data would load.
 * The input is the arguments, separated by NUL bytes. They go through the
 * program's own parse (parse_command_line) and checks (check_arguments),
 * and the help it would print. Beyond "no crash, no leak, no undefined
 * behaviour" it checks that a usage error says why, that an accepted line
 * says nothing, and that no byte of what reaches standard error is a raw
 * control character (every echoed word is escaped). */
#include "fuzz_stderr.h"
#include "options.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* More words than any real command line needs, few enough to stay fast. */
#define MAX_WORDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_capture_stderr();
    /* The words, each NUL-terminated, in one copy getopt may permute. */
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[MAX_WORDS + 2];
    int argc = 0;
    static char program[] = "warrantcheck";
    argv[argc++] = program;
    for (size_t i = 0; i < size && argc <= MAX_WORDS; i += strlen(text + i) + 1)
        argv[argc++] = text + i;
    argv[argc] = NULL;

    /* getopt keeps its place in the last argv between calls: 0 starts
     * afresh (GNU), as a new process would. */
    optind = 0;
    cli c = {.format = FORMAT_TEXT, .header = true, .out = stdout};
    c.writer = wcr_writer_file(c.out); /* the help writes through it */
    parsed_options p;
    int status = parse_command_line(argc, argv, &c, &p);
    const command *cmd = NULL;
    if (status == EXIT_YES)
        status = check_arguments(&c, &p, argc - p.first_word, argv + p.first_word, &cmd);
    bool accepted = status == CHECK_DATA || status == CHECK_NO_DATA;
    if (!accepted && status != EXIT_USAGE)
        abort();
    if (accepted && c.help) {
        if (cmd != NULL)
            print_command_help(&c, cmd);
        else
            print_general_help(&c);
    }
    fflush(stdout);
    size_t said = fuzz_check_stderr();
    /* A usage error says why; an accepted command line says nothing. */
    if (accepted == (said > 0))
        abort();
    if (accepted && !c.help && !c.version && cmd == NULL)
        abort();
    free(text);
    return 0;
}
