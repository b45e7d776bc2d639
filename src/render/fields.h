/* The rows of SPEC section 5 as cJSON objects: the stable field names live
 * here, shared by every command and every machine format. Each adder
 * returns false if memory ran out. */
#ifndef WCR_FIELDS_H
#define WCR_FIELDS_H

#include <cjson/cJSON.h>
#include <warrantcheck/render.h>

#include <stdbool.h>

/* Adds `key`: the date as "YYYY-MM-DD", or null when unknown. */
bool wcr_json_add_date(cJSON *obj, const char *key, wc_date date);

/* Adds `key`: the string, or null. */
bool wcr_json_add_string(cJSON *obj, const char *key, const char *s);

/* Adds `key`: {"iso2", "iso3", "name"}, or null for no country. */
bool wcr_json_add_country(cJSON *obj, const char *key, const wc_country *c);

/* Adds `key`: {"id", "name"}. */
bool wcr_json_add_person(cJSON *obj, const char *key, const wc_person *p);

/* Adds "state_party": the boolean, or null when it is only presumed (a
 * territory whose coverage is not recorded). */
bool wcr_json_add_state_party(cJSON *obj, bool state_party, bool presumed);

/* Adds `key`: an array of the strings. */
bool wcr_json_add_strings(cJSON *obj, const char *key, char *const *items, size_t n);

/* Adds `key`: an array of citations of the sources, each once. */
bool wcr_json_add_sources(cJSON *obj, const char *key, const wc_source_list *const *lists,
                          size_t n_lists);

/* Adds `key`: an array of the ids of the sources, each once, in the order
 * of wcr_json_add_sources(). */
bool wcr_json_add_source_ids(cJSON *obj, const char *key, const wc_source_list *const *lists,
                             size_t n_lists);

/* Adds "sources" (the citations) if `citations`, then "source_ids": a
 * single document carries both; a row of a stream (where, trips,
 * itinerary) only the ids, unless --sources asks for the citations too, so
 * that a million rows do not repeat the same citations a million times. */
bool wcr_json_add_citations(cJSON *obj, const wc_source_list *const *lists, size_t n_lists,
                            bool citations);

/* Returns a new row object for a verdict: date, person, country,
 * state_party, through, verdict, basis, warrant, notes, sources (if
 * `citations`) and source_ids (SPEC section 5), or NULL if memory ran out. */
cJSON *wcr_json_verdict_row(wc_date date, const wc_person *p, const wc_country *c,
                            const wc_verdict *v, bool citations);

/* Returns a new row object for a trip: the verdict row of the host on the
 * day of arrival (`v`), then start, end, city, occasion and outcome; NULL
 * if memory ran out. */
cJSON *wcr_json_trip_row(const wc_trip *trip, const wc_verdict *v, bool citations);

/* Adds "dataset": {"version", "as_of"} of o->dataset to `obj`, the one
 * place that member is made: every JSON document (wcr_json_document), table
 * row (wcr_table_row) and itinerary row is stamped by it. Does nothing for
 * a NULL o->dataset, a value that is not an object or one that has the
 * member. Returns false if memory ran out. */
bool wcr_json_stamp(cJSON *obj, const wcr_opts *o);

/* Writes one JSON document in o->format (pretty for WCR_JSON, one line for
 * WCR_JSONL), stamped by wcr_json_stamp(). Returns false if memory ran out. */
bool wcr_json_document(const wcr_writer *w, const wcr_opts *o, cJSON *obj);

/* Writes the value, pretty for `pretty`, else on one line, then a newline.
 * Returns false if memory ran out. */
bool wcr_json_write(const wcr_writer *w, const cJSON *value, bool pretty);

#endif
