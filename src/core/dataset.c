/* Loading the dataset: parse, validate every record and reference, build
 * the indexes; refuse the whole file at its first fault. */
#include "dataset_internal.h"
#include "json_locate.h"
#include "json_read.h"
#include "json_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A bound on the values of a data file, checked before cJSON builds a node
 * for each (about 80 bytes apiece): some 80 times the bundled dataset's
 * 12,000, so memory stays near 100 MB whatever the file. */
#define WC_DATASET_MAX_VALUES 1000000

#define ID_CHARS "abcdefghijklmnopqrstuvwxyz0123456789-"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

typedef struct loader {
    wc_reader r;
    wc_dataset *ds;
    struct wc_dataset_internal *in;
} loader;

/* ------------------------------------------------------------ lookups */

static int cmp_source_ptr(const void *a, const void *b)
{
    return strcmp((*(const wc_source *const *)a)->id, (*(const wc_source *const *)b)->id);
}
static int cmp_country_ptr(const void *a, const void *b)
{
    return strcmp((*(const wc_country *const *)a)->iso2, (*(const wc_country *const *)b)->iso2);
}
static int cmp_person_ptr(const void *a, const void *b)
{
    return strcmp((*(const wc_person *const *)a)->id, (*(const wc_person *const *)b)->id);
}

/* Binary search over an array of pointers to records whose first member is
 * their key string. */
static const void *find_by_key(const void *const *sorted, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(*(const char *const *)sorted[mid], key);
        if (c == 0)
            return sorted[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const wc_source *source_by_id(const loader *L, const char *id)
{
    return find_by_key((const void *const *)L->in->sources_by_id, L->ds->n_sources, id);
}

const wc_country *wc_country_by_iso2(const wc_dataset *ds, const char *iso2)
{
    return find_by_key((const void *const *)ds->internal->countries_by_iso2, ds->n_countries,
                       iso2);
}

static const wc_person *person_by_id(const loader *L, const char *id)
{
    return find_by_key((const void *const *)L->in->persons_by_id, L->ds->n_persons, id);
}

/* Sorts pointers to `n` records and refuses a repeated key, naming the
 * array and field for the fault. */
static bool index_unique(loader *L, const void **ptrs, const void *records, size_t size,
                         size_t n, int (*cmp)(const void *, const void *), const char *array,
                         const char *field)
{
    for (size_t i = 0; i < n; i++)
        ptrs[i] = (const char *)records + i * size;
    qsort(ptrs, n, sizeof *ptrs, cmp);
    for (size_t i = 1; i < n; i++) {
        if (cmp(&ptrs[i - 1], &ptrs[i]) == 0) {
            /* Report the later of the two in file order. */
            const void *later = ptrs[i] > ptrs[i - 1] ? ptrs[i] : ptrs[i - 1];
            size_t at = (size_t)((const char *)later - (const char *)records) / size;
            size_t m1 = wc_path_key(&L->r, array);
            wc_path_index(&L->r, at);
            wc_path_key(&L->r, field);
            wc_fail(&L->r, "'%s' is given twice", *(const char *const *)later);
            wc_path_restore(&L->r, m1);
            return false;
        }
    }
    return true;
}

/* --------------------------------------------------------- small reads */

static void *alloc_array(loader *L, size_t count, size_t size)
{
    void *p = wc_arena_array(&L->in->arena, count ? count : 1, size);
    if (p == NULL)
        wc_fail(&L->r, "out of memory");
    return p;
}

/* Reads `sources`: a non-empty array of ids in the sources table. */
static bool read_sources(loader *L, const cJSON *obj, wc_source_list *out)
{
    const cJSON *arr;
    if (!wc_read_array(&L->r, obj, "sources", &arr))
        return false;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    size_t mark = wc_path_key(&L->r, "sources");
    if (n == 0) {
        wc_fail(&L->r, "no source given: every fact names its source");
        wc_path_restore(&L->r, mark);
        return false;
    }
    const wc_source **items = alloc_array(L, n, sizeof *items);
    size_t i = 0;
    for (const cJSON *c = arr->child; c != NULL && items != NULL; c = c->next, i++) {
        size_t m2 = wc_path_index(&L->r, i);
        if (!cJSON_IsString(c))
            wc_fail(&L->r, "expected a source id");
        else if ((items[i] = source_by_id(L, c->valuestring)) == NULL)
            wc_fail(&L->r, "no source with id '%.60s'", c->valuestring);
        wc_path_restore(&L->r, m2);
        if (L->r.failed)
            break;
    }
    wc_path_restore(&L->r, mark);
    out->items = items;
    out->count = n;
    return !L->r.failed;
}

/* Reads an optional array of non-empty strings. */
static bool read_strings(loader *L, const cJSON *obj, const char *key, wc_string_list *out)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, key);
    out->items = NULL;
    out->count = 0;
    if (arr == NULL || cJSON_IsNull(arr))
        return !L->r.failed;
    size_t mark = wc_path_key(&L->r, key);
    if (wc_expect_array(&L->r, arr)) {
        size_t n = (size_t)cJSON_GetArraySize(arr);
        const char **items = alloc_array(L, n, sizeof *items);
        size_t i = 0;
        for (const cJSON *c = arr->child; c != NULL && items != NULL; c = c->next, i++) {
            size_t m2 = wc_path_index(&L->r, i);
            if (!cJSON_IsString(c) || c->valuestring[0] == '\0')
                wc_fail(&L->r, "expected a non-empty string");
            wc_path_restore(&L->r, m2);
            if (L->r.failed)
                break;
            items[i] = c->valuestring;
        }
        out->items = items;
        out->count = n;
    }
    wc_path_restore(&L->r, mark);
    return !L->r.failed;
}

