/*
 * warrantcheck — the core library.
 *
 * Answers "can this person be arrested in this country, on this date, under an
 * arrest warrant of the International Criminal Court?" from a dated, sourced
 * dataset. The core is pure: data in, answers out. It prints nothing, reads no
 * files and never exits; the command-line front end does all of that.
 *
 * Every public symbol starts with wc_ or WC_. Records returned by the library
 * are owned by the dataset they came from and live until wc_dataset_free().
 */
#ifndef WARRANTCHECK_H
#define WARRANTCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ dates */

/* A calendar date as the number of days since 1970-01-01 (proleptic
 * Gregorian). Ordinary comparison operators order dates. WC_DATE_UNKNOWN
 * stands for a date the sources do not give. */
typedef int32_t wc_date;
#define WC_DATE_UNKNOWN INT32_MIN

/* The first and last dates the library accepts (1900-01-01, 2199-12-31). */
#define WC_DATE_MIN_YEAR 1900
#define WC_DATE_MAX_YEAR 2199

/* Returns true if year/month/day is a real date in the supported range. */
bool wc_date_valid_ymd(int year, int month, int day);

/* Returns the date for a valid year/month/day; WC_DATE_UNKNOWN otherwise. */
wc_date wc_date_from_ymd(int year, int month, int day);

/* Splits a known date into year, month and day. */
void wc_date_to_ymd(wc_date date, int *year, int *month, int *day);

/* Parses exactly `len` bytes of `text` as YYYY-MM-DD. Returns true and sets
 * *out on success; false for anything else (wrong shape, 2023-02-29, a year
 * out of range). */
bool wc_date_parse(const char *text, size_t len, wc_date *out);

/* Writes the date as YYYY-MM-DD (or "unknown") into buf, which must hold
 * WC_DATE_BUFSIZE bytes. Returns buf. */
#define WC_DATE_BUFSIZE 11
char *wc_date_format(wc_date date, char buf[WC_DATE_BUFSIZE]);

/* Returns the UTC calendar date of a point in time. */
wc_date wc_date_from_time(time_t t);

/* Returns date plus `days` (which may be negative). */
wc_date wc_date_add_days(wc_date date, int32_t days);

/* ------------------------------------------- the Statute's date rules */

/* Returns the date on which the Rome Statute enters into force for a state
 * that deposits its instrument on `deposit` (art. 126): 2002-07-01 for
 * deposits up to 2002-04-11, otherwise the first day of the month after the
 * sixtieth day following the deposit. WC_DATE_UNKNOWN for an unknown
 * deposit. */
wc_date wc_statute_entry_into_force(wc_date deposit);

/* Returns the date on which a notification of withdrawal received on
 * `deposited` takes effect unless it names a later one (art. 127(1)): the
 * same day a year later (29 February: 1 March). WC_DATE_UNKNOWN for an
 * unknown date. */
wc_date wc_withdrawal_takes_effect(wc_date deposited);

/* --------------------------------------------------------------- records */

/* How far a source can be trusted on its own. */
typedef enum wc_reliability {
    WC_RELIABILITY_PRIMARY,   /* the Court, the UN depositary or Security Council, a state's gazette */
    WC_RELIABILITY_REFERENCE, /* reference works, NGO records, scholarship */
    WC_RELIABILITY_NEWS,      /* reputable news */
    WC_RELIABILITY_LOW        /* mirrors, unknown sites: what rests on them alone is only reported */
} wc_reliability;

/* Returns the stable word for a reliability ("primary", ...). */
const char *wc_reliability_word(wc_reliability reliability);

typedef struct wc_source {
    const char *id;
    const char *title;
    const char *publisher;
    const char *url; /* may be NULL */
    wc_date date;    /* may be WC_DATE_UNKNOWN */
    wc_reliability reliability;
} wc_source;

/* A list of sources a fact cites. */
typedef struct wc_source_list {
    const wc_source *const *items;
    size_t count;
} wc_source_list;

