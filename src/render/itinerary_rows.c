/* The rows of `itinerary` (see itinerary_rows.h). */
#include "itinerary_rows.h"

#include "fields.h"
#include "table.h"
#include "writer.h"

#include <stdlib.h>
#include <string.h>

/* The rows of SPEC section 5, flattened; the verdict part is rendered once
 * per (person, country, run of days) and the row's own fields put before it. */
const char *const wcr_itinerary_columns[] = {
    "line",    "date",    "start",       "end",     "person", "person_name", "iso2", "iso3",
    "country", "through", "state_party", "verdict", "basis",  "notes",
    "note", /* the input's note: appended, so cut -f scripts keep their fields */
    NULL};

const char *const wcr_itinerary_keys[] = {
    "line",    "date",  "start",   "end",   "input",   "note",       "person",  "country",
    "state_party", "through", "verdict", "basis", "warrant", "notes", "sources", "source_ids",
    "dataset", NULL};

/* --fields: the bits of it->fields, by place in those lists. The row's own
 * fields come first (and, in CSV/TSV, its note last); the others are the
 * verdict part, which the cached fragment holds. */
enum { C_LINE, C_DATE, C_START, C_END, C_PERSON, C_PERSON_NAME, C_ISO2, C_ISO3, C_COUNTRY,
       C_THROUGH, C_STATE_PARTY, C_VERDICT, C_BASIS, C_NOTES, C_NOTE };
enum { J_LINE, J_DATE, J_START, J_END, J_INPUT, J_NOTE, J_PERSON, J_COUNTRY, J_STATE_PARTY,
       J_THROUGH, J_VERDICT, J_BASIS, J_WARRANT, J_NOTES, J_SOURCES, J_SOURCE_IDS, J_DATASET };
#define BIT(f) ((uint32_t)1 << (f))
#define CHOSEN(it, f) (((it)->fields & BIT(f)) != 0)
/* The verdict part's fields, C_PERSON..C_NOTES and J_PERSON..J_DATASET. */
#define CELLS_VERDICT_PART (BIT(C_NOTE) - BIT(C_PERSON))
#define JSON_VERDICT_PART (BIT(J_DATASET + 1) - BIT(J_PERSON))

static uint32_t chosen_fields(const wcr_opts *o)
{
    const char *const *names = o->format == WCR_CSV || o->format == WCR_TSV
                                   ? wcr_itinerary_columns
                                   : wcr_itinerary_keys;
    uint32_t bits = 0;
    for (unsigned i = 0; names[i] != NULL; i++)
        if (wcr_field_chosen(o, names[i]))
            bits |= BIT(i);
    return bits;
}

/* True if the verdict part of a row has any field (JSON: "sources" only
 * with --sources, "dataset" only with a dataset): then the row's own
 * fields before it end with a separator. */
static bool verdict_part_chosen(const wcr_itinerary *it)
{
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV)
        return (it->fields & CELLS_VERDICT_PART) != 0;
    uint32_t written = JSON_VERDICT_PART;
    if (!it->opts.sources)
        written &= ~BIT(J_SOURCES);
    if (it->opts.dataset == NULL)
        written &= ~BIT(J_DATASET);
    return (it->fields & written) != 0;
}

bool wcr_itinerary_open(wcr_itinerary *it, const wcr_writer *w, const wcr_opts *o)
{
    it->opts = *o;
    it->person_column = false;
    it->person_width = 0;
    it->started = false;
    it->rows = 0;
    it->fields = chosen_fields(o);
    it->verdict_part = verdict_part_chosen(it);
    it->scratch = (wcr_buffer){0};
    it->changing = (wcr_buffer){0};
    it->fragment = (wcr_buffer){0};
    it->n_cuts = 0;
    return wcr_stream_open(&it->s, w);
}

void wcr_itinerary_close(wcr_itinerary *it)
{
    wcr_stream_close(&it->s);
    wcr_buffer_free(&it->scratch);
    wcr_buffer_free(&it->changing);
    wcr_buffer_free(&it->fragment);
    /* A run cut short (a closed pipe) never reached wcr_itinerary_end:
     * free the table's buffers; after an end this does nothing. */
    if (it->started && (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV))
        wcr_table_end(&it->csv);
    it->started = false;
}

