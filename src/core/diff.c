/* What changed between two datasets, fact by fact (issue 13, `data diff`).
 * Records are matched by a key (an iso2, an id, a date), so that a change
 * reads as a change of the fact and not as a shifted list. */
#include <warrantcheck/history.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *wc_change_area_word(wc_change_area area)
{
    static const char *const words[] = {"dataset",  "membership", "territory", "declaration",
                                        "referral", "person",     "warrant",   "trip",
                                        "finding",  "source",     "country"};
    return (size_t)area < sizeof words / sizeof words[0] ? words[area] : "unknown";
}

const char *wc_change_kind_word(wc_change_kind kind)
{
    return kind == WC_ADDED ? "added" : kind == WC_REMOVED ? "removed" : "changed";
}

typedef struct differ {
    wc_change_list out;
    size_t cap;
    bool failed;
} differ;

/* strdup is POSIX, not C17. */
static char *copy(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    return c != NULL ? memcpy(c, s, n) : NULL;
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? copy(s) : NULL;
}

static void push(differ *d, wc_change_area area, wc_change_kind kind, const char *key,
                 const char *field, const char *before, const char *after)
{
    if (d->failed)
        return;
    if (d->out.count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        wc_change *items = realloc(d->out.items, cap * sizeof *items);
        if (items == NULL) {
            d->failed = true;
            return;
        }
        d->out.items = items;
        d->cap = cap;
    }
    wc_change ch = {area, kind, copy(key), dup_or_null(field), dup_or_null(before),
                    dup_or_null(after)};
    if (ch.key == NULL || (field && !ch.field) || (before && !ch.before) || (after && !ch.after)) {
        free(ch.key);
        free(ch.field);
        free(ch.before);
        free(ch.after);
        d->failed = true;
        return;
    }
    d->out.items[d->out.count++] = ch;
}

static bool same(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Records a change of one field when its texts differ. */
static void field(differ *d, wc_change_area area, const char *key, const char *name,
                  const char *before, const char *after)
{
    if (!same(before, after))
        push(d, area, WC_CHANGED, key, name, before, after);
}

static const char *date_text(wc_date date, char buf[WC_DATE_BUFSIZE])
{
    return date == WC_DATE_UNKNOWN ? NULL : wc_date_format(date, buf);
}

static void date_field(differ *d, wc_change_area area, const char *key, const char *name,
                       wc_date before, wc_date after)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    if (before != after)
        push(d, area, WC_CHANGED, key, name, date_text(before, a), date_text(after, b));
}

/* A growing string, for lists joined into one value. */
typedef struct text {
    char *s;
    size_t len, cap;
    bool failed;
} text;

static void append(text *t, const char *fmt, ...)
{
    if (t->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0 || t->len + (size_t)n + 1 > t->cap) {
        size_t cap = (t->len + (size_t)(n < 0 ? 0 : n) + 1) * 2;
        char *s = n < 0 ? NULL : realloc(t->s, cap);
        if (s == NULL) {
            t->failed = true;
            va_end(ap);
            return;
        }
        t->s = s;
        t->cap = cap;
    }
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    t->len += (size_t)n;
    va_end(ap);
}

/* Compares two texts built for a field, and frees them. */
static void text_field(differ *d, wc_change_area area, const char *key, const char *name,
                       text *before, text *after)
{
    if (before->failed || after->failed)
        d->failed = true;
    else
        field(d, area, key, name, before->s ? before->s : "", after->s ? after->s : "");
    free(before->s);
    free(after->s);
}

static text source_ids(const wc_source_list *l)
{
    text t = {0};
    append(&t, "%s", "");
    for (size_t i = 0; i < l->count; i++)
        append(&t, "%s%s", i ? ", " : "", l->items[i]->id);
    return t;
}

