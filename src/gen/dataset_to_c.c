/* dataset_to_c JSON OUTPUT.c: a build-time tool. Loads the bundled dataset
 * with the library's own loader (so it is validated exactly as --data files
 * are) and writes it out as static C data: every record, list and string,
 * the sorted name indexes and lookup tables. The program then starts with
 * its dataset ready, instead of parsing and indexing 400 KB of JSON on every
 * run. */
#include "dataset_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------- string pool */

/* Every string once, in one byte array; a string is an offset into it. */
typedef struct pool {
    unsigned char *bytes;
    size_t len, cap;
    /* open addressing over offsets + 1 (0: empty) */
    size_t *slots;
    size_t n_slots, used;
} pool;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (q == NULL) {
        fputs("dataset_to_c: out of memory\n", stderr);
        exit(1);
    }
    return q;
}

static size_t hash_str(const char *s)
{
    size_t h = 2166136261u;
    for (; *s != '\0'; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void pool_rehash(pool *p)
{
    size_t n = p->n_slots ? p->n_slots * 2 : 4096;
    size_t *slots = xrealloc(NULL, n * sizeof *slots);
    memset(slots, 0, n * sizeof *slots);
    for (size_t i = 0; i < p->n_slots; i++) {
        if (p->slots[i] == 0)
            continue;
        size_t h = hash_str((const char *)p->bytes + p->slots[i] - 1) % n;
        while (slots[h] != 0)
            h = (h + 1) % n;
        slots[h] = p->slots[i];
    }
    free(p->slots);
    p->slots = slots;
    p->n_slots = n;
}

/* Returns the offset of `s` in the pool, adding it if new. */
static size_t pool_add(pool *p, const char *s)
{
    if (2 * (p->used + 1) > p->n_slots)
        pool_rehash(p);
    size_t h = hash_str(s) % p->n_slots;
    while (p->slots[h] != 0) {
        if (strcmp((const char *)p->bytes + p->slots[h] - 1, s) == 0)
            return p->slots[h] - 1;
        h = (h + 1) % p->n_slots;
    }
    size_t n = strlen(s) + 1;
    if (p->len + n > p->cap) {
        p->cap = (p->len + n) * 2;
        p->bytes = xrealloc(p->bytes, p->cap);
    }
    memcpy(p->bytes + p->len, s, n);
    p->slots[h] = p->len + 1;
    p->used++;
    p->len += n;
    return p->len - n;
}

/* ---------------------------------------------------------- emitting */

typedef struct emitter {
    FILE *out;
    const wc_dataset *ds;
    pool strings;
} emitter;

/* A string as C: a pointer into the pool, or NULL. */
static void str(emitter *e, const char *s)
{
    if (s == NULL)
        fputs("NULL", e->out);
    else
        fprintf(e->out, "(char *)S + %zu", pool_add(&e->strings, s));
}

static void date(emitter *e, wc_date d)
{
    if (d == WC_DATE_UNKNOWN)
        fputs("WC_DATE_UNKNOWN", e->out);
    else
        fprintf(e->out, "%ld", (long)d);
}

static size_t index_of(const void *item, const void *base, size_t size)
{
    return (size_t)((const char *)item - (const char *)base) / size;
}

static void country_ptr(emitter *e, const wc_country *c)
{
    if (c == NULL)
        fputs("NULL", e->out);
    else
        fprintf(e->out, "&countries[%zu]", index_of(c, e->ds->countries, sizeof *c));
}

static void person_ptr(emitter *e, const wc_person *p)
{
    if (p == NULL)
        fputs("NULL", e->out);
    else
        fprintf(e->out, "&persons[%zu]", index_of(p, e->ds->persons, sizeof *p));
}

/* The two passes: the first counts the slices of each shared array and
 * writes their elements; the second writes the records that point into
 * them. Each walk visits lists in the same order, so offsets agree. */
typedef enum pass { PASS_SLICES, PASS_RECORDS } pass;

static void source_list(emitter *e, pass ps, const wc_source_list *l, size_t *at)
{
    if (ps == PASS_SLICES) {
        for (size_t i = 0; i < l->count; i++)
            fprintf(e->out, "    &sources[%zu],\n",
                    index_of(l->items[i], e->ds->sources, sizeof(wc_source)));
    } else {
        fprintf(e->out, "{source_refs + %zu, %zu}", *at, l->count);
    }
    *at += l->count;
}

static void string_list(emitter *e, pass ps, const wc_string_list *l, size_t *at)
{
    if (ps == PASS_SLICES) {
        for (size_t i = 0; i < l->count; i++) {
            fputs("    ", e->out);
            str(e, l->items[i]);
            fputs(",\n", e->out);
        }
    } else {
        fprintf(e->out, "{string_refs + %zu, %zu}", *at, l->count);
    }
    *at += l->count;
}

/* Where each shared array has got to, in one pass. */
typedef struct cursors {
    size_t source, string, country, withdrawal, charge, status;
} cursors;

static void event(emitter *e, const wc_event *ev, cursors *cur)
{
    fprintf(e->out, "{.happened = %s, .date = ", ev->happened ? "true" : "false");
    date(e, ev->date);
    fprintf(e->out, ", .confirmation = (wc_confirmation)%d, .sources = ", (int)ev->confirmation);
    source_list(e, PASS_RECORDS, &ev->sources, &cur->source);
    fputs("}", e->out);
}

/* Walks every list of the dataset in a fixed order. In PASS_SLICES it writes
 * the elements of `which` list type only ("source", "string", "country"). */
static void walk_lists(emitter *e, const char *which)
{
    const wc_dataset *ds = e->ds;
    size_t at = 0;
    bool src = strcmp(which, "source") == 0, s = strcmp(which, "string") == 0;
    bool cty = strcmp(which, "country") == 0;
#define SRC(list)                                                                              \
    do {                                                                                       \
        if (src)                                                                               \
            source_list(e, PASS_SLICES, (list), &at);                                          \
    } while (0)
#define STR(list)                                                                              \
    do {                                                                                       \
        if (s)                                                                                 \
            string_list(e, PASS_SLICES, (list), &at);                                          \
    } while (0)
    for (size_t i = 0; i < ds->n_countries; i++) {
        STR(&ds->countries[i].aliases);
        SRC(&ds->countries[i].sources);
        SRC(&ds->countries[i].part_of_sources);
    }
    for (size_t i = 0; i < ds->n_statutes; i++) {
        const wc_statute *st = &ds->statutes[i];
        for (size_t k = 0; k < st->n_withdrawals; k++) {
            const wc_withdrawal *w = &st->withdrawals[k];
            SRC(&w->announced.sources);
            SRC(&w->deposited.sources);
            SRC(&w->effective.sources);
            SRC(&w->revoked.sources);
        }
        STR(&st->notes);
        SRC(&st->sources);
    }
    for (size_t i = 0; i < ds->n_declarations; i++)
        SRC(&ds->declarations[i].sources);
    for (size_t i = 0; i < ds->n_referrals; i++) {
        const wc_referral *r = &ds->referrals[i];
        for (size_t k = 0; cty && k < r->n_bound; k++) {
            fputs("    ", e->out);
            country_ptr(e, r->bound[k]);
            fputs(",\n", e->out);
        }
        SRC(&r->sources);
    }
    for (size_t i = 0; i < ds->n_persons; i++) {
        STR(&ds->persons[i].aliases);
        SRC(&ds->persons[i].sources);
    }
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_warrant *w = &ds->warrants[i];
        for (size_t k = 0; k < w->n_status; k++)
            SRC(&w->status[k].sources);
        SRC(&w->sources);
    }
    for (size_t i = 0; i < ds->n_trips; i++)
        SRC(&ds->trips[i].sources);
    for (size_t i = 0; i < ds->n_findings; i++)
        SRC(&ds->findings[i].sources);
#undef SRC
#undef STR
}

static void begin_array(emitter *e, const char *decl, size_t n)
{
    /* ISO C has no empty arrays: an empty one gets one unused element. */
    fprintf(e->out, "\n%s[%zu] = {\n", decl, n ? n : 1);
    if (n == 0)
        fputs("    {0},\n", e->out);
}

static void emit_records(emitter *e)
{
    const wc_dataset *ds = e->ds;
    FILE *out = e->out;
    cursors cur = {0};
    /* The order of lists here must be walk_lists()'s. */
    begin_array(e, "static const wc_country countries", ds->n_countries);
    for (size_t i = 0; i < ds->n_countries; i++) {
        const wc_country *c = &ds->countries[i];
        fputs("    {.iso2 = ", out);
        str(e, c->iso2);
        fputs(", .iso3 = ", out);
        str(e, c->iso3);
        fputs(", .name = ", out);
        str(e, c->name);
        fputs(", .official_name = ", out);
        str(e, c->official_name);
        fputs(", .aliases = ", out);
        string_list(e, PASS_RECORDS, &c->aliases, &cur.string);
        fputs(", .sources = ", out);
        source_list(e, PASS_RECORDS, &c->sources, &cur.source);
        if (c->statute != NULL)
            fprintf(out, ", .statute = &statutes[%zu]",
                    index_of(c->statute, ds->statutes, sizeof *c->statute));
        fputs(", .part_of = ", out);
        country_ptr(e, c->part_of);
        fputs(", .part_of_from = ", out);
        date(e, c->part_of_from);
        fputs(", .part_of_until = ", out);
        date(e, c->part_of_until);
        fprintf(out, ", .part_of_coverage = %d, .part_of_note = ", (int)c->part_of_coverage);
        str(e, c->part_of_note);
        fputs(", .part_of_sources = ", out);
        source_list(e, PASS_RECORDS, &c->part_of_sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);

    /* Withdrawals are written after the statutes that own them, so keep
     * their text aside. */
    char *wbuf = NULL;
    size_t wlen = 0;
    FILE *wout = open_memstream(&wbuf, &wlen);
    if (wout == NULL)
        exit(1);
    begin_array(e, "static const wc_statute statutes", ds->n_statutes);
    for (size_t i = 0; i < ds->n_statutes; i++) {
        const wc_statute *s = &ds->statutes[i];
        e->out = wout;
        for (size_t k = 0; k < s->n_withdrawals; k++) {
            const wc_withdrawal *w = &s->withdrawals[k];
            fputs("    {.announced = ", wout);
            event(e, &w->announced, &cur);
            fputs(",\n     .deposited = ", wout);
            event(e, &w->deposited, &cur);
            fputs(",\n     .effective = ", wout);
            event(e, &w->effective, &cur);
            fputs(",\n     .revoked = ", wout);
            event(e, &w->revoked, &cur);
            fputs(",\n     .note = ", wout);
            str(e, w->note);
            fputs("},\n", wout);
        }
        e->out = out;
        fputs("    {.country = ", out);
        country_ptr(e, s->country);
        fputs(", .signed_on = ", out);
        date(e, s->signed_on);
        fputs(", .signature_withdrawn = ", out);
        date(e, s->signature_withdrawn);
        fputs(", .deposited = ", out);
        date(e, s->deposited);
        fputs(", .deposit_type = ", out);
        str(e, s->deposit_type);
        fputs(", .in_force = ", out);
        date(e, s->in_force);
        fprintf(out, ", .withdrawals = withdrawals + %zu, .n_withdrawals = %zu", cur.withdrawal,
                s->n_withdrawals);
        cur.withdrawal += s->n_withdrawals;
        fputs(", .notes = ", out);
        string_list(e, PASS_RECORDS, &s->notes, &cur.string);
        fputs(", .sources = ", out);
        source_list(e, PASS_RECORDS, &s->sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);
    fclose(wout);
    begin_array(e, "static const wc_withdrawal withdrawals", cur.withdrawal);
    fwrite(wbuf, 1, wlen, out);
    fputs("};\n", out);
    free(wbuf);

    begin_array(e, "static const wc_declaration declarations", ds->n_declarations);
    for (size_t i = 0; i < ds->n_declarations; i++) {
        const wc_declaration *d = &ds->declarations[i];
        fputs("    {.country = ", out);
        country_ptr(e, d->country);
        fputs(", .lodged = ", out);
        date(e, d->lodged);
        fputs(", .period_from = ", out);
        date(e, d->period_from);
        fputs(", .period_to = ", out);
        date(e, d->period_to);
        fputs(", .sources = ", out);
        source_list(e, PASS_RECORDS, &d->sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);

    begin_array(e, "static const wc_referral referrals", ds->n_referrals);
    for (size_t i = 0; i < ds->n_referrals; i++) {
        const wc_referral *r = &ds->referrals[i];
        fputs("    {.situation = ", out);
        str(e, r->situation);
        fputs(", .resolution = ", out);
        str(e, r->resolution);
        fputs(", .adopted = ", out);
        date(e, r->adopted);
        fprintf(out, ", .bound = country_refs + %zu, .n_bound = %zu, .sources = ", cur.country,
                r->n_bound);
        cur.country += r->n_bound;
        source_list(e, PASS_RECORDS, &r->sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);

    begin_array(e, "static const wc_person persons", ds->n_persons);
    for (size_t i = 0; i < ds->n_persons; i++) {
        const wc_person *p = &ds->persons[i];
        fputs("    {.id = ", out);
        str(e, p->id);
        fputs(", .name = ", out);
        str(e, p->name);
        fputs(", .full_name = ", out);
        str(e, p->full_name);
        fputs(", .aliases = ", out);
        string_list(e, PASS_RECORDS, &p->aliases, &cur.string);
        fputs(", .nationality = ", out);
        country_ptr(e, p->nationality);
        fputs(", .born = ", out);
        date(e, p->born);
        fputs(", .died = ", out);
        date(e, p->died);
        fprintf(out, ", .died_confirmation = (wc_confirmation)%d", (int)p->died_confirmation);
        fputs(", .sources = ", out);
        source_list(e, PASS_RECORDS, &p->sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);

    /* Charges and status events, kept aside like the withdrawals. */
    char *cbuf = NULL, *sbuf = NULL;
    size_t clen = 0, slen = 0;
    FILE *cout = open_memstream(&cbuf, &clen), *sout = open_memstream(&sbuf, &slen);
    if (cout == NULL || sout == NULL)
        exit(1);
    begin_array(e, "static const wc_warrant warrants", ds->n_warrants);
    for (size_t i = 0; i < ds->n_warrants; i++) {
        const wc_warrant *w = &ds->warrants[i];
        for (size_t k = 0; k < w->n_charges; k++) {
            e->out = cout;
            fputs("    {.crime = ", cout);
            str(e, w->charges[k].crime);
            fputs(", .article = ", cout);
            str(e, w->charges[k].article);
            fputs("},\n", cout);
        }
        for (size_t k = 0; k < w->n_status; k++) {
            const wc_status_event *ev = &w->status[k];
            e->out = sout;
            fputs("    {.date = ", sout);
            date(e, ev->date);
            fputs(", .not_before = ", sout);
            date(e, ev->not_before);
            fputs(", .not_after = ", sout);
            date(e, ev->not_after);
            fprintf(sout, ", .status = (wc_warrant_status)%d", (int)ev->status);
            fprintf(sout, ", .confirmation = (wc_confirmation)%d, .note = ", (int)ev->confirmation);
            str(e, ev->note);
            fputs(", .sources = ", sout);
            source_list(e, PASS_RECORDS, &ev->sources, &cur.source);
            fputs("},\n", sout);
        }
        e->out = out;
        fputs("    {.id = ", out);
        str(e, w->id);
        fputs(", .person = ", out);
        person_ptr(e, w->person);
        fputs(", .situation = ", out);
        str(e, w->situation);
        fputs(", .case_name = ", out);
        str(e, w->case_name);
        fputs(", .role = ", out);
        str(e, w->role);
        fputs(", .issued = ", out);
        date(e, w->issued);
        fputs(", .made_public = ", out);
        date(e, w->made_public);
        fprintf(out, ", .charges = charges + %zu, .n_charges = %zu", cur.charge, w->n_charges);
        fprintf(out, ", .status = status_events + %zu, .n_status = %zu", cur.status, w->n_status);
        cur.charge += w->n_charges;
        cur.status += w->n_status;
        fputs(", .sources = ", out);
        source_list(e, PASS_RECORDS, &w->sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);
    fclose(cout);
    fclose(sout);
    begin_array(e, "static const wc_charge charges", cur.charge);
    fwrite(cbuf, 1, clen, out);
    fputs("};\n", out);
    begin_array(e, "static const wc_status_event status_events", cur.status);
    fwrite(sbuf, 1, slen, out);
    fputs("};\n", out);
    free(cbuf);
    free(sbuf);

    begin_array(e, "static const wc_trip trips", ds->n_trips);
    for (size_t i = 0; i < ds->n_trips; i++) {
        const wc_trip *t = &ds->trips[i];
        fputs("    {.person = ", out);
        person_ptr(e, t->person);
        fputs(", .start = ", out);
        date(e, t->start);
        fputs(", .end = ", out);
        date(e, t->end);
        fputs(", .host = ", out);
        country_ptr(e, t->host);
        fputs(", .city = ", out);
        str(e, t->city);
        fputs(", .occasion = ", out);
        str(e, t->occasion);
        fputs(", .outcome = ", out);
        str(e, t->outcome);
        fputs(", .sources = ", out);
        source_list(e, PASS_RECORDS, &t->sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);

    begin_array(e, "static const wc_finding findings", ds->n_findings);
    for (size_t i = 0; i < ds->n_findings; i++) {
        const wc_finding *f = &ds->findings[i];
        fputs("    {.state = ", out);
        country_ptr(e, f->state);
        fputs(", .person = ", out);
        person_ptr(e, f->person);
        fputs(", .date = ", out);
        date(e, f->date);
        fputs(", .decision = ", out);
        str(e, f->decision);
        fputs(", .referred_to = ", out);
        str(e, f->referred_to);
        fputs(", .sources = ", out);
        source_list(e, PASS_RECORDS, &f->sources, &cur.source);
        fputs("},\n", out);
    }
    fputs("};\n", out);

    begin_array(e, "static const wc_source sources", ds->n_sources);
    for (size_t i = 0; i < ds->n_sources; i++) {
        const wc_source *s = &ds->sources[i];
        fputs("    {.id = ", out);
        str(e, s->id);
        fputs(", .title = ", out);
        str(e, s->title);
        fputs(", .publisher = ", out);
        str(e, s->publisher);
        fputs(", .url = ", out);
        str(e, s->url);
        fputs(", .date = ", out);
        date(e, s->date);
        fprintf(out, ", .reliability = (wc_reliability)%d", (int)s->reliability);
        fputs("},\n", out);
    }
    fputs("};\n", out);
}

static void emit_index(emitter *e, const char *name, const wc_name_index *ix, bool countries)
{
    begin_array(e, name, ix->count);
    for (size_t i = 0; i < ix->count; i++) {
        const wc_name_entry *en = &ix->entries[i];
        fputs("    {.key = ", e->out);
        str(e, en->key);
        fputs(", .words = ", e->out);
        str(e, en->words);
        fputs(", .item = ", e->out);
        if (countries)
            country_ptr(e, en->item);
        else
            person_ptr(e, en->item);
        fprintf(e->out, ", .record = %zu, .field = %d},\n", en->record, en->field);
    }
    fputs("};\n", e->out);
}

static void emit_sorted(emitter *e, const char *name, const void *const *items, size_t n,
                        const char *array, const void *base, size_t size)
{
    fprintf(e->out, "\nstatic const %s *%s_by_key[%zu] = {\n", name, array, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(e->out, "    &%s[%zu],\n", array, index_of(items[i], base, size));
    if (n == 0)
        fputs("    NULL,\n", e->out);
    fputs("};\n", e->out);
}

/* Writes everything but the string pool, which fills up as it goes. */
static void emit_body(emitter *e)
{
    const wc_dataset *ds = e->ds;
    FILE *out = e->out;
    /* Declare every array first: records point at one another. */
    const char *decls[] = {"wc_country countries", "wc_statute statutes",
                           "wc_withdrawal withdrawals", "wc_declaration declarations",
                           "wc_referral referrals", "wc_person persons",
                           "wc_warrant warrants", "wc_charge charges",
                           "wc_status_event status_events", "wc_trip trips",
                           "wc_finding findings", "wc_source sources"};
    size_t n_withdrawals = 0, n_charges = 0, n_status = 0;
    for (size_t i = 0; i < ds->n_statutes; i++)
        n_withdrawals += ds->statutes[i].n_withdrawals;
    for (size_t i = 0; i < ds->n_warrants; i++) {
        n_charges += ds->warrants[i].n_charges;
        n_status += ds->warrants[i].n_status;
    }
    size_t sizes[] = {ds->n_countries, ds->n_statutes, n_withdrawals, ds->n_declarations,
                      ds->n_referrals, ds->n_persons,  ds->n_warrants, n_charges,
                      n_status,        ds->n_trips,    ds->n_findings, ds->n_sources};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        fprintf(out, "static const %s[%zu];\n", decls[i], sizes[i] ? sizes[i] : 1);

    fputs("\nstatic const wc_source *const source_refs[] = {\n", out);
    walk_lists(e, "source");
    fputs("    NULL};\n\nstatic const char *const string_refs[] = {\n", out);
    walk_lists(e, "string");
    fputs("    NULL};\n\nstatic const wc_country *const country_refs[] = {\n", out);
    walk_lists(e, "country");
    fputs("    NULL};\n", out);

    emit_records(e);
    const struct wc_dataset_internal *in = ds->internal;
    emit_index(e, "static wc_name_entry country_names", &in->country_names, true);
    emit_index(e, "static wc_name_entry person_names", &in->person_names, false);
    emit_sorted(e, "wc_source", (const void *const *)in->sources_by_id, ds->n_sources, "sources",
                ds->sources, sizeof(wc_source));
    emit_sorted(e, "wc_country", (const void *const *)in->countries_by_iso2, ds->n_countries,
                "countries", ds->countries, sizeof(wc_country));
    emit_sorted(e, "wc_person", (const void *const *)in->persons_by_id, ds->n_persons, "persons",
                ds->persons, sizeof(wc_person));

    fprintf(out,
            "\nstatic struct wc_dataset_internal internal = {\n"
            "    .is_static = true,\n"
            "    .country_names = {country_names, %zu, %zu},\n"
            "    .person_names = {person_names, %zu, %zu},\n"
            "    .sources_by_id = sources_by_key,\n"
            "    .countries_by_iso2 = countries_by_key,\n"
            "    .persons_by_id = persons_by_key};\n",
            in->country_names.count, in->country_names.count, in->person_names.count,
            in->person_names.count);
    fprintf(out, "\nstatic wc_dataset dataset = {\n    .schema_version = %d,\n    .dataset_version = ",
            ds->schema_version);
    str(e, ds->dataset_version);
    fputs(",\n    .as_of = ", out);
    date(e, ds->as_of);
    fprintf(out,
            ",\n"
            "    .sources = sources, .n_sources = %zu,\n"
            "    .countries = countries, .n_countries = %zu,\n"
            "    .statutes = statutes, .n_statutes = %zu,\n"
            "    .declarations = declarations, .n_declarations = %zu,\n"
            "    .referrals = referrals, .n_referrals = %zu,\n"
            "    .persons = persons, .n_persons = %zu,\n"
            "    .warrants = warrants, .n_warrants = %zu,\n"
            "    .trips = trips, .n_trips = %zu,\n"
            "    .findings = findings, .n_findings = %zu,\n"
            "    .internal = &internal};\n\n"
            "wc_dataset *wc_dataset_builtin(void)\n{\n    return &dataset;\n}\n",
            ds->n_sources, ds->n_countries, ds->n_statutes, ds->n_declarations, ds->n_referrals,
            ds->n_persons, ds->n_warrants, ds->n_trips, ds->n_findings);
}

static bool emit(emitter *e, const char *input)
{
    FILE *out = e->out;
    char *body = NULL;
    size_t body_len = 0;
    FILE *mem = open_memstream(&body, &body_len);
    if (mem == NULL)
        return false;
    e->out = mem;
    emit_body(e);
    e->out = out;
    if (fclose(mem) != 0) {
        free(body);
        return false;
    }
    fprintf(out,
            "/* Generated from %s by src/gen/dataset_to_c.c: do not edit. The\n"
            " * bundled dataset, loaded and validated at build time, as C data. */\n"
            "#include \"dataset_internal.h\"\n\n"
            "static const unsigned char S[%zu];\n",
            input, e->strings.len);
    fwrite(body, 1, body_len, out);
    free(body);
    /* Last, the pool, now that every string is in it. */
    fprintf(out, "\nstatic const unsigned char S[%zu] = {", e->strings.len);
    for (size_t i = 0; i < e->strings.len; i++)
        fprintf(out, "%s%u,", i % 24 == 0 ? "\n" : "", e->strings.bytes[i]);
    fputs("\n};\n", out);
    return true;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 > cap) {
            cap = (n + 65536) * 2;
            buf = xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: dataset_to_c DATA.json OUTPUT.c\n", stderr);
        return 2;
    }
    size_t len;
    char *text = read_all(argv[1], &len);
    if (text == NULL) {
        fprintf(stderr, "dataset_to_c: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    wc_error err;
    wc_dataset *ds = wc_dataset_load(text, len, &err);
    free(text);
    if (ds == NULL) {
        fprintf(stderr, "%s:%lu:%lu: error: %s\n", argv[1], err.line, err.column, err.message);
        return 1;
    }
    /* Written to a temporary name, then renamed: never a half-written file. */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    emitter e = {.out = fopen(tmp, "w"), .ds = ds};
    if (e.out == NULL) {
        fprintf(stderr, "dataset_to_c: %s: %s\n", tmp, strerror(errno));
        return 1;
    }
    bool ok = emit(&e, argv[1]);
    ok = fclose(e.out) == 0 && ok && rename(tmp, argv[2]) == 0;
    if (!ok)
        fprintf(stderr, "dataset_to_c: %s: %s\n", argv[2], strerror(errno));
    free(e.strings.bytes);
    free(e.strings.slots);
    wc_dataset_free(ds);
    return ok ? 0 : 1;
}
