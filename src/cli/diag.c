/* The diagnostics printer (diag.h). Its state is the worst level seen,
 * a silence switch and the batch of messages on their way to stderr: the
 * program's one process-wide state, as mandoc's. */
#include "diag.h"

#include "echo.h"

#include <warrantcheck/render.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* A message is cut past MESSAGE_MAX bytes. */
#define MESSAGE_MAX 8192

/* Messages batched (diag_batch) go out in blocks of this many bytes. */
#define BATCH_SIZE ((size_t)1 << 15)

static int worst = 0;
static unsigned long errors = 0;
static bool silent = false;

static struct {
    bool on;
    bool flush_at_exit; /* diag_flush is registered with atexit */
    size_t len;
    char buf[BATCH_SIZE];
} batch;

/* stderr's columns when it is a terminal (0: not one, or not asked yet
 * with stderr_known false): messages wrap there, and stay one line for a
 * script's grep everywhere else. */
static unsigned stderr_cols = 0;
static bool stderr_known = false;

bool diag_terminal_size(int fd, unsigned *cols, unsigned *rows)
{
    *cols = 0, *rows = 0;
    if (!isatty(fd))
        return false;
    *cols = 80, *rows = 24;
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        *cols = ws.ws_col;
        if (ws.ws_row > 0)
            *rows = ws.ws_row;
        return true;
    }
    const char *env = getenv("COLUMNS");
    long n = env != NULL ? strtol(env, NULL, 10) : 0;
    if (n >= 20 && n <= 1000)
        *cols = (unsigned)n;
    return true;
}

static unsigned stderr_width(void)
{
    if (!stderr_known) {
        unsigned rows;
        diag_terminal_size(STDERR_FILENO, &stderr_cols, &rows);
        stderr_known = true;
    }
    return stderr_cols;
}

/* The message `line` (`n` bytes, "warrantcheck: ...: LEVEL: " and from
 * byte `text_at` its text, then '\n') wrapped at `width` columns into `b`,
 * each further line indented to where the text begins (by 4 when that
 * would leave the text less than half the line). False if it fits as it
 * is or memory ran out: then it goes out as one line. */
static bool wrap_message(const char *line, size_t n, size_t text_at, unsigned width,
                         wcr_buffer *b)
{
    char *prefix = malloc(n + 1); /* the prefix, its NUL, the text, its NUL */
    if (prefix == NULL)
        return false;
    memcpy(prefix, line, text_at);
    prefix[text_at] = '\0';
    char *text = prefix + text_at + 1;
    memcpy(text, line + text_at, n - 1 - text_at);
    text[n - 1 - text_at] = '\0';
    size_t indent = wcr_display_width(prefix);
    bool wrapped = false;
    if (indent + wcr_display_width(text) > width) {
        if (indent > width / 2) /* the text keeps half the line at least */
            indent = 4;
        wcr_writer w = wcr_writer_buffer(b);
        wcr_opts o = {.format = WCR_TEXT, .width = width};
        wrapped = wcr_wrap_text(&w, &o, prefix, (unsigned)indent, text, NULL) && !b->failed;
    }
    free(prefix);
    return wrapped;
}

static const char *level_word(diag_level level)
{
    return level == DIAG_NOTE ? "note" : level == DIAG_WARNING ? "warning" : "error";
}

void diag_flush(void)
{
    if (batch.len > 0)
        fwrite(batch.buf, 1, batch.len, stderr);
    batch.len = 0;
    fflush(stderr);
}

void diag_batch(bool on)
{
    if (!on)
        diag_flush();
    else if (!batch.flush_at_exit)
        batch.flush_at_exit = atexit(diag_flush) == 0;
    /* Without the handler an exit() could lose messages: do not batch. */
    batch.on = on && batch.flush_at_exit;
}

static char *put_text(char *at, const char *s)
{
    size_t n = strlen(s);
    memcpy(at, s, n);
    return at + n;
}

static char *put_number(char *at, unsigned long long n)
{
    char digits[24];
    size_t k = 0;
    do
        digits[k++] = (char)('0' + n % 10);
    while ((n /= 10) > 0);
    while (k > 0)
        *at++ = digits[--k];
    return at;
}

