/* The tables of schema.def: the words of each enum, the fields of each
 * record, and the few generic accessors that read a member by its field. */
#include "schema.h"

#include <string.h>

/* ------------------------------------------------------------ words */

#define VOCAB(v, type, fn, last)                                                               \
    static int get_##v(const void *m)                                                          \
    {                                                                                          \
        return (int)*(const type *)m;                                                          \
    }                                                                                          \
    static void set_##v(void *m, int x)                                                        \
    {                                                                                          \
        *(type *)m = (type)x;                                                                  \
    }                                                                                          \
    static const char *word_##v(int x)                                                         \
    {                                                                                          \
        return fn((type)x);                                                                    \
    }                                                                                          \
    const wc_vocab wc_vocab_##v = {#v, (int)(last) + 1, word_##v, get_##v, set_##v};
#define VOCAB_WORDS(v, type, fn, last, ...)                                                    \
    static const char *const v##_words[] = {__VA_ARGS__};                                      \
    _Static_assert(sizeof v##_words / sizeof v##_words[0] == (size_t)(last) + 1,               \
                   "one word for each value of " #type);                                       \
    const char *fn(type value)                                                                 \
    {                                                                                          \
        return (size_t)value <= (size_t)(last) ? v##_words[value] : NULL;                      \
    }                                                                                          \
    VOCAB(v, type, fn, last)
#include "schema.def"

/* ----------------------------------------------------------- fields */

#define REQ WC_F_REQ
#define OPT 0u
#define NAME WC_F_NAME
#define NONEMPTY WC_F_NONEMPTY
#define NO_COUNT SIZE_MAX

#define F_(rec, key, m, kind, flags, count, arg, sub, vocab)                                   \
    {key, #m, WC_K_##kind, flags, offsetof(wc_##rec, m), count, arg, sub, vocab},
#define RECORD(rec, heading) static const wc_field rec##_fields[] = {
#define END(rec) };
#define VERSION(rec, key, m, flags) F_(rec, key, m, VERSION, flags, NO_COUNT, 0, NULL, NULL)
#define STRING(rec, key, m, flags) F_(rec, key, m, STRING, flags, NO_COUNT, 0, NULL, NULL)
#define ID(rec, key, m, flags, max) F_(rec, key, m, ID, flags, NO_COUNT, max, NULL, NULL)
#define CODE(rec, key, m, flags, len) F_(rec, key, m, CODE, flags, NO_COUNT, len, NULL, NULL)
#define DATE(rec, key, m, flags) F_(rec, key, m, DATE, flags, NO_COUNT, 0, NULL, NULL)
#define PRESENT(rec, key, m, flags) F_(rec, key, m, PRESENT, flags, NO_COUNT, 0, NULL, NULL)
#define ENUM(rec, key, m, flags, v, absent)                                                    \
    F_(rec, key, m, ENUM, flags, NO_COUNT, (size_t)(absent), NULL, &wc_vocab_##v)
#define STRINGS(rec, key, m, flags) F_(rec, key, m, STRINGS, flags, NO_COUNT, 0, NULL, NULL)
#define SOURCES(rec, key, m, flags) F_(rec, key, m, SOURCES, flags, NO_COUNT, 0, NULL, NULL)
#define COUNTRY(rec, key, m, flags) F_(rec, key, m, COUNTRY, flags, NO_COUNT, 0, NULL, NULL)
#define PERSON(rec, key, m, flags) F_(rec, key, m, PERSON, flags, NO_COUNT, 0, NULL, NULL)
#define STATUTE(rec, key, m, flags) F_(rec, key, m, STATUTE, flags, NO_COUNT, 0, NULL, NULL)
#define COUNTRIES(rec, key, m, flags)                                                          \
    F_(rec, key, m, COUNTRIES, flags, offsetof(wc_##rec, n_##m), 0, NULL, NULL)
#define LIST(rec, key, m, flags, sub)                                                          \
    F_(rec, key, m, LIST, flags, offsetof(wc_##rec, n_##m), 0, &wc_record_##sub, NULL)
#define OBJECT(rec, key, m, flags, sub)                                                        \
    F_(rec, key, m, OBJECT, flags, NO_COUNT, 0, &wc_record_##sub, NULL)
/* Not a member of the dataset: the loader keeps it in the countries. */
#define TERRITORIES(rec, key, flags, sub)                                                      \
    {key, NULL, WC_K_TERRITORIES, flags, 0, NO_COUNT, 0, &wc_record_##sub, NULL},
#include "schema.def"

#define RECORD(rec, heading) static const char *const rec##_keys[] = {
#define END(rec) };
#define FIELD(rec, key, m, kind, flags, arg) key,
#include "schema.def"

#define RECORD(rec, heading)                                                                   \
    const wc_record wc_record_##rec = {#rec,                                                   \
                                       "wc_" #rec,                                             \
                                       heading,                                                \
                                       sizeof(wc_##rec),                                       \
                                       rec##_fields,                                           \
                                       sizeof rec##_fields / sizeof rec##_fields[0],           \
                                       rec##_keys};
#include "schema.def"

#define RECORD(rec, heading) &wc_record_##rec,
const wc_record *const wc_records[] = {
#include "schema.def"
};
const size_t wc_n_records = sizeof wc_records / sizeof wc_records[0];

/* ------------------------------------------------------- accessors */

/* A list member is a pointer of the record's own type; the generic code
 * moves it as bytes, the one portable way to treat them all alike. */
const void *wc_field_items(const void *rec, const wc_field *f, size_t *count)
{
    const void *items;
    memcpy(&items, (const char *)rec + f->offset, sizeof items);
    memcpy(count, (const char *)rec + f->count_offset, sizeof *count);
    return items;
}

void wc_field_set_items(void *rec, const wc_field *f, const void *items, size_t count)
{
    memcpy((char *)rec + f->offset, &items, sizeof items);
    memcpy((char *)rec + f->count_offset, &count, sizeof count);
}

const wc_field *wc_schema_field(const wc_record *rec, const char *key)
{
    for (size_t i = 0; i < rec->n_fields; i++)
        if (rec->fields[i].key != NULL && strcmp(rec->fields[i].key, key) == 0)
            return &rec->fields[i];
    return NULL;
}

const void *wc_dataset_records(const wc_dataset *ds, const wc_record *rec, size_t *count)
{
    for (size_t i = 0; i < wc_record_dataset.n_fields; i++) {
        const wc_field *f = &wc_record_dataset.fields[i];
        if (f->kind == WC_K_LIST && f->sub == rec)
            return wc_field_items(ds, f, count);
    }
    *count = 0;
    return NULL;
}
