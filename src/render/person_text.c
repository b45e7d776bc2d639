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
    bool ok = wcr_putc(w, '\n') &&
              wcr_wrapped(w, o, "", 2, NULL, "Warrant %s (situation: %s%s%s)", wt->id,
                          wt->situation, wt->case_name ? ", " : "",
                          wt->case_name ? wt->case_name : "");
    if (wt->role != NULL)
        ok &= wcr_wrap_text(w, o, "  role:     ", 12, wt->role, NULL);
    const char *issued = wt->issued != WC_DATE_UNKNOWN ? wc_date_format(wt->issued, a)
                                                       : "unknown (under seal)";
    if (wt->made_public != WC_DATE_UNKNOWN && wt->made_public != wt->issued)
        ok &= wcr_wrapped(w, o, "  issued:   ", 12, NULL, "%s, made public %s", issued,
                          wc_date_format(wt->made_public, b));
    else
        ok &= wcr_wrap_text(w, o, "  issued:   ", 12, issued, NULL);
    ok &= wcr_printf(w, "  on %s:  %s\n", wc_date_format(date, a), status_word(wt, date));
    for (size_t k = 0; k < wt->n_charges; k++) {
        const wc_charge *ch = &wt->charges[k];
        ok &= wcr_wrapped(w, o, "  charge:   ", 12, NULL, "%s%s%s%s", ch->crime,
                          ch->article ? " (art. " : "", ch->article ? ch->article : "",
                          ch->article ? ")" : "");
    }
    for (size_t k = 0; k < wt->n_status; k++) {
        const wc_status_event *ev = &wt->status[k];
        char prefix[WC_DATE_BUFSIZE + 16];
        snprintf(prefix, sizeof prefix, "  %-10s ", wc_date_format(ev->date, a));
        ok &= wcr_wrapped(w, o, prefix, 13, NULL, "%s%s%s", wc_warrant_status_word(ev->status),
                          ev->note ? " — " : "", ev->note ? ev->note : "");
    }
    return ok;
}

bool wcr_person_text(const wcr_writer *w, const wcr_opts *o, const wc_dataset *ds, wc_date date,
                     const wc_person *p)
{
    char a[WC_DATE_BUFSIZE];
    bool full = p->full_name != NULL && strcmp(p->full_name, p->name) != 0;
    bool ok = wcr_wrapped(w, o, "", 2, NULL, "%s%s%s%s — id '%s'", p->name, full ? " (" : "",
                          full ? p->full_name : "", full ? ")" : "", p->id);
    if (p->aliases.count > 0) {
        wcr_buffer b = {0};
        wcr_writer bw = wcr_writer_buffer(&b);
        for (size_t i = 0; i < p->aliases.count; i++)
            wcr_printf(&bw, "%s%s", i ? ", " : "", p->aliases.items[i]);
        ok &= !b.failed && wcr_wrap_text(w, o, "  also: ", 8, b.data ? b.data : "", NULL);
        wcr_buffer_free(&b);
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
    return wcr_sources_text(w, o, lists, n_lists) && ok;
}

bool wcr_persons_text_row(const wcr_writer *w, const wcr_opts *o, const wc_person *p,
                          const char *status, const char *situation, size_t id_width,
                          size_t name_width)
{
    /* Columns by display width, so that accented names align. */
    wcr_buffer b = {0};
    wcr_writer bw = wcr_writer_buffer(&b);
    wcr_pad(&bw, p->id, id_width + 1);
    wcr_pad(&bw, p->name, name_width + 1);
    wcr_pad(&bw, status ? status : "-", 14);
    bool ok = !b.failed && wcr_wrap_row(w, o, b.data, situation ? situation : "-");
    wcr_buffer_free(&b);
    return ok;
}

bool wcr_data_info_text(const wcr_writer *w, const wcr_opts *o, const wc_dataset *ds,
                        const char *name, wc_date date)
{
    char asof[WC_DATE_BUFSIZE], d[WC_DATE_BUFSIZE];
    wc_date_format(ds->as_of, asof);
    wc_date_format(date, d);
    /* Each line a label and its value, which wraps under itself. */
    wcr_buffer b = {0};
    wcr_writer bw = wcr_writer_buffer(&b);
    bool ok = wcr_printf(&bw, "%s\n%d\n%s\n%zu\n", name, ds->schema_version, asof,
                         ds->n_countries) &&
              wcr_printf(&bw, "%zu states signed or joined; %zu States Parties on %s\n",
                         ds->n_statutes, wc_states_parties_count(ds, date), d) &&
              wcr_printf(&bw, "%zu (%zu in force on %s), for %zu persons\n", ds->n_warrants,
                         wc_warrants_in_force_count(ds, date), d, ds->n_persons) &&
              wcr_printf(&bw, "%zu\n%zu of non-compliance\n%zu declarations\n%zu\n%zu\n",
                         ds->n_trips, ds->n_findings, ds->n_declarations, ds->n_referrals,
                         ds->n_sources) &&
              !b.failed;
    static const char *const labels[] = {
        "dataset            ", "schema version     ", "as of              ",
        "countries          ", "Rome Statute       ", "warrants           ",
        "trips              ", "findings           ", "art. 12(3)         ",
        "UNSC referrals     ", "sources            "};
    char *line = b.data;
    for (size_t i = 0; ok && i < sizeof labels / sizeof labels[0]; i++) {
        char *end = strchr(line, '\n');
        *end = '\0';
        ok = wcr_wrap_row(w, o, labels[i], line);
        line = end + 1;
    }
    wcr_buffer_free(&b);
    return ok;
}
