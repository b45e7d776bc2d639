/* The writer interface seen from inside the render layer: the public part
 * is in <warrantcheck/render.h>; here are the helpers every format uses. */
#ifndef WCR_WRITER_H
#define WCR_WRITER_H

#include <warrantcheck/render.h>

#include <string.h>

/* Writes a string literal without measuring it at run time. */
#define WCR_LIT(w, lit) wcr_write((w), (lit), sizeof(lit) - 1)

/* Appends `len` bytes to `b`, as its writer does, without a writer. */
bool wcr_buffer_append(wcr_buffer *b, const char *s, size_t len);

/* Makes room for `n` more bytes (and a NUL) at the end of `b` and returns
 * where they go; the caller then adds n to b->len and terminates. NULL if
 * memory ran out. */
char *wcr_buffer_room(wcr_buffer *b, size_t n);

/* A writer that passes everything to another and remembers whether any
 * call failed (and then writes no more), so that a long run of writes
 * needs one check at its end. */
typedef struct wcr_checked {
    const wcr_writer *to;
    bool failed;
} wcr_checked;

wcr_writer wcr_writer_checked(wcr_checked *c, const wcr_writer *to);

/* Writes `len` bytes of text (up to a NUL if sooner) with the five XML
 * special characters escaped. */
bool wcr_write_xml(const wcr_writer *w, const char *s, size_t len);

/* Writes what `fmt` makes as one paragraph after `prefix`, wrapped as
 * wcr_wrap_text() does. */
bool wcr_wrapped(const wcr_writer *w, const wcr_opts *o, const char *prefix, unsigned indent,
                 size_t *lines, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#endif
