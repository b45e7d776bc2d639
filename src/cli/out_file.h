/* Writing an output file named on the command line (`--out FILE`) so that
 * nothing is lost: a regular file is replaced whole or not at all, keeping
 * its mode; anything else (a device such as /dev/stdout, a pipe, a link to
 * one) is written into as the shell's `>` would, and is never replaced. */
#ifndef WC_OUT_FILE_H
#define WC_OUT_FILE_H

#include <stdbool.h>
#include <stdio.h>

/* Writes the whole output to `f`; returns false if memory ran out. */
typedef bool (*out_file_writer)(FILE *f, void *context);

/* Writes `path` through `write`. Returns 0, an errno (the file is then as
 * it was, or, for a device or pipe, as far as it got), or -1 if `write`
 * failed. */
int out_file_write(const char *path, out_file_writer write, void *context);

#endif
