/* `itinerary FILE|-`: check an itinerary leg by leg. Reads one physical
 * line at a time and writes each row as soon as it is known, so any size of
 * input streams in the same memory. The core parses each line and gives
 * each verdict; here are the file, the caches, the output and the exit
 * status. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "itinerary_cache.h"
#include "json_out.h"
#include "line_reader.h"
#include "table.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The rows of SPEC section 5, flattened; the verdict part is rendered once
 * per (person, country, run of days) and the row's own fields put before it. */
static const char *const ITINERARY_COLUMNS[] = {
    "line", "date",        "start",   "end",     "person", "person_name", "iso2",
    "iso3", "country",     "state_party", "verdict", "basis", "notes", NULL};
static const char *const VERDICT_PART_COLUMNS[] = {
    "person",      "person_name", "iso2",  "iso3", "country",
    "state_party", "verdict",     "basis", "notes", NULL};

typedef struct run {
    cli *c;
    const char *file;          /* for messages */
    const wc_person *person;   /* --person, or NULL */
    bool person_column_shown;  /* text: a column for the person */
    wc_itinerary_parser *parser;
    verdict_cache *verdicts;
    name_cache *countries;
    name_cache *persons;
    char *name;                /* NUL-terminated copy of a name for lookup */
    table csv;                 /* CSV/TSV: the header and the rows built whole */
    bool started;              /* the header or "[" is out */
    size_t rows;
    bool any_arrest;
    bool any_bad_line;
    bool warned_as_of;
    /* The decimal text of the last line number written, counted up in
     * place: lines come in order, so the next is usually one more. */
    unsigned long line_number;
    char line_text[24];
    int line_len;
    char *buf; /* rows on their way to stdout, OUT_BUFFER bytes */
    size_t buf_len;
    /* The text of recent dates, by date modulo the size: formatting a
     * date costs more than a row's other fields together. */
    struct {
        wc_date date;
        char text[WC_DATE_BUFSIZE];
    } dates[4096];
} run;