void wcr_itinerary_flush(wcr_itinerary *it)
{
    wcr_stream_flush(&it->s);
}

/* ------------------------------------------------------------ fragments */

/* The verdict part of a row is written here byte for byte as cJSON and
 * table.c would write the verdict row of fields.h (less its "date", which
 * each row gives for itself), without building a tree: a miss of the
 * verdict cache costs a few hundred bytes of appends, not a tree of every
 * citation, a print and a free. tests/unit/test_itinerary_rows.c holds
 * the two to the same bytes. `extra` is one more note (the change inside
 * a leg), or NULL. */

/* Marks the end of `b` as a cut point of the fragment being built (see
 * wcr_itinerary_cuts); the marks only say where, not what is written. */
static void cut_at(wcr_itinerary *it, size_t at)
{
    if (it->n_cuts < WCR_FRAGMENT_CUTS && (it->n_cuts == 0 || it->cuts[it->n_cuts - 1] < at))
        it->cuts[it->n_cuts++] = (uint32_t)at;
}
#define CUT(it, b) cut_at((it), (b)->len)

static void json_key(wcr_buffer *b, const char *key_colon, size_t len)
{
    wcr_buffer_append(b, key_colon, len);
}
#define JSON_KEY(b, lit) json_key((b), (lit), sizeof(lit) - 1)

static void json_string_or_null(wcr_buffer *b, const char *s)
{
    if (s == NULL)
        wcr_buffer_append(b, "null", 4);
    else
        wcr_buffer_json_string(b, s, strlen(s));
}

static void json_date_or_null(wcr_buffer *b, wc_date d)
{
    char text[WC_DATE_BUFSIZE];
    json_string_or_null(b, d == WC_DATE_UNKNOWN ? NULL : wc_date_format(d, text));
}

/* A country as wcr_json_add_country writes it: {"iso2":..,"iso3":..,"name":..} or null. */
static void json_country_or_null(wcr_buffer *b, const wc_country *c)
{
    if (c == NULL) {
        wcr_buffer_append(b, "null", 4);
        return;
    }
    JSON_KEY(b, "{\"iso2\":");
    json_string_or_null(b, c->iso2);
    JSON_KEY(b, ",\"iso3\":");
    json_string_or_null(b, c->iso3);
    JSON_KEY(b, ",\"name\":");
    json_string_or_null(b, c->name);
    JSON_KEY(b, "}");
}

/* A member's key, after a comma unless it is the first (--fields). */
static void json_member(wcr_buffer *b, bool *first, const char *key_colon, size_t len)
{
    if (!*first)
        wcr_buffer_append(b, ",", 1);
    *first = false;
    wcr_buffer_append(b, key_colon, len);
}
#define JSON_MEMBER(b, first, lit) json_member((b), (first), (lit), sizeof(lit) - 1)

/* "notes": the verdict's, then `extra` (or nothing for NULL), each a
 * piece of its own. */
static void json_notes(wcr_itinerary *it, wcr_buffer *b, bool *first, const wc_verdict *v,
                       const char *extra)
{
    JSON_MEMBER(b, first, "\"notes\":[");
    for (size_t i = 0; i < v->notes.count; i++) {
        CUT(it, b);
        if (i > 0)
            JSON_KEY(b, ",");
        json_string_or_null(b, v->notes.items[i]);
    }
    if (extra != NULL) {
        CUT(it, b);
        if (v->notes.count > 0)
            JSON_KEY(b, ",");
        json_string_or_null(b, extra);
    }
    CUT(it, b);
    JSON_KEY(b, "]");
}

