/* The names of Debian's iso-codes that the dataset does not carry
 * (subdivisions, countries' names in other languages), as the build made
 * them (src/gen/names_to_c.c): sorted by key, each key naming one country.
 * The strings live in one pool and entries hold offsets into it, so the
 * table needs no relocation when the program starts (17,000 entries of
 * pointers would cost a million instructions of the dynamic loader). */
#ifndef WC_WORLD_NAMES_H
#define WC_WORLD_NAMES_H

#include <warrantcheck/warrantcheck.h>

#include <stdint.h>

typedef struct wc_world_entry {
    uint32_t key, name, subdivision, language; /* offsets in the pool; 0: none */
    char iso2[3];
} wc_world_entry;

extern const char wc_world_pool[];
extern const wc_world_entry wc_world_entries[];
extern const size_t wc_world_entries_count;

/* Fills *out with the entry whose key is `key` (squeezed, as
 * wc_key_squeeze makes it) and returns true, or returns false. */
bool wc_world_name_find(const char *key, wc_world_name *out);

#endif
