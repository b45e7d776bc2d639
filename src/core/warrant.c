/* A warrant's legal life on a date (SPEC section 2): whether it exists yet,
 * which status event is the latest by then, and what that makes of it —
 * in force, executed (the person is in the Court's custody, from transfer
 * until release) or spent. The life follows the Court, not the news: a
 * death ends nothing until the Court's termination is recorded. */
#include "warrant.h"

#include <stddef.h>

/* The words of wc_warrant_status, in its order. A data file may use all
 * but the last (schema.def reads them up to WC_VACATED): "not-issued" is
 * never recorded, it is the status before a warrant exists. */
static const char *const STATUS_WORDS[] = {"at-large",  "arrested",  "in-custody",
                                           "convicted", "acquitted", "released",
                                           "deceased",  "withdrawn", "vacated",
                                           "not-issued"};
_Static_assert(sizeof STATUS_WORDS / sizeof STATUS_WORDS[0] == (size_t)WC_NOT_ISSUED + 1,
               "one word for each warrant status");

const char *wc_warrant_status_word(wc_warrant_status status)
{
    return (size_t)status <= (size_t)WC_NOT_ISSUED ? STATUS_WORDS[status] : NULL;
}

wc_date wc_warrant_known_from(const wc_warrant *w)
{
    if (w->issued != WC_DATE_UNKNOWN)
        return w->issued;
    /* A sealed warrant's first status may bound the unknown issue day. */
    if (w->n_status > 0 && w->status[0].status == WC_AT_LARGE &&
        w->status[0].date == WC_DATE_UNKNOWN && w->status[0].not_after != WC_DATE_UNKNOWN &&
        (w->made_public == WC_DATE_UNKNOWN || w->status[0].not_after < w->made_public))
        return w->status[0].not_after;
    return w->made_public;
}

/* An event of unknown date counts only from the day it is known to have
 * happened by; one with neither date nor bound cannot be placed. */
static bool happened_by(const wc_status_event *e, wc_date date)
{
    if (e->date != WC_DATE_UNKNOWN)
        return e->date <= date;
    return e->not_after != WC_DATE_UNKNOWN && e->not_after <= date;
}

/* The latest status event that has happened by `date`, or NULL. */
static const wc_status_event *latest_event(const wc_warrant *w, wc_date date)
{
    const wc_status_event *last = NULL;
    for (size_t i = 0; i < w->n_status; i++)
        if (happened_by(&w->status[i], date))
            last = &w->status[i];
    return last;
}

const wc_status_event *wc_warrant_uncertain_on(const wc_warrant *w, wc_date date)
{
    const wc_status_event *last = latest_event(w, date);
    for (const wc_status_event *e = last ? last + 1 : w->status; e < w->status + w->n_status; e++)
        if (e->date == WC_DATE_UNKNOWN &&
            (e->not_before == WC_DATE_UNKNOWN || e->not_before <= date))
            return e;
    return NULL;
}

wc_warrant_state wc_warrant_state_on(const wc_warrant *w, wc_date date,
                                     const wc_status_event **event)
{
    *event = NULL;
    if (date < wc_warrant_known_from(w))
        return WC_WARRANT_NOT_IN_FORCE;
    /* Only the Court ends a warrant: a death, reported or even confirmed,
     * leaves it in force until a status event (`deceased`, dated at the
     * Court's decision to terminate the case) says otherwise. */
    *event = latest_event(w, date);
    if (*event == NULL)
        return WC_WARRANT_IN_FORCE; /* issued; no later status yet */
    switch ((*event)->status) {
    case WC_AT_LARGE:
    case WC_ARRESTED:
        return WC_WARRANT_IN_FORCE;
    case WC_IN_CUSTODY:
    case WC_CONVICTED:
        return WC_WARRANT_EXECUTED;
    case WC_ACQUITTED:
    case WC_RELEASED:
    case WC_DECEASED:
    case WC_WITHDRAWN:
    case WC_VACATED:
    case WC_NOT_ISSUED: /* never recorded */
        break;
    }
    return WC_WARRANT_NOT_IN_FORCE;
}

wc_warrant_status wc_warrant_status_on(const wc_warrant *w, wc_date date,
                                       const wc_status_event **event)
{
    wc_warrant_state state = wc_warrant_state_on(w, date, event);
    if (*event != NULL)
        return (*event)->status;
    return state == WC_WARRANT_IN_FORCE ? WC_AT_LARGE : WC_NOT_ISSUED;
}

bool wc_warrant_notes_name_day(const wc_warrant *w, wc_date date)
{
    if (w->issued == WC_DATE_UNKNOWN && date < wc_warrant_known_from(w))
        return true;
    /* Only an event of unknown date can be uncertain; most have dates,
     * and this runs once per run of days of every itinerary. */
    for (size_t i = 0; i < w->n_status; i++)
        if (w->status[i].date == WC_DATE_UNKNOWN)
            return wc_warrant_uncertain_on(w, date) != NULL;
    return false;
}

size_t wc_warrants_in_force_count(const wc_dataset *ds, wc_date date)
{
    size_t n = 0;
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_status_event *ev;
        n += wc_warrant_state_on(&ds->warrants[i], date, &ev) == WC_WARRANT_IN_FORCE;
    }
    return n;
}