static void json_fragment(wcr_itinerary *it, wcr_buffer *b, const wc_person *p,
                          const wc_country *c, const wc_verdict *v, const char *extra)
{
    bool first = true; /* no member yet: --fields may leave out any */
    if (CHOSEN(it, J_PERSON)) {
        JSON_MEMBER(b, &first, "\"person\":{\"id\":");
        json_string_or_null(b, p->id);
        JSON_KEY(b, ",\"name\":");
        json_string_or_null(b, p->name);
        CUT(it, b);
        JSON_KEY(b, "}");
    }
    if (CHOSEN(it, J_COUNTRY)) {
        JSON_MEMBER(b, &first, "\"country\":");
        json_country_or_null(b, c);
        CUT(it, b);
    }
    if (CHOSEN(it, J_STATE_PARTY)) {
        JSON_MEMBER(b, &first, "\"state_party\":");
        if (v->state_party_presumed)
            JSON_KEY(b, "null");
        else if (v->state_party)
            JSON_KEY(b, "true");
        else
            JSON_KEY(b, "false");
    }
    if (CHOSEN(it, J_THROUGH)) {
        JSON_MEMBER(b, &first, "\"through\":");
        json_country_or_null(b, v->through);
    }
    if (CHOSEN(it, J_VERDICT)) {
        JSON_MEMBER(b, &first, "\"verdict\":");
        json_string_or_null(b, wc_verdict_word(v->kind));
    }
    if (CHOSEN(it, J_BASIS)) {
        JSON_MEMBER(b, &first, "\"basis\":");
        json_string_or_null(b, v->basis);
    }
    if (CHOSEN(it, J_WARRANT)) {
        JSON_MEMBER(b, &first, "\"warrant\":");
        json_string_or_null(b, v->warrant ? v->warrant->id : NULL);
    }
    if (CHOSEN(it, J_NOTES))
        json_notes(it, b, &first, v, extra);
    if (it->opts.sources && CHOSEN(it, J_SOURCES)) {
        JSON_MEMBER(b, &first, "\"sources\":[");
        bool none = true;
        for (size_t l = 0; l < v->n_sources; l++, CUT(it, b))
            for (size_t i = 0; i < v->sources[l]->count; i++) {
                if (wcr_source_seen(v->sources, l, i))
                    continue;
                char *cite = wcr_citation(v->sources[l]->items[i]);
                if (cite == NULL) {
                    b->failed = true;
                    return;
                }
                if (!none)
                    JSON_KEY(b, ",");
                none = false;
                json_string_or_null(b, cite);
                free(cite);
            }
        JSON_KEY(b, "]");
    }
    if (CHOSEN(it, J_SOURCE_IDS)) {
        JSON_MEMBER(b, &first, "\"source_ids\":[");
        bool none = true;
        /* A cut between the lists of sources (they recur as wholes); the
         * last keeps the row's end, which never changes, with it. */
        for (size_t l = 0; l < v->n_sources; l++, l < v->n_sources ? CUT(it, b) : (void)0)
            for (size_t i = 0; i < v->sources[l]->count; i++) {
                if (wcr_source_seen(v->sources, l, i))
                    continue;
                if (!none)
                    JSON_KEY(b, ",");
                none = false;
                json_string_or_null(b, v->sources[l]->items[i]->id);
            }
        JSON_KEY(b, "]");
    }
    /* The row's "dataset" member, at its end: in the fragment it is made
     * once per (person, country, run of days), not once per row. */
    if (it->opts.dataset != NULL && CHOSEN(it, J_DATASET)) {
        JSON_MEMBER(b, &first, "\"dataset\":{\"version\":");
        json_string_or_null(b, it->opts.dataset->dataset_version);
        JSON_KEY(b, ",\"as_of\":");
        json_date_or_null(b, it->opts.dataset->as_of);
        JSON_KEY(b, "}");
    }
    JSON_KEY(b, "}");
}

/* One CSV/TSV cell of field `field`, after the separator unless it is
 * the first, and with a cut there if one is pending (`*cut`: the piece
 * before ends with its separator); nothing for a field --fields left out. */
static void cell(wcr_itinerary *it, wcr_buffer *b, bool *first, bool *cut, unsigned field,
                 const char *s)
{
    if (!CHOSEN(it, field))
        return;
    if (!*first)
        wcr_buffer_append(b, it->opts.format == WCR_TSV ? "\t" : ",", 1);
    *first = false;
    if (*cut)
        CUT(it, b);
    *cut = false;
    if (s != NULL)
        wcr_table_put_cell(b, it->opts.format, s, strlen(s));
}

