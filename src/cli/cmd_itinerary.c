/* `itinerary FILE|-`: check an itinerary leg by leg. Reads one physical
 * line at a time and writes each row as soon as it is known, so any size of
 * input streams in the same memory. The core parses each line and gives
 * each verdict; here are the file, the caches, the output and the exit
 * status. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "field_list.h"
#include "itinerary_cache.h"
#include "itinerary_rows.h"
#include "line_reader.h"
#include "verdict_filter.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


typedef struct run {
    cli *c;
    const char *file;          /* for messages */
    char *place;               /* the file name as messages print it, escaped once */
    /* The last fault the parser gave, and its text as printed: the same
     * fault on many lines is escaped once. */
    char last_fault[sizeof ((wc_line_error *)0)->message];
    char last_fault_escaped[sizeof ((wc_line_error *)0)->message * 10 + 4];
    const wc_person *person;   /* --person, or NULL */
    wc_itinerary_parser *parser;
    verdict_cache *verdicts;
    name_cache *countries;
    name_cache *persons;
    bad_name_cache *bad_countries; /* names that did not resolve, with their errors */
    bad_name_cache *bad_persons;
    char *name;                /* NUL-terminated copy of a name for lookup */
    wcr_itinerary out;         /* the rows on their way to c->out */
    size_t rows;
    unsigned long legs;      /* lines whose leg was checked (once, whatever --all) */
    unsigned long bad_lines; /* lines reported as errors */
    bool quiet;              /* -q as given (a closed pipe sets c->quiet later) */
    bool any_arrest;
    bool warned_as_of;
    bool header_read; /* a CSV header has been read and looked at */
} run;

/* "warrantcheck: FILE:LINE:COL: error: ..." */
/* The text rows' person column is as wide as the dataset's widest id, so
 * the columns after it line up whoever each row names. */
static int widest_person_id(const wc_dataset *ds)
{
    size_t widest = 0;
    for (size_t i = 0; i < ds->n_persons; i++) {
        size_t n = strlen(ds->persons[i].id);
        widest = n > widest ? n : widest;
    }
    return widest > 64 ? 64 : (int)widest;
}

