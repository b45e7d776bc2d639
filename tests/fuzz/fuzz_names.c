/* Fuzz harness: name resolution. Any text, valid UTF-8 or not, of any
 * length, must resolve to a country or person, or to a list of at most
 * WC_MAX_CANDIDATES candidates, never crash. */
#include "support.h"

#include <warrantcheck/warrantcheck.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled dataset, loaded once and kept for the process's life: its
 * real names (accents, commas, aliases) are what users type against. */
static const wc_dataset *bundled_dataset(void)
{
    static wc_dataset *ds;
    if (ds == NULL) {
        wc_error err;
        ds = wc_dataset_load(wc_builtin_data, wc_builtin_data_len, &err);
        if (ds == NULL)
            abort();
    }
    return ds;
}

static void check_country(const wc_country_match *m)
{
    if (m->n_candidates > WC_MAX_CANDIDATES)
        abort();
    if ((m->kind == WC_MATCH_FOUND) != (m->country != NULL))
        abort();
    for (size_t i = 0; i < m->n_candidates; i++)
        if (m->candidates[i] == NULL || m->candidates[i]->name == NULL)
            abort();
}

static void check_person(const wc_person_match *m)
{
    if (m->n_candidates > WC_MAX_CANDIDATES)
        abort();
    if ((m->kind == WC_MATCH_FOUND) != (m->person != NULL))
        abort();
    for (size_t i = 0; i < m->n_candidates; i++)
        if (m->candidates[i] == NULL || m->candidates[i]->name == NULL)
            abort();
}

/* Looks the input up, as a NUL-terminated string, as both a country and
 * a person, the way the command line does with a user's argument. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const wc_dataset *ds = bundled_dataset();
    char *query = malloc(size + 1);
    if (query == NULL)
        return 0;
    memcpy(query, data, size);
    query[size] = '\0';
    wc_country_match cm = wc_find_country(ds, query);
    check_country(&cm);
    wc_person_match pm = wc_find_person(ds, query);
    check_person(&pm);
    free(query);
    return 0;
}