/* Marks a cut before each note of the notes cell written at `cell_at`
 * (from `joined`, the notes at `starts`) and one at its end, where the
 * note would be in the cell as written: a quoted CSV cell starts with '"'
 * and doubles each '"'; TSV and unquoted CSV keep the bytes in place. */
static void cut_notes(wcr_itinerary *it, const wcr_buffer *b, size_t cell_at,
                      const wcr_buffer *joined, const size_t *starts, size_t n_starts)
{
    bool quoted = b->len - cell_at != joined->len;
    size_t quotes = 0, from = 0;
    for (size_t k = 0; k <= n_starts; k++) {
        size_t to = k < n_starts ? starts[k] : joined->len;
        for (size_t i = from; quoted && i < to; i++)
            quotes += joined->data[i] == '"';
        from = to;
        cut_at(it, cell_at + (quoted ? 1 + to + quotes : to));
    }
}

/* The CSV/TSV cells of the verdict part (VERDICT_PART_COLUMNS) and the
 * line end. `scratch` holds the notes joined by "; ". */
static void cells_fragment(wcr_itinerary *it, wcr_buffer *b, wcr_buffer *scratch,
                           const wc_person *p, const wc_country *c, const wc_verdict *v,
                           const char *extra)
{
    bool first = true, cut = false;
    cell(it, b, &first, &cut, C_PERSON, p->id);
    cell(it, b, &first, &cut, C_PERSON_NAME, p->name);
    cut = true;
    cell(it, b, &first, &cut, C_ISO2, c->iso2);
    cell(it, b, &first, &cut, C_ISO3, c->iso3);
    cell(it, b, &first, &cut, C_COUNTRY, c->name);
    cut = true;
    cell(it, b, &first, &cut, C_THROUGH, v->through ? v->through->iso2 : NULL);
    cell(it, b, &first, &cut, C_STATE_PARTY,
         v->state_party_presumed ? NULL : v->state_party ? "true" : "false");
    cell(it, b, &first, &cut, C_VERDICT, wc_verdict_word(v->kind));
    cell(it, b, &first, &cut, C_BASIS, v->basis);
    if (CHOSEN(it, C_NOTES)) {
        /* As table.c joins a list: "; " between items, after a non-empty start. */
        scratch->len = 0;
        wcr_buffer_append(scratch, "", 0);
        size_t starts[WCR_FRAGMENT_CUTS], n_starts = 0; /* of each note in scratch */
        for (size_t i = 0; i <= v->notes.count; i++) {
            const char *note = i < v->notes.count ? v->notes.items[i] : extra;
            if (note == NULL)
                continue;
            if (n_starts < WCR_FRAGMENT_CUTS)
                starts[n_starts++] = scratch->len;
            if (scratch->len > 0)
                wcr_buffer_append(scratch, "; ", 2);
            wcr_buffer_append(scratch, note, strlen(note));
        }
        if (scratch->failed) {
            b->failed = true;
            return;
        }
        cell(it, b, &first, &cut, C_NOTES, NULL); /* its separator (and pending cut) */
        size_t cell_at = b->len;
        wcr_table_put_cell(b, it->opts.format, scratch->data, scratch->len);
        cut_notes(it, b, cell_at, scratch, starts, n_starts);
    }
    wcr_buffer_append(b, "\n", 1);
}

static char *render_text(const wcr_itinerary *it, const wc_person *p, const wc_country *c,
                         const wc_verdict *v, size_t *len)
{
    size_t id = strlen(p->id);
    size_t n = strlen(c->name) + (id > (size_t)it->person_width ? id : (size_t)it->person_width) + 64;
    char *s = malloc(n);
    if (s == NULL)
        return NULL;
    /* Ids are lowercase ASCII (SPEC section 5): bytes are columns. */
    int w = snprintf(s, n, "%-*s%s%s  %s%-16s%s  %s", it->person_column ? it->person_width : 0,
                     it->person_column ? p->id : "", it->person_column ? "  " : "", c->iso2,
                     wcr_color_on(&it->opts, v->kind),
                     wc_verdict_word(v->kind), wcr_color_off(&it->opts), c->name);
    *len = (size_t)w;
    /* Down to its size: the cache holds many (see wcr_itinerary_fragment). */
    char *exact = realloc(s, *len + 1);
    return exact != NULL ? exact : s;
}

