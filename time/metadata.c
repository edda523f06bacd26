/*
 * metadata.c - read a `published` value in the forms feeds and pages use:
 *
 *   2018-07-12, 2018-07, 2018, 2018-07-12T10:00:00Z, 2018-07-12 10:00:00+02:00
 *   20180712, 2018/07/12, 2018.07.12
 *   Thu, 12 Jul 2018 10:00:00 GMT (RFC 822/1123), 12-Jul-2018
 *   July 12, 2018; Jul. 12 2018 10:00 AM EDT; 12 July 2018; July 2018
 *   07/25/2018 and 25/07/2018 only when the order cannot be misread
 *   1531389600 (Unix seconds) and 1531389600000 (milliseconds), UTC
 *
 * The date is taken as written (the publisher's local date), not moved to
 * UTC: the day a story carries is the day its readers saw.  Anything else
 * is refused (-1), so that the caller can say so and try the next source.
 */
#include "tx.h"

#include <ctype.h>
#include <string.h>

static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"};
static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* A word that abbreviates one of names (at least 3 letters, a prefix). */
static int name_index(const char *w, size_t n, const char *const *names, int count)
{
    if (n && w[n - 1] == '.') n--;
    if (n < 3) return -1;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(names[i]);
        if (n > l) continue;
        size_t k = 0;
        while (k < n && tolower((unsigned char)w[k]) == names[i][k]) k++;
        if (k == n) return i;
    }
    return -1;
}

static int all_digits(const char *w, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)w[i])) return 0;
    return 1;
}

static long number(const char *w, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n && i < 15; i++) v = v * 10 + (w[i] - '0');
    return v;
}

/* A day number: 12, 12th, 1st. */
static int day_word(const char *w, size_t n)
{
    size_t k = 0;
    while (k < n && isdigit((unsigned char)w[k])) k++;
    if (!k || k > 2) return 0;
    if (k < n) {
        char a = (char)tolower((unsigned char)w[k]), b = k + 1 < n ? (char)tolower((unsigned char)w[k + 1]) : 0;
        if (k + 2 != n || !((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                            (a == 't' && b == 'h')))
            return 0;
    }
    int d = (int)number(w, k);
    return d >= 1 && d <= 31 ? d : 0;
}

static int numeric_forms(const char *s, size_t n, dyad_date *out)
{
    dyad_date d = {0, 0, 0};
    if (all_digits(s, n)) {
        if (n == 8) {                                            /* 20180712 */
            long v = number(s, 8);
            d = tx_date((int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100));
        } else if (n == 9 || n == 10 || n == 12 || n == 13) {     /* Unix time */
            long v = number(s, n);
            if (n >= 12) v /= 1000;
            d = dyad_date_from_days(v / 86400);
        } else return -1;
        if (!dyad_date_valid(d)) return -1;
        *out = d;
        return 0;
    }
    /* NN?NN?NNNN or NNNN?NN?NN with / or . */
    long p[3];
    size_t len[3], i = 0;
    char sep = 0;
    for (int k = 0; k < 3; k++) {
        size_t b = i;
        while (i < n && isdigit((unsigned char)s[i])) i++;
        len[k] = i - b;
        if (!len[k] || len[k] > 4) return -1;
        p[k] = number(s + b, len[k]);
        if (k < 2) {
            if (i >= n || (s[i] != '/' && s[i] != '.') || (sep && s[i] != sep)) return -1;
            sep = s[i++];
        }
    }
    if (i < n && s[i] != ' ' && s[i] != 'T') return -1;
    if (len[0] == 4) d = tx_date((int)p[0], (int)p[1], (int)p[2]);
    else if (len[2] == 4 && sep == '.') d = tx_date((int)p[2], (int)p[1], (int)p[0]);
    else if (len[2] == 4 && p[0] > 12 && p[1] <= 12) d = tx_date((int)p[2], (int)p[1], (int)p[0]);
    else if (len[2] == 4 && p[1] > 12 && p[0] <= 12) d = tx_date((int)p[2], (int)p[0], (int)p[1]);
    else return -1;
    if (!dyad_date_valid(d) || !d.day) return -1;
    *out = d;
    return 0;
}

static int text_forms(const char *s, size_t n, dyad_date *out)
{
    /* Up to five words split on spaces, commas, hyphens and slashes. */
    const char *w[5];
    size_t wl[5];
    int k = 0;
    for (size_t i = 0; i < n && k < 5;) {
        while (i < n && strchr(" ,-/", s[i])) i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && !strchr(" ,-/", s[i])) i++;
        w[k] = s + b;
        wl[k++] = i - b;
    }
    int i = 0;
    if (i < k && name_index(w[i], wl[i], days, 7) >= 0) i++;
    if (k - i < 2) return -1;
    int m, day = 0, y;
    if ((m = name_index(w[i], wl[i], months, 12)) >= 0) {
        if ((day = day_word(w[i + 1], wl[i + 1])) && i + 2 < k) i += 2;      /* July 12, 2018 */
        else i += 1;                                                          /* July 2018 */
    } else if ((day = day_word(w[i], wl[i])) && i + 2 < k && (m = name_index(w[i + 1], wl[i + 1], months, 12)) >= 0)
        i += 2;                                                               /* 12 Jul 2018 */
    else return -1;
    if (i >= k || wl[i] != 4 || !all_digits(w[i], 4)) return -1;
    y = (int)number(w[i], 4);
    dyad_date d = tx_date(y, m + 1, day);
    if (!dyad_date_valid(d)) return -1;
    *out = d;
    return 0;
}

int tx_parse_published(const char *s, dyad_date *out)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    if (!n || n > 64) return -1;
    char buf[65];
    memcpy(buf, s, n);
    buf[n] = 0;
    /* ISO 8601 first: the common case, and dyad_date_parse checks ranges. */
    if (n >= 4 && isdigit((unsigned char)buf[0]) && buf[4] == '-' && dyad_date_parse(buf, out) == 0) return 0;
    if (n == 4 && all_digits(buf, 4) && dyad_date_parse(buf, out) == 0) return 0;
    if (isdigit((unsigned char)buf[0]) && numeric_forms(buf, n, out) == 0) return 0;
    return text_forms(buf, n, out);
}
