/* `data status` and `data install` (issue 13): how old the data in use is,
 * and installing a newer dataset for this user, atomically. */
#include "data_ops.h"

#include "dataset_id.h"
#include "diag.h"
#include "echo.h"
#include "fields.h"
#include "options.h"
#include "table.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A line for people about what was done, on a terminal wrapped to its
 * width (its further lines indented by 4); through a pipe one line. */
static void say(const cli *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void say(const cli *c, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (text != NULL) {
        vsnprintf(text, (size_t)n + 1, fmt, again);
        wcr_opts o = cli_render_opts(c);
        wcr_wrap_text(&c->writer, &o, "", 4, text, NULL);
    } else {
        diag_out_of_memory();
    }
    va_end(again);
    free(text);
}

/* `data status` without --max-age: about six months. */
#define DEFAULT_MAX_AGE_DAYS 180L
#define MAX_MAX_AGE_DAYS 100000L

/* Which of the options were given, from their values (the option table
 * binds them directly). */
static unsigned ops_given(const cli *c)
{
    return (c->since_text ? OPS_SINCE : 0u) | (c->until_text ? OPS_UNTIL : 0u) |
           (c->country_text ? OPS_COUNTRY : 0u) | (c->max_age_text ? OPS_MAX_AGE : 0u) |
           (c->force ? OPS_FORCE : 0u) | (c->remove ? OPS_REMOVE : 0u) |
           (c->from_url ? OPS_FROM : 0u) | (c->key_path ? OPS_KEY : 0u);
}

bool ops_only(const cli *c, unsigned allowed, const char *what)
{
    static const char *const names[] = {"since", "until", "country", "max-age",
                                        "force", "remove", "from",    "key"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        if ((ops_given(c) & (1u << i)) && !(allowed & (1u << i))) {
            cli_error("option '--%s' does not apply to '%s'", names[i], what);
            return false;
        }
    return true;
}

/* ----------------------------------------------------------- data status */

static const char *const STATUS_COLUMNS[] = {"version", "as_of",  "date",   "age_days",
                                             "max_age_days", "current", "sha256", "origin",
                                             "path",    NULL};

/* `data status [--max-age DAYS]`, before the data. */
static int check_status(cli *c, int argc)
{
    if (argc > 1) {
        cli_error("'data status' takes no arguments");
        return CHECK_FAILED;
    }
    c->max_age = DEFAULT_MAX_AGE_DAYS;
    if (c->max_age_text != NULL) {
        const char *t = c->max_age_text;
        char *end;
        errno = 0;
        long v = strtol(t, &end, 10);
        char echo[CLI_ECHO_BUFSIZE];
        if (errno != 0 || end == t || *end != '\0' || v < 0 || v > MAX_MAX_AGE_DAYS ||
            t[0] < '0' || t[0] > '9') {
            cli_error("--max-age: not a number of days from 0 to %ld: '%s'", MAX_MAX_AGE_DAYS,
                      cli_echo(t, echo));
            return CHECK_FAILED;
        }
        c->max_age = v;
    }
    return CHECK_DATA;
}

static int data_status(const cli *c)
{
    long max_age = c->max_age;
    const wc_dataset *ds = c->ds;
    const data_identity *id = c->identity;
    long age = (long)c->date - (long)ds->as_of;
    bool current = age <= max_age;
    int status = current ? EXIT_YES : EXIT_NO;
    if (c->quiet)
        return status;
    const char *version = data_version(ds);
    char asof[WC_DATE_BUFSIZE], d[WC_DATE_BUFSIZE];
    if (c->format == FORMAT_TEXT) {
        fprintf(c->out,
                "dataset   %s\n"
                "as of     %s\n"
                "age       %ld day%s on %s (%s: at most %ld)\n"
                "sha256    %s\n"
                "origin    %s%s%s\n",
                version ? version : "unversioned", wc_date_format(ds->as_of, asof), age,
                age == 1 || age == -1 ? "" : "s",
                wc_date_format(c->date, d), current ? "current" : "too old", max_age,
                id->sha256, data_origin_word(id->origin), id->path ? " " : "",
                id->path ? id->path : "");
        return status;
    }
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL && wcr_json_add_string(o, "version", version) &&
              wcr_json_add_date(o, "as_of", ds->as_of) && wcr_json_add_date(o, "date", c->date) &&
              cJSON_AddNumberToObject(o, "age_days", (double)age) &&
              cJSON_AddNumberToObject(o, "max_age_days", (double)max_age) &&
              cJSON_AddBoolToObject(o, "current", current) &&
              wcr_json_add_string(o, "sha256", id->sha256) &&
              wcr_json_add_string(o, "origin", data_origin_word(id->origin)) &&
              wcr_json_add_string(o, "path", id->path);
    if (ok && (c->format == FORMAT_JSON || c->format == FORMAT_JSONL)) {
        ok = cli_json_document(c, o);
        cJSON_Delete(o);
    } else if (ok) {
        wcr_table t;
        cli_table_begin(&t, c, STATUS_COLUMNS);
        wcr_table_row(&t, o);
        ok = wcr_table_end(&t);
    } else {
        cJSON_Delete(o);
    }
    return ok ? status : diag_out_of_memory();
}

/* ---------------------------------------------------------- data install */

/* Makes `dir` and its parents (0700, as XDG asks of the directories it
 * creates); an existing one is fine. */
static bool make_dirs(char *dir)
{
    for (char *p = dir + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        bool ok = mkdir(dir, 0700) == 0 || errno == EEXIST;
        *p = saved;
        if (!ok)
            return false;
        if (saved == '\0')
            return true;
    }
}

/* Refuses a path that exists but is not a regular file: a symlink or a
 * device is never replaced. */
static bool replaceable(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT;
    return S_ISREG(st.st_mode);
}

static bool write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        text += n;
        len -= (size_t)n;
    }
    return true;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* The paths of an installation: the file, its .prev and its directory. */
typedef struct install_paths {
    char *file, *prev, *dir;
} install_paths;

static bool install_paths_make(install_paths *p)
{
    *p = (install_paths){data_installed_path(), NULL, NULL};
    if (p->file == NULL) {
        cli_error("cannot tell where to install: neither XDG_DATA_HOME nor HOME is set");
        return false;
    }
    size_t n = strlen(p->file) + 6;
    p->prev = malloc(n);
    p->dir = strdup(p->file);
    if (p->prev == NULL || p->dir == NULL) {
        diag_out_of_memory();
        return false;
    }
    snprintf(p->prev, n, "%s.prev", p->file);
    *strrchr(p->dir, '/') = '\0';
    return true;
}

static void install_paths_free(install_paths *p)
{
    free(p->file);
    free(p->prev);
    free(p->dir);
}

/* Keeps the installed file as .prev: a hard link under a temporary name,
 * renamed over .prev, so that the installed file itself never goes
 * missing. */
static bool keep_previous(const install_paths *p)
{
    struct stat st;
    if (lstat(p->file, &st) != 0)
        return errno == ENOENT;
    size_t n = strlen(p->prev) + 8;
    char *tmp = malloc(n);
    if (tmp == NULL)
        return false;
    snprintf(tmp, n, "%s.XXXXXX", p->prev);
    int fd = mkstemp(tmp);
    bool ok = fd >= 0;
    if (ok) {
        close(fd);
        ok = unlink(tmp) == 0 && link(p->file, tmp) == 0;
        ok = ok && rename(tmp, p->prev) == 0;
        if (!ok)
            unlink(tmp);
    }
    free(tmp);
    return ok;
}

int data_install_text(const cli *c, const char *origin, const char *text, size_t len,
                      const wc_dataset *ds, const char *sha256)
{
    char echo[CLI_ECHO_BUFSIZE], asof[WC_DATE_BUFSIZE], inuse[WC_DATE_BUFSIZE];
    if (!c->force && data_compare(ds, c->ds) < 0) {
        const char *v = data_version(ds), *u = data_version(c->ds);
        cli_error("%s (dataset %s, as of %s) is older than the data in use (dataset %s, as of "
                  "%s); --force installs it anyway",
                  cli_echo(origin, echo), v ? v : "unversioned", wc_date_format(ds->as_of, asof),
                  u ? u : "unversioned", wc_date_format(c->ds->as_of, inuse));
        return EXIT_DATASET;
    }
    install_paths p;
    int status = EXIT_DATASET;
    if (!install_paths_make(&p))
        goto done;
    if (!replaceable(p.file) || !replaceable(p.prev)) {
        cli_error("%s or its .prev is not a regular file (a link or a device?); not replaced",
                  cli_echo(p.file, echo));
        goto done;
    }
    if (!make_dirs(p.dir)) {
        cli_error("cannot make the directory %s: %s", cli_echo(p.dir, echo), strerror(errno));
        goto done;
    }
    size_t n = strlen(p.file) + 8;
    char *tmp = malloc(n);
    if (tmp == NULL) {
        status = diag_out_of_memory();
        goto done;
    }
    snprintf(tmp, n, "%s.XXXXXX", p.file);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        cli_error("cannot write in %s: %s", cli_echo(p.dir, echo), strerror(errno));
        free(tmp);
        goto done;
    }
    bool ok = write_all(fd, text, len) && fchmod(fd, 0644) == 0 && fsync(fd) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (!ok) {
        cli_error("cannot write %s: %s", cli_echo(tmp, echo), strerror(saved));
    } else if (!keep_previous(&p)) {
        cli_error("cannot keep the previous dataset as %s: %s", cli_echo(p.prev, echo),
                  strerror(errno));
        ok = false;
    } else if (rename(tmp, p.file) != 0) {
        cli_error("cannot install %s: %s", cli_echo(p.file, echo), strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(tmp);
    free(tmp);
    if (!ok)
        goto done;
    sync_dir(p.dir);
    status = EXIT_YES;
    const char *v = data_version(ds);
    if (!c->quiet)
        say(c, "installed dataset %s (as of %s, sha256 %s) as %s", v ? v : "unversioned",
            wc_date_format(ds->as_of, asof), sha256, p.file);
    if (!c->quiet && data_compare(ds, wc_dataset_builtin()) <= 0)
        cli_warning("it is not newer than the built-in dataset, which stays in use");
done:
    install_paths_free(&p);
    return status;
}

static int data_remove(const cli *c)
{
    install_paths p;
    int status = EXIT_DATASET;
    char echo[CLI_ECHO_BUFSIZE];
    if (!install_paths_make(&p))
        goto done;
    struct stat st;
    if (lstat(p.file, &st) != 0 && errno == ENOENT) {
        if (!c->quiet)
            fprintf(c->out, "no dataset is installed; the built-in one is in use\n");
        status = EXIT_YES;
        goto done;
    }
    if (!replaceable(p.file) || !replaceable(p.prev)) {
        cli_error("%s or its .prev is not a regular file (a link or a device?); not removed",
                  cli_echo(p.file, echo));
        goto done;
    }
    /* Kept as .prev, like a replaced one. */
    if (rename(p.file, p.prev) != 0) {
        cli_error("cannot remove %s: %s", cli_echo(p.file, echo), strerror(errno));
        goto done;
    }
    sync_dir(p.dir);
    if (!c->quiet)
        say(c, "removed %s (kept as %s); the built-in dataset is in use", p.file, p.prev);
    status = EXIT_YES;
done:
    install_paths_free(&p);
    return status;
}

static int data_install(const cli *c, char **argv)
{
    if (c->remove)
        return data_remove(c);
    size_t len;
    char *text = cli_read_data_file(argv[1], &len);
    if (text == NULL)
        return EXIT_DATASET;
    wc_dataset *ds = cli_load_data_text(argv[1], text, len);
    int status = EXIT_DATASET;
    if (ds != NULL) {
        char hex[DATA_SHA256_HEX];
        if (data_sha256(text, len, hex))
            status = data_install_text(c, argv[1], text, len, ds, hex);
    }
    wc_dataset_free(ds);
    free(text);
    return status;
}

int data_ops_check(cli *c, int argc, char **argv, bool *handled)
{
    const char *sub = argv[0];
    *handled = true;
    /* These answer about the data itself, not for a date: the as-of
     * warning would only repeat what `data status` says. */
    c->undated = true;
    if (strcmp(sub, "status") == 0) {
        c->want_sha256 = true; /* the one answer that names the hash of the data in use */
        return ops_only(c, OPS_MAX_AGE, "data status") ? check_status(c, argc) : CHECK_FAILED;
    }
    if (strcmp(sub, "install") == 0) {
        if (!ops_only(c, OPS_FORCE | OPS_REMOVE, "data install"))
            return CHECK_FAILED;
        if (c->remove) {
            if (argc > 1 || c->force) {
                cli_error("'data install --remove' takes no FILE and no --force");
                return CHECK_FAILED;
            }
            /* Going back to the built-in data needs none in use: a broken
             * installed file must not stand in its way. */
            return CHECK_NO_DATA;
        }
        if (argc != 2) {
            cli_error(argc < 2 ? "'data install' needs one FILE (try 'warrantcheck data --help')"
                               : "'data install' takes one FILE");
            return CHECK_FAILED;
        }
        return CHECK_DATA;
    }
    if (strcmp(sub, "update") == 0) {
        if (!ops_only(c, OPS_FROM | OPS_KEY | OPS_FORCE, "data update"))
            return CHECK_FAILED;
        if (argc > 1) {
            cli_error("'data update' takes no arguments (the address is --from URL)");
            return CHECK_FAILED;
        }
        return CHECK_DATA;
    }
    if (strcmp(sub, "diff") == 0) {
        if (!ops_only(c, 0, "data diff"))
            return CHECK_FAILED;
        if (argc < 2 || argc > 3) {
            cli_error("'data diff' needs OLD and at most one NEW (try 'warrantcheck data --help')");
            return CHECK_FAILED;
        }
        /* OLD against NEW reads the two files alone. */
        return argc == 3 ? CHECK_NO_DATA : CHECK_DATA;
    }
    c->undated = false;
    *handled = false;
    if (strcmp(sub, "info") == 0 || strcmp(sub, "validate") == 0)
        return ops_only(c, 0, strcmp(sub, "info") == 0 ? "data info" : "data validate")
                   ? CHECK_DATA
                   : CHECK_FAILED;
    return CHECK_DATA;
}

bool data_ops_run(cli *c, int argc, char **argv, int *status)
{
    const char *sub = argv[0];
    if (strcmp(sub, "status") == 0)
        *status = data_status(c);
    else if (strcmp(sub, "install") == 0)
        *status = data_install(c, argv);
    else if (strcmp(sub, "update") == 0)
        *status = data_update(c, argc, argv);
    else if (strcmp(sub, "diff") == 0)
        *status = data_diff(c, argc, argv);
    else
        return false;
    return true;
}
