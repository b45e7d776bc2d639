/* The dataset's legal consistency rules across fields and records: the
 * order of a withdrawal's stages, the art. 126 date of entry into force,
 * warrant and status dates, and territories that belong to a state. Each
 * runs once its record's fields are read (dataset_read.c), and fails at the
 * key that breaks it. */
#include "dataset_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The writable country behind a reference the loader resolved. */
static wc_country *writable(loader *L, const wc_country *c)
{
    return &L->countries[c - L->ds->countries];
}

bool wc_apply_territory(loader *L, const wc_territory *t)
{
    /* Dates of application belong to a coverage that is known. */
    if (t->coverage != WC_COVERAGE_COVERED && t->from != WC_DATE_UNKNOWN)
        return wc_fail_key(L, "from",
                           "only a covered territory has a date from which it is covered");
    if (t->coverage == WC_COVERAGE_NOT_RECORDED && t->until != WC_DATE_UNKNOWN)
        return wc_fail_key(L, "until",
                           "a territory whose coverage is not recorded has no end date");
    if (t->territory == t->state)
        return wc_fail_key(L, "state", "a territory cannot belong to itself");
    if (t->territory->statute != NULL)
        return wc_fail_key(L, "iso2", "has a Rome Statute record of its own, so its state's "
                                      "does not stand in for it");
    if (t->territory->part_of != NULL)
        return wc_fail_key(L, "iso2", "given twice in 'territories'");
    if (t->from != WC_DATE_UNKNOWN && t->until != WC_DATE_UNKNOWN && t->until <= t->from)
        return wc_fail_dates(L, "until", "ends (%s) before it starts (%s)", t->until, t->from);
    wc_country *c = writable(L, t->territory);
    c->part_of = t->state;
    c->part_of_from = t->from;
    c->part_of_until = t->until;
    c->part_of_coverage = t->coverage;
    c->part_of_note = t->note;
    c->part_of_sources = t->sources;
    return true;
}

bool wc_check_territory_chains(loader *L)
{
    for (size_t i = 0; i < L->ds->n_countries; i++) {
        const wc_country *c = &L->ds->countries[i];
        if (c->part_of != NULL && c->part_of->part_of != NULL) {
            size_t m1 = wc_path_key(&L->r, "territories");
            wc_fail(&L->r, "'%s' belongs to '%s', which is itself listed as a territory",
                    c->iso2, c->part_of->iso2);
            wc_path_restore(&L->r, m1);
            return false;
        }
    }
    return true;
}

/* Fails at `key` with a message about three dates. */
static bool fail_3_dates(loader *L, const char *key, const char *what, wc_date a, wc_date b,
                         wc_date c)
{
    char x[WC_DATE_BUFSIZE], y[WC_DATE_BUFSIZE], z[WC_DATE_BUFSIZE];
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, what, wc_date_format(a, x), wc_date_format(b, y), wc_date_format(c, z));
    wc_path_restore(&L->r, mark);
    return false;
}

/* The order of a withdrawal's stages and art. 127(1)'s year, for a record
 * whose presence rules (below) hold. An announcement is no legal stage: it
 * normally comes first, and one made public only after the deposit (South
 * Africa, 2016) needs a note that says so; likewise a later effective date
 * than the year needs a note naming the date the notification gives. */
