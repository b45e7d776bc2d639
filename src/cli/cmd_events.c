/* `warrantcheck events`: the dataset's dated facts in order (issue 13).
 * The core lists them (wc_dated_facts); this says each in words and
 * prints it in every format. */
#include "data_ops.h"

#include "diag.h"
#include "echo.h"
#include "fields.h"
#include "options.h"
#include "table.h"

#include <warrantcheck/history.h>

#include <stdlib.h>
#include <string.h>

/* Without --since: this many days before --until. */
#define DEFAULT_SPAN_DAYS 365

static const char *const EVENT_COLUMNS[] = {
    "date",    "not_before", "not_after", "kind",         "iso2",    "iso3",   "country",
    "through", "person",     "person_name", "warrant",    "status",  "confirmation",
    "summary", "sources",    NULL};

static const char *name_of(const wc_country *c)
{
    return c != NULL ? c->name : "?";
}

/* The facts whose words name only the country: each format takes the
 * article ("the " or "") and the name, in that order. */
static const char *const COUNTRY_FACT_WORDS[] = {
    [WC_FACT_SIGNED] = "%s%s signs the Rome Statute",
    [WC_FACT_SIGNATURE_WITHDRAWN] = "%s%s withdraws its signature of the Rome Statute",
    [WC_FACT_IN_FORCE] = "the Rome Statute enters into force for %s%s",
    [WC_FACT_WITHDRAWAL_ANNOUNCED] = "%s%s announces its withdrawal from the Rome Statute",
    [WC_FACT_WITHDRAWAL_DEPOSITED] = "%s%s deposits its notification of withdrawal (art. 127)",
    [WC_FACT_WITHDRAWAL_EFFECTIVE] = "the withdrawal of %s%s takes effect",
    [WC_FACT_WITHDRAWAL_REVOKED] = "%s%s revokes its withdrawal",
    [WC_FACT_DECLARATION] = "%s%s lodges an art. 12(3) declaration",
};

static const char *article_of(const wc_country *c)
{
    return c != NULL ? wc_country_article(c) : "";
}

/* The fact in words, for people: "the Rome Statute enters into force for
 * Ukraine". Returns a malloc'd string, or NULL if memory ran out. */
static char *summary(const wc_dated_fact *f)
{
    wcr_buffer b = {0};
    wcr_writer w = wcr_writer_buffer(&b);
    const char *the = article_of(f->country), *country = name_of(f->country);
    const char *person = f->person != NULL ? f->person->name : "?";
    size_t n_words = sizeof COUNTRY_FACT_WORDS / sizeof COUNTRY_FACT_WORDS[0];
    if ((size_t)f->kind < n_words && COUNTRY_FACT_WORDS[f->kind] != NULL)
        wcr_printf(&w, COUNTRY_FACT_WORDS[f->kind], the, country);
    else switch (f->kind) {
    case WC_FACT_DEPOSITED:
        wcr_printf(&w, "%s%s deposits its instrument of %s", the, country,
                   f->statute && f->statute->deposit_type != WC_DEPOSIT_NONE
                       ? wc_deposit_type_word(f->statute->deposit_type)
                       : "ratification");
        break;
    case WC_FACT_TERRITORY_COVERED:
        wcr_printf(&w, "the Rome Statute applies to %s%s, through %s%s", the, country,
                   article_of(f->state), name_of(f->state));
        break;
    case WC_FACT_TERRITORY_ENDED:
        wcr_printf(&w, "the Rome Statute no longer applies to %s%s through %s%s", the, country,
                   article_of(f->state), name_of(f->state));
        break;
    case WC_FACT_REFERRAL:
        wcr_printf(&w, "the Security Council refers the situation '%s' (%s)",
                   f->referral->situation, f->referral->resolution);
        break;
    case WC_FACT_WARRANT_ISSUED:
        wcr_printf(&w, "the Court issues a warrant for the arrest of %s (%s)", person,
                   f->warrant->situation);
        break;
    case WC_FACT_WARRANT_PUBLIC:
        wcr_printf(&w, "the warrant for %s is made public", person);
        break;
    case WC_FACT_WARRANT_STATUS:
        wcr_printf(&w, "%s: %s%s%s", person, wc_warrant_status_word(f->status->status),
                   f->status->note ? " — " : "", f->status->note ? f->status->note : "");
        break;
    case WC_FACT_TRIP: {
        char end[WC_DATE_BUFSIZE];
        const wc_trip *t = f->trip;
        bool until = t->end != WC_DATE_UNKNOWN && t->end != t->start;
        wcr_printf(&w, "%s visits %s%s%s%s%s%s%s%s%s", person, the, country, t->city ? " (" : "",
                   t->city ? t->city : "", t->city ? ")" : "", until ? " until " : "",
                   until ? wc_date_format(t->end, end) : "", t->occasion ? ": " : "",
                   t->occasion ? t->occasion : "");
        break;
    }
    case WC_FACT_DIED:
        wcr_printf(&w, "%s dies", person);
        break;
    case WC_FACT_FINDING:
        wcr_printf(&w, "the Court finds %s%s in non-compliance (failure to arrest %s)", the,
                   country, person);
        break;
    default: /* a country fact, written above */
        break;
    }
    if (b.failed || b.data == NULL) {
        wcr_buffer_free(&b);
        return NULL;
    }
    return b.data;
}

