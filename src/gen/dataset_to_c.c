/* dataset_to_c DATA.json OUTPUT.c: a build-time tool. Loads the bundled
 * dataset with the library's own loader (so it is validated exactly as
 * --data files are) and writes it out as constant C data: every record, in
 * the order of the schema's fields (src/core/schema.def), with its lists as
 * compound literals inside it, then the sorted lookup tables and name
 * indexes. The program then starts with its dataset ready, instead of
 * parsing and indexing 400 KB of JSON on every run. */
#include "dataset_internal.h"
#include "schema.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct emitter {
    FILE *out;
    const wc_dataset *ds;
} emitter;

/* A string as a C literal, every byte that is not plain ASCII (and '?',
 * which could start a trigraph) as a three-digit octal escape. */
static void put_string(emitter *e, const char *s)
{
    if (s == NULL) {
        fputs("NULL", e->out);
        return;
    }
    fputc('"', e->out);
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '?')
            fputc(*p, e->out);
        else
            fprintf(e->out, "\\%03o", *p);
    }
    fputc('"', e->out);
}

static void put_date(emitter *e, wc_date d)
{
    if (d == WC_DATE_UNKNOWN)
        fputs("WC_DATE_UNKNOWN", e->out);
    else
        fprintf(e->out, "%ld", (long)d);
}

/* The top-level array that holds `rec` records: its field in the dataset. */
static const wc_field *array_of(const wc_record *rec)
{
    for (size_t i = 0; i < wc_record_dataset.n_fields; i++)
        if (wc_record_dataset.fields[i].kind == WC_K_LIST && wc_record_dataset.fields[i].sub == rec)
            return &wc_record_dataset.fields[i];
    fprintf(stderr, "dataset_to_c: no array of %s records\n", rec->name);
    exit(1);
}

/* A pointer to a record of a top-level array, as "&countries[12]". */
static void put_ref(emitter *e, const wc_record *rec, const void *item)
{
    size_t n;
    const char *base = wc_dataset_records(e->ds, rec, &n);
    if (item == NULL)
        fputs("NULL", e->out);
    else
        fprintf(e->out, "&%s[%zu]", array_of(rec)->member,
                (size_t)((const char *)item - base) / rec->size);
}

/* A list of pointers to records, as a compound literal of `n` items. */
static void put_refs(emitter *e, const wc_record *rec, const void *const *items, size_t n)
{
    if (n == 0) {
        fputs("NULL", e->out);
        return;
    }
    fprintf(e->out, "(const %s *const[]){", rec->ctype);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", e->out);
        put_ref(e, rec, items[i]);
    }
    fputs("}", e->out);
}

static void put_record(emitter *e, const wc_record *rec, const void *r);

/* The initializer of one member (for a list, of it and its count). */
static void put_member(emitter *e, const wc_field *f, const void *r)
{
    const void *m = wc_cmember(r, f);
    FILE *out = e->out;
    size_t n;
    switch (f->kind) {
    case WC_K_VERSION:
        fprintf(out, "%d", *(const int *)m);
        break;
    case WC_K_STRING:
    case WC_K_ID:
    case WC_K_CODE:
        put_string(e, *(const char *const *)m);
        break;
    case WC_K_DATE:
        put_date(e, *(const wc_date *)m);
        break;
    case WC_K_PRESENT:
        fputs(*(const bool *)m ? "true" : "false", out);
        break;
    case WC_K_ENUM:
        fprintf(out, "%d", f->vocab->get(m));
        break;
    case WC_K_STRINGS: {
        const wc_string_list *l = m;
        fputs(l->count ? "{(const char *const[]){" : "{NULL", out);
        for (size_t i = 0; i < l->count; i++) {
            fputs(i ? ", " : "", out);
            put_string(e, l->items[i]);
        }
        fprintf(out, "%s, %zu}", l->count ? "}" : "", l->count);
        break;
    }
    case WC_K_SOURCES: {
        const wc_source_list *l = m;
        fputs("{", out);
        put_refs(e, &wc_record_source, (const void *const *)l->items, l->count);
        fprintf(out, ", %zu}", l->count);
        break;
    }
    case WC_K_COUNTRY:
        put_ref(e, &wc_record_country, *(const wc_country *const *)m);
        break;
    case WC_K_PERSON:
        put_ref(e, &wc_record_person, *(const wc_person *const *)m);
        break;
    case WC_K_STATUTE:
        put_ref(e, &wc_record_statute, *(const wc_statute *const *)m);
        break;
    case WC_K_COUNTRIES: {
        const void *const *items = wc_field_items(r, f, &n);
        put_refs(e, &wc_record_country, items, n);
        fprintf(out, ", .n_%s = %zu", f->member, n);
        break;
    }
    case WC_K_LIST: {
        const char *items = wc_field_items(r, f, &n);
        if (n == 0)
            fputs("NULL", out);
        else
            fprintf(out, "(const %s[]){", f->sub->ctype);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ",\n        " : "", out);
            put_record(e, f->sub, items + i * f->sub->size);
        }
        fprintf(out, "%s, .n_%s = %zu", n ? "}" : "", f->member, n);
        break;
    }
    case WC_K_OBJECT:
        put_record(e, f->sub, m);
        break;
    case WC_K_TERRITORIES:
        break;
    }
}

