/* The text format, for people: a verdict's headline and its details, the
 * notes and sources sections, citations and the colours of verdict words.
 * The text may change between versions (SPEC section 5); the rows may not. */
#include "writer.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

char *wcr_citation(const wc_source *s)
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

bool wcr_source_seen(const wc_source_list *const *lists, size_t l, size_t i)
{
    const wc_source *s = lists[l]->items[i];
    for (size_t m = 0; m <= l; m++)
        for (size_t j = 0; j < (m == l ? i : lists[m]->count); j++)
            if (lists[m]->items[j] == s)
                return true;
    return false;
}

bool wcr_notes_text(const wcr_writer *w, const wcr_opts *o, const wc_notes *notes)
{
    if (notes->count == 0)
        return true;
    bool ok = WCR_LIT(w, "\nNotes:\n");
    for (size_t i = 0; i < notes->count; i++)
        ok &= wcr_wrap_text(w, o, "  - ", 4, notes->items[i], NULL);
    return ok;
}

bool wcr_sources_text(const wcr_writer *w, const wcr_opts *o, const wc_source_list *const *lists,
                      size_t n)
{
    bool any = false, ok = true;
    for (size_t l = 0; l < n; l++)
        for (size_t i = 0; i < lists[l]->count; i++) {
            if (wcr_source_seen(lists, l, i))
                continue;
            if (!any)
                ok &= WCR_LIT(w, "\nSources:\n");
            any = true;
            char *cite = wcr_citation(lists[l]->items[i]);
            if (cite == NULL)
                return false; /* the list stops short */
            ok &= wcr_wrap_text(w, o, "  - ", 4, cite, NULL);
            free(cite);
        }
    return ok;
}

const char *wcr_color_on(const wcr_opts *o, wc_verdict_kind kind)
{
    if (!o->color)
        return "";
    /* The map's colour-blind-safe scheme: blue where an arrest is owed,
     * orange where it is not, no colour (bold) where no one is asked. */
    if (wc_verdict_can_arrest(kind))
        return "\033[1;34m";
    if (kind == WC_V_NOT_OBLIGED)
        return "\033[1;38;5;208m";
    return "\033[1m";
}

const char *wcr_color_off(const wcr_opts *o)
{
    return o->color ? "\033[0m" : "";
}

/* Why no country is asked to arrest `p` on `date` when the verdict is
 * no-warrant or in-custody: "Rodrigo Duterte is in the Court's custody
 * (since 2025-03-12)", "the warrant for X was withdrawn on D", ... */