static cJSON *fact_row(const cli *c, const wc_dated_fact *f)
{
    cJSON *o = cJSON_CreateObject();
    char *text = summary(f);
    const wc_source_list *lists[1] = {f->sources};
    bool ok = o != NULL && text != NULL && wcr_json_add_date(o, "date", f->date) &&
              wcr_json_add_date(o, "not_before", f->not_before) &&
              wcr_json_add_date(o, "not_after", f->not_after) &&
              wcr_json_add_string(o, "kind", wc_fact_kind_word(f->kind));
    ok = ok && wcr_json_add_country(o, "country", f->country) &&
         wcr_json_add_country(o, "through", f->state);
    if (ok && f->person != NULL)
        ok = wcr_json_add_person(o, "person", f->person);
    else if (ok)
        ok = cJSON_AddNullToObject(o, "person") != NULL;
    ok = ok && wcr_json_add_string(o, "warrant", f->warrant ? f->warrant->id : NULL) &&
         wcr_json_add_string(o, "status",
                         f->status ? wc_warrant_status_word(f->status->status) : NULL) &&
         wcr_json_add_string(o, "confirmation",
                         f->has_confirmation ? wc_fact_confirmation_word(f->confirmation)
                                             : NULL) &&
         wcr_json_add_string(o, "summary", text) &&
         wcr_json_add_sources(o, "sources", lists, f->sources ? 1 : 0);
    free(text);
    (void)c;
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* One event a paragraph: its date (or the span it lies in), what happened
 * and its first source below, each wrapped at the terminal's width. */
static bool print_text(const cli *c, const wc_fact_list *facts)
{
    wcr_opts o = cli_render_opts(c);
    bool ok = true;
    for (size_t i = 0; i < facts->count; i++) {
        const wc_dated_fact *f = &facts->items[i];
        char d[WC_DATE_BUFSIZE], a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
        char prefix[3 * WC_DATE_BUFSIZE + 32];
        char *text = summary(f);
        if (f->date != WC_DATE_UNKNOWN)
            snprintf(prefix, sizeof prefix, "%s  ", wc_date_format(f->date, d));
        else
            snprintf(prefix, sizeof prefix, "%s  (between %s and %s) ",
                     wc_date_format(f->not_after != WC_DATE_UNKNOWN ? f->not_after
                                                                    : f->not_before,
                                    d),
                     f->not_before != WC_DATE_UNKNOWN ? wc_date_format(f->not_before, a) : "?",
                     f->not_after != WC_DATE_UNKNOWN ? wc_date_format(f->not_after, b) : "?");
        wcr_buffer line = {0};
        wcr_writer lw = wcr_writer_buffer(&line);
        wcr_puts(&lw, text ? text : "?");
        if (f->has_confirmation)
            wcr_printf(&lw, " [%s]", wc_fact_confirmation_word(f->confirmation));
        ok &= !line.failed && wcr_wrap_text(&c->writer, &o, prefix, 12, line.data, NULL);
        wcr_buffer_free(&line);
        free(text);
        if (f->sources != NULL && f->sources->count > 0) {
            char *cite = wcr_citation(f->sources->items[0]);
            wcr_buffer src = {0};
            wcr_writer sw = wcr_writer_buffer(&src);
            if (cite != NULL)
                wcr_printf(&sw, "%s%s", cite, f->sources->count > 1 ? " (and others)" : "");
            ok &= cite != NULL && !src.failed &&
                  wcr_wrap_text(&c->writer, &o, "            source: ", 20, src.data, NULL);
            wcr_buffer_free(&src);
            free(cite);
        }
    }
    return ok;
}

static bool date_option(const char *name, const char *value, wc_date *out)
{
    char echo[CLI_ECHO_BUFSIZE];
    if (value == NULL)
        return true;
    if (wc_date_parse(value, strlen(value), out))
        return true;
    cli_error("--%s: not a date: '%s' (expected YYYY-MM-DD, a real day from %d to %d)", name,
              cli_echo(value, echo), WC_DATE_MIN_YEAR, WC_DATE_MAX_YEAR);
    return false;
}

int events_check(cli *c, int argc, char **argv)
{
    (void)argv;
    if (argc > 0) {
        cli_error("'events' takes no arguments (try 'warrantcheck events --help')");
        return CHECK_FAILED;
    }
    c->until = c->date; /* --on, already checked */
    if (!date_option("until", c->until_text, &c->until) ||
        !date_option("since", c->since_text, &c->since))
        return CHECK_FAILED;
    if (c->since_text == NULL)
        c->since = wc_date_add_days(c->until, -DEFAULT_SPAN_DAYS);
    if (c->since > c->until) {
        char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE];
        cli_error("--since %s is after --until %s", wc_date_format(c->since, a),
                  wc_date_format(c->until, b));
        return CHECK_FAILED;
    }
    return CHECK_DATA;
}

int cmd_events(cli *c, int argc, char **argv)
{
    (void)argc, (void)argv; /* checked before the data: events_check() */
    wc_fact_filter filter = {c->since, c->until, NULL, NULL};
    if (c->person != NULL && (filter.person = cli_person(c, c->person)) == NULL)
        return EXIT_INPUT;
    if (c->country_text != NULL && (filter.country = cli_country(c, c->country_text)) == NULL)
        return EXIT_INPUT;
    wc_fact_list facts;
    if (!wc_dated_facts(c->ds, &filter, &facts))
        return diag_out_of_memory();
    bool ok = true;
    if (c->quiet) {
        /* the exit status alone */
    } else if (c->format == FORMAT_TEXT) {
        ok = print_text(c, &facts);
    } else {
        wcr_table t;
        cli_table_begin(&t, c, EVENT_COLUMNS);
        for (size_t i = 0; i < facts.count; i++)
            wcr_table_row(&t, fact_row(c, &facts.items[i]));
        ok = wcr_table_end(&t);
    }
    wc_fact_list_free(&facts);
    return ok ? EXIT_YES : diag_out_of_memory();
}
