/* The rows of `itinerary` in every format, written as a stream: the verdict
 * part of a row is rendered once per (person, country, run of days) as a
 * fragment the caller caches, and each row puts its own fields (line,
 * dates, input) before it. A leg whose verdict changes inside it is built
 * whole, with a note saying when it changes. */
#ifndef WCR_ITINERARY_ROWS_H
#define WCR_ITINERARY_ROWS_H

#include "stream.h"

#include <warrantcheck/render.h>

#include <stdint.h>

/* At most this many cut points are marked in a fragment; past them, the
 * rest stays one piece. */
#define WCR_FRAGMENT_CUTS 64

/* Bytes of a verdict part handed to a row writer in pieces; a span whose
 * data is NULL stands for the row's day (ten bytes, YYYY-MM-DD), as the
 * notes that name their own day write it. */
typedef struct wcr_span {
    const char *data;
    size_t len;
} wcr_span;

typedef struct wcr_itinerary {
    wcr_stream s;
    wcr_opts opts;
    bool person_column; /* text: rows name their person (set before the first row) */
    int person_width;   /* text: the person column's width, the widest id (ASCII) */
    wcr_table csv;      /* CSV/TSV: the header */
    wcr_buffer scratch; /* CSV/TSV: a cell's text on its way */
    wcr_buffer changing; /* the verdict part of a row whose verdict changes */
    wcr_buffer fragment; /* a verdict part on its way into the cache */
    /* Where the last fragment rendered may be cut into pieces that recur in
     * other fragments (see wcr_itinerary_cuts): byte offsets, ascending. */
    uint32_t cuts[WCR_FRAGMENT_CUTS];
    size_t n_cuts;
    bool started;       /* the header or "[" is out */
    /* --fields (opts.fields): bit i set for field i of the format's list
     * (wcr_itinerary_columns for CSV/TSV, wcr_itinerary_keys for JSON)
     * that rows write; every bit without --fields. */
    uint32_t fields;
    bool verdict_part; /* --fields: the verdict part has a field */
    size_t rows;        /* rows written */
} wcr_itinerary;

/* line,date,start,end,person,person_name,iso2,iso3,country,through,
 * state_party,verdict,basis,notes,note (the input's note, last) */
extern const char *const wcr_itinerary_columns[];

/* The top-level JSON keys of a row, in their order: line,date,start,end,
 * input,note,person,country,state_party,through,verdict,basis,warrant,
 * notes,sources (only with --sources),source_ids,dataset. The names
 * --fields takes for json and jsonl. */
extern const char *const wcr_itinerary_keys[];

/* Readies `it` to write rows in o->format to `w`, which must outlive it.
 * Returns false if memory ran out. */
bool wcr_itinerary_open(wcr_itinerary *it, const wcr_writer *w, const wcr_opts *o);

/* Hands on what is buffered and frees what `it` holds, ended or not;
 * accepts a failed open. */
void wcr_itinerary_close(wcr_itinerary *it);

/* Hands what is buffered to the writer (before the caller writes to it). */
void wcr_itinerary_flush(wcr_itinerary *it);

/* Renders the verdict part of a row for the format as a malloc'd string
 * of *len bytes, or NULL if memory ran out. `date` is the day it was
 * worked out for. */
char *wcr_itinerary_fragment(wcr_itinerary *it, const wc_person *p, const wc_country *c,
                             wc_date date, const wc_verdict *v, size_t *len);

/* The cut points of the fragment wcr_itinerary_fragment() rendered last
 * (*n of them, ascending byte offsets inside it): around each piece that
 * other fragments share, such as the person, the country, each note, each
 * list of sources and the dataset stamp. Cutting there and putting the
 * pieces back in order gives the same bytes. Valid until the next call. */
const uint32_t *wcr_itinerary_cuts(const wcr_itinerary *it, size_t *n);

/* Writes what goes before the first row (the CSV/TSV header, or "["), once. */
void wcr_itinerary_begin(wcr_itinerary *it);

/* Writes a row whose verdict part is a fragment: the common case, with no
 * JSON tree and no allocation. */
void wcr_itinerary_row(wcr_itinerary *it, unsigned long line, const wc_leg *leg, wc_date date,
                       const char *fragment, size_t fragment_len);

/* The same, with the fragment in `n` pieces written one after the other
 * (a span of NULL data is the day `date`): a cached fragment goes straight
 * from its pieces into the output, not through a buffer. */
void wcr_itinerary_row_spans(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                             wc_date date, const wcr_span *spans, size_t n);

/* Writes the text row of a leg whose verdict changes: the fragment of the
 * verdict of its strongest day (in `n` pieces, as wcr_itinerary_row_spans
 * takes them, `date` its day), then `change` in brackets. */
void wcr_itinerary_changing_text(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                                 wc_date date, const wcr_span *spans, size_t n,
                                 const char *change);

/* Writes the row of a leg whose verdict changes, in a machine format:
 * verdict `v` of `date`, with `change` as its last note. Returns false if
 * memory ran out. */
bool wcr_itinerary_changing_row(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                                const wc_person *p, const wc_country *c, wc_date date,
                                const wc_verdict *v, const char *change);

/* Ends the output ("]" for JSON). Returns false if memory ran out. */
bool wcr_itinerary_end(wcr_itinerary *it);

#endif
