/* The verdict rules of SPEC section 2: for a warrant, a country and a
 * date, exactly one verdict, with its legal basis, notes and sources. */
#include "dataset_internal.h"
#include "notes.h"
#include "warrant.h"

#include <string.h>

static const char *const VERDICT_WORDS[] = {"in-custody",   "obliged",     "obliged-residual",
                                            "obliged-unsc", "not-obliged", "no-warrant"};

const char *wc_verdict_word(wc_verdict_kind kind)
{
    return VERDICT_WORDS[kind];
}

bool wc_verdict_can_arrest(wc_verdict_kind kind)
{
    return kind == WC_V_OBLIGED || kind == WC_V_OBLIGED_RESIDUAL || kind == WC_V_OBLIGED_UNSC;
}

static void add_sources(wc_verdict *v, const wc_source_list *list)
{
    if (list->count == 0)
        return;
    for (size_t i = 0; i < v->n_sources; i++)
        if (v->sources[i] == list)
            return;
    if (v->n_sources < WC_MAX_SOURCE_LISTS)
        v->sources[v->n_sources++] = list;
}

/* The referral of W's situation, adopted by `date`, that binds the UN
 * member `c` is part of: a territory takes its state's duty under the
 * Charter (wc_charter_state), whatever the Statute's coverage there. */
static const wc_referral *binding_referral(const wc_dataset *ds, const wc_warrant *w,
                                           const wc_country *country, wc_date date)
{
    const wc_country *c = wc_charter_state(country);
    for (size_t i = 0; i < ds->n_referrals; i++) {
        const wc_referral *r = &ds->referrals[i];
        if (strcmp(r->situation, w->situation) != 0 || r->adopted > date)
            continue;
        for (size_t k = 0; k < r->n_bound; k++)
            if (r->bound[k] == c)
                return r;
    }
    return NULL;
}

static bool warrant_notes(const wc_warrant *w, wc_warrant_state state,
                          const wc_status_event *event, wc_date date, wc_verdict *v)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    const char *name = w->person->name;
    /* The two notes below that name `date` itself are the ones
     * wc_warrant_notes_name_day() (warrant.c) predicts: keep them in step. */
    if (date < wc_warrant_known_from(w)) {
        if (w->issued == WC_DATE_UNKNOWN)
            return wc_note_add(&v->notes, NULL,
                               "the warrant for %s was issued under seal on a day not known, "
                               "by %s at the latest, so whether it existed on %s is not known",
                               name, wc_date_format(wc_warrant_known_from(w), a),
                               wc_date_format(date, b));
        return wc_note_add(&v->notes, NULL, "the warrant for %s was issued later, on %s", name,
                           wc_date_format(w->issued, a));
    }
    bool ok = true;
    if (w->issued == WC_DATE_UNKNOWN)
        ok = wc_note_add(&v->notes, NULL,
                         "the warrant for %s was issued under seal on a day not known, by %s "
                         "at the latest, and made public on %s",
                         name, wc_date_format(wc_warrant_known_from(w), a),
                         wc_date_format(w->made_public, b));
    else if (w->made_public != WC_DATE_UNKNOWN && w->made_public > date)
        ok = wc_note_add(&v->notes, NULL,
                         "the warrant for %s, issued on %s, was under seal until %s",
                         name, wc_date_format(w->issued, a), wc_date_format(w->made_public, b));
    /* A death ends a warrant only when the Court terminates the case (a
     * status event); until then it is a note on a warrant still alive. */
    const wc_person *p = w->person;
    if (ok && p->died != WC_DATE_UNKNOWN && p->died <= date) {
        if (state == WC_WARRANT_NOT_IN_FORCE) {
            ok = wc_note_add(&v->notes, NULL, "%s died on %s", name, wc_date_format(p->died, a));
        } else {
            const char *how = p->died_confirmation == WC_REPORTED ? "was reported dead" : "died";
            ok = wc_note_add(&v->notes, NULL, "%s %s on %s; the Court has not terminated the case",
                             name, how, wc_date_format(p->died, a));
            add_sources(v, &p->sources); /* where the death is reported */
        }
    }
    if (ok && event != NULL && state != WC_WARRANT_IN_FORCE)
        ok = wc_note_add(&v->notes, NULL, "%s: %s since %s%s%s", name,
                         wc_warrant_status_word(event->status),
                         wc_date_format(event->date, a), event->note ? " — " : "",
                         event->note ? event->note : "");
    /* The dataset records what it chose; a change the Court has not
     * confirmed says so. */
    if (ok && event != NULL && event->confirmation == WC_REPORTED)
        ok = wc_note_add(&v->notes, NULL,
                         "that %s became '%s' on %s is only reported, not confirmed by the Court",
                         name, wc_warrant_status_word(event->status),
                         event->date != WC_DATE_UNKNOWN ? wc_date_format(event->date, a)
                                                        : "a day not known");
    if (ok && event != NULL && event->status == WC_ARRESTED)
        ok = wc_note_add(&v->notes, NULL, "%s was arrested on %s and awaits surrender%s%s", name,
                         wc_date_format(event->date, a), event->note ? " — " : "",
                         event->note ? event->note : "");
    if (event != NULL)
        add_sources(v, &event->sources);
    const wc_status_event *maybe = wc_warrant_uncertain_on(w, date);
    if (ok && maybe != NULL) {
        if (maybe->not_after != WC_DATE_UNKNOWN)
            ok = wc_note_add(&v->notes, NULL,
                             "uncertain: %s became '%s' on a day not known, no later than %s, "
                             "so on %s it may already have happened%s%s",
                             name, wc_warrant_status_word(maybe->status),
                             wc_date_format(maybe->not_after, a), wc_date_format(date, b),
                             maybe->note ? " — " : "", maybe->note ? maybe->note : "");
        else
            ok = wc_note_add(&v->notes, NULL,
                             "uncertain: %s became '%s' on a day not known, so on %s it may "
                             "already have happened%s%s",
                             name, wc_warrant_status_word(maybe->status), wc_date_format(date, b),
                             maybe->note ? " — " : "", maybe->note ? maybe->note : "");
        add_sources(v, &maybe->sources);
    }
    return ok;
}