/* "warrantcheck: FILE:LINE:COL: error: ..." */
static void line_error(const run *r, unsigned long line, size_t column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void line_error(const run *r, unsigned long line, size_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(DIAG_INPUT, r->file, line, column, fmt, ap);
    va_end(ap);
}

/* Writes "FILE:LINE:COL" of a name in the input, for its error. */
static const char *name_location(const run *r, unsigned long line, size_t column, char *buf,
                                 size_t size)
{
    snprintf(buf, size, "%s:%lu:%zu", r->file, line, column);
    return buf;
}

static const char *copy_name(run *r, const char *text, size_t len)
{
    memcpy(r->name, text, len);
    r->name[len] = '\0';
    return r->name;
}

static const wc_country *resolve_country(run *r, unsigned long line, const wc_leg *leg)
{
    const wc_country *hit = name_cache_get(r->countries, leg->country, leg->country_len);
    if (hit != NULL)
        return hit;
    char where[4160]; /* a path of PATH_MAX and its line and column */
    const wc_country *found =
        cli_country_at(r->c, copy_name(r, leg->country, leg->country_len),
                       name_location(r, line, leg->country_column, where, sizeof where));
    if (found != NULL)
        name_cache_put(r->countries, leg->country, leg->country_len, found);
    return found;
}

static const wc_person *resolve_person(run *r, unsigned long line, const wc_leg *leg)
{
    const wc_person *hit = name_cache_get(r->persons, leg->person, leg->person_len);
    if (hit != NULL)
        return hit;
    char where[4160]; /* a path of PATH_MAX and its line and column */
    const wc_person *found =
        cli_person_at(r->c, copy_name(r, leg->person, leg->person_len),
                      name_location(r, line, leg->person_column, where, sizeof where));
    if (found != NULL)
        name_cache_put(r->persons, leg->person, leg->person_len, found);
    return found;
}

/* ------------------------------------------------------------ rendering */

/* The verdict part of a row as JSON members, without the braces' "{":
 * json_verdict_row less its "date", which each row gives for itself. */
static cJSON *verdict_members(const wc_person *p, const wc_country *c, wc_date date,
                              const wc_verdict *v)
{
    cJSON *row = json_verdict_row(date, p, c, v);
    if (row != NULL)
        cJSON_DeleteItemFromObjectCaseSensitive(row, "date");
    return row;
}

static char *render_text(const run *r, const wc_person *p, const wc_country *c,
                         const wc_verdict *v, size_t *len)
{
    const cli *cl = r->c;
    size_t n = strlen(c->name) + strlen(p->id) + 64;
    char *s = malloc(n);
    if (s == NULL)
        return NULL;
    int w = snprintf(s, n, "%s%s%s  %s%-16s%s  %s", r->person_column_shown ? p->id : "",
                     r->person_column_shown ? "  " : "", c->iso2, cli_color_on(cl, v->kind),
                     wc_verdict_word(v->kind), cli_color_off(cl), c->name);
    *len = (size_t)w;
    return s;
}

/* The CSV/TSV cells of the verdict part, as table.c writes them, with the
 * line end. */
static char *render_cells(const run *r, cJSON *members, size_t *len)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    if (mem == NULL) {
        cJSON_Delete(members);
        return NULL;
    }
    cli copy = *r->c;
    copy.out = mem;
    copy.header = false;
    table t;
    table_begin(&t, &copy, VERDICT_PART_COLUMNS);
    table_row(&t, members);
    bool ok = table_end(&t);
    if (fclose(mem) != 0 || !ok) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

/* The render_fn of the verdict cache, for the run's output format. */
static char *render_verdict(void *ctx, const wc_person *p, const wc_country *c, wc_date date,
                            const wc_verdict *v, size_t *len)
{
    run *r = ctx;
    if (r->c->quiet) {
        *len = 0;
        return calloc(1, 1);
    }
    if (r->c->format == FORMAT_TEXT)
        return render_text(r, p, c, v, len);
    cJSON *members = verdict_members(p, c, date, v);
    if (members == NULL)
        return NULL;
    if (r->c->format == FORMAT_CSV || r->c->format == FORMAT_TSV)
        return render_cells(r, members, len);
    char *text = cJSON_PrintUnformatted(members);
    cJSON_Delete(members);
    if (text == NULL)
        return NULL;
    /* Keep everything after the "{": the row's own fields come first. */
    *len = strlen(text) - 1;
    memmove(text, text + 1, *len + 1);
    return text;
}

/* ---------------------------------------------------------------- output */

/* Rows are assembled in the run's own buffer and handed to stdio in large
 * blocks: a million short rows would otherwise cost a million calls. */
#define OUT_BUFFER ((size_t)1 << 16)

static void out_flush(run *r)
{
    if (r->buf_len > 0)
        fwrite(r->buf, 1, r->buf_len, r->c->out);
    r->buf_len = 0;
}

static void out_bytes(run *r, const void *data, size_t n)
{
    if (n > OUT_BUFFER - r->buf_len) {
        out_flush(r);
        if (n > OUT_BUFFER) {
            fwrite(data, 1, n, r->c->out);
            return;
        }
    }
    memcpy(r->buf + r->buf_len, data, n);
    r->buf_len += n;
}

/* Returns room for `n` (at most 256) bytes at the end of the buffer; the
 * caller then sets r->buf_len past what it wrote. */
static char *out_room(run *r, size_t n)
{
    if (OUT_BUFFER - r->buf_len < n)
        out_flush(r);
    return r->buf + r->buf_len;
}

static void out_done(run *r, const char *end)
{
    r->buf_len = (size_t)(end - r->buf);
}

/* Writes a JSON string as cJSON does: the escapes of RFC 8259, other
 * control characters as \u00XX, everything else as it is. */
static void put_json_string(run *r, const char *s, size_t len)
{
    out_bytes(r, "\"", 1);
    size_t plain = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        out_bytes(r, s + plain, i - plain);
        plain = i + 1;
        char esc[8];
        switch (ch) {
        case '"': out_bytes(r, "\\\"", 2); break;
        case '\\': out_bytes(r, "\\\\", 2); break;
        case '\b': out_bytes(r, "\\b", 2); break;
        case '\f': out_bytes(r, "\\f", 2); break;
        case '\n': out_bytes(r, "\\n", 2); break;
        case '\r': out_bytes(r, "\\r", 2); break;
        case '\t': out_bytes(r, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", ch);
            out_bytes(r, esc, 6);
            break;
        }
    }
    out_bytes(r, s + plain, len - plain);
    out_bytes(r, "\"", 1);
}

/* Puts what goes before the first row: the CSV/TSV header, or "[". */
static void start_output(run *r)
{
    if (r->started || r->c->quiet)
        return;
    r->started = true;
    out_flush(r);
    if (r->c->format == FORMAT_CSV || r->c->format == FORMAT_TSV)
        table_begin(&r->csv, r->c, ITINERARY_COLUMNS);
    else if (r->c->format == FORMAT_JSON)
        fputc('[', r->c->out);
}

static bool end_output(run *r)
{
    start_output(r);
    out_flush(r);
    if (r->c->quiet)
        return true;
    if (r->c->format == FORMAT_JSON)
        fputs(r->rows > 0 ? "\n]\n" : "]\n", r->c->out);
    if (r->c->format == FORMAT_CSV || r->c->format == FORMAT_TSV)
        return table_end(&r->csv);
    return true;
}

/* Copies the ten characters of a date into `at`; returns the end. */
static char *put_date(run *r, char *at, wc_date date)
{
    size_t slot = (size_t)((uint32_t)date % (sizeof r->dates / sizeof r->dates[0]));
    if (r->dates[slot].date != date || r->dates[slot].text[0] == '\0') {
        r->dates[slot].date = date;
        wc_date_format(date, r->dates[slot].text);
    }
    memcpy(at, r->dates[slot].text, 10);
    return at + 10;
}

/* Writes `n` in decimal at `at`, right-aligned in `width` (at most 20);
 * returns the end. Two digits at a time, from the right. */
static char *put_number(char *at, unsigned long n, int width)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    int digits = 1;
    for (unsigned long v = n; v >= 10; v /= 10)
        digits++;
    int pad = width > digits ? width - digits : 0;
    memcpy(at, "                    ", (size_t)pad);
    char *end = at + pad + digits, *p = end;
    while (n >= 100) {
        unsigned long two = n % 100;
        n /= 100;
        p -= 2;
        memcpy(p, pairs + 2 * two, 2);
    }
    if (n >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * n, 2);
    } else {
        *--p = (char)('0' + n);
    }
    return end;
}