typedef struct wc_string_list {
    const char *const *items;
    size_t count;
} wc_string_list;

typedef struct wc_statute wc_statute;

/* Whether a state's ratification extends to one of its territories. */
typedef enum wc_coverage {
    WC_COVERAGE_COVERED,     /* the Statute applies there (from part_of_from, or as the state) */
    WC_COVERAGE_EXCLUDED,    /* the state declared that it does not apply there */
    WC_COVERAGE_NOT_RECORDED /* the dataset does not record whether it applies there */
} wc_coverage;

/* Returns the stable word for a coverage ("covered", "excluded", "not-recorded"). */
const char *wc_coverage_word(wc_coverage coverage);

typedef struct wc_country wc_country;
struct wc_country {
    const char *iso2;
    const char *iso3;
    const char *name;
    const char *official_name; /* may be NULL */
    wc_string_list aliases;
    wc_source_list sources;
    const wc_statute *statute; /* NULL if it never signed nor joined */
    /* A territory whose treaty standing is its state's ("territories" in
     * the data file): from `part_of_from` (unknown: as the state) until
     * `part_of_until` (unknown: open), when `part_of_coverage` says the
     * state's ratification covers it. */
    const struct wc_country *part_of;
    wc_date part_of_from;
    wc_date part_of_until;
    wc_coverage part_of_coverage;
    const char *part_of_note;
    wc_source_list part_of_sources;
};

/* How well a date or event is established. */
typedef enum wc_confirmation {
    WC_CONFIRMED_DEPOSITARY, /* a UN depositary notification */
    WC_CONFIRMED_COURT,      /* the ICC or its Assembly of States Parties */
    WC_REPORTED              /* news or reference works only */
} wc_confirmation;

/* Returns the data file's word for a confirmation ("depositary", ...). */
const char *wc_confirmation_word(wc_confirmation confirmation);

/* One stage of a withdrawal. `happened` is false for a stage that has not
 * happened (or is not known to have); its date may still be unknown when it
 * has. */
typedef struct wc_event {
    bool happened;
    wc_date date;
    wc_confirmation confirmation;
    wc_source_list sources;
} wc_event;

typedef struct wc_withdrawal {
    wc_event announced;
    wc_event deposited;
    wc_event effective;
    wc_event revoked;
    const char *note; /* may be NULL */
} wc_withdrawal;

/* The instrument a state deposited to join the Statute. */
typedef enum wc_deposit_type {
    WC_DEPOSIT_NONE, /* no instrument deposited */
    WC_RATIFICATION,
    WC_ACCESSION,
    WC_ACCEPTANCE,
    WC_APPROVAL,
    WC_SUCCESSION
} wc_deposit_type;

/* Returns the word for a deposit type ("ratification", ...), NULL for
 * WC_DEPOSIT_NONE. */
const char *wc_deposit_type_word(wc_deposit_type type);

struct wc_statute {
    const wc_country *country;
    wc_date signed_on;
    wc_date signature_withdrawn;
    wc_date deposited;
    wc_deposit_type deposit_type; /* WC_DEPOSIT_NONE if none */
    wc_date in_force;             /* WC_DATE_UNKNOWN if never in force */
    const wc_withdrawal *withdrawals;
    size_t n_withdrawals;
    wc_string_list notes;
    wc_source_list sources;
};

typedef struct wc_declaration {
    const wc_country *country;
    wc_date lodged;
    wc_date period_from;
    wc_date period_to;
    wc_source_list sources;
} wc_declaration;

typedef struct wc_referral {
    const char *situation;
    const char *resolution;
    wc_date adopted;
    const wc_country *const *bound;
    size_t n_bound;
    wc_source_list sources;
} wc_referral;

