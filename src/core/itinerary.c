/* Reading an itinerary, one physical line at a time: the text form
 * ("DATE COUNTRY", "DATE..DATE COUNTRY", "#" comments) or CSV with a header
 * row, read with libcsv. Each line gives a leg, nothing, or a fault with
 * its column. Pure: bytes in, leg or error out; names are resolved by the
 * caller. */
#include <warrantcheck/warrantcheck.h>

#include "normalize.h"

#include <csv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The columns of a CSV itinerary that mean something; others are ignored. */
enum { COL_DATE, COL_START, COL_END, COL_COUNTRY, COL_PERSON, COL_NOTE, N_KNOWN };
static const char *const KNOWN_COLUMNS[N_KNOWN] = {"date",    "start",  "end",
                                                   "country", "person", "note"};

struct wc_itinerary_parser {
    struct csv_parser csv;
    unsigned char delim; /* ',', or ';' or a tab as the header shows (detect_delimiter) */
    wc_itinerary_form form;
    bool first_line;
    int column_of[N_KNOWN]; /* the header position of each known column, or -1 */
    size_t n_columns;
    /* The fields of the record being read: unquoted bytes in buf. */
    char *buf;
    size_t buf_len;
    size_t field_start[WC_ITINERARY_MAX_COLUMNS];
    size_t field_len[WC_ITINERARY_MAX_COLUMNS];
    size_t n_fields;
    bool too_many_fields;
    /* A header field that looks like a misspelt optional column: its text,
     * its column (0 for none) and the column meant (wc_itinerary_header_slip). */
    char slip_text[32];
    size_t slip_column;
    int slip_meant;
};

