/* The text format, for people: a verdict's headline and its details, the
 * notes and sources sections, citations and the colours of verdict words.
 * The text may change between versions (SPEC section 5); the rows may not. */
#include "writer.h"

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

bool wcr_notes_text(const wcr_writer *w, const wc_notes *notes)
{
    if (notes->count == 0)
        return true;
    bool ok = WCR_LIT(w, "\nNotes:\n");
    for (size_t i = 0; i < notes->count; i++)
        ok &= wcr_printf(w, "  - %s\n", notes->items[i]);
    return ok;
}

bool wcr_sources_text(const wcr_writer *w, const wc_source_list *const *lists, size_t n)
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
            ok &= wcr_printf(w, "  - %s\n", cite);
            free(cite);
        }
    return ok;
}

const char *wcr_color_on(const wcr_opts *o, wc_verdict_kind kind)
{
    if (!o->color)
        return "";
    if (wc_verdict_can_arrest(kind))
        return "\033[1;32m";
    if (kind == WC_V_NOT_OBLIGED)
        return "\033[1;31m";
    return "\033[1;33m";
}

const char *wcr_color_off(const wcr_opts *o)
{
    return o->color ? "\033[0m" : "";
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
            return wcr_printf(w, "%sYes%s — %s must arrest %s on %s: the Rome Statute is presumed "
                                 "to apply there through %s, a State Party (its coverage is not "
                                 "recorded).\n",
                              on, off, country->name, p->name, d, v->through->name);
        if (v->through != NULL)
            return wcr_printf(w, "%sYes%s — %s must arrest %s on %s: the Rome Statute applies "
                                 "there through %s, a State Party.\n",
                              on, off, country->name, p->name, d, v->through->name);
        return wcr_printf(w, "%sYes%s — %s must arrest %s on %s: it is a State Party to the Rome "
                             "Statute.\n",
                          on, off, country->name, p->name, d);
    case WC_V_OBLIGED_RESIDUAL:
        return wcr_printf(w, "%sYes%s — %s must still arrest %s on %s, though it has left the "
                             "Rome Statute (art. 127(2)).\n",
                          on, off, country->name, p->name, d);
    case WC_V_OBLIGED_UNSC:
        return wcr_printf(w, "%sYes%s — %s must arrest %s on %s under Security Council "
                             "resolution %s.\n",
                          on, off, country->name, p->name, d, v->basis);
    case WC_V_NOT_OBLIGED:
        return wcr_printf(w, "%sNo%s — %s is not obliged to arrest %s on %s: it is not a State "
                             "Party and no Security Council resolution binds it.\n",
                          on, off, country->name, p->name, d);
    case WC_V_NO_WARRANT:
        return wcr_printf(w, "%sNo%s — there is no ICC arrest warrant in force for %s on %s.\n",
                          on, off, p->name, d);
    case WC_V_IN_CUSTODY:
        return wcr_printf(w, "%sNo%s — %s is in the custody of the International Criminal Court "
                             "on %s.\n",
                          on, off, p->name, d);
    }
    return true;
}

bool wcr_verdict_text(const wcr_writer *w, const wcr_opts *o, wc_date date, const wc_person *p,
                      const wc_country *c, const wc_verdict *v)
{
    char a[WC_DATE_BUFSIZE];
    bool ok = verdict_headline(w, o, date, p, c, v);
    ok &= wcr_printf(w, "\n  %-10s %s%s%s\n", "verdict", wcr_color_on(o, v->kind),
                     wc_verdict_word(v->kind), wcr_color_off(o));
    if (v->basis != NULL)
        ok &= wcr_printf(w, "  %-10s %s\n", "basis", v->basis);
    if (v->warrant != NULL)
        ok &= wcr_printf(w, "  %-10s %s, issued %s (situation: %s)\n", "warrant", v->warrant->id,
                         v->warrant->issued != WC_DATE_UNKNOWN
                             ? wc_date_format(v->warrant->issued, a)
                             : "on an unknown day",
                         v->warrant->situation);
    ok &= wcr_notes_text(w, &v->notes);
    return wcr_sources_text(w, v->sources, v->n_sources) && ok;
}

bool wcr_where_text_head(const wcr_writer *w, const wc_person *p, wc_date date, size_t countries,
                         size_t territories, bool every)
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
    return wcr_printf(w, "%s cannot be arrested under an ICC warrant in any country on %s%s\n",
                      p->name, d, every ? "; every country:" : ".");
}

bool wcr_where_text_row(const wcr_writer *w, const wcr_opts *o, const wc_country *c,
                        const wc_verdict *v)
{
    return wcr_printf(w, "  %s  %-3s  %s%-16s%s  %s\n", c->iso2, c->iso3, wcr_color_on(o, v->kind),
                      wc_verdict_word(v->kind), wcr_color_off(o), c->name);
}

bool wcr_trip_text_row(const wcr_writer *w, const wcr_opts *o, const wc_trip *trip,
                       const wc_verdict *v)
{
    char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
    return wcr_printf(w, "%s..%s  %s  %s%-16s%s  %s%s%s%s%s\n", wc_date_format(trip->start, a),
                      wc_date_format(trip->end, b), trip->host->iso2, wcr_color_on(o, v->kind),
                      wc_verdict_word(v->kind), wcr_color_off(o), trip->host->name,
                      trip->city ? ", " : "", trip->city ? trip->city : "",
                      trip->outcome ? " — " : "", trip->outcome ? trip->outcome : "");
}
