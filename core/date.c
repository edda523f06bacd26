/*
 * date.c - calendar arithmetic on dyad_date (proleptic Gregorian).
 *
 * Days are counted from 1970-01-01 with the civil-from-days algorithm, which
 * is exact for any year dyad meets and needs no tables.
 */
#include "dyad.h"

#include <string.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int dyad_days_in_month(int year, int month)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : d[month - 1];
}

int dyad_date_valid(dyad_date d)
{
    if (d.year < 1 || d.year > 9999) return 0;
    if (d.month == 0) return d.day == 0;
    if (d.month < 1 || d.month > 12) return 0;
    return d.day == 0 || (d.day >= 1 && d.day <= dyad_days_in_month(d.year, d.month));
}

long dyad_date_to_days(dyad_date d)
{
    int y = d.year, m = d.month ? d.month : 1, day = d.day ? d.day : 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

dyad_date dyad_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    dyad_date r = {(int16_t)(y + (m <= 2)), (int8_t)m, (int8_t)d};
    return r;
}

int dyad_weekday(dyad_date d)
{
    long days = dyad_date_to_days(d);          /* 1970-01-01 was a Thursday */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int dyad_date_cmp(dyad_date a, dyad_date b)
{
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int dyad_date_parse(const char *s, dyad_date *out)
{
    int y, m = 0, d = 0;
    size_t n = strlen(s);
    /* The separators are required: "2017/08" is not the year 2017. */
    if (n < 4 || !digits(s, 4, &y)) return -1;
    if (n >= 7 && (s[4] != '-' || !digits(s + 5, 2, &m))) return -1;
    if (n >= 10 && (s[7] != '-' || !digits(s + 8, 2, &d))) return -1;
    /* Accept trailing time parts (2018-07-06T10:00:00Z) but nothing else odd. */
    if (n > 4 && n < 7) return -1;
    if (n > 7 && n < 10) return -1;
    if (n > 10 && s[10] != 'T' && s[10] != ' ') return -1;
    dyad_date r = {(int16_t)y, (int8_t)m, (int8_t)d};
    if (!dyad_date_valid(r)) return -1;
    *out = r;
    return 0;
}

void dyad_date_format(dyad_date d, char out[11])
{
    /* Written digit by digit: the ranges are known, and snprintf's
     * truncation warnings cannot see that. */
    unsigned y = (unsigned)(d.year > 0 && d.year <= 9999 ? d.year : 0);
    unsigned m = (unsigned)(d.month > 0 && d.month <= 12 ? d.month : 0);
    unsigned day = (unsigned)(d.day > 0 && d.day <= 31 ? d.day : 0);
    int n = 0;
    if (!y) { out[0] = 0; return; }
    out[n++] = (char)('0' + y / 1000); out[n++] = (char)('0' + y / 100 % 10);
    out[n++] = (char)('0' + y / 10 % 10); out[n++] = (char)('0' + y % 10);
    if (m) {
        out[n++] = '-'; out[n++] = (char)('0' + m / 10); out[n++] = (char)('0' + m % 10);
        if (day) { out[n++] = '-'; out[n++] = (char)('0' + day / 10); out[n++] = (char)('0' + day % 10); }
    }
    out[n] = 0;
}
