/* The schema table (src/core/schema.def) against what it describes: every
 * key and every word is in docs/data-format.md, in its record's section,
 * and the fields cover their C structs with no member left out. */
#include "fixture.h"
#include "schema.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_doc(void)
{
    FILE *f = fopen(WC_TEST_DOCS_DIR "/data-format.md", "rb");
    if (f == NULL)
        fail_msg("cannot open docs/data-format.md");
    static char buf[1 << 17];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    assert_true(n > 0 && n < sizeof buf - 1);
    buf[n] = '\0';
    return buf;
}

/* The section of the document that starts with a line beginning with
 * `heading`, up to the next heading, as a new string. */
static char *section(const char *doc, const char *heading)
{
    size_t hlen = strlen(heading);
    for (const char *line = doc; *line != '\0';) {
        const char *next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        if (strncmp(line, heading, hlen) == 0) {
            const char *end = next;
            while (*end != '\0' && *end != '#') {
                const char *nl = strchr(end, '\n');
                end = nl ? nl + 1 : end + strlen(end);
            }
            char *s = malloc((size_t)(end - line) + 1);
            assert_non_null(s);
            memcpy(s, line, (size_t)(end - line));
            s[end - line] = '\0';
            return s;
        }
        line = next;
    }
    fail_msg("docs/data-format.md has no section '%s'", heading);
    return NULL;
}

/* As `key`, or as "key" in a sketch of an object. */
static bool quoted_in(const char *text, const char *word)
{
    char q[128], j[128];
    snprintf(q, sizeof q, "`%s`", word);
    snprintf(j, sizeof j, "\"%s\":", word);
    return strstr(text, q) != NULL || strstr(text, j) != NULL;
}

static void every_key_is_documented(void **state)
{
    (void)state;
    const char *doc = read_doc();
    size_t keys = 0;
    for (size_t r = 0; r < wc_n_records; r++) {
        const wc_record *rec = wc_records[r];
        char *text = section(doc, rec->heading);
        for (size_t i = 0; i < rec->n_fields; i++) {
            const char *key = rec->fields[i].key;
            if (key != NULL && !quoted_in(text, key))
                fail_msg("docs/data-format.md, section '%s': no `%s` (%s.%s)", rec->heading, key,
                         rec->name, key);
            keys += key != NULL;
        }
        free(text);
    }
    assert_true(keys > 60);
}

static void every_word_is_documented(void **state)
{
    (void)state;
    const char *doc = read_doc();
    for (size_t r = 0; r < wc_n_records; r++) {
        const wc_record *rec = wc_records[r];
        for (size_t i = 0; i < rec->n_fields; i++) {
            const wc_vocab *v = rec->fields[i].vocab;
            for (int k = 0; v != NULL && k < v->count; k++)
                if (v->word(k) != NULL && !quoted_in(doc, v->word(k)))
                    fail_msg("docs/data-format.md: no `%s` (a %s)", v->word(k), v->name);
        }
    }
}

/* The bytes of a member of this kind (for a list: its pointer). */
static size_t member_size(const wc_field *f)
{
    switch (f->kind) {
    case WC_K_VERSION:
        return sizeof(int);
    case WC_K_DATE:
        return sizeof(wc_date);
    case WC_K_PRESENT:
        return sizeof(bool);
    case WC_K_ENUM:
        return sizeof(wc_confirmation);
    case WC_K_STRINGS:
        return sizeof(wc_string_list);
    case WC_K_SOURCES:
        return sizeof(wc_source_list);
    case WC_K_OBJECT:
        return f->sub->size;
    case WC_K_TERRITORIES:
        return 0;
    default:
        return sizeof(void *);
    }
}

/* A member the schema left out would leave bytes of its struct that no
 * field covers, beyond the padding before an aligned member. */
static void fields_cover_their_structs(void **state)
{
    (void)state;
    for (size_t r = 0; r < wc_n_records; r++) {
        const wc_record *rec = wc_records[r];
        unsigned char covered[512] = {0};
        assert_true(rec->size <= sizeof covered);
        for (size_t i = 0; i < rec->n_fields; i++) {
            const wc_field *f = &rec->fields[i];
            memset(covered + f->offset, 1, member_size(f));
            if (f->kind == WC_K_LIST || f->kind == WC_K_COUNTRIES)
                memset(covered + f->count_offset, 1, sizeof(size_t));
        }
        if (rec == &wc_record_dataset)
            memset(covered + offsetof(wc_dataset, internal), 1, sizeof(void *));
        /* Padding is less than 8 bytes, and 4 or more only before a member
         * aligned on 8 (or at the end). */
        for (size_t b = 0; b < rec->size; b++) {
            size_t e = b;
            while (e < rec->size && !covered[e])
                e++;
            size_t gap = e - b;
            if (gap >= 8 || (gap >= 4 && e % 8 != 0 && e != rec->size))
                fail_msg("%s: bytes %zu to %zu are in no field of the schema", rec->ctype, b,
                         e - 1);
            b = e;
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_key_is_documented),
        cmocka_unit_test(every_word_is_documented),
        cmocka_unit_test(fields_cover_their_structs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