static bool read_country_ref(loader *L, const cJSON *obj, const char *key, bool required,
                             const wc_country **out)
{
    const char *code;
    *out = NULL;
    if (!wc_read_string(&L->r, obj, key, required, &code) || code == NULL)
        return !L->r.failed;
    *out = wc_country_by_iso2(L->ds, code);
    if (*out == NULL) {
        size_t mark = wc_path_key(&L->r, key);
        wc_fail(&L->r, "no country with code '%.20s'", code);
        wc_path_restore(&L->r, mark);
    }
    return !L->r.failed;
}

static bool read_person_ref(loader *L, const cJSON *obj, const char *key,
                            const wc_person **out)
{
    const char *id;
    *out = NULL;
    if (!wc_read_string(&L->r, obj, key, true, &id))
        return false;
    *out = person_by_id(L, id);
    if (*out == NULL) {
        size_t mark = wc_path_key(&L->r, key);
        wc_fail(&L->r, "no person with id '%.60s'", id);
        wc_path_restore(&L->r, mark);
    }
    return !L->r.failed;
}

/* Reads one of a fixed set of words; returns its position in `words`. */
static bool read_word(loader *L, const cJSON *obj, const char *key, bool required,
                      const char *const *words, int *out)
{
    const char *s;
    *out = -1;
    if (!wc_read_string(&L->r, obj, key, required, &s) || s == NULL)
        return !L->r.failed;
    for (int i = 0; words[i] != NULL; i++)
        if (strcmp(words[i], s) == 0) {
            *out = i;
            return true;
        }
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, "unknown value '%.40s'", s);
    wc_path_restore(&L->r, mark);
    return false;
}

/* The vocabularies of the schema's enumerations, in enum order. */
static const char *const CONFIRMATIONS[] = {"depositary", "court", "reported", NULL};
static const char *const RELIABILITIES[] = {"primary", "reference", "news", "low", NULL};
static const char *const COVERAGES[] = {"covered", "excluded", "not-recorded", NULL};

const char *wc_reliability_word(wc_reliability reliability)
{
    return RELIABILITIES[reliability];
}

const char *wc_coverage_word(wc_coverage coverage)
{
    return COVERAGES[coverage];
}

/* Fails at `key` of the current object. */
static bool fail_key(loader *L, const char *key, const char *message)
{
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, "%s", message);
    wc_path_restore(&L->r, mark);
    return false;
}

/* Fails at `key` of the current object with a message about two dates. */
static bool fail_dates(loader *L, const char *key, const char *what, wc_date a, wc_date b)
{
    char x[WC_DATE_BUFSIZE], y[WC_DATE_BUFSIZE];
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, what, wc_date_format(a, x), wc_date_format(b, y));
    wc_path_restore(&L->r, mark);
    return false;
}

/* Calls `each` for every element of the array `key`, with the path set
 * to it. */
static bool walk(loader *L, const char *key, const cJSON *arr,
                 bool (*each)(loader *, const cJSON *, size_t))
{
    size_t mark = wc_path_key(&L->r, key);
    size_t i = 0;
    for (const cJSON *c = arr->child; c != NULL; c = c->next, i++) {
        size_t m2 = wc_path_index(&L->r, i);
        bool ok = wc_expect_object(&L->r, c) && each(L, c, i);
        wc_path_restore(&L->r, m2);
        if (!ok)
            break;
    }
    wc_path_restore(&L->r, mark);
    return !L->r.failed;
}

/* ------------------------------------------------------------ records */

static bool read_source(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"id",   "title",       "publisher", "url",
                                       "date", "reliability", NULL};
    wc_source *s = (wc_source *)&L->ds->sources[i];
    int reliability;
    if (!wc_check_keys(&L->r, o, keys) || !wc_read_string(&L->r, o, "id", true, &s->id) ||
        !wc_read_string(&L->r, o, "title", true, &s->title) ||
        !wc_read_string(&L->r, o, "publisher", true, &s->publisher) ||
        !wc_read_string(&L->r, o, "url", false, &s->url) ||
        !wc_read_date(&L->r, o, "date", false, &s->date) ||
        !read_word(L, o, "reliability", true, RELIABILITIES, &reliability))
        return false;
    s->reliability = (wc_reliability)reliability;
    size_t mark = wc_path_key(&L->r, "id");
    bool ok = wc_check_charset(&L->r, s->id, ID_CHARS, 80, "an id of a-z, 0-9 and '-'");
    wc_path_restore(&L->r, mark);
    return ok;
}

/* Requires the calendar form of a dataset version, "2026.12.1": a year,
 * a month and a release number within the month. */
static bool check_dataset_version(loader *L, const char *v)
{
    unsigned year, month, release;
    char end;
    if (strlen(v) <= 16 && strspn(v, "0123456789.") == strlen(v) &&
        sscanf(v, "%4u.%2u.%4u%c", &year, &month, &release, &end) == 3 && year >= 2000 &&
        month >= 1 && month <= 12 && release >= 1 && v[4] == '.')
        return true;
    return fail_key(L, "dataset_version", "not a dataset version of the form YYYY.MM.N");
}

/* Requires an ISO 3166-1 code: exactly `len` capital letters. */
static bool check_code(loader *L, const char *key, const char *code, size_t len)
{
    if (strlen(code) == len && strspn(code, UPPER) == len)
        return true;
    size_t mark = wc_path_key(&L->r, key);
    wc_fail(&L->r, "not an ISO 3166-1 alpha-%zu code: '%.20s'", len, code);
    wc_path_restore(&L->r, mark);
    return false;
}

