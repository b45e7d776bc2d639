/* The picture of `warrantcheck map`: an SVG world map of where a person can
 * be arrested on a date, each country filled by its verdict. */
#ifndef WCR_SVG_MAP_H
#define WCR_SVG_MAP_H

#include "world_map.h"

#include <warrantcheck/render.h>

#include <stdbool.h>

/* Writes the SVG map of where `person` can be arrested on `date`, with a
 * title, a legend that counts each verdict, the dataset's as-of date and
 * the sources. Every verdict is computed before the first byte is written,
 * so a failure to compute them leaves the writer untouched. Returns false
 * if memory ran out, before or while writing; write errors of a FILE stay
 * for ferror(). */
bool wcr_svg_map_write(const wcr_writer *w, const wc_dataset *ds, wc_date date,
                       const wc_person *person, const wcr_world_map *map);

#endif
