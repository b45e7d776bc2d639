/* Diagnostics: the one printer of every message on standard error, in the
 * GNU form "warrantcheck: FILE:LINE:COL: LEVEL: message" (no location where
 * no file is at fault), as mandoc's mandoc_msg() does. Every byte of the
 * location and of the message is escaped (echo.h), so no input can reach
 * the terminal raw, and the worst level seen is kept for the exit status. */
#ifndef WC_CLI_DIAG_H
#define WC_CLI_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* What a message is: "note", "warning" or "error", and the least exit
 * status it implies (SPEC section 3). A note or warning never changes it. */
typedef enum diag_level {
    DIAG_NOTE = -1, /* what the program took a name to mean, and the like */
    DIAG_WARNING = 0,
    DIAG_USAGE = 2,
    DIAG_INPUT = 3,
    DIAG_DATASET = 4,
    DIAG_OUTPUT = 5,
    DIAG_MEMORY = 6
} diag_level;

/* Prints one message. `file` NULL: no location; `line` 0: the file only;
 * `column` 0: FILE:LINE. */
void diag(diag_level level, const char *file, unsigned long line, size_t column,
          const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The same with a location already written as "FILE:LINE:COL" (or NULL). */
void diag_at(diag_level level, const char *location, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void vdiag(diag_level level, const char *file, unsigned long line, size_t column,
           const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 0)))
#endif
    ;

/* ------------------------------------------- many messages (itinerary)
 * A million bad lines must not cost a million writes and a million
 * escapes of the same text (issue 15): the caller escapes once what every
 * message repeats, and batches the messages while it runs. */

/* While on, messages are kept in a buffer of diag's and written to stderr
 * in blocks of 32 KiB, each message whole, in order; off writes out what
 * is kept. diag_flush is registered with atexit, so no exit loses one. */
void diag_batch(bool on);

/* Writes out the batched messages now. */
void diag_flush(void);

/* `text` as every message prints it (echo.h's cli_escape), at most
 * `max_chars` characters, malloc'd for the caller; NULL if memory ran
 * out. diag_escape_place() escapes a file name as a message's place. */
char *diag_escape(const char *text, size_t max_chars);
char *diag_escape_place(const char *file);

/* vdiag() with the file name already escaped (diag_escape_place). */
void vdiag_escaped_place(diag_level level, const char *place, unsigned long line, size_t column,
                         const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 0)))
#endif
    ;

/* Prints a message whose place and text are both escaped already. */
void diag_escaped(diag_level level, const char *place, unsigned long line, size_t column,
                  const char *message);

/* Says "out of memory" and returns its exit status, DIAG_MEMORY. */
int diag_out_of_memory(void);

/* The exit status: `status`, or the worst level reported if that is worse,
 * so that no error ever leaves with "yes" or "no". */
int diag_status(int status);

/* How many errors (not warnings) have been reported. */
unsigned long diag_errors(void);

/* The size of the terminal `fd` is: its columns and rows, or COLUMNS
 * and 80 by 24 when it does not say; false, and 0 by 0, when `fd` is no
 * terminal. On a terminal, stderr's messages wrap at its columns with a
 * hanging indent under the message; elsewhere each stays one line. */
bool diag_terminal_size(int fd, unsigned *cols, unsigned *rows);

/* While set, messages are counted but not printed (`__complete`). */
void diag_silence(bool silent);

#endif