static void sources_field(differ *d, wc_change_area area, const char *key,
                          const wc_source_list *before, const wc_source_list *after)
{
    text a = source_ids(before), b = source_ids(after);
    text_field(d, area, key, "sources", &a, &b);
}

static const char *confirmation_word(wc_confirmation c)
{
    return wc_confirmation_word(c);
}

/* A withdrawal stage as one value: "2016-10-27 (reported)", "happened, date
 * unknown (court)", or NULL when it has not happened. */
static void stage_text(const wc_event *e, char *buf, size_t size)
{
    char d[WC_DATE_BUFSIZE];
    snprintf(buf, size, "%s (%s)", e->date != WC_DATE_UNKNOWN ? wc_date_format(e->date, d)
                                                                : "date unknown",
             confirmation_word(e->confirmation));
}

static void stage_field(differ *d, const char *key, const char *name, const wc_event *a,
                        const wc_event *b)
{
    char x[64], y[64];
    stage_text(a, x, sizeof x);
    stage_text(b, y, sizeof y);
    field(d, WC_AREA_MEMBERSHIP, key, name, a->happened ? x : NULL, b->happened ? y : NULL);
    text sa = source_ids(&a->sources), sb = source_ids(&b->sources);
    char sname[96];
    snprintf(sname, sizeof sname, "%s sources", name);
    if (a->happened && b->happened)
        text_field(d, WC_AREA_MEMBERSHIP, key, sname, &sa, &sb);
    else {
        free(sa.s);
        free(sb.s);
    }
}

/* ------------------------------------------------------------- records */

/* One area's records, matched by key: `compare` is called for a record in
 * both, and `describe` gives a record's value when added or removed. */
typedef struct area_spec {
    wc_change_area area;
    size_t size; /* of one record */
    void (*key)(const void *rec, const void *all, char *buf, size_t size);
    void (*compare)(differ *d, const char *key, const void *a, const void *b);
} area_spec;

#define KEY_SIZE 256

static void diff_area(differ *d, const area_spec *spec, const void *old, size_t n_old,
                      const void *new_, size_t n_new)
{
    bool *matched = calloc(n_old ? n_old : 1, sizeof *matched);
    if (matched == NULL) {
        d->failed = true;
        return;
    }
    const char *o = old, *n = new_;
    char key[KEY_SIZE], other[KEY_SIZE];
    for (size_t i = 0; i < n_new && !d->failed; i++) {
        const void *rec = n + i * spec->size;
        spec->key(rec, new_, key, sizeof key);
        size_t j = 0;
        for (; j < n_old; j++) {
            if (matched[j])
                continue;
            spec->key(o + j * spec->size, old, other, sizeof other);
            if (strcmp(key, other) == 0)
                break;
        }
        if (j == n_old) {
            push(d, spec->area, WC_ADDED, key, NULL, NULL, NULL);
            continue;
        }
        matched[j] = true;
        if (spec->compare != NULL)
            spec->compare(d, key, o + j * spec->size, rec);
    }
    for (size_t j = 0; j < n_old && !d->failed; j++)
        if (!matched[j]) {
            spec->key(o + j * spec->size, old, key, sizeof key);
            push(d, spec->area, WC_REMOVED, key, NULL, NULL, NULL);
        }
    free(matched);
}

/* Membership: a state's treaty record. */
static void statute_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    snprintf(buf, size, "%s", ((const wc_statute *)rec)->country->iso2);
}