/* A record as a designated initializer, every member the schema names. */
static void put_record(emitter *e, const wc_record *rec, const void *r)
{
    const char *sep = "{";
    for (size_t i = 0; i < rec->n_fields; i++) {
        const wc_field *f = &rec->fields[i];
        if (f->kind == WC_K_TERRITORIES)
            continue;
        fprintf(e->out, "%s.%s = ", sep, f->member);
        put_member(e, f, r);
        sep = ", ";
    }
    fputs("}", e->out);
}

/* ISO C has no empty arrays: an empty one gets one unused element. */
static size_t at_least_one(size_t n)
{
    return n ? n : 1;
}

/* Every top-level array: declared first, since records point at one another. */
static void put_arrays(emitter *e)
{
    const wc_record *top = &wc_record_dataset;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < top->n_fields; i++) {
            const wc_field *f = &top->fields[i];
            size_t n;
            if (f->kind != WC_K_LIST)
                continue;
            const char *items = wc_field_items(e->ds, f, &n);
            fprintf(e->out, "static const %s %s[%zu]", f->sub->ctype, f->member, at_least_one(n));
            if (pass == 0) {
                fputs(";\n", e->out);
                continue;
            }
            fputs(" = {\n", e->out);
            for (size_t k = 0; k < n; k++) {
                fputs("    ", e->out);
                put_record(e, f->sub, items + k * f->sub->size);
                fputs(",\n", e->out);
            }
            fputs(n ? "};\n\n" : "    {0}};\n\n", e->out);
        }
    }
}

/* A sorted by-key table of pointers into a top-level array. */
static void put_sorted(emitter *e, const char *name, const wc_record *rec,
                       const void *const *items, size_t n)
{
    fprintf(e->out, "static const %s *const %s[%zu] = {\n", rec->ctype, name, at_least_one(n));
    for (size_t i = 0; i < n; i++) {
        fputs("    ", e->out);
        put_ref(e, rec, items[i]);
        fputs(",\n", e->out);
    }
    fputs(n ? "};\n\n" : "    NULL};\n\n", e->out);
}

static void put_names(emitter *e, const char *name, const wc_record *rec, const wc_name_table *t)
{
    fprintf(e->out, "static const wc_name_entry %s[%zu] = {\n", name, at_least_one(t->count));
    for (size_t i = 0; i < t->count; i++) {
        const wc_name_entry *en = &t->entries[i];
        fputs("    {.key = ", e->out);
        put_string(e, en->key);
        fputs(", .words = ", e->out);
        put_string(e, en->words);
        fputs(", .item = ", e->out);
        put_ref(e, rec, en->item);
        fprintf(e->out, ", .record = %zu, .field = %d},\n", en->record, en->field);
    }
    fputs(t->count ? "};\n\n" : "    {0}};\n\n", e->out);
}

static void emit(emitter *e, const char *input)
{
    const wc_dataset *ds = e->ds;
    const struct wc_dataset_internal *in = ds->internal;
    fprintf(e->out,
            "/* Generated from %s by src/gen/dataset_to_c.c: do not edit. The\n"
            " * bundled dataset, loaded and validated at build time, as C data. */\n"
            "#include \"dataset_internal.h\"\n\n",
            input);
    put_arrays(e);
    put_sorted(e, "sources_by_id", &wc_record_source, (const void *const *)in->sources_by_id,
               ds->n_sources);
    put_sorted(e, "countries_by_iso2", &wc_record_country,
               (const void *const *)in->countries_by_iso2, ds->n_countries);
    put_sorted(e, "persons_by_id", &wc_record_person, (const void *const *)in->persons_by_id,
               ds->n_persons);
    put_names(e, "country_names", &wc_record_country, &in->country_names);
    put_names(e, "person_names", &wc_record_person, &in->person_names);
    fprintf(e->out,
            "static const struct wc_dataset_internal internal = {\n"
            "    .country_names = {country_names, %zu},\n"
            "    .person_names = {person_names, %zu},\n"
            "    .sources_by_id = sources_by_id,\n"
            "    .countries_by_iso2 = countries_by_iso2,\n"
            "    .persons_by_id = persons_by_id,\n"
            "    .is_static = true};\n\n"
            "static const wc_dataset dataset = {\n",
            in->country_names.count, in->person_names.count);
    const wc_record *top = &wc_record_dataset;
    for (size_t i = 0; i < top->n_fields; i++) {
        const wc_field *f = &top->fields[i];
        size_t n;
        if (f->kind == WC_K_TERRITORIES)
            continue;
        fprintf(e->out, "    .%s = ", f->member);
        if (f->kind == WC_K_LIST) {
            wc_field_items(ds, f, &n);
            fprintf(e->out, "%s, .n_%s = %zu", f->member, f->member, n);
        } else {
            put_member(e, f, ds);
        }
        fputs(",\n", e->out);
    }
    fputs("    .internal = &internal};\n\n"
          "const wc_dataset *wc_dataset_builtin(void)\n{\n    return &dataset;\n}\n",
          e->out);
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
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = grown;
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
        wc_dataset_free(ds);
        return 1;
    }
    emit(&e, argv[1]);
    bool ok = !ferror(e.out);
    ok = fclose(e.out) == 0 && ok && rename(tmp, argv[2]) == 0;
    if (!ok)
        fprintf(stderr, "dataset_to_c: %s: %s\n", argv[2], strerror(errno));
    wc_dataset_free(ds);
    return ok ? 0 : 1;
}
