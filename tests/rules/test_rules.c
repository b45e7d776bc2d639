/* The rules corpus through the library: every row of verdicts.tsv is a
 * test that loads nothing but rules.json and asks wc_verdict_for_person()
 * for the verdict, the deciding warrant, the basis and the kinds of its
 * notes (note-kinds.tsv). run_cli.sh asks the binary the same questions.
 * Only the public header is used, as a second front end would.
 *
 * usage: test_rules RULES_DIR */
#include <warrantcheck/warrantcheck.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_PERSON, COL_COUNTRY, COL_DATE, COL_VERDICT, COL_WARRANT, COL_BASIS, COL_NOTES,
       N_COLUMNS };

#define MAX_KINDS 128
#define MAX_NOTES 32

typedef struct note_kind {
    const char *name;
    const char *pattern;
} note_kind;

typedef struct corpus {
    const wc_dataset *ds;
    note_kind kinds[MAX_KINDS];
    size_t n_kinds;
} corpus;

typedef struct row {
    const corpus *corpus;
    char *col[N_COLUMNS];
    char name[160]; /* "verdicts.tsv:LINE: person country date" */
} row;

/* Reads a whole file into a NUL-terminated buffer, or returns NULL. */
static char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "test_rules: cannot open %s\n", path);
        return NULL;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = (n + 4096 + 1) * 2;
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        size_t got = fread(buf + n, 1, 4096, f);
        n += got;
        if (got < 4096)
            break;
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Cuts the next line out of *text (in place) and returns it, or NULL at
 * the end. */
static char *next_line(char **text)
{
    if (**text == '\0')
        return NULL;
    char *line = *text;
    char *nl = strchr(line, '\n');
    if (nl != NULL) {
        *nl = '\0';
        *text = nl + 1;
    } else {
        *text = line + strlen(line);
    }
    return line;
}

/* Splits a line at tabs into at most `max` fields; returns their count. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    for (char *p = line; n < max;) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (tab == NULL)
            return n;
        *tab = '\0';
        p = tab + 1;
    }
    return n + 1; /* more than max */
}

static bool skipped(const char *line)
{
    return line[0] == '\0' || line[0] == '#';
}

static bool read_kinds(corpus *c, char *text)
{
    char *line;
    while ((line = next_line(&text)) != NULL) {
        if (skipped(line))
            continue;
        char *f[2];
        if (split_tabs(line, f, 2) != 2 || f[1][0] == '\0' || c->n_kinds == MAX_KINDS) {
            fprintf(stderr, "test_rules: note-kinds.tsv: bad line '%s'\n", line);
            return false;
        }
        c->kinds[c->n_kinds++] = (note_kind){f[0], f[1]};
    }
    return c->n_kinds > 0;
}

/* The one kind whose pattern occurs in the note; NULL for none, and
 * "AMBIGUOUS" where several do. */
