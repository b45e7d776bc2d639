/* A state's standing under the Rome Statute on a date, and the notes that
 * explain it (SPEC section 2). */
#include "dataset_internal.h"
#include "notes.h"

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

/* Is `country` a territory that the Statute covers through its state on
 * `date`? */
static bool covered_through_state(const wc_country *c, wc_date date)
{
    return c->statute == NULL && c->part_of != NULL && c->part_of_coverage == WC_COVERAGE_COVERED &&
           (c->part_of_from == WC_DATE_UNKNOWN || c->part_of_from <= date) &&
           (c->part_of_until == WC_DATE_UNKNOWN || date < c->part_of_until);
}

/* Is `country` a territory whose coverage the dataset does not record?
 * Then it has its state's standing by presumption: a treaty binds each
 * party in respect of its entire territory unless a different intention
 * appears (Vienna Convention on the Law of Treaties, art. 29). */
static bool presumed_through_state(const wc_country *c)
{
    return c->statute == NULL && c->part_of != NULL &&
           c->part_of_coverage == WC_COVERAGE_NOT_RECORDED;
}

wc_membership wc_membership_on(const wc_country *country, wc_date date)
{
    bool presumed = presumed_through_state(country);
    if (presumed || covered_through_state(country, date)) {
        wc_membership m = wc_membership_on(country->part_of, date);
        m.through = country->part_of;
        m.presumed = presumed;
        return m;
    }
    wc_membership m = {.state_party = false, .statute = country->statute, .withdrawn = NULL,
                       .pending = NULL, .through = NULL, .presumed = false};
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

bool wc_country_is_state(const wc_country *country)
{
    return country->part_of == NULL;
}

const wc_country *wc_charter_state(const wc_country *country)
{
    return country->part_of != NULL ? country->part_of : country;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

const char *wc_country_article(const wc_country *country)
{
    static const char *const prefixes[] = {"United ", "Democratic Republic", "Republic of",
                                           "Central African Republic", "Dominican Republic",
                                           "Czech Republic", "State of ", "Holy See",
                                           "British Indian Ocean", "French Southern"};
    static const char *const names[] = {"Bahamas", "Gambia", "Netherlands", "Philippines",
                                        "Maldives", "Comoros", "Seychelles"};
    const char *n = country->name;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (starts_with(n, prefixes[i]))
            return "the ";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(n, names[i]) == 0)
            return "the ";
    /* "the Cook Islands", but not "South Georgia and the ... Islands". */
    if (ends_with(n, " Islands") && !starts_with(n, "South Georgia") &&
        !starts_with(n, "Heard Island"))
        return "the ";
    return "";
}

const char *wc_country_possessive(const wc_country *country)
{
    return wc_country_article(country)[0] != '\0' && ends_with(country->name, "s") ? "'"
                                                                                    : "'s";
}

wc_date wc_membership_since(const wc_country *country, wc_date date)
{
    wc_membership m = wc_membership_on(country, date);
    wc_date state = m.statute != NULL ? m.statute->in_force : WC_DATE_UNKNOWN;
    if (wc_country_is_state(country) || country->statute != NULL)
        return state;
    /* A territory: from its own date, but never before its state. */
    if (m.through == NULL || m.presumed)
        return WC_DATE_UNKNOWN;
    if (country->part_of_from == WC_DATE_UNKNOWN ||
        (state != WC_DATE_UNKNOWN && state > country->part_of_from))
        return state;
    return country->part_of_from;
}

size_t wc_states_parties_count(const wc_dataset *ds, wc_date date)
{
    size_t n = 0;
    /* States only: a territory shares its state's membership. */
    for (size_t i = 0; i < ds->n_countries; i++)
        n += wc_country_is_state(&ds->countries[i]) && wc_state_party_on(&ds->countries[i], date);
    return n;
}

/* ---------------------------------------------------------------- notes */

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

/* One note naming every stage of a withdrawal, up to `date`, that rests
 * on reports alone. */
static bool reported_note(wc_notes *notes, const wc_withdrawal *w, wc_date date)
{
    const struct {
        const char *name;
        const wc_event *e;
    } stages[] = {{"announcement", &w->announced},
                  {"deposit", &w->deposited},
                  {"effective date", &w->effective},
                  {"revocation", &w->revoked}};
    const char *names[4];
    size_t n = 0;
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        const wc_event *e = stages[i].e;
        if (!e->happened || e->confirmation != WC_REPORTED ||
            (e->date != WC_DATE_UNKNOWN && e->date > date && e != &w->effective))
            continue;
        names[n++] = stages[i].name;
    }
    if (n == 0)
        return true;
    char list[96] = "";
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat(list, i + 1 == n ? " and " : ", ");
        strcat(list, names[i]);
    }
    return wc_note_add(notes, NULL,
                    "the withdrawal's %s %s only reported, not confirmed by the UN depositary "
                    "or the Court",
                    list, n == 1 ? "is" : "are");
}

