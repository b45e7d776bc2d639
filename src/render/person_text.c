/* The text of `person PERSON` and the rows of `persons`, for people: who
 * is wanted, under which warrants, for what, and where each stands. */
#include "writer.h"

#include <string.h>

/* The status of a warrant on the date, in a word ("at-large"). */
static const char *status_word(const wc_warrant *w, wc_date date)
{
    const wc_status_event *ev;
    return wc_warrant_status_word(wc_warrant_status_on(w, date, &ev));
}

/* One warrant: its case, role, dates, status on `date`, charges and the
 * events of its history. */
static bool warrant_text(const wcr_writer *w, const wcr_opts *o, const wc_warrant *wt,
                         wc_date date)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    (void)o;
    bool ok = wcr_printf(w, "\nWarrant %s (situation: %s%s%s)\n", wt->id, wt->situation,
                         wt->case_name ? ", " : "", wt->case_name ? wt->case_name : "");
    if (wt->role != NULL)
        ok &= wcr_printf(w, "  role:     %s\n", wt->role);
    ok &= wcr_printf(w, "  issued:   %s",
                     wt->issued != WC_DATE_UNKNOWN ? wc_date_format(wt->issued, a)
                                                   : "unknown (under seal)");
    if (wt->made_public != WC_DATE_UNKNOWN && wt->made_public != wt->issued)
        ok &= wcr_printf(w, ", made public %s", wc_date_format(wt->made_public, b));
    ok &= wcr_putc(w, '\n');
    ok &= wcr_printf(w, "  on %s:  %s\n", wc_date_format(date, a), status_word(wt, date));
    for (size_t k = 0; k < wt->n_charges; k++) {
        const wc_charge *ch = &wt->charges[k];
        ok &= wcr_printf(w, "  charge:   %s%s%s%s\n", ch->crime, ch->article ? " (art. " : "",
                         ch->article ? ch->article : "", ch->article ? ")" : "");
    }
    for (size_t k = 0; k < wt->n_status; k++) {
        const wc_status_event *ev = &wt->status[k];
        ok &= wcr_printf(w, "  %-10s %s%s%s\n", wc_date_format(ev->date, a),
                         wc_warrant_status_word(ev->status), ev->note ? " — " : "",
                         ev->note ? ev->note : "");
    }
    return ok;
}

bool wcr_person_text(const wcr_writer *w, const wcr_opts *o, const wc_dataset *ds, wc_date date,
                     const wc_person *p)
{
    char a[WC_DATE_BUFSIZE];
    bool ok = wcr_puts(w, p->name);
    if (p->full_name != NULL && strcmp(p->full_name, p->name) != 0)
        ok &= wcr_printf(w, " (%s)", p->full_name);
    ok &= wcr_printf(w, " — id '%s'\n", p->id);
    if (p->aliases.count > 0) {
        ok &= WCR_LIT(w, "  also:");
        for (size_t i = 0; i < p->aliases.count; i++)
            ok &= wcr_printf(w, "%s %s", i ? "," : "", p->aliases.items[i]);
        ok &= wcr_putc(w, '\n');
    }
    if (p->died != WC_DATE_UNKNOWN)
        ok &= wcr_printf(w, "  died: %s\n", wc_date_format(p->died, a));
    const wc_source_list *lists[WC_MAX_SOURCE_LISTS];
    size_t n_lists = 0;
    lists[n_lists++] = &p->sources;
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_warrant *wt = &ds->warrants[i];
        if (wt->person != p)
            continue;
        ok &= warrant_text(w, o, wt, date);
        if (n_lists < WC_MAX_SOURCE_LISTS)
            lists[n_lists++] = &wt->sources;
    }
    return wcr_sources_text(w, lists, n_lists) && ok;
}

bool wcr_persons_text_row(const wcr_writer *w, const wcr_opts *o, const wc_person *p,
                          const char *status, const char *situation, size_t id_width,
                          size_t name_width)
{
    (void)o;
    /* Columns by display width, so that accented names align. */
    return wcr_pad(w, p->id, id_width + 1) && wcr_pad(w, p->name, name_width + 1) &&
           wcr_pad(w, status ? status : "-", 14) && wcr_puts(w, situation ? situation : "-") &&
           wcr_putc(w, '\n');
}

bool wcr_data_info_text(const wcr_writer *w, const wcr_opts *o, const wc_dataset *ds,
                        const char *name, wc_date date)
{
    char asof[WC_DATE_BUFSIZE], d[WC_DATE_BUFSIZE];
    (void)o;
    wc_date_format(ds->as_of, asof);
    wc_date_format(date, d);
    return wcr_printf(w,
                      "dataset            %s\n"
                      "schema version     %d\n"
                      "as of              %s\n"
                      "countries          %zu\n"
                      "Rome Statute       %zu states signed or joined; %zu States Parties on %s\n"
                      "warrants           %zu (%zu in force on %s), for %zu persons\n"
                      "trips              %zu\n"
                      "findings           %zu of non-compliance\n"
                      "art. 12(3)         %zu declarations\n"
                      "UNSC referrals     %zu\n"
                      "sources            %zu\n",
                      name, ds->schema_version, asof, ds->n_countries, ds->n_statutes,
                      wc_states_parties_count(ds, date), d, ds->n_warrants,
                      wc_warrants_in_force_count(ds, date), d, ds->n_persons, ds->n_trips,
                      ds->n_findings, ds->n_declarations, ds->n_referrals, ds->n_sources);
}
