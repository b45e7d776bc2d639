/* The commands that answer "can PERSON be arrested?": `can` for one
 * country, `where` for every country, `trips` for each past trip. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "fields.h"
#include "table.h"
#include "verdict_filter.h"

#include <stdlib.h>
#include <string.h>

/* How many of the words of `can PERSON COUNTRY` name the person: one,
 * unless that leaves no country and more words name a person and leave one
 * ("can vladimir putin mongolia", without quotes); the fewest that do, so
 * that a one-word name stays one word. When no split names both, the most
 * words that name a person, so that the error is about the country
 * ("can vladimir putin narnia": unknown country 'narnia'); *split says
 * whether a split named both. */
static int person_words(const cli *c, int argc, char **argv, bool *split)
{
    int known = 1;
    *split = true;
    for (int k = 1; k < argc; k++) {
        char *person = cli_join_words(k, argv);
        char *country = person ? cli_join_words(argc - k, argv + k) : NULL;
        bool is_person = person != NULL && wc_find_person(c->ds, person).kind == WC_MATCH_FOUND;
        bool found = is_person && country != NULL &&
                     wc_find_country(c->ds, country).kind == WC_MATCH_FOUND;
        free(person);
        free(country);
        if (found)
            return k;
        if (is_person)
            known = k;
    }
    *split = false;
    return known;
}

/* After an unknown name in `can W1 W2 W3...` (no quotes, more than two
 * words): how to write it. With `k` words read as a known person, the
 * command with quotes; otherwise that the words would not split, unless
 * the error already offered countries near the one-word person's country
 * ("can putin south afrika": did you mean 'South Africa'?). */
static void say_how_to_quote(const cli *c, int argc, char **argv, int k, bool person_known)
{
    char *person = cli_join_words(k, argv);
    char *country = person ? cli_join_words(argc - k, argv + k) : NULL;
    char a[CLI_ECHO_BUFSIZE], b[CLI_ECHO_BUFSIZE];
    if (country != NULL && person_known && k > 1) {
        const char *q = argc - k > 1 ? "\"" : ""; /* a country of several words */
        cli_echo(person, a), cli_echo(country, b);
        diag(DIAG_NOTE, NULL, 0, 0,
             "read as the person '%s' and the country '%s'; with quotes, the command is: "
             "warrantcheck can \"%s\" %s%s%s",
             a, b, a, q, b, q);
    }
    else if (country != NULL &&
             !(person_known && wc_find_country(c->ds, country).n_candidates > 0))
        diag(DIAG_NOTE, NULL, 0, 0,
             "could not split the words into PERSON COUNTRY; quote a name of several words: "
             "warrantcheck can \"PERSON NAME\" \"COUNTRY NAME\"");
    free(person);
    free(country);
}

/* Whether every word of `can W1 W2...` together names a person and the
 * words do not also split into PERSON COUNTRY: "can vladimir putin", where
 * the country was left out, not misspelt. */
static bool names_only_a_person(const cli *c, int argc, char **argv, bool split)
{
    if (split && argc > 2)
        return false;
    if (argc == 2) {
        char *country = cli_join_words(1, argv + 1);
        bool is_country = country != NULL && wc_find_country(c->ds, country).kind == WC_MATCH_FOUND;
        free(country);
        if (is_country)
            return false;
    }
    char *all = cli_join_words(argc, argv);
    bool is_person = all != NULL && wc_find_person(c->ds, all).kind == WC_MATCH_FOUND;
    free(all);
    return is_person;
}

int cmd_can(cli *c, int argc, char **argv)
{
    bool split = true;
    int k = argc > 2 ? person_words(c, argc, argv, &split) : 1;
    if (names_only_a_person(c, argc, argv, split)) {
        char *all = cli_join_words(argc, argv);
        /* The person as named: not the blanks an empty COUNTRY ("") left. */
        for (size_t n = all != NULL ? strlen(all) : 0; n > 0 && all[n - 1] == ' '; n--)
            all[n - 1] = '\0';
        char shown[CLI_ECHO_BUFSIZE];
        cli_error("'can' needs a COUNTRY after the person '%s' (try 'warrantcheck can --help')",
                  all != NULL ? cli_echo(all, shown) : "");
        free(all);
        return EXIT_USAGE;
    }
    char *who = cli_join_words(k, argv);
    const wc_person *p = who ? cli_person(c, who) : NULL;
    free(who);
    if (p == NULL) {
        if (!split)
            say_how_to_quote(c, argc, argv, k, false);
        return EXIT_INPUT;
    }
    char *name = cli_join_words(argc - k, argv + k);
    const wc_country *country = name ? cli_country(c, name) : NULL;
    free(name);
    if (country == NULL) {
        if (!split)
            say_how_to_quote(c, argc, argv, k, true);
        return EXIT_INPUT;
    }
    wc_verdict v;
    if (!wc_verdict_for_person(c->ds, p, country, c->date, &v))
        return diag_out_of_memory();
    int status = wc_verdict_can_arrest(v.kind) ? EXIT_YES : EXIT_NO;
    if (!c->quiet) {
        if (c->format == FORMAT_TEXT) {
            wcr_opts o = cli_render_opts(c);
            if (!wcr_verdict_text(&c->writer, &o, c->date, p, country, &v))
                status = diag_out_of_memory();
        } else if (c->format == FORMAT_JSON) {
            cJSON *row = wcr_json_verdict_row(c->date, p, country, &v, true);
            if (row == NULL || !cli_json_document(c, row))
                status = diag_out_of_memory();
            cJSON_Delete(row);
        } else {
            wcr_table t;
            cli_table_begin(&t, c, wcr_verdict_columns);
            wcr_table_row(&t, wcr_json_verdict_row(c->date, p, country, &v, true));
            if (!wcr_table_end(&t))
                status = diag_out_of_memory();
        }
    }
    wc_verdict_free(&v);
    return status;
}

