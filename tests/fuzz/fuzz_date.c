/* Fuzz harness: the date parser. It must accept exactly the real days
 * YYYY-MM-DD from WC_DATE_MIN_YEAR to WC_DATE_MAX_YEAR, and every date it
 * accepts must print back as the same ten bytes. */
#include <warrantcheck/warrantcheck.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parses the bytes as given (not NUL-terminated), then checks the round
 * trip through wc_date_format and wc_date_to_ymd. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wc_date d;
    if (!wc_date_parse((const char *)data, size, &d))
        return 0;
    if (size != 10 || d == WC_DATE_UNKNOWN)
        abort();
    char buf[WC_DATE_BUFSIZE];
    wc_date_format(d, buf);
    if (memcmp(buf, data, 10) != 0)
        abort();
    int y, m, day;
    wc_date_to_ymd(d, &y, &m, &day);
    if (!wc_date_valid_ymd(y, m, day) || wc_date_from_ymd(y, m, day) != d)
        abort();
    wc_date next = wc_date_add_days(d, 1);
    wc_date_format(next, buf);
    wc_date again;
    if (wc_date_parse(buf, 10, &again) ? again != next : y != WC_DATE_MAX_YEAR)
        abort();
    return 0;
}
