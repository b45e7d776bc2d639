/* cJSON keeps no positions, so a fault found while validating the parsed
 * tree is traced back to the text here: from a JSON path to a line and
 * column. */
#ifndef WC_JSON_LOCATE_H
#define WC_JSON_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

/* Returns the byte offset in `text` of the value at `path` (segments like
 * `rome_statute[12].in_force`), or of the deepest part of the path that
 * exists. The text must be JSON that cJSON accepted; the first of two
 * duplicate keys is the one found, as in cJSON. */
size_t wc_json_locate(const char *text, size_t len, const char *path);

/* Returns true if the text ends inside a string, object or array: a
 * truncated document, which deserves a plainer message than "invalid". */
bool wc_json_truncated(const char *text, size_t len);

/* Returns how many objects and arrays are open at byte `offset` of the
 * text: to tell a parse that failed on cJSON's nesting limit from one that
 * failed on bad syntax. */
size_t wc_json_depth_at(const char *text, size_t len, size_t offset);

/* Converts a byte offset to a 1-based line and column; the column counts
 * characters, not bytes. */
void wc_offset_to_line_column(const char *text, size_t len, size_t offset,
                              unsigned long *line, unsigned long *column);

#endif