static void statute_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_statute *a = x, *b = y;
    const wc_change_area m = WC_AREA_MEMBERSHIP;
    date_field(d, m, key, "signed", a->signed_on, b->signed_on);
    date_field(d, m, key, "signature_withdrawn", a->signature_withdrawn, b->signature_withdrawn);
    date_field(d, m, key, "deposited", a->deposited, b->deposited);
    field(d, m, key, "deposit_type", wc_deposit_type_word(a->deposit_type),
          wc_deposit_type_word(b->deposit_type));
    date_field(d, m, key, "in_force", a->in_force, b->in_force);
    size_t n = a->n_withdrawals > b->n_withdrawals ? a->n_withdrawals : b->n_withdrawals;
    static const wc_event none = {0};
    for (size_t i = 0; i < n; i++) {
        const wc_withdrawal *wa = i < a->n_withdrawals ? &a->withdrawals[i] : NULL;
        const wc_withdrawal *wb = i < b->n_withdrawals ? &b->withdrawals[i] : NULL;
        char name[64];
        static const char *const stages[] = {"announced", "deposited", "effective", "revoked"};
        const wc_event *sa[] = {wa ? &wa->announced : &none, wa ? &wa->deposited : &none,
                                wa ? &wa->effective : &none, wa ? &wa->revoked : &none};
        const wc_event *sb[] = {wb ? &wb->announced : &none, wb ? &wb->deposited : &none,
                                wb ? &wb->effective : &none, wb ? &wb->revoked : &none};
        for (size_t s = 0; s < 4; s++) {
            const wc_event *ea = sa[s], *eb = sb[s];
            snprintf(name, sizeof name, "withdrawal %zu %s", i + 1, stages[s]);
            stage_field(d, key, name, ea, eb);
        }
        snprintf(name, sizeof name, "withdrawal %zu note", i + 1);
        field(d, m, key, name, wa ? wa->note : NULL, wb ? wb->note : NULL);
    }
    text na = {0}, nb = {0};
    append(&na, "%s", "");
    append(&nb, "%s", "");
    for (size_t i = 0; i < a->notes.count; i++)
        append(&na, "%s%s", i ? "; " : "", a->notes.items[i]);
    for (size_t i = 0; i < b->notes.count; i++)
        append(&nb, "%s%s", i ? "; " : "", b->notes.items[i]);
    text_field(d, m, key, "notes", &na, &nb);
    sources_field(d, m, key, &a->sources, &b->sources);
}

/* Territories: the countries that are part of a state. */
static void territory_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_country *a = x, *b = y;
    const wc_change_area t = WC_AREA_TERRITORY;
    if (a->part_of == NULL && b->part_of == NULL)
        return;
    field(d, t, key, "state", a->part_of ? a->part_of->iso2 : NULL,
          b->part_of ? b->part_of->iso2 : NULL);
    date_field(d, t, key, "from", a->part_of_from, b->part_of_from);
    date_field(d, t, key, "until", a->part_of_until, b->part_of_until);
    field(d, t, key, "coverage", a->part_of ? wc_coverage_word(a->part_of_coverage) : NULL,
          b->part_of ? wc_coverage_word(b->part_of_coverage) : NULL);
    field(d, t, key, "note", a->part_of_note, b->part_of_note);
    sources_field(d, t, key, &a->part_of_sources, &b->part_of_sources);
}

/* Countries: names and codes. */
static void country_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    snprintf(buf, size, "%s", ((const wc_country *)rec)->iso2);
}

static void country_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_country *a = x, *b = y;
    const wc_change_area c = WC_AREA_COUNTRY;
    field(d, c, key, "iso3", a->iso3, b->iso3);
    field(d, c, key, "name", a->name, b->name);
    field(d, c, key, "official_name", a->official_name, b->official_name);
    text ta = {0}, tb = {0};
    append(&ta, "%s", "");
    append(&tb, "%s", "");
    for (size_t i = 0; i < a->aliases.count; i++)
        append(&ta, "%s%s", i ? "; " : "", a->aliases.items[i]);
    for (size_t i = 0; i < b->aliases.count; i++)
        append(&tb, "%s%s", i ? "; " : "", b->aliases.items[i]);
    text_field(d, c, key, "aliases", &ta, &tb);
    sources_field(d, c, key, &a->sources, &b->sources);
    territory_compare(d, key, a, b);
}

