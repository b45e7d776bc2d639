/* A warrant's life, for the rest of the core: when a verdict's notes name
 * the day they are for. */
#ifndef WC_WARRANT_H
#define WC_WARRANT_H

#include <warrantcheck/warrantcheck.h>

/* True if a verdict's notes on this warrant name `date` itself: the day
 * may fall before a sealed warrant's unknown issue day, or a status event
 * of unknown date may already have happened on it. verdict.c's
 * warrant_notes() writes exactly those notes; span.c relies on this. */
bool wc_warrant_notes_name_day(const wc_warrant *w, wc_date date);

#endif