/* Counts the message and prints it, its place and text already escaped:
 * "warrantcheck: PLACE:LINE:COL: LEVEL: MESSAGE", assembled in the batch
 * or in one buffer, so that it reaches stderr in one write. */
static void emit(diag_level level, const char *place, unsigned long line, size_t column,
                 const char *message)
{
    if ((int)level > worst)
        worst = (int)level;
    if (level > DIAG_WARNING) /* a note is no error either */
        errors++;
    if (silent)
        return;
    size_t place_len = place != NULL ? strlen(place) : 0, message_len = strlen(message);
    size_t need = place_len + message_len + 96; /* the prefix, two numbers, the level */
    char small[1024], *out;
    if (batch.on && need <= BATCH_SIZE) {
        if (need > BATCH_SIZE - batch.len)
            diag_flush();
        out = batch.buf + batch.len;
    } else {
        out = need <= sizeof small ? small : malloc(need);
    }
    if (out == NULL) { /* no room to assemble it: print it in pieces */
        diag_flush();
        fprintf(stderr, "warrantcheck: %s%s%s: %s\n", place != NULL ? place : "",
                place != NULL ? ": " : "", level_word(level), message);
        return;
    }
    char *at = put_text(out, "warrantcheck: ");
    if (place != NULL) {
        memcpy(at, place, place_len);
        at += place_len;
        if (line != 0) {
            *at++ = ':';
            at = put_number(at, line);
        }
        if (line != 0 && column != 0) {
            *at++ = ':';
            at = put_number(at, column);
        }
        at = put_text(at, ": ");
    }
    at = put_text(at, level_word(level));
    at = put_text(at, ": ");
    size_t text_at = (size_t)(at - out);
    memcpy(at, message, message_len);
    at += message_len;
    *at++ = '\n';
    size_t n = (size_t)(at - out);
    wcr_buffer wrapped = {0};
    bool wrap = stderr_width() > 0 && wrap_message(out, n, text_at, stderr_width(), &wrapped);
    bool in_batch = out == batch.buf + batch.len;
    if (in_batch && !wrap) {
        batch.len += n;
        return;
    }
    diag_flush(); /* what was batched comes first */
    if (wrap)
        fwrite(wrapped.data, 1, wrapped.len, stderr);
    else
        fwrite(out, 1, n, stderr);
    wcr_buffer_free(&wrapped);
    if (out != small && !in_batch)
        free(out);
}

/* Formats and escapes the message; `place` is escaped already. */
static void report_placed(diag_level level, const char *place, unsigned long line,
                          size_t column, const char *fmt, va_list ap)
{
    if (silent) {
        emit(level, NULL, 0, 0, ""); /* counted all the same */
        return;
    }
    char raw[MESSAGE_MAX];
    vsnprintf(raw, sizeof raw, fmt, ap);
    static const size_t no_cut = (size_t)-1;
    char message[MESSAGE_MAX * 4]; /* "\xNN" for a byte at worst */
    cli_escape(raw, no_cut, message, sizeof message);
    emit(level, place, line, column, message);
}

static void report(diag_level level, const char *location, unsigned long line, size_t column,
                   const char *fmt, va_list ap)
{
    if (location == NULL || silent) {
        report_placed(level, NULL, line, column, fmt, ap);
        return;
    }
    char place[CLI_PATH_ECHO_BUFSIZE];
    cli_escape(location, CLI_PATH_ECHO_CHARS, place, sizeof place);
    report_placed(level, place, line, column, fmt, ap);
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

char *diag_escape(const char *text, size_t max_chars)
{
    size_t chars = strlen(text);
    if (chars > max_chars)
        chars = max_chars;
    size_t size = chars * 10 + 4; /* "\UXXXXXXXX" for a character at worst, and "..." */
    char *buf = malloc(size);
    if (buf == NULL)
        return NULL;
    cli_escape(text, max_chars, buf, size);
    return buf;
}

char *diag_escape_place(const char *file)
{
    return diag_escape(file, CLI_PATH_ECHO_CHARS);
}

void vdiag_escaped_place(diag_level level, const char *place, unsigned long line, size_t column,
                         const char *fmt, va_list ap)
{
    report_placed(level, place, line, column, fmt, ap);
}

void diag_escaped(diag_level level, const char *place, unsigned long line, size_t column,
                  const char *message)
{
    emit(level, place, line, column, message);
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
