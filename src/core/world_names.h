/* The names of Debian's iso-codes that the dataset does not carry
 * (subdivisions, countries' names in other languages), as the build made
 * them (src/gen/names_to_c.c): sorted by key, each key naming one country. */
#ifndef WC_WORLD_NAMES_H
#define WC_WORLD_NAMES_H

#include <warrantcheck/warrantcheck.h>

extern const wc_world_name wc_world_names[];
extern const size_t wc_world_names_count;

/* Returns the entry whose key is `key` (squeezed, as wc_key_squeeze
 * makes it), or NULL. */
const wc_world_name *wc_world_name_find(const char *key);

#endif
