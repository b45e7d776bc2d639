/* What a dataset keeps beyond its public arrays: its lookup tables. A
 * loaded dataset also owns the memory behind them (dataset_load.h); the
 * built-in one (src/gen/dataset_to_c.c) is constant data. */
#ifndef WC_DATASET_INTERNAL_H
#define WC_DATASET_INTERNAL_H

#include "name_index.h"

#include <warrantcheck/warrantcheck.h>

struct wc_dataset_internal {
    wc_name_table country_names;
    wc_name_table person_names;
    /* Sorted by key for bsearch. */
    const wc_source *const *sources_by_id;
    const wc_country *const *countries_by_iso2;
    const wc_person *const *persons_by_id;
    /* The built-in dataset: static data, never freed. */
    bool is_static;
};

#endif