static void declaration_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    const wc_declaration *x = rec;
    char dd[WC_DATE_BUFSIZE];
    snprintf(buf, size, "%s %s", x->country->iso2, wc_date_format(x->lodged, dd));
}

static void declaration_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_declaration *a = x, *b = y;
    date_field(d, WC_AREA_DECLARATION, key, "period_from", a->period_from, b->period_from);
    date_field(d, WC_AREA_DECLARATION, key, "period_to", a->period_to, b->period_to);
    sources_field(d, WC_AREA_DECLARATION, key, &a->sources, &b->sources);
}

static void referral_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    snprintf(buf, size, "%s", ((const wc_referral *)rec)->resolution);
}

static void referral_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_referral *a = x, *b = y;
    field(d, WC_AREA_REFERRAL, key, "situation", a->situation, b->situation);
    date_field(d, WC_AREA_REFERRAL, key, "adopted", a->adopted, b->adopted);
    text ta = {0}, tb = {0};
    append(&ta, "%s", "");
    append(&tb, "%s", "");
    for (size_t i = 0; i < a->n_bound; i++)
        append(&ta, "%s%s", i ? ", " : "", a->bound[i]->iso2);
    for (size_t i = 0; i < b->n_bound; i++)
        append(&tb, "%s%s", i ? ", " : "", b->bound[i]->iso2);
    text_field(d, WC_AREA_REFERRAL, key, "bound", &ta, &tb);
    sources_field(d, WC_AREA_REFERRAL, key, &a->sources, &b->sources);
}

static void person_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    snprintf(buf, size, "%s", ((const wc_person *)rec)->id);
}

static void person_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_person *a = x, *b = y;
    const wc_change_area p = WC_AREA_PERSON;
    field(d, p, key, "name", a->name, b->name);
    field(d, p, key, "full_name", a->full_name, b->full_name);
    field(d, p, key, "nationality", a->nationality ? a->nationality->iso2 : NULL,
          b->nationality ? b->nationality->iso2 : NULL);
    date_field(d, p, key, "born", a->born, b->born);
    date_field(d, p, key, "died", a->died, b->died);
    if (a->died != WC_DATE_UNKNOWN && b->died != WC_DATE_UNKNOWN)
        field(d, p, key, "died_confirmation", confirmation_word(a->died_confirmation),
              confirmation_word(b->died_confirmation));
    sources_field(d, p, key, &a->sources, &b->sources);
}

/* A status event's key within its warrant: its date or bounds, and its
 * place among the events of that day. */
static void status_key(const wc_warrant *w, size_t i, char *buf, size_t size)
{
    const wc_status_event *e = &w->status[i];
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    size_t nth = 1;
    for (size_t j = 0; j < i; j++)
        nth += w->status[j].date == e->date && w->status[j].not_before == e->not_before &&
               w->status[j].not_after == e->not_after;
    int n;
    if (e->date != WC_DATE_UNKNOWN)
        n = snprintf(buf, size, "status %s", wc_date_format(e->date, a));
    else
        n = snprintf(buf, size, "status %s..%s",
                     e->not_before != WC_DATE_UNKNOWN ? wc_date_format(e->not_before, a) : "",
                     e->not_after != WC_DATE_UNKNOWN ? wc_date_format(e->not_after, b) : "");
    if (nth > 1 && n > 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, " #%zu", nth);
}

