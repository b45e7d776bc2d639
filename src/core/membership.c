/* A state's standing under the Rome Statute on a date, and the notes that
 * explain it (SPEC section 2). */
#include "dataset_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool on_or_before(wc_date event, wc_date date)
{
    return event != WC_DATE_UNKNOWN && event <= date;
}

/* A withdrawal counts from its announcement (or deposit) until it takes
 * effect, unless it was revoked by then. */
static bool revoked_by(const wc_withdrawal *w, wc_date date)
{
    return w->revoked.happened && on_or_before(w->revoked.date, date);
}

static bool effective_by(const wc_withdrawal *w, wc_date date)
{
    return w->effective.happened && !w->revoked.happened && on_or_before(w->effective.date, date);
}

static bool started_by(const wc_withdrawal *w, wc_date date)
{
    return (w->deposited.happened && on_or_before(w->deposited.date, date)) ||
           (w->announced.happened && (w->announced.date == WC_DATE_UNKNOWN
                                          ? w->deposited.happened &&
                                                on_or_before(w->deposited.date, date)
                                          : w->announced.date <= date));
}

wc_membership wc_membership_on(const wc_country *country, wc_date date)
{
    wc_membership m = {.state_party = false, .statute = country->statute, .withdrawn = NULL,
                       .pending = NULL};
    const wc_statute *s = country->statute;
    if (s == NULL)
        return m;
    for (size_t i = 0; i < s->n_withdrawals; i++) {
        const wc_withdrawal *w = &s->withdrawals[i];
        if (effective_by(w, date))
            m.withdrawn = w;
        else if (started_by(w, date) && !revoked_by(w, date))
            m.pending = w;
    }
    m.state_party = on_or_before(s->in_force, date) && m.withdrawn == NULL;
    return m;
}

bool wc_state_party_on(const wc_country *country, wc_date date)
{
    return wc_membership_on(country, date).state_party;
}

/* ---------------------------------------------------------------- notes */

