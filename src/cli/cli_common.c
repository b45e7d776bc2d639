#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "fields.h"
#include "pager.h"

#include <poll.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(DIAG_USAGE, NULL, 0, 0, fmt, ap);
    va_end(ap);
}

void cli_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(DIAG_WARNING, NULL, 0, 0, fmt, ap);
    va_end(ap);
}

char *cli_join_words(int argc, char **argv)
{
    if (argc < 1)
        return NULL;
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *name = malloc(len);
    if (name == NULL) {
        diag_out_of_memory();
        return NULL;
    }
    name[0] = '\0';
    for (int i = 0; i < argc; i++) {
        if (i > 0)
            strcat(name, " ");
        strcat(name, argv[i]);
    }
    return name;
}

/* Reports a name that did not resolve: ambiguous with its candidates, or
 * unknown with the nearest names, at `location` ("FILE:LINE:COL") when
 * there is one. The name and the candidates are echoed cut short, and diag
 * escapes the whole message. */
#define NAME_MESSAGE_SIZE ((WC_MAX_CANDIDATES + 1) * (CLI_ECHO_BUFSIZE + 8) + 128)

static void name_message(char message[NAME_MESSAGE_SIZE], const char *what, const char *name,
                         wc_match_kind kind, const char *const *cands, size_t n)
{
    char echo[CLI_ECHO_BUFSIZE];
    size_t at;
    cli_echo(name, echo);
    if (kind == WC_MATCH_AMBIGUOUS)
        at = (size_t)snprintf(message, NAME_MESSAGE_SIZE, "%s '%s' is ambiguous: it could be ", what,
                              echo);
    else if (n > 0)
        at = (size_t)snprintf(message, NAME_MESSAGE_SIZE, "unknown %s '%s'; did you mean ", what,
                              echo);
    else
        at = (size_t)snprintf(message, NAME_MESSAGE_SIZE,
                              "unknown %s '%s' (try 'warrantcheck %s' for the list)", what, echo,
                              what[0] == 'c' ? "countries" : "persons");
    for (size_t i = 0; i < n && at < NAME_MESSAGE_SIZE; i++)
        at += (size_t)snprintf(message + at, NAME_MESSAGE_SIZE - at, "%s'%s'",
                               i == 0 ? "" : i + 1 == n ? " or " : ", ", cli_echo(cands[i], echo));
    if (kind != WC_MATCH_AMBIGUOUS && n > 0 && at < NAME_MESSAGE_SIZE)
        snprintf(message + at, NAME_MESSAGE_SIZE - at, "?");
}

/* A name found through iso-codes rather than the dataset: say which
 * country the answer is for, so "Alaska" is never read as a state of its
 * own. An itinerary's rows name their country, so only arguments get it. */
static void say_what_was_meant(const char *typed, const wc_country_match *m)
{
    if (m->via.subdivision != NULL)
        diag(DIAG_NOTE, NULL, 0, 0, "'%s' is %s, part of %s%s: the answer is for %s%s", typed,
             m->via.subdivision, wc_country_article(m->country), m->country->name,
             wc_country_article(m->country), m->country->name);
    else
        diag(DIAG_NOTE, NULL, 0, 0, "'%s' is a name of %s%s (%s): the answer is for %s%s",
             typed, wc_country_article(m->country), m->country->name,
             m->via.language != NULL ? m->via.language : "iso-codes",
             wc_country_article(m->country), m->country->name);
}

/* A country or person looked up, with the names of its candidates. */
typedef struct name_lookup {
    wc_match_kind kind;
    const void *item; /* when FOUND */
    const char *names[WC_MAX_CANDIDATES];
    size_t n;
} name_lookup;

static name_lookup find_country(const cli *c, const char *name, bool is_argument)
{
    wc_country_match m = wc_find_country(c->ds, name);
    if (m.kind == WC_MATCH_FOUND && m.via.name != NULL && is_argument && !c->quiet)
        say_what_was_meant(name, &m);
    name_lookup l = {.kind = m.kind, .item = m.country, .n = m.n_candidates};
    for (size_t i = 0; i < m.n_candidates; i++)
        l.names[i] = m.candidates[i]->name;
    return l;
}

static name_lookup find_person(const cli *c, const char *name)
{
    wc_person_match m = wc_find_person(c->ds, name);
    name_lookup l = {.kind = m.kind, .item = m.person, .n = m.n_candidates};
    for (size_t i = 0; i < m.n_candidates; i++)
        l.names[i] = m.candidates[i]->name;
    return l;
}

