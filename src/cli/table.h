/* Row output in every machine format: a command builds one JSON object a
 * row, and the table prints it as part of a JSON array, as a JSON line, or
 * flattened into the CSV/TSV columns of SPEC section 5. */
#ifndef WC_TABLE_H
#define WC_TABLE_H

#include "cli.h"

#include <cjson/cJSON.h>

typedef struct table {
    const cli *c;
    const char *const *columns; /* NULL-terminated, for CSV and TSV */
    cJSON *array;               /* FORMAT_JSON collects rows here */
    size_t rows;
    bool failed;
} table;

/* Starts a table; prints the header row for CSV/TSV unless --no-header. */
void table_begin(table *t, const cli *c, const char *const *columns);

/* Prints one row and takes ownership of `row`. */
void table_row(table *t, cJSON *row);

/* Ends the table (prints the JSON array). Returns false if memory ran out. */
bool table_end(table *t);

#endif
