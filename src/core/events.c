/* The dataset's dated facts in order (issue 13, `warrantcheck events`). */
#include <warrantcheck/history.h>

#include <stdlib.h>

const char *wc_fact_kind_word(wc_fact_kind kind)
{
    static const char *const words[] = {
        "signed",
        "signature-withdrawn",
        "deposited",
        "in-force",
        "withdrawal-announced",
        "withdrawal-deposited",
        "withdrawal-effective",
        "withdrawal-revoked",
        "territory-covered",
        "territory-ended",
        "declaration-12-3",
        "unsc-referral",
        "warrant-issued",
        "warrant-public",
        "warrant-status",
        "trip",
        "finding",
        "died",
    };
    return (size_t)kind < sizeof words / sizeof words[0] ? words[kind] : "unknown";
}

const char *wc_fact_confirmation_word(wc_confirmation confirmation)
{
    return wc_confirmation_word(confirmation); /* one word list, the loader's */
}

/* A fact being collected, with its place in the dataset for a stable
 * order among facts of one day. */
typedef struct entry {
    wc_dated_fact fact;
    size_t seq;
} entry;

typedef struct collector {
    const wc_fact_filter *filter;
    entry *items;
    size_t count, cap;
    bool failed;
} collector;

/* The date a fact is placed and filtered by: its own, else a bound. */
static wc_date place_of(const wc_dated_fact *f)
{
    if (f->date != WC_DATE_UNKNOWN)
        return f->date;
    return f->not_after != WC_DATE_UNKNOWN ? f->not_after : f->not_before;
}

static bool country_matches(const wc_fact_filter *flt, const wc_dated_fact *f)
{
    const wc_country *c = flt->country;
    if (c == NULL)
        return true;
    if (f->country == c || f->state == c)
        return true;
    if (f->referral != NULL)
        for (size_t i = 0; i < f->referral->n_bound; i++)
            if (f->referral->bound[i] == c)
                return true;
    return false;
}

static void add(collector *k, wc_dated_fact f)
{
    if (k->failed)
        return;
    wc_date at = place_of(&f);
    const wc_fact_filter *flt = k->filter;
    if (at == WC_DATE_UNKNOWN) /* no date and no bound: nowhere to place it */
        return;
    if ((flt->since != WC_DATE_UNKNOWN && at < flt->since) ||
        (flt->until != WC_DATE_UNKNOWN && at > flt->until))
        return;
    if (flt->person != NULL && f.person != flt->person)
        return;
    if (!country_matches(flt, &f))
        return;
    if (k->count == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 64;
        entry *items = realloc(k->items, cap * sizeof *items);
        if (items == NULL) {
            k->failed = true;
            return;
        }
        k->items = items;
        k->cap = cap;
    }
    k->items[k->count] = (entry){f, k->count};
    k->count++;
}

static wc_dated_fact fact(wc_fact_kind kind, wc_date date, const wc_source_list *sources)
{
    return (wc_dated_fact){.kind = kind,
                           .date = date,
                           .not_before = WC_DATE_UNKNOWN,
                           .not_after = WC_DATE_UNKNOWN,
                           .sources = sources};
}

static void add_stage(collector *k, wc_fact_kind kind, const wc_statute *s,
                      const wc_withdrawal *w, const wc_event *e)
{
    if (!e->happened)
        return;
    wc_dated_fact f = fact(kind, e->date, &e->sources);
    f.country = s->country;
    f.statute = s;
    f.withdrawal = w;
    f.has_confirmation = true;
    f.confirmation = e->confirmation;
    add(k, f);
}

static void add_statute(collector *k, const wc_statute *s)
{
    static const wc_fact_kind kinds[] = {WC_FACT_SIGNED, WC_FACT_SIGNATURE_WITHDRAWN,
                                         WC_FACT_DEPOSITED, WC_FACT_IN_FORCE};
    const wc_date dates[] = {s->signed_on, s->signature_withdrawn, s->deposited, s->in_force};
    for (size_t i = 0; i < 4; i++) {
        if (dates[i] == WC_DATE_UNKNOWN)
            continue;
        wc_dated_fact f = fact(kinds[i], dates[i], &s->sources);
        f.country = s->country;
        f.statute = s;
        add(k, f);
    }
    for (size_t i = 0; i < s->n_withdrawals; i++) {
        const wc_withdrawal *w = &s->withdrawals[i];
        add_stage(k, WC_FACT_WITHDRAWAL_ANNOUNCED, s, w, &w->announced);
        add_stage(k, WC_FACT_WITHDRAWAL_DEPOSITED, s, w, &w->deposited);
        add_stage(k, WC_FACT_WITHDRAWAL_EFFECTIVE, s, w, &w->effective);
        add_stage(k, WC_FACT_WITHDRAWAL_REVOKED, s, w, &w->revoked);
    }
}

