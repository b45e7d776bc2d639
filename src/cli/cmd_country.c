/* `warrantcheck country COUNTRY`: a state's standing under the Rome
 * Statute on a date, with the dates and notes that make it so. */
#include "cli.h"
#include "json_out.h"

#include <stdlib.h>
#include <string.h>

/* The facts one answer rests on, gathered once for every format. */
typedef struct country_answer {
    const wc_country *country;
    wc_membership m;
    wc_notes notes;
    const wc_withdrawal *withdrawal; /* the one in effect or pending */
    const wc_source_list *sources[64];
    size_t n_sources;
} country_answer;

static void add_sources(country_answer *a, const wc_source_list *list)
{
    if (list->count > 0 && a->n_sources < sizeof a->sources / sizeof a->sources[0])
        a->sources[a->n_sources++] = list;
}

static void add_event_sources(country_answer *a, const wc_event *e, wc_date date)
{
    if (e->happened && e->date != WC_DATE_UNKNOWN && e->date <= date)
        add_sources(a, &e->sources);
}

static void gather_sources(country_answer *a, const wc_dataset *ds, wc_date date)
{
    const wc_statute *s = a->m.statute;
    if (s != NULL) {
        add_sources(a, &s->sources);
        for (size_t i = 0; i < s->n_withdrawals; i++) {
            const wc_withdrawal *w = &s->withdrawals[i];
            add_event_sources(a, &w->announced, date);
            add_event_sources(a, &w->deposited, date);
            add_event_sources(a, &w->effective, date);
            add_event_sources(a, &w->revoked, date);
        }
    }
    for (size_t i = 0; i < ds->n_declarations; i++)
        if (ds->declarations[i].country == a->country && ds->declarations[i].lodged <= date)
            add_sources(a, &ds->declarations[i].sources);
}

static cJSON *country_json(const cli *c, const country_answer *a)
{
    cJSON *o = cJSON_CreateObject();
    const wc_statute *s = a->m.statute;
    const wc_withdrawal *w = a->withdrawal;
    bool ok = o != NULL && json_add_date(o, "date", c->date) &&
              json_add_country(o, "country", a->country) &&
              cJSON_AddBoolToObject(o, "state_party", a->m.state_party) != NULL &&
              json_add_date(o, "signed", s ? s->signed_on : WC_DATE_UNKNOWN) &&
              json_add_date(o, "deposited", s ? s->deposited : WC_DATE_UNKNOWN) &&
              json_add_string(o, "deposit_type", s ? s->deposit_type : NULL) &&
              json_add_date(o, "in_force", s ? s->in_force : WC_DATE_UNKNOWN) &&
              json_add_date(o, "withdrawal_deposited",
                            w && w->deposited.happened ? w->deposited.date : WC_DATE_UNKNOWN) &&
              json_add_date(o, "withdrawal_effective",
                            w && w->effective.happened ? w->effective.date : WC_DATE_UNKNOWN) &&
              json_add_strings(o, "notes", a->notes.items, a->notes.count) &&
              json_add_sources(o, "sources", a->sources, a->n_sources);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void print_date_line(FILE *out, const char *label, wc_date d)
{
    char buf[WC_DATE_BUFSIZE];
    if (d != WC_DATE_UNKNOWN)
        fprintf(out, "  %-26s %s\n", label, wc_date_format(d, buf));
}

static bool print_text(const cli *c, const country_answer *a)
{
    char on[WC_DATE_BUFSIZE], since[WC_DATE_BUFSIZE];
    const wc_statute *s = a->m.statute;
    FILE *out = c->out;
    if (a->m.state_party)
        fprintf(out, "%s is a State Party to the Rome Statute on %s, since %s.\n",
                a->country->name, wc_date_format(c->date, on), wc_date_format(s->in_force, since));
    else
        fprintf(out, "%s is not a State Party to the Rome Statute on %s.\n", a->country->name,
                wc_date_format(c->date, on));
    if (s != NULL) {
        fputc('\n', out);
        print_date_line(out, "signed", s->signed_on);
        print_date_line(out, "signature withdrawn", s->signature_withdrawn);
        if (s->deposit_type != NULL) {
            char label[40];
            snprintf(label, sizeof label, "deposited (%s)", s->deposit_type);
            print_date_line(out, label, s->deposited);
        }
        print_date_line(out, "in force", s->in_force);
        if (a->withdrawal != NULL) {
            print_date_line(out, "withdrawal deposited", a->withdrawal->deposited.date);
            print_date_line(out, "withdrawal effective", a->withdrawal->effective.date);
        }
    }
    if (a->notes.count > 0) {
        fputs("\nNotes:\n", out);
        for (size_t i = 0; i < a->notes.count; i++)
            fprintf(out, "  - %s\n", a->notes.items[i]);
    }
    if (a->n_sources > 0) {
        fputs("\nSources:\n", out);
        for (size_t l = 0; l < a->n_sources; l++)
            for (size_t i = 0; i < a->sources[l]->count; i++) {
                bool seen = false;
                for (size_t m = 0; m <= l && !seen; m++)
                    for (size_t j = 0; j < (m == l ? i : a->sources[m]->count) && !seen; j++)
                        seen = a->sources[m]->items[j] == a->sources[l]->items[i];
                char *cite = seen ? NULL : cli_citation(a->sources[l]->items[i]);
                if (cite != NULL)
                    fprintf(out, "  - %s\n", cite);
                free(cite);
            }
    }
    return true;
}

int cmd_country(cli *c, int argc, char **argv)
{
    if (argc < 1) {
        cli_error("'country' needs a COUNTRY (try 'warrantcheck country --help')");
        return EXIT_USAGE;
    }
    /* `country United States` reads as one name, as a user means it. */
    size_t len = 0;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *name = malloc(len);
    if (name == NULL) {
        cli_error("out of memory");
        return EXIT_DATASET;
    }
    name[0] = '\0';
    for (int i = 0; i < argc; i++) {
        if (i > 0)
            strcat(name, " ");
        strcat(name, argv[i]);
    }
    country_answer a = {.country = cli_country(c, name)};
    free(name);
    if (a.country == NULL)
        return EXIT_INPUT;
    a.m = wc_membership_on(a.country, c->date);
    a.withdrawal = a.m.withdrawn ? a.m.withdrawn : a.m.pending;
    if (!wc_membership_notes(c->ds, a.country, c->date, &a.notes)) {
        cli_error("out of memory");
        return EXIT_DATASET;
    }
    gather_sources(&a, c->ds, c->date);
    int status = a.m.state_party ? EXIT_YES : EXIT_NO;
    if (!c->quiet) {
        if (c->format == FORMAT_TEXT) {
            print_text(c, &a);
        } else {
            cJSON *o = country_json(c, &a);
            if (o == NULL || !json_print(c->out, o, c->format == FORMAT_JSON)) {
                cli_error("out of memory");
                status = EXIT_DATASET;
            }
            cJSON_Delete(o);
        }
    }
    wc_notes_free(&a.notes);
    return status;
}