typedef struct wc_person {
    const char *id;
    const char *name;
    const char *full_name; /* may be NULL */
    wc_string_list aliases;
    const wc_country *nationality; /* may be NULL */
    wc_date born;
    wc_date died;
    /* How the death is known: WC_CONFIRMED_COURT when a decision of the
     * Court records it, otherwise WC_REPORTED. A death alone never ends a
     * warrant: only the Court's termination (a status event) does. */
    wc_confirmation died_confirmation;
    wc_source_list sources;
} wc_person;

typedef enum wc_warrant_status {
    WC_AT_LARGE,
    WC_ARRESTED,
    WC_IN_CUSTODY,
    WC_CONVICTED,
    WC_ACQUITTED,
    WC_RELEASED,
    WC_DECEASED,
    WC_WITHDRAWN,
    WC_VACATED,
    /* Never in the data: the status of a warrant on a day before it is
     * known to exist (wc_warrant_status_on). */
    WC_NOT_ISSUED
} wc_warrant_status;

/* Returns the stable word for a status ("at-large", ..., "not-issued");
 * NULL for a value that is not a status. */
const char *wc_warrant_status_word(wc_warrant_status status);

typedef struct wc_status_event {
    wc_date date;       /* may be WC_DATE_UNKNOWN... */
    wc_date not_before; /* ...and then these bound it, if known */
    wc_date not_after;
    wc_warrant_status status;
    wc_confirmation confirmation; /* WC_CONFIRMED_COURT unless the data says otherwise */
    const char *note;             /* may be NULL */
    wc_source_list sources;
} wc_status_event;

typedef struct wc_charge {
    const char *crime;
    const char *article;
} wc_charge;

typedef struct wc_warrant {
    const char *id;
    const wc_person *person;
    const char *situation;
    const char *case_name; /* may be NULL */
    const char *role;      /* may be NULL */
    wc_date issued;
    wc_date made_public;
    const wc_charge *charges;
    size_t n_charges;
    const wc_status_event *status;
    size_t n_status;
    wc_source_list sources;
} wc_warrant;

typedef struct wc_trip {
    const wc_person *person;
    wc_date start;
    wc_date end;
    const wc_country *host;
    const char *city;     /* may be NULL */
    const char *occasion; /* may be NULL */
    const char *outcome;  /* may be NULL */
    wc_source_list sources;
} wc_trip;

/* Where the Court referred a finding of non-compliance. */
typedef enum wc_referred_to {
    WC_REFERRED_NONE,
    WC_REFERRED_ASP,     /* "asp": the Assembly of States Parties */
    WC_REFERRED_UNSC,    /* "unsc": the Security Council */
    WC_REFERRED_ASP_UNSC /* "asp+unsc": both */
} wc_referred_to;

/* Returns the data file's word ("asp", ...), NULL for WC_REFERRED_NONE. */
const char *wc_referred_to_word(wc_referred_to referred_to);

typedef struct wc_finding {
    const wc_country *state;
    const wc_person *person;
    wc_date date;
    const char *decision;
    wc_referred_to referred_to;
    wc_source_list sources;
} wc_finding;

/* -------------------------------------------------------------- dataset */

/* The whole dataset, read-only once loaded. Arrays are in file order. */
typedef struct wc_dataset {
    int schema_version;
    const char *dataset_version; /* calendar form, "2026.12.1" */
    wc_date as_of;
    const wc_source *sources;
    size_t n_sources;
    const wc_country *countries;
    size_t n_countries;
    const wc_statute *statutes;
    size_t n_statutes;
    const wc_declaration *declarations;
    size_t n_declarations;
    const wc_referral *referrals;
    size_t n_referrals;
    const wc_person *persons;
    size_t n_persons;
    const wc_warrant *warrants;
    size_t n_warrants;
    const wc_trip *trips;
    size_t n_trips;
    const wc_finding *findings;
    size_t n_findings;
    const struct wc_dataset_internal *internal; /* private to the library */
} wc_dataset;

/* Why loading failed: a fault of the data, or memory that ran out (which
 * says nothing about the data: the same file may load with more). */
