/*
 * resolve.c - what a found expression means: its kind, TIMEX3 value and
 * date, against the publication date (or, for "two days later" and "that
 * year", the narrative anchor: the latest date the story has named).
 *
 * Dates are only as precise as what was written: "last week" is an ISO
 * week (its date is the month the relevant days share, else the year),
 * "this summer" a season (date: the year), "six years ago" a year.  When the
 * publication date is unknown or too coarse for an expression ("on
 * Wednesday" against a month), the value keeps X's and the date stays year
 * 0 rather than pretending.
 */
#include "tx.h"

#include <string.h>

/* ------------------------------------------------------------ values */

/* A bounded writer into dyad_timex.value (24 bytes). */
typedef struct { char *p; int n; } vbuf;

static void vs(vbuf *b, const char *s)
{
    while (*s && b->n < 23) b->p[b->n++] = *s++;
    b->p[b->n] = 0;
}

static void vnum(vbuf *b, long v, int width)
{
    char tmp[12];
    int k = 0;
    if (v < 0) v = -v;
    do { tmp[k++] = (char)('0' + v % 10); v /= 10; } while (v && k < 11);
    while (k < width && k < 11) tmp[k++] = '0';
    while (k && b->n < 23) b->p[b->n++] = tmp[--k];
    b->p[b->n] = 0;
}

static void vdate(vbuf *b, dyad_date d)
{
    char s[11];
    dyad_date_format(d, s);
    vs(b, s);
}

static void vweek(vbuf *b, dyad_date day)
{
    int y, w = tx_iso_week(day, &y);
    vnum(b, y, 4);
    vs(b, "-W");
    vnum(b, w, 2);
}

static const char *tod_code(int tod)
{
    static const char *const c[] = {"", "TMO", "TAF", "TEV", "TNI"};
    return tod >= 0 && tod <= 4 ? c[tod] : "";
}

static const char *unit_code(int unit)
{
    switch (unit) {
    case U_DAY: return "D";
    case U_WEEK: return "W";
    case U_WEEKEND: return "WE";
    case U_MONTH: return "M";
    case U_QUARTER: return "Q";
    case U_YEAR: return "Y";
    case U_DECADE: return "DE";
    case U_CENTURY: return "CE";
    case U_HOUR: return "H";
    case U_MINUTE: return "M";
    }
    return "X";
}

static void set_date(dyad_timex *o, vbuf *b, dyad_date d)
{
    o->date = d;
    vdate(b, d);
}

/* ------------------------------------------------------------ helpers */

/* A full date to place against: pub itself, or a stand-in inside pub's
 * month when only the month is known (its end for the past, start for the
 * future), so that yearless dates still get the right year. */
static int day_anchor(dyad_date pub, int tense, dyad_date *p)
{
    if (tx_has_day(pub)) { *p = pub; return 1; }
    if (!tx_has_month(pub)) return 0;
    int last = dyad_days_in_month(pub.year, pub.month);
    *p = tx_date(pub.year, pub.month, tense == T_FUTURE ? 1 : tense == T_PAST ? last : 15);
    return 1;
}

static void week_range(dyad_timex *o, vbuf *b, dyad_date base, dyad_date from, dyad_date to)
{
    vweek(b, base);
    o->date = tx_common(from, to);
}

/* Season instances are numbered year*4 + (season-1); winter 2024 is Dec 2024 - Feb 2025. */
static long season_pick(long cur, int target, int shift, int tense, int explicit_shift)
{
    long best_past = cur, best_fut = cur;
    for (int k = 0; k < 4; k++) if (((cur - k) % 4 + 4) % 4 == target) { best_past = cur - k; break; }
    for (int k = 0; k < 4; k++) if (((cur + k) % 4 + 4) % 4 == target) { best_fut = cur + k; break; }
    if (explicit_shift) {
        if (shift < 0) return best_past == cur ? cur - 4 : best_past;
        if (shift > 0) return best_fut == cur ? cur + 4 : best_fut;
    }
    if (tense == T_PAST) return best_past;
    if (tense == T_FUTURE) return best_fut;
    return best_fut - cur < cur - best_past ? best_fut : best_past;
}

static void vseason(vbuf *b, long idx)
{
    static const char *const code[] = {"-SP", "-SU", "-FA", "-WI"};
    vnum(b, idx / 4, 4);
    vs(b, code[idx % 4]);
}

static void vquarter(vbuf *b, long idx)
{
    vnum(b, idx / 4, 4);
    vs(b, "-Q");
    vnum(b, idx % 4 + 1, 1);
}