static void status_compare(differ *d, const char *key, const wc_warrant *a, const wc_warrant *b)
{
    const wc_change_area w = WC_AREA_WARRANT;
    bool *matched = calloc(a->n_status ? a->n_status : 1, sizeof *matched);
    if (matched == NULL) {
        d->failed = true;
        return;
    }
    char kb[KEY_SIZE], ka[KEY_SIZE], name[KEY_SIZE + 16];
    for (size_t i = 0; i < b->n_status; i++) {
        status_key(b, i, kb, sizeof kb);
        const wc_status_event *eb = &b->status[i];
        size_t j = 0;
        for (; j < a->n_status; j++) {
            status_key(a, j, ka, sizeof ka);
            if (!matched[j] && strcmp(ka, kb) == 0)
                break;
        }
        if (j == a->n_status) {
            push(d, w, WC_ADDED, key, kb, NULL, wc_warrant_status_word(eb->status));
            continue;
        }
        matched[j] = true;
        const wc_status_event *ea = &a->status[j];
        field(d, w, key, kb, wc_warrant_status_word(ea->status),
              wc_warrant_status_word(eb->status));
        snprintf(name, sizeof name, "%s confirmation", kb);
        field(d, w, key, name, confirmation_word(ea->confirmation),
              confirmation_word(eb->confirmation));
        snprintf(name, sizeof name, "%s note", kb);
        field(d, w, key, name, ea->note, eb->note);
        snprintf(name, sizeof name, "%s sources", kb);
        text sa = source_ids(&ea->sources), sb = source_ids(&eb->sources);
        text_field(d, w, key, name, &sa, &sb);
    }
    for (size_t j = 0; j < a->n_status; j++)
        if (!matched[j]) {
            status_key(a, j, ka, sizeof ka);
            push(d, w, WC_REMOVED, key, ka, wc_warrant_status_word(a->status[j].status), NULL);
        }
    free(matched);
}

static void warrant_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    snprintf(buf, size, "%s", ((const wc_warrant *)rec)->id);
}

static void warrant_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_warrant *a = x, *b = y;
    const wc_change_area w = WC_AREA_WARRANT;
    field(d, w, key, "person", a->person->id, b->person->id);
    field(d, w, key, "situation", a->situation, b->situation);
    field(d, w, key, "case", a->case_name, b->case_name);
    field(d, w, key, "role", a->role, b->role);
    date_field(d, w, key, "issued", a->issued, b->issued);
    date_field(d, w, key, "public", a->made_public, b->made_public);
    text ta = {0}, tb = {0};
    append(&ta, "%s", "");
    append(&tb, "%s", "");
    for (size_t i = 0; i < a->n_charges; i++)
        append(&ta, "%s%s (%s)", i ? "; " : "", a->charges[i].crime,
               a->charges[i].article ? a->charges[i].article : "");
    for (size_t i = 0; i < b->n_charges; i++)
        append(&tb, "%s%s (%s)", i ? "; " : "", b->charges[i].crime,
               b->charges[i].article ? b->charges[i].article : "");
    text_field(d, w, key, "charges", &ta, &tb);
    status_compare(d, key, a, b);
    sources_field(d, w, key, &a->sources, &b->sources);
}

static void trip_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    const wc_trip *t = rec;
    char s[WC_DATE_BUFSIZE];
    snprintf(buf, size, "%s %s %s", t->person->id, wc_date_format(t->start, s), t->host->iso2);
}

static void trip_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_trip *a = x, *b = y;
    const wc_change_area t = WC_AREA_TRIP;
    date_field(d, t, key, "end", a->end, b->end);
    field(d, t, key, "city", a->city, b->city);
    field(d, t, key, "occasion", a->occasion, b->occasion);
    field(d, t, key, "outcome", a->outcome, b->outcome);
    sources_field(d, t, key, &a->sources, &b->sources);
}

static void finding_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    const wc_finding *f = rec;
    char s[WC_DATE_BUFSIZE];
    snprintf(buf, size, "%s %s %s", f->state->iso2, f->person ? f->person->id : "-",
             wc_date_format(f->date, s));
}

static void finding_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_finding *a = x, *b = y;
    field(d, WC_AREA_FINDING, key, "decision", a->decision, b->decision);
    field(d, WC_AREA_FINDING, key, "referred_to", wc_referred_to_word(a->referred_to),
          wc_referred_to_word(b->referred_to));
    sources_field(d, WC_AREA_FINDING, key, &a->sources, &b->sources);
}