/* A "territories" record fills in the territory's part_of fields. */
static bool read_territory(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"iso2", "state", "from",   "until",
                                       "coverage", "note", "sources", NULL};
    (void)i;
    const wc_country *territory, *state;
    wc_date from, until;
    const char *note;
    wc_source_list sources;
    int coverage;
    if (!wc_check_keys(&L->r, o, keys) || !read_country_ref(L, o, "iso2", true, &territory) ||
        !read_country_ref(L, o, "state", true, &state) ||
        !wc_read_date(&L->r, o, "from", false, &from) ||
        !wc_read_date(&L->r, o, "until", false, &until) ||
        !read_word(L, o, "coverage", true, COVERAGES, &coverage) ||
        !wc_read_string(&L->r, o, "note", false, &note) || !read_sources(L, o, &sources))
        return false;
    /* Dates of application belong to a coverage that is known. */
    if (coverage != WC_COVERAGE_COVERED && from != WC_DATE_UNKNOWN)
        return fail_key(L, "from", "only a covered territory has a date from which it is covered");
    if (coverage == WC_COVERAGE_NOT_RECORDED && until != WC_DATE_UNKNOWN)
        return fail_key(L, "until", "a territory whose coverage is not recorded has no end date");
    if (territory == state)
        return fail_key(L, "state", "a territory cannot belong to itself");
    if (territory->statute != NULL)
        return fail_key(L, "iso2", "has a Rome Statute record of its own, so its state's does "
                                   "not stand in for it");
    if (territory->part_of != NULL)
        return fail_key(L, "iso2", "given twice in 'territories'");
    if (from != WC_DATE_UNKNOWN && until != WC_DATE_UNKNOWN && until <= from)
        return fail_dates(L, "until", "ends (%s) before it starts (%s)", until, from);
    wc_country *t = (wc_country *)territory;
    t->part_of = state;
    t->part_of_from = from;
    t->part_of_until = until;
    t->part_of_coverage = (wc_coverage)coverage;
    t->part_of_note = note;
    t->part_of_sources = sources;
    return true;
}

/* A territory's state must be a state: no chains of territories. */
static bool check_territory_chains(loader *L)
{
    for (size_t i = 0; i < L->ds->n_countries; i++) {
        const wc_country *c = &L->ds->countries[i];
        if (c->part_of != NULL && c->part_of->part_of != NULL) {
            size_t m1 = wc_path_key(&L->r, "territories");
            wc_fail(&L->r, "'%s' belongs to '%s', which is itself listed as a territory",
                    c->iso2, c->part_of->iso2);
            wc_path_restore(&L->r, m1);
            return false;
        }
    }
    return true;
}

static bool read_country(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"iso2", "iso3",    "name",   "official_name",
                                       "aliases", "sources", NULL};
    wc_country *c = (wc_country *)&L->ds->countries[i];
    if (!wc_check_keys(&L->r, o, keys) || !wc_read_string(&L->r, o, "iso2", true, &c->iso2) ||
        !wc_read_string(&L->r, o, "iso3", true, &c->iso3) ||
        !wc_read_string(&L->r, o, "name", true, &c->name) ||
        !wc_read_string(&L->r, o, "official_name", false, &c->official_name) ||
        !read_strings(L, o, "aliases", &c->aliases) || !read_sources(L, o, &c->sources))
        return false;
    return check_code(L, "iso2", c->iso2, 2) && check_code(L, "iso3", c->iso3, 3);
}


static bool read_event(loader *L, const cJSON *w, const char *key, wc_event *e)
{
    static const char *const keys[] = {"date", "confirmation", "sources", NULL};
    const cJSON *o;
    if (!wc_read_optional_object(&L->r, w, key, &o))
        return false;
    e->happened = o != NULL;
    e->date = WC_DATE_UNKNOWN;
    if (o == NULL)
        return true;
    size_t mark = wc_path_key(&L->r, key);
    int conf;
    if (wc_check_keys(&L->r, o, keys) && wc_read_date(&L->r, o, "date", false, &e->date) &&
        read_word(L, o, "confirmation", true, CONFIRMATIONS, &conf) &&
        read_sources(L, o, &e->sources))
        e->confirmation = (wc_confirmation)conf;
    wc_path_restore(&L->r, mark);
    return !L->r.failed;
}

static bool check_withdrawal(loader *L, const wc_withdrawal *w, const wc_statute *s)
{
    /* A withdrawal may be revoked only before the day it was to take effect. */
    if (w->effective.happened && w->revoked.happened && w->revoked.date != WC_DATE_UNKNOWN &&
        w->effective.date != WC_DATE_UNKNOWN && w->revoked.date >= w->effective.date)
        return fail_dates(L, "revoked",
                          "revoked on %s, on or after the day it took effect (%s): that is a "
                          "new accession, not a revocation",
                          w->revoked.date, w->effective.date);
    if (!w->deposited.happened && (w->effective.happened))
        return fail_dates(L, "effective",
                          "takes effect (%s) without being deposited (%s)", w->effective.date,
                          w->deposited.date);
    if (!w->deposited.happened && !w->announced.happened)
        return wc_fail(&L->r, "neither announced nor deposited");
    /* The verdict turns on these two dates, so they may not be unknown. */
    if (w->deposited.happened && w->deposited.date == WC_DATE_UNKNOWN)
        return fail_key(L, "deposited", "a deposit needs its date");
    if (w->effective.happened && w->effective.date == WC_DATE_UNKNOWN)
        return fail_key(L, "effective", "a withdrawal that takes effect needs its date");
    if (w->deposited.happened && w->effective.happened &&
        w->deposited.date != WC_DATE_UNKNOWN && w->effective.date != WC_DATE_UNKNOWN &&
        w->effective.date <= w->deposited.date)
        return fail_dates(L, "effective", "takes effect (%s) before it is deposited (%s)",
                          w->effective.date, w->deposited.date);
    if (w->deposited.happened && w->deposited.date != WC_DATE_UNKNOWN &&
        s->deposited != WC_DATE_UNKNOWN && w->deposited.date < s->deposited)
        return fail_dates(L, "deposited", "deposited (%s) before the state joined (%s)",
                          w->deposited.date, s->deposited);
    return true;
}

