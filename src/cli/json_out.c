#include "json_out.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

bool json_add_date(cJSON *obj, const char *key, wc_date date)
{
    char buf[WC_DATE_BUFSIZE];
    if (date == WC_DATE_UNKNOWN)
        return cJSON_AddNullToObject(obj, key) != NULL;
    return cJSON_AddStringToObject(obj, key, wc_date_format(date, buf)) != NULL;
}

bool json_add_string(cJSON *obj, const char *key, const char *s)
{
    if (s == NULL)
        return cJSON_AddNullToObject(obj, key) != NULL;
    return cJSON_AddStringToObject(obj, key, s) != NULL;
}

bool json_add_country(cJSON *obj, const char *key, const wc_country *c)
{
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    return o != NULL && json_add_string(o, "iso2", c->iso2) && json_add_string(o, "iso3", c->iso3) &&
           json_add_string(o, "name", c->name);
}

bool json_add_person(cJSON *obj, const char *key, const wc_person *p)
{
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    return o != NULL && json_add_string(o, "id", p->id) && json_add_string(o, "name", p->name);
}

bool json_add_state_party(cJSON *obj, bool state_party, bool presumed)
{
    if (presumed) /* a territory whose coverage is not recorded: not known */
        return cJSON_AddNullToObject(obj, "state_party") != NULL;
    return cJSON_AddBoolToObject(obj, "state_party", state_party) != NULL;
}

cJSON *json_verdict_row(wc_date date, const wc_person *p, const wc_country *c,
                        const wc_verdict *v)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL && json_add_date(o, "date", date) && json_add_person(o, "person", p) &&
              json_add_country(o, "country", c) &&
              json_add_state_party(o, v->state_party, v->state_party_presumed) &&
              json_add_string(o, "through", v->through ? v->through->iso2 : NULL) &&
              json_add_string(o, "verdict", wc_verdict_word(v->kind)) &&
              json_add_string(o, "basis", v->basis) &&
              json_add_string(o, "warrant", v->warrant ? v->warrant->id : NULL) &&
              json_add_strings(o, "notes", v->notes.items, v->notes.count) &&
              json_add_sources(o, "sources", v->sources, v->n_sources);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

bool json_add_strings(cJSON *obj, const char *key, char *const *items, size_t n)
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

bool json_add_sources(cJSON *obj, const char *key, const wc_source_list *const *lists,
                      size_t n_lists)
{
    cJSON *a = cJSON_AddArrayToObject(obj, key);
    if (a == NULL)
        return false;
    for (size_t l = 0; l < n_lists; l++) {
        for (size_t i = 0; i < lists[l]->count; i++) {
            const wc_source *s = lists[l]->items[i];
            if (cli_source_seen(lists, l, i))
                continue;
            char *cite = cli_citation(s);
            cJSON *item = cite ? cJSON_CreateString(cite) : NULL;
            free(cite);
            if (item == NULL || !cJSON_AddItemToArray(a, item)) {
                cJSON_Delete(item);
                return false;
            }
        }
    }
    return true;
}

bool json_print(FILE *out, const cJSON *value, bool pretty)
{
    char *text = pretty ? cJSON_Print(value) : cJSON_PrintUnformatted(value);
    if (text == NULL)
        return false;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return true;
}
