/* `warrantcheck country COUNTRY`: a state's standing under the Rome
 * Statute on a date, with the dates and notes that make it so. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "fields.h"
#include "suggest.h"
#include "table.h"
#include "verdict_filter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The facts one answer rests on, gathered once for every format. */
typedef struct country_answer {
    const wc_country *country;
    wc_membership m;
    wc_notes notes;
    const wc_withdrawal *withdrawal; /* the one in effect or pending */
    const wc_source_list *sources[64];
    size_t n_sources;
} country_answer;

static const char *const COUNTRY_COLUMNS[] = {
    "date",     "iso2",                 "iso3",                 "country", "through", "state_party",
    "signed",   "deposited",            "deposit_type",         "in_force",
    "withdrawal_deposited", "withdrawal_effective", "notes", NULL};

static cJSON *country_json(const cli *c, const country_answer *a)
{
    cJSON *o = cJSON_CreateObject();
    const wc_statute *s = a->m.statute;
    const wc_withdrawal *w = a->withdrawal;
    bool ok = o != NULL && wcr_json_add_date(o, "date", c->date) &&
              wcr_json_add_country(o, "country", a->country) &&
              wcr_json_add_state_party(o, a->m.state_party, a->m.presumed) &&
              wcr_json_add_country(o, "through", a->m.through) &&
              wcr_json_add_date(o, "signed", s ? s->signed_on : WC_DATE_UNKNOWN) &&
              wcr_json_add_date(o, "deposited", s ? s->deposited : WC_DATE_UNKNOWN) &&
              wcr_json_add_string(o, "deposit_type",
                              s ? wc_deposit_type_word(s->deposit_type) : NULL) &&
              wcr_json_add_date(o, "in_force", s ? s->in_force : WC_DATE_UNKNOWN) &&
              wcr_json_add_date(o, "withdrawal_deposited",
                            w && w->deposited.happened ? w->deposited.date : WC_DATE_UNKNOWN) &&
              wcr_json_add_date(o, "withdrawal_effective",
                            w && w->effective.happened ? w->effective.date : WC_DATE_UNKNOWN) &&
              wcr_json_add_strings(o, "notes", a->notes.items, a->notes.count) &&
              wcr_json_add_sources(o, "sources", a->sources, a->n_sources);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Is `w` a warrant whose duty `country` lists (and `countries --verdict`
 * filters by): one in force on the date? */
static bool open_warrant(const cli *c, const wc_warrant *w)
{
    const wc_status_event *ev;
    return wc_warrant_state_on(w, c->date, &ev) == WC_WARRANT_IN_FORCE;
}

/* The verdict of warrant `w` in `country` on the date, into *kind; false
 * if memory ran out. */
static bool duty_of(const cli *c, const wc_warrant *w, const wc_country *country,
                    wc_verdict_kind *kind)
{
    wc_verdict v;
    if (!wc_verdict_for_warrant(c->ds, w, country, c->date, &v))
        return false;
    *kind = v.kind;
    wc_verdict_free(&v);
    return true;
}

/* Fills duties[] (room for every warrant) with the warrants in force on
 * the date; returns how many, or SIZE_MAX if memory ran out. */
static size_t gather_duties(const cli *c, const wc_country *country, wcr_duty *duties)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ds->n_warrants; i++) {
        const wc_warrant *w = &c->ds->warrants[i];
        if (!open_warrant(c, w))
            continue;
        duties[n] = (wcr_duty){.warrant = w};
        if (!duty_of(c, w, country, &duties[n].kind))
            return SIZE_MAX;
        n++;
    }
    return n;
}