/* Findings of non-compliance and trips of this person to this country,
 * whatever their date: they are what a reader of the verdict asks next. */
static bool history_notes(const wc_dataset *ds, const wc_person *p, const wc_country *c,
                          wc_date date, wc_verdict *v)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    bool ok = true;
    for (size_t i = 0; i < ds->n_trips && ok; i++) {
        const wc_trip *t = &ds->trips[i];
        if (t->person != p || t->host != c || date < t->start || date > t->end)
            continue;
        ok = wc_note_add(&v->notes, NULL, "%s was in %s%s %s %s%s%s%s%s%s%s%s", p->name,
                         wc_country_article(c), c->name, t->start == t->end ? "on" : "from",
                         wc_date_format(t->start, a), t->start == t->end ? "" : " to ",
                         t->start == t->end ? "" : wc_date_format(t->end, b),
                         t->city ? " (" : "", t->city ? t->city : "", t->city ? ")" : "",
                         t->outcome ? ": " : "", t->outcome ? t->outcome : "");
        add_sources(v, &t->sources);
    }
    for (size_t i = 0; i < ds->n_findings && ok; i++) {
        const wc_finding *f = &ds->findings[i];
        if (f->person != p || f->state != c)
            continue;
        const char *ref =
            f->referred_to == WC_REFERRED_NONE   ? "not referred"
            : f->referred_to == WC_REFERRED_ASP  ? "referred to the Assembly of States Parties"
            : f->referred_to == WC_REFERRED_UNSC ? "referred to the Security Council"
                                                 : "referred to the Assembly of States Parties "
                                                   "and the Security Council";
        ok = wc_note_add(&v->notes, NULL,
                         "on %s the Court found that %s%s failed to comply with its request to "
                         "arrest and surrender %s (%s); %s",
                         wc_date_format(f->date, a), wc_country_article(c), c->name, p->name,
                         f->decision, ref);
        add_sources(v, &f->sources);
    }
    return ok;
}