static bool add_note(wc_notes *notes, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static bool add_note(wc_notes *notes, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return false;
    char *s = malloc((size_t)n + 1);
    char **grown = realloc(notes->items, (notes->count + 1) * sizeof *grown);
    if (s == NULL || grown == NULL) {
        free(s);
        if (grown != NULL)
            notes->items = grown;
        return false;
    }
    notes->items = grown;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    notes->items[notes->count++] = s;
    return true;
}

void wc_notes_free(wc_notes *notes)
{
    for (size_t i = 0; i < notes->count; i++)
        free(notes->items[i]);
    free(notes->items);
    notes->items = NULL;
    notes->count = 0;
}

static const char *confirmation_word(const wc_event *e)
{
    switch (e->confirmation) {
    case WC_CONFIRMED_DEPOSITARY:
        return "the UN depositary";
    case WC_CONFIRMED_COURT:
        return "the Court";
    case WC_REPORTED:
        break;
    }
    return "reports only";
}

static bool reported_note(wc_notes *notes, const char *stage, const wc_event *e)
{
    if (!e->happened || e->confirmation != WC_REPORTED)
        return true;
    return add_note(notes,
                    "the %s of this withdrawal is only reported, not confirmed by the UN "
                    "depositary or the Court",
                    stage);
}

static bool signature_notes(const wc_statute *s, wc_date date, wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    if (!on_or_before(s->signed_on, date) || on_or_before(s->deposited, date))
        return true;
    if (on_or_before(s->signature_withdrawn, date))
        return add_note(notes,
                        "signed the Rome Statute on %s, then notified the UN Secretary-General "
                        "on %s that it does not intend to become a party",
                        wc_date_format(s->signed_on, a),
                        wc_date_format(s->signature_withdrawn, b));
    return add_note(notes, "signed the Rome Statute on %s but has not ratified it",
                    wc_date_format(s->signed_on, a));
}

static bool deposit_notes(const wc_statute *s, wc_date date, wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    if (!on_or_before(s->deposited, date))
        return true;
    if (s->in_force == WC_DATE_UNKNOWN)
        return add_note(notes, "deposited an instrument of %s on %s, but the Statute never "
                               "entered into force for it",
                        s->deposit_type, wc_date_format(s->deposited, a));
    if (s->in_force > date)
        return add_note(notes,
                        "deposited its instrument of %s on %s; the Statute enters into force "
                        "for it on %s (art. 126(2))",
                        s->deposit_type, wc_date_format(s->deposited, a),
                        wc_date_format(s->in_force, b));
    return true;
}

static bool withdrawal_notes(const wc_withdrawal *w, wc_date date, wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    bool ok = true;
    if (!started_by(w, date))
        return true;
    if (revoked_by(w, date)) {
        ok = add_note(notes,
                      "deposited a notification of withdrawal on %s but revoked it on %s, "
                      "before it took effect; it never took effect",
                      wc_date_format(w->deposited.date, a), wc_date_format(w->revoked.date, b));
        return ok && reported_note(notes, "revocation", &w->revoked);
    }
    if (effective_by(w, date)) {
        ok = add_note(notes,
                      "withdrew from the Rome Statute: notification deposited on %s, effective "
                      "%s (art. 127(1)), as confirmed by %s",
                      wc_date_format(w->deposited.date, a), wc_date_format(w->effective.date, b),
                      confirmation_word(&w->effective));
    } else if (on_or_before(w->deposited.date, date) && w->deposited.happened) {
        if (w->effective.happened)
            ok = add_note(notes,
                          "deposited a notification of withdrawal on %s; it takes effect on %s "
                          "(art. 127(1)) and until then the state remains a party",
                          wc_date_format(w->deposited.date, a),
                          wc_date_format(w->effective.date, b));
        else
            ok = add_note(notes,
                          "deposited a notification of withdrawal on %s; the date it takes "
                          "effect is not known, and until then the state remains a party",
                          wc_date_format(w->deposited.date, a));
    } else {
        ok = add_note(notes,
                      "announced its withdrawal on %s, but no notification has been deposited "
                      "with the UN Secretary-General: it changes nothing until it is",
                      wc_date_format(w->announced.date, a));
    }
    if (w->revoked.happened && !revoked_by(w, date))
        ok = ok && add_note(notes, "the withdrawal was later revoked on %s",
                            wc_date_format(w->revoked.date, a));
    if (ok && w->note != NULL)
        ok = add_note(notes, "%s", w->note);
    return ok && reported_note(notes, "announcement", &w->announced) &&
           reported_note(notes, "deposit", &w->deposited) &&
           reported_note(notes, "effective date", &w->effective) &&
           reported_note(notes, "revocation", &w->revoked);
}

static bool declaration_notes(const wc_dataset *ds, const wc_country *country, wc_date date,
                              wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE], c[WC_DATE_BUFSIZE];
    for (size_t i = 0; i < ds->n_declarations; i++) {
        const wc_declaration *d = &ds->declarations[i];
        if (d->country != country || d->lodged > date)
            continue;
        bool ok;
        if (d->period_to != WC_DATE_UNKNOWN)
            ok = add_note(notes,
                          "lodged an art. 12(3) declaration on %s accepting the Court's "
                          "jurisdiction from %s to %s",
                          wc_date_format(d->lodged, a), wc_date_format(d->period_from, b),
                          wc_date_format(d->period_to, c));
        else
            ok = add_note(notes,
                          "lodged an art. 12(3) declaration on %s accepting the Court's "
                          "jurisdiction from %s",
                          wc_date_format(d->lodged, a), wc_date_format(d->period_from, b));
        if (!ok)
            return false;
    }
    return true;
}

bool wc_membership_notes(const wc_dataset *ds, const wc_country *country, wc_date date,
                         wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE];
    notes->items = NULL;
    notes->count = 0;
    const wc_statute *s = country->statute;
    bool ok = true;
    if (s == NULL) {
        ok = add_note(notes, "has neither signed nor joined the Rome Statute");
    } else {
        ok = signature_notes(s, date, notes) && deposit_notes(s, date, notes);
        for (size_t i = 0; i < s->n_withdrawals && ok; i++)
            ok = withdrawal_notes(&s->withdrawals[i], date, notes);
        for (size_t i = 0; i < s->notes.count && ok; i++)
            ok = add_note(notes, "%s", s->notes.items[i]);
        if (ok && s->signed_on == WC_DATE_UNKNOWN && s->deposited != WC_DATE_UNKNOWN &&
            s->deposited > date)
            ok = add_note(notes, "had not yet joined the Rome Statute");
        if (ok && s->signed_on != WC_DATE_UNKNOWN && s->signed_on > date &&
            s->deposited == WC_DATE_UNKNOWN)
            ok = add_note(notes, "had not yet signed the Rome Statute");
    }
    ok = ok && declaration_notes(ds, country, date, notes);
    if (ok && date > ds->as_of)
        ok = add_note(notes, "the dataset is current to %s; later events are not known",
                      wc_date_format(ds->as_of, a));
    if (!ok)
        wc_notes_free(notes);
    return ok;
}
