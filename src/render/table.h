/* Row output in every machine format: a caller builds one JSON object a
 * row (fields.h), and the table writes it as part of a JSON array, as a
 * JSON line, or flattened into the CSV/TSV columns of SPEC section 5. The
 * table itself (wcr_table_begin, wcr_table_end) is in <warrantcheck/render.h>. */
#ifndef WCR_TABLE_H
#define WCR_TABLE_H

#include <cjson/cJSON.h>
#include <warrantcheck/render.h>

/* Writes one row and takes ownership of `row` (NULL: memory ran out). */
void wcr_table_row(wcr_table *t, cJSON *row);

/* Appends to `out` the CSV/TSV cells of `row` for `columns`, and the line
 * end. Returns false if memory ran out. */
bool wcr_table_cells(wcr_buffer *out, wcr_format format, const char *const *columns,
                     const cJSON *row);

/* Appends one CSV/TSV cell of `len` bytes (no NUL among them) to `line`.
 * CSV quotes a cell only when it must (a `,`, `"`, CR or LF, or a blank
 * at either end; libcsv's csv_write does the quoting); TSV has no quoting,
 * so tabs and line breaks in a cell become spaces. Returns false if memory
 * ran out. */
bool wcr_table_put_cell(wcr_buffer *line, wcr_format format, const char *s, size_t len);

#endif
