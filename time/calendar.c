/*
 * calendar.c - the calendar arithmetic of reading news time.
 *
 * core/date.c counts days; this file adds what resolving expressions needs:
 * month shifts, ISO weeks (TIMEX3 writes weeks as 2025-W44), seasons (named
 * the northern-hemisphere way, winter by the year of its December), and the
 * one rule used everywhere a date is written without its year or week: place
 * it on the side of the anchor that the tense says, the nearer side when the
 * tense says nothing.
 */
#include "tx.h"

dyad_date tx_add_days(dyad_date d, long n)
{
    return dyad_date_from_days(tx_days(d) + n);
}

dyad_date tx_add_months(dyad_date d, int n)
{
    long m = (long)d.year * 12 + (d.month ? d.month - 1 : 0) + n;
    long y = m >= 0 ? m / 12 : (m - 11) / 12;
    return tx_date((int)y, (int)(m - y * 12) + 1, 0);
}

dyad_date tx_week_monday(dyad_date d)
{
    return tx_add_days(d, -dyad_weekday(d));
}

int tx_iso_week(dyad_date d, int *year)
{
    /* The ISO week belongs to the year of its Thursday. */
    long thu = tx_days(d) - dyad_weekday(d) + 3;
    dyad_date t = dyad_date_from_days(thu);
    *year = t.year;
    return (int)((thu - tx_days(tx_date(t.year, 1, 1))) / 7 + 1);
}

dyad_date tx_common(dyad_date a, dyad_date b)
{
    if (a.year != b.year) return tx_date(a.year, 0, 0);
    if (a.month != b.month) return tx_date(a.year, 0, 0);
    if (a.day != b.day) return tx_date(a.year, a.month, 0);
    return a;
}

int tx_season_of(dyad_date d, int *year)
{
    *year = d.year;
    if (d.month >= 3 && d.month <= 5) return S_SPRING;
    if (d.month >= 6 && d.month <= 8) return S_SUMMER;
    if (d.month >= 9 && d.month <= 11) return S_FALL;
    if (d.month <= 2) *year = d.year - 1;      /* January's winter began last December */
    return S_WINTER;
}

void tx_season_range(int year, int season, dyad_date *first, dyad_date *last)
{
    static const int start[] = {0, 3, 6, 9, 12};
    dyad_date f = tx_date(year, start[season], 1);
    dyad_date l = tx_add_months(f, 2);
    l.day = (int8_t)dyad_days_in_month(l.year, l.month);
    *first = f;
    *last = l;
}

/* Is (m1, d1) before (m2, d2) in the calendar year? */
static int md_before(int m1, int d1, int m2, int d2) { return m1 < m2 || (m1 == m2 && d1 < d2); }

dyad_date tx_place_md(int month, int day, dyad_date p, int tense)
{
    dyad_date none = {0, 0, 0};
    if (month < 1 || month > 12 || day < 1 || day > dyad_days_in_month(2000, month)) return none;
    int yp = p.year, yf = p.year;
    if (md_before(p.month, p.day, month, day)) yp--;         /* not yet this year */
    if (md_before(month, day, p.month, p.day)) yf++;         /* already passed */
    if (month == 2 && day == 29) {                           /* only leap years have it */
        while (!tx_is_leap(yp)) yp--;
        while (!tx_is_leap(yf)) yf++;
    }
    dyad_date past = tx_date(yp, month, day), fut = tx_date(yf, month, day);
    if (tense == T_PAST) return past;
    if (tense == T_FUTURE) return fut;
    return tx_days(fut) - tx_days(p) < tx_days(p) - tx_days(past) ? fut : past;
}

dyad_date tx_place_month(int month, dyad_date p, int tense)
{
    int yp = month <= p.month ? p.year : p.year - 1;
    int yf = month >= p.month ? p.year : p.year + 1;
    if (tense == T_PAST) return tx_date(yp, month, 0);
    if (tense == T_FUTURE) return tx_date(yf, month, 0);
    int back = (p.month - month + 12) % 12, fwd = (month - p.month + 12) % 12;
    return fwd < back ? tx_date(yf, month, 0) : tx_date(yp, month, 0);
}

dyad_date tx_place_weekday(int wd, dyad_date p, int shift, int tense)
{
    int pw = dyad_weekday(p);
    int back = (pw - wd + 7) % 7, fwd = (wd - pw + 7) % 7;
    if (shift < 0) return tx_add_days(p, -(back ? back : 7));
    if (shift > 0) return tx_add_days(p, fwd ? fwd : 7);
    if (tense == T_PAST) return tx_add_days(p, -back);
    if (tense == T_FUTURE) return tx_add_days(p, fwd);
    return fwd < back ? tx_add_days(p, fwd) : tx_add_days(p, -back);
}
