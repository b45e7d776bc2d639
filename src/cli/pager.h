/* Long text on a terminal through a pager, the way git does: the command
 * in WARRANTCHECK_PAGER, else PAGER, else `less`, with LESS=FRX when LESS
 * is unset (quit when the text fits one screen, pass colours, leave the
 * screen as it was). An empty command or `cat` means none. */
#ifndef WC_CLI_PAGER_H
#define WC_CLI_PAGER_H

#include <stdbool.h>

/* Starts the pager when standard output is a terminal and the
 * environment names one, and points standard output into it; nothing is
 * to have been written to stdout yet. A command without shell syntax
 * ("less -S") runs directly, so one that cannot be run is known at once:
 * a warning says so and text is written directly. One with shell syntax
 * runs through `sh -c`. Returns true if a pager runs. */
bool pager_start(void);

/* The descriptor of the terminal that text is laid out for: standard
 * output, or while a pager runs, the terminal standard output was. */
int pager_terminal_fd(void);

/* After standard output is closed (the pager then reads its end), waits
 * for the pager to quit, so that the shell's prompt comes after it. Its
 * exit status is not the program's. Nothing if no pager runs. */
void pager_wait(void);

#endif