bool wcr_reason_text(const wcr_writer *w, wc_date date, const wc_person *p, const wc_verdict *v)
{
    char d[WC_DATE_BUFSIZE], e[WC_DATE_BUFSIZE];
    wc_date_format(date, d);
    const wc_status_event *ev = NULL;
    wc_warrant_status st =
        v->warrant != NULL ? wc_warrant_status_on(v->warrant, date, &ev) : WC_NOT_ISSUED;
    if (v->kind == WC_V_IN_CUSTODY)
        st = WC_IN_CUSTODY;
    bool since = ev != NULL && ev->date != WC_DATE_UNKNOWN;
    if (since)
        wc_date_format(ev->date, e);
    switch (st) {
    case WC_IN_CUSTODY:
    case WC_ARRESTED:
        return since ? wcr_printf(w, "%s is in the custody of the International Criminal Court "
                                     "on %s (since %s)", p->name, d, e)
                     : wcr_printf(w, "%s is in the custody of the International Criminal Court "
                                     "on %s", p->name, d);
    case WC_CONVICTED:
    case WC_ACQUITTED:
    case WC_RELEASED:
        return wcr_printf(w, "%s was %s by the Court%s%s; no warrant is in force on %s", p->name,
                          st == WC_CONVICTED   ? "convicted"
                          : st == WC_ACQUITTED ? "acquitted"
                                               : "released",
                          since ? " on " : "", since ? e : "", d);
    case WC_DECEASED:
        if (p->died != WC_DATE_UNKNOWN) {
            char died[WC_DATE_BUFSIZE];
            wc_date_format(p->died, died);
            return wcr_printf(w, "%s died on %s%s; the Court ended the warrant%s%s", p->name,
                              died, p->died_confirmation == WC_REPORTED ? " (reported)" : "",
                              since ? " on " : "", since ? e : "");
        }
        return wcr_printf(w, "%s is dead; the Court ended the warrant%s%s", p->name,
                          since ? " on " : "", since ? e : "");
    case WC_WITHDRAWN:
    case WC_VACATED:
        return wcr_printf(w, "the warrant for %s was %s%s%s; none is in force on %s", p->name,
                          st == WC_WITHDRAWN ? "withdrawn" : "vacated", since ? " on " : "",
                          since ? e : "", d);
    case WC_NOT_ISSUED:
        if (v->warrant != NULL && v->warrant->issued != WC_DATE_UNKNOWN &&
            v->warrant->issued > date) {
            wc_date_format(v->warrant->issued, e);
            return wcr_printf(w, "the warrant for %s was not yet issued on %s (it was issued "
                                 "on %s)", p->name, d, e);
        }
        return wcr_printf(w, "there is no ICC arrest warrant in force for %s on %s", p->name,
                          d);
    case WC_AT_LARGE:
        break;
    }
    return wcr_printf(w, "there is no ICC arrest warrant in force for %s on %s", p->name, d);
}

/* The headline of a verdict, in words: the answer first. */
static bool verdict_headline(const wcr_writer *w, const wcr_opts *o, wc_date date,
                             const wc_person *p, const wc_country *country, const wc_verdict *v)
{
    char d[WC_DATE_BUFSIZE];
    const char *on = wcr_color_on(o, v->kind);
    const char *off = wcr_color_off(o);
    wc_date_format(date, d);
    switch (v->kind) {
    case WC_V_OBLIGED:
        if (v->through != NULL && v->state_party_presumed)
            return wcr_printf(w, "%sYes%s — %s%s must arrest %s on %s: the Rome Statute is presumed "
                                 "to apply there through %s%s, a State Party (its coverage is not "
                                 "recorded).\n",
                              on, off, wc_country_article(country), country->name, p->name, d,
                              wc_country_article(v->through), v->through->name);
        if (v->through != NULL)
            return wcr_printf(w, "%sYes%s — %s%s must arrest %s on %s: the Rome Statute applies "
                                 "there through %s%s, a State Party.\n",
                              on, off, wc_country_article(country), country->name, p->name, d,
                              wc_country_article(v->through), v->through->name);
        return wcr_printf(w, "%sYes%s — %s%s must arrest %s on %s: it is a State Party to the Rome "
                             "Statute.\n",
                          on, off, wc_country_article(country), country->name, p->name, d);
    case WC_V_OBLIGED_RESIDUAL:
        return wcr_printf(w, "%sYes%s — %s%s must still arrest %s on %s, though it has left the "
                             "Rome Statute (art. 127(2)).\n",
                          on, off, wc_country_article(country), country->name, p->name, d);
    case WC_V_OBLIGED_UNSC:
        if (!wc_country_is_state(country))
            return wcr_printf(w, "%sYes%s — %s%s must arrest %s on %s: it belongs to %s%s, which "
                                 "Security Council resolution %s binds.\n",
                              on, off, wc_country_article(country), country->name, p->name, d,
                              wc_country_article(wc_charter_state(country)),
                              wc_charter_state(country)->name, v->basis);
        return wcr_printf(w, "%sYes%s — %s%s must arrest %s on %s under Security Council "
                             "resolution %s.\n",
                          on, off, wc_country_article(country), country->name, p->name, d, v->basis);
    case WC_V_NOT_OBLIGED:
        if (v->through != NULL)
            return wcr_printf(w, "%sNo%s — %s%s is not obliged to arrest %s on %s: it belongs "
                                 "to %s%s, which is not a State Party, and no Security Council "
                                 "resolution binds it.\n",
                              on, off, wc_country_article(country), country->name, p->name, d,
                              wc_country_article(v->through), v->through->name);
        return wcr_printf(w, "%sNo%s — %s%s is not obliged to arrest %s on %s: it is not a State "
                             "Party and no Security Council resolution binds it.\n",
                          on, off, wc_country_article(country), country->name, p->name, d);
    case WC_V_NO_WARRANT:
    case WC_V_IN_CUSTODY:
        return wcr_printf(w, "%sNo%s — ", on, off) && wcr_reason_text(w, date, p, v) &&
               WCR_LIT(w, ".\n");
    }
    return true;
}

