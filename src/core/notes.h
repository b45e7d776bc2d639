/* Growing lists of plain-English notes that accompany an answer. */
#ifndef WC_NOTES_H
#define WC_NOTES_H

#include <warrantcheck/warrantcheck.h>

/* Appends a note; a non-NULL `subject` (a state or territory) starts it
 * with its name, and the article English puts before that name ("the
 * United States signed ..."), so that each note reads as a sentence of its
 * own. A name inside the sentence takes wc_country_article() in `fmt`'s
 * arguments. Returns false if memory ran out. */
bool wc_note_add(wc_notes *notes, const wc_country *subject, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Appends copies of every note of `more`. */
bool wc_notes_append(wc_notes *notes, const wc_notes *more);

#endif
