/* Reading the map text of data/map/world-110m.txt (see world_map.h and
 * docs/map.md for its format). A hand-written reader: the format is lines
 * of tab-separated fields, and a general parser would buy nothing. */
#include "world_map.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 4

/* A line's tab-separated fields, pointing into the text. */
typedef struct fields {
    const char *start[MAX_FIELDS];
    size_t len[MAX_FIELDS];
    size_t count;
} fields;

/* Splits [line, line + len) at tabs. Returns false if it has more than
 * MAX_FIELDS fields. */
static bool split_fields(const char *line, size_t len, fields *f)
{
    f->count = 0;
    size_t from = 0;
    for (size_t i = 0; i <= len; i++)
        if (i == len || line[i] == '\t') {
            if (f->count == MAX_FIELDS)
                return false;
            f->start[f->count] = line + from;
            f->len[f->count] = i - from;
            f->count++;
            from = i + 1;
        }
    return true;
}

static bool field_is(const fields *f, size_t i, const char *word)
{
    return f->len[i] == strlen(word) && memcmp(f->start[i], word, f->len[i]) == 0;
}

/* Parses a whole field of 1 to 6 digits: the map's coordinates are small
 * and never negative. */
static bool parse_number(const char *s, size_t len, long *out)
{
    if (len == 0 || len > 6)
        return false;
    long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* True for non-empty path data made only of the commands the converter
 * writes, digits, minus signs and spaces: safe to copy into an attribute. */
static bool valid_path(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (strchr("MmLlHhVvZz0123456789- ", s[i]) == NULL || s[i] == '\0')
            return false;
    return true;
}

/* Names are copied into XML (escaped there), so only control characters
 * are refused. */
static bool valid_name(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return false;
    return true;
}

/* Reads a country line: ISO2, name, marker "X,Y" or "-", path or "-". */
static bool parse_country(const fields *f, wcr_map_country *out)
{
    if (f->count != 4 || f->len[0] != 2 || f->start[0][0] < 'A' || f->start[0][0] > 'Z' ||
        f->start[0][1] < 'A' || f->start[0][1] > 'Z' || !valid_name(f->start[1], f->len[1]))
        return false;
    memcpy(out->iso2, f->start[0], 2);
    out->iso2[2] = '\0';
    out->name = f->start[1];
    out->name_len = f->len[1];
    out->has_marker = !field_is(f, 2, "-");
    if (out->has_marker) {
        const char *comma = memchr(f->start[2], ',', f->len[2]);
        if (comma == NULL ||
            !parse_number(f->start[2], (size_t)(comma - f->start[2]), &out->marker_x) ||
            !parse_number(comma + 1, f->len[2] - (size_t)(comma - f->start[2]) - 1,
                          &out->marker_y))
            return false;
    }
    out->path = NULL;
    out->path_len = 0;
    if (!field_is(f, 3, "-")) {
        if (!valid_path(f->start[3], f->len[3]))
            return false;
        out->path = f->start[3];
        out->path_len = f->len[3];
    }
    /* A country must be drawn somehow. */
    return out->has_marker || out->path != NULL;
}

/* Appends a country to the map's array, growing it by doubling. */
static bool push_country(wcr_world_map *map, size_t *capacity, const wcr_map_country *c)
{
    if (map->n_countries == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 256;
        wcr_map_country *more = realloc(map->countries, grown * sizeof *more);
        if (more == NULL)
            return false;
        map->countries = more;
        *capacity = grown;
    }
    map->countries[map->n_countries++] = *c;
    return true;
}

bool wcr_world_map_parse(const char *text, size_t len, wcr_world_map *map, unsigned long *bad_line)
{
    memset(map, 0, sizeof *map);
    size_t capacity = 0;
    unsigned long line_no = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t line_len = nl ? (size_t)(nl - line) : len - pos;
        pos += line_len + (nl ? 1 : 0);
        line_no++;
        if (line_len == 0 || line[0] == '#')
            continue;
        fields f;
        bool ok = split_fields(line, line_len, &f);
        if (ok && field_is(&f, 0, "size"))
            ok = f.count == 3 && parse_number(f.start[1], f.len[1], &map->width) &&
                 parse_number(f.start[2], f.len[2], &map->height) && map->width > 0 &&
                 map->height > 0;
        else if (ok && field_is(&f, 0, "outline")) {
            ok = f.count == 2 && valid_path(f.start[1], f.len[1]);
            map->outline = f.start[1];
            map->outline_len = f.len[1];
        } else if (ok) {
            wcr_map_country c;
            ok = parse_country(&f, &c);
            if (ok && !push_country(map, &capacity, &c)) {
                wcr_world_map_free(map);
                *bad_line = 0;
                return false;
            }
        }
        if (!ok) {
            wcr_world_map_free(map);
            *bad_line = line_no;
            return false;
        }
    }
    if (map->width == 0 || map->outline == NULL || map->n_countries == 0) {
        wcr_world_map_free(map);
        *bad_line = line_no > 0 ? line_no : 1; /* a part is missing */
        return false;
    }
    return true;
}

void wcr_world_map_free(wcr_world_map *map)
{
    free(map->countries);
    memset(map, 0, sizeof *map);
}