char *wcr_citation_short(const wc_source *s)
{
    char date[WC_DATE_BUFSIZE];
    const char *d = s->date != WC_DATE_UNKNOWN ? wc_date_format(s->date, date) : NULL;
    /* The title up to a parenthesis, and at most eight words of it. */
    size_t t = strcspn(s->title, "(");
    while (t > 0 && (s->title[t - 1] == ' ' || s->title[t - 1] == ':' || s->title[t - 1] == ','))
        t--;
    size_t words = 0, cut = t;
    for (size_t i = 0; i < t; i++)
        if (s->title[i] == ' ' && ++words == 8) {
            cut = i;
            break;
        }
    bool cut_short = cut < t;
    while (cut > 0 && (s->title[cut - 1] == ':' || s->title[cut - 1] == ','))
        cut--;
    size_t n = strlen(s->publisher) + cut + 48;
    char *buf = malloc(n);
    if (buf == NULL)
        return NULL;
    snprintf(buf, n, "%s, %.*s%s%s%s", s->publisher, (int)cut, s->title, cut_short ? "…" : "",
             d ? ", " : "", d ? d : "");
    return buf;
}

/* Writes `s` on one line after `prefix`, cut to o->width with "…". */
static bool one_line(const wcr_writer *w, const wcr_opts *o, const char *prefix, const char *s)
{
    size_t room = o->width > 0 ? o->width - wcr_display_width(prefix) : 0;
    bool ok = wcr_puts(w, prefix);
    if (room == 0 || wcr_display_width(s) <= room)
        return ok && wcr_puts(w, s) && wcr_putc(w, '\n');
    /* Cut at a character boundary, leaving a column for the ellipsis. */
    size_t cols = 0, i = 0;
    while (s[i] != '\0') {
        size_t n = 1;
        while ((s[i + n] & 0xC0) == 0x80)
            n++;
        char ch[8] = {0};
        memcpy(ch, s + i, n < sizeof ch ? n : sizeof ch - 1);
        size_t cw = wcr_display_width(ch);
        if (cols + cw > room - 1)
            break;
        cols += cw, i += n;
    }
    return ok && wcr_write(w, s, i) && WCR_LIT(w, "…\n");
}

