/* Name keys: the form in which a typed name and a dataset name are
 * compared, so that case, accents, punctuation and "The" do not matter. */
#ifndef WC_NORMALIZE_H
#define WC_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

/* Returns a newly malloc'd key for `name`: case-folded, accents stripped,
 * "&" read as "and", apostrophes dropped, every other run of punctuation
 * or space turned into one space, a leading "the" dropped. With `invert`,
 * "A, B" is read as "B A" first (split at the last comma; "Korea, South"
 * becomes "south korea"). Returns NULL if `name` is not valid UTF-8 (errno
 * EILSEQ) or memory ran out (errno ENOMEM). The caller frees the result. */
char *wc_name_key(const char *name, bool invert);

/* Returns true if `name` contains a comma, so that its inverted key may
 * differ from its plain one. */
bool wc_name_has_comma(const char *name);

/* Copies `key` into `out` without its spaces; `out` holds strlen(key)+1. */
void wc_key_squeeze(const char *key, char *out);

/* Returns the Damerau-Levenshtein (optimal string alignment) distance
 * between two byte strings, or `limit + 1` once it exceeds `limit`. */
size_t wc_edit_distance(const char *a, const char *b, size_t limit);

#endif