static void line_diag(const run *r, diag_level level, unsigned long line, size_t column,
                      const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void line_diag(const run *r, diag_level level, unsigned long line, size_t column,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag_escaped_place(level, r->place, line, column, fmt, ap);
    va_end(ap);
}

/* A CSV header column that looks like a misspelt optional one ("persn"):
 * the file is still read, as other columns are allowed, but the user
 * probably meant the column, so say so once. */
static void warn_header_slip(const run *r, unsigned long line)
{
    size_t column;
    const char *text, *meant;
    if (!r->quiet && wc_itinerary_header_slip(r->parser, &column, &text, &meant))
        line_diag(r, DIAG_WARNING, line, column,
                  "unknown column '%s' in the header, ignored; did you mean '%s'?", text, meant);
}

static const char *copy_name(run *r, const char *text, size_t len)
{
    memcpy(r->name, text, len);
    r->name[len] = '\0';
    return r->name;
}

/* Reports a line the parser refused, its message escaped once for a run
 * of the same fault. */
static void parse_error(run *r, unsigned long line, const wc_line_error *err)
{
    if (strcmp(err->message, r->last_fault) != 0) {
        memcpy(r->last_fault, err->message, sizeof r->last_fault);
        r->last_fault[sizeof r->last_fault - 1] = '\0';
        cli_escape(r->last_fault, (size_t)-1, r->last_fault_escaped, sizeof r->last_fault_escaped);
    }
    diag_escaped(DIAG_INPUT, r->place, line, err->column, r->last_fault_escaped);
}

/* Reports a name that did not resolve, at its place in the input, and
 * keeps its message, escaped as printed, for the next time; takes
 * `message`. */
static void bad_name_error(run *r, bad_name_cache *bc, unsigned long line, size_t column,
                           const char *text, size_t len, char *message)
{
    char *escaped = diag_escape(message, (size_t)-1);
    if (escaped == NULL) { /* not kept: printed the slow way */
        line_diag(r, DIAG_INPUT, line, column, "%s", message);
        free(message);
        return;
    }
    free(message);
    diag_escaped(DIAG_INPUT, r->place, line, column, escaped);
    bad_name_put(bc, text, len, escaped);
}

/* A name seen before that did not resolve: its error again, without the
 * search for the nearest names or escaping it again (a name misspelt on a
 * million lines costs little more than a good one). True if it was one. */
static bool known_bad_name(run *r, const bad_name_cache *bc, unsigned long line, size_t column,
                           const char *text, size_t len)
{
    const char *message = bad_name_get(bc, text, len);
    if (message == NULL)
        return false;
    diag_escaped(DIAG_INPUT, r->place, line, column, message);
    return true;
}

static const wc_country *resolve_country(run *r, unsigned long line, const wc_leg *leg)
{
    const wc_country *hit = name_cache_get(r->countries, leg->country, leg->country_len);
    if (hit != NULL)
        return hit;
    if (known_bad_name(r, r->bad_countries, line, leg->country_column, leg->country,
                       leg->country_len))
        return NULL;
    char *message;
    const wc_country *found =
        cli_country_quiet(r->c, copy_name(r, leg->country, leg->country_len), &message);
    if (found != NULL)
        name_cache_put(r->countries, leg->country, leg->country_len, found);
    else if (message != NULL)
        bad_name_error(r, r->bad_countries, line, leg->country_column, leg->country,
                       leg->country_len, message);
    return found;
}

static const wc_person *resolve_person(run *r, unsigned long line, const wc_leg *leg)
{
    const wc_person *hit = name_cache_get(r->persons, leg->person, leg->person_len);
    if (hit != NULL)
        return hit;
    if (known_bad_name(r, r->bad_persons, line, leg->person_column, leg->person,
                       leg->person_len))
        return NULL;
    char *message;
    const wc_person *found =
        cli_person_quiet(r->c, copy_name(r, leg->person, leg->person_len), &message);
    if (found != NULL)
        name_cache_put(r->persons, leg->person, leg->person_len, found);
    else if (message != NULL)
        bad_name_error(r, r->bad_persons, line, leg->person_column, leg->person,
                       leg->person_len, message);
    return found;
}

/* ------------------------------------------------------------ rendering */

/* The render_fn of the verdict cache, for the run's output format. */
static char *render_verdict(void *ctx, const wc_person *p, const wc_country *c, wc_date date,
                            const wc_verdict *v, size_t *len, const uint32_t **cuts,
                            size_t *n_cuts)
{
    run *r = ctx;
    if (r->c->quiet) {
        *len = 0;
        return calloc(1, 1);
    }
    char *text = wcr_itinerary_fragment(&r->out, p, c, date, v, len);
    *cuts = wcr_itinerary_cuts(&r->out, n_cuts);
    return text;
}

/* Puts what goes before the first row: the CSV/TSV header, or "[". */
static void start_output(run *r)
{
    if (!r->c->quiet)
        wcr_itinerary_begin(&r->out);
}

static bool end_output(run *r)
{
    if (r->c->quiet) {
        wcr_itinerary_flush(&r->out);
        return true;
    }
    return wcr_itinerary_end(&r->out);
}

/* Writes a row whose verdict part is the cached fragment, straight from
 * its pieces, with its day filled in where its notes name it. */
static void put_row(run *r, unsigned long line, const wc_leg *leg, wc_date date,
                    const verdict_entry *e)
{
    size_t n;
    const wcr_span *spans = verdict_cache_spans(r->verdicts, e, &n);
    wcr_itinerary_row_spans(&r->out, line, leg, date, spans, n);
}

/* Writes a row for a leg whose verdict changes inside it: the verdict of
 * `date` and a note that says when it changes. */
static bool put_changing_row(run *r, unsigned long line, const wc_leg *leg, const wc_person *p,
                             const wc_country *c, wc_date date, const char *change)
{
    if (r->c->format == FORMAT_TEXT) {
        const verdict_entry *e = verdict_cache_get(r->verdicts, p, c, date);
        if (e == NULL)
            return false;
        size_t n;
        const wcr_span *spans = verdict_cache_spans(r->verdicts, e, &n);
        wcr_itinerary_changing_text(&r->out, line, leg, date, spans, n, change);
        return true;
    }
    wc_verdict v;
    if (!wc_verdict_for_person(r->c->ds, p, c, date, &v))
        return false;
    bool ok = wcr_itinerary_changing_row(&r->out, line, leg, p, c, date, &v, change);
    wc_verdict_free(&v);
    return ok;
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
    /* --verdict keeps some rows; the exit status answers for them all. */
    if (r->c->verdict_text != NULL && !verdict_filter_has(r->c->verdicts, lv.kind))
        return true;
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
        r->bad_lines++;
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
        r->legs++;
        for (size_t i = 0; i < r->c->ds->n_persons; i++)
            if (!check_leg(r, line, leg, &r->c->ds->persons[i], country))
                return false;
        return true;
    }
    const wc_person *p = r->person;
    if (leg->person != NULL) {
        p = resolve_person(r, line, leg);
        if (p == NULL) {
            r->bad_lines++;
            return true;
        }
    }
    if (p == NULL) {
        line_diag(r, DIAG_INPUT, line, leg->input_len + 1,
                   "no person for this leg: give --person PERSON or fill in its 'person' column");
        r->bad_lines++;
        return true;
    }
    r->legs++;
    return check_leg(r, line, leg, p, country);
}

static const char *plural(unsigned long n)
{
    return n == 1 ? "" : "s";
}

/* True once --max-errors errors were reported, which it then says, as a
 * compiler stops: with the lines read and the legs checked so far, the
 * figures of the summary (summarize), which it stands for. */
