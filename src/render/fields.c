#include "fields.h"

#include "writer.h"

#include <stdlib.h>
#include <string.h>

bool wcr_json_add_date(cJSON *obj, const char *key, wc_date date)
{
    char buf[WC_DATE_BUFSIZE];
    if (date == WC_DATE_UNKNOWN)
        return cJSON_AddNullToObject(obj, key) != NULL;
    return cJSON_AddStringToObject(obj, key, wc_date_format(date, buf)) != NULL;
}

bool wcr_json_add_string(cJSON *obj, const char *key, const char *s)
{
    if (s == NULL)
        return cJSON_AddNullToObject(obj, key) != NULL;
    return cJSON_AddStringToObject(obj, key, s) != NULL;
}

bool wcr_json_add_country(cJSON *obj, const char *key, const wc_country *c)
{
    if (c == NULL)
        return cJSON_AddNullToObject(obj, key) != NULL;
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    return o != NULL && wcr_json_add_string(o, "iso2", c->iso2) && wcr_json_add_string(o, "iso3", c->iso3) &&
           wcr_json_add_string(o, "name", c->name);
}

bool wcr_json_add_person(cJSON *obj, const char *key, const wc_person *p)
{
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    return o != NULL && wcr_json_add_string(o, "id", p->id) && wcr_json_add_string(o, "name", p->name);
}

bool wcr_json_add_state_party(cJSON *obj, bool state_party, bool presumed)
{
    if (presumed) /* a territory whose coverage is not recorded: not known */
        return cJSON_AddNullToObject(obj, "state_party") != NULL;
    return cJSON_AddBoolToObject(obj, "state_party", state_party) != NULL;
}

cJSON *wcr_json_verdict_row(wc_date date, const wc_person *p, const wc_country *c,
                            const wc_verdict *v, bool citations)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL && wcr_json_add_date(o, "date", date) &&
              wcr_json_add_person(o, "person", p) && wcr_json_add_country(o, "country", c) &&
              wcr_json_add_state_party(o, v->state_party, v->state_party_presumed) &&
              wcr_json_add_country(o, "through", v->through) &&
              wcr_json_add_string(o, "verdict", wc_verdict_word(v->kind)) &&
              wcr_json_add_string(o, "basis", v->basis) &&
              wcr_json_add_string(o, "warrant", v->warrant ? v->warrant->id : NULL) &&
              wcr_json_add_strings(o, "notes", v->notes.items, v->notes.count) &&
              wcr_json_add_citations(o, v->sources, v->n_sources, citations);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

cJSON *wcr_json_trip_row(const wc_trip *trip, const wc_verdict *v, bool citations)
{
    cJSON *row = wcr_json_verdict_row(trip->start, trip->person, trip->host, v, citations);
    if (row != NULL && !(wcr_json_add_date(row, "start", trip->start) &&
                         wcr_json_add_date(row, "end", trip->end) &&
                         wcr_json_add_string(row, "city", trip->city) &&
                         wcr_json_add_string(row, "occasion", trip->occasion) &&
                         wcr_json_add_string(row, "outcome", trip->outcome))) {
        cJSON_Delete(row);
        return NULL;
    }
    return row;
}

bool wcr_json_add_strings(cJSON *obj, const char *key, char *const *items, size_t n)
{
    cJSON *a = cJSON_AddArrayToObject(obj, key);
    if (a == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        cJSON *s = cJSON_CreateString(items[i]);
        if (s == NULL || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            return false;
        }
    }
    return true;
}

/* Adds `key`: an array of one string per source of `lists`, each once, in
 * order: its citation, or with `ids` its id. */
static bool add_source_strings(cJSON *obj, const char *key, const wc_source_list *const *lists,
                               size_t n_lists, bool ids)
{
    cJSON *a = cJSON_AddArrayToObject(obj, key);
    if (a == NULL)
        return false;
    for (size_t l = 0; l < n_lists; l++) {
        for (size_t i = 0; i < lists[l]->count; i++) {
            const wc_source *s = lists[l]->items[i];
            if (wcr_source_seen(lists, l, i))
                continue;
            char *cite = ids ? NULL : wcr_citation(s);
            cJSON *item = ids ? cJSON_CreateString(s->id) : cite ? cJSON_CreateString(cite) : NULL;
            free(cite);
            if (item == NULL || !cJSON_AddItemToArray(a, item)) {
                cJSON_Delete(item);
                return false;
            }
        }
    }
    return true;
}

bool wcr_json_add_sources(cJSON *obj, const char *key, const wc_source_list *const *lists,
                          size_t n_lists)
{
    return add_source_strings(obj, key, lists, n_lists, false);
}

bool wcr_json_add_source_ids(cJSON *obj, const char *key, const wc_source_list *const *lists,
                             size_t n_lists)
{
    return add_source_strings(obj, key, lists, n_lists, true);
}

bool wcr_json_add_citations(cJSON *obj, const wc_source_list *const *lists, size_t n_lists,
                            bool citations)
{
    return (!citations || wcr_json_add_sources(obj, "sources", lists, n_lists)) &&
           wcr_json_add_source_ids(obj, "source_ids", lists, n_lists);
}

bool wcr_json_write(const wcr_writer *w, const cJSON *value, bool pretty)
{
    char *text = pretty ? cJSON_Print(value) : cJSON_PrintUnformatted(value);
    if (text == NULL)
        return false;
    size_t len = strlen(text);
    text[len] = '\n'; /* cJSON's NUL becomes the line end */
    bool ok = wcr_write(w, text, len + 1);
    free(text);
    return ok;
}

bool wcr_json_stamp(cJSON *obj, const wcr_opts *o)
{
    if (o->dataset == NULL || !cJSON_IsObject(obj) || cJSON_HasObjectItem(obj, "dataset"))
        return true;
    cJSON *d = cJSON_AddObjectToObject(obj, "dataset");
    return d != NULL && wcr_json_add_string(d, "version", o->dataset->dataset_version) &&
           wcr_json_add_date(d, "as_of", o->dataset->as_of);
}

bool wcr_json_document(const wcr_writer *w, const wcr_opts *o, cJSON *obj)
{
    return wcr_json_stamp(obj, o) && wcr_json_write(w, obj, o->format == WCR_JSON);
}