static bool signature_notes(const wc_statute *s, wc_date date, wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    const wc_country *country = s->country;
    if (!on_or_before(s->signed_on, date) || on_or_before(s->deposited, date))
        return true;
    if (on_or_before(s->signature_withdrawn, date))
        return wc_note_add(notes, country,
                        "signed the Rome Statute on %s, then notified the UN Secretary-General "
                        "on %s that it does not intend to become a party",
                        wc_date_format(s->signed_on, a),
                        wc_date_format(s->signature_withdrawn, b));
    return wc_note_add(notes, country, "signed the Rome Statute on %s but has not ratified it",
                    wc_date_format(s->signed_on, a));
}

static bool deposit_notes(const wc_statute *s, wc_date date, wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    const wc_country *country = s->country;
    if (s->deposited != WC_DATE_UNKNOWN && s->deposited > date)
        return wc_note_add(notes, country, "had not yet joined the Rome Statute");
    if (!on_or_before(s->deposited, date))
        return true;
    if (s->in_force == WC_DATE_UNKNOWN)
        return wc_note_add(notes, country,
                        "deposited an instrument of %s on %s, but the Statute never entered "
                        "into force for it",
                        wc_deposit_type_word(s->deposit_type), wc_date_format(s->deposited, a));
    if (s->in_force > date)
        return wc_note_add(notes, country,
                        "deposited its instrument of %s on %s; the Statute enters into force "
                        "for it on %s (art. 126(2))",
                        wc_deposit_type_word(s->deposit_type), wc_date_format(s->deposited, a),
                        wc_date_format(s->in_force, b));
    return true;
}

static bool withdrawal_notes(const wc_withdrawal *w, const wc_country *country, wc_date date,
                             wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    bool ok = true;
    if (!started_by(w, date))
        return true;
    if (revoked_by(w, date)) {
        ok = wc_note_add(notes, country,
                      "deposited a notification of withdrawal on %s but revoked it on %s; "
                      "a revoked withdrawal never takes effect",
                      wc_date_format(w->deposited.date, a), wc_date_format(w->revoked.date, b));
    } else if (effective_by(w, date)) {
        ok = wc_note_add(notes, country,
                      "withdrew from the Rome Statute: notification deposited on %s, effective "
                      "%s (art. 127(1)), as confirmed by %s",
                      wc_date_format(w->deposited.date, a), wc_date_format(w->effective.date, b),
                      confirmation_word(&w->effective));
    } else if (w->deposited.happened && on_or_before(w->deposited.date, date)) {
        if (w->effective.happened)
            ok = wc_note_add(notes, country,
                          "deposited a notification of withdrawal on %s; it takes effect on %s "
                          "(art. 127(1)), and until then the state remains a party",
                          wc_date_format(w->deposited.date, a),
                          wc_date_format(w->effective.date, b));
        else
            ok = wc_note_add(notes, country,
                          "deposited a notification of withdrawal on %s; under art. 127(1) it "
                          "takes effect one year later, on %s, unless it names a later date, "
                          "and until then the state remains a party",
                          wc_date_format(w->deposited.date, a),
                          wc_date_format(wc_withdrawal_takes_effect(w->deposited.date), b));
    } else {
        ok = wc_note_add(notes, country,
                      "announced its withdrawal on %s, but no notification has been deposited "
                      "with the UN Secretary-General, and until one is it changes nothing",
                      wc_date_format(w->announced.date, a));
    }
    if (ok && w->note != NULL)
        ok = wc_note_add(notes, NULL, "%s", w->note);
    return ok && reported_note(notes, w, date);
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
            ok = wc_note_add(notes, country,
                          "lodged an art. 12(3) declaration on %s accepting the Court's "
                          "jurisdiction from %s to %s",
                          wc_date_format(d->lodged, a), wc_date_format(d->period_from, b),
                          wc_date_format(d->period_to, c));
        else
            ok = wc_note_add(notes, country,
                          "lodged an art. 12(3) declaration on %s accepting the Court's "
                          "jurisdiction from %s",
                          wc_date_format(d->lodged, a), wc_date_format(d->period_from, b));
        if (!ok)
            return false;
    }
    return true;
}