static bool read_withdrawal(loader *L, const cJSON *o, wc_withdrawal *w, const wc_statute *s)
{
    static const char *const keys[] = {"announced", "deposited", "effective", "revoked", "note",
                                       NULL};
    return wc_expect_object(&L->r, o) && wc_check_keys(&L->r, o, keys) &&
           read_event(L, o, "announced", &w->announced) &&
           read_event(L, o, "deposited", &w->deposited) &&
           read_event(L, o, "effective", &w->effective) &&
           read_event(L, o, "revoked", &w->revoked) &&
           wc_read_string(&L->r, o, "note", false, &w->note) && check_withdrawal(L, w, s);
}

static const char *const DEPOSIT_TYPES[] = {"ratification", "accession", "acceptance",
                                            "approval", "succession", NULL};

static bool check_statute_dates(loader *L, const wc_statute *s)
{
    if (s->signed_on == WC_DATE_UNKNOWN && s->deposited == WC_DATE_UNKNOWN)
        return wc_fail(&L->r, "neither signed nor deposited");
    if (s->signature_withdrawn != WC_DATE_UNKNOWN && s->signed_on == WC_DATE_UNKNOWN)
        return fail_dates(L, "signature_withdrawn", "signature withdrawn (%s) but never signed (%s)",
                          s->signature_withdrawn, s->signed_on);
    if ((s->deposited == WC_DATE_UNKNOWN) != (s->deposit_type == NULL)) {
        size_t mark = wc_path_key(&L->r, "deposit_type");
        wc_fail(&L->r, "'deposit_type' goes with 'deposited', and only with it");
        wc_path_restore(&L->r, mark);
        return false;
    }
    if (s->in_force != WC_DATE_UNKNOWN) {
        if (s->deposited == WC_DATE_UNKNOWN)
            return fail_dates(L, "in_force", "in force (%s) with no deposit (%s)", s->in_force,
                              s->deposited);
        /* A successor state is bound from its independence, which may come
         * before its notification of succession (Montenegro, 2006). */
        if (strcmp(s->deposit_type, "succession") == 0)
            return true;
        wc_date expected = wc_statute_entry_into_force(s->deposited);
        if (expected != s->in_force) {
            char a[WC_DATE_BUFSIZE], b[WC_DATE_BUFSIZE], c[WC_DATE_BUFSIZE];
            size_t mark = wc_path_key(&L->r, "in_force");
            wc_fail(&L->r, "%s is not the date art. 126 gives for a deposit on %s (%s)",
                    wc_date_format(s->in_force, a), wc_date_format(s->deposited, b),
                    wc_date_format(expected, c));
            wc_path_restore(&L->r, mark);
            return false;
        }
    }
    return true;
}

static bool read_statute(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"iso2",      "signed",   "signature_withdrawn",
                                       "deposited", "deposit_type", "in_force",
                                       "withdrawals", "notes",  "sources", NULL};
    wc_statute *s = (wc_statute *)&L->ds->statutes[i];
    const wc_country *country;
    int type;
    const cJSON *arr;
    if (!wc_check_keys(&L->r, o, keys) || !read_country_ref(L, o, "iso2", true, &country) ||
        !wc_read_date(&L->r, o, "signed", false, &s->signed_on) ||
        !wc_read_date(&L->r, o, "signature_withdrawn", false, &s->signature_withdrawn) ||
        !wc_read_date(&L->r, o, "deposited", false, &s->deposited) ||
        !read_word(L, o, "deposit_type", false, DEPOSIT_TYPES, &type) ||
        !wc_read_date(&L->r, o, "in_force", false, &s->in_force) ||
        !wc_read_array(&L->r, o, "withdrawals", &arr) || !read_strings(L, o, "notes", &s->notes) ||
        !read_sources(L, o, &s->sources))
        return false;
    s->country = country;
    s->deposit_type = type >= 0 ? DEPOSIT_TYPES[type] : NULL;
    if (country->statute != NULL) {
        size_t mark = wc_path_key(&L->r, "iso2");
        wc_fail(&L->r, "a second record for '%s'", country->iso2);
        wc_path_restore(&L->r, mark);
        return false;
    }
    ((wc_country *)country)->statute = s;
    if (!check_statute_dates(L, s))
        return false;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    wc_withdrawal *ws = alloc_array(L, n, sizeof *ws);
    if (ws == NULL)
        return false;
    s->withdrawals = ws;
    s->n_withdrawals = n;
    size_t mark = wc_path_key(&L->r, "withdrawals");
    size_t k = 0;
    for (const cJSON *c = arr->child; c != NULL; c = c->next, k++) {
        size_t m2 = wc_path_index(&L->r, k);
        bool ok = read_withdrawal(L, c, &ws[k], s);
        wc_path_restore(&L->r, m2);
        if (!ok)
            break;
    }
    wc_path_restore(&L->r, mark);
    return !L->r.failed;
}