/* Writes the line number, right-aligned in `width`: by counting up the
 * text of the last one where it is the next, else in full. */
static char *put_line_number(run *r, char *at, unsigned long n, int width)
{
    if (r->line_len > 0 && n == r->line_number + 1) {
        int i = r->line_len - 1;
        while (i >= 0 && r->line_text[i] == '9')
            r->line_text[i--] = '0';
        if (i >= 0) {
            r->line_text[i]++;
        } else { /* 999 -> 1000 */
            memmove(r->line_text + 1, r->line_text, (size_t)r->line_len);
            r->line_text[0] = '1';
            r->line_len++;
        }
    } else {
        r->line_len = (int)(put_number(r->line_text, n, 0) - r->line_text);
    }
    r->line_number = n;
    for (int i = r->line_len; i < width; i++)
        *at++ = ' ';
    memcpy(at, r->line_text, (size_t)r->line_len);
    return at + r->line_len;
}

/* The days of a leg as the text form writes them, padded to 22. */
static char *put_days(run *r, char *at, wc_date start, wc_date end)
{
    char *from = at;
    at = put_date(r, at, start);
    if (end != start) {
        memcpy(at, "..", 2);
        at = put_date(r, at + 2, end);
    }
    size_t used = (size_t)(at - from);
    if (used < 22) {
        memcpy(at, "            ", 22 - used); /* 12 at most: one date */
        at += 22 - used;
    }
    return at;
}

