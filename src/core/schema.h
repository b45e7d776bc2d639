/* The dataset's schema as data: one wc_record per record type of
 * schema.def, each a table of its fields. The loader, the generator of the
 * built-in data and the tests walk these tables instead of naming fields. */
#ifndef WC_SCHEMA_H
#define WC_SCHEMA_H

#include <warrantcheck/warrantcheck.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum wc_kind {
    WC_K_VERSION,
    WC_K_STRING,
    WC_K_ID,
    WC_K_CODE,
    WC_K_DATE,
    WC_K_PRESENT,
    WC_K_ENUM,
    WC_K_STRINGS,
    WC_K_SOURCES,
    WC_K_COUNTRY,
    WC_K_PERSON,
    WC_K_STATUTE,
    WC_K_COUNTRIES,
    WC_K_LIST,
    WC_K_OBJECT,
    WC_K_TERRITORIES
} wc_kind;

enum { WC_F_REQ = 1u, WC_F_NAME = 2u, WC_F_NONEMPTY = 4u };

/* An enum's words: values 0 to count - 1, word() NULL for "none". */
typedef struct wc_vocab {
    const char *name;
    int count;
    const char *(*word)(int value);
    int (*get)(const void *member);
    void (*set)(void *member, int value);
} wc_vocab;

typedef struct wc_record wc_record;

typedef struct wc_field {
    const char *key;    /* the JSON key; NULL for a derived member */
    const char *member; /* the C member, as the generator writes it */
    wc_kind kind;
    unsigned flags;     /* WC_F_* */
    size_t offset;
    size_t count_offset; /* COUNTRIES, LIST: of n_<member> */
    size_t arg; /* ID: the longest id; CODE: the code's length; ENUM: the value of a key
                   left out */
    const wc_record *sub;     /* LIST, OBJECT, TERRITORIES */
    const wc_vocab *vocab;    /* ENUM */
} wc_field;

struct wc_record {
    const char *name;    /* "source" */
    const char *ctype;   /* "wc_source" */
    const char *heading; /* its section of docs/data-format.md */
    size_t size;
    const wc_field *fields;
    size_t n_fields;
    const char *const *keys; /* fields[i].key, for wc_check_keys() */
};

/* An internal record: what a "territories" element says, before the
 * loader writes it into the territory's part_of members. */
typedef struct wc_territory {
    const wc_country *territory;
    const wc_country *state;
    wc_date from;
    wc_date until;
    wc_coverage coverage;
    const char *note;
    wc_source_list sources;
} wc_territory;

#define VOCAB(name, type, fn, last) extern const wc_vocab wc_vocab_##name;
#define RECORD(rec, heading) extern const wc_record wc_record_##rec;
#include "schema.def"

/* Every record type, the dataset first. */
extern const wc_record *const wc_records[];
extern const size_t wc_n_records;

/* The member of `rec` that field `f` describes. */
static inline void *wc_member(void *rec, const wc_field *f)
{
    return (char *)rec + f->offset;
}
static inline const void *wc_cmember(const void *rec, const wc_field *f)
{
    return (const char *)rec + f->offset;
}

/* A COUNTRIES or LIST member: its items and their number. */
const void *wc_field_items(const void *rec, const wc_field *f, size_t *count);
void wc_field_set_items(void *rec, const wc_field *f, const void *items, size_t count);

/* The field of `rec` with this JSON key, or NULL. */
const wc_field *wc_schema_field(const wc_record *rec, const char *key);

/* The dataset's array of `rec` records (sources, countries, ...) and its
 * length; NULL for a record type that is not a top-level array. */
const void *wc_dataset_records(const wc_dataset *ds, const wc_record *rec, size_t *count);

#endif
