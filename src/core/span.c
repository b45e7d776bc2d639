/* The run of days around a date over which a person's verdict in a
 * country, notes and sources included, cannot change: what lets a long
 * itinerary compute a verdict once per run instead of once per leg. */
#include "warrant.h"

/* Narrows [*from, *to] around `date` by one date the rules read: the
 * rules compare it as x <= date or date > x, so a verdict may change on x
 * and on the day after it. */
static void narrow(wc_date x, wc_date date, wc_date *from, wc_date *to)
{
    if (x == WC_DATE_UNKNOWN)
        return;
    for (wc_date b = x; b <= x + 1; b++) {
        if (b <= date && b > *from)
            *from = b;
        else if (b > date && b - 1 < *to)
            *to = b - 1;
    }
}

static void narrow_event(const wc_event *e, wc_date date, wc_date *from, wc_date *to)
{
    if (e->happened)
        narrow(e->date, date, from, to);
}

/* Every date that wc_verdict_for_person() reads for this person and
 * country, and for the notes it gives them; keep it in step with verdict.c
 * and membership.c (tests/unit/test_span.c checks it on a fixture and
 * tests/unit/test_itinerary.c on the dataset). */
bool wc_verdict_span_without_day_notes(const wc_dataset *ds, const wc_person *p,
                                       const wc_country *c, wc_date date, wc_date *from,
                                       wc_date *to)
{
    bool names_day = false;
    *from = wc_date_from_ymd(WC_DATE_MIN_YEAR, 1, 1);
    *to = wc_date_from_ymd(WC_DATE_MAX_YEAR, 12, 31);
    narrow(ds->as_of, date, from, to);
    narrow(p->born, date, from, to);
    narrow(p->died, date, from, to);
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_warrant *w = &ds->warrants[i];
        if (w->person != p)
            continue;
        /* A note that names the day itself changes with it. */
        names_day = names_day || wc_warrant_notes_name_day(w, date);
        narrow(w->issued, date, from, to);
        narrow(w->made_public, date, from, to);
        for (size_t k = 0; k < w->n_status; k++) {
            narrow(w->status[k].date, date, from, to);
            narrow(w->status[k].not_before, date, from, to);
            narrow(w->status[k].not_after, date, from, to);
        }
    }
    /* A territory reads its own bounds and its state's record. */
    narrow(c->part_of_from, date, from, to);
    narrow(c->part_of_until, date, from, to);
    const wc_statute *s = c->statute;
    if (s == NULL && c->part_of != NULL)
        s = c->part_of->statute;
    if (s != NULL) {
        narrow(s->signed_on, date, from, to);
        narrow(s->signature_withdrawn, date, from, to);
        narrow(s->deposited, date, from, to);
        narrow(s->in_force, date, from, to);
        for (size_t i = 0; i < s->n_withdrawals; i++) {
            narrow_event(&s->withdrawals[i].announced, date, from, to);
            narrow_event(&s->withdrawals[i].deposited, date, from, to);
            narrow_event(&s->withdrawals[i].effective, date, from, to);
            narrow_event(&s->withdrawals[i].revoked, date, from, to);
        }
    }
    for (size_t i = 0; i < ds->n_declarations; i++) {
        const wc_declaration *d = &ds->declarations[i];
        if (d->country != c && d->country != c->part_of)
            continue;
        narrow(d->lodged, date, from, to);
        narrow(d->period_from, date, from, to);
        narrow(d->period_to, date, from, to);
    }
    for (size_t i = 0; i < ds->n_referrals; i++)
        narrow(ds->referrals[i].adopted, date, from, to);
    for (size_t i = 0; i < ds->n_trips; i++) {
        const wc_trip *t = &ds->trips[i];
        if (t->person == p && t->host == c) {
            narrow(t->start, date, from, to);
            narrow(t->end, date, from, to);
        }
    }
    for (size_t i = 0; i < ds->n_findings; i++) {
        const wc_finding *f = &ds->findings[i];
        if (f->person == p && f->state == c)
            narrow(f->date, date, from, to);
    }
    return names_day;
}

void wc_verdict_span(const wc_dataset *ds, const wc_person *p, const wc_country *c,
                     wc_date date, wc_date *from, wc_date *to)
{
    if (wc_verdict_span_without_day_notes(ds, p, c, date, from, to))
        *from = *to = date;
}