/* The text row's fields before the verdict part. */
static size_t text_prefix(run *r, char *buf, unsigned long line, const wc_leg *leg)
{
    char *at = put_line_number(r, buf, line, 6);
    memcpy(at, "  ", 2);
    at = put_days(r, at + 2, leg->start, leg->end);
    memcpy(at, "  ", 2);
    return (size_t)(at + 2 - buf);
}

/* Writes a row whose verdict part is the cached fragment: the common case,
 * with no JSON tree and no allocation. */
static void put_row(run *r, unsigned long line, const wc_leg *leg, wc_date date,
                    const verdict_entry *e)
{
    char *at = out_room(r, 128);
    switch (r->c->format) {
    case FORMAT_TEXT:
        out_done(r, at + text_prefix(r, at, line, leg));
        out_bytes(r, e->fragment, e->fragment_len);
        out_bytes(r, "\n", 1);
        break;
    case FORMAT_CSV:
    case FORMAT_TSV: {
        char sep = r->c->format == FORMAT_CSV ? ',' : '\t';
        at = put_line_number(r, at, line, 0);
        *at++ = sep;
        at = put_date(r, at, date);
        *at++ = sep;
        at = put_date(r, at, leg->start);
        *at++ = sep;
        at = put_date(r, at, leg->end);
        *at++ = sep;
        out_done(r, at);
        out_bytes(r, e->fragment, e->fragment_len);
        break;
    }
    case FORMAT_JSON:
    case FORMAT_JSONL:
        if (r->c->format == FORMAT_JSON) {
            if (r->rows > 0)
                *at++ = ',';
            *at++ = '\n';
        }
        memcpy(at, "{\"line\":", 8);
        at = put_line_number(r, at + 8, line, 0);
        memcpy(at, ",\"date\":\"", 9);
        at = put_date(r, at + 9, date);
        memcpy(at, "\",\"start\":\"", 11);
        at = put_date(r, at + 11, leg->start);
        memcpy(at, "\",\"end\":\"", 9);
        at = put_date(r, at + 9, leg->end);
        memcpy(at, "\",\"input\":", 10);
        out_done(r, at + 10);
        put_json_string(r, leg->input, leg->input_len);
        out_bytes(r, ",", 1);
        out_bytes(r, e->fragment, e->fragment_len);
        if (r->c->format == FORMAT_JSONL)
            out_bytes(r, "\n", 1);
        break;
    default: /* a format only some commands have */
        break;
    }
}

/* Writes a row built whole, for a leg whose verdict changes inside it: the
 * verdict of `date` and a note that says when it changes. */