/* Shift a date by n units at the unit's granularity; 0 if base too coarse. */
static int shift_by(dyad_timex *o, vbuf *b, dyad_date base, int unit, int n, int tod)
{
    switch (unit) {
    case U_MINUTE: case U_HOUR:
        if (!tx_has_day(base)) return 0;
        set_date(o, b, base);
        return 1;
    case U_DAY:
        if (!tx_has_day(base)) {
            if (n || !base.year) return 0;
            set_date(o, b, base);           /* "that day" after "in June": June */
            return 1;
        }
        set_date(o, b, tx_add_days(base, n));
        if (tod) { vs(b, tod_code(tod)); o->kind = DYAD_TIMEX_TIME; }
        return 1;
    case U_WEEK: case U_WEEKEND: {
        if (!tx_has_day(base)) return 0;
        dyad_date day = tx_add_days(base, 7L * n), mon = tx_week_monday(day);
        if (unit == U_WEEKEND) {
            dyad_date sat = tx_add_days(mon, 5);
            vweek(b, sat);
            vs(b, "-WE");
            o->date = tx_common(sat, tx_add_days(sat, 1));
        } else
            week_range(o, b, day, mon, tx_add_days(mon, 6));
        return 1;
    }
    case U_MONTH:
        if (!tx_has_month(base)) return 0;
        set_date(o, b, tx_add_months(base, n));
        return 1;
    case U_QUARTER: {
        if (!tx_has_month(base)) return 0;
        long idx = (long)base.year * 4 + (base.month - 1) / 3 + n;
        vquarter(b, idx);
        o->date = tx_date((int)(idx / 4), 0, 0);
        return 1;
    }
    case U_YEAR: case U_DECADE: case U_CENTURY: {
        if (!base.year) return 0;
        int k = unit == U_YEAR ? 1 : unit == U_DECADE ? 10 : 100;
        set_date(o, b, tx_date(base.year + k * n, 0, 0));
        return 1;
    }
    }
    return 0;
}

/* ------------------------------------------------------------ by type */

static int resolve_date(const tx_raw *r, dyad_date pub, dyad_timex *o, vbuf *b)
{
    if (r->year) {
        dyad_date d = tx_date(r->year, r->month, r->month ? r->day : 0);
        if (!dyad_date_valid(d)) return 0;          /* Feb. 30, 2019; 2018-13-45 */
        set_date(o, b, d);
        return 1;
    }
    if (r->flags & TXF_YEARSHIFT) {                 /* March last year, June 5 next year */
        if (!pub.year) goto unresolved;
        dyad_date d = tx_date(pub.year + r->shift, r->month, r->day);
        if (!dyad_date_valid(d)) return 0;
        set_date(o, b, d);
        return 1;
    }
    if (r->flags & TXF_SHIFT) {                     /* last June, next March, this June */
        if (!tx_has_month(pub)) goto unresolved;
        int y = pub.year;
        if (r->shift < 0 && r->month >= pub.month) y--;
        if (r->shift > 0 && r->month <= pub.month) y++;
        set_date(o, b, tx_date(y, r->month, 0));
        return 1;
    }
    if (r->day) {
        if (r->day > dyad_days_in_month(2000, r->month)) return 0;     /* June 31 */
        dyad_date p;
        if (day_anchor(pub, r->tense, &p)) {
            dyad_date d = tx_place_md(r->month, r->day, p, r->tense);
            if (r->wd >= 0 && tx_has_day(pub) && dyad_weekday(d) != r->wd) {
                /* "Thursday, July 12": take the side the weekday fits, if one does */
                dyad_date other = tx_place_md(r->month, r->day, p, r->tense == T_FUTURE ? T_PAST : T_FUTURE);
                if (dyad_weekday(other) == r->wd) d = other;
            }
            set_date(o, b, d);
            return 1;
        }
        if (pub.year && dyad_date_valid(tx_date(pub.year, r->month, r->day))) {
            set_date(o, b, tx_date(pub.year, r->month, r->day));
            return 1;
        }
        goto unresolved;
    }
    if (tx_has_month(pub)) { set_date(o, b, tx_place_month(r->month, pub, r->tense)); return 1; }
    if (pub.year) { set_date(o, b, tx_date(pub.year, r->month, 0)); return 1; }
unresolved:
    o->flags |= DYAD_TIMEX_UNRESOLVED;
    vs(b, "XXXX-");
    vnum(b, r->month, 2);
    if (r->day) { vs(b, "-"); vnum(b, r->day, 2); }
    return 1;
}