static void add_warrant(collector *k, const wc_warrant *w)
{
    wc_dated_fact f = fact(WC_FACT_WARRANT_ISSUED, w->issued, &w->sources);
    f.person = w->person;
    f.warrant = w;
    if (w->issued != WC_DATE_UNKNOWN)
        add(k, f);
    f.kind = WC_FACT_WARRANT_PUBLIC;
    f.date = w->made_public;
    if (w->made_public != WC_DATE_UNKNOWN)
        add(k, f);
    for (size_t i = 0; i < w->n_status; i++) {
        const wc_status_event *e = &w->status[i];
        wc_dated_fact g = fact(WC_FACT_WARRANT_STATUS, e->date, &e->sources);
        g.not_before = e->not_before;
        g.not_after = e->not_after;
        g.person = w->person;
        g.warrant = w;
        g.status = e;
        g.has_confirmation = true;
        g.confirmation = e->confirmation;
        add(k, g);
    }
}

static int by_date(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    wc_date dx = place_of(&x->fact), dy = place_of(&y->fact);
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

bool wc_dated_facts(const wc_dataset *ds, const wc_fact_filter *filter, wc_fact_list *out)
{
    *out = (wc_fact_list){NULL, 0};
    collector k = {.filter = filter};
    for (size_t i = 0; i < ds->n_statutes; i++)
        add_statute(&k, &ds->statutes[i]);
    for (size_t i = 0; i < ds->n_countries; i++) {
        const wc_country *c = &ds->countries[i];
        if (c->part_of == NULL)
            continue;
        wc_dated_fact f = fact(WC_FACT_TERRITORY_COVERED, c->part_of_from, &c->part_of_sources);
        f.country = c;
        f.state = c->part_of;
        if (c->part_of_from != WC_DATE_UNKNOWN && c->part_of_coverage == WC_COVERAGE_COVERED)
            add(&k, f);
        f.kind = WC_FACT_TERRITORY_ENDED;
        f.date = c->part_of_until;
        if (c->part_of_until != WC_DATE_UNKNOWN)
            add(&k, f);
    }
    for (size_t i = 0; i < ds->n_declarations; i++) {
        const wc_declaration *d = &ds->declarations[i];
        wc_dated_fact f = fact(WC_FACT_DECLARATION, d->lodged, &d->sources);
        f.country = d->country;
        f.declaration = d;
        add(&k, f);
    }
    for (size_t i = 0; i < ds->n_referrals; i++) {
        const wc_referral *r = &ds->referrals[i];
        wc_dated_fact f = fact(WC_FACT_REFERRAL, r->adopted, &r->sources);
        f.referral = r;
        add(&k, f);
    }
    for (size_t i = 0; i < ds->n_persons; i++) {
        const wc_person *p = &ds->persons[i];
        wc_dated_fact f = fact(WC_FACT_DIED, p->died, &p->sources);
        f.person = p;
        f.has_confirmation = true;
        f.confirmation = p->died_confirmation;
        if (p->died != WC_DATE_UNKNOWN)
            add(&k, f);
    }
    for (size_t i = 0; i < ds->n_warrants; i++)
        add_warrant(&k, &ds->warrants[i]);
    for (size_t i = 0; i < ds->n_trips; i++) {
        const wc_trip *t = &ds->trips[i];
        wc_dated_fact f = fact(WC_FACT_TRIP, t->start, &t->sources);
        f.country = t->host;
        f.person = t->person;
        f.trip = t;
        add(&k, f);
    }
    for (size_t i = 0; i < ds->n_findings; i++) {
        const wc_finding *g = &ds->findings[i];
        wc_dated_fact f = fact(WC_FACT_FINDING, g->date, &g->sources);
        f.country = g->state;
        f.person = g->person;
        f.finding = g;
        f.has_confirmation = true;
        f.confirmation = WC_CONFIRMED_COURT; /* a decision of the Court */
        add(&k, f);
    }
    if (k.failed) {
        free(k.items);
        return false;
    }
    if (k.count == 0) {
        free(k.items);
        return true;
    }
    qsort(k.items, k.count, sizeof *k.items, by_date);
    wc_dated_fact *facts = malloc(k.count * sizeof *facts);
    if (facts == NULL) {
        free(k.items);
        return false;
    }
    for (size_t i = 0; i < k.count; i++)
        facts[i] = k.items[i].fact;
    free(k.items);
    out->items = facts;
    out->count = k.count;
    return true;
}

void wc_fact_list_free(wc_fact_list *list)
{
    free(list->items);
    list->items = NULL;
    list->count = 0;
}
