/*
 * warrantcheck — the dataset as a history (issue 13): its dated facts in
 * order (`events`), and what changed between two datasets (`data diff`).
 * Pure functions of the core: data in, lists out; the caller frees them.
 */
#ifndef WARRANTCHECK_HISTORY_H
#define WARRANTCHECK_HISTORY_H

#include <warrantcheck/warrantcheck.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- events */

/* What a dated fact is. */
typedef enum wc_fact_kind {
    WC_FACT_SIGNED,               /* a state signed the Statute */
    WC_FACT_SIGNATURE_WITHDRAWN,  /* ...and withdrew its signature */
    WC_FACT_DEPOSITED,            /* its instrument was deposited */
    WC_FACT_IN_FORCE,             /* the Statute entered into force for it */
    WC_FACT_WITHDRAWAL_ANNOUNCED, /* the stages of a withdrawal */
    WC_FACT_WITHDRAWAL_DEPOSITED,
    WC_FACT_WITHDRAWAL_EFFECTIVE,
    WC_FACT_WITHDRAWAL_REVOKED,
    WC_FACT_TERRITORY_COVERED,    /* the Statute applies to a territory from */
    WC_FACT_TERRITORY_ENDED,      /* ...until */
    WC_FACT_DECLARATION,          /* an art. 12(3) declaration was lodged */
    WC_FACT_REFERRAL,             /* the Security Council referred a situation */
    WC_FACT_WARRANT_ISSUED,
    WC_FACT_WARRANT_PUBLIC,       /* a warrant was made public */
    WC_FACT_WARRANT_STATUS,       /* a status event: arrest, surrender, death... */
    WC_FACT_TRIP,                 /* a wanted person arrived in a country */
    WC_FACT_FINDING,              /* the Court found a state in non-compliance */
    WC_FACT_DIED                  /* a wanted person died (or is reported to have) */
} wc_fact_kind;

/* Returns the stable word of a kind ("signed", "in-force",
 * "withdrawal-deposited", "warrant-status", ...). */
const char *wc_fact_kind_word(wc_fact_kind kind);

/* Returns the word of a confirmation level: "depositary", "court" or
 * "reported", as in the data file. */
const char *wc_fact_confirmation_word(wc_confirmation confirmation);

/* One dated fact. Pointers are into the dataset; those that do not apply
 * are NULL. */
typedef struct wc_dated_fact {
    wc_fact_kind kind;
    /* The date, or WC_DATE_UNKNOWN with the bounds the data gives (a
     * status event known only to lie between two dates). */
    wc_date date;
    wc_date not_before;
    wc_date not_after;
    const wc_country *country;  /* the state or territory it is about */
    const wc_country *state;    /* a territory's state */
    const wc_person *person;
    const wc_warrant *warrant;
    const wc_status_event *status;
    const wc_statute *statute;
    const wc_withdrawal *withdrawal;
    const wc_declaration *declaration;
    const wc_referral *referral;
    const wc_trip *trip;
    const wc_finding *finding;
    bool has_confirmation; /* false where the data records none */
    wc_confirmation confirmation;
    const wc_source_list *sources;
} wc_dated_fact;

/* Which facts to list: those whose date (or, when unknown, its bound)
 * lies in [since, until] (either may be WC_DATE_UNKNOWN: open), about
 * `person` and `country` when not NULL. A country matches the facts about
 * it, a territory's facts match its state too, and a referral matches
 * every state it binds. */
typedef struct wc_fact_filter {
    wc_date since;
    wc_date until;
    const wc_person *person;
    const wc_country *country;
} wc_fact_filter;

typedef struct wc_fact_list {
    wc_dated_fact *items;
    size_t count;
} wc_fact_list;

/* Fills *out with the dataset's dated facts that pass `filter`, by date
 * and then in the dataset's order. Returns false if memory ran out (with
 * *out empty). The caller frees with wc_fact_list_free(). */
bool wc_dated_facts(const wc_dataset *ds, const wc_fact_filter *filter, wc_fact_list *out);

void wc_fact_list_free(wc_fact_list *list);

/* ------------------------------------------------------------------ diff */

/* What a change is about. */
typedef enum wc_change_area {
    WC_AREA_DATASET,     /* as_of, schema and dataset versions */
    WC_AREA_MEMBERSHIP,  /* rome_statute: signature, deposit, entry into force, withdrawals */
    WC_AREA_TERRITORY,
    WC_AREA_DECLARATION,
    WC_AREA_REFERRAL,
    WC_AREA_PERSON,
    WC_AREA_WARRANT,     /* a warrant, its charges and status events */
    WC_AREA_TRIP,
    WC_AREA_FINDING,
    WC_AREA_SOURCE,
    WC_AREA_COUNTRY      /* names and aliases */
} wc_change_area;

const char *wc_change_area_word(wc_change_area area);

typedef enum wc_change_kind { WC_ADDED, WC_REMOVED, WC_CHANGED } wc_change_kind;

const char *wc_change_kind_word(wc_change_kind kind);

/* One change: `key` names the record (an iso2, a warrant id, "putin
 * 2024-09-02 MN"), `field` the fact within it ("in_force",
 * "status 2024-09-02", or NULL for the whole record), and the values
 * before and after as text (NULL when added or removed). All strings
 * are owned by the list. */
typedef struct wc_change {
    wc_change_area area;
    wc_change_kind kind;
    char *key;
    char *field;
    char *before;
    char *after;
} wc_change;

typedef struct wc_change_list {
    wc_change *items;
    size_t count;
} wc_change_list;

/* Fills *out with what changed from `old` to `new`, fact by fact, in a
 * stable order (by area, then the new dataset's order). Returns false if
 * memory ran out (with *out empty). The caller frees with
 * wc_change_list_free(). */
bool wc_dataset_diff(const wc_dataset *old, const wc_dataset *new_, wc_change_list *out);

void wc_change_list_free(wc_change_list *list);

#ifdef __cplusplus
}
#endif

#endif /* WARRANTCHECK_HISTORY_H */