static int resolve_relunit(const tx_raw *r, dyad_date pub, dyad_timex *o, vbuf *b)
{
    if (r->unit == U_WEEK) {
        if (!tx_has_day(pub)) return 0;
        dyad_date base = tx_add_days(pub, 7L * r->shift), mon = tx_week_monday(base);
        dyad_date sun = tx_add_days(mon, 6), from = mon, to = sun;
        if (r->shift == 0) {
            /* The part of this week the clause can mean. */
            if (r->range == R_BEFORE) to = tx_days(pub) > tx_days(mon) ? tx_add_days(pub, -1) : mon;
            else if (r->range == R_AFTER) from = tx_days(pub) < tx_days(sun) ? tx_add_days(pub, 1) : sun;
            else if (r->tense == T_PAST) to = pub;
            else if (r->tense == T_FUTURE) from = pub;
        }
        week_range(o, b, base, from, to);
        return 1;
    }
    if (r->unit == U_WEEKEND) {
        if (!tx_has_day(pub)) return 0;
        dyad_date sat = tx_add_days(tx_week_monday(pub), 5 + 7L * r->shift);
        vweek(b, sat);
        vs(b, "-WE");
        o->date = tx_common(sat, tx_add_days(sat, 1));
        return 1;
    }
    if (r->unit == U_DECADE || r->unit == U_CENTURY) {
        if (!pub.year) return 0;
        int k = r->unit == U_DECADE ? 10 : 100;
        vnum(b, (pub.year / k + r->shift), r->unit == U_DECADE ? 3 : 2);
        vs(b, r->unit == U_DECADE ? "X" : "XX");
        return 1;
    }
    return shift_by(o, b, pub, r->unit, r->shift, 0);
}

static int resolve_season(const tx_raw *r, dyad_date pub, dyad_timex *o, vbuf *b)
{
    long idx;
    if (r->year) idx = (long)r->year * 4 + r->season - 1;
    else {
        if (!tx_has_month(pub)) {
            o->flags |= DYAD_TIMEX_UNRESOLVED;
            static const char *const code[] = {"", "XXXX-SP", "XXXX-SU", "XXXX-FA", "XXXX-WI"};
            vs(b, code[r->season]);
            return 1;
        }
        int cy, cs = tx_season_of(pub, &cy);
        long cur = (long)cy * 4 + cs - 1;
        if ((r->flags & TXF_SHIFT) && r->shift == 0)
            idx = cs == r->season ? cur : (long)pub.year * 4 + r->season - 1;    /* this summer */
        else
            idx = season_pick(cur, r->season - 1, r->shift, r->tense, (r->flags & TXF_SHIFT) != 0);
    }
    vseason(b, idx);
    o->date = tx_date((int)(idx / 4), 0, 0);
    return 1;
}

static int resolve_quarter(const tx_raw *r, dyad_date pub, dyad_timex *o, vbuf *b)
{
    long idx;
    if (r->year) idx = (long)r->year * 4 + r->amount - 1;
    else {
        if (!tx_has_month(pub)) { o->flags |= DYAD_TIMEX_UNRESOLVED; vs(b, "XXXX-Q"); vnum(b, r->amount, 1); return 1; }
        long cur = (long)pub.year * 4 + (pub.month - 1) / 3;
        idx = season_pick(cur, r->amount - 1, 0, r->tense, 0);
    }
    vquarter(b, idx);
    o->date = tx_date((int)(idx / 4), 0, 0);
    return 1;
}

void tx_clock_value(const tx_raw *r, dyad_date day, dyad_timex *o)
{
    vbuf b = {o->value, 0};
    o->value[0] = 0;
    if (tx_has_day(day)) { vdate(&b, day); o->date = day; }
    else vs(&b, "XXXX-XX-XX");
    vs(&b, "T");
    vnum(&b, r->hour, 2);
    vs(&b, ":");
    vnum(&b, r->minute, 2);
}

