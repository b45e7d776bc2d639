/*
 * warrantcheck — the render library: the output contract of SPEC section 5.
 *
 * Turns the core's answers into text for people and into the rows scripts
 * read (JSON, JSON lines, CSV, TSV), and draws the SVG map. It knows nothing
 * of a command line: a caller says which format in a wcr_opts and where the
 * bytes go in a wcr_writer (a FILE *, a growing memory buffer, or its own
 * functions, in the manner of libucl's ucl_emitter_functions).
 *
 * Every public symbol starts with wcr_ or WCR_; the core's are wc_.
 * Link warrantcheck_render and warrantcheck_core.
 */
#ifndef WARRANTCHECK_RENDER_H
#define WARRANTCHECK_RENDER_H

#include <warrantcheck/warrantcheck.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ----------------------------------------------------------------- writer */

/* Where output goes. Each function returns false if the bytes could not be
 * taken (memory ran out); a FILE back end leaves write errors for ferror().
 * append_vprintf may be NULL: wcr_printf() then formats into memory and
 * calls append_len. */
typedef struct wcr_writer {
    bool (*append_len)(const char *s, size_t len, void *ud);
    bool (*append_char)(char c, size_t count, void *ud); /* `count` copies of c */
    bool (*append_int)(long long v, void *ud);           /* in decimal */
    void *ud;
    bool (*append_vprintf)(void *ud, const char *fmt, va_list ap);
} wcr_writer;

/* A writer to `f`, which the caller keeps open and closes. */
wcr_writer wcr_writer_file(FILE *f);

/* A growing NUL-terminated buffer: `data` is malloc'd (or NULL while
 * empty) and the caller frees it with wcr_buffer_free(). `failed` is set
 * when memory ran out, and the buffer then keeps what it had. */
typedef struct wcr_buffer {
    char *data;
    size_t len, cap;
    bool failed;
} wcr_buffer;

/* A writer that appends to `b` (zeroed, or holding earlier output). */
wcr_writer wcr_writer_buffer(wcr_buffer *b);

/* Frees the buffer's bytes and zeroes it. */
void wcr_buffer_free(wcr_buffer *b);

/* Writes `len` bytes, a NUL-terminated string, one character, a number,
 * or printf-formatted text. Each returns false if memory ran out. */