/* The verdict part of a machine format into `b` (emptied first). */
static bool build_fragment(wcr_itinerary *it, wcr_buffer *b, const wc_person *p,
                           const wc_country *c, const wc_verdict *v, const char *extra)
{
    b->len = 0;
    wcr_buffer_append(b, "", 0);
    it->n_cuts = 0;
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV)
        cells_fragment(it, b, &it->scratch, p, c, v, extra);
    else
        json_fragment(it, b, p, c, v, extra);
    return !b->failed;
}

char *wcr_itinerary_fragment(wcr_itinerary *it, const wc_person *p, const wc_country *c,
                             wc_date date, const wc_verdict *v, size_t *len)
{
    (void)date; /* the verdict part names no day of its own */
    if (it->opts.format == WCR_TEXT) {
        it->n_cuts = 0; /* short, and its own: one piece */
        return render_text(it, p, c, v, len);
    }
    /* Built in a buffer kept for the run, then copied to its exact size:
     * the cache holds many fragments, and a grown buffer's slack (up to
     * half of it) would be memory the cache's budget does not see. */
    if (!build_fragment(it, &it->fragment, p, c, v, NULL))
        return NULL;
    char *copy = malloc(it->fragment.len + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, it->fragment.data, it->fragment.len + 1);
    *len = it->fragment.len;
    return copy; /* the caller owns it */
}

const uint32_t *wcr_itinerary_cuts(const wcr_itinerary *it, size_t *n)
{
    *n = it->n_cuts;
    return it->cuts;
}

/* ----------------------------------------------------------------- rows */

/* The verdict part in its pieces, less the last `drop` bytes (the line
 * end of a CSV/TSV fragment, which the row puts after the note). Room for
 * all of it is taken once, so each piece is a bare copy. */
static inline void put_spans(wcr_stream *s, wc_date date, const wcr_span *spans, size_t n,
                             size_t drop)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += spans[i].len;
    if (total > WCR_STREAM_BUFFER) { /* larger than the buffer: piece by piece */
        for (size_t i = 0; i < n; i++) {
            size_t len = i + 1 == n ? spans[i].len - drop : spans[i].len;
            if (spans[i].data != NULL)
                wcr_stream_bytes(s, spans[i].data, len);
            else
                wcr_stream_done(s, wcr_stream_date(s, wcr_stream_room(s, 10), date));
        }
        return;
    }
    char *at = wcr_stream_room(s, total);
    for (const wcr_span *sp = spans, *end = spans + n; sp < end; sp++) {
        if (sp->data == NULL) {
            at = wcr_stream_date(s, at, date);
        } else {
            memcpy(at, sp->data, sp->len);
            at += sp->len;
        }
    }
    wcr_stream_done(s, at - drop);
}

void wcr_itinerary_begin(wcr_itinerary *it)
{
    if (it->started)
        return;
    it->started = true;
    wcr_stream_flush(&it->s);
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV)
        wcr_table_begin(&it->csv, it->s.w, &it->opts, wcr_itinerary_columns);
    else if (it->opts.format == WCR_JSON)
        wcr_putc(it->s.w, '[');
}

bool wcr_itinerary_end(wcr_itinerary *it)
{
    wcr_itinerary_begin(it);
    wcr_stream_flush(&it->s);
    if (it->opts.format == WCR_JSON)
        wcr_puts(it->s.w, it->rows > 0 ? "\n]\n" : "]\n");
    if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV)
        return wcr_table_end(&it->csv);
    return true;
}

/* The days of a leg as the text form writes them, padded to 22. */
static char *put_days(wcr_stream *s, char *at, wc_date start, wc_date end)
{
    char *from = at;
    at = wcr_stream_date(s, at, start);
    if (end != start) {
        memcpy(at, "..", 2);
        at = wcr_stream_date(s, at + 2, end);
    }
    size_t used = (size_t)(at - from);
    if (used < 22) {
        memcpy(at, "            ", 22 - used); /* 12 at most: one date */
        at += 22 - used;
    }
    return at;
}