static bool put_changing_row(run *r, unsigned long line, const wc_leg *leg, const wc_person *p,
                             const wc_country *c, wc_date date, const char *change)
{
    if (r->c->format == FORMAT_TEXT) {
        const verdict_entry *e = verdict_cache_get(r->verdicts, p, c, date);
        if (e == NULL)
            return false;
        char *at = out_room(r, 64);
        out_done(r, at + text_prefix(r, at, line, leg));
        out_bytes(r, e->fragment, e->fragment_len);
        out_bytes(r, "  (", 3);
        out_bytes(r, change, strlen(change));
        out_bytes(r, ")\n", 2);
        return true;
    }
    out_flush(r);
    wc_verdict v;
    if (!wc_verdict_for_person(r->c->ds, p, c, date, &v))
        return false;
    cJSON *members = verdict_members(p, c, date, &v);
    wc_verdict_free(&v);
    cJSON *row = cJSON_CreateObject();
    bool ok = members != NULL && row != NULL &&
              cJSON_AddNumberToObject(row, "line", (double)line) != NULL &&
              json_add_date(row, "date", date) && json_add_date(row, "start", leg->start) &&
              json_add_date(row, "end", leg->end);
    if (ok) {
        cJSON *input = cJSON_CreateString(copy_name(r, leg->input, leg->input_len));
        ok = input != NULL && cJSON_AddItemToObject(row, "input", input);
        if (!ok)
            cJSON_Delete(input);
    }
    while (ok && members->child != NULL) {
        cJSON *item = cJSON_DetachItemViaPointer(members, members->child);
        ok = cJSON_AddItemToObject(row, item->string, item);
        if (!ok)
            cJSON_Delete(item);
    }
    cJSON *notes = ok ? cJSON_GetObjectItemCaseSensitive(row, "notes") : NULL;
    cJSON *note = notes != NULL ? cJSON_CreateString(change) : NULL;
    ok = note != NULL && cJSON_AddItemToArray(notes, note);
    if (!ok && note != NULL)
        cJSON_Delete(note);
    cJSON_Delete(members);
    if (!ok) {
        cJSON_Delete(row);
        return false;
    }
    if (r->c->format == FORMAT_CSV || r->c->format == FORMAT_TSV) {
        table_row(&r->csv, row); /* takes the row */
        return true;
    }
    char *text = cJSON_PrintUnformatted(row);
    cJSON_Delete(row);
    if (text == NULL)
        return false;
    if (r->c->format == FORMAT_JSON)
        fputs(r->rows > 0 ? ",\n" : "\n", r->c->out);
    fputs(text, r->c->out);
    if (r->c->format == FORMAT_JSONL)
        fputc('\n', r->c->out);
    free(text);
    return true;
}

/* ----------------------------------------------------------------- legs */

/* The day verdicts of one leg, through the run's cache; keeps the last
 * entry, which is usually the one the row shows. */
typedef struct leg_days {
    run *r;
    const wc_person *person;
    const wc_country *country;
    const verdict_entry *last;
} leg_days;

static bool leg_day(void *ctx, wc_date day, wc_verdict_kind *kind, wc_date *last)
{
    leg_days *ld = ctx;
    ld->last = verdict_cache_get(ld->r->verdicts, ld->person, ld->country, day);
    if (ld->last == NULL)
        return false;
    *kind = ld->last->kind;
    *last = ld->last->to;
    return true;
}

/* Checks one leg for one person: its verdict is the core's for the leg
 * (wc_leg_verdict_walk), and its row that of the day that has it. */
static bool check_leg(run *r, unsigned long line, const wc_leg *leg, const wc_person *p,
                      const wc_country *c)
{
    /* Most legs lie inside one run of days: the leg's verdict is then its
     * first day's, as wc_leg_verdict_walk() would find with its first
     * question, and the row is the cached one. Asked here first, it saves
     * the walk for nearly every leg (3% of the instructions in text). */
    const verdict_entry *first = verdict_cache_get(r->verdicts, p, c, leg->start);
    if (first == NULL)
        return false;
    leg_days ld = {.r = r, .person = p, .country = c, .last = first};
    wc_leg_verdict lv = {.kind = first->kind, .day = leg->start, .n_runs = 1,
                         .runs = {{.from = leg->start, .kind = first->kind}}};
    if (first->to < leg->end && !wc_leg_verdict_walk(leg->start, leg->end, leg_day, &ld, &lv))
        return false;
    r->any_arrest = r->any_arrest || wc_verdict_can_arrest(lv.kind);
    if (r->c->quiet) {
        r->rows++;
        return true;
    }
    start_output(r);
    bool ok = true;
    if (lv.n_runs > 1) {
        char change[WC_LEG_NOTE_BUFSIZE];
        wc_leg_change_note(&lv, change, sizeof change);
        ok = put_changing_row(r, line, leg, p, c, lv.day, change);
    } else {
        const verdict_entry *e = ld.last;
        if (lv.day < e->from || lv.day > e->to)
            e = verdict_cache_get(r->verdicts, p, c, lv.day);
        if (e == NULL)
            return false;
        put_row(r, line, leg, lv.day, e);
    }
    r->rows++; /* after the row: JSON puts a comma before every row but the first */
    return ok;
}