/* Whether `where` lists `country`, whose verdict is `kind`: the states
 * that can arrest; with --all every country; with --verdict LIST the
 * states (with --all, the territories too) whose verdict is in LIST. */
static bool where_lists(const cli *c, const wc_country *country, wc_verdict_kind kind)
{
    if (c->verdicts != 0)
        return verdict_filter_has(c->verdicts, kind) && (c->all || wc_country_is_state(country));
    return c->all || (wc_verdict_can_arrest(kind) && wc_country_is_state(country));
}

int cmd_where(cli *c, int argc, char **argv)
{
    int status;
    const wc_person *p = cli_person_argument(c, argc, argv, "where", &status);
    if (p == NULL)
        return status;
    size_t yes = 0, territories = 0, matched = 0;
    wcr_opts opts = cli_render_opts(c);
    wcr_table t;
    bool text = c->format == FORMAT_TEXT;
    /* Two passes for text: the count heads the list. */
    for (size_t i = 0; i < c->ds->n_countries; i++) {
        wc_verdict v;
        if (!wc_verdict_for_person(c->ds, p, &c->ds->countries[i], c->date, &v))
            return diag_out_of_memory();
        /* The answer names states; their territories come with --all. */
        if (wc_verdict_can_arrest(v.kind) && !wc_country_is_state(&c->ds->countries[i]))
            territories++;
        else if (wc_verdict_can_arrest(v.kind))
            yes++;
        matched += where_lists(c, &c->ds->countries[i], v.kind);
        wc_verdict_free(&v);
    }
    if (c->format == FORMAT_SVG) {
        status = cli_draw_map(c, p);
        return status != EXIT_YES ? status : yes > 0 ? EXIT_YES : EXIT_NO;
    }
    if (!text)
        cli_table_begin(&t, c, wcr_verdict_columns);
    if (text && !c->quiet) {
        /* With no country obliged, a verdict says whether the person's
         * state (custody, death, no warrant) is why. */
        wc_verdict why;
        bool have = yes == 0 && c->ds->n_countries > 0 &&
                    wc_verdict_for_person(c->ds, p, &c->ds->countries[0], c->date, &why);
        bool written = true;
        if (c->verdicts != 0) {
            char words[160];
            bool several = (c->verdicts & (c->verdicts - 1)) != 0;
            wcr_where_text_filtered_head(&c->writer, &opts, p, c->date, yes, have ? &why : NULL,
                                         matched, c->all,
                                         verdict_filter_words(c->verdicts, words, sizeof words),
                                         several);
        } else {
            /* The headline wraps at the terminal's width, like the rows. */
            wcr_wrapping head;
            wcr_writer hw = wcr_writer_wrapping(&head, &c->writer, &opts, 2);
            wcr_where_text_head(&hw, p, c->date, yes, territories, c->all, have ? &why : NULL);
            written = wcr_wrapping_end(&head);
        }
        if (have)
            wc_verdict_free(&why);
        if (!written)
            return diag_out_of_memory();
    }
    for (size_t i = 0; i < c->ds->n_countries && !c->quiet; i++) {
        const wc_country *country = &c->ds->countries[i];
        wc_verdict v;
        if (!wc_verdict_for_person(c->ds, p, country, c->date, &v)) {
            if (text)
                return diag_out_of_memory();
            wcr_table_row(&t, NULL); /* fails the table, which frees its rows */
            break;
        }
        if (where_lists(c, country, v.kind)) {
            if (text)
                wcr_where_text_row(&c->writer, &opts, country, &v);
            else
                wcr_table_row(&t, wcr_json_verdict_row(c->date, p, country, &v, c->sources));
        }
        wc_verdict_free(&v);
    }
    if (!text && !wcr_table_end(&t))
        return diag_out_of_memory();
    /* The status answers `where` itself, filtered or not (SPEC section 3). */
    return yes > 0 ? EXIT_YES : EXIT_NO;
}

int cmd_trips(cli *c, int argc, char **argv)
{
    int status;
    const wc_person *p = cli_person_argument(c, argc, argv, "trips", &status);
    if (p == NULL)
        return status;
    wcr_opts opts = cli_render_opts(c);
    wcr_table t;
    bool text = c->format == FORMAT_TEXT;
    if (!text)
        cli_table_begin(&t, c, wcr_trip_columns);
    size_t n = 0;
    for (size_t i = 0; i < c->ds->n_trips; i++) {
        const wc_trip *trip = &c->ds->trips[i];
        if (trip->person != p)
            continue;
        n++;
        /* The host's duty on the day the person arrived. */
        wc_verdict v;
        if (!wc_verdict_for_person(c->ds, p, trip->host, trip->start, &v)) {
            if (text)
                return diag_out_of_memory();
            wcr_table_row(&t, NULL); /* fails the table, which frees its rows */
            break;
        }
        if (text && !c->quiet)
            wcr_trip_text_row(&c->writer, &opts, trip, &v);
        else if (!text)
            wcr_table_row(&t, wcr_json_trip_row(trip, &v, c->sources));
        wc_verdict_free(&v);
    }
    if (text && !c->quiet && n == 0)
        fprintf(c->out, "No trips of %s are recorded in the dataset.\n", p->name);
    if (!text && !wcr_table_end(&t))
        return diag_out_of_memory();
    return EXIT_YES;
}