/* ---------------------------------------------------------------- notes */

/* The leg's note in a text row, "  # note" after the country (as the text
 * form writes it); control characters (C0, DEL and, in the valid UTF-8
 * the parser lets through, C1) become '?', so no input reaches the
 * terminal raw. Nothing when the leg has none. */
static void put_text_note(wcr_stream *s, const wc_leg *leg)
{
    if (leg->note == NULL)
        return;
    wcr_stream_bytes(s, "  # ", 4);
    const unsigned char *t = (const unsigned char *)leg->note;
    size_t from = 0;
    for (size_t i = 0; i < leg->note_len; i++) {
        bool c1 = t[i] == 0xc2 && i + 1 < leg->note_len && t[i + 1] >= 0x80 && t[i + 1] <= 0x9f;
        if ((t[i] >= 0x20 && t[i] != 0x7f) && !c1)
            continue;
        wcr_stream_bytes(s, leg->note + from, i - from);
        wcr_stream_bytes(s, t[i] == '\t' ? " " : "?", 1);
        if (c1)
            i++; /* both bytes of a C1 control */
        from = i + 1;
    }
    wcr_stream_bytes(s, leg->note + from, leg->note_len - from);
}

/* The leg's note as the last CSV/TSV cell, after its separator (`sep`:
 * none when --fields leaves it the first): quoted in CSV as table.c quotes
 * (only when it must); in TSV, which has no quoting, tabs and line breaks
 * become spaces. Empty when there is none. */
static void put_note_cell(wcr_stream *s, wcr_format format, const wc_leg *leg, bool sep)
{
    if (sep)
        wcr_stream_bytes(s, format == WCR_TSV ? "\t" : ",", 1);
    if (leg->note == NULL || leg->note_len == 0)
        return;
    const char *t = leg->note;
    size_t n = leg->note_len;
    bool quote = false;
    for (size_t i = 0; i < n && format == WCR_CSV; i++)
        quote = quote || t[i] == ',' || t[i] == '"' || t[i] == '\r' || t[i] == '\n';
    quote = quote || (n > 0 && format == WCR_CSV && (t[0] == ' ' || t[n - 1] == ' '));
    if (quote)
        wcr_stream_bytes(s, "\"", 1);
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        bool tsv_space = format == WCR_TSV && (t[i] == '\t' || t[i] == '\n' || t[i] == '\r');
        if (tsv_space || (quote && t[i] == '"')) {
            wcr_stream_bytes(s, t + from, i - from);
            wcr_stream_bytes(s, tsv_space ? " " : "\"\"", tsv_space ? 1 : 2);
            from = i + 1;
        }
    }
    wcr_stream_bytes(s, t + from, n - from);
    if (quote)
        wcr_stream_bytes(s, "\"", 1);
}

/* ----------------------------------------------------------- row fields */

/* The text row's fields before the verdict part. */
static size_t text_prefix(wcr_stream *s, char *buf, unsigned long line, const wc_leg *leg)
{
    char *at = wcr_stream_line_number(s, buf, line, 6);
    memcpy(at, "  ", 2);
    at = put_days(s, at + 2, leg->start, leg->end);
    memcpy(at, "  ", 2);
    return (size_t)(at + 2 - buf);
}

/* A date cell at `at`, after `sep` unless it is the row's first (at the
 * row's start, `from`); returns the end. */
static inline char *date_cell(wcr_stream *s, char *at, const char *from, char sep, wc_date d)
{
    if (at > from)
        *at++ = sep;
    return wcr_stream_date(s, at, d);
}