/* The duties as JSON: "Vladimir Putin: obliged". */
static cJSON *warrants_json(const wcr_duty *duties, size_t n)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; list != NULL && i < n; i++) {
        const wc_warrant *w = duties[i].warrant;
        cJSON *o = cJSON_CreateObject();
        bool ok = o != NULL && wcr_json_add_person(o, "person", w->person) &&
                  wcr_json_add_string(o, "warrant", w->id) &&
                  wcr_json_add_string(o, "verdict", wc_verdict_word(duties[i].kind)) &&
                  cJSON_AddItemToArray(list, o);
        if (!ok) {
            cJSON_Delete(o);
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

/* The text for people, through the render layer. */
static bool print_text(const cli *c, const country_answer *a, const wcr_duty *duties, size_t n)
{
    wcr_opts o = cli_render_opts(c);
    wcr_country_answer ra = {.country = a->country,
                             .date = c->date,
                             .membership = a->m,
                             .withdrawal = a->withdrawal,
                             .notes = &a->notes,
                             .sources = a->sources,
                             .n_sources = a->n_sources,
                             .duties = duties,
                             .n_duties = n};
    return wcr_country_text(&c->writer, &o, &ra);
}

int cmd_country(cli *c, int argc, char **argv)
{
    char *name = cli_join_words(argc, argv);
    country_answer a = {.country = name ? cli_country(c, name) : NULL};
    free(name);
    if (a.country == NULL)
        return EXIT_INPUT;
    a.m = wc_membership_on(a.country, c->date);
    a.withdrawal = a.m.withdrawn ? a.m.withdrawn : a.m.pending;
    if (!wc_membership_notes(c->ds, a.country, c->date, &a.notes))
        return diag_out_of_memory();
    a.n_sources = wc_membership_sources(c->ds, a.country, c->date, a.sources, 0,
                                        sizeof a.sources / sizeof a.sources[0]);
    int status = a.m.state_party ? EXIT_YES : EXIT_NO;
    wcr_duty *duties = c->quiet ? NULL : malloc((c->ds->n_warrants + 1) * sizeof *duties);
    size_t n = duties ? gather_duties(c, a.country, duties) : SIZE_MAX;
    if (!c->quiet && c->format == FORMAT_TEXT && n != SIZE_MAX) {
        if (!print_text(c, &a, duties, n))
            status = diag_out_of_memory();
    } else if (!c->quiet) {
        cJSON *warrants = n != SIZE_MAX ? warrants_json(duties, n) : NULL;
        cJSON *o = warrants ? country_json(c, &a) : NULL;
        if (o == NULL) {
            cJSON_Delete(warrants);
            status = diag_out_of_memory();
        } else {
            cJSON_AddItemToObject(o, "warrants", warrants);
            /* New keys come at the end of an object (docs/output.md). */
            if (!wcr_json_add_source_ids(o, "source_ids", a.sources, a.n_sources)) {
                status = diag_out_of_memory();
            } else if (c->format == FORMAT_JSON || c->format == FORMAT_JSONL) {
                if (!cli_json_document(c, o))
                    status = diag_out_of_memory();
            } else {
                wcr_table t;
                cli_table_begin(&t, c, COUNTRY_COLUMNS);
                wcr_table_row(&t, o);
                o = NULL;
                if (!wcr_table_end(&t))
                    status = diag_out_of_memory();
            }
        }
        cJSON_Delete(o);
    }
    free(duties);
    wc_notes_free(&a.notes);
    return status;
}

static const char *const COUNTRIES_COLUMNS[] = {"iso2",     "iso3",    "country",
                                                "through",  "state_party",
                                                "in_force", "withdrawal_effective", NULL};

/* The text listing's words (--status takes them), by standing. */
enum standing { STANDING_PARTY, STANDING_NON_PARTY, STANDING_COVERED, STANDING_EXCLUDED,
                STANDING_UNKNOWN, N_STANDINGS };
static const char *const STANDING_WORDS[N_STANDINGS] = {"party", "non-party", "covered",
                                                        "excluded", "unknown"};
/* The words only a territory has: naming one lists territories. */
#define TERRITORY_STANDINGS \
    ((1u << STANDING_COVERED) | (1u << STANDING_EXCLUDED) | (1u << STANDING_UNKNOWN))

/* A state is a party or not; a territory is covered through its state,
 * excluded, not known (coverage not recorded) or outside a state that is
 * not a party. */
static enum standing standing_of(const wc_country *country, const wc_membership *m)
{
    if (wc_country_is_state(country))
        return m->state_party ? STANDING_PARTY : STANDING_NON_PARTY;
    if (m->presumed)
        return STANDING_UNKNOWN;
    if (m->state_party)
        return STANDING_COVERED;
    return country->part_of_coverage == WC_COVERAGE_EXCLUDED ? STANDING_EXCLUDED
                                                              : STANDING_NON_PARTY;
}

bool countries_status_parse(const char *list, unsigned *set)
{
    *set = 0;
    const char *word;
    size_t n;
    for (const char *at = list; cli_list_next(&at, &word, &n);) {
        if (n > 0) {
            size_t k = 0;
            while (k < N_STANDINGS &&
                   !(strlen(STANDING_WORDS[k]) == n && strncasecmp(STANDING_WORDS[k], word, n) == 0))
                k++;
            if (k == N_STANDINGS) {
                char typed[CLI_ECHO_CHARS + 1], echo[CLI_ECHO_BUFSIZE];
                snprintf(typed, sizeof typed, "%.*s",
                         (int)(n < CLI_ECHO_CHARS ? n : CLI_ECHO_CHARS), word);
                const char *near[2];
                size_t found = suggest(typed, STANDING_WORDS, N_STANDINGS, near, 2);
                if (found > 0)
                    cli_error("--status: unknown status '%s'; did you mean '%s'%s%s%s?",
                              cli_echo(typed, echo), near[0], found > 1 ? " or '" : "",
                              found > 1 ? near[1] : "", found > 1 ? "'" : "");
                else
                    cli_error("--status: unknown status '%s' (party, non-party, covered, "
                              "excluded or unknown)",
                              cli_echo(typed, echo));
                return false;
            }
            *set |= 1u << k;
        }
    }
    if (*set == 0) {
        cli_error("--status needs one or more of party, non-party, covered, excluded, unknown, "
                  "separated by commas");
        return false;
    }
    return true;
}

/* countries --verdict LIST: 1 if the verdict for at least one warrant in
 * force on the date (a duty `country` lists) is in LIST, 0 if none is, -1
 * if memory ran out. */
static int duty_in_list(const cli *c, const wc_country *country)
{
    for (size_t i = 0; i < c->ds->n_warrants; i++) {
        const wc_warrant *w = &c->ds->warrants[i];
        wc_verdict_kind kind;
        if (!open_warrant(c, w))
            continue;
        if (!duty_of(c, w, country, &kind))
            return -1;
        if (verdict_filter_has(c->verdicts, kind))
            return 1;
    }
    return 0;
}

/* --parties and --non-parties sort states; a territory is neither a State
 * Party nor a state that is not one, and is listed only with --all (or a
 * --status word only territories have) and neither filter. --status keeps
 * the rows whose word it names. */
static bool wanted(const cli *c, const wc_country *country, const wc_membership *m)
{
    if (c->statuses != 0 && !(c->statuses & (1u << standing_of(country, m))))
        return false;
    if (!wc_country_is_state(country))
        return (c->all || (c->statuses & TERRITORY_STANDINGS) != 0) && c->filter == FILTER_ALL;
    if (c->filter == FILTER_PARTIES)
        return m->state_party;
    if (c->filter == FILTER_NON_PARTIES)
        return !m->state_party;
    return true;
}

/* One row of the text listing; on a terminal the name (and its state)
 * wraps under itself, as a table's last column does. False if memory ran
 * out. */
static bool countries_text_row(const cli *c, const wcr_opts *o, const wc_country *country,
                               const wc_membership *m)
{
    char lead[64];
    snprintf(lead, sizeof lead, "%s  %-3s  %-9s  ", country->iso2, country->iso3,
             STANDING_WORDS[standing_of(country, m)]);
    wcr_buffer b = {0};
    wcr_writer bw = wcr_writer_buffer(&b);
    bool ok = wcr_printf(&bw, "%s%s%s%s%s", country->name,
                         country->part_of ? " (territory of " : "",
                         country->part_of ? wc_country_article(country->part_of) : "",
                         country->part_of ? country->part_of->name : "",
                         country->part_of ? ")" : "") &&
              !b.failed && wcr_wrap_row(&c->writer, o, lead, b.data ? b.data : "");
    wcr_buffer_free(&b);
    return ok;
}

int cmd_countries(cli *c, int argc, char **argv)
{
    (void)argc, (void)argv;
    wcr_table t;
    bool text = c->format == FORMAT_TEXT;
    wcr_opts opts = cli_render_opts(c);
    if (!text)
        cli_table_begin(&t, c, COUNTRIES_COLUMNS);
    size_t n = 0;
    bool out_of_memory = false;
    for (size_t i = 0; i < c->ds->n_countries; i++) {
        const wc_country *country = &c->ds->countries[i];
        wc_membership m = wc_membership_on(country, c->date);
        if (!wanted(c, country, &m))
            continue;
        if (c->verdict_text != NULL) {
            int kept = duty_in_list(c, country);
            if (kept < 0) {
                out_of_memory = true;
                break;
            }
            if (kept == 0)
                continue;
        }
        n++;
        const wc_withdrawal *w = m.withdrawn ? m.withdrawn : m.pending;
        wc_date in_force = wc_membership_since(country, c->date);
        wc_date effective = w && w->effective.happened ? w->effective.date : WC_DATE_UNKNOWN;
        if (text) {
            if (!c->quiet && !countries_text_row(c, &opts, country, &m)) {
                out_of_memory = true;
                break;
            }
            continue;
        }
        cJSON *o = cJSON_CreateObject();
        if (o != NULL && !(wcr_json_add_country(o, "country", country) &&
                           wcr_json_add_string(o, "iso2", country->iso2) &&
                           wcr_json_add_string(o, "iso3", country->iso3) &&
                           wcr_json_add_state_party(o, m.state_party, m.presumed) &&
                           wcr_json_add_country(o, "through", m.through) &&
                           wcr_json_add_date(o, "in_force", in_force) &&
                           wcr_json_add_date(o, "withdrawal_effective", effective))) {
            cJSON_Delete(o);
            o = NULL;
        }
        /* The flat iso2/iso3 keys serve CSV; JSON keeps them inside "country". */
        if (o != NULL) {
            cJSON_DeleteItemFromObjectCaseSensitive(o, "iso2");
            cJSON_DeleteItemFromObjectCaseSensitive(o, "iso3");
        }
        wcr_table_row(&t, o);
    }
    if ((!text && !wcr_table_end(&t)) || out_of_memory)
        return diag_out_of_memory();
    return n > 0 ? EXIT_YES : EXIT_NO;
}