static bool check_withdrawal_dates(loader *L, const wc_withdrawal *w)
{
    wc_date announced = w->announced.happened ? w->announced.date : WC_DATE_UNKNOWN;
    wc_date deposited = w->deposited.happened ? w->deposited.date : WC_DATE_UNKNOWN;
    wc_date revoked = w->revoked.happened ? w->revoked.date : WC_DATE_UNKNOWN;
    if (announced != WC_DATE_UNKNOWN && deposited != WC_DATE_UNKNOWN && announced > deposited &&
        w->note == NULL)
        return wc_fail_dates(L, "announced",
                             "announced on %s, after its deposit on %s: a 'note' must say how",
                             announced, deposited);
    if (revoked != WC_DATE_UNKNOWN && deposited != WC_DATE_UNKNOWN && revoked < deposited)
        return wc_fail_dates(L, "revoked", "revoked on %s, before it was deposited (%s)",
                             revoked, deposited);
    if (revoked != WC_DATE_UNKNOWN && deposited == WC_DATE_UNKNOWN &&
        announced != WC_DATE_UNKNOWN && revoked < announced)
        return wc_fail_dates(L, "revoked", "revoked on %s, before it was announced (%s)",
                             revoked, announced);
    if (deposited == WC_DATE_UNKNOWN)
        return true;
    wc_date year = wc_withdrawal_takes_effect(deposited); /* art. 127(1) */
    if (year == WC_DATE_UNKNOWN)
        return true;
    if (w->effective.happened && w->effective.date < year)
        return fail_3_dates(L, "effective",
                            "takes effect on %s, less than a year after its deposit on %s: "
                            "art. 127(1) gives %s at the earliest",
                            w->effective.date, deposited, year);
    if (w->effective.happened && w->effective.date > year && w->note == NULL)
        return fail_3_dates(L, "effective",
                            "takes effect on %s, later than a year after its deposit on %s "
                            "(%s): only a later date the notification names; a 'note' must "
                            "say so",
                            w->effective.date, deposited, year);
    /* Revoked in time, or it took effect: then it is a new accession. */
    if (revoked != WC_DATE_UNKNOWN && !w->effective.happened && revoked >= year)
        return fail_3_dates(L, "revoked",
                            "revoked on %s, on or after the day it took effect (%s, a year "
                            "after its deposit on %s): that is a new accession, not a revocation",
                            revoked, year, deposited);
    return true;
}

bool wc_check_withdrawal(loader *L, const wc_withdrawal *w, const wc_statute *s)
{
    /* A withdrawal may be revoked only before the day it was to take effect. */
    if (w->effective.happened && w->revoked.happened && w->revoked.date != WC_DATE_UNKNOWN &&
        w->effective.date != WC_DATE_UNKNOWN && w->revoked.date >= w->effective.date)
        return wc_fail_dates(L, "revoked",
                             "revoked on %s, on or after the day it took effect (%s): that is a "
                             "new accession, not a revocation",
                             w->revoked.date, w->effective.date);
    if (!w->deposited.happened && (w->effective.happened))
        return wc_fail_dates(L, "effective", "takes effect (%s) without being deposited (%s)",
                             w->effective.date, w->deposited.date);
    if (!w->deposited.happened && !w->announced.happened)
        return wc_fail(&L->r, "neither announced nor deposited");
    /* The verdict turns on these two dates, so they may not be unknown. */
    if (w->deposited.happened && w->deposited.date == WC_DATE_UNKNOWN)
        return wc_fail_key(L, "deposited", "a deposit needs its date");
    if (w->effective.happened && w->effective.date == WC_DATE_UNKNOWN)
        return wc_fail_key(L, "effective", "a withdrawal that takes effect needs its date");
    if (w->deposited.happened && w->effective.happened &&
        w->deposited.date != WC_DATE_UNKNOWN && w->effective.date != WC_DATE_UNKNOWN &&
        w->effective.date <= w->deposited.date)
        return wc_fail_dates(L, "effective", "takes effect (%s) before it is deposited (%s)",
                             w->effective.date, w->deposited.date);
    if (w->deposited.happened && w->deposited.date != WC_DATE_UNKNOWN &&
        s->deposited != WC_DATE_UNKNOWN && w->deposited.date < s->deposited)
        return wc_fail_dates(L, "deposited", "deposited (%s) before the state joined (%s)",
                             w->deposited.date, s->deposited);
    return check_withdrawal_dates(L, w);
}

