/* Which dataset is in use and what it is: its version, its as-of date,
 * the SHA-256 of its file and where it came from (issue 13). The choice
 * follows SPEC section 4: --data, WARRANTCHECK_DATA, the installed
 * dataset when newer than the built-in one, the built-in one. */
#ifndef WC_DATASET_ID_H
#define WC_DATASET_ID_H

#include <warrantcheck/warrantcheck.h>

#include <stdbool.h>
#include <stdio.h>

typedef enum data_origin {
    ORIGIN_BUILTIN,   /* compiled into the program */
    ORIGIN_INSTALLED, /* $XDG_DATA_HOME/warrantcheck/warrantcheck.json */
    ORIGIN_FILE       /* --data or WARRANTCHECK_DATA */
} data_origin;

/* A SHA-256 in lower-case hex, NUL-terminated. */
#define DATA_SHA256_HEX 65

typedef struct data_identity {
    data_origin origin;
    char *path; /* malloc'd; NULL for the built-in data */
    char sha256[DATA_SHA256_HEX]; /* "" unless asked for (data_load_in_use) */
} data_identity;

/* The dataset's dataset_version, or NULL if it has none. */
const char *data_version(const wc_dataset *ds);

/* Compares two datasets by as_of, then dataset_version (numerically, part
 * by part: 2026.10.2 < 2026.10.10). Negative, zero or positive. */
int data_compare(const wc_dataset *a, const wc_dataset *b);

/* Writes the SHA-256 of `len` bytes as hex into `hex`. libsodium is loaded
 * for it (sodium_lib.h); false, said, if it cannot be (exit status 4). */
bool data_sha256(const void *bytes, size_t len, char hex[DATA_SHA256_HEX]);

/* The path of the installed dataset, malloc'd (the caller frees it), or
 * NULL when neither XDG_DATA_HOME (absolute) nor HOME is set. */
char *data_installed_path(void);

/* Loads the dataset to use: `file` (from --data or WARRANTCHECK_DATA) if
 * not NULL, else the installed one when it is newer than the built-in
 * one, else the built-in one. Fills *id (its sha256 only for `hash`: a
 * file is then hashed, the built-in data's is known) and sets *owned to what the caller
 * frees with wc_dataset_free() (NULL for the built-in data); on failure
 * says why and returns NULL (exit status 4, or 6 when memory ran out). The
 * caller frees *id with data_identity_free(). */
const wc_dataset *data_load_in_use(const char *file, bool hash, data_identity *id,
                                   wc_dataset **owned);

/* Loads one data file and its SHA-256 (hex may be NULL). Says the fault
 * and returns NULL when it does not load. */
wc_dataset *data_load_file(const char *path, char hex[DATA_SHA256_HEX]);

void data_identity_free(data_identity *id);

/* "built in", "installed" or "file". */
const char *data_origin_word(data_origin origin);

/* Prints the two lines of --version. */
void data_print_version(FILE *out, const wc_dataset *ds, const data_identity *id);

#endif