/* --fields: a CSV/TSV row of the chosen cells. */
static void chosen_cells_row(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                             wc_date date, const wcr_span *spans, size_t n)
{
    wcr_stream *s = &it->s;
    /* In locals: a store through `at` may alias any field of `it`. */
    const uint32_t fields = it->fields;
    const bool verdict_part = it->verdict_part;
    char sep = it->opts.format == WCR_CSV ? ',' : '\t';
    char *at = wcr_stream_room(s, 128), *from = at;
    if (fields & BIT(C_LINE))
        at = wcr_stream_line_number(s, at, line, 0);
    if (fields & BIT(C_DATE))
        at = date_cell(s, at, from, sep, date);
    if (fields & BIT(C_START))
        at = date_cell(s, at, from, sep, leg->start);
    if (fields & BIT(C_END))
        at = date_cell(s, at, from, sep, leg->end);
    bool lead = at > from;
    if (lead && verdict_part)
        *at++ = sep;
    wcr_stream_done(s, at);
    /* The fragment ends its line: the note goes before that end. */
    if (!(fields & BIT(C_NOTE))) { /* the usual slim row */
        put_spans(s, date, spans, n, 0);
        return;
    }
    put_spans(s, date, spans, n, 1);
    if (fields & BIT(C_NOTE))
        put_note_cell(s, it->opts.format, leg, lead || verdict_part);
    wcr_stream_bytes(s, "\n", 1);
}

/* --fields: a JSON row of the chosen members; "[" and "," of a JSON
 * array are the caller's. */
static void chosen_json_row(wcr_itinerary *it, char *at, unsigned long line, const wc_leg *leg,
                            wc_date date, const wcr_span *spans, size_t n)
{
    wcr_stream *s = &it->s;
    /* In locals: a store through `at` may alias any field of `it`. */
    const uint32_t fields = it->fields;
    const bool verdict_part = it->verdict_part;
    *at++ = '{';
    bool first = true;
    if (fields & BIT(J_LINE)) {
        memcpy(at, "\"line\":", 7);
        at = wcr_stream_line_number(s, at + 7, line, 0);
        first = false;
    }
    /* ,"date":"  ,"start":"  ,"end":"  (the comma left out when first;
     * ten bytes copied whatever the length, a move and not a call) */
    static const struct {
        char text[11];
        unsigned char len;
    } keys[] = {[J_DATE] = {",\"date\":\"", 9}, [J_START] = {",\"start\":\"", 10},
                [J_END] = {",\"end\":\"", 8}};
    const wc_date dates[] = {[J_DATE] = date, [J_START] = leg->start, [J_END] = leg->end};
    for (unsigned f = J_DATE; f <= J_END; f++)
        if (fields & BIT(f)) {
            memcpy(at, keys[f].text + first, 10);
            at = wcr_stream_date(s, at + keys[f].len - first, dates[f]);
            *at++ = '"';
            first = false;
        }
    if (!(fields & (BIT(J_INPUT) | BIT(J_NOTE)))) { /* the usual slim row */
        if (!first && verdict_part)
            *at++ = ',';
        wcr_stream_done(s, at);
        put_spans(s, date, spans, n, 0);
        if (it->opts.format == WCR_JSONL)
            wcr_stream_bytes(s, "\n", 1);
        return;
    }
    wcr_stream_done(s, at);
    if (CHOSEN(it, J_INPUT)) {
        wcr_stream_bytes(s, first ? "\"input\":" : ",\"input\":", first ? 8 : 9);
        wcr_stream_json_string(s, leg->input, leg->input_len);
        first = false;
    }
    if (CHOSEN(it, J_NOTE)) {
        wcr_stream_bytes(s, first ? "\"note\":" : ",\"note\":", first ? 7 : 8);
        if (leg->note != NULL)
            wcr_stream_json_string(s, leg->note, leg->note_len);
        else
            wcr_stream_bytes(s, "null", 4);
        first = false;
    }
    if (!first && verdict_part)
        wcr_stream_bytes(s, ",", 1);
    put_spans(s, date, spans, n, 0);
    if (it->opts.format == WCR_JSONL)
        wcr_stream_bytes(s, "\n", 1);
}

void wcr_itinerary_row(wcr_itinerary *it, unsigned long line, const wc_leg *leg, wc_date date,
                       const char *fragment, size_t fragment_len)
{
    wcr_span whole = {fragment, fragment_len};
    wcr_itinerary_row_spans(it, line, leg, date, &whole, 1);
}

