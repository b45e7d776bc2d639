/* The verdict of a leg of several days (SPEC section 3): the strongest
 * verdict of any of its days, the first day that has it, and the days on
 * which it changes, found a run of days at a time. */
#include <warrantcheck/warrantcheck.h>

#include <stdio.h>

bool wc_leg_verdict_walk(wc_date start, wc_date end, wc_day_verdict_fn day_verdict, void *ctx,
                         wc_leg_verdict *out)
{
    /* Only the fields below are set: a leg is checked per input line, so
     * the unused runs are left as they are. */
    out->kind = WC_V_NO_WARRANT;
    out->day = start;
    out->n_runs = 0;
    out->more = false;
    for (wc_date d = start;;) {
        wc_verdict_kind kind;
        wc_date last;
        if (!day_verdict(ctx, d, &kind, &last))
            return false;
        /* Strongest first in wc_verdict_kind: a lower value wins, and on a
         * tie the earlier day. */
        if (d == start || kind < out->kind) {
            out->kind = kind;
            out->day = d;
        }
        if (out->n_runs == 0 || out->runs[out->n_runs - 1].kind != kind) {
            if (out->n_runs < WC_LEG_MAX_RUNS)
                out->runs[out->n_runs++] = (wc_leg_run){.from = d, .kind = kind};
            else
                out->more = true;
        }
        if (last >= end || last < d)
            break;
        d = last + 1;
    }
    return true;
}

typedef struct person_days {
    const wc_dataset *ds;
    const wc_person *person;
    const wc_country *country;
} person_days;

static bool person_day(void *ctx, wc_date day, wc_verdict_kind *kind, wc_date *last)
{
    const person_days *pd = ctx;
    wc_date first;
    wc_verdict_span(pd->ds, pd->person, pd->country, day, &first, last);
    wc_verdict v;
    if (!wc_verdict_for_person(pd->ds, pd->person, pd->country, day, &v))
        return false;
    *kind = v.kind;
    wc_verdict_free(&v);
    return true;
}

bool wc_leg_verdict_for_person(const wc_dataset *ds, const wc_person *person,
                               const wc_country *country, wc_date start, wc_date end,
                               wc_leg_verdict *out)
{
    person_days pd = {.ds = ds, .person = person, .country = country};
    return wc_leg_verdict_walk(start, end, person_day, &pd, out);
}

size_t wc_leg_change_note(const wc_leg_verdict *lv, char *buf, size_t size)
{
    size_t at = 0;
    /* Appends like snprintf, keeping `at` the length the note would have. */
#define PUT(...)                                                                               \
    do {                                                                                       \
        int n_ = snprintf(buf + (at < size ? at : size), at < size ? size - at : 0,            \
                          __VA_ARGS__);                                                        \
        at += n_ > 0 ? (size_t)n_ : 0;                                                         \
    } while (0)
    if (size > 0)
        buf[0] = '\0';
    if (lv->n_runs < 2)
        return 0;
    PUT("the verdict changes during the leg:");
    for (size_t i = 0; i < lv->n_runs; i++) {
        char d[WC_DATE_BUFSIZE];
        PUT("%s %s from %s", i ? "," : "", wc_verdict_word(lv->runs[i].kind),
            wc_date_format(lv->runs[i].from, d));
    }
    if (lv->more)
        PUT(", and later changes");
#undef PUT
    return at;
}
