/* The world map that `warrantcheck map` draws on: Natural Earth's country
 * shapes, already projected (Equal Earth) into integer SVG units by
 * data/map/convert.mjs and compiled into the program (docs/map.md). It is
 * presentation, so it lives in the render layer, not in the core. */
#ifndef WCR_WORLD_MAP_H
#define WCR_WORLD_MAP_H

#include <stdbool.h>
#include <stddef.h>

/* One country of the map. Its strings point into the map's text. */
typedef struct wcr_map_country {
    char iso2[3];
    const char *name; /* not NUL-terminated: name_len bytes */
    size_t name_len;
    bool has_marker; /* a small state: a circle is drawn at marker_x, marker_y */
    long marker_x;
    long marker_y;
    const char *path; /* SVG path data, path_len bytes; NULL if it has no shape */
    size_t path_len;
} wcr_map_country;

typedef struct wcr_world_map {
    long width;
    long height;
    const char *outline; /* the globe's edge, as SVG path data */
    size_t outline_len;
    wcr_map_country *countries;
    size_t n_countries;
} wcr_world_map;

/* The map text compiled into the program (data/map/world-110m.txt). */
extern const char *const wcr_builtin_map;
extern const size_t wcr_builtin_map_len;

/* Parses `len` bytes of map text into *map, which points into `text` and
 * must not outlive it. Path data is checked to hold only path characters, so
 * it can be copied into XML as it is. Returns true on success; false with
 * *bad_line set to the faulty line (0 if memory ran out). The caller frees
 * with wcr_world_map_free(). */
bool wcr_world_map_parse(const char *text, size_t len, wcr_world_map *map, unsigned long *bad_line);

/* Frees what wcr_world_map_parse() allocated. Accepts a zeroed map. */
void wcr_world_map_free(wcr_world_map *map);

#endif
