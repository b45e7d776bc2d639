/* A strict pass over JSON text before cJSON builds its tree. cJSON accepts
 * some text that RFC 8259 refuses (raw control characters in strings), and
 * it builds a node for every value before the schema can refuse a file, so
 * a large hostile file could take gigabytes. This pass reads the text once,
 * allocates nothing, and says whether the text is JSON, where it stops
 * being so, and how many values it holds. */
#ifndef WC_JSON_SCAN_H
#define WC_JSON_SCAN_H

#include <stddef.h>

typedef enum wc_json_fault {
    WC_JSON_OK,        /* exactly one JSON value, as RFC 8259 defines it */
    WC_JSON_SYNTAX,    /* not JSON at `at` (len: the text ends too early) */
    WC_JSON_CONTROL,   /* a raw U+0000-U+001F inside a string, at `at` */
    WC_JSON_TOO_DEEP,  /* the bracket at `at` nests deeper than allowed */
    WC_JSON_TOO_MANY   /* the value at `at` is one more than allowed */
} wc_json_fault;

typedef struct wc_json_scan {
    wc_json_fault fault;
    size_t at;     /* where the fault is; len when there is none */
    size_t values; /* objects, arrays and scalars seen before the fault */
} wc_json_scan;

/* Scans `len` bytes of `text`, stopping at the first fault. */
wc_json_scan wc_json_scan_text(const char *text, size_t len, size_t max_depth, size_t max_values);

#endif