/* Art. 126: the dates of signature, deposit and entry into force agree. */
static bool check_statute_dates(loader *L, const wc_statute *s)
{
    if (s->signed_on == WC_DATE_UNKNOWN && s->deposited == WC_DATE_UNKNOWN)
        return wc_fail(&L->r, "neither signed nor deposited");
    if (s->signature_withdrawn != WC_DATE_UNKNOWN && s->signed_on == WC_DATE_UNKNOWN)
        return wc_fail_dates(L, "signature_withdrawn",
                             "signature withdrawn (%s) but never signed (%s)",
                             s->signature_withdrawn, s->signed_on);
    /* Art. 125(1): open for signature from 17 July 1998 to 31 December 2000. */
    if (s->signed_on != WC_DATE_UNKNOWN && (s->signed_on < wc_date_from_ymd(1998, 7, 17) ||
                                            s->signed_on > wc_date_from_ymd(2000, 12, 31)))
        return wc_fail_dates(L, "signed",
                             "signed on %s, outside the Statute's signature period (%s to "
                             "2000-12-31, art. 125(1))",
                             s->signed_on, wc_date_from_ymd(1998, 7, 17));
    if (s->signed_on != WC_DATE_UNKNOWN && s->deposited != WC_DATE_UNKNOWN &&
        s->signed_on > s->deposited)
        return wc_fail_dates(L, "signed", "signed on %s, after its deposit on %s", s->signed_on,
                             s->deposited);
    if ((s->deposited == WC_DATE_UNKNOWN) != (s->deposit_type == WC_DEPOSIT_NONE))
        return wc_fail_key(L, "deposit_type",
                           "'deposit_type' goes with 'deposited', and only with it");
    if (s->in_force != WC_DATE_UNKNOWN) {
        if (s->deposited == WC_DATE_UNKNOWN)
            return wc_fail_dates(L, "in_force", "in force (%s) with no deposit (%s)",
                                 s->in_force, s->deposited);
        /* A successor state is bound from its independence, which may come
         * before its notification of succession (Montenegro, 2006). */
        if (s->deposit_type == WC_SUCCESSION)
            return true;
        wc_date expected = wc_statute_entry_into_force(s->deposited);
        if (expected != s->in_force) {
            char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE], c[WC_DATE_BUFSIZE];
            size_t mark = wc_path_key(&L->r, "in_force");
            wc_fail(&L->r, "%s is not the date art. 126 gives for a deposit on %s (%s)",
                    wc_date_format(s->in_force, a), wc_date_format(s->deposited, b),
                    wc_date_format(expected, c));
            wc_path_restore(&L->r, mark);
            return false;
        }
    }
    return true;
}

/* One record per state; the country points back at it. */
bool wc_check_statute(loader *L, wc_statute *s)
{
    if (s->country->statute != NULL) {
        size_t mark = wc_path_key(&L->r, "iso2");
        wc_fail(&L->r, "a second record for '%s'", s->country->iso2);
        wc_path_restore(&L->r, mark);
        return false;
    }
    writable(L, s->country)->statute = s;
    return check_statute_dates(L, s);
}

/* A year, a month and a release number within the month. */
bool wc_check_dataset_version(loader *L, const char *v)
{
    unsigned year, month, release;
    char end;
    if (strlen(v) <= 16 && strspn(v, "0123456789.") == strlen(v) &&
        sscanf(v, "%4u.%2u.%4u%c", &year, &month, &release, &end) == 3 && year >= 2000 &&
        month >= 1 && month <= 12 && release >= 1 && v[4] == '.')
        return true;
    return wc_fail_key(L, "dataset_version", "not a dataset version of the form YYYY.MM.N");
}

bool wc_check_declaration(loader *L, const wc_declaration *d)
{
    if (d->period_from != WC_DATE_UNKNOWN && d->period_to != WC_DATE_UNKNOWN &&
        d->period_to < d->period_from)
        return wc_fail_dates(L, "period_to", "the period ends (%s) before it starts (%s)",
                             d->period_to, d->period_from);
    return true;
}

/* `o` is the person's object, to tell a confirmation given from the default. */
bool wc_check_person(loader *L, const wc_person *p, const cJSON *o)
{
    const cJSON *given = cJSON_GetObjectItemCaseSensitive(o, "died_confirmation");
    if (p->died_confirmation == WC_CONFIRMED_DEPOSITARY)
        return wc_fail_key(L, "died_confirmation", "a death is confirmed by the Court or reported");
    if (given != NULL && !cJSON_IsNull(given) && p->died == WC_DATE_UNKNOWN)
        return wc_fail_key(L, "died_confirmation", "given without 'died'");
    if (p->born != WC_DATE_UNKNOWN && p->died != WC_DATE_UNKNOWN && p->died < p->born)
        return wc_fail_dates(L, "died", "died (%s) before being born (%s)", p->died, p->born);
    return true;
}

bool wc_check_warrant(loader *L, const wc_warrant *w)
{
    /* A sealed warrant's issue date may be unknown; then the day it was
     * made public is the first day it is known to exist. */
    if (w->issued == WC_DATE_UNKNOWN && w->made_public == WC_DATE_UNKNOWN)
        return wc_fail_key(L, "issued", "a warrant needs the date it was issued or made public");
    if (w->issued != WC_DATE_UNKNOWN && w->made_public != WC_DATE_UNKNOWN &&
        w->made_public < w->issued)
        return wc_fail_dates(L, "public", "made public (%s) before it was issued (%s)",
                             w->made_public, w->issued);
    return true;
}