/* Checks a leg for each person it concerns. Returns false if memory ran out. */
static bool check_line(run *r, unsigned long line, const wc_leg *leg)
{
    const wc_country *country = resolve_country(r, line, leg);
    if (country == NULL) {
        r->any_bad_line = true;
        return true;
    }
    if (leg->end > r->c->ds->as_of && !r->warned_as_of && !r->c->quiet) {
        char asof[WC_DATE_BUFSIZE];
        diag(DIAG_WARNING, r->file, line, 0,
             "the dataset is current to %s; later events are not known",
             wc_date_format(r->c->ds->as_of, asof));
        r->warned_as_of = true;
    }
    if (r->c->all) {
        for (size_t i = 0; i < r->c->ds->n_persons; i++)
            if (!check_leg(r, line, leg, &r->c->ds->persons[i], country))
                return false;
        return true;
    }
    const wc_person *p = r->person;
    if (leg->person != NULL) {
        p = resolve_person(r, line, leg);
        if (p == NULL) {
            r->any_bad_line = true;
            return true;
        }
    }
    if (p == NULL) {
        line_error(r, line, leg->input_len + 1,
                   "no person for this leg: give --person PERSON or fill in its 'person' column");
        r->any_bad_line = true;
        return true;
    }
    return check_leg(r, line, leg, p, country);
}

/* True once --max-errors errors were reported, which it then says, as a
 * compiler stops: with the lines read so far. */
static bool too_many_errors(const run *r, const line_reader *lr)
{
    if (r->c->max_errors == 0 || diag_errors() < r->c->max_errors)
        return false;
    diag(DIAG_INPUT, r->file, 0, 0, "stopped after %lu errors; %lu lines read",
         r->c->max_errors, lr->line);
    return true;
}

/* Reads every line, checking each leg. Returns the exit status. */
static int read_itinerary(run *r, FILE *in)
{
    line_reader lr;
    if (!line_reader_open(&lr, in, WC_ITINERARY_MAX_LINE))
        return diag_out_of_memory();
    const char *text;
    size_t len;
    line_status st;
    int status = EXIT_YES;
    while (!too_many_errors(r, &lr) && (st = line_reader_next(&lr, &text, &len)) != LINE_END) {
        if (st == LINE_TOO_LONG) {
            line_error(r, lr.line, WC_ITINERARY_MAX_LINE + 1, "the line is longer than %d bytes",
                       WC_ITINERARY_MAX_LINE);
            r->any_bad_line = true;
            continue;
        }
        /* No itinerary holds a NUL: this is not text. One message, not one
         * a line for the rest of a binary file. */
        const char *nul = memchr(text, '\0', len);
        if (nul != NULL) {
            line_error(r, lr.line, (unsigned long)(nul - text) + 1,
                       "binary data (a NUL byte): this is not an itinerary; stopped here");
            status = EXIT_INPUT;
            break;
        }
        wc_leg leg;
        wc_line_error err;
        switch (wc_itinerary_parse_line(r->parser, text, len, &leg, &err)) {
        case WC_LINE_EMPTY:
            continue;
        case WC_LINE_ERROR:
            line_error(r, lr.line, err.column, "%s", err.message);
            r->any_bad_line = true;
            continue;
        case WC_LINE_LEG:
            break;
        }
        if (leg.person == NULL && r->person == NULL && !r->c->all &&
            !wc_itinerary_has_person_column(r->parser)) {
            cli_error("'itinerary' needs --person PERSON, --all, or a CSV 'person' column");
            status = EXIT_USAGE;
            break;
        }
        /* The header, if any, comes before the first leg: from here on
         * whether rows name their person is settled. */
        if (r->rows == 0 && !r->started)
            r->person_column_shown = r->c->all || wc_itinerary_has_person_column(r->parser);
        if (!check_line(r, lr.line, &leg)) {
            status = diag_out_of_memory();
            break;
        }
        /* A full disk: stop; main reports it. A closed pipe (`| head`):
         * stop writing but read on, so the exit status is the answer for
         * the whole input, as it is with -q. */
        if (ferror(r->c->out) && !r->c->quiet) {
            if (!cli_reader_gone(r->c->out))
                break;
            r->c->quiet = true;
        }
    }
    if (lr.failed) {
        cli_error("%s: cannot read: %s", r->file, strerror(errno));
        status = EXIT_INPUT;
    }
    line_reader_close(&lr);
    if (status != EXIT_YES)
        return status;
    if (!end_output(r))
        return diag_out_of_memory();
    if (r->any_bad_line)
        return EXIT_INPUT;
    return r->any_arrest ? EXIT_YES : EXIT_NO;
}

