/* Loading the dataset: check the text, parse it, then read the top-level
 * arrays in the order their references need (sources first, since every
 * record cites them; countries and persons before the records naming them),
 * building each lookup table as soon as its array is read. The whole file
 * is refused at its first fault. */
#include "dataset_load.h"
#include "json_locate.h"
#include "json_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A bound on the values of a data file, checked before cJSON builds a node
 * for each (about 80 bytes apiece): some 80 times the bundled dataset's
 * 12,000, so memory stays near 100 MB whatever the file. */
#define WC_DATASET_MAX_VALUES 1000000

/* Reads the top-level array `key` into the dataset's member for it. */
static bool load_array(loader *L, const cJSON *root, const char *key, void **records)
{
    const wc_field *f = wc_schema_field(&wc_record_dataset, key);
    void *items;
    size_t n;
    if (!wc_read_records(L, root, &wc_record_dataset, f, NULL, &items, &n))
        return false;
    if (f->kind == WC_K_LIST)
        wc_field_set_items(L->ds, f, items, n);
    if (records != NULL)
        *records = items;
    return true;
}

static bool check_utf8(loader *L)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)L->r.text;
    size_t i = 0;
    while (i < L->r.len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(L->r.len - i), &c);
        if (n <= 0)
            return wc_fail_at(&L->r, i, "not valid UTF-8 (byte 0x%02x)", s[i]);
        if (c == 0)
            return wc_fail_at(&L->r, i, "a NUL byte in the text");
        i += (size_t)n;
    }
    return true;
}

/* Parses the text, naming the first syntax fault as well as cJSON allows. */
static bool parse(loader *L)
{
    if (L->r.len == 0)
        return wc_fail_at(&L->r, 0, "empty file: expected a JSON object");
    if (!check_utf8(L))
        return false;
    /* Strictly JSON, and bounded, before cJSON spends memory on it. */
    wc_json_scan scan =
        wc_json_scan_text(L->r.text, L->r.len, CJSON_NESTING_LIMIT, WC_DATASET_MAX_VALUES);
    if (scan.fault == WC_JSON_CONTROL)
        return wc_fail_at(&L->r, scan.at,
                          "not valid JSON: a raw control character (0x%02x) in a string; "
                          "write it escaped",
                          (unsigned)(unsigned char)L->r.text[scan.at]);
    if (scan.fault == WC_JSON_TOO_MANY)
        return wc_fail_at(&L->r, scan.at, "too many JSON values for a dataset: more than %d",
                          WC_DATASET_MAX_VALUES);
    const char *end = NULL;
    L->root = cJSON_ParseWithLengthOpts(L->r.text, L->r.len, &end, false);
    if (L->root == NULL && scan.fault == WC_JSON_OK) {
        /* The text is JSON, so cJSON ran out of memory: no place to blame. */
        return wc_fail_memory(&L->r);
    }
    if (L->root == NULL) {
        size_t at = end != NULL && end >= L->r.text ? (size_t)(end - L->r.text) : 0;
        /* cJSON refuses to nest deeper than its limit, to keep its stack. */
        if (at < L->r.len && (L->r.text[at] == '[' || L->r.text[at] == '{') &&
            wc_json_depth_at(L->r.text, L->r.len, at) >= CJSON_NESTING_LIMIT)
            return wc_fail_at(&L->r, at, "not valid JSON: nested deeper than %d levels",
                              CJSON_NESTING_LIMIT);
        if (at >= L->r.len || wc_json_truncated(L->r.text, L->r.len))
            return wc_fail_at(&L->r, L->r.len,
                              "not valid JSON: the text ends too early (a truncated file?)");
        return wc_fail_at(&L->r, at, "not valid JSON");
    }
    /* cJSON stops after the first value; anything after it is a fault. */
    size_t tail = (size_t)(end - L->r.text);
    while (tail < L->r.len && strchr(" \t\r\n", L->r.text[tail]) != NULL)
        tail++;
    if (tail < L->r.len)
        return wc_fail_at(&L->r, tail, "not valid JSON: text after the end of the document");
    /* What cJSON accepts beyond RFC 8259 (leading zeros, say) is refused too. */
    if (scan.fault != WC_JSON_OK)
        return wc_fail_at(&L->r, scan.at, "not valid JSON");
    return true;
}

static bool load(loader *L)
{
    if (!parse(L))
        return false;
    const cJSON *root = L->root;
    const wc_record *top = &wc_record_dataset;
    if (!wc_expect_object(&L->r, root) || !wc_check_keys(&L->r, root, top->keys, top->n_fields))
        return false;
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "schema_version");
    if (version == NULL)
        return wc_fail(&L->r, "missing key 'schema_version'");
    wc_path_key(&L->r, "schema_version");
    if (!cJSON_IsNumber(version) || version->valuedouble != 2.0)
        return wc_fail(&L->r, "this program reads schema version 2");
    wc_path_restore(&L->r, 0);
    L->ds->schema_version = 2;
    void *countries;
    if (!wc_read_string(&L->r, root, "dataset_version", true, &L->ds->dataset_version) ||
        !wc_keep_string(L, &L->ds->dataset_version) ||
        !wc_check_dataset_version(L, L->ds->dataset_version) ||
        !wc_read_date(&L->r, root, "as_of", true, &L->ds->as_of) ||
        !load_array(L, root, "sources", NULL) || !wc_index_sources(L) ||
        !load_array(L, root, "countries", &countries))
        return false;
    L->countries = countries;
    return wc_index_countries(L) && load_array(L, root, "persons", NULL) && wc_index_persons(L) &&
           load_array(L, root, "rome_statute", NULL) &&
           /* Optional, so that data files of before territories still load. */
           load_array(L, root, "territories", NULL) && wc_check_territory_chains(L) &&
           load_array(L, root, "declarations_12_3", NULL) &&
           load_array(L, root, "unsc_referrals", NULL) && load_array(L, root, "warrants", NULL) &&
           wc_check_warrant_lives(L) &&
           load_array(L, root, "trips", NULL) &&
           wc_check_trips_unique(L) && load_array(L, root, "findings", NULL) && wc_check_as_of(L);
}

wc_dataset *wc_dataset_load(const char *text, size_t len, wc_error *err)
{
    wc_error scratch;
    if (err == NULL)
        err = &scratch;
    memset(err, 0, sizeof *err);
    wc_loaded *lo = calloc(1, sizeof *lo);
    if (lo == NULL) {
        snprintf(err->message, sizeof err->message, "out of memory");
        err->kind = WC_ERROR_MEMORY;
        return NULL;
    }
    lo->ds.internal = &lo->in;
    loader L = {.r = {.text = text, .len = len, .err = err}, .lo = lo, .ds = &lo->ds,
                .in = &lo->in};
    bool ok = load(&L);
    cJSON_Delete(L.root);
    if (!ok) {
        wc_dataset_free(&lo->ds);
        return NULL;
    }
    return &lo->ds;
}

void wc_dataset_free(wc_dataset *ds)
{
    if (ds == NULL || ds->internal->is_static)
        return;
    wc_loaded *lo = (wc_loaded *)ds;
    wc_index_free(&lo->country_index);
    wc_index_free(&lo->person_index);
    wc_arena_release(&lo->arena);
    free(lo);
}