/* The day a status event counts from: its date, else its later bound. */
static wc_date event_day(const wc_status_event *ev)
{
    return ev->date != WC_DATE_UNKNOWN ? ev->date : ev->not_after;
}

/* `ev` is element `index` of its warrant's array, the earlier ones read. */
bool wc_check_status_event(loader *L, const wc_status_event *ev, const wc_warrant *w,
                           size_t index)
{
    /* An exact date makes a bound meaningless; a bound may stand alone, and
     * orders the event like a date. */
    if (ev->date != WC_DATE_UNKNOWN &&
        (ev->not_after != WC_DATE_UNKNOWN || ev->not_before != WC_DATE_UNKNOWN))
        return wc_fail_key(L, "date",
                           "give 'date' or the bounds 'not_before'/'not_after', not both");
    if (ev->not_before != WC_DATE_UNKNOWN && ev->not_after != WC_DATE_UNKNOWN &&
        ev->not_after < ev->not_before)
        return wc_fail_dates(L, "not_after", "the bounds are reversed: %s is before %s",
                             ev->not_after, ev->not_before);
    wc_date last = w->issued;
    for (size_t j = 1; j <= index; j++)
        if (event_day(ev - j) != WC_DATE_UNKNOWN) {
            last = event_day(ev - j);
            break;
        }
    wc_date when = event_day(ev);
    if (when != WC_DATE_UNKNOWN && last != WC_DATE_UNKNOWN && when < last)
        return wc_fail_dates(L, ev->date != WC_DATE_UNKNOWN ? "date" : "not_after",
                             "out of order: %s comes before %s", when, last);
    return true;
}

/* The day the person's first warrant was issued, or unknown if one was
 * sealed with its day unknown (it may be any day before it was made
 * public); *any says whether the person has a warrant at all. */
static wc_date first_warrant(const wc_dataset *ds, const wc_person *p, bool *any)
{
    wc_date first = WC_DATE_UNKNOWN;
    bool sealed = false;
    *any = false;
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_warrant *w = &ds->warrants[i];
        if (w->person != p)
            continue;
        *any = true;
        if (w->issued == WC_DATE_UNKNOWN)
            sealed = true;
        else if (first == WC_DATE_UNKNOWN || w->issued < first)
            first = w->issued;
    }
    return sealed ? WC_DATE_UNKNOWN : first;
}

/* A dated fact of a person falls inside their life and, for a trip or a
 * finding, after their first warrant (trips are "after their warrants",
 * and a finding is about a failure to arrest under one). */
static bool check_in_life(loader *L, const wc_person *p, const char *key, wc_date when,
                          const char *what)
{
    if (p->born != WC_DATE_UNKNOWN && when < p->born) {
        char m[160];
        snprintf(m, sizeof m, "%s on %%s, before the person was born (%%s)", what);
        return wc_fail_dates(L, key, m, when, p->born);
    }
    return true;
}

static bool check_after_first_warrant(loader *L, const wc_person *p, const char *key,
                                      wc_date when, const char *what)
{
    bool any;
    wc_date first = first_warrant(L->ds, p, &any);
    char m[160];
    if (!any) {
        snprintf(m, sizeof m, "%s of '%%.60s', who has no warrant", what);
        size_t mark = wc_path_key(&L->r, "person");
        wc_fail(&L->r, m, p->id);
        wc_path_restore(&L->r, mark);
        return false;
    }
    if (first != WC_DATE_UNKNOWN && when < first) {
        snprintf(m, sizeof m, "%s on %%s, before the person's first warrant (%%s)", what);
        return wc_fail_dates(L, key, m, when, first);
    }
    return true;
}

bool wc_check_trip(loader *L, const wc_trip *t)
{
    if (t->end < t->start)
        return wc_fail_dates(L, "end", "the trip ends (%s) before it starts (%s)", t->end,
                             t->start);
    if (t->person->died != WC_DATE_UNKNOWN && t->start > t->person->died)
        return wc_fail_dates(L, "start", "a trip on %s, after the person died (%s)",
                             t->start, t->person->died);
    return check_in_life(L, t->person, "start", t->start, "a trip") &&
           check_after_first_warrant(L, t->person, "start", t->start, "a trip");
}

