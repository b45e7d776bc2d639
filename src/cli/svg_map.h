/* The picture of `warrantcheck map`: an SVG world map of where a person can
 * be arrested on a date, each country filled by its verdict. */
#ifndef WC_SVG_MAP_H
#define WC_SVG_MAP_H

#include "cli.h"
#include "world_map.h"

#include <stdbool.h>
#include <stdio.h>

/* Writes to `out` the SVG map of where `person` can be arrested on c->date,
 * with a title, a legend that counts each verdict, the dataset's as-of
 * date and the sources. Every verdict is computed before the first byte is
 * written, so a failure leaves `out` untouched. Returns false only if
 * memory ran out; write errors are left for the caller to find with
 * ferror(). */
bool svg_map_write(FILE *out, const cli *c, const wc_person *person, const world_map *map);

#endif