bool wc_verdict_for_warrant(const wc_dataset *ds, const wc_warrant *w, const wc_country *c,
                            wc_date date, wc_verdict *v)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    memset(v, 0, sizeof *v);
    v->warrant = w;
    wc_membership m = wc_membership_on(c, date);
    v->state_party = m.state_party;
    v->through = m.through;
    v->state_party_presumed = m.presumed;
    const wc_status_event *event;
    wc_warrant_state state = wc_warrant_state_on(w, date, &event);
    const wc_referral *referral = NULL;

    if (state == WC_WARRANT_EXECUTED) {
        v->kind = WC_V_IN_CUSTODY;
    } else if (state == WC_WARRANT_NOT_IN_FORCE) {
        v->kind = WC_V_NO_WARRANT;
    } else if (m.state_party) {
        v->kind = WC_V_OBLIGED;
        v->basis = "Rome Statute arts. 86, 89(1), 27";
    } else if (m.withdrawn != NULL && wc_warrant_known_from(w) < m.withdrawn->effective.date) {
        v->kind = WC_V_OBLIGED_RESIDUAL;
        v->basis = "Rome Statute art. 127(2)";
    } else if ((referral = binding_referral(ds, w, c, date)) != NULL) {
        v->kind = WC_V_OBLIGED_UNSC;
        v->basis = referral->resolution;
    } else {
        v->kind = WC_V_NOT_OBLIGED;
    }

    bool ok = true;
    if (v->kind == WC_V_OBLIGED_RESIDUAL)
        ok = wc_note_add(&v->notes, NULL,
                         "the warrant was issued on %s, before %s%s%s withdrawal took effect on "
                         "%s: art. 127(2) keeps its duty to cooperate in proceedings that "
                         "began before then",
                         wc_date_format(wc_warrant_known_from(w), a), wc_country_article(c),
                         c->name, wc_country_possessive(c),
                         wc_date_format(m.withdrawn->effective.date, b));
    else if (v->kind == WC_V_OBLIGED_UNSC && !wc_country_is_state(c))
        ok = wc_note_add(&v->notes, NULL,
                         "the Security Council referred the situation (%s) to the Court and "
                         "decided that %s%s shall cooperate fully with it; the decision binds "
                         "%s%s in all its territory, %s%s included (UN Charter art. 25)",
                         referral->resolution, wc_country_article(c->part_of), c->part_of->name,
                         wc_country_article(c->part_of), c->part_of->name,
                         wc_country_article(c), c->name);
    else if (v->kind == WC_V_OBLIGED_UNSC)
        ok = wc_note_add(&v->notes, NULL,
                         "the Security Council referred the situation (%s) to the Court and "
                         "decided that %s%s shall cooperate fully with it",
                         referral->resolution, wc_country_article(c), c->name);
    else if (v->kind == WC_V_NOT_OBLIGED && m.withdrawn != NULL)
        ok = wc_note_add(&v->notes, NULL,
                         "the warrant was issued on %s, after %s%s%s withdrawal took effect on "
                         "%s, so art. 127(2) does not apply",
                         wc_date_format(wc_warrant_known_from(w), a), wc_country_article(c),
                         c->name, wc_country_possessive(c),
                         wc_date_format(m.withdrawn->effective.date, b));
    if (ok && v->kind == WC_V_OBLIGED)
        ok = wc_note_add(&v->notes, NULL,
                         "official capacity is no bar to arrest (art. 27; Appeals Chamber, "
                         "Jordan Referral re Al-Bashir, 2019-05-06)");
    if (referral != NULL)
        add_sources(v, &referral->sources);

    wc_notes membership;
    ok = ok && warrant_notes(w, state, event, date, v) &&
         wc_membership_notes(ds, c, date, &membership);
    if (ok) {
        ok = wc_notes_append(&v->notes, &membership);
        wc_notes_free(&membership);
    }
    ok = ok && history_notes(ds, w->person, c, date, v);
    add_sources(v, &w->sources);
    v->n_sources = wc_membership_sources(ds, c, date, v->sources, v->n_sources,
                                         WC_MAX_SOURCE_LISTS);
    if (!ok)
        wc_verdict_free(v);
    return ok;
}

bool wc_verdict_for_person(const wc_dataset *ds, const wc_person *p, const wc_country *c,
                           wc_date date, wc_verdict *out)
{
    bool found = false;
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_warrant *w = &ds->warrants[i];
        if (w->person != p)
            continue;
        wc_verdict v;
        if (!wc_verdict_for_warrant(ds, w, c, date, &v)) {
            if (found)
                wc_verdict_free(out);
            return false;
        }
        /* The strongest verdict wins; on a tie, the earlier warrant. */
        if (!found || v.kind < out->kind) {
            if (found)
                wc_verdict_free(out);
            *out = v;
            found = true;
        } else {
            wc_verdict_free(&v);
        }
    }
    if (!found) {
        memset(out, 0, sizeof *out);
        out->kind = WC_V_NO_WARRANT;
        wc_membership m = wc_membership_on(c, date);
        out->state_party = m.state_party;
        out->state_party_presumed = m.presumed;
        return wc_note_add(&out->notes, NULL, "the dataset holds no warrant for %s", p->name);
    }
    return true;
}

void wc_verdict_free(wc_verdict *v)
{
    wc_notes_free(&v->notes);
}