static bool same_trip_key(const wc_trip *a, const wc_trip *b)
{
    return a->person == b->person && a->start == b->start && a->host == b->host;
}

/* Orders trips by what names one (person, start, host: the key of `data
 * diff`), then by their place in the file. */
static int cmp_trip(const void *a, const void *b)
{
    const wc_trip *x = *(const wc_trip *const *)a, *y = *(const wc_trip *const *)b;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->host != y->host)
        return x->host < y->host ? -1 : 1;
    return x < y ? -1 : x > y;
}

bool wc_check_trips_unique(loader *L)
{
    const wc_dataset *ds = L->ds;
    if (ds->n_trips < 2)
        return true;
    const wc_trip **ptrs = wc_load_alloc(L, ds->n_trips, sizeof *ptrs);
    if (ptrs == NULL)
        return false;
    for (size_t i = 0; i < ds->n_trips; i++)
        ptrs[i] = &ds->trips[i];
    qsort(ptrs, ds->n_trips, sizeof *ptrs, cmp_trip);
    /* Sorted, the trips alike stand together in file order: the first is
     * the original, the second its first repeat. Report the repeat that
     * comes first in the file, and name the trip it repeats. */
    const wc_trip *later = NULL, *first = NULL;
    for (size_t i = 1; i < ds->n_trips; i++) {
        if (!same_trip_key(ptrs[i - 1], ptrs[i]) ||
            (i >= 2 && same_trip_key(ptrs[i - 2], ptrs[i - 1])))
            continue;
        if (later == NULL || ptrs[i] < later) {
            later = ptrs[i];
            first = ptrs[i - 1];
        }
    }
    if (later == NULL)
        return true;
    char d[WC_DATE_BUFSIZE];
    size_t m1 = wc_path_key(&L->r, "trips");
    wc_path_index(&L->r, (size_t)(later - ds->trips));
    wc_path_key(&L->r, "start");
    wc_fail(&L->r, "a trip of '%.60s' to '%s' starting on %s is given twice (first as trips[%zu])",
            later->person->id, later->host->iso2, wc_date_format(later->start, d),
            (size_t)(first - ds->trips));
    wc_path_restore(&L->r, m1);
    return false;
}

bool wc_check_finding(loader *L, const wc_finding *f)
{
    return check_in_life(L, f->person, "date", f->date, "a finding") &&
           check_after_first_warrant(L, f->person, "date", f->date, "a finding");
}

/* Whether the Court ended the warrant: its last status event. */
static bool ended_by_court(const wc_warrant *w)
{
    if (w->n_status == 0)
        return false;
    wc_warrant_status last = w->status[w->n_status - 1].status;
    return last == WC_DECEASED || last == WC_WITHDRAWN || last == WC_VACATED;
}

/* A warrant falls in its person's life. One issued after the death is
 * possible only where the death was not known (Deif, 2024): the Court then
 * ends it, so such a warrant must end with the Court's termination. Run
 * once the warrants and their status events are read. */
bool wc_check_warrant_lives(loader *L)
{
    for (size_t i = 0; i < L->ds->n_warrants; i++) {
        const wc_warrant *w = &L->ds->warrants[i];
        const wc_person *p = w->person;
        const char *key = w->issued != WC_DATE_UNKNOWN ? "issued" : "public";
        wc_date when = w->issued != WC_DATE_UNKNOWN ? w->issued : w->made_public;
        size_t mark = wc_path_key(&L->r, "warrants");
        wc_path_index(&L->r, i);
        bool ok = check_in_life(L, p, key, when, "issued");
        if (ok && p->died != WC_DATE_UNKNOWN && when > p->died && !ended_by_court(w))
            ok = wc_fail_dates(L, key,
                               "issued on %s, after the person died (%s), and not ended by "
                               "the Court (deceased, withdrawn or vacated)",
                               when, p->died);
        wc_path_restore(&L->r, mark);
        if (!ok)
            return false;
    }
    return true;
}

/* The facts a dataset may hold after its as_of: only those it marks as
 * reported. as_of is the day up to which the data was checked; a fact the
 * data knows of beyond it was not checked (it rests on a report), and the
 * data must say so rather than claim a checked date it does not have. A fact
 * that carries no confirmation level (a signature, a deposit, a warrant) is
 * never after as_of. */
