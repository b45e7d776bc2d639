/* What a loaded dataset keeps beyond its public arrays: the parsed JSON its
 * strings point into, the arena its records live in, and its indexes. */
#ifndef WC_DATASET_INTERNAL_H
#define WC_DATASET_INTERNAL_H

#include "arena.h"
#include "name_index.h"

#include <cjson/cJSON.h>
#include <warrantcheck/warrantcheck.h>

struct wc_dataset_internal {
    cJSON *root;
    wc_arena arena;
    wc_name_index country_names;
    wc_name_index person_names;
    /* Sorted by key for bsearch. */
    const wc_source **sources_by_id;
    const wc_country **countries_by_iso2;
    const wc_person **persons_by_id;
    /* The built-in dataset (src/gen/dataset_to_c.c): static data, never freed. */
    bool is_static;
};

#endif