static bool read_declaration(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"iso2", "lodged", "period_from", "period_to", "sources",
                                       NULL};
    wc_declaration *d = (wc_declaration *)&L->ds->declarations[i];
    if (!wc_check_keys(&L->r, o, keys) || !read_country_ref(L, o, "iso2", true, &d->country) ||
        !wc_read_date(&L->r, o, "lodged", true, &d->lodged) ||
        !wc_read_date(&L->r, o, "period_from", false, &d->period_from) ||
        !wc_read_date(&L->r, o, "period_to", false, &d->period_to) ||
        !read_sources(L, o, &d->sources))
        return false;
    if (d->period_from != WC_DATE_UNKNOWN && d->period_to != WC_DATE_UNKNOWN &&
        d->period_to < d->period_from)
        return fail_dates(L, "period_to", "the period ends (%s) before it starts (%s)",
                          d->period_to, d->period_from);
    return true;
}

static bool read_referral(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"situation", "resolution", "adopted", "bound", "sources",
                                       NULL};
    wc_referral *f = (wc_referral *)&L->ds->referrals[i];
    const cJSON *arr;
    if (!wc_check_keys(&L->r, o, keys) ||
        !wc_read_string(&L->r, o, "situation", true, &f->situation) ||
        !wc_read_string(&L->r, o, "resolution", true, &f->resolution) ||
        !wc_read_date(&L->r, o, "adopted", true, &f->adopted) ||
        !wc_read_array(&L->r, o, "bound", &arr) || !read_sources(L, o, &f->sources))
        return false;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    const wc_country **bound = alloc_array(L, n, sizeof *bound);
    if (bound == NULL)
        return false;
    size_t mark = wc_path_key(&L->r, "bound");
    size_t k = 0;
    for (const cJSON *c = arr->child; c != NULL; c = c->next, k++) {
        size_t m2 = wc_path_index(&L->r, k);
        if (!cJSON_IsString(c) || (bound[k] = wc_country_by_iso2(L->ds, c->valuestring)) == NULL)
            wc_fail(&L->r, "expected the alpha-2 code of a country in 'countries'");
        wc_path_restore(&L->r, m2);
        if (L->r.failed)
            break;
    }
    wc_path_restore(&L->r, mark);
    f->bound = bound;
    f->n_bound = n;
    return !L->r.failed;
}

static bool read_person(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"id",   "name", "full_name",         "aliases", "nationality",
                                       "born", "died", "died_confirmation", "sources", NULL};
    wc_person *p = (wc_person *)&L->ds->persons[i];
    if (!wc_check_keys(&L->r, o, keys) || !wc_read_string(&L->r, o, "id", true, &p->id) ||
        !wc_read_string(&L->r, o, "name", true, &p->name) ||
        !wc_read_string(&L->r, o, "full_name", false, &p->full_name) ||
        !read_strings(L, o, "aliases", &p->aliases) ||
        !read_country_ref(L, o, "nationality", false, &p->nationality) ||
        !wc_read_date(&L->r, o, "born", false, &p->born) ||
        !wc_read_date(&L->r, o, "died", false, &p->died) || !read_sources(L, o, &p->sources))
        return false;
    int died_confirmation;
    if (!read_word(L, o, "died_confirmation", false, CONFIRMATIONS, &died_confirmation))
        return false;
    if (died_confirmation == WC_CONFIRMED_DEPOSITARY)
        return fail_key(L, "died_confirmation", "a death is confirmed by the Court or reported");
    if (died_confirmation >= 0 && p->died == WC_DATE_UNKNOWN)
        return fail_key(L, "died_confirmation", "given without 'died'");
    p->died_confirmation = died_confirmation < 0 ? WC_REPORTED : (wc_confirmation)died_confirmation;
    size_t mark = wc_path_key(&L->r, "id");
    wc_check_charset(&L->r, p->id, ID_CHARS, 60, "an id of a-z, 0-9 and '-'");
    wc_path_restore(&L->r, mark);
    if (!L->r.failed && p->born != WC_DATE_UNKNOWN && p->died != WC_DATE_UNKNOWN &&
        p->died < p->born)
        return fail_dates(L, "died", "died (%s) before being born (%s)", p->died, p->born);
    return !L->r.failed;
}

static const char *const STATUS_WORDS[] = {"at-large", "arrested", "in-custody",
                                           "convicted", "acquitted", "released",
                                           "deceased", "withdrawn", "vacated", NULL};

const char *wc_warrant_status_word(wc_warrant_status status)
{
    return STATUS_WORDS[status];
}

