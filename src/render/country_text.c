/* The text of `country COUNTRY`, for people: the state's standing on a
 * date, its treaty dates, whom it must arrest (the verdict words in the
 * colours of `can` and `where`), the notes and sources. */
#include "writer.h"

#include <stdio.h>

/* "  signed                     2000-12-29", when the date is known; a
 * date after the one asked about says so, so that the list does not read
 * as the state of things on that day ("deposited 2024-10-25" beside "has
 * not ratified it" on 2024-06-01). */
static bool date_line(const wcr_writer *w, const wcr_opts *o, const char *label, wc_date d,
                      wc_date on)
{
    char lead[48], value[64], buf[WC_DATE_BUFSIZE], on_buf[WC_DATE_BUFSIZE];
    if (d == WC_DATE_UNKNOWN)
        return true;
    snprintf(lead, sizeof lead, "  %-26s ", label);
    if (d > on)
        snprintf(value, sizeof value, "%s (not yet on %s)", wc_date_format(d, buf),
                 wc_date_format(on, on_buf));
    else
        snprintf(value, sizeof value, "%s", wc_date_format(d, buf));
    return wcr_wrap_row(w, o, lead, value);
}

/* The article of a country's name at the start of a sentence: "The " for
 * "The United States is ...", where wc_country_article gives "the ". */
static const char *opening_article(const wc_country *c)
{
    return wc_country_article(c)[0] != '\0' ? "The " : "";
}

/* The first line: a State Party or not on the date, or covered (or not)
 * through the state a territory belongs to. */
static bool standing_line(const wcr_writer *w, const wcr_opts *o, const wcr_country_answer *a)
{
    char on[WC_DATE_BUFSIZE], since[WC_DATE_BUFSIZE];
    const wc_membership *m = &a->membership;
    const wc_country *c = a->country;
    wc_date_format(a->date, on);
    if (m->through != NULL)
        return wcr_wrapped(w, o, "", 2, NULL,
                           "%s%s is %s%scovered by the Rome Statute on %s, as a territory of %s%s.",
                           opening_article(c), c->name, m->presumed ? "presumed " : "",
                           m->state_party ? "" : "not ", on, wc_country_article(m->through),
                           m->through->name);
    if (m->state_party)
        return wcr_wrapped(w, o, "", 2, NULL,
                           "%s%s is a State Party to the Rome Statute on %s, since %s.",
                           opening_article(c), c->name, on,
                           wc_date_format(m->statute->in_force, since));
    return wcr_wrapped(w, o, "", 2, NULL, "%s%s is not a State Party to the Rome Statute on %s.",
                       opening_article(c), c->name, on);
}

bool wcr_country_text(const wcr_writer *w, const wcr_opts *o, const wcr_country_answer *a)
{
    const wc_statute *s = a->membership.statute;
    bool ok = standing_line(w, o, a);
    if (s != NULL) {
        wc_date on = a->date;
        ok &= wcr_putc(w, '\n') && date_line(w, o, "signed", s->signed_on, on) &&
              date_line(w, o, "signature withdrawn", s->signature_withdrawn, on);
        if (s->deposit_type != WC_DEPOSIT_NONE) {
            char label[40];
            snprintf(label, sizeof label, "deposited (%s)", wc_deposit_type_word(s->deposit_type));
            ok &= date_line(w, o, label, s->deposited, on);
        }
        ok &= date_line(w, o, "in force", s->in_force, on);
        if (a->withdrawal != NULL)
            ok &= date_line(w, o, "withdrawal deposited", a->withdrawal->deposited.date, on) &&
                  date_line(w, o, "withdrawal effective", a->withdrawal->effective.date, on);
    }
    size_t n_obliged = 0, n_listed = 0;
    const wc_person *last = NULL;
    for (size_t i = 0; i < a->n_duties; i++) {
        bool can = wc_verdict_can_arrest(a->duties[i].kind);
        n_obliged += can;
        n_listed += can && a->duties[i].warrant->person != last;
        last = a->duties[i].warrant->person;
    }
    if (n_obliged > 0) {
        /* The persons are fewer than the warrants when one holds two. */
        char persons[48] = "";
        if (n_listed < n_obliged)
            snprintf(persons, sizeof persons, " %zu %s", n_listed,
                     n_listed == 1 ? "person" : "persons");
        ok &= wcr_putc(w, '\n') &&
              wcr_wrapped(w, o, "", 2, NULL,
                          "Must arrest%s, under %zu of the %zu warrants in force on that date:",
                          persons, n_obliged, a->n_duties);
        const wc_person *previous = NULL;
        for (size_t i = 0; i < a->n_duties; i++) {
            const wc_person *person = a->duties[i].warrant->person;
            wc_verdict_kind kind = a->duties[i].kind;
            /* A person with two warrants (al-Bashir) is listed once. */
            if (wc_verdict_can_arrest(kind) && person != previous)
                ok &= WCR_LIT(w, "  ") && wcr_pad(w, person->name, 31) &&
                      wcr_printf(w, "%s%s%s\n", wcr_color_on(o, kind), wc_verdict_word(kind),
                                 wcr_color_off(o));
            previous = person;
        }
    } else if (a->n_duties > 0) {
        ok &= wcr_putc(w, '\n') &&
              wcr_wrapped(w, o, "", 2, NULL,
                          "Not obliged to arrest anyone under the %zu warrants in force on that "
                          "date.",
                          a->n_duties);
    }
    return wcr_notes_text(w, o, a->notes) && wcr_sources_text(w, o, a->sources, a->n_sources) &&
           ok;
}