static void source_key(const void *rec, const void *all, char *buf, size_t size)
{
    (void)all;
    snprintf(buf, size, "%s", ((const wc_source *)rec)->id);
}

static void source_compare(differ *d, const char *key, const void *x, const void *y)
{
    const wc_source *a = x, *b = y;
    const wc_change_area s = WC_AREA_SOURCE;
    field(d, s, key, "title", a->title, b->title);
    field(d, s, key, "publisher", a->publisher, b->publisher);
    field(d, s, key, "url", a->url, b->url);
    date_field(d, s, key, "date", a->date, b->date);
    field(d, s, key, "reliability", wc_reliability_word(a->reliability),
          wc_reliability_word(b->reliability));
}

bool wc_dataset_diff(const wc_dataset *old, const wc_dataset *new_, wc_change_list *out)
{
    differ d = {{NULL, 0}, 0, false};
    char a[32], b[32];
    date_field(&d, WC_AREA_DATASET, "dataset", "as_of", old->as_of, new_->as_of);
    snprintf(a, sizeof a, "%d", old->schema_version);
    snprintf(b, sizeof b, "%d", new_->schema_version);
    field(&d, WC_AREA_DATASET, "dataset", "schema_version", a, b);
    field(&d, WC_AREA_DATASET, "dataset", "dataset_version", old->dataset_version,
          new_->dataset_version);
    static const area_spec statutes = {WC_AREA_MEMBERSHIP, sizeof(wc_statute), statute_key,
                                       statute_compare};
    static const area_spec countries = {WC_AREA_COUNTRY, sizeof(wc_country), country_key,
                                        country_compare};
    static const area_spec declarations = {WC_AREA_DECLARATION, sizeof(wc_declaration),
                                           declaration_key, declaration_compare};
    static const area_spec referrals = {WC_AREA_REFERRAL, sizeof(wc_referral), referral_key,
                                        referral_compare};
    static const area_spec persons = {WC_AREA_PERSON, sizeof(wc_person), person_key,
                                      person_compare};
    static const area_spec warrants = {WC_AREA_WARRANT, sizeof(wc_warrant), warrant_key,
                                       warrant_compare};
    static const area_spec trips = {WC_AREA_TRIP, sizeof(wc_trip), trip_key, trip_compare};
    static const area_spec findings = {WC_AREA_FINDING, sizeof(wc_finding), finding_key,
                                       finding_compare};
    static const area_spec sources = {WC_AREA_SOURCE, sizeof(wc_source), source_key,
                                      source_compare};
    diff_area(&d, &statutes, old->statutes, old->n_statutes, new_->statutes, new_->n_statutes);
    diff_area(&d, &countries, old->countries, old->n_countries, new_->countries,
              new_->n_countries);
    diff_area(&d, &declarations, old->declarations, old->n_declarations, new_->declarations,
              new_->n_declarations);
    diff_area(&d, &referrals, old->referrals, old->n_referrals, new_->referrals,
              new_->n_referrals);
    diff_area(&d, &persons, old->persons, old->n_persons, new_->persons, new_->n_persons);
    diff_area(&d, &warrants, old->warrants, old->n_warrants, new_->warrants, new_->n_warrants);
    diff_area(&d, &trips, old->trips, old->n_trips, new_->trips, new_->n_trips);
    diff_area(&d, &findings, old->findings, old->n_findings, new_->findings, new_->n_findings);
    diff_area(&d, &sources, old->sources, old->n_sources, new_->sources, new_->n_sources);
    if (d.failed) {
        wc_change_list_free(&d.out);
        *out = (wc_change_list){NULL, 0};
        return false;
    }
    *out = d.out;
    return true;
}

void wc_change_list_free(wc_change_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].key);
        free(list->items[i].field);
        free(list->items[i].before);
        free(list->items[i].after);
    }
    free(list->items);
    list->items = NULL;
    list->count = 0;
}