static bool read_status_events(loader *L, const cJSON *arr, wc_warrant *w)
{
    static const char *const keys[] = {"date", "not_before", "not_after",    "status",
                                       "note", "sources",    "confirmation", NULL};
    size_t n = (size_t)cJSON_GetArraySize(arr);
    size_t mark = wc_path_key(&L->r, "status");
    if (n == 0) {
        wc_fail(&L->r, "a warrant needs at least one status");
        wc_path_restore(&L->r, mark);
        return false;
    }
    wc_status_event *ev = alloc_array(L, n, sizeof *ev);
    wc_date last = w->issued;
    size_t k = 0;
    for (const cJSON *c = arr->child; c != NULL && ev != NULL; c = c->next, k++) {
        size_t m2 = wc_path_index(&L->r, k);
        int st, conf;
        if (wc_expect_object(&L->r, c) && wc_check_keys(&L->r, c, keys) &&
            wc_read_date(&L->r, c, "date", false, &ev[k].date) &&
            wc_read_date(&L->r, c, "not_before", false, &ev[k].not_before) &&
            wc_read_date(&L->r, c, "not_after", false, &ev[k].not_after) &&
            read_word(L, c, "status", true, STATUS_WORDS, &st) &&
            read_word(L, c, "confirmation", false, CONFIRMATIONS, &conf) &&
            wc_read_string(&L->r, c, "note", false, &ev[k].note) &&
            read_sources(L, c, &ev[k].sources)) {
            ev[k].status = (wc_warrant_status)st;
            ev[k].confirmation = conf < 0 ? WC_CONFIRMED_COURT : (wc_confirmation)conf;
            /* An exact date makes a bound meaningless; a bound may stand
             * alone, and orders the event like a date. */
            if (ev[k].date != WC_DATE_UNKNOWN &&
                (ev[k].not_after != WC_DATE_UNKNOWN || ev[k].not_before != WC_DATE_UNKNOWN))
                fail_key(L, "date", "give 'date' or the bounds 'not_before'/'not_after', not both");
            else if (ev[k].not_before != WC_DATE_UNKNOWN && ev[k].not_after != WC_DATE_UNKNOWN &&
                     ev[k].not_after < ev[k].not_before)
                fail_dates(L, "not_after", "the bounds are reversed: %s is before %s",
                           ev[k].not_after, ev[k].not_before);
            wc_date when = ev[k].date != WC_DATE_UNKNOWN ? ev[k].date : ev[k].not_after;
            if (!L->r.failed && when != WC_DATE_UNKNOWN) {
                if (last != WC_DATE_UNKNOWN && when < last)
                    fail_dates(L, ev[k].date != WC_DATE_UNKNOWN ? "date" : "not_after",
                               "out of order: %s comes before %s", when, last);
                last = when;
            }
        }
        wc_path_restore(&L->r, m2);
        if (L->r.failed)
            break;
    }
    wc_path_restore(&L->r, mark);
    w->status = ev;
    w->n_status = n;
    return !L->r.failed;
}

static bool read_charges(loader *L, const cJSON *arr, wc_warrant *w)
{
    static const char *const keys[] = {"crime", "article", NULL};
    size_t n = (size_t)cJSON_GetArraySize(arr);
    wc_charge *ch = alloc_array(L, n, sizeof *ch);
    size_t mark = wc_path_key(&L->r, "charges");
    size_t k = 0;
    for (const cJSON *c = arr->child; c != NULL && ch != NULL; c = c->next, k++) {
        size_t m2 = wc_path_index(&L->r, k);
        if (wc_expect_object(&L->r, c) && wc_check_keys(&L->r, c, keys) &&
            wc_read_string(&L->r, c, "crime", true, &ch[k].crime))
            wc_read_string(&L->r, c, "article", false, &ch[k].article);
        wc_path_restore(&L->r, m2);
        if (L->r.failed)
            break;
    }
    wc_path_restore(&L->r, mark);
    w->charges = ch;
    w->n_charges = n;
    return !L->r.failed;
}

static bool read_warrant(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"id",     "person", "situation", "case",
                                       "role",   "issued", "public",    "charges",
                                       "status", "sources", NULL};
    wc_warrant *w = (wc_warrant *)&L->ds->warrants[i];
    const cJSON *charges, *status;
    if (!wc_check_keys(&L->r, o, keys) || !wc_read_string(&L->r, o, "id", true, &w->id) ||
        !read_person_ref(L, o, "person", &w->person) ||
        !wc_read_string(&L->r, o, "situation", true, &w->situation) ||
        !wc_read_string(&L->r, o, "case", false, &w->case_name) ||
        !wc_read_string(&L->r, o, "role", false, &w->role) ||
        !wc_read_date(&L->r, o, "issued", false, &w->issued) ||
        !wc_read_date(&L->r, o, "public", false, &w->made_public) ||
        !wc_read_array(&L->r, o, "charges", &charges) ||
        !wc_read_array(&L->r, o, "status", &status) || !read_sources(L, o, &w->sources))
        return false;
    size_t mark = wc_path_key(&L->r, "id");
    wc_check_charset(&L->r, w->id, ID_CHARS, 80, "an id of a-z, 0-9 and '-'");
    wc_path_restore(&L->r, mark);
    /* A sealed warrant's issue date may be unknown; then the day it was
     * made public is the first day it is known to exist. */
    if (!L->r.failed && w->issued == WC_DATE_UNKNOWN && w->made_public == WC_DATE_UNKNOWN)
        return fail_key(L, "issued", "a warrant needs the date it was issued or made public");
    if (!L->r.failed && w->issued != WC_DATE_UNKNOWN && w->made_public != WC_DATE_UNKNOWN &&
        w->made_public < w->issued)
        return fail_dates(L, "public", "made public (%s) before it was issued (%s)",
                          w->made_public, w->issued);
    return !L->r.failed && read_charges(L, charges, w) && read_status_events(L, status, w);
}

static bool read_trip(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"person", "start",    "end",     "host", "city",
                                       "occasion", "outcome", "sources", NULL};
    wc_trip *t = (wc_trip *)&L->ds->trips[i];
    if (!wc_check_keys(&L->r, o, keys) || !read_person_ref(L, o, "person", &t->person) ||
        !wc_read_date(&L->r, o, "start", true, &t->start) ||
        !wc_read_date(&L->r, o, "end", true, &t->end) ||
        !read_country_ref(L, o, "host", true, &t->host) ||
        !wc_read_string(&L->r, o, "city", false, &t->city) ||
        !wc_read_string(&L->r, o, "occasion", false, &t->occasion) ||
        !wc_read_string(&L->r, o, "outcome", false, &t->outcome) ||
        !read_sources(L, o, &t->sources))
        return false;
    if (t->end < t->start)
        return fail_dates(L, "end", "the trip ends (%s) before it starts (%s)", t->end, t->start);
    return true;
}