wc_itinerary_parser *wc_itinerary_parser_new(void)
{
    wc_itinerary_parser *p = calloc(1, sizeof *p);
    char *buf = malloc(WC_ITINERARY_MAX_LINE + 1);
    if (p == NULL || buf == NULL ||
        csv_init(&p->csv, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(p);
        free(buf);
        return NULL;
    }
    p->buf = buf;
    p->delim = ',';
    p->first_line = true;
    for (size_t i = 0; i < N_KNOWN; i++)
        p->column_of[i] = -1;
    return p;
}

void wc_itinerary_parser_free(wc_itinerary_parser *p)
{
    if (p == NULL)
        return;
    csv_free(&p->csv);
    free(p->buf);
    free(p);
}

wc_itinerary_form wc_itinerary_form_of(const wc_itinerary_parser *p)
{
    return p->form;
}

bool wc_itinerary_has_person_column(const wc_itinerary_parser *p)
{
    return p->form == WC_FORM_CSV && p->column_of[COL_PERSON] >= 0;
}

bool wc_itinerary_header_slip(const wc_itinerary_parser *p, size_t *column, const char **text,
                              const char **meant)
{
    if (p->form != WC_FORM_CSV || p->slip_column == 0)
        return false;
    *column = p->slip_column;
    *text = p->slip_text;
    *meant = KNOWN_COLUMNS[p->slip_meant];
    return true;
}

/* Sets the fault and returns WC_LINE_ERROR, so a caller can `return fail(...)`. */
static wc_line_result fail(wc_line_error *err, size_t column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static wc_line_result fail(wc_line_error *err, size_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->column = column;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return WC_LINE_ERROR;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Checks that the line is UTF-8 without NUL bytes; ASCII, the common case,
 * is checked a byte at a time without calling into utf8proc. */
static wc_line_result check_text(const char *s, size_t n, wc_line_error *err)
{
    size_t i = 0;
    /* Eight bytes at a time while none is NUL or above 0x7f. */
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    for (uint64_t w; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        if (((w | ((w - ones) & ~w)) & high) != 0)
            break;
    }
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b == 0)
            return fail(err, i + 1, "a NUL byte in the line");
        if (b < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t step =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (step <= 0)
            return fail(err, i + 1, "not valid UTF-8 (byte 0x%02x)", b);
        i += (size_t)step;
    }
    return WC_LINE_LEG;
}

/* Parses one date of a leg; the message quotes what was written. */
static wc_line_result parse_date(wc_itinerary_parser *p, const char *s, size_t n, size_t column,
                                 wc_date *out, wc_line_error *err)
{
    /* No memo of dates parsed: wc_date_parse now costs less than the
     * hash, compare and copy of one (and 8,888 days over 2002-2026 missed
     * a memo of 1,024 slots nine times in ten). */
    (void)p;
    if (wc_date_parse(s, n, out))
        return WC_LINE_LEG;
    bool shaped = n == 10 && s[4] == '-' && s[7] == '-';
    for (size_t i = 0; shaped && i < n; i++)
        shaped = i == 4 || i == 7 || (s[i] >= '0' && s[i] <= '9');
    if (shaped)
        return fail(err, column, "not a real day: '%.10s' (a day from %d to %d)", s,
                    WC_DATE_MIN_YEAR, WC_DATE_MAX_YEAR);
    return fail(err, column, "not a date: '%.*s' (expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)",
                (int)(n > 40 ? 40 : n), s);
}

/* Parses "DATE" or "DATE..DATE" starting at `column`. */
static wc_line_result parse_range(wc_itinerary_parser *p, const char *s, size_t n, size_t column,
                                  wc_date *start, wc_date *end, wc_line_error *err)
{
    const char *dots = NULL;
    if (n == 22 && s[10] == '.' && s[11] == '.')
        dots = s + 10; /* the usual shape, found without a search */
    for (size_t i = 0; dots == NULL && n != 10 && i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    if (dots == NULL) {
        if (parse_date(p, s, n, column, start, err) != WC_LINE_LEG)
            return WC_LINE_ERROR;
        *end = *start;
        return WC_LINE_LEG;
    }
    size_t a = (size_t)(dots - s);
    if (parse_date(p, s, a, column, start, err) != WC_LINE_LEG ||
        parse_date(p, dots + 2, n - a - 2, column + a + 2, end, err) != WC_LINE_LEG)
        return WC_LINE_ERROR;
    if (*end < *start) {
        char x[WC_DATE_BUFSIZE], y[WC_DATE_BUFSIZE];
        return fail(err, column + a + 2, "the leg ends on %s, before it starts on %s",
                    wc_date_format(*end, x), wc_date_format(*start, y));
    }
    return WC_LINE_LEG;
}

/* "DATE COUNTRY" or "DATE..DATE COUNTRY", a "#" comment allowed after it:
 * the leg's note, as a CSV itinerary's `note` column is. */
static wc_line_result parse_text_line(wc_itinerary_parser *p, const char *s, size_t n,
                                      wc_leg *leg, wc_line_error *err)
{
    size_t i = 0;
    while (i < n && is_blank(s[i]))
        i++;
    size_t token = i;
    /* Most tokens are a date, 10 bytes, or a range, 22, before a blank:
     * try those first; anything else takes the byte-by-byte way, which
     * also gives the message. */
    size_t fast = i + 10 < n && is_blank(s[i + 10]) ? 10
                  : i + 22 < n && is_blank(s[i + 22]) ? 22
                                                      : 0;
    if (fast == 0 ||
        parse_range(p, s + token, fast, token + 1, &leg->start, &leg->end, err) != WC_LINE_LEG) {
        while (i < n && !is_blank(s[i]) && s[i] != '#')
            i++;
        if (parse_range(p, s + token, i - token, token + 1, &leg->start, &leg->end, err) !=
            WC_LINE_LEG) {
            /* A ',' anywhere, or a ';' right after a date or a range:
             * a CSV row without its header. */
            size_t len = i - token;
            if (memchr(s + token, ',', len) != NULL || (len > 10 && s[token + 10] == ';') ||
                (len > 22 && s[token + 22] == ';'))
                snprintf(err->message, sizeof err->message, "%s",
                         "expected 'DATE COUNTRY' (a CSV itinerary starts with a header row "
                         "naming 'date' and 'country')");
            return WC_LINE_ERROR;
        }
    } else {
        i += fast;
    }
    while (i < n && is_blank(s[i]))
        i++;
    size_t name = i;
    const char *hash = memchr(s + name, '#', n - name);
    size_t stop = hash != NULL ? (size_t)(hash - s) : n;
    while (stop > name && is_blank(s[stop - 1]))
        stop--;
    if (stop == name)
        return fail(err, name + 1, "missing the country after the date (expected 'DATE COUNTRY')");
    leg->country = s + name;
    leg->country_len = stop - name;
    leg->country_column = name + 1;
    if (hash != NULL) {
        size_t from = (size_t)(hash - s) + 1, to = n;
        while (from < to && is_blank(s[from]))
            from++;
        while (to > from && is_blank(s[to - 1]))
            to--;
        if (to > from) {
            leg->note = s + from;
            leg->note_len = to - from;
        }
    }
    return WC_LINE_LEG;
}

/* ------------------------------------------------------------------ CSV */

static void on_field(void *data, size_t len, void *arg)
{
    wc_itinerary_parser *p = arg;
    if (p->n_fields == WC_ITINERARY_MAX_COLUMNS) {
        p->too_many_fields = true;
        return;
    }
    /* The unquoted field is never longer than the line it came from. */
    p->field_start[p->n_fields] = p->buf_len;
    p->field_len[p->n_fields] = len;
    if (len > 0)
        memcpy(p->buf + p->buf_len, data, len);
    p->buf_len += len;
    p->n_fields++;
}

static void on_record(int terminator, void *arg)
{
    (void)terminator;
    (void)arg;
}

/* Returns the column where field `k` starts, past blanks: a quote-aware scan
 * that agrees with libcsv on any line it accepted. Past the last field, the
 * column after the end of the line. */
static size_t field_column(unsigned char delim, const char *s, size_t n, size_t k)
{
    size_t i = 0, field = 0;
    bool quoted = false;
    while (field < k && i < n) {
        if (s[i] == '"')
            quoted = !quoted;
        else if ((unsigned char)s[i] == delim && !quoted)
            field++;
        i++;
    }
    if (field < k)
        return n + 1;
    while (i < n && is_blank(s[i]))
        i++;
    return i + 1;
}

/* With tabs between fields, only a space is a blank to trim. */
static int is_space_only(unsigned char c)
{
    return c == ' ';
}

/* Readies libcsv for a record, with the itinerary's delimiter. */
static void reset_csv(wc_itinerary_parser *p)
{
    csv_free(&p->csv);
    csv_init(&p->csv, CSV_STRICT | CSV_STRICT_FINI); /* frees nothing to fail on */
    csv_set_delim(&p->csv, p->delim);
    if (p->delim == '\t')
        csv_set_space_func(&p->csv, is_space_only);
}

/* The delimiter a header line uses: ';' (as spreadsheets write CSV where
 * ',' is the decimal mark) when it has one and no ',' outside quotes; a
 * tab when it has one and neither; else ','. */
static unsigned char detect_delimiter(const char *s, size_t n)
{
    size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == ',')
            commas++;
        else if (!quoted && s[i] == ';')
            semicolons++;
        else if (!quoted && s[i] == '\t')
            tabs++;
    }
    if (commas == 0 && semicolons > 0)
        return ';';
    if (commas == 0 && tabs > 0)
        return '\t';
    return ',';
}

static const char *delimiter_name(unsigned char delim)
{
    return delim == ';' ? "';'" : delim == '\t' ? "tabs" : "','";
}

/* Splits one physical line into fields with libcsv. */
static wc_line_result split_csv(wc_itinerary_parser *p, const char *s, size_t n,
                                wc_line_error *err)
{
    p->buf_len = 0;
    p->n_fields = 0;
    p->too_many_fields = false;
    size_t done = csv_parse(&p->csv, s, n, on_field, on_record, p);
    int fini = done == n ? csv_fini(&p->csv, on_field, on_record, p) : 0;
    if (done != n || fini != 0) {
        /* Start the next line afresh. */
        reset_csv(p);
        if (done != n)
            return fail(err, done + 1, "malformed CSV: a quote in an unquoted field, or "
                                       "text after a closing quote");
        size_t quote = 0;
        for (size_t i = 0; i < n; i++) /* the quote left open is the last odd one */
            if (s[i] == '"')
                quote = quote ? 0 : i + 1;
        return fail(err, quote ? quote : n + 1,
                    "malformed CSV: a quoted field is not closed on its line");
    }
    if (p->too_many_fields)
        return fail(err, field_column(p->delim, s, n, WC_ITINERARY_MAX_COLUMNS),
                    "more than %d fields", WC_ITINERARY_MAX_COLUMNS);
    return WC_LINE_LEG;
}

static bool field_is(const wc_itinerary_parser *p, size_t k, const char *name)
{
    size_t len = strlen(name);
    if (p->field_len[k] != len)
        return false;
    const char *f = p->buf + p->field_start[k];
    for (size_t i = 0; i < len; i++) {
        char c = f[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != name[i])
            return false;
    }
    return true;
}

/* The first header field that names no known column but lies one slip
 * (two in a name over five letters) from one of `wanted`; its index, with
 * that column in *meant, or p->n_fields when there is none. */
static size_t slipped_field(const wc_itinerary_parser *p, const int *wanted, size_t n_wanted,
                            int *meant)
{
    for (size_t k = 0; k < p->n_fields; k++) {
        char name[32];
        size_t len = p->field_len[k];
        if (len == 0 || len >= sizeof name)
            continue;
        bool known = false;
        for (size_t i = 0; i < N_KNOWN && !known; i++)
            known = field_is(p, k, KNOWN_COLUMNS[i]);
        if (known)
            continue;
        for (size_t i = 0; i < len; i++) {
            char c = p->buf[p->field_start[k] + i];
            name[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        name[len] = '\0';
        for (size_t m = 0; m < n_wanted; m++) {
            const char *want = KNOWN_COLUMNS[wanted[m]];
            size_t limit = strlen(want) <= 5 ? 1 : 2;
            if (wc_edit_distance(name, want, limit) <= limit) {
                *meant = wanted[m];
                return k;
            }
        }
    }
    return p->n_fields;
}

static wc_line_result parse_header(wc_itinerary_parser *p, const char *s, size_t n,
                                   wc_line_error *err)
{
    unsigned char delim = detect_delimiter(s, n);
    if (delim != p->delim) {
        p->delim = delim;
        reset_csv(p);
    }
    if (split_csv(p, s, n, err) != WC_LINE_LEG)
        return WC_LINE_ERROR;
    int column_of[N_KNOWN];
    for (size_t i = 0; i < N_KNOWN; i++)
        column_of[i] = -1;
    for (size_t k = 0; k < p->n_fields; k++)
        for (size_t i = 0; i < N_KNOWN; i++) {
            if (!field_is(p, k, KNOWN_COLUMNS[i]))
                continue;
            if (column_of[i] >= 0)
                return fail(err, field_column(p->delim, s, n, k), "the header names '%s' twice",
                            KNOWN_COLUMNS[i]);
            column_of[i] = (int)k;
        }
    if (column_of[COL_DATE] >= 0 && column_of[COL_START] >= 0)
        return fail(err, field_column(p->delim, s, n, (size_t)column_of[COL_START]),
                    "the header names both 'date' and 'start': give one of them");
    if ((column_of[COL_DATE] < 0 && column_of[COL_START] < 0) || column_of[COL_COUNTRY] < 0) {
        /* A header with a misspelt column ("date,contry"): name it. */
        int missing[3];
        size_t n_missing = 0;
        if (column_of[COL_DATE] < 0 && column_of[COL_START] < 0) {
            missing[n_missing++] = COL_DATE;
            missing[n_missing++] = COL_START;
        }
        if (column_of[COL_COUNTRY] < 0)
            missing[n_missing++] = COL_COUNTRY;
        int meant;
        size_t k = slipped_field(p, missing, n_missing, &meant);
        if (k < p->n_fields)
            return fail(err, field_column(p->delim, s, n, k),
                        "unknown column '%.*s' in the header; did you mean '%s'?",
                        (int)p->field_len[k], p->buf + p->field_start[k], KNOWN_COLUMNS[meant]);
        return fail(err, 1,
                    "expected a date (YYYY-MM-DD) or a CSV header naming 'date' (or 'start') "
                    "and 'country'");
    }
    /* An optional column the header lacks, misspelt ("persn"): kept for
     * wc_itinerary_header_slip, since the file may still be read. */
    int optional[3];
    size_t n_optional = 0;
    for (int i = COL_END; i < N_KNOWN; i++)
        if (i != COL_COUNTRY && column_of[i] < 0)
            optional[n_optional++] = i;
    size_t slip = slipped_field(p, optional, n_optional, &p->slip_meant);
    p->slip_column = slip < p->n_fields ? field_column(p->delim, s, n, slip) : 0;
    if (slip < p->n_fields) {
        size_t len = p->field_len[slip] < sizeof p->slip_text - 1 ? p->field_len[slip]
                                                                  : sizeof p->slip_text - 1;
        memcpy(p->slip_text, p->buf + p->field_start[slip], len);
        p->slip_text[len] = '\0';
    }
    if (column_of[COL_DATE] < 0)
        column_of[COL_DATE] = column_of[COL_START];
    memcpy(p->column_of, column_of, sizeof column_of);
    p->n_columns = p->n_fields;
    p->form = WC_FORM_CSV;
    return WC_LINE_EMPTY;
}

/* The field for a known column, or NULL when the row is too short or the
 * field empty. */
static const char *csv_field(const wc_itinerary_parser *p, int which, size_t *len)
{
    int k = p->column_of[which];
    if (k < 0 || (size_t)k >= p->n_fields || p->field_len[k] == 0)
        return NULL;
    *len = p->field_len[k];
    return p->buf + p->field_start[k];
}

static wc_line_result parse_csv_row(wc_itinerary_parser *p, const char *s, size_t n, wc_leg *leg,
                                    wc_line_error *err)
{
    if (split_csv(p, s, n, err) != WC_LINE_LEG)
        return WC_LINE_ERROR;
    if (p->n_fields > p->n_columns)
        return fail(err, field_column(p->delim, s, n, p->n_columns),
                    "this row has %zu fields, but the header names %zu", p->n_fields,
                    p->n_columns);
    /* A row written with another delimiter than its header's (a file
     * put together from two spreadsheets) is one field: say why. */
    const char *other = p->delim == ',' ? ";\t" : p->delim == ';' ? ",\t" : ",;";
    for (size_t i = 0; p->n_fields == 1 && p->n_columns > 1 && i < p->field_len[0]; i++) {
        char seen = p->buf[p->field_start[0] + i];
        if (strchr(other, seen) != NULL && seen != '\0')
            return fail(err, 1,
                        "one field where the header has %zu: the header separates its fields "
                        "by %s, this row by %s",
                        p->n_columns, delimiter_name(p->delim), delimiter_name((unsigned char)seen));
    }
    size_t len;
    const char *date = csv_field(p, COL_DATE, &len);
    size_t column = field_column(p->delim, s, n, (size_t)p->column_of[COL_DATE]);
    if (date == NULL)
        return fail(err, column, "missing the date");
    if (parse_range(p, date, len, column, &leg->start, &leg->end, err) != WC_LINE_LEG)
        return WC_LINE_ERROR;
    const char *end = csv_field(p, COL_END, &len);
    if (end != NULL) {
        column = field_column(p->delim, s, n, (size_t)p->column_of[COL_END]);
        if (leg->end != leg->start)
            return fail(err, column, "an 'end' as well as a range in the date: give one");
        if (parse_date(p, end, len, column, &leg->end, err) != WC_LINE_LEG)
            return WC_LINE_ERROR;
        if (leg->end < leg->start) {
            char x[WC_DATE_BUFSIZE], y[WC_DATE_BUFSIZE];
            return fail(err, column, "the leg ends on %s, before it starts on %s",
                        wc_date_format(leg->end, x), wc_date_format(leg->start, y));
        }
    }
    leg->country = csv_field(p, COL_COUNTRY, &leg->country_len);
    leg->country_column = field_column(p->delim, s, n, (size_t)p->column_of[COL_COUNTRY]);
    if (leg->country == NULL)
        return fail(err, leg->country_column, "missing the country");
    leg->person = csv_field(p, COL_PERSON, &leg->person_len);
    if (leg->person != NULL)
        leg->person_column = field_column(p->delim, s, n, (size_t)p->column_of[COL_PERSON]);
    leg->note = csv_field(p, COL_NOTE, &leg->note_len);
    if (leg->note == NULL)
        leg->note_len = 0;
    return WC_LINE_LEG;
}

/* ----------------------------------------------------------------- lines */

wc_line_result wc_itinerary_parse_line(wc_itinerary_parser *p, const char *line, size_t len,
                                       wc_leg *leg, wc_line_error *err)
{
    if (p->first_line && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        len -= 3;
    }
    p->first_line = false;
    if (len > 0 && line[len - 1] == '\r')
        len--;
    leg->person = NULL;
    leg->person_len = leg->person_column = 0;
    leg->note = NULL;
    leg->note_len = 0;
    leg->input = line;
    leg->input_len = len;
    if (len > WC_ITINERARY_MAX_LINE)
        return fail(err, WC_ITINERARY_MAX_LINE + 1, "the line is longer than %d bytes",
                    WC_ITINERARY_MAX_LINE);
    if (check_text(line, len, err) != WC_LINE_LEG)
        return WC_LINE_ERROR;
    size_t i = 0;
    while (i < len && is_blank(line[i]))
        i++;
    if (i == len || line[i] == '#')
        return WC_LINE_EMPTY;
    switch (p->form) {
    case WC_FORM_TEXT:
        return parse_text_line(p, line, len, leg, err);
    case WC_FORM_CSV:
        return parse_csv_row(p, line, len, leg, err);
    case WC_FORM_UNDECIDED:
        break;
    }
    if (line[i] >= '0' && line[i] <= '9') {
        p->form = WC_FORM_TEXT;
        return parse_text_line(p, line, len, leg, err);
    }
    return parse_header(p, line, len, err);
}
