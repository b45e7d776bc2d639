/* `person PERSON` and `persons`: who is wanted, for what, since when, and
 * where each warrant stands. */
#include "cli.h"
#include "diag.h"
#include "fields.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

/* The status of a warrant on the date, in a word ("at-large"). */
static const char *status_word(const wc_warrant *w, wc_date date)
{
    const wc_status_event *ev;
    return wc_warrant_status_word(wc_warrant_status_on(w, date, &ev));
}

static cJSON *warrant_json(const cli *c, const wc_warrant *w)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *charges = o ? cJSON_AddArrayToObject(o, "charges") : NULL;
    cJSON *status = o ? cJSON_AddArrayToObject(o, "status") : NULL;
    bool ok = charges != NULL && status != NULL && wcr_json_add_string(o, "id", w->id) &&
              wcr_json_add_string(o, "situation", w->situation) &&
              wcr_json_add_string(o, "case", w->case_name) && wcr_json_add_string(o, "role", w->role) &&
              wcr_json_add_date(o, "issued", w->issued) && wcr_json_add_date(o, "public", w->made_public) &&
              wcr_json_add_string(o, "status_on_date", status_word(w, c->date));
    for (size_t i = 0; ok && i < w->n_charges; i++) {
        cJSON *ch = cJSON_CreateObject();
        ok = ch != NULL && wcr_json_add_string(ch, "crime", w->charges[i].crime) &&
             wcr_json_add_string(ch, "article", w->charges[i].article) &&
             cJSON_AddItemToArray(charges, ch);
        if (!ok)
            cJSON_Delete(ch);
    }
    for (size_t i = 0; ok && i < w->n_status; i++) {
        cJSON *ev = cJSON_CreateObject();
        ok = ev != NULL && wcr_json_add_date(ev, "date", w->status[i].date) &&
             wcr_json_add_string(ev, "status", wc_warrant_status_word(w->status[i].status)) &&
             wcr_json_add_string(ev, "note", w->status[i].note) && cJSON_AddItemToArray(status, ev);
        if (!ok)
            cJSON_Delete(ev);
    }
    const wc_source_list *lists[] = {&w->sources};
    ok = ok && wcr_json_add_citations(o, lists, 1, true);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *person_json(const cli *c, const wc_person *p, bool with_warrants)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL && wcr_json_add_date(o, "date", c->date) && wcr_json_add_string(o, "id", p->id) &&
              wcr_json_add_string(o, "name", p->name) &&
              wcr_json_add_string(o, "full_name", p->full_name) &&
              wcr_json_add_string(o, "nationality", p->nationality ? p->nationality->iso2 : NULL) &&
              wcr_json_add_date(o, "born", p->born) && wcr_json_add_date(o, "died", p->died);
    cJSON *aliases = ok ? cJSON_AddArrayToObject(o, "aliases") : NULL;
    ok = aliases != NULL;
    for (size_t i = 0; ok && i < p->aliases.count; i++) {
        cJSON *s = cJSON_CreateString(p->aliases.items[i]);
        ok = s != NULL && cJSON_AddItemToArray(aliases, s);
    }
    const char *situation = NULL, *status = NULL;
    size_t n = 0;
    cJSON *warrants = ok && with_warrants ? cJSON_AddArrayToObject(o, "warrants") : NULL;
    for (size_t i = 0; ok && i < c->ds->n_warrants; i++) {
        const wc_warrant *w = &c->ds->warrants[i];
        if (w->person != p)
            continue;
        n++;
        if (situation == NULL) {
            situation = w->situation;
            status = status_word(w, c->date);
        }
        if (warrants != NULL) {
            cJSON *wj = warrant_json(c, w);
            ok = wj != NULL && cJSON_AddItemToArray(warrants, wj);
        }
    }
    if (ok && !with_warrants)
        ok = wcr_json_add_string(o, "situation", situation) &&
             cJSON_AddNumberToObject(o, "warrants", (double)n) != NULL &&
             wcr_json_add_string(o, "status", status);
    const wc_source_list *lists[] = {&p->sources};
    ok = ok && wcr_json_add_citations(o, lists, 1, true);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static const char *const WARRANT_COLUMNS[] = {"person",  "person_name", "id",     "situation",
                                              "case",    "role",        "issued", "public",
                                              "status_on_date", NULL};

/* CSV and TSV: one row a warrant, the person's id and name on each, so a
 * person with two warrants (al-Bashir) gives two rows. */
static bool print_warrant_rows(const cli *c, const wc_person *p)
{
    wcr_table t;
    cli_table_begin(&t, c, WARRANT_COLUMNS);
    for (size_t i = 0; i < c->ds->n_warrants; i++) {
        const wc_warrant *w = &c->ds->warrants[i];
        if (w->person != p)
            continue;
        cJSON *row = warrant_json(c, w);
        if (row != NULL && !wcr_json_add_person(row, "person", p)) {
            cJSON_Delete(row);
            row = NULL;
        }
        wcr_table_row(&t, row);
    }
    return wcr_table_end(&t);
}

int cmd_person(cli *c, int argc, char **argv)
{
    int status;
    const wc_person *p = cli_person_argument(c, argc, argv, "person", &status);
    if (p == NULL)
        return status;
    if (c->quiet)
        return EXIT_YES;
    if (c->format == FORMAT_TEXT) {
        wcr_opts o = cli_render_opts(c);
        return wcr_person_text(&c->writer, &o, c->ds, c->date, p) ? EXIT_YES
                                                                  : diag_out_of_memory();
    }
    if (c->format == FORMAT_CSV || c->format == FORMAT_TSV)
        return print_warrant_rows(c, p) ? EXIT_YES : diag_out_of_memory();
    cJSON *o = person_json(c, p, true);
    bool ok = o != NULL && cli_json_document(c, o);
    cJSON_Delete(o);
    return ok ? EXIT_YES : diag_out_of_memory();
}

static const char *const PERSON_COLUMNS[] = {"id",       "name",   "nationality", "situation",
                                             "warrants", "status", NULL};

int cmd_persons(cli *c, int argc, char **argv)
{
    (void)argc, (void)argv;
    bool text = c->format == FORMAT_TEXT;
    wcr_opts opts = cli_render_opts(c);
    wcr_table t;
    if (!text)
        cli_table_begin(&t, c, PERSON_COLUMNS);
    size_t id_width = 0, name_width = 0;
    for (size_t i = 0; text && i < c->ds->n_persons; i++) {
        size_t a = wcr_display_width(c->ds->persons[i].id);
        size_t b = wcr_display_width(c->ds->persons[i].name);
        id_width = a > id_width ? a : id_width;
        name_width = b > name_width ? b : name_width;
    }
    for (size_t i = 0; i < c->ds->n_persons; i++) {
        const wc_person *p = &c->ds->persons[i];
        cJSON *o = person_json(c, p, false);
        if (text) {
            if (!c->quiet && o != NULL) {
                const char *st = cJSON_GetObjectItemCaseSensitive(o, "status")->valuestring;
                const char *si = cJSON_GetObjectItemCaseSensitive(o, "situation")->valuestring;
                wcr_persons_text_row(&c->writer, &opts, p, st, si, id_width, name_width);
            }
            cJSON_Delete(o);
        } else {
            wcr_table_row(&t, o);
        }
    }
    if (!text && !wcr_table_end(&t))
        return diag_out_of_memory();
    return EXIT_YES;
}
