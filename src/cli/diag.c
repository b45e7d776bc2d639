/* The diagnostics printer (diag.h). Its state is the worst level seen and
 * a silence switch: the program's one process-wide state, as mandoc's. */
#include "diag.h"

#include "echo.h"

#include <stdio.h>

/* A message is cut past MESSAGE_MAX bytes. */
#define MESSAGE_MAX 8192

static int worst = 0;
static unsigned long errors = 0;
static bool silent = false;

static const char *level_word(diag_level level)
{
    return level == DIAG_NOTE ? "note" : level == DIAG_WARNING ? "warning" : "error";
}

static void report(diag_level level, const char *location, unsigned long line, size_t column,
                   const char *fmt, va_list ap)
{
    if ((int)level > worst)
        worst = (int)level;
    if (level > DIAG_WARNING) /* a note is no error either */
        errors++;
    if (silent)
        return;
    char raw[MESSAGE_MAX];
    vsnprintf(raw, sizeof raw, fmt, ap);
    static const size_t no_cut = (size_t)-1;
    char message[MESSAGE_MAX * 4]; /* "\xNN" for a byte at worst */
    cli_escape(raw, no_cut, message, sizeof message);
    if (location == NULL) {
        fprintf(stderr, "warrantcheck: %s: %s\n", level_word(level), message);
        return;
    }
    char place[CLI_PATH_ECHO_BUFSIZE];
    cli_escape(location, CLI_PATH_ECHO_CHARS, place, sizeof place);
    if (line == 0)
        fprintf(stderr, "warrantcheck: %s: %s: %s\n", place, level_word(level), message);
    else if (column == 0)
        fprintf(stderr, "warrantcheck: %s:%lu: %s: %s\n", place, line, level_word(level),
                message);
    else
        fprintf(stderr, "warrantcheck: %s:%lu:%zu: %s: %s\n", place, line, column,
                level_word(level), message);
}

void vdiag(diag_level level, const char *file, unsigned long line, size_t column,
           const char *fmt, va_list ap)
{
    report(level, file, line, column, fmt, ap);
}

void diag(diag_level level, const char *file, unsigned long line, size_t column,
          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(level, file, line, column, fmt, ap);
    va_end(ap);
}

void diag_at(diag_level level, const char *location, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(level, location, 0, 0, fmt, ap);
    va_end(ap);
}

int diag_out_of_memory(void)
{
    diag(DIAG_MEMORY, NULL, 0, 0, "out of memory");
    return DIAG_MEMORY;
}

unsigned long diag_errors(void)
{
    return errors;
}

int diag_status(int status)
{
    return worst > status ? worst : status;
}

void diag_silence(bool on)
{
    silent = on;
}
