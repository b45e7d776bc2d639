/* "Did you mean": the names nearest to one mistyped, for unknown commands
 * and options (the core suggests countries and persons itself). */
#ifndef WC_CLI_SUGGEST_H
#define WC_CLI_SUGGEST_H

#include <stddef.h>

/* The names among `names` (n of them) nearest to `typed` by optimal string
 * alignment distance, in any case (a swap of two neighbours counts one),
 * and close enough to be a typo: one slip in a word of up to five
 * characters, two in a longer one. At most `max` of them, in the order of
 * `names`, into `out`. Returns how many. */
size_t suggest(const char *typed, const char *const *names, size_t n, const char **out,
               size_t max);

#endif