/* True for a character or block device other than /dev/null: /dev/zero or
 * /dev/urandom would be read for ever. Files, pipes and sockets stream. */
static bool is_endless_device(FILE *in)
{
    struct stat st, null;
    if (fstat(fileno(in), &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
        return false;
    return stat("/dev/null", &null) != 0 || st.st_rdev != null.st_rdev;
}

int cmd_itinerary(cli *c, int argc, char **argv)
{
    (void)argc; /* one FILE: checked before the data (options.c) */
    run r = {.c = c, .file = argv[0], .person_column_shown = c->all};
    if (c->person != NULL && (r.person = cli_person(c, c->person)) == NULL)
        return EXIT_INPUT;
    FILE *in;
    if (strcmp(argv[0], "-") == 0) {
        in = stdin;
        r.file = "<stdin>";
    } else if ((in = fopen(argv[0], "rb")) == NULL) {
        cli_error("%s: cannot open the itinerary: %s", argv[0], strerror(errno));
        return EXIT_INPUT;
    }
    if (is_endless_device(in)) {
        cli_error("%s: a device, not an itinerary: give a file, or pipe one in", r.file);
        if (in != stdin)
            fclose(in);
        return EXIT_INPUT;
    }
    /* Rows are many and short: write them in large blocks. */
    if (!isatty(fileno(c->out)))
        setvbuf(c->out, NULL, _IOFBF, (size_t)1 << 16);
    r.parser = wc_itinerary_parser_new();
    /* Text rows and quiet runs show no notes, so a note that names its day
     * does not cut their runs short. */
    bool shows_notes = !c->quiet && c->format != FORMAT_TEXT;
    r.verdicts = verdict_cache_new(c->ds, render_verdict, &r, shows_notes);
    r.countries = calloc(1, sizeof *r.countries);
    r.persons = calloc(1, sizeof *r.persons);
    r.name = malloc(WC_ITINERARY_MAX_LINE + 1);
    r.buf = malloc(OUT_BUFFER);
    int status;
    if (r.parser == NULL || r.verdicts == NULL || r.countries == NULL || r.persons == NULL ||
        r.name == NULL || r.buf == NULL) {
        status = diag_out_of_memory();
    } else {
        status = read_itinerary(&r, in);
    }
    if (in != stdin)
        fclose(in);
    out_flush(&r);
    free(r.buf);
    free(r.name);
    free(r.persons);
    free(r.countries);
    verdict_cache_free(r.verdicts);
    wc_itinerary_parser_free(r.parser);
    return status;
}
