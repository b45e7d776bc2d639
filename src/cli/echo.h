/* Echoing text a user or a file supplied inside a one-line message, safely:
 * never megabytes of it, never a terminal escape, never half a character. */
#ifndef WC_CLI_ECHO_H
#define WC_CLI_ECHO_H

#include <stddef.h>

/* How many characters of a user's argument a message repeats. */
#define CLI_ECHO_CHARS 100

/* Room for CLI_ECHO_CHARS characters, each escaped at worst to
 * "\UXXXXXXXX" (10 bytes), plus "..." and the terminating NUL. */
#define CLI_ECHO_BUFSIZE (CLI_ECHO_CHARS * 10 + 4)

/* A file name is echoed in full up to this many characters (PATH_MAX is
 * 4096 bytes), in a buffer of CLI_PATH_ECHO_BUFSIZE. */
#define CLI_PATH_ECHO_CHARS 1024
#define CLI_PATH_ECHO_BUFSIZE (CLI_PATH_ECHO_CHARS * 10 + 4)

/* Writes into buf (of `size` bytes) the first `max_chars` characters of
 * `text`, safe to print on a terminal: valid, printable UTF-8 is copied;
 * a byte that is not valid UTF-8 or an ASCII control character becomes
 * \xNN, and any other control, format (bidirectional overrides,
 * zero-width), line or paragraph separator character \uXXXX or
 * \UXXXXXXXX. A cut text ends in "..." and is cut between characters.
 * Returns buf. */
const char *cli_escape(const char *text, size_t max_chars, char *buf, size_t size);

/* cli_escape() of at most CLI_ECHO_CHARS characters, for the usual
 * "unknown country '...'" messages. Returns buf. */
const char *cli_echo(const char *text, char buf[CLI_ECHO_BUFSIZE]);

#endif
