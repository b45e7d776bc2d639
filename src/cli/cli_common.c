#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void report(const char *level, const char *fmt, va_list ap)
{
    fprintf(stderr, "warrantcheck: %s: ", level);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("error", fmt, ap);
    va_end(ap);
}

void cli_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("warning", fmt, ap);
    va_end(ap);
}

/* Lists candidate names as "'A', 'B' or 'C'". */
static void print_candidates(const wc_country *const *cands, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s'%s'", i == 0 ? "" : i + 1 == n ? " or " : ", ", cands[i]->name);
}

const wc_country *cli_country(const cli *c, const char *name)
{
    wc_country_match m = wc_find_country(c->ds, name);
    if (m.kind == WC_MATCH_FOUND)
        return m.country;
    if (m.kind == WC_MATCH_AMBIGUOUS) {
        fprintf(stderr, "warrantcheck: error: country '%.100s' is ambiguous: it could be ", name);
        print_candidates(m.candidates, m.n_candidates);
        fputc('\n', stderr);
    } else if (m.n_candidates > 0) {
        fprintf(stderr, "warrantcheck: error: unknown country '%.100s'; did you mean ", name);
        print_candidates(m.candidates, m.n_candidates);
        fputs("?\n", stderr);
    } else {
        cli_error("unknown country '%.100s' (try 'warrantcheck countries' for the list)", name);
    }
    return NULL;
}

char *cli_citation(const wc_source *s)
{
    char date[WC_DATE_BUFSIZE];
    const char *d = s->date != WC_DATE_UNKNOWN ? wc_date_format(s->date, date) : NULL;
    size_t n = strlen(s->title) + strlen(s->publisher) + (s->url ? strlen(s->url) : 0) + 32;
    char *buf = malloc(n);
    if (buf == NULL)
        return NULL;
    snprintf(buf, n, "%s. %s%s%s.%s%s", s->title, s->publisher, d ? ", " : "", d ? d : "",
             s->url ? " " : "", s->url ? s->url : "");
    return buf;
}
