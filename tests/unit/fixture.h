/* Loading test datasets from tests/data. */
#ifndef WC_TEST_FIXTURE_H
#define WC_TEST_FIXTURE_H

#include <warrantcheck/warrantcheck.h>

/* Reads tests/data/NAME into a malloc'd, NUL-terminated buffer; aborts the
 * test run if it cannot. */
char *fixture_text(const char *name, size_t *len);

/* Loads tests/data/NAME; fails the test if it does not load. */
wc_dataset *fixture_load(const char *name);

/* Returns the date for "YYYY-MM-DD", failing the test on a bad string. */
wc_date D(const char *text);

#endif