void wcr_itinerary_row_spans(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                             wc_date date, const wcr_span *spans, size_t n)
{
    wcr_stream *s = &it->s;
    char *at = wcr_stream_room(s, 128);
    if (it->opts.fields != NULL && it->opts.format != WCR_TEXT) {
        if (it->opts.format == WCR_CSV || it->opts.format == WCR_TSV) {
            wcr_stream_done(s, at);
            chosen_cells_row(it, line, leg, date, spans, n);
        } else {
            if (it->opts.format == WCR_JSON) {
                if (it->rows > 0)
                    *at++ = ',';
                *at++ = '\n';
            }
            chosen_json_row(it, at, line, leg, date, spans, n);
        }
        it->rows++;
        return;
    }
    switch (it->opts.format) {
    case WCR_TEXT:
        wcr_stream_done(s, at + text_prefix(s, at, line, leg));
        put_spans(s, date, spans, n, 0);
        put_text_note(s, leg);
        wcr_stream_bytes(s, "\n", 1);
        break;
    case WCR_CSV:
    case WCR_TSV: {
        char sep = it->opts.format == WCR_CSV ? ',' : '\t';
        at = wcr_stream_line_number(s, at, line, 0);
        *at++ = sep;
        at = wcr_stream_date(s, at, date);
        *at++ = sep;
        at = wcr_stream_date(s, at, leg->start);
        *at++ = sep;
        at = wcr_stream_date(s, at, leg->end);
        *at++ = sep;
        wcr_stream_done(s, at);
        /* The fragment ends its line: the note goes before that end. */
        put_spans(s, date, spans, n, 1);
        put_note_cell(s, it->opts.format, leg, true);
        wcr_stream_bytes(s, "\n", 1);
        break;
    }
    case WCR_JSON:
    case WCR_JSONL:
        if (it->opts.format == WCR_JSON) {
            if (it->rows > 0)
                *at++ = ',';
            *at++ = '\n';
        }
        memcpy(at, "{\"line\":", 8);
        at = wcr_stream_line_number(s, at + 8, line, 0);
        memcpy(at, ",\"date\":\"", 9);
        at = wcr_stream_date(s, at + 9, date);
        memcpy(at, "\",\"start\":\"", 11);
        at = wcr_stream_date(s, at + 11, leg->start);
        memcpy(at, "\",\"end\":\"", 9);
        at = wcr_stream_date(s, at + 9, leg->end);
        memcpy(at, "\",\"input\":", 10);
        wcr_stream_done(s, at + 10);
        wcr_stream_json_string(s, leg->input, leg->input_len);
        if (leg->note != NULL) {
            wcr_stream_bytes(s, ",\"note\":", 8);
            wcr_stream_json_string(s, leg->note, leg->note_len);
            wcr_stream_bytes(s, ",", 1);
        } else {
            wcr_stream_bytes(s, ",\"note\":null,", 13);
        }
        put_spans(s, date, spans, n, 0);
        if (it->opts.format == WCR_JSONL)
            wcr_stream_bytes(s, "\n", 1);
        break;
    case WCR_SVG: /* not an itinerary format */
        break;
    }
    it->rows++;
}

void wcr_itinerary_changing_text(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                                 wc_date date, const wcr_span *spans, size_t n,
                                 const char *change)
{
    wcr_stream *s = &it->s;
    char *at = wcr_stream_room(s, 64);
    wcr_stream_done(s, at + text_prefix(s, at, line, leg));
    put_spans(s, date, spans, n, 0);
    wcr_stream_bytes(s, "  (", 3);
    wcr_stream_bytes(s, change, strlen(change));
    wcr_stream_bytes(s, ")", 1);
    put_text_note(s, leg);
    wcr_stream_bytes(s, "\n", 1);
    it->rows++;
}

bool wcr_itinerary_changing_row(wcr_itinerary *it, unsigned long line, const wc_leg *leg,
                                const wc_person *p, const wc_country *c, wc_date date,
                                const wc_verdict *v, const char *change)
{
    /* The row as any other, its fragment with the change as its last note. */
    if (!build_fragment(it, &it->changing, p, c, v, change))
        return false;
    wcr_itinerary_row(it, line, leg, date, it->changing.data, it->changing.len);
    return true;
}