bool wcr_verdict_text(const wcr_writer *w, const wcr_opts *o, wc_date date, const wc_person *p,
                      const wc_country *c, const wc_verdict *v)
{
    char a[WC_DATE_BUFSIZE];
    size_t lines = 0;
    wcr_buffer head = {0};
    wcr_writer hw = wcr_writer_buffer(&head);
    bool ok = verdict_headline(&hw, o, date, p, c, v) && !head.failed;
    if (ok && head.len > 0 && head.data[head.len - 1] == '\n')
        head.data[--head.len] = '\0';
    ok = ok && wcr_wrap_text(w, o, "", 2, head.data ? head.data : "", &lines);
    wcr_buffer_free(&head);
    ok &= wcr_printf(w, "\n  %-10s %s%s%s\n", "verdict", wcr_color_on(o, v->kind),
                     wc_verdict_word(v->kind), wcr_color_off(o));
    lines += 2;
    if (v->basis != NULL)
        ok &= wcr_wrapped(w, o, "  basis      ", 13, &lines, "%s", v->basis);
    if (v->warrant != NULL)
        ok &= wcr_wrapped(w, o, "  warrant    ", 13, &lines, "%s, issued %s (situation: %s)",
                      v->warrant->id,
                      v->warrant->issued != WC_DATE_UNKNOWN
                          ? wc_date_format(v->warrant->issued, a)
                          : "on an unknown day",
                      v->warrant->situation);
    if (v->notes.count > 0) {
        ok &= WCR_LIT(w, "\nNotes:\n");
        lines += 2;
    }
    for (size_t i = 0; i < v->notes.count; i++)
        ok &= wcr_wrap_text(w, o, "  - ", 4, v->notes.items[i], &lines);
    if (o->sources)
        return wcr_sources_text(w, o, v->sources, v->n_sources) && ok;
    /* In short: publisher, title, date; on a terminal only as many as the
     * screen holds (and a line for the prompt). */
    size_t total = 0, shown = 0;
    for (size_t l = 0; l < v->n_sources; l++)
        for (size_t i = 0; i < v->sources[l]->count; i++)
            total += !wcr_source_seen(v->sources, l, i);
    if (total == 0)
        return ok;
    size_t room = total;
    if (o->rows > 0) {
        size_t left = o->rows > lines + 3 ? o->rows - lines - 3 : 0; /* blank, heading, prompt */
        room = total <= left ? total : left > 0 ? left - 1 : 0;
    }
    ok &= WCR_LIT(w, "\nSources:\n");
    for (size_t l = 0; l < v->n_sources && shown < room; l++)
        for (size_t i = 0; i < v->sources[l]->count && shown < room; i++) {
            if (wcr_source_seen(v->sources, l, i))
                continue;
            char *cite = wcr_citation_short(v->sources[l]->items[i]);
            if (cite == NULL)
                return false;
            ok &= one_line(w, o, "  - ", cite);
            free(cite);
            shown++;
        }
    if (shown < total)
        ok &= wcr_wrapped(w, o, "  ", 4, NULL, "%s%zu more: --sources lists every source with its "
                      "address", shown > 0 ? "and " : "", total - shown);
    return ok;
}

bool wcr_where_text_head(const wcr_writer *w, const wc_person *p, wc_date date, size_t countries,
                         size_t territories, bool every, const wc_verdict *why)
{
    char d[WC_DATE_BUFSIZE];
    wc_date_format(date, d);
    const char *noun = countries == 1 ? "country" : "countries";
    if (countries > 0 && territories > 0 && !every)
        return wcr_printf(w,
                          "%s can be arrested in %zu %s on %s (and in %zu territories of theirs; "
                          "--all lists every place):\n",
                          p->name, countries, noun, d, territories);
    if (countries > 0)
        return wcr_printf(w, "%s can be arrested in %zu %s on %s%s\n", p->name, countries, noun,
                          d, every ? "; every country:" : ":");
    /* No one is asked to arrest: say why, if it is the person's state. */
    if (why != NULL && (why->kind == WC_V_NO_WARRANT || why->kind == WC_V_IN_CUSTODY)) {
        wcr_buffer b = {0};
        wcr_writer bw = wcr_writer_buffer(&b);
        bool ok = wcr_reason_text(&bw, date, p, why) && !b.failed;
        if (ok && b.len > 0 && b.data[0] >= 'a' && b.data[0] <= 'z')
            b.data[0] = (char)(b.data[0] - 'a' + 'A');
        ok = ok && wcr_printf(w, "%s, so no country is asked to make an arrest%s\n", b.data,
                              every ? "; every country:" : ".");
        wcr_buffer_free(&b);
        return ok;
    }
    return wcr_printf(w, "%s cannot be arrested under an ICC warrant in any country on %s%s\n",
                      p->name, d, every ? "; every country:" : ".");
}