static bool too_many_errors(const run *r, const line_reader *lr)
{
    if (r->c->max_errors == 0 || diag_errors() < r->c->max_errors)
        return false;
    diag(DIAG_INPUT, r->file, 0, 0, "stopped after %lu errors; %lu line%s read, %lu leg%s checked",
         r->c->max_errors, lr->line, plural(lr->line), r->legs, plural(r->legs));
    return true;
}

/* After a run with bad lines, what became of the input, so that a report
 * with gaps says how many: "19 lines: 9 legs checked, 10 errors". A note:
 * -q silences it, as it does every note and warning. */
static void summarize(const run *r, const line_reader *lr)
{
    if (r->bad_lines == 0 || r->quiet)
        return;
    diag(DIAG_NOTE, r->file, 0, 0, "%lu line%s: %lu leg%s checked, %lu error%s", lr->line,
         plural(lr->line), r->legs, plural(r->legs), r->bad_lines, plural(r->bad_lines));
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
    bool stopped = false;
    while (!(stopped = too_many_errors(r, &lr)) && (st = line_reader_next(&lr, &text, &len)) != LINE_END) {
        if (st == LINE_TOO_LONG) {
            line_diag(r, DIAG_INPUT, lr.line, WC_ITINERARY_MAX_LINE + 1, "the line is longer than %d bytes",
                       WC_ITINERARY_MAX_LINE);
            r->bad_lines++;
            continue;
        }
        /* No itinerary holds a NUL: this is not text. One message, not one
         * a line for the rest of a binary file. */
        const char *nul = memchr(text, '\0', len);
        if (nul != NULL) {
            line_diag(r, DIAG_INPUT, lr.line, (unsigned long)(nul - text) + 1,
                       "binary data (a NUL byte): this is not an itinerary; stopped here");
            status = EXIT_INPUT;
            break;
        }
        wc_leg leg;
        wc_line_error err;
        switch (wc_itinerary_parse_line(r->parser, text, len, &leg, &err)) {
        case WC_LINE_EMPTY:
            if (!r->header_read && wc_itinerary_form_of(r->parser) == WC_FORM_CSV) {
                r->header_read = true;
                warn_header_slip(r, lr.line);
            }
            continue;
        case WC_LINE_ERROR:
            parse_error(r, lr.line, &err);
            r->bad_lines++;
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
        if (r->rows == 0 && !r->out.started)
            r->out.person_column = r->c->all || wc_itinerary_has_person_column(r->parser);
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
    if (status == EXIT_YES && !stopped)
        summarize(r, &lr);
    line_reader_close(&lr);
    if (status != EXIT_YES)
        return status;
    if (!end_output(r))
        return diag_out_of_memory();
    if (r->bad_lines > 0)
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
    run r = {.c = c, .file = argv[0], .quiet = c->quiet};
    int status;
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
    /* So are the messages of a file with many bad lines; a person at a
     * terminal sees each as its line is read. */
    if (!isatty(fileno(stderr)))
        diag_batch(true);
    r.parser = wc_itinerary_parser_new();
    /* Text rows, quiet runs and --fields without notes show no notes, so a
     * note that names its day does not cut their runs short. */
    bool shows_notes = !c->quiet && c->format != FORMAT_TEXT && field_list_has(c, "notes");
    r.verdicts = verdict_cache_new(c->ds, render_verdict, &r, shows_notes);
    r.countries = calloc(1, sizeof *r.countries);
    r.persons = calloc(1, sizeof *r.persons);
    r.bad_countries = calloc(1, sizeof *r.bad_countries);
    r.bad_persons = calloc(1, sizeof *r.bad_persons);
    r.name = malloc(WC_ITINERARY_MAX_LINE + 1);
    r.place = diag_escape_place(r.file);
    wcr_opts opts = cli_render_opts(c);
    bool out_open = wcr_itinerary_open(&r.out, &c->writer, &opts);
    r.out.person_column = c->all;
    r.out.person_width = widest_person_id(c->ds);
    if (r.parser == NULL || r.verdicts == NULL || r.countries == NULL || r.persons == NULL ||
        r.bad_countries == NULL || r.bad_persons == NULL || r.name == NULL || r.place == NULL ||
        !out_open) {
        status = diag_out_of_memory();
    } else {
        status = read_itinerary(&r, in);
    }
    if (in != stdin)
        fclose(in);
    wcr_itinerary_close(&r.out);
    diag_batch(false);
    free(r.place);
    free(r.name);
    free(r.persons);
    free(r.countries);
    if (r.bad_countries != NULL)
        bad_name_clear(r.bad_countries);
    if (r.bad_persons != NULL)
        bad_name_clear(r.bad_persons);
    free(r.bad_countries);
    free(r.bad_persons);
    verdict_cache_free(r.verdicts);
    wc_itinerary_parser_free(r.parser);
    return status;
}
