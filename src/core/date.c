/* Calendar dates as day counts: every date rule of the Statute is a
 * comparison or a little arithmetic on these. */
#include <warrantcheck/warrantcheck.h>

static bool is_leap(int year)
{
    unsigned y = (unsigned)year; /* WC_DATE_MIN_YEAR and later: positive */
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year))
        return 29;
    return days[month - 1];
}

bool wc_date_valid_ymd(int year, int month, int day)
{
    return year >= WC_DATE_MIN_YEAR && year <= WC_DATE_MAX_YEAR && month >= 1 &&
           month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

/* Howard Hinnant's days_from_civil: exact for the whole proleptic
 * Gregorian calendar, no tables, no time zone. For a valid date. */
static inline wc_date days_from_civil(int year, int month, int day)
{
    /* Unsigned: every value here is positive (year >= 1899), and unsigned
     * division by a constant needs no sign fix-up. */
    unsigned y = (unsigned)(month <= 2 ? year - 1 : year);
    unsigned era = y / 400;
    unsigned yoe = y - era * 400;
    unsigned mp = (unsigned)(month > 2 ? month - 3 : month + 9);
    unsigned doy = (153 * mp + 2) / 5 + (unsigned)day - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (wc_date)(era * 146097 + doe) - 719468;
}

wc_date wc_date_from_ymd(int year, int month, int day)
{
    if (!wc_date_valid_ymd(year, month, day))
        return WC_DATE_UNKNOWN;
    return days_from_civil(year, month, day);
}

void wc_date_to_ymd(wc_date date, int *year, int *month, int *day)
{
    int z = (int)date + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    *year = yoe + era * 400 + (m <= 2);
    *month = m;
    *day = d;
}

/* An itinerary parses a date or two a line: the digits are checked all at
 * once and the day against its month without a second validation, about a
 * third of the instructions of a digit loop and wc_date_valid_ymd(). */
bool wc_date_parse(const char *text, size_t len, wc_date *out)
{
    if (len != 10 || text[4] != '-' || text[7] != '-')
        return false;
    const unsigned char *t = (const unsigned char *)text;
    unsigned y0 = t[0] - 48u, y1 = t[1] - 48u, y2 = t[2] - 48u, y3 = t[3] - 48u;
    unsigned m0 = t[5] - 48u, m1 = t[6] - 48u, d0 = t[8] - 48u, d1 = t[9] - 48u;
    /* A byte below '0' wraps to a large unsigned: one test for all eight. */
    if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9))
        return false;
    int year = (int)(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
    int month = (int)(m0 * 10 + m1), day = (int)(d0 * 10 + d1);
    if (year < WC_DATE_MIN_YEAR || year > WC_DATE_MAX_YEAR || month < 1 || month > 12 ||
        day < 1 || day > days_in_month(year, month))
        return false;
    *out = days_from_civil(year, month, day);
    return true;
}

static const char DIGIT_PAIRS[] = "00010203040506070809101112131415161718192021222324"
                                  "25262728293031323334353637383940414243444546474849"
                                  "50515253545556575859606162636465666768697071727374"
                                  "75767778798081828384858687888990919293949596979899";

char *wc_date_format(wc_date date, char buf[WC_DATE_BUFSIZE])
{
    if (date == WC_DATE_UNKNOWN) {
        static const char unknown[] = "unknown";
        for (size_t i = 0; i < sizeof unknown; i++)
            buf[i] = unknown[i];
        return buf;
    }
    int y, m, d;
    wc_date_to_ymd(date, &y, &m, &d);
    /* Years stay within 0..9999 here: WC_DATE_MIN_YEAR..WC_DATE_MAX_YEAR,
     * or a day count near them. Outside, the digits are reduced as the
     * old digit loop reduced them. */
    unsigned uy = (unsigned)y % 10000u;
    const char *hi = DIGIT_PAIRS + 2 * (uy / 100), *lo = DIGIT_PAIRS + 2 * (uy % 100);
    buf[0] = hi[0];
    buf[1] = hi[1];
    buf[2] = lo[0];
    buf[3] = lo[1];
    buf[4] = '-';
    buf[5] = DIGIT_PAIRS[2 * m];
    buf[6] = DIGIT_PAIRS[2 * m + 1];
    buf[7] = '-';
    buf[8] = DIGIT_PAIRS[2 * d];
    buf[9] = DIGIT_PAIRS[2 * d + 1];
    buf[10] = '\0';
    return buf;
}

wc_date wc_date_from_time(time_t t)
{
    /* Floor division: a time before 1970 still lands on the right day. */
    long long secs = (long long)t;
    long long days = secs / 86400;
    if (secs % 86400 < 0)
        days--;
    return (wc_date)days;
}

wc_date wc_date_add_days(wc_date date, int32_t days)
{
    return date + days;
}
