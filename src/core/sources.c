/* The one rule for the sources behind a country's standing on a date: what
 * `country` cites, and what every verdict cites for its country. */
#include <warrantcheck/warrantcheck.h>

/* Appends `list` unless it is empty, already there or there is no room. */
static size_t add(const wc_source_list **lists, size_t n, size_t max, const wc_source_list *list)
{
    if (list->count == 0)
        return n;
    for (size_t i = 0; i < n; i++)
        if (lists[i] == list)
            return n;
    if (n < max)
        lists[n++] = list;
    return n;
}

size_t wc_membership_sources(const wc_dataset *ds, const wc_country *country, wc_date date,
                             const wc_source_list **lists, size_t n, size_t max)
{
    wc_membership m = wc_membership_on(country, date);
    /* A territory's standing is its state's: cite both. */
    n = add(lists, n, max, &country->part_of_sources);
    const wc_statute *s = m.statute;
    if (s != NULL)
        n = add(lists, n, max, &s->sources);
    for (size_t i = 0; s != NULL && i < s->n_withdrawals; i++) {
        const wc_withdrawal *wd = &s->withdrawals[i];
        const wc_event *stages[] = {&wd->announced, &wd->deposited, &wd->effective, &wd->revoked};
        for (size_t k = 0; k < sizeof stages / sizeof stages[0]; k++)
            if (stages[k]->happened && stages[k]->date != WC_DATE_UNKNOWN &&
                stages[k]->date <= date)
                n = add(lists, n, max, &stages[k]->sources);
    }
    /* Declarations lodged by then: the country's own, and for a territory
     * covered through its state, the state's, whose notes it shows. */
    for (size_t i = 0; i < ds->n_declarations; i++) {
        const wc_declaration *d = &ds->declarations[i];
        if ((d->country == country || (m.through != NULL && d->country == m.through)) &&
            d->lodged <= date)
            n = add(lists, n, max, &d->sources);
    }
    return n;
}
