/* A second front end in a few lines, against the public headers only: can
 * Putin be arrested in Mongolia on 2024-09-03? The verdict for people, then
 * as a CSV row. It links warrantcheck_render and warrantcheck_core, no CLI. */
#include <warrantcheck/render.h>
#include <warrantcheck/warrantcheck.h>

int main(void)
{
    const wc_dataset *ds = wc_dataset_builtin();
    const wc_person *p = wc_find_person(ds, "putin").person;
    const wc_country *c = wc_find_country(ds, "Mongolia").country;
    wc_date date;
    wc_verdict v;
    if (p == NULL || c == NULL || !wc_date_parse("2024-09-03", 10, &date) ||
        !wc_verdict_for_person(ds, p, c, date, &v))
        return 2;
    wcr_writer out = wcr_writer_file(stdout);
    wcr_opts text = {.format = WCR_TEXT}, csv = {.format = WCR_CSV, .header = true};
    bool ok = wcr_verdict_text(&out, &text, date, p, c, &v);
    wcr_table t;
    wcr_table_begin(&t, &out, &csv, wcr_verdict_columns);
    wcr_table_verdict(&t, date, p, c, &v);
    ok = wcr_table_end(&t) && ok;
    wc_verdict_free(&v);
    return ok && fflush(stdout) == 0 ? 0 : 1;
}
