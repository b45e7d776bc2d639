/* Fuzz harness: `data install FILE`. The input is the file. It goes through
 * what the command runs on it: the loader with its diagnostics
 * (cli_load_data_text), the comparison with the data in use
 * (data_compare), and the install itself (data_install_text) into a data
 * home of its own, with or without --force as the input's last byte says.
 * Beyond "no crash, no leak, no undefined behaviour" it checks:
 * - a refusal says why on standard error, an accepted file says nothing
 *   there but, when older than the built-in data, the one warning; and no
 *   raw control byte reaches standard error (messages quote the file);
 * - data_compare is an order: a dataset equals itself, and comparing the
 *   other way gives the opposite sign;
 * - the install refuses exactly an older dataset without --force, and
 *   otherwise installs the input byte for byte, keeping the one before as
 *   .prev; what it installed loads again. */
#include "data_ops.h"
#include "fuzz_stderr.h"
#include "dataset_id.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *installed; /* $XDG_DATA_HOME/warrantcheck/warrantcheck.json */

static char home[4000]; /* XDG_DATA_HOME */

/* Leaves no file behind (replay runs in every build). */
static void clean_up(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s.prev", installed);
    unlink(path);
    unlink(installed);
    snprintf(path, sizeof path, "%s/warrantcheck", home);
    rmdir(path);
    rmdir(home);
    free(installed);
}

static void set_up_once(void)
{
    if (!fuzz_capture_stderr())
        return;
    const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(home, sizeof home, "%s/fuzz_install.XXXXXX", tmp != NULL ? tmp : "/tmp");
    if (mkdtemp(home) == NULL || setenv("XDG_DATA_HOME", home, 1) != 0)
        abort();
    installed = data_installed_path();
    if (installed == NULL || atexit(clean_up) != 0)
        abort();
}

static int sign(int x)
{
    return (x > 0) - (x < 0);
}

/* The installed file holds exactly `len` bytes of `text`. */
static bool installed_is(const uint8_t *text, size_t len)
{
    FILE *f = fopen(installed, "rb");
    if (f == NULL)
        return false;
    bool same = true;
    size_t at = 0;
    int ch;
    while (same && (ch = getc(f)) != EOF)
        same = at < len && (uint8_t)ch == text[at++];
    fclose(f);
    return same && at == len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    set_up_once();
    const char *text = (const char *)data;
    wc_dataset *ds = cli_load_data_text("fuzz.json", text, size);
    size_t said = fuzz_check_stderr();
    if ((ds == NULL) != (said > 0))
        abort(); /* a refusal says why; a file that loads, nothing */
    if (ds == NULL)
        return 0;

    const wc_dataset *builtin = wc_dataset_builtin();
    if (data_compare(ds, ds) != 0 || sign(data_compare(ds, builtin)) != -sign(data_compare(builtin, ds)))
        abort();

    /* As `data install`, the built-in data in use: hash, then install. */
    char hex[DATA_SHA256_HEX];
    if (!data_sha256(text, size, hex) || strlen(hex) != 64)
        abort();
    struct stat st;
    bool had_one = stat(installed, &st) == 0;
    cli c = {.format = FORMAT_TEXT, .header = true, .out = stdout, .ds = builtin,
             .force = size > 0 && (data[size - 1] & 1)};
    c.writer = wcr_writer_file(c.out); /* what the install says goes through it */
    int status = data_install_text(&c, "fuzz.json", text, size, ds, hex);
    said = fuzz_check_stderr();
    bool older = data_compare(ds, builtin) < 0;
    if (older && !c.force) {
        /* Refused, with its reason, and nothing changed. */
        if (status != EXIT_DATASET || said == 0)
            abort();
    } else {
        if (status != EXIT_YES || !installed_is(data, size))
            abort();
        /* Only the warning that the built-in data stays in use. */
        if ((said > 0) != (data_compare(ds, builtin) <= 0))
            abort();
        char prev[4200];
        snprintf(prev, sizeof prev, "%s.prev", installed);
        if (had_one && stat(prev, &st) != 0)
            abort();
        /* What was installed loads as the data file it is. */
        wc_dataset *again = data_load_file(installed, NULL);
        if (again == NULL || data_compare(again, ds) != 0)
            abort();
        wc_dataset_free(again);
        fuzz_check_stderr();
    }
    wc_dataset_free(ds);
    return 0;
}
