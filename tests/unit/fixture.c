#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fixture_text(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", WC_TEST_DATA_DIR, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    buf[size] = '\0';
    *len = (size_t)size;
    return buf;
}

wc_dataset *fixture_load(const char *name)
{
    size_t len;
    char *text = fixture_text(name, &len);
    wc_error err;
    wc_dataset *ds = wc_dataset_load(text, len, &err);
    free(text);
    if (ds == NULL)
        fail_msg("%s:%lu:%lu: %s", name, err.line, err.column, err.message);
    return ds;
}

wc_date D(const char *text)
{
    wc_date d;
    if (!wc_date_parse(text, strlen(text), &d))
        fail_msg("bad date in test: %s", text);
    return d;
}
