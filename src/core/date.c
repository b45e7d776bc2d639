/* Calendar dates as day counts: every date rule of the Statute is a
 * comparison or a little arithmetic on these. */
#include <warrantcheck/warrantcheck.h>

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
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
 * Gregorian calendar, no tables, no time zone. */
wc_date wc_date_from_ymd(int year, int month, int day)
{
    if (!wc_date_valid_ymd(year, month, day))
        return WC_DATE_UNKNOWN;
    int y = month <= 2 ? year - 1 : year;
    int era = y / 400; /* y >= 1899, so no negative rounding */
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (wc_date)(era * 146097 + doe - 719468);
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

static bool read_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool wc_date_parse(const char *text, size_t len, wc_date *out)
{
    int y, m, d;
    if (len != 10 || text[4] != '-' || text[7] != '-')
        return false;
    if (!read_digits(text, 4, &y) || !read_digits(text + 5, 2, &m) ||
        !read_digits(text + 8, 2, &d))
        return false;
    if (!wc_date_valid_ymd(y, m, d))
        return false;
    *out = wc_date_from_ymd(y, m, d);
    return true;
}

static void put_digits(char *s, int n, int v)
{
    for (int i = n - 1; i >= 0; i--) {
        s[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

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
    put_digits(buf, 4, y);
    buf[4] = '-';
    put_digits(buf + 5, 2, m);
    buf[7] = '-';
    put_digits(buf + 8, 2, d);
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