typedef enum wc_error_kind { WC_ERROR_DATA, WC_ERROR_MEMORY } wc_error_kind;

/* Where and why loading failed. line and column count from 1; both are 0
 * when the fault has no place in the text (e.g. out of memory). */
typedef struct wc_error {
    unsigned long line;
    unsigned long column;
    char message[512];
    wc_error_kind kind;
} wc_error;

/* Parses and validates `len` bytes of JSON text (which need not be
 * NUL-terminated). Returns a new dataset, which the caller frees with
 * wc_dataset_free(), or NULL with *err describing the first fault: the JSON
 * path, line and column. A dataset is never half-loaded. */
wc_dataset *wc_dataset_load(const char *text, size_t len, wc_error *err);

/* Frees a dataset and everything it owns. Accepts NULL. */
void wc_dataset_free(wc_dataset *ds);

/* Returns the dataset compiled into the library: the bundled JSON, loaded
 * and validated by wc_dataset_load() at build time and stored as constant C
 * data, so that it costs no parsing at run time. It lives as long as the
 * program and is never freed. */
const wc_dataset *wc_dataset_builtin(void);

/* Returns the SHA-256 of the JSON file the built-in dataset was compiled
 * from, as 64 lowercase hexadecimal digits. */
const char *wc_dataset_builtin_sha256(void);

/* -------------------------------------------------------- name lookup */

typedef enum wc_match_kind {
    WC_MATCH_FOUND,
    WC_MATCH_AMBIGUOUS, /* candidates lists the possible countries */
    WC_MATCH_UNKNOWN,   /* candidates lists the nearest names, maybe none */
    WC_MATCH_NO_MEMORY  /* memory ran out: no answer either way */
} wc_match_kind;

#define WC_MAX_CANDIDATES 6

/* A name from Debian's iso-codes that the dataset does not carry: an ISO
 * 3166-2 subdivision ("Alaska": US-AK) or a country's name in another
 * language ("Deutschland": de). The table is built into the library from
 * data/iso-codes/names.json. */
typedef struct wc_world_name {
    const char *key;         /* its matching key, without spaces */
    const char *name;        /* as iso-codes writes it */
    const char *iso2;        /* the country it names */
    const char *subdivision; /* its ISO 3166-2 code; NULL for a country's name */
    const char *language;    /* a language it is the country's name in, or NULL */
} wc_world_name;

/* The version of iso-codes the table was made from ("4.15.0-1"). */
const char *wc_world_names_version(void);

typedef struct wc_country_match {
    wc_match_kind kind;
    const wc_country *country; /* when FOUND */
    wc_world_name via;         /* when FOUND by an iso-codes name; else via.name is NULL */
    const wc_country *candidates[WC_MAX_CANDIDATES];
    size_t n_candidates;
} wc_country_match;

/* Finds a country by ISO alpha-2 or alpha-3 code, name, official name or
 * alias, ignoring case, accents, punctuation and "The"/", The". A name that
 * matches no key exactly but is a whole-word part of exactly one country's
 * names resolves to it; of several, it is ambiguous. A name the dataset does
 * not know may still be a subdivision or a foreign name of a country in
 * Debian's iso-codes ("Alaska", "Deutschland"): then `via` says which. The
 * strings of `via` are the library's, valid for the life of the program. */
wc_country_match wc_find_country(const wc_dataset *ds, const char *query);

/* Returns the country with this exact alpha-2 code, or NULL. */
const wc_country *wc_country_by_iso2(const wc_dataset *ds, const char *iso2);

/* ------------------------------------------------------- membership */

/* A state's standing under the Rome Statute on one date. */
typedef struct wc_membership {
    bool state_party; /* in_force <= date < withdrawal effective */
    const wc_statute *statute; /* NULL if it never signed nor joined */
    /* The withdrawal that has taken effect on or before the date, if any. */
    const wc_withdrawal *withdrawn;
    /* A withdrawal announced or deposited but not effective on the date. */
    const wc_withdrawal *pending;
    /* For a territory covered by its state's ratification: that state. */
    const wc_country *through;
    /* A territory whose coverage is not recorded (WC_COVERAGE_NOT_RECORDED):
     * it has its state's standing (and `through`) by the presumption of
     * VCLT art. 29, so `state_party` is presumed, not recorded. */
    bool presumed;
} wc_membership;