static const char *classify(const corpus *c, const char *note)
{
    const char *found = NULL;
    for (size_t i = 0; i < c->n_kinds; i++)
        if (strstr(note, c->kinds[i].pattern) != NULL) {
            if (found != NULL)
                return "AMBIGUOUS";
            found = c->kinds[i].name;
        }
    return found != NULL ? found : "UNCLASSIFIED";
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Splits a comma-separated list of kinds ("-" is none) into a sorted
 * array of pointers into `copy`. Returns the count, or MAX_NOTES + 1. */
static size_t expected_kinds(const char *list, char *copy, size_t size, const char **out)
{
    if (strcmp(list, "-") == 0)
        return 0;
    snprintf(copy, size, "%s", list);
    size_t n = 0;
    for (char *p = copy; p != NULL && n <= MAX_NOTES;) {
        char *comma = strchr(p, ',');
        if (comma != NULL)
            *comma = '\0';
        if (n < MAX_NOTES)
            out[n] = p;
        n++;
        p = comma != NULL ? comma + 1 : NULL;
    }
    if (n <= MAX_NOTES)
        qsort(out, n, sizeof *out, by_string);
    return n;
}

/* Appends to a report buffer. */
static void say(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void say(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strlen(buf);
    if (used + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
}

static const char *or_dash(const char *s)
{
    return s != NULL ? s : "-";
}

static void check_row(void **state)
{
    const row *r = *state;
    const corpus *c = r->corpus;
    wc_person_match pm = wc_find_person(c->ds, r->col[COL_PERSON]);
    if (pm.kind != WC_MATCH_FOUND || strcmp(pm.person->id, r->col[COL_PERSON]) != 0)
        fail_msg("%s: no person with id '%s' in rules.json", r->name, r->col[COL_PERSON]);
    const wc_country *country = wc_country_by_iso2(c->ds, r->col[COL_COUNTRY]);
    if (country == NULL)
        fail_msg("%s: no country '%s' in rules.json", r->name, r->col[COL_COUNTRY]);
    wc_date date;
    if (!wc_date_parse(r->col[COL_DATE], strlen(r->col[COL_DATE]), &date))
        fail_msg("%s: bad date '%s'", r->name, r->col[COL_DATE]);

    wc_verdict v;
    assert_true(wc_verdict_for_person(c->ds, pm.person, country, date, &v));
    char report[8192] = "";
    const char *word = wc_verdict_word(v.kind);
    if (strcmp(word, r->col[COL_VERDICT]) != 0)
        say(report, sizeof report, "\n  verdict %s, expected %s", word, r->col[COL_VERDICT]);
    if (wc_verdict_can_arrest(v.kind) != (strncmp(word, "obliged", 7) == 0))
        say(report, sizeof report, "\n  wc_verdict_can_arrest disagrees with '%s'", word);
    const char *warrant = or_dash(v.warrant != NULL ? v.warrant->id : NULL);
    if (strcmp(warrant, r->col[COL_WARRANT]) != 0)
        say(report, sizeof report, "\n  warrant %s, expected %s", warrant, r->col[COL_WARRANT]);
    if (strcmp(or_dash(v.basis), r->col[COL_BASIS]) != 0)
        say(report, sizeof report, "\n  basis '%s', expected '%s'", or_dash(v.basis),
            r->col[COL_BASIS]);

    const char *got[MAX_NOTES];
    size_t n_got = v.notes.count < MAX_NOTES ? v.notes.count : MAX_NOTES;
    for (size_t i = 0; i < n_got; i++)
        got[i] = classify(c, v.notes.items[i]);
    qsort(got, n_got, sizeof *got, by_string);
    char copy[1024];
    const char *want[MAX_NOTES];
    size_t n_want = expected_kinds(r->col[COL_NOTES], copy, sizeof copy, want);
    bool same = n_want == v.notes.count && n_want <= MAX_NOTES;
    for (size_t i = 0; same && i < n_want; i++)
        same = strcmp(got[i], want[i]) == 0;
    if (!same) {
        say(report, sizeof report, "\n  notes ");
        for (size_t i = 0; i < n_got; i++)
            say(report, sizeof report, "%s%s", i > 0 ? "," : "", got[i]);
        say(report, sizeof report, "%s, expected %s", n_got == 0 ? "-" : "",
            r->col[COL_NOTES]);
    }
    if (report[0] != '\0')
        for (size_t i = 0; i < v.notes.count; i++)
            say(report, sizeof report, "\n  note [%s] %s", classify(c, v.notes.items[i]),
                v.notes.items[i]);
    wc_verdict_free(&v);
    if (report[0] != '\0')
        fail_msg("%s:%s", r->name, report);
}

static const char *const VERDICTS[] = {"obliged",     "obliged-residual", "obliged-unsc",
                                       "not-obliged", "no-warrant",       "in-custody"};

typedef struct coverage {
    const corpus *corpus;
    const row *rows;
    size_t n_rows;
} coverage;

/* True if the comma-separated list names `kind`. */
static bool lists(const char *list, const char *kind)
{
    size_t len = strlen(kind);
    for (const char *p = list; (p = strstr(p, kind)) != NULL; p += len)
        if ((p == list || p[-1] == ',') && (p[len] == '\0' || p[len] == ','))
            return true;
    return false;
}

/* The corpus covers every verdict word and every note kind, and names
 * no kind that note-kinds.tsv lacks. */
static void check_coverage(void **state)
{
    const coverage *cv = *state;
    const corpus *c = cv->corpus;
    char report[4096] = "";
    for (size_t k = 0; k < sizeof VERDICTS / sizeof VERDICTS[0]; k++) {
        bool seen = false;
        for (size_t i = 0; i < cv->n_rows && !seen; i++)
            seen = strcmp(cv->rows[i].col[COL_VERDICT], VERDICTS[k]) == 0;
        if (!seen)
            say(report, sizeof report, "\n  no row expects the verdict %s", VERDICTS[k]);
    }
    for (size_t k = 0; k < c->n_kinds; k++) {
        bool seen = false;
        for (size_t i = 0; i < cv->n_rows && !seen; i++)
            seen = lists(cv->rows[i].col[COL_NOTES], c->kinds[k].name);
        if (!seen)
            say(report, sizeof report, "\n  no row expects the note kind %s", c->kinds[k].name);
    }
    for (size_t i = 0; i < cv->n_rows; i++) {
        char copy[1024];
        const char *want[MAX_NOTES];
        size_t n = expected_kinds(cv->rows[i].col[COL_NOTES], copy, sizeof copy, want);
        if (n > MAX_NOTES) {
            say(report, sizeof report, "\n  %s: too many notes", cv->rows[i].name);
            continue;
        }
        for (size_t k = 0; k < n; k++) {
            bool known = false;
            for (size_t j = 0; j < c->n_kinds && !known; j++)
                known = strcmp(want[k], c->kinds[j].name) == 0;
            if (!known)
                say(report, sizeof report, "\n  %s: unknown note kind %s", cv->rows[i].name,
                    want[k]);
        }
    }
    if (report[0] != '\0')
        fail_msg("coverage:%s", report);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_rules RULES_DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    size_t json_len, len;
    char *json = read_file(dir, "rules.json", &json_len);
    char *kinds_text = read_file(dir, "note-kinds.tsv", &len);
    char *table = read_file(dir, "verdicts.tsv", &len);
    corpus c = {0};
    row *rows = NULL;
    struct CMUnitTest *tests = NULL;
    wc_dataset *ds = NULL;
    int status = 1;
    if (json == NULL || kinds_text == NULL || table == NULL || !read_kinds(&c, kinds_text))
        goto done;
    wc_error err;
    ds = wc_dataset_load(json, json_len, &err);
    if (ds == NULL) {
        fprintf(stderr, "test_rules: %s/rules.json:%lu:%lu: error: %s\n", dir, err.line,
                err.column, err.message);
        goto done;
    }
    c.ds = ds;

    size_t cap = 1;
    for (const char *p = table; *p != '\0'; p++)
        cap += *p == '\n';
    rows = calloc(cap, sizeof *rows);
    tests = calloc(cap + 1, sizeof *tests);
    if (rows == NULL || tests == NULL)
        goto done;
    size_t n = 0;
    unsigned long lineno = 0;
    char *line, *rest = table;
    while ((line = next_line(&rest)) != NULL) {
        lineno++;
        if (skipped(line))
            continue;
        row *r = &rows[n];
        if (split_tabs(line, r->col, N_COLUMNS) != N_COLUMNS) {
            fprintf(stderr, "test_rules: verdicts.tsv:%lu: expected %d tab-separated columns\n",
                    lineno, N_COLUMNS);
            goto done;
        }
        r->corpus = &c;
        snprintf(r->name, sizeof r->name, "verdicts.tsv:%lu: %s %s %s", lineno,
                 r->col[COL_PERSON], r->col[COL_COUNTRY], r->col[COL_DATE]);
        tests[n] = (struct CMUnitTest){r->name, check_row, NULL, NULL, r};
        n++;
    }
    if (n == 0) {
        fprintf(stderr, "test_rules: verdicts.tsv has no rows\n");
        goto done;
    }
    coverage cv = {&c, rows, n};
    tests[n] = (struct CMUnitTest){"coverage of every verdict and note kind", check_coverage,
                                   NULL, NULL, &cv};
    /* The table is read at run time, so the test array is built here; the
     * cmocka_run_group_tests macro only adds the array's size to this call. */
    status = _cmocka_run_group_tests("rules.library", tests, n + 1, NULL, NULL);
done:
    free(tests);
    free(rows);
    wc_dataset_free(ds);
    free(table);
    free(kinds_text);
    free(json);
    return status;
}