/* Had `state` deposited an instrument of ratification or accession by
 * `date`? Before that there is no ratification to extend to its
 * territories: they stand as the state does, which is not a party. */
static bool state_joined_by(const wc_country *state, wc_date date)
{
    return state->statute != NULL && on_or_before(state->statute->deposited, date);
}

/* The note that says how a territory stands through its state. */
static bool territory_note(const wc_country *c, wc_date date, wc_notes *notes)
{
    const char *state = c->part_of->name;
    const char *sep = c->part_of_note ? " — " : "";
    const char *more = c->part_of_note ? c->part_of_note : "";
    if ((covered_through_state(c, date) || presumed_through_state(c)) &&
        !state_joined_by(c->part_of, date))
        return wc_note_add(notes, c,
                           "belongs to %s%s and shares its standing: %s%s had not joined the "
                           "Rome Statute on this date%s%s",
                           wc_country_article(c->part_of), state, wc_country_article(c->part_of),
                           state, sep, more);
    if (covered_through_state(c, date))
        return wc_note_add(notes, c,
                           "is covered by %s%s%s ratification: the Statute applies there as "
                           "in %s%s%s%s",
                           wc_country_article(c->part_of), state,
                           wc_country_possessive(c->part_of), wc_country_article(c->part_of),
                           state, sep, more);
    if (presumed_through_state(c))
        return wc_note_add(notes, NULL,
                           "whether %s%s%s ratification extends to %s%s is not recorded; %s%s is "
                           "taken to stand as %s%s does, since a treaty binds a state in "
                           "respect of its entire territory unless a different intention "
                           "appears (VCLT art. 29)%s%s",
                           wc_country_article(c->part_of), state,
                           wc_country_possessive(c->part_of), wc_country_article(c), c->name,
                           wc_country_article(c), c->name, wc_country_article(c->part_of), state,
                           sep, more);
    if (c->part_of_coverage == WC_COVERAGE_EXCLUDED)
        return wc_note_add(notes, c,
                           "belongs to %s%s, which declared that the Statute does not apply "
                           "there%s%s",
                           wc_country_article(c->part_of), state, sep, more);
    return wc_note_add(notes, c,
                       "belongs to %s%s, but the Statute did not apply there on this date%s%s",
                       wc_country_article(c->part_of), state, sep, more);
}

/* The notes on a state's own record: signature, deposit, withdrawals. */
static bool statute_notes(const wc_country *country, wc_date date, wc_notes *notes)
{
    const wc_statute *s = country->statute;
    if (s == NULL)
        return country->part_of != NULL ||
               wc_note_add(notes, country, "has neither signed nor joined the Rome Statute");
    if (s->signed_on != WC_DATE_UNKNOWN && s->signed_on > date && !on_or_before(s->deposited, date))
        return wc_note_add(notes, country, "had not yet signed the Rome Statute");
    bool ok = signature_notes(s, date, notes) && deposit_notes(s, date, notes);
    for (size_t i = 0; i < s->n_withdrawals && ok; i++)
        ok = withdrawal_notes(&s->withdrawals[i], country, date, notes);
    for (size_t i = 0; i < s->notes.count && ok; i++)
        ok = wc_note_add(notes, NULL, "%s", s->notes.items[i]);
    return ok;
}

bool wc_membership_notes(const wc_dataset *ds, const wc_country *country, wc_date date,
                         wc_notes *notes)
{
    char a[WC_DATE_BUFSIZE];
    notes->items = NULL;
    notes->count = 0;
    bool ok = true;
    if (country->part_of != NULL) {
        ok = territory_note(country, date, notes);
        /* Covered (or presumed covered) through its state: the state's own
         * notes explain the rest. */
        if (ok && (covered_through_state(country, date) || presumed_through_state(country))) {
            wc_notes state;
            ok = wc_membership_notes(ds, country->part_of, date, &state);
            if (ok) {
                ok = wc_notes_append(notes, &state);
                wc_notes_free(&state);
            }
            if (!ok)
                wc_notes_free(notes);
            return ok;
        }
    }
    ok = ok && statute_notes(country, date, notes) && declaration_notes(ds, country, date, notes);
    if (ok && date > ds->as_of)
        ok = wc_note_add(notes, NULL, "the dataset is current to %s; later events are not known",
                         wc_date_format(ds->as_of, a));
    if (!ok)
        wc_notes_free(notes);
    return ok;
}