/* Returns the standing of `country` on `date`; a territory the Statute
 * covers through its state has that state's standing (and `through`), and
 * so has, presumed, one whose coverage is not recorded. */
wc_membership wc_membership_on(const wc_country *country, wc_date date);

/* Returns true if `country` is a State Party on `date`. */
bool wc_state_party_on(const wc_country *country, wc_date date);

/* Returns true if `country` is a state, not a territory of one (it has no
 * `part_of`): what counts of States Parties and of "countries where a
 * person can be arrested" count; a territory has its state's standing. */
bool wc_country_is_state(const wc_country *country);

/* Returns the UN member whose duties under the Charter apply in `country`:
 * the country itself for a state, its state for a territory. A Security
 * Council decision binds a member (Charter art. 25) in all its territory;
 * the Charter has no declaration, as the Statute has, that leaves a
 * territory out, so this is the state whatever the territory's coverage. */
const wc_country *wc_charter_state(const wc_country *country);

/* The article English puts before the country's name in a sentence: "the "
 * for "the United States", "the Philippines", "the Cook Islands"; "" for
 * most. And the possessive's ending: "'" after a plural name ("the
 * Philippines'"), "'s" otherwise. */
const char *wc_country_article(const wc_country *country);
const char *wc_country_possessive(const wc_country *country);

/* Returns the day from which `country` has had the standing it has on
 * `date` under the Statute: a state's entry into force (WC_DATE_UNKNOWN if
 * none); for a territory covered through its state, its own coverage date
 * or its state's entry into force, whichever is later (the state's when the
 * territory's is not given); WC_DATE_UNKNOWN for a territory not covered on
 * `date`, or whose coverage is not recorded. */
wc_date wc_membership_since(const wc_country *country, wc_date date);

/* Returns how many states (not territories) are States Parties on `date`. */
size_t wc_states_parties_count(const wc_dataset *ds, wc_date date);

/* Notes that explain a state's standing on a date, in plain English:
 * signed but not ratified, withdrawal pending or revoked, art. 12(3)
 * declarations, facts only reported, dates after the dataset's as_of. */
typedef struct wc_notes {
    char **items;
    size_t count;
} wc_notes;

/* Fills *notes with the notes for `country` on `date`. Returns false if
 * memory ran out (with *notes empty). The caller frees with
 * wc_notes_free(). */
bool wc_membership_notes(const wc_dataset *ds, const wc_country *country,
                         wc_date date, wc_notes *notes);

/* Frees the strings of a note list and empties it. */
void wc_notes_free(wc_notes *notes);

/* The sources behind the standing of `country` on `date`: a territory's
 * own (how its state's ratification reaches it), the statute record of the
 * state whose standing it has, the withdrawal stages dated on or before
 * `date`, and the art. 12(3) declarations lodged by then. Appends to
 * lists[n..max) each list not already among lists[0..n) (empty lists are
 * skipped; lists beyond `max` are dropped) and returns the new count. Both
 * `country` and every verdict (wc_verdict_for_warrant) cite these. */
size_t wc_membership_sources(const wc_dataset *ds, const wc_country *country, wc_date date,
                             const wc_source_list **lists, size_t n, size_t max);

/* ------------------------------------------------------------ verdicts */