static const char *const REFERRALS[] = {"asp", "unsc", "asp+unsc", NULL};

static bool read_finding(loader *L, const cJSON *o, size_t i)
{
    static const char *const keys[] = {"state", "person", "date", "decision", "referred_to",
                                       "sources", NULL};
    wc_finding *f = (wc_finding *)&L->ds->findings[i];
    int ref;
    if (!wc_check_keys(&L->r, o, keys) || !read_country_ref(L, o, "state", true, &f->state) ||
        !read_person_ref(L, o, "person", &f->person) ||
        !wc_read_date(&L->r, o, "date", true, &f->date) ||
        !wc_read_string(&L->r, o, "decision", true, &f->decision) ||
        !read_word(L, o, "referred_to", false, REFERRALS, &ref) ||
        !read_sources(L, o, &f->sources))
        return false;
    f->referred_to = ref >= 0 ? REFERRALS[ref] : NULL;
    return true;
}

/* ------------------------------------------------------------- names */

static const char *country_display(const void *item)
{
    return ((const wc_country *)item)->name;
}

static const char *person_display(const void *item)
{
    return ((const wc_person *)item)->name;
}

/* Describes where an index entry's name came from, as a JSON path. */
static void entry_path(char *buf, size_t size, const char *array, const wc_name_entry *e)
{
    static const char *const fields[] = {"", "id", "iso2", "iso3", "name", "full_name"};
    if (e->field >= 0)
        snprintf(buf, size, "%s[%zu].aliases[%d]", array, e->record, e->field);
    else
        snprintf(buf, size, "%s[%zu].%s", array, e->record, fields[-e->field]);
}

static bool finish_index(loader *L, wc_name_index *index, const char *array,
                         const char *(*display)(const void *))
{
    const wc_name_entry *a, *b;
    if (wc_index_finish(index, &a, &b))
        return true;
    char first[96], second[96];
    entry_path(first, sizeof first, array, a);
    entry_path(second, sizeof second, array, b);
    wc_path_restore(&L->r, 0);
    wc_path_key(&L->r, second);
    wc_fail(&L->r, "names two records: '%s' here and '%s' at %s read alike", display(b->item),
            display(a->item), first);
    wc_path_restore(&L->r, 0);
    return false;
}

static bool index_country_names(loader *L)
{
    wc_name_index *ix = &L->in->country_names;
    bool ok = true;
    for (size_t i = 0; i < L->ds->n_countries && ok; i++) {
        const wc_country *c = &L->ds->countries[i];
        ok = wc_index_add(ix, c->iso2, c, i, WC_FIELD_CODE2) &&
             wc_index_add(ix, c->iso3, c, i, WC_FIELD_CODE3) &&
             wc_index_add(ix, c->name, c, i, WC_FIELD_NAME) &&
             (c->official_name == NULL || wc_index_add(ix, c->official_name, c, i, WC_FIELD_FULL_NAME));
        for (size_t k = 0; k < c->aliases.count && ok; k++)
            ok = wc_index_add(ix, c->aliases.items[k], c, i, (int)k);
    }
    if (!ok)
        return wc_fail(&L->r, "out of memory");
    return finish_index(L, ix, "countries", country_display);
}

static bool index_person_names(loader *L)
{
    wc_name_index *ix = &L->in->person_names;
    bool ok = true;
    for (size_t i = 0; i < L->ds->n_persons && ok; i++) {
        const wc_person *p = &L->ds->persons[i];
        ok = wc_index_add(ix, p->id, p, i, WC_FIELD_ID) &&
             wc_index_add(ix, p->name, p, i, WC_FIELD_NAME) &&
             (p->full_name == NULL || wc_index_add(ix, p->full_name, p, i, WC_FIELD_FULL_NAME));
        for (size_t k = 0; k < p->aliases.count && ok; k++)
            ok = wc_index_add(ix, p->aliases.items[k], p, i, (int)k);
    }
    if (!ok)
        return wc_fail(&L->r, "out of memory");
    return finish_index(L, ix, "persons", person_display);
}

wc_country_match wc_find_country(const wc_dataset *ds, const char *query)
{
    wc_index_match m = wc_index_find(&ds->internal->country_names, query, country_display);
    wc_country_match out = {.kind = m.kind, .country = NULL, .n_candidates = 0};
    if (m.kind == WC_MATCH_FOUND) {
        out.country = m.items[0];
        return out;
    }
    for (size_t i = 0; i < m.count; i++)
        out.candidates[i] = m.items[i];
    out.n_candidates = m.count;
    return out;
}

wc_person_match wc_find_person(const wc_dataset *ds, const char *query)
{
    wc_index_match m = wc_index_find(&ds->internal->person_names, query, person_display);
    wc_person_match out = {.kind = m.kind, .person = NULL, .n_candidates = 0};
    if (m.kind == WC_MATCH_FOUND) {
        out.person = m.items[0];
        return out;
    }
    for (size_t i = 0; i < m.count; i++)
        out.candidates[i] = m.items[i];
    out.n_candidates = m.count;
    return out;
}

/* ------------------------------------------------------------- loading */

