/* The Rome Statute's own date rules: when it enters into force for a state
 * (art. 126) and when a withdrawal takes effect (art. 127(1)). The calendar
 * arithmetic is date.c's; the law is here. */
#include <warrantcheck/warrantcheck.h>

wc_date wc_statute_entry_into_force(wc_date deposit)
{
    /* Art. 126(1): the Statute entered into force on 2002-07-01 for the
     * states whose instruments made up the first sixty (deposited by
     * 2002-04-11); art. 126(2) for every later one. */
    if (deposit == WC_DATE_UNKNOWN)
        return WC_DATE_UNKNOWN;
    if (deposit <= wc_date_from_ymd(2002, 4, 11))
        return wc_date_from_ymd(2002, 7, 1);
    int y, m, d;
    wc_date_to_ymd(deposit + 60, &y, &m, &d);
    if (++m > 12) {
        m = 1;
        y++;
    }
    return wc_date_from_ymd(y, m, 1);
}

wc_date wc_withdrawal_takes_effect(wc_date deposited)
{
    /* Art. 127(1): one year after the notification is received, unless it
     * names a later date: the same day a year later, and for a
     * notification of 29 February, 1 March (the day after 28 February,
     * when a full year has run). The loader's check of a withdrawal's dates
     * (dataset_check.c) and the notes (membership.c) both use this. */
    if (deposited == WC_DATE_UNKNOWN)
        return WC_DATE_UNKNOWN;
    int y, m, day;
    wc_date_to_ymd(deposited, &y, &m, &day);
    if (m == 2 && day == 29)
        return wc_date_from_ymd(y + 1, 3, 1);
    return wc_date_from_ymd(y + 1, m, day);
}