/* The verdicts of SPEC section 2, strongest first. */
typedef enum wc_verdict_kind {
    WC_V_IN_CUSTODY,        /* "in-custody": the person is in the Court's custody */
    WC_V_OBLIGED,           /* "obliged": a State Party on the date */
    WC_V_OBLIGED_RESIDUAL,  /* "obliged-residual": art. 127(2) after a withdrawal */
    WC_V_OBLIGED_UNSC,      /* "obliged-unsc": bound by a Security Council referral */
    WC_V_NOT_OBLIGED,       /* "not-obliged" */
    WC_V_NO_WARRANT         /* "no-warrant": no warrant in force on the date */
} wc_verdict_kind;

/* Returns the stable verdict word ("obliged", "not-obliged", ...). */
const char *wc_verdict_word(wc_verdict_kind kind);

/* True for the verdicts that mean "can be arrested there": obliged*. */
bool wc_verdict_can_arrest(wc_verdict_kind kind);

/* Up to this many source lists back one verdict. */
#define WC_MAX_SOURCE_LISTS 48

/* A verdict with its reasons. */
typedef struct wc_verdict {
    wc_verdict_kind kind;
    const char *basis;           /* legal basis, or NULL where none applies */
    const wc_warrant *warrant;   /* the warrant that decides it, or NULL */
    bool state_party;            /* the country is a State Party on the date */
    const wc_country *through;   /* a territory's state whose standing it has */
    bool state_party_presumed;   /* ...by presumption only (wc_membership.presumed):
                                  * state_party is then not known, JSON null */
    wc_notes notes;              /* owned; free with wc_verdict_free() */
    const wc_source_list *sources[WC_MAX_SOURCE_LISTS];
    size_t n_sources;
} wc_verdict;

typedef enum wc_warrant_state {
    WC_WARRANT_IN_FORCE,     /* the person is wanted */
    WC_WARRANT_EXECUTED,     /* the person is in the Court's custody */
    WC_WARRANT_NOT_IN_FORCE  /* not yet issued, spent, withdrawn or vacated */
} wc_warrant_state;

/* Returns the state of `warrant` on `date`, and sets *event to the status
 * event that decides it (NULL before the warrant exists). An event of
 * unknown date counts from its `not_after` bound. */
wc_warrant_state wc_warrant_state_on(const wc_warrant *warrant, wc_date date,
                                     const wc_status_event **event);

/* Returns a later status event of unknown date that may already have
 * happened on `date` (so the state above may be out of date), or NULL. */
const wc_status_event *wc_warrant_uncertain_on(const wc_warrant *warrant, wc_date date);

/* Returns the first day `warrant` is known to exist: its issue date; for a
 * warrant issued under seal on a day not known, the bound its first status
 * gives or else the day it was made public. */
wc_date wc_warrant_known_from(const wc_warrant *warrant);

/* Returns the status of `warrant` on `date`: that of the latest status
 * event by then (set in *event), WC_AT_LARGE for an issued warrant with no
 * event yet, WC_NOT_ISSUED before the warrant is known to exist (*event
 * NULL in both cases). */
wc_warrant_status wc_warrant_status_on(const wc_warrant *warrant, wc_date date,
                                       const wc_status_event **event);

/* Returns how many warrants of the dataset are in force (the person is
 * wanted, not in custody) on `date`. */
size_t wc_warrants_in_force_count(const wc_dataset *ds, wc_date date);

/* Computes the verdict for one warrant, one country and one date, per
 * SPEC section 2. Returns false if memory ran out. The caller frees
 * out->notes with wc_verdict_free(). */
bool wc_verdict_for_warrant(const wc_dataset *ds, const wc_warrant *warrant,
                            const wc_country *country, wc_date date, wc_verdict *out);

/* Computes the verdict for a person: the strongest over the person's
 * warrants (in custody first, then obliged, residual, UNSC). */
bool wc_verdict_for_person(const wc_dataset *ds, const wc_person *person,
                           const wc_country *country, wc_date date, wc_verdict *out);

/* Frees the notes of a verdict. */
void wc_verdict_free(wc_verdict *v);

typedef struct wc_person_match {
    wc_match_kind kind;
    const wc_person *person;
    const wc_person *candidates[WC_MAX_CANDIDATES];
    size_t n_candidates;
} wc_person_match;