/* Allocates a top-level array's records and reads each one. */
#define LOAD_ARRAY(L, root, key, field, count, type, each)                                    \
    do {                                                                                       \
        const cJSON *arr_;                                                                     \
        if (!wc_read_array(&(L)->r, root, key, &arr_))                                         \
            return false;                                                                      \
        (L)->ds->count = (size_t)cJSON_GetArraySize(arr_);                                     \
        (L)->ds->field = alloc_array(L, (L)->ds->count, sizeof(type));                         \
        if ((L)->ds->field == NULL || !walk(L, key, arr_, each))                               \
            return false;                                                                      \
    } while (0)

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

static bool load(loader *L)
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
    L->in->root = cJSON_ParseWithLengthOpts(L->r.text, L->r.len, &end, false);
    if (L->in->root == NULL && scan.fault == WC_JSON_OK) {
        /* The text is JSON, so cJSON ran out of memory: no place to blame. */
        wc_fail(&L->r, "out of memory");
        L->r.err->line = L->r.err->column = 0;
        return false;
    }
    if (L->in->root == NULL) {
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

    const cJSON *root = L->in->root;
    static const char *const keys[] = {"schema_version", "dataset_version", "as_of", "sources",
                                       "countries",      "rome_statute", "declarations_12_3",
                                       "unsc_referrals", "persons",    "warrants",
                                       "trips",          "findings",   "territories",
                                       NULL};
    if (!wc_expect_object(&L->r, root) || !wc_check_keys(&L->r, root, keys))
        return false;
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "schema_version");
    if (version == NULL)
        return wc_fail(&L->r, "missing key 'schema_version'");
    wc_path_key(&L->r, "schema_version");
    if (!cJSON_IsNumber(version) || version->valuedouble != 2.0)
        return wc_fail(&L->r, "this program reads schema version 2");
    wc_path_restore(&L->r, 0);
    L->ds->schema_version = 2;
    if (!wc_read_string(&L->r, root, "dataset_version", true, &L->ds->dataset_version) ||
        !check_dataset_version(L, L->ds->dataset_version) ||
        !wc_read_date(&L->r, root, "as_of", true, &L->ds->as_of))
        return false;

    struct wc_dataset_internal *in = L->in;
    LOAD_ARRAY(L, root, "sources", sources, n_sources, wc_source, read_source);
    in->sources_by_id = alloc_array(L, L->ds->n_sources, sizeof *in->sources_by_id);
    if (in->sources_by_id == NULL ||
        !index_unique(L, (const void **)in->sources_by_id, L->ds->sources, sizeof(wc_source),
                      L->ds->n_sources, cmp_source_ptr, "sources", "id"))
        return false;

    LOAD_ARRAY(L, root, "countries", countries, n_countries, wc_country, read_country);
    in->countries_by_iso2 = alloc_array(L, L->ds->n_countries, sizeof *in->countries_by_iso2);
    /* A repeated alpha-3 code shows up as a clash in the name index. */
    if (in->countries_by_iso2 == NULL ||
        !index_unique(L, (const void **)in->countries_by_iso2, L->ds->countries,
                      sizeof(wc_country), L->ds->n_countries, cmp_country_ptr, "countries",
                      "iso2") ||
        !index_country_names(L))
        return false;

    LOAD_ARRAY(L, root, "persons", persons, n_persons, wc_person, read_person);
    in->persons_by_id = alloc_array(L, L->ds->n_persons, sizeof *in->persons_by_id);
    if (in->persons_by_id == NULL ||
        !index_unique(L, (const void **)in->persons_by_id, L->ds->persons, sizeof(wc_person),
                      L->ds->n_persons, cmp_person_ptr, "persons", "id") ||
        !index_person_names(L))
        return false;

    LOAD_ARRAY(L, root, "rome_statute", statutes, n_statutes, wc_statute, read_statute);
    /* Optional, so that data files of before territories still load. */
    if (cJSON_GetObjectItemCaseSensitive(root, "territories") != NULL) {
        const cJSON *territories;
        if (!wc_read_array(&L->r, root, "territories", &territories) ||
            !walk(L, "territories", territories, read_territory) || !check_territory_chains(L))
            return false;
    }
    LOAD_ARRAY(L, root, "declarations_12_3", declarations, n_declarations, wc_declaration,
               read_declaration);
    LOAD_ARRAY(L, root, "unsc_referrals", referrals, n_referrals, wc_referral, read_referral);
    LOAD_ARRAY(L, root, "warrants", warrants, n_warrants, wc_warrant, read_warrant);
    LOAD_ARRAY(L, root, "trips", trips, n_trips, wc_trip, read_trip);
    LOAD_ARRAY(L, root, "findings", findings, n_findings, wc_finding, read_finding);
    return true;
}

wc_dataset *wc_dataset_load(const char *text, size_t len, wc_error *err)
{
    wc_error scratch;
    if (err == NULL)
        err = &scratch;
    memset(err, 0, sizeof *err);
    wc_dataset *ds = calloc(1, sizeof *ds);
    struct wc_dataset_internal *in = calloc(1, sizeof *in);
    if (ds == NULL || in == NULL) {
        free(ds);
        free(in);
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    ds->internal = in;
    loader L = {.r = {.text = text, .len = len, .err = err}, .ds = ds, .in = in};
    if (!load(&L)) {
        wc_dataset_free(ds);
        return NULL;
    }
    return ds;
}

void wc_dataset_free(wc_dataset *ds)
{
    if (ds == NULL || (ds->internal != NULL && ds->internal->is_static))
        return;
    struct wc_dataset_internal *in = ds->internal;
    if (in != NULL) {
        cJSON_Delete(in->root);
        wc_index_free(&in->country_names);
        wc_index_free(&in->person_names);
        wc_arena_release(&in->arena);
        free(in);
    }
    free(ds);
}
