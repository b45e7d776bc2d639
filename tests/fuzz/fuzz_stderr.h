/* Standard error captured for the command-line fuzz harnesses (args,
 * diff, install), which run the front end's own code and so print its
 * messages. */
#ifndef WC_FUZZ_STDERR_H
#define WC_FUZZ_STDERR_H

#include <stdbool.h>
#include <stddef.h>

/* Sends what the program writes on standard error to a temporary file
 * and standard output to /dev/null; aborts if it cannot. Only the stream
 * is swapped (glibc lets `stderr` be assigned): descriptor 2 stays
 * libFuzzer's and the sanitizers'. Returns false if it was done before. */
bool fuzz_capture_stderr(void);

/* Aborts on a raw C0 control (but the line end), DEL, or a C1 control
 * (U+0080..U+009F, as UTF-8 0xC2 0x80..0x9F) in what reached standard
 * error since the last call: every echoed byte must be escaped. Returns
 * how many bytes there were, and empties the file. */
size_t fuzz_check_stderr(void);

#endif