bool wcr_write(const wcr_writer *w, const char *s, size_t len);
bool wcr_puts(const wcr_writer *w, const char *s);
bool wcr_putc(const wcr_writer *w, char c);
bool wcr_put_int(const wcr_writer *w, long long v);
bool wcr_printf(const wcr_writer *w, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---------------------------------------------------------------- options */

typedef enum wcr_format {
    WCR_TEXT,
    WCR_JSON,  /* one document: an object, or an array of rows */
    WCR_JSONL, /* one object a line */
    WCR_CSV,   /* RFC 4180, LF line ends */
    WCR_TSV,   /* tabs; tabs and line breaks inside a cell become spaces */
    WCR_SVG    /* the map only */
} wcr_format;

/* How to render: the format, whether CSV/TSV start with a header row, and
 * whether text colours verdict words (ANSI escapes). For text on a
 * terminal, `width` is the number of display columns to wrap to (0: do not
 * wrap) and `rows` the lines one screen holds (0: no limit), which `can`
 * keeps its answer within; `sources` lists every source in full, with its
 * address, instead of compactly. */
typedef struct wcr_opts {
    wcr_format format;
    bool header;
    bool color;
    /* The dataset the answer comes from: every JSON document and JSON line
     * then carries "dataset": {"version", "as_of"} (SPEC section 5). NULL:
     * no such member. */
    const wc_dataset *dataset;
    bool sources;
    unsigned width, rows;
    /* --fields: the names of the fields a machine row keeps (CSV/TSV
     * columns, or top-level JSON keys), NULL-terminated; a row writes
     * those of its fields, in its own order, and leaves out the others.
     * NULL: every field. The caller checks the names against the row's. */
    const char *const *fields;
} wcr_opts;

/* True if a row written with `o` keeps the field `name`: always without
 * o->fields. */
bool wcr_field_chosen(const wcr_opts *o, const char *name);

/* ------------------------------------------------------------ text output */

/* Writes a verdict for people: the answer in a sentence, then the verdict
 * word, basis, warrant, notes and sources (the text of `can`). */
bool wcr_verdict_text(const wcr_writer *w, const wcr_opts *o, wc_date date, const wc_person *p,
                      const wc_country *c, const wc_verdict *v);

/* Writes, without a full stop, why no country is asked to arrest `p` on
 * `date` when `v` is no-warrant or in-custody: in the Court's custody
 * since a day, convicted, dead, the warrant withdrawn or not yet issued. */
bool wcr_reason_text(const wcr_writer *w, wc_date date, const wc_person *p, const wc_verdict *v);

/* Writes the line that heads `where`'s list: in how many countries (and,
 * unless `every` country is listed, territories of theirs) `p` can be
 * arrested on `date`. When there are none, `why` (a verdict of `p` that
 * date, or NULL) says whether that is because of the person's state: in
 * the Court's custody, dead, convicted, no warrant yet (wcr_reason_text). */
bool wcr_where_text_head(const wcr_writer *w, const wc_person *p, wc_date date, size_t countries,
                         size_t territories, bool every, const wc_verdict *why);

/* Writes the line that heads `where --verdict LIST`'s list: first the
 * answer of `where` (as wcr_where_text_head: in how many countries `p` can
 * be arrested, or why in none, from `why`), then how many countries (with
 * `every`: and territories) have one of the verdicts named in `verdicts`
 * ("not-obliged"; `several` when it names more than one). Wrapped to
 * o->width. */
bool wcr_where_text_filtered_head(const wcr_writer *w, const wcr_opts *o, const wc_person *p,
                                  wc_date date, size_t countries, const wc_verdict *why,
                                  size_t matched, bool every, const char *verdicts,
                                  bool several);

/* Writes one line of `where`'s list: codes, verdict word, name. */
bool wcr_where_text_row(const wcr_writer *w, const wcr_opts *o, const wc_country *c,
                        const wc_verdict *v);

/* Writes one line of `trips`: the days, the host, the verdict of the day of
 * arrival (`v`), the city and the outcome. */
bool wcr_trip_text_row(const wcr_writer *w, const wcr_opts *o, const wc_trip *trip,
                       const wc_verdict *v);

/* A warrant in force on a date, and a country's duty under it (the
 * verdict of wc_verdict_for_warrant()). */
typedef struct wcr_duty {
    const wc_warrant *warrant;
    wc_verdict_kind kind;
} wcr_duty;

/* What `country` answers about one country on one date: its standing, the
 * withdrawal in effect or pending (or NULL), its notes and sources, and its
 * duty under each warrant in force (`duties`, in the dataset's order). The
 * caller owns every part. */
typedef struct wcr_country_answer {
    const wc_country *country;
    wc_date date;
    wc_membership membership;
    const wc_withdrawal *withdrawal;
    const wc_notes *notes;
    const wc_source_list *const *sources;
    size_t n_sources;
    const wcr_duty *duties;
    size_t n_duties;
} wcr_country_answer;

/* Writes the text of `country`: the standing in a sentence, the treaty's
 * dates, whom the country must arrest, then the notes and sources. */
bool wcr_country_text(const wcr_writer *w, const wcr_opts *o, const wcr_country_answer *a);

/* Writes the text of `person`: the names and, for each of the person's
 * warrants in `ds`, its case, dates, status on `date`, charges and history;
 * then the sources. */
bool wcr_person_text(const wcr_writer *w, const wcr_opts *o, const wc_dataset *ds, wc_date date,
                     const wc_person *p);

/* Writes one line of `persons`: id, name and status padded to the widths
 * given (display columns: the widest id and name), then the situation.
 * NULL status or situation prints "-". */
bool wcr_persons_text_row(const wcr_writer *w, const wcr_opts *o, const wc_person *p,
                          const char *status, const char *situation, size_t id_width,
                          size_t name_width);

/* Writes the text of `data info` about `ds` on `date`; `name` names the
 * data file as the caller wants it shown (escaped). */
bool wcr_data_info_text(const wcr_writer *w, const wcr_opts *o, const wc_dataset *ds,
                        const char *name, wc_date date);

/* Writes `text` as one paragraph after `prefix`, wrapped at o->width
 * display columns, each further line indented by `indent` spaces; runs of
 * spaces become one. ANSI colour escapes take no columns; a word wider than
 * the line is broken between characters. With o->width 0, or a width that
 * leaves 8 columns or fewer after the indent, the text is written as it is,
 * on one line. Adds the number of lines written to *lines (if not NULL).
 * Returns false if memory ran out. */
bool wcr_wrap_text(const wcr_writer *w, const wcr_opts *o, const char *prefix, unsigned indent,
                   const char *text, size_t *lines);

/* Writes one row of a table: `lead` (its first columns, padded), then its
 * last column, `last`. When the row is wider than o->width, the last column
 * wraps under itself (between words); when it would have fewer than 16
 * columns there, the row's first columns take a line and the last column
 * the lines below, indented by 4. Unwrapped for o->width 0. */
bool wcr_wrap_row(const wcr_writer *w, const wcr_opts *o, const char *lead, const char *last);

/* A writer that wraps each line written through it at o->width display
 * columns, its further lines indented by the line's own leading spaces and
 * `indent` more (runs of spaces inside a wrapped line become one). A line is
 * held until its '\n'. With o->width 0 every byte passes straight to `to`.
 * `ww`, `to` and `o` must outlive the writer; wcr_wrapping_end() writes a
 * last line that has no '\n', frees what `ww` holds and returns false if any
 * write failed. */
typedef struct wcr_wrapping {
    const wcr_writer *to;
    const wcr_opts *opts;
    unsigned indent;
    wcr_buffer line;
    bool failed;
} wcr_wrapping;

wcr_writer wcr_writer_wrapping(wcr_wrapping *ww, const wcr_writer *to, const wcr_opts *o,
                               unsigned indent);
bool wcr_wrapping_end(wcr_wrapping *ww);

/* The display columns of the UTF-8 string `s` (utf8proc's character
 * widths; ANSI escapes count none, invalid bytes one each). */
size_t wcr_display_width(const char *s);

/* Writes `s`, then spaces up to `width` display columns. */
bool wcr_pad(const wcr_writer *w, const char *s, size_t width);

/* One source in short: "Publisher, short title, DATE", the title cut at a
 * parenthesis or after a few words. Malloc'd; NULL if memory ran out. */
char *wcr_citation_short(const wc_source *s);

/* Writes "\nNotes:\n  - ...\n" for each note (nothing if there is none),
 * each wrapped at o->width with a hanging indent. */
bool wcr_notes_text(const wcr_writer *w, const wcr_opts *o, const wc_notes *notes);

/* Writes "\nSources:\n  - ...\n" with each source once, however many of the
 * `n` lists cite it (nothing if there is none), each wrapped at o->width. */
bool wcr_sources_text(const wcr_writer *w, const wcr_opts *o, const wc_source_list *const *lists,
                      size_t n);

/* One source as a citation: "Title. Publisher, DATE. URL". Returns a
 * malloc'd string the caller frees, or NULL if memory ran out. */
char *wcr_citation(const wc_source *s);

/* True if lists[l]->items[i] was already cited earlier in `lists`, so that
 * a source cited twice is listed once. */
bool wcr_source_seen(const wc_source_list *const *lists, size_t l, size_t i);

/* The ANSI colour that starts and ends a verdict word: "" unless o->color. */
const char *wcr_color_on(const wcr_opts *o, wc_verdict_kind kind);
const char *wcr_color_off(const wcr_opts *o);

/* ------------------------------------------------------------------ rows */

/* The CSV/TSV columns of a verdict row (`can`, `where`), NULL-terminated:
 * date,person,person_name,iso2,iso3,country,through,state_party,verdict,
 * basis,notes. */
extern const char *const wcr_verdict_columns[];

/* The CSV/TSV columns of a trip row (`trips`): date,start,end,person,
 * person_name,iso2,iso3,country,state_party,verdict,basis,notes,city,
 * occasion,outcome. */
extern const char *const wcr_trip_columns[];

/* The top-level JSON keys of those rows, in their order, NULL-terminated:
 * a verdict row's date,person,country,state_party,through,verdict,basis,
 * warrant,notes,sources (only with --sources),source_ids,dataset; a trip
 * row's the same with start,end,city,occasion,outcome before dataset. The
 * names --fields takes for json and jsonl. */
extern const char *const wcr_verdict_keys[];
extern const char *const wcr_trip_keys[];

struct cJSON;

/* A table of rows in a machine format (JSON array, JSON lines, CSV, TSV).
 * The writer must outlive it; with a NULL writer it only counts rows. Open
 * it with wcr_table_begin(), close it with wcr_table_end(). */
typedef struct wcr_table {
    const wcr_writer *w;
    wcr_opts opts;
    const char *const *columns; /* NULL-terminated, for CSV and TSV */
    const char **chosen;        /* with opts.fields: those of `columns` kept (malloc'd) */
    struct cJSON *array;        /* WCR_JSON collects rows here */
    wcr_buffer line, cell;      /* CSV/TSV: reused for every row */
    size_t rows;
    bool failed;
} wcr_table;

/* Starts a table; writes the CSV/TSV header row if o->header. */
void wcr_table_begin(wcr_table *t, const wcr_writer *w, const wcr_opts *o,
                     const char *const *columns);

/* Adds the verdict row of SPEC section 5 for `p` in `c` on `date`. */
void wcr_table_verdict(wcr_table *t, wc_date date, const wc_person *p, const wc_country *c,
                       const wc_verdict *v);

/* Ends the table (writes the JSON array) and frees what it holds; a second
 * call writes and frees nothing. Returns false if memory ran out at any
 * point of the table. */
bool wcr_table_end(wcr_table *t);

#ifdef __cplusplus
}
#endif

#endif
