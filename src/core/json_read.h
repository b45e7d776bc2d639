/* Typed, path-tracking reads from a cJSON tree. Each getter either returns
 * a checked value or records the first fault as "PATH: message" with the
 * line and column of the offending value, and every later call is a no-op
 * returning false, so a loader can read a whole record and check once. */
#ifndef WC_JSON_READ_H
#define WC_JSON_READ_H

#include <cjson/cJSON.h>
#include <warrantcheck/warrantcheck.h>

#include <stdbool.h>
#include <stddef.h>

/* The current JSON path is a stack of steps, a key or an index, written
 * out as text only when a fault names it: a whole load passes through some
 * 100,000 of them and fails at most once. */
#define WC_PATH_DEPTH 32

typedef struct wc_path_step {
    const char *key; /* NULL for an index */
    size_t index;
} wc_path_step;

typedef struct wc_reader {
    const char *text;
    size_t len;
    wc_error *err;
    bool failed;
    wc_path_step steps[WC_PATH_DEPTH];
    size_t depth; /* may pass WC_PATH_DEPTH; the deeper steps are not kept */
} wc_reader;

/* Appends ".key" or "[i]" to the current path; returns the mark that
 * wc_path_restore() goes back to. `key` must live until then. */
size_t wc_path_key(wc_reader *r, const char *key);
size_t wc_path_index(wc_reader *r, size_t i);
void wc_path_restore(wc_reader *r, size_t mark);

/* Records a fault at the current path (printf-style message). Returns
 * false, for `return wc_fail(...)`. */
bool wc_fail(wc_reader *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Records that memory ran out: "out of memory", no place, kind
 * WC_ERROR_MEMORY. Returns false. */
bool wc_fail_memory(wc_reader *r);

/* Records a fault at a byte offset, with no path (for parse errors). */
bool wc_fail_at(wc_reader *r, size_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Refuses keys not among the `n` keys of `allowed` (where NULL entries are
 * skipped) and keys given twice. `obj` must be the object at the current
 * path. */
bool wc_check_keys(wc_reader *r, const cJSON *obj, const char *const *allowed, size_t n);

/* Requires the value at the current path to be an object / array. */
bool wc_expect_object(wc_reader *r, const cJSON *v);
bool wc_expect_array(wc_reader *r, const cJSON *v);

/* Reads member `key` of `obj`. A missing key or JSON null gives NULL (or
 * WC_DATE_UNKNOWN) when !required, and a fault when required. Strings must
 * be non-empty. */
/* Refuses, at the current path, a string that could mislead on a terminal
 * or pass for another: a C0 or C1 control character, a bidirectional
 * formatting character (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
 * U+061C), or nothing but spaces. */
bool wc_check_text(wc_reader *r, const char *s);

bool wc_read_string(wc_reader *r, const cJSON *obj, const char *key, bool required,
                    const char **out);
bool wc_read_date(wc_reader *r, const cJSON *obj, const char *key, bool required,
                  wc_date *out);
/* Reads a required array (possibly empty). */
bool wc_read_array(wc_reader *r, const cJSON *obj, const char *key, const cJSON **out);
/* Reads member `key`: an object, or NULL for a missing key or JSON null. */
bool wc_read_optional_object(wc_reader *r, const cJSON *obj, const char *key,
                             const cJSON **out);

/* Checks that `s` is made only of characters in `allowed` and is 1 to
 * `max_len` long; `what` names the expected form in the fault. */
bool wc_check_charset(wc_reader *r, const char *s, const char *allowed, size_t max_len,
                      const char *what);

#endif