typedef enum { CHECKED, MAY_BE_REPORTED } after_as_of;

/* Fails at ARRAY[i](.SUB[j]).KEY when `d` is after the dataset's as_of and
 * is not a reported fact. */
static bool not_after_as_of(loader *L, const char *array, size_t i, const char *sub, size_t j,
                            const char *key, wc_date d, after_as_of kind,
                            wc_confirmation confirmation)
{
    if (d == WC_DATE_UNKNOWN || d <= L->ds->as_of)
        return true;
    if (kind == MAY_BE_REPORTED && confirmation == WC_REPORTED)
        return true;
    size_t mark = wc_path_key(&L->r, array);
    wc_path_index(&L->r, i);
    if (sub != NULL) {
        wc_path_key(&L->r, sub);
        wc_path_index(&L->r, j);
    }
    if (kind == MAY_BE_REPORTED)
        wc_fail_dates(L, key, "%s is after the dataset's as_of (%s) but not marked 'reported': "
                              "move as_of to the day the data was checked to, or mark it reported",
                      d, L->ds->as_of);
    else
        wc_fail_dates(L, key, "%s is after the dataset's as_of (%s): move as_of to the day the "
                              "data was checked to",
                      d, L->ds->as_of);
    wc_path_restore(&L->r, mark);
    return false;
}

/* A fact with no confirmation level of its own. */
static bool checked(loader *L, const char *array, size_t i, const char *key, wc_date d)
{
    return not_after_as_of(L, array, i, NULL, 0, key, d, CHECKED, WC_CONFIRMED_COURT);
}

static bool stage(loader *L, size_t i, size_t j, const char *key, const wc_event *e)
{
    return !e->happened ||
           not_after_as_of(L, "rome_statute", i, "withdrawals", j, key, e->date, MAY_BE_REPORTED,
                           e->confirmation);
}
bool wc_check_as_of(loader *L)
{
    const wc_dataset *ds = L->ds;
    /* What happened: not in_force nor a withdrawal's effect, which the law
     * dates ahead, nor a trip's planned end. */
    for (size_t i = 0; i < ds->n_statutes; i++) {
        const wc_statute *s = &ds->statutes[i];
        if (!checked(L, "rome_statute", i, "signed", s->signed_on) ||
            !checked(L, "rome_statute", i, "signature_withdrawn", s->signature_withdrawn) ||
            !checked(L, "rome_statute", i, "deposited", s->deposited))
            return false;
        for (size_t j = 0; j < s->n_withdrawals; j++) {
            const wc_withdrawal *w = &s->withdrawals[j];
            if (!stage(L, i, j, "announced", &w->announced) ||
                !stage(L, i, j, "deposited", &w->deposited) ||
                !stage(L, i, j, "revoked", &w->revoked))
                return false;
        }
    }
    for (size_t i = 0; i < ds->n_declarations; i++)
        if (!checked(L, "declarations_12_3", i, "lodged", ds->declarations[i].lodged))
            return false;
    for (size_t i = 0; i < ds->n_referrals; i++)
        if (!checked(L, "unsc_referrals", i, "adopted", ds->referrals[i].adopted))
            return false;
    for (size_t i = 0; i < ds->n_persons; i++) {
        const wc_person *p = &ds->persons[i];
        if (!not_after_as_of(L, "persons", i, NULL, 0, "died", p->died, MAY_BE_REPORTED,
                             p->died_confirmation))
            return false;
    }
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_warrant *w = &ds->warrants[i];
        if (!checked(L, "warrants", i, "issued", w->issued) ||
            !checked(L, "warrants", i, "public", w->made_public))
            return false;
        for (size_t j = 0; j < w->n_status; j++) {
            const wc_status_event *ev = &w->status[j];
            if (!not_after_as_of(L, "warrants", i, "status", j, "date", ev->date, MAY_BE_REPORTED,
                                 ev->confirmation) ||
                !not_after_as_of(L, "warrants", i, "status", j, "not_before", ev->not_before,
                                 MAY_BE_REPORTED, ev->confirmation))
                return false;
        }
    }
    for (size_t i = 0; i < ds->n_trips; i++)
        if (!checked(L, "trips", i, "start", ds->trips[i].start))
            return false;
    for (size_t i = 0; i < ds->n_findings; i++)
        if (!checked(L, "findings", i, "date", ds->findings[i].date))
            return false;
    return true;
}
