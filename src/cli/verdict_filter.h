/* `--verdict LIST`: which verdicts of SPEC section 2 a listing keeps
 * (`where`, `itinerary --all`). The words are the core's
 * (wc_verdict_word), so a filter can name nothing the rows do not print. */
#ifndef WC_CLI_VERDICT_FILTER_H
#define WC_CLI_VERDICT_FILTER_H

#include <warrantcheck/warrantcheck.h>

#include <stdbool.h>

/* A set of verdicts: bit k for wc_verdict_kind k. 0 keeps nothing. */
typedef unsigned verdict_set;

/* Parses a comma-separated list of verdict words ("obliged,obliged-unsc";
 * spaces around a word and its case do not matter) into *set. On a word
 * that is not a verdict, or an empty list, says so on stderr as an error
 * of `option` ("--verdict"), with the nearest words, and returns false
 * (exit status EXIT_USAGE). */
bool verdict_filter_parse(const char *list, const char *option, verdict_set *set);

/* True if `set` holds verdict `kind`. */
bool verdict_filter_has(verdict_set set, wc_verdict_kind kind);

/* Writes the set's words into buf as people read them, in the order of
 * wc_verdict_kind: "not-obliged", "obliged or obliged-unsc",
 * "obliged, obliged-residual or obliged-unsc". Returns buf. */
const char *verdict_filter_words(verdict_set set, char *buf, size_t size);

#endif