void tx_resolve(const dyad_doc *d, const tx_raw *r, dyad_date pub, dyad_date anchor, dyad_timex *o)
{
    memset(o, 0, sizeof *o);
    const dyad_token *a = &d->toks[r->tok], *z = &d->toks[r->tok + r->ntok - 1];
    o->off = a->off;
    o->len = z->off + z->len - a->off;
    o->sent = r->sent;
    o->kind = DYAD_TIMEX_DATE;
    if (r->flags & TXF_SUBORD) o->flags |= DYAD_TIMEX_SUBORDINATE;
    if (r->flags & TXF_ATTRIB) o->flags |= DYAD_TIMEX_ATTRIBUTIVE;
    if (r->flags & TXF_RELATIVE) o->flags |= DYAD_TIMEX_RELATIVE;
    vbuf b = {o->value, 0};
    int ok = 1;
    switch (r->type) {
    case TX_DATE:
        if (!resolve_date(r, pub, o, &b)) { o->kind = 0; return; }
        break;
    case TX_WEEKDAY:
        if (tx_has_day(pub)) set_date(o, &b, tx_place_weekday(r->wd, pub, r->shift, r->tense));
        else { o->flags |= DYAD_TIMEX_UNRESOLVED; vs(&b, "XXXX-WXX-"); vnum(&b, r->wd + 1, 1); }
        if (r->tod) { vs(&b, tod_code(r->tod)); o->kind = DYAD_TIMEX_TIME; }
        break;
    case TX_RELDAY:
        ok = shift_by(o, &b, pub, U_DAY, r->amount, r->tod);
        break;
    case TX_RELUNIT:
        ok = resolve_relunit(r, pub, o, &b);
        break;
    case TX_AGO:
        if (r->amount < 0) { vs(&b, r->shift > 0 ? "FUTURE_REF" : "PAST_REF"); break; }
        ok = shift_by(o, &b, pub, r->unit, r->amount * r->shift, 0);
        break;
    case TX_ANCHORED:
        o->flags |= DYAD_TIMEX_ANCHORED;
        if (r->flags & TXF_RELATIVE) { vs(&b, "XXXX-XX-XX"); break; }
        ok = shift_by(o, &b, anchor, r->unit, r->amount * r->shift, r->tod);
        break;
    case TX_SEASON:
        ok = resolve_season(r, pub, o, &b);
        break;
    case TX_DECADE:
        vnum(&b, r->year / 10, 3);
        vs(&b, "X");
        break;
    case TX_CENTURY:
        vnum(&b, r->year / 100, 2);
        vs(&b, "XX");
        break;
    case TX_QUARTER:
        ok = resolve_quarter(r, pub, o, &b);
        break;
    case TX_REF:
        vs(&b, r->amount == 1 ? "PAST_REF" : r->amount == 2 ? "PRESENT_REF" : "FUTURE_REF");
        if (r->amount == 2 && pub.year) o->date = pub;
        break;
    case TX_DURATION:
        o->kind = DYAD_TIMEX_DURATION;
        vs(&b, r->unit == U_HOUR || r->unit == U_MINUTE ? "PT" : "P");
        if (r->amount > 0) vnum(&b, r->amount, 1); else vs(&b, "X");
        vs(&b, unit_code(r->unit));
        break;
    case TX_SET:
        o->kind = DYAD_TIMEX_SET;
        if (r->wd >= 0) { vs(&b, "XXXX-WXX-"); vnum(&b, r->wd + 1, 1); break; }
        vs(&b, r->unit == U_HOUR || r->unit == U_MINUTE ? "PT" : "P");
        vnum(&b, r->amount > 0 ? r->amount : 1, 1);
        vs(&b, unit_code(r->unit));
        break;
    case TX_CLOCK:
        o->kind = DYAD_TIMEX_TIME;
        tx_clock_value(r, tx_date(0, 0, 0), o);
        break;
    }
    if (!ok) {
        /* The publication date (or anchor) is unknown or too coarse. */
        o->flags |= DYAD_TIMEX_UNRESOLVED;
        o->date = tx_date(0, 0, 0);
        b.n = 0;
        vs(&b, r->type == TX_RELUNIT && r->unit == U_WEEK ? "XXXX-WXX" : r->unit == U_MONTH ? "XXXX-XX" :
               r->unit == U_YEAR ? "XXXX" : "XXXX-XX-XX");
        if (r->tod) vs(&b, tod_code(r->tod));
    }
    if (o->date.year && pub.year && o->kind != DYAD_TIMEX_DURATION) {
        /* After the publication date at the coarser of the two granularities. */
        dyad_date x = o->date, p = pub;
        if (!x.month || !p.month) { x.month = p.month = 0; x.day = p.day = 0; }
        else if (!x.day || !p.day) x.day = p.day = 0;
        if (dyad_date_cmp(x, p) > 0) o->flags |= DYAD_TIMEX_FUTURE;
    }
}