/* Finds a person by id, name, full name, alias or transliteration, or a
 * whole-word part of one (a surname where unique). */
wc_person_match wc_find_person(const wc_dataset *ds, const char *query);

/* The library's version, "X.Y.Z". */
const char *wc_version(void);

/* ===================================================== itineraries (issue 5)
 * Reading an itinerary one physical line at a time, so that every fault has
 * its line and column; and the runs of days over which a verdict holds, so
 * that a long itinerary need not recompute it for every leg. */

/* The longest itinerary line, in bytes before its "\n" or "\r\n". A longer
 * line is a fault; a reader reports it without holding it whole. */
#define WC_ITINERARY_MAX_LINE 65536

/* The most columns a CSV itinerary may have. */
#define WC_ITINERARY_MAX_COLUMNS 64

/* One leg, as written. Text and lengths point into the line given to
 * wc_itinerary_parse_line() or into the parser, and stay valid until the
 * next call. Columns count bytes from 1, after a byte-order mark. */
typedef struct wc_leg {
    wc_date start;
    wc_date end; /* == start for a one-day leg */
    const char *country;
    size_t country_len;
    size_t country_column;
    const char *person; /* from a CSV `person` column; NULL if none or empty */
    size_t person_len;
    size_t person_column;
    const char *input; /* the line without BOM and line end */
    size_t input_len;
    /* The leg's note: a CSV `note` column, or in the text form what follows
     * the "#" of a comment after the leg, blanks trimmed; NULL if none or
     * empty. Passed through to the rows, never read by the rules. */
    const char *note;
    size_t note_len;
} wc_leg;

typedef enum wc_line_result {
    WC_LINE_LEG,   /* *leg is filled in */
    WC_LINE_EMPTY, /* blank, a comment or the CSV header: nothing to check */
    WC_LINE_ERROR  /* *err says where and why */
} wc_line_result;

typedef struct wc_line_error {
    size_t column; /* from 1 */
    char message[256];
} wc_line_error;

/* Which form the itinerary is in; decided by its first line that is not
 * blank or a comment: a date starts the text form, anything else must be
 * the CSV header. */
typedef enum wc_itinerary_form {
    WC_FORM_UNDECIDED,
    WC_FORM_TEXT, /* "DATE COUNTRY" or "DATE..DATE COUNTRY", "#" comments (after a leg: its note) */
    WC_FORM_CSV   /* a header naming date (or start), country; optionally end, person, note */
} wc_itinerary_form;

typedef struct wc_itinerary_parser wc_itinerary_parser;

/* Returns a new parser for one itinerary, or NULL if memory ran out. The
 * caller frees it with wc_itinerary_parser_free(). */
wc_itinerary_parser *wc_itinerary_parser_new(void);

/* Frees a parser. Accepts NULL. */
void wc_itinerary_parser_free(wc_itinerary_parser *p);

/* Parses the next physical line of the itinerary: `len` bytes without the
 * "\n" (a trailing "\r" and, on the first line, a UTF-8 byte-order mark are
 * dropped). The line must be valid UTF-8 and at most WC_ITINERARY_MAX_LINE
 * bytes. A CSV record must end on its line. Names are not resolved here. */
wc_line_result wc_itinerary_parse_line(wc_itinerary_parser *p, const char *line, size_t len,
                                       wc_leg *leg, wc_line_error *err);

/* The form seen so far. */
wc_itinerary_form wc_itinerary_form_of(const wc_itinerary_parser *p);

/* True once a CSV header with a `person` column has been read. */
bool wc_itinerary_has_person_column(const wc_itinerary_parser *p);

/* After a CSV header: a field of it that names no column but lies one
 * slip from an optional column the header lacks ("persn" for "person",
 * "nte" for "note"), with its column in the header line and the column
 * meant; false when there is none. The file is still read (other columns
 * are allowed), so this is for a warning. */
