/* Fuzz harness: `data diff OLD NEW`. The input is two datasets, OLD and
 * NEW, separated by the first NUL byte (no JSON text holds a raw one);
 * without a NUL, the input is OLD and NEW is the bundled dataset. Each
 * side that loads is diffed against the other, both ways, and against
 * itself, through the core (wc_dataset_diff) and through the command
 * (data_diff, from two files, in a format the input picks). Beyond "no
 * crash, no leak, no undefined behaviour" it checks:
 * - a dataset diffed against itself has no change;
 * - OLD -> NEW and NEW -> OLD are mirrors: as many changes, each added
 *   one removed the other way (and the reverse), each change a change of
 *   the same key and field with before and after swapped;
 * - every change has a key, a changed one a field and two different
 *   values, an added or removed one no `before` or no `after`;
 * - the command's exit status says what the core found (0 equal, 1 not)
 *   and no raw control byte reaches its standard error. */
#include "data_ops.h"
#include "fuzz_stderr.h"

#include "support.h"

#include <warrantcheck/history.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The two data files of the command, written afresh for each input, in a
 * directory made once; standard output goes to /dev/null and standard
 * error to a file that each run checks and empties (only the stream is
 * swapped: descriptor 2 stays libFuzzer's and the sanitizers'). */
static char old_path[4096], new_path[4096];
static char dir[4000];

/* Leaves no file behind (replay runs in every build). */
static void clean_up(void)
{
    unlink(old_path);
    unlink(new_path);
    rmdir(dir);
}

static void set_up_once(void)
{
    if (!fuzz_capture_stderr())
        return;
    const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/fuzz_diff.XXXXXX", tmp != NULL ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL || atexit(clean_up) != 0)
        abort();
    snprintf(old_path, sizeof old_path, "%s/old.json", dir);
    snprintf(new_path, sizeof new_path, "%s/new.json", dir);
}

static bool same(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void check_change(const wc_change *ch)
{
    if (ch->key == NULL || wc_change_area_word(ch->area) == NULL ||
        wc_change_kind_word(ch->kind) == NULL)
        abort();
    switch (ch->kind) {
    case WC_CHANGED:
        if (ch->field == NULL || same(ch->before, ch->after))
            abort();
        break;
    case WC_ADDED:
        if (ch->before != NULL)
            abort();
        break;
    case WC_REMOVED:
        if (ch->after != NULL)
            abort();
        break;
    }
}

/* `b` holds the mirror of `a`'s i-th change. */
static bool has_mirror(const wc_change *ch, const wc_change_list *b)
{
    wc_change_kind want = ch->kind == WC_ADDED     ? WC_REMOVED
                          : ch->kind == WC_REMOVED ? WC_ADDED
                                                   : WC_CHANGED;
    for (size_t i = 0; i < b->count; i++) {
        const wc_change *m = &b->items[i];
        if (m->area == ch->area && m->kind == want && same(m->key, ch->key) &&
            same(m->field, ch->field) && same(m->before, ch->after) &&
            same(m->after, ch->before))
            return true;
    }
    return false;
}

static size_t diff_checked(const wc_dataset *a, const wc_dataset *b, wc_change_list *out)
{
    if (!wc_dataset_diff(a, b, out))
        abort(); /* no allocation fails here but by running out */
    for (size_t i = 0; i < out->count; i++)
        check_change(&out->items[i]);
    return out->count;
}

static void check_self(const wc_dataset *ds)
{
    wc_change_list l;
    if (diff_checked(ds, ds, &l) != 0)
        abort();
    wc_change_list_free(&l);
}

static bool write_file(const char *path, const uint8_t *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return false;
    bool ok = fwrite(bytes, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

/* The command itself, from the two files, as `data diff OLD NEW`. */
static void run_command(output_format format, bool expect_equal)
{
    static char sub[] = "diff";
    char *argv[] = {sub, old_path, new_path, NULL};
    cli c = {.format = format, .header = true, .out = stdout, .ds = wc_dataset_builtin()};
    c.writer = wcr_writer_file(stdout);
    int status = data_diff(&c, 3, argv);
    fflush(stdout);
    if (status != (expect_equal ? EXIT_YES : EXIT_NO))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    set_up_once();
    const uint8_t *nul = memchr(data, '\0', size);
    const uint8_t *old_text = data, *new_text;
    size_t old_len, new_len;
    if (nul != NULL) {
        old_len = (size_t)(nul - data);
        new_text = nul + 1;
        new_len = size - old_len - 1;
    } else {
        old_len = size;
        new_text = (const uint8_t *)wc_builtin_data;
        new_len = wc_builtin_data_len;
    }
    wc_error err;
    wc_dataset *old = wc_dataset_load((const char *)old_text, old_len, &err);
    wc_dataset *new_ = old == NULL ? NULL
                                   : wc_dataset_load((const char *)new_text, new_len, &err);
    if (old != NULL && new_ != NULL) {
        check_self(old);
        if (nul != NULL)
            check_self(new_);
        wc_change_list forth, back;
        size_t n = diff_checked(old, new_, &forth);
        if (diff_checked(new_, old, &back) != n)
            abort();
        for (size_t i = 0; i < n; i++)
            if (!has_mirror(&forth.items[i], &back))
                abort();
        wc_change_list_free(&forth);
        wc_change_list_free(&back);
        /* Through the command, in one format the input picks. */
        if (write_file(old_path, old_text, old_len) && write_file(new_path, new_text, new_len))
            run_command((output_format)(size % FORMAT_SVG), n == 0);
        fuzz_check_stderr();
    }
    wc_dataset_free(new_);
    wc_dataset_free(old);
    return 0;
}