bool wcr_where_text_row(const wcr_writer *w, const wcr_opts *o, const wc_country *c,
                        const wc_verdict *v)
{
    char lead[128];
    snprintf(lead, sizeof lead, "  %s  %-3s  %s%-16s%s  ", c->iso2, c->iso3,
             wcr_color_on(o, v->kind), wc_verdict_word(v->kind), wcr_color_off(o));
    return wcr_wrap_row(w, o, lead, c->name);
}

bool wcr_trip_text_row(const wcr_writer *w, const wcr_opts *o, const wc_trip *trip,
                       const wc_verdict *v)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE], days[2 * WC_DATE_BUFSIZE + 2], lead[160];
    /* A one-day trip reads as its day, padded to the width of a range. */
    if (trip->end == trip->start)
        snprintf(days, sizeof days, "%s", wc_date_format(trip->start, a));
    else
        snprintf(days, sizeof days, "%s..%s", wc_date_format(trip->start, a),
                 wc_date_format(trip->end, b));
    snprintf(lead, sizeof lead, "%-22s  %s  %s%-16s%s  ", days, trip->host->iso2,
             wcr_color_on(o, v->kind), wc_verdict_word(v->kind), wcr_color_off(o));
    wcr_buffer last = {0};
    wcr_writer lw = wcr_writer_buffer(&last);
    bool ok = wcr_printf(&lw, "%s%s%s%s%s", trip->host->name, trip->city ? ", " : "",
                         trip->city ? trip->city : "", trip->outcome ? " — " : "",
                         trip->outcome ? trip->outcome : "") &&
              !last.failed && wcr_wrap_row(w, o, lead, last.data);
    wcr_buffer_free(&last);
    return ok;
}

bool wcr_where_text_filtered_head(const wcr_writer *w, const wcr_opts *o, const wc_person *p,
                                  wc_date date, size_t countries, const wc_verdict *why,
                                  size_t matched, bool every, const char *verdicts,
                                  bool several)
{
    char d[WC_DATE_BUFSIZE];
    wc_date_format(date, d);
    wcr_buffer b = {0};
    wcr_writer bw = wcr_writer_buffer(&b);
    bool ok;
    /* First the answer to `where` itself, which the exit status gives. */
    if (countries > 0) {
        ok = wcr_printf(&bw, "%s can be arrested in %zu %s on %s", p->name, countries,
                        countries == 1 ? "country" : "countries", d);
    } else if (why != NULL && (why->kind == WC_V_NO_WARRANT || why->kind == WC_V_IN_CUSTODY)) {
        size_t at = b.len;
        ok = wcr_reason_text(&bw, date, p, why) && !b.failed;
        if (ok && b.len > at && b.data[at] >= 'a' && b.data[at] <= 'z')
            b.data[at] = (char)(b.data[at] - 'a' + 'A');
        ok = ok && WCR_LIT(&bw, ", so no country is asked to make an arrest");
    } else {
        ok = wcr_printf(&bw, "%s cannot be arrested under an ICC warrant in any country on %s",
                        p->name, d);
    }
    /* Then what the filter kept. */
    const char *what = several ? "one of the verdicts" : "the verdict";
    if (matched == 0)
        ok = ok && wcr_printf(&bw, "; no %s has %s %s.", every ? "country or territory" : "country",
                              what, verdicts);
    else
        ok = ok && wcr_printf(&bw, "; %zu %s %s %s %s:", matched,
                              every ? (matched == 1 ? "country or territory" : "countries and territories")
                                    : (matched == 1 ? "country" : "countries"),
                              matched == 1 ? "has" : "have", what, verdicts);
    ok = ok && !b.failed && wcr_wrap_text(w, o, "", 2, b.data, NULL);
    wcr_buffer_free(&b);
    return ok;
}
