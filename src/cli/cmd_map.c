/* `map PERSON [--out FILE]`, and `where PERSON --format svg`: the SVG world
 * map of where PERSON can be arrested on the date, to stdout or, with
 * --out, to a file that is replaced whole or not at all. */
#include "cli.h"
#include "echo.h"
#include "svg_map.h"
#include "world_map.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Ends writing a stream: flush, check for errors, close. Returns 0 or the
 * errno of the first failure. */
static int close_stream(FILE *f)
{
    int err = 0;
    if (fflush(f) != 0 || ferror(f))
        err = errno != 0 ? errno : EIO;
    if (err == 0 && fsync(fileno(f)) != 0 && errno != EINVAL && errno != EROFS)
        err = errno;
    if (fclose(f) != 0 && err == 0)
        err = errno;
    return err;
}

/* Writes the map into a new temporary file next to `path` and renames it
 * over `path`, so a reader never sees half a map and a failure leaves the
 * old file as it was. Returns 0 or an errno; -1 if memory ran out. */
static int write_replacing(const char *path, const cli *c, const wc_person *p,
                           const world_map *map)
{
    size_t len = strlen(path);
    char *tmp = malloc(len + sizeof ".XXXXXX");
    if (tmp == NULL)
        return -1;
    memcpy(tmp, path, len);
    memcpy(tmp + len, ".XXXXXX", sizeof ".XXXXXX");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        return err;
    }
    /* mkstemp makes the file private; give it the mode of any new file. */
    mode_t mask = umask(0);
    umask(mask);
    int err = fchmod(fd, 0666 & ~mask) != 0 ? errno : 0;
    FILE *f = err == 0 ? fdopen(fd, "w") : NULL;
    if (f == NULL) {
        if (err == 0)
            err = errno;
        close(fd);
    } else {
        bool drawn = svg_map_write(f, c, p, map);
        err = close_stream(f);
        if (!drawn)
            err = -1;
    }
    if (err == 0 && rename(tmp, path) != 0)
        err = errno;
    if (err != 0)
        unlink(tmp);
    free(tmp);
    return err;
}

/* Writes the map to `path`: replacing it if it is a regular file or does
 * not exist, else (a device such as /dev/stdout, a pipe) writing into it
 * as it is. Returns 0, an errno, or -1 if memory ran out. */
static int write_to_path(const char *path, const cli *c, const wc_person *p,
                         const world_map *map)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return write_replacing(path, c, p, map);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return errno;
    bool drawn = svg_map_write(f, c, p, map);
    int err = close_stream(f);
    return drawn ? err : -1;
}

int cli_draw_map(cli *c, const wc_person *p)
{
    if (c->quiet && c->out_path == NULL)
        return EXIT_YES;
    world_map map;
    unsigned long bad_line;
    if (!world_map_parse(wc_builtin_map, wc_builtin_map_len, &map, &bad_line)) {
        if (bad_line == 0)
            cli_error("out of memory");
        else
            cli_error("world-110m.txt (built in):%lu: malformed map line", bad_line);
        return EXIT_DATASET;
    }
    int status = EXIT_YES;
    if (c->out_path != NULL) {
        int err = write_to_path(c->out_path, c, p, &map);
        if (err < 0) {
            cli_error("out of memory");
            status = EXIT_DATASET;
        } else if (err > 0) {
            char echo[CLI_ECHO_BUFSIZE];
            cli_error("cannot write '%s': %s", cli_echo(c->out_path, echo), strerror(err));
            status = EXIT_OUTPUT;
        }
    } else if (!svg_map_write(c->out, c, p, &map)) {
        cli_error("out of memory");
        status = EXIT_DATASET;
    }
    world_map_free(&map);
    return status;
}

int cmd_map(cli *c, int argc, char **argv)
{
    if (c->format != FORMAT_TEXT && c->format != FORMAT_SVG) {
        cli_error("'map' draws SVG only: leave out --format or give --format svg");
        return EXIT_USAGE;
    }
    int status;
    const wc_person *p = cli_person_argument(c, argc, argv, "map", &status);
    if (p == NULL)
        return status;
    return cli_draw_map(c, p);
}
