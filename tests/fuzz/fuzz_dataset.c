/* Fuzz harness: the dataset loader. Any bytes must either load into a
 * dataset or be refused with a message and a place, never crash, hang or
 * leak. */
#include <warrantcheck/warrantcheck.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loads `size` bytes exactly as given (not NUL-terminated: the loader must
 * not read past the end), then checks the contract of wc_dataset_load. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wc_error err;
    wc_dataset *ds = wc_dataset_load((const char *)data, size, &err);
    if (ds == NULL) {
        /* A refusal always says why, in a terminated message. */
        if (memchr(err.message, '\0', sizeof err.message) == NULL || err.message[0] == '\0')
            abort();
        return 0;
    }
    if (err.message[0] != '\0')
        abort();
    wc_dataset_free(ds);
    return 0;
}