/* Returns what the lookup found; otherwise says why, at `location`, or,
 * given `message`, hands the text back (malloc'd) for the caller to print. */
static const void *settle(const name_lookup *l, const char *what, const char *name,
                          const char *location, char **message)
{
    if (l->kind == WC_MATCH_FOUND)
        return l->item;
    if (l->kind == WC_MATCH_NO_MEMORY) {
        diag_out_of_memory();
        return NULL;
    }
    char text[NAME_MESSAGE_SIZE];
    name_message(text, what, name, l->kind, l->names, l->n);
    if (message == NULL)
        diag_at(DIAG_INPUT, location, "%s", text);
    else if ((*message = strdup(text)) == NULL)
        diag_out_of_memory();
    return NULL;
}

const wc_country *cli_country_at(const cli *c, const char *name, const char *location)
{
    name_lookup l = find_country(c, name, location == NULL);
    return settle(&l, "country", name, location, NULL);
}

const wc_person *cli_person_at(const cli *c, const char *name, const char *location)
{
    name_lookup l = find_person(c, name);
    return settle(&l, "person", name, location, NULL);
}

const wc_country *cli_country_quiet(const cli *c, const char *name, char **message)
{
    *message = NULL;
    name_lookup l = find_country(c, name, false);
    return settle(&l, "country", name, NULL, message);
}

const wc_person *cli_person_quiet(const cli *c, const char *name, char **message)
{
    *message = NULL;
    name_lookup l = find_person(c, name);
    return settle(&l, "person", name, NULL, message);
}

const wc_country *cli_country(const cli *c, const char *name)
{
    return cli_country_at(c, name, NULL);
}

const wc_person *cli_person(const cli *c, const char *name)
{
    return cli_person_at(c, name, NULL);
}

/* The terminal's size, for text on a terminal: its columns and rows, or
 * COLUMNS and 80 by 24 when it does not say; 0 by 0 (no wrapping, no
 * screen) when stdout is no terminal. */
static void terminal_size(const cli *c, unsigned *cols, unsigned *rows)
{
    *cols = 0, *rows = 0;
    if (c->out != stdout)
        return;
    /* Through a pager, the terminal it writes to. */
    diag_terminal_size(pager_terminal_fd(), cols, rows);
}

wcr_opts cli_render_opts(const cli *c)
{
    wcr_opts o = {.format = (wcr_format)c->format,
                  .header = c->header,
                  .color = c->color,
                  .dataset = c->ds,
                  .sources = c->sources,
                  .fields = c->fields_text != NULL ? c->fields : NULL};
    if (c->format == FORMAT_TEXT)
        terminal_size(c, &o.width, &o.rows);
    return o;
}

bool cli_json_document(const cli *c, cJSON *obj)
{
    wcr_opts o = cli_render_opts(c);
    return wcr_json_document(&c->writer, &o, obj);
}

void cli_table_begin(wcr_table *t, const cli *c, const char *const *columns)
{
    wcr_opts o = cli_render_opts(c);
    wcr_table_begin(t, c->quiet ? NULL : &c->writer, &o, columns);
}

const wc_person *cli_person_argument(const cli *c, int argc, char **argv, const char *command,
                                     int *status)
{
    if (argc < 1) {
        cli_error("'%s' needs a PERSON (try 'warrantcheck %s --help')", command, command);
        *status = EXIT_USAGE;
        return NULL;
    }
    char *name = cli_join_words(argc, argv);
    const wc_person *p = name ? cli_person(c, name) : NULL;
    free(name);
    *status = EXIT_INPUT;
    return p;
}

const char *cli_color_on(const cli *c, wc_verdict_kind kind)
{
    wcr_opts o = cli_render_opts(c);
    return wcr_color_on(&o, kind);
}

const char *cli_color_off(const cli *c)
{
    wcr_opts o = cli_render_opts(c);
    return wcr_color_off(&o);
}

bool cli_list_next(const char **at, const char **word, size_t *len)
{
    const char *s = *at;
    if (s == NULL)
        return false;
    size_t n = strcspn(s, ",");
    *at = s[n] == ',' ? s + n + 1 : NULL;
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *word = s;
    *len = n;
    return true;
}

bool cli_reader_gone(FILE *out)
{
    /* Linux and the BSDs report POLLERR (or POLLHUP) for the write end of
     * a pipe, or a socket, that no one reads any more. */
    struct pollfd p = {.fd = fileno(out), .events = POLLOUT};
    return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
}