bool wc_itinerary_header_slip(const wc_itinerary_parser *p, size_t *column, const char **text,
                              const char **meant);

/* Sets *from and *to to the run of days around `date` over which the
 * verdict for `person` in `country` is exactly the same as on `date` —
 * kind, basis, notes and sources: no date the verdict rules read for them
 * (the person's warrants, the country's treaty record, its declarations,
 * the referrals, the person's trips to it and the findings about it, the
 * dataset's as_of) falls inside the run so as to change it. When a note
 * names `date` itself (a day before a sealed warrant's unknown issue day, a
 * status change of unknown date that may have happened by then), the run
 * is that day alone: *from == *to == date. The run may be shorter than the
 * longest such run, never longer. */
void wc_verdict_span(const wc_dataset *ds, const wc_person *person, const wc_country *country,
                     wc_date date, wc_date *from, wc_date *to);

/* The same run for a front end that does not show the notes (a table of
 * verdict words): sets *from and *to to the run over which the verdict is
 * the same but for the wording of the notes that name their own day, and
 * returns true if the verdict on `date` has such a note (wc_verdict_span()
 * then gives `date` alone). */
bool wc_verdict_span_without_day_notes(const wc_dataset *ds, const wc_person *person,
                                       const wc_country *country, wc_date date, wc_date *from,
                                       wc_date *to);

/* ================================================= legs (SPEC section 3)
 * A leg of several days can be arrested in if any of its days can: its
 * verdict is the strongest of any day, the first day that has it, and the
 * days on which the verdict changes. */

/* A leg names at most this many changes of verdict; more are "later". */
#define WC_LEG_MAX_CHANGES 8
#define WC_LEG_MAX_RUNS (WC_LEG_MAX_CHANGES + 1)

/* A run of days of a leg with one verdict, from `from` to the next run. */
typedef struct wc_leg_run {
    wc_date from;
    wc_verdict_kind kind;
} wc_leg_run;

typedef struct wc_leg_verdict {
    wc_verdict_kind kind; /* the strongest verdict of any day of the leg */
    wc_date day;          /* the first day that has it */
    wc_leg_run runs[WC_LEG_MAX_RUNS]; /* in order; runs[0].from is the leg's start */
    size_t n_runs;        /* 1 when the verdict holds for the whole leg */
    bool more;            /* it changes more often than runs[] holds */
} wc_leg_verdict;

/* Gives the verdict of `day` and sets *last to the last day of the run it
 * holds for (wc_verdict_span()'s *to, or `day`). Returns false if memory
 * ran out. A front end passes its own to put a cache in between. */
typedef bool (*wc_day_verdict_fn)(void *ctx, wc_date day, wc_verdict_kind *kind, wc_date *last);

/* Computes the verdict of the leg start..end (start <= end) from the
 * verdicts of its days, asking `day_verdict` once per run of days. Returns
 * false if it did. */
bool wc_leg_verdict_walk(wc_date start, wc_date end, wc_day_verdict_fn day_verdict, void *ctx,
                         wc_leg_verdict *out);

/* The same for `person` in `country`, from wc_verdict_for_person() and
 * wc_verdict_span(). The verdict with its notes is then that of out->day. */
bool wc_leg_verdict_for_person(const wc_dataset *ds, const wc_person *person,
                               const wc_country *country, wc_date start, wc_date end,
                               wc_leg_verdict *out);

/* A buffer this large holds any leg's change note. */
#define WC_LEG_NOTE_BUFSIZE (WC_LEG_MAX_RUNS * 40 + 64)

/* Writes the note for a leg whose verdict changes ("the verdict changes
 * during the leg: obliged from 2024-09-01, not-obliged from 2024-09-05"),
 * NUL-terminated and cut to `size` bytes as snprintf does. Returns its full
 * length: 0, with an empty note, when the verdict does not change. */
size_t wc_leg_change_note(const wc_leg_verdict *leg, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* WARRANTCHECK_H */
