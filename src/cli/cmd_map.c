/* `map PERSON [--out FILE]`, and `where PERSON --format svg`: the SVG world
 * map of where PERSON can be arrested on the date, to stdout or, with
 * --out, to a file that is replaced whole or not at all. */
#include "cli.h"
#include "diag.h"
#include "echo.h"
#include "out_file.h"
#include "svg_map.h"
#include "world_map.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* What the map needs to be drawn into a file. */
typedef struct map_job {
    const cli *c;
    const wc_person *person;
    const wcr_world_map *map;
} map_job;

/* Draws the map into `f`. Returns false if memory ran out. */
static bool draw_map(FILE *f, const cli *c, const wc_person *p, const wcr_world_map *map)
{
    wcr_writer w = wcr_writer_file(f);
    return wcr_svg_map_write(&w, c->ds, c->date, p, map);
}

static bool write_map(FILE *f, void *context)
{
    const map_job *job = context;
    return draw_map(f, job->c, job->person, job->map);
}

int cli_draw_map(cli *c, const wc_person *p)
{
    if (c->quiet && c->out_path == NULL)
        return EXIT_YES;
    /* SVG is for files and programs: a terminal would show 78 KB of it. */
    if (c->out_path == NULL && isatty(fileno(c->out))) {
        cli_error("will not write SVG to a terminal: use --out FILE or redirect "
                  "(warrantcheck map %s > map.svg)",
                  p->id);
        return EXIT_USAGE;
    }
    wcr_world_map map;
    unsigned long bad_line;
    if (!wcr_world_map_parse(wcr_builtin_map, wcr_builtin_map_len, &map, &bad_line)) {
        if (bad_line == 0)
            return diag_out_of_memory();
        cli_error("world-110m.txt (built in):%lu: malformed map line", bad_line);
        return EXIT_DATASET;
    }
    int status = EXIT_YES;
    if (c->out_path != NULL) {
        map_job job = {.c = c, .person = p, .map = &map};
        int err = out_file_write(c->out_path, write_map, &job);
        if (err < 0) {
            status = diag_out_of_memory();
        } else if (err == EPIPE) {
            /* --out /dev/stdout or a FIFO whose reader quit early, as
             * `| head` may: no error, as for standard output. */
        } else if (err > 0) {
            char echo[CLI_ECHO_BUFSIZE];
            cli_error("cannot write '%s': %s", cli_echo(c->out_path, echo), strerror(err));
            status = EXIT_OUTPUT;
        }
    } else if (!draw_map(c->out, c, p, &map)) {
        status = diag_out_of_memory();
    }
    wcr_world_map_free(&map);
    return status;
}

int cmd_map(cli *c, int argc, char **argv)
{
    int status;
    const wc_person *p = cli_person_argument(c, argc, argv, "map", &status);
    if (p == NULL)
        return status;
    return cli_draw_map(c, p);
}
