/*
 * find.c - recognise time expressions in the tokens: what was written, not
 * yet what it means.
 *
 * Each sentence is scanned left to right; at each token the patterns that
 * can start there are tried (a month name, a weekday, a number, a modifier
 * such as "last" or "every" ...) and the longest reading is kept as one
 * tx_raw item.  Recognition is by token hash (lexicon.c) and by reading
 * digits in place, so a token that is none of these costs one probe.
 *
 * Spans follow TimeML: prepositions stay outside ("in [2019]", "on
 * [Wednesday]"), modifiers that change the meaning come inside ("[last
 * week]", "[earlier this week]", "[six years ago]", "[days after]").
 *
 * finish() then records what the context says about each item: the tense
 * of its clause, whether it sits in a relative clause (", who took office
 * in June,"), modifies a noun ("the 2020 election"), is a deadline ("by
 * 2030"), and whether a reader would take it as evidence of when the story
 * was written ("in 2019" is; "by 2030" and "will ... in 2026" are not).
 */
#include "tx.h"

#include <string.h>

typedef struct {
    const dyad_doc *d;
    tx_list *out;
    dyad_arena *arena;
    const uint16_t *ent;        /* lexicon entry of every token (tx_index_all) */
    uint32_t s, b, e;           /* sentence and its tokens [b, e) */
} fx;

/* The expression starting at token i, pushed as one item; returns the tokens
 * it used, 0 if none.  ctx: a temporal modifier came just before ("early",
 * "late", "mid", "earlier"), so a bare month or year needs no preposition. */
static uint32_t match_at(fx *x, uint32_t i, int ctx);

/* ------------------------------------------------------------ tokens */

static int in_sent(const fx *x, uint32_t i) { return i >= x->b && i < x->e; }
static uint32_t fl(const fx *x, uint32_t i) { return in_sent(x, i) ? x->d->toks[i].flags : 0; }
static const tx_word *lk(const fx *x, uint32_t i) { return in_sent(x, i) ? tx_entry(x->ent[i]) : NULL; }
static int is(const fx *x, uint32_t i, int id)
{
    const tx_word *w = lk(x, i);
    return w && w->cls == TXC_WORD && w->id == id;
}
static int cls(const fx *x, uint32_t i) { const tx_word *w = lk(x, i); return w ? w->cls : TXC_NONE; }
static int val(const fx *x, uint32_t i) { const tx_word *w = lk(x, i); return w ? w->val : 0; }
static int is_comma(const fx *x, uint32_t i) { return (fl(x, i) & DYAD_TOK_COMMA) && x->d->text[x->d->toks[i].off] == ','; }
static int capital(const fx *x, uint32_t i) { return (fl(x, i) & (DYAD_TOK_CAP | DYAD_TOK_UPPER | DYAD_TOK_NOCASE)) != 0; }

/* A unit word at i: its unit, *plural set; 0 if none. */
static int unit_at(const fx *x, uint32_t i, int *plural)
{
    const tx_word *w = lk(x, i);
    if (!w || w->cls != TXC_UNIT) return 0;
    if (plural) *plural = (w->val & 16) != 0;
    return w->val & 15;
}

/* ------------------------------------------------------------ numbers */

enum { NK_NONE, NK_INT, NK_ORD, NK_DECADE, NK_CLOCK, NK_AMPM, NK_DATE, NK_RANGE };

typedef struct {
    int kind;
    long v;                     /* NK_INT / NK_ORD / NK_RANGE (first value) / NK_DECADE (first year) */
    int digits;                 /* digits of v as written */
    int h, m;                   /* clocks; NK_AMPM already on the 24-hour clock */
    int y, mo, dd;              /* NK_DATE */
} numtok;

static int digits_at(const char *s, uint32_t n, uint32_t *i, long *v)
{
    int k = 0;
    *v = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && k < 9) { *v = *v * 10 + (s[*i] - '0'); (*i)++; k++; }
    return k;
}

static int lower_is(const char *s, uint32_t n, const char *w)
{
    size_t l = strlen(w);
    if (n != l) return 0;
    for (size_t i = 0; i < l; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[i]) return 0;
    }
    return 1;
}

/* Read a number token: 2018, 20th, 1990s, '90s, 10:30, 10am, 2018-07-06,
 * 12.07.2018, 07/25/2018 (only when unambiguous), 6-8. */
static void parse_num(const char *s, uint32_t n, numtok *o)
{
    memset(o, 0, sizeof *o);
    uint32_t i = 0;
    int apos = 0;
    if (n && s[0] == '\'') { i = 1; apos = 1; }
    else if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x99) { i = 3; apos = 1; }
    long v;
    int k = digits_at(s, n, &i, &v);
    if (!k) return;
    o->v = v;
    o->digits = k;
    const char *rest = s + i;
    uint32_t rn = n - i;
    if (!rn) { o->kind = apos ? NK_NONE : NK_INT; return; }
    if (apos || (k == 4 && v % 10 == 0)) {
        if (lower_is(rest, rn, "s") && (apos ? k == 2 : 1)) {
            o->kind = NK_DECADE;
            if (apos) o->v = v >= 30 ? 1900 + v : 2000 + v;   /* '90s, '20s */
            return;
        }
        if (apos) return;
    }
    if (lower_is(rest, rn, "st") || lower_is(rest, rn, "nd") || lower_is(rest, rn, "rd") || lower_is(rest, rn, "th")) {
        o->kind = NK_ORD;
        return;
    }
    if ((lower_is(rest, rn, "am") || lower_is(rest, rn, "pm")) && v >= 1 && v <= 12) {
        o->kind = NK_AMPM;
        o->h = (int)(v % 12) + ((rest[0] | 32) == 'p' ? 12 : 0);
        return;
    }
    char sep = rest[0];
    if (sep == ':' && k <= 2) {
        long mm;
        i++;
        if (digits_at(s, n, &i, &mm) != 2 || v > 23 || mm > 59) return;
        o->h = (int)v;
        o->m = (int)mm;
        o->kind = NK_CLOCK;
        if (i < n) {
            if ((lower_is(s + i, n - i, "am") || lower_is(s + i, n - i, "pm")) && v >= 1 && v <= 12) {
                o->h = (int)(v % 12) + ((s[i] | 32) == 'p' ? 12 : 0);
                o->kind = NK_AMPM;
            } else o->kind = NK_NONE;
        }
        return;
    }
    if (sep != '-' && sep != '/' && sep != '.') return;
    long p[3] = {v, 0, 0};
    int len[3] = {k, 0, 0}, np = 1;
    while (i < n && np < 3 && s[i] == sep) {
        i++;
        len[np] = digits_at(s, n, &i, &p[np]);
        if (!len[np]) return;
        np++;
    }
    if (i != n) return;
    if (np == 2 && sep == '-' && v >= 1 && v <= 31 && p[1] >= 1 && p[1] <= 31) { o->kind = NK_RANGE; return; }
    if (np != 3) return;
    if (len[0] == 4 && sep != '.') { o->y = (int)p[0]; o->mo = (int)p[1]; o->dd = (int)p[2]; }
    else if (len[2] == 4 && sep == '.') { o->y = (int)p[2]; o->mo = (int)p[1]; o->dd = (int)p[0]; }
    else if (len[2] == 4 && sep == '/') {
        /* 07/25/2018 is American, 25/07/2018 European: read only what cannot be misread. */
        if (p[0] > 12 && p[1] <= 12) { o->dd = (int)p[0]; o->mo = (int)p[1]; }
        else if (p[1] > 12 && p[0] <= 12) { o->mo = (int)p[0]; o->dd = (int)p[1]; }
        else return;
        o->y = (int)p[2];
    } else return;
    o->kind = NK_DATE;
}

static void num_at(const fx *x, uint32_t i, numtok *o)
{
    memset(o, 0, sizeof *o);
    if (!(fl(x, i) & DYAD_TOK_NUM)) return;
    const dyad_token *t = &x->d->toks[i];
    parse_num(x->d->text + t->off, t->len, o);
}

/* A day of the month at i (6, 6th, 6-8), or 0. */
static int day_at(const fx *x, uint32_t i)
{
    numtok n;
    num_at(x, i, &n);
    if ((n.kind == NK_INT || n.kind == NK_ORD || n.kind == NK_RANGE) && n.digits <= 2 && n.v >= 1 && n.v <= 31)
        return (int)n.v;
    return 0;
}

/* A four-digit year at i, or 0. */
static int year_at(const fx *x, uint32_t i)
{
    numtok n;
    num_at(x, i, &n);
    return n.kind == NK_INT && n.digits == 4 && n.v >= 1000 && n.v <= 2199 ? (int)n.v : 0;
}

/* An amount at i: a number word or plain digits; -1 vague; 0 none. */
static int amount_at(const fx *x, uint32_t i)
{
    const tx_word *w = lk(x, i);
    if (w && w->cls == TXC_NUMBER) return w->val;
    numtok n;
    num_at(x, i, &n);
    return n.kind == NK_INT && n.v >= 1 && n.v <= 999 && n.digits <= 3 ? (int)n.v : 0;
}

/* ------------------------------------------------------------ items */

static tx_raw *push(fx *x, int type, uint32_t a, uint32_t b)
{
    tx_list *l = x->out;
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 32;
        tx_raw *v = dyad_arena_alloc(x->arena, cap * sizeof *v);
        if (l->n) memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    tx_raw *r = &l->v[l->n++];
    memset(r, 0, sizeof *r);
    r->tok = a;
    r->ntok = b - a;
    r->sent = x->s;
    r->type = (uint8_t)type;
    r->wd = -1;
    r->hour = r->minute = -1;
    return r;
}

static uint32_t simple(fx *x, int type, uint32_t a, uint32_t b, int amount, int unit)
{
    tx_raw *r = push(x, type, a, b);
    r->amount = (int16_t)amount;
    r->unit = (uint8_t)unit;
    return b - a;
}

/* ------------------------------------------------------------ patterns */

/* Month [day] [, year] at j (month token at j); fills m/d/y and returns the
 * end token, or 0 when no day or year follows. */
static uint32_t month_day_year(const fx *x, uint32_t j, int *d, int *y)
{
    *d = day_at(x, j + 1);
    *y = 0;
    if (*d) {
        uint32_t end = j + 2;
        if (is_comma(x, end) && (*y = year_at(x, end + 1))) return end + 2;
        if ((*y = year_at(x, end))) return end + 1;
        return end;
    }
    if ((*y = year_at(x, j + 1))) return j + 2;
    if (is(x, j + 1, W_OF) && (*y = year_at(x, j + 2))) return j + 3;
    return 0;
}

/* Words before a bare month or season that make it a time ("in June"). */
static int month_context(const fx *x, uint32_t p)
{
    const tx_word *w = lk(x, p);
    if (!w || w->cls != TXC_WORD) return 0;
    switch (w->id) {
    case W_IN: case W_SINCE: case W_DURING: case W_UNTIL: case W_BY: case W_FROM: case W_BEFORE:
    case W_AFTER: case W_BETWEEN: case W_THROUGH: case W_OF: case W_EVERY: case W_AROUND:
        return 1;
    case W_AND: case W_TO:
        return p > x->b && cls(x, p - 1) == TXC_MONTH;         /* "between May and June" */
    }
    return 0;
}

/* "last year", "this year", "next year" at j: the shift (-1, 0, 1) + 2, or 0. */
static int year_shift_at(const fx *x, uint32_t j)
{
    int plural;
    if (unit_at(x, j + 1, &plural) != U_YEAR || plural) return 0;
    if (is(x, j, W_LAST)) return 1;
    if (is(x, j, W_THIS)) return 2;
    if (is(x, j, W_NEXT)) return 3;
    return 0;
}

static uint32_t try_month(fx *x, uint32_t i, int ctx)
{
    const tx_word *w = lk(x, i);
    if (!capital(x, i)) return 0;                /* months are capitalised in news copy */
    int d, y;
    uint32_t end = month_day_year(x, i, &d, &y);
    /* "March last year", "June 5 this year": the year is the publication
     * year shifted, not the nearest March. */
    {
        int dd = day_at(x, i + 1);
        uint32_t j = i + 1 + (dd ? 1 : 0);
        int ys = !y && (w->need_num != 1 || dd) ? year_shift_at(x, j) : 0;
        if (ys) {
            tx_raw *r = push(x, TX_DATE, i, j + 2);
            r->month = (int8_t)w->val;
            r->day = (int8_t)dd;
            r->shift = (int8_t)(ys - 2);
            r->flags |= TXF_YEARSHIFT;
            return j + 2 - i;
        }
    }
    if (end) {
        tx_raw *r = push(x, TX_DATE, i, end);
        r->month = (int8_t)w->val;
        r->day = (int8_t)d;
        if (y) { r->year = (int16_t)y; r->flags |= TXF_YEAR; }
        return end - i;
    }
    if (w->need_num == 1) return 0;              /* "Jan" without a number is not a date */
    if (!ctx && !(i > x->b && month_context(x, i - 1))) return 0;
    tx_raw *r = push(x, TX_DATE, i, i + 1);
    r->month = (int8_t)w->val;
    return 1;
}

static uint32_t try_weekday(fx *x, uint32_t i)
{
    const tx_word *w = lk(x, i);
    if (!capital(x, i)) return 0;
    if (w->val >= 10) {                          /* "on Mondays": every Monday */
        tx_raw *r = push(x, TX_SET, i, i + 1);
        r->wd = (int8_t)(w->val - 10);
        return 1;
    }
    /* "Thursday, July 12[, 2018]": the date, and a weekday that must fit it. */
    uint32_t j = i + 1 + (is_comma(x, i + 1) ? 1 : 0);
    if (cls(x, j) == TXC_MONTH && capital(x, j)) {
        int d, y;
        uint32_t end = month_day_year(x, j, &d, &y);
        if (end && d) {
            tx_raw *r = push(x, TX_DATE, i, end);
            r->month = (int8_t)val(x, j);
            r->day = (int8_t)d;
            r->wd = (int8_t)w->val;
            if (y) { r->year = (int16_t)y; r->flags |= TXF_YEAR; }
            return end - i;
        }
    }
    int tod = cls(x, i + 1) == TXC_TOD ? val(x, i + 1) : 0;
    tx_raw *r = push(x, TX_WEEKDAY, i, i + 1 + (tod ? 1 : 0));
    r->wd = (int8_t)w->val;
    r->tod = (int8_t)tod;
    return r->ntok;
}

static uint32_t try_set_times(fx *x, uint32_t a, uint32_t j);

/* Amount tokens [a, k), value n; the unit must follow at k. */
static uint32_t try_amount(fx *x, uint32_t a, uint32_t k, int n)
{
    if (!n) return 0;
    int plural, unit = unit_at(x, k, &plural);
    if (!unit) return is(x, k, W_TIMES) ? try_set_times(x, a, k + 1) : 0;
    if ((n == 1) == plural) return 0;            /* "one days", "six day" are not durations */
    uint32_t j = k + 1;
    if (is(x, j, W_AGO)) {
        tx_raw *r = push(x, TX_AGO, a, j + 1);
        r->amount = (int16_t)n; r->unit = (uint8_t)unit; r->shift = -1;
        return j + 1 - a;
    }
    if (is(x, j, W_FROM) && is(x, j + 1, W_NOW)) {
        tx_raw *r = push(x, TX_AGO, a, j + 2);
        r->amount = (int16_t)n; r->unit = (uint8_t)unit; r->shift = 1;
        return j + 2 - a;
    }
    if (is(x, j, W_EARLIER) || is(x, j, W_LATER)) {
        tx_raw *r = push(x, TX_ANCHORED, a, j + 1);
        r->amount = (int16_t)n; r->unit = (uint8_t)unit; r->shift = is(x, j, W_LATER) ? 1 : -1;
        if (n < 0) r->flags |= TXF_RELATIVE;
        return j + 1 - a;
    }
    if (is(x, j, W_BEFORE) || is(x, j, W_AFTER)) {
        /* "days after the talks": a distance from another event, no date of its own. */
        tx_raw *r = push(x, TX_DURATION, a, j + 1);
        r->amount = (int16_t)n; r->unit = (uint8_t)unit; r->flags |= TXF_RELATIVE;
        return j + 1 - a;
    }
    return simple(x, TX_DURATION, a, k + 1, n, unit);
}

/* "once a year", "three times a week": a set; j is after once/twice/times. */
static uint32_t try_set_times(fx *x, uint32_t a, uint32_t j)
{
    int plural;
    if (!(is(x, j, W_A) || is(x, j, W_AN) || is(x, j, W_PER))) return 0;
    int unit = unit_at(x, j + 1, &plural);
    if (!unit || plural) return 0;
    return simple(x, TX_SET, a, j + 2, 1, unit);
}

static void set_year(tx_raw *r, int y) { r->year = (int16_t)y; r->flags |= TXF_YEAR; }

static uint32_t try_number(fx *x, uint32_t i, int ctx)
{
    numtok n;
    num_at(x, i, &n);
    switch (n.kind) {
    case NK_DATE: {
        tx_raw *r = push(x, TX_DATE, i, i + 1);
        set_year(r, n.y);
        r->month = (int8_t)n.mo;
        r->day = (int8_t)n.dd;
        return 1;
    }
    case NK_DECADE: {
        tx_raw *r = push(x, TX_DECADE, i, i + 1);
        r->year = (int16_t)n.v;
        return 1;
    }
    case NK_AMPM: case NK_CLOCK: {
        uint32_t end = i + 1;
        int h = n.h;
        if (n.kind == NK_CLOCK) {
            int ap = is(x, end, W_AM) ? 1 : is(x, end, W_PM) ? 2 : 0;
            if (ap && h >= 1 && h <= 12) { h = h % 12 + (ap == 2 ? 12 : 0); end++; }
            else if (!is(x, end, W_ZONE) && !(i > x->b && (is(x, i - 1, W_AT) || is(x, i - 1, W_BY) ||
                                                             is(x, i - 1, W_AROUND) || is(x, i - 1, W_UNTIL))))
                return 0;                    /* 3:1 is a score, not a time */
        }
        if (is(x, end, W_ZONE)) end++;
        else if (is(x, end, W_LOCAL) && is(x, end + 1, W_TIME)) end += 2;
        tx_raw *r = push(x, TX_CLOCK, i, end);
        r->hour = (int8_t)h;
        r->minute = (int8_t)n.m;
        return end - i;
    }
    case NK_INT: case NK_ORD: case NK_RANGE:
        break;
    default:
        return 0;
    }
    /* 10 a.m. */
    if (n.kind == NK_INT && n.v >= 1 && n.v <= 12 && n.digits <= 2 && (is(x, i + 1, W_AM) || is(x, i + 1, W_PM))) {
        uint32_t end = i + 2;
        if (is(x, end, W_ZONE)) end++;
        else if (is(x, end, W_LOCAL) && is(x, end + 1, W_TIME)) end += 2;
        tx_raw *r = push(x, TX_CLOCK, i, end);
        r->hour = (int8_t)(n.v % 12 + (is(x, i + 1, W_PM) ? 12 : 0));
        r->minute = 0;
        return end - i;
    }
    /* 1400 GMT (wire style) */
    if (n.kind == NK_INT && n.digits == 4 && n.v / 100 <= 23 && n.v % 100 <= 59 && is(x, i + 1, W_ZONE)) {
        tx_raw *r = push(x, TX_CLOCK, i, i + 2);
        r->hour = (int8_t)(n.v / 100);
        r->minute = (int8_t)(n.v % 100);
        return 2;
    }
    /* 6 July [2018], 6th of July */
    if (n.digits <= 2 && n.v >= 1 && n.v <= 31) {
        uint32_t j = i + 1 + (is(x, i + 1, W_OF) ? 1 : 0);
        if (cls(x, j) == TXC_MONTH && capital(x, j)) {
            uint32_t end = j + 1;
            int y = year_at(x, end);
            if (y) end++;
            tx_raw *r = push(x, TX_DATE, i, end);
            r->month = (int8_t)val(x, j);
            r->day = (int8_t)n.v;
            if (y) set_year(r, y);
            return end - i;
        }
    }
    if (n.kind == NK_ORD && n.v >= 1 && n.v <= 21 && unit_at(x, i + 1, NULL) == U_CENTURY) {
        tx_raw *r = push(x, TX_CENTURY, i, i + 2);                   /* the 20th century */
        r->year = (int16_t)((n.v - 1) * 100);
        return 2;
    }
    if (n.kind != NK_INT) return 0;
    int y = year_at(x, i);
    if (y) {
        /* A bare four-digit number is a year only where a year is expected. */
        const tx_word *p = i > x->b ? lk(x, i - 1) : NULL;
        int ok = ctx || (fl(x, i + 1) & DYAD_TOK_POSS) || (fl(x, i - 1) & DYAD_TOK_OPEN);
        if (p && p->cls == TXC_WORD) {
            switch (p->id) {
            case W_IN: case W_SINCE: case W_DURING: case W_FROM: case W_OF: case W_BETWEEN:
            case W_BY: case W_UNTIL: case W_BEFORE: case W_AFTER: case W_THROUGH: case W_AROUND:
            case W_THE: case W_FISCAL: case W_EARLY: case W_LATE: case W_MID:
                ok = 1;
                break;
            case W_AND: case W_TO:                   /* "between 2018 and 2019", not "and 2000 troops" */
                ok = i >= x->b + 2 && year_at(x, i - 2);
            }
        }
        if (ok && y >= 1800 && y <= 2100) {
            tx_raw *r = push(x, TX_DATE, i, i + 1);
            set_year(r, y);
            return 1;
        }
        return 0;
    }
    return try_amount(x, i, i + 1, (int)n.v <= 999 && n.digits <= 3 ? (int)n.v : 0);
}

static uint32_t try_season(fx *x, uint32_t i, int ctx)
{
    int s = val(x, i);
    int y = year_at(x, i + 1);
    uint32_t end = i + 1;
    if (y) end = i + 2;
    else if (is(x, i + 1, W_OF) && (y = year_at(x, i + 2))) end = i + 3;
    /* "in spring" and "summer 2019" are times; "the Arab Spring" is not */
    if (!y && !ctx && !(i > x->b && month_context(x, i - 1))) return 0;
    tx_raw *r = push(x, TX_SEASON, i, end);
    r->season = (int8_t)s;
    if (y) set_year(r, y);
    return end - i;
}

/* last / this / next (shift -1, 0, 1) and past / coming. */
static uint32_t try_shift(fx *x, uint32_t i, int shift, int durative)
{
    uint32_t j = i + 1;
    const tx_word *w = lk(x, j);
    if (w && w->cls == TXC_WEEKDAY && w->val < 10 && capital(x, j) && !durative) {
        int tod = cls(x, j + 1) == TXC_TOD ? val(x, j + 1) : 0;
        tx_raw *r = push(x, TX_WEEKDAY, i, j + 1 + (tod ? 1 : 0));
        r->wd = (int8_t)w->val; r->shift = (int8_t)shift; r->tod = (int8_t)tod; r->flags |= TXF_SHIFT;
        return r->ntok;
    }
    if (w && w->cls == TXC_TOD && !durative) {
        /* last night, this morning */
        if (shift > 0) return 0;
        tx_raw *r = push(x, TX_RELDAY, i, j + 1);
        r->amount = (int16_t)(shift < 0 ? -1 : 0); r->tod = (int8_t)w->val;
        return 2;
    }
    int plural, unit = unit_at(x, j, &plural);
    if (unit && !plural && unit != U_DAY && unit != U_HOUR && unit != U_MINUTE) {
        if (durative) return simple(x, TX_DURATION, i, j + 1, 1, unit);      /* past year */
        tx_raw *r = push(x, TX_RELUNIT, i, j + 1);
        r->unit = (uint8_t)unit; r->shift = (int8_t)shift; r->flags |= TXF_SHIFT;
        return 2;
    }
    int n = amount_at(x, j);
    if (n) {
        int u2 = unit_at(x, j + 1, &plural);
        if (u2 && (plural || n == 1)) return simple(x, TX_DURATION, i, j + 2, n, u2);   /* the last 10 years */
        return 0;
    }
    if (durative) return 0;
    if (w && w->cls == TXC_SEASON) {
        tx_raw *r = push(x, TX_SEASON, i, j + 1);
        r->season = (int8_t)w->val; r->shift = (int8_t)shift; r->flags |= TXF_SHIFT;
        return 2;
    }
    if (w && w->cls == TXC_MONTH && capital(x, j) && w->need_num != 1 && !day_at(x, j + 1)) {
        tx_raw *r = push(x, TX_DATE, i, j + 1);
        r->month = (int8_t)w->val; r->shift = (int8_t)shift; r->flags |= TXF_SHIFT;
        return 2;
    }
    return 0;
}

/* Extend the item a nested match just pushed so that it starts at i. */
static uint32_t extend(fx *x, uint32_t i, uint32_t n0, uint32_t used, int range)
{
    if (!used || x->out->n == n0) return 0;
    tx_raw *r = &x->out->v[x->out->n - 1];
    r->ntok += r->tok - i;
    r->tok = i;
    if (range && r->type == TX_RELUNIT && r->shift == 0) r->range = (int8_t)range;
    return used + 1;
}

/* Is the token before "the" at i a preposition of extent: over/for/within/during/in? */
static int extent_before(const fx *x, uint32_t i)
{
    return i > x->b && (is(x, i - 1, W_OVER) || is(x, i - 1, W_FOR) || is(x, i - 1, W_WITHIN) ||
                        is(x, i - 1, W_DURING) || is(x, i - 1, W_IN));
}

static uint32_t try_the(fx *x, uint32_t i)
{
    uint32_t j = i + 1;
    const tx_word *w = lk(x, j);
    if (!w) return 0;
    int plural, unit;
    if (w->cls == TXC_WORD) {
        switch (w->id) {
        case W_SAME:
            if ((unit = unit_at(x, j + 1, &plural)) && !plural && unit >= U_DAY)
                return simple(x, TX_ANCHORED, i, j + 2, 0, unit);
            return 0;
        case W_FOLLOWING: case W_NEXT: case W_PREVIOUS:
            if ((unit = unit_at(x, j + 1, &plural)) && !plural && unit >= U_DAY) {
                if (w->id == W_NEXT && extent_before(x, i)) {     /* over the next year */
                    simple(x, TX_DURATION, j, j + 2, 1, unit);
                    return 3;
                }
                tx_raw *r = push(x, TX_ANCHORED, i, j + 2);
                r->amount = 1; r->unit = (uint8_t)unit; r->shift = w->id == W_PREVIOUS ? -1 : 1;
                return 3;
            }
            if (w->id == W_NEXT) { uint32_t u = try_shift(x, j, 1, 1); return u ? u + 1 : 0; }
            return 0;
        case W_LAST: case W_PAST: {
            if (w->id == W_PAST && i > x->b && is(x, i - 1, W_IN) && !(fl(x, j + 1) & DYAD_TOK_WORD))
                return simple(x, TX_REF, i, j + 1, 1, 0);                    /* in the past */
            uint32_t u = try_shift(x, j, -1, 1);
            return u ? u + 1 : 0;
        }
        case W_COMING:
            if ((unit = unit_at(x, j + 1, &plural)) && plural) return simple(x, TX_REF, i, j + 2, 3, 0);
            { uint32_t u = try_shift(x, j, 1, 1); return u ? u + 1 : 0; }
        case W_FUTURE:
            if (i > x->b && is(x, i - 1, W_IN) && !(fl(x, j + 1) & DYAD_TOK_WORD))
                return simple(x, TX_REF, i, j + 1, 3, 0);
            return 0;
        }
        return 0;
    }
    if (w->cls == TXC_UNIT && (w->val & 15) == U_DAY && !(w->val & 16) &&
        (is(x, j + 1, W_BEFORE) || is(x, j + 1, W_AFTER))) {
        /* "the day before": the day before the anchor; "the day after the vote": relative. */
        tx_raw *r = push(x, TX_ANCHORED, i, j + 2);
        r->amount = 1; r->unit = U_DAY; r->shift = is(x, j + 1, W_AFTER) ? 1 : -1;
        if (fl(x, j + 2) & DYAD_TOK_WORD) r->flags |= TXF_RELATIVE;
        return 3;
    }
    if (w->cls == TXC_ORDINAL && (unit = unit_at(x, j + 1, &plural)) == U_QUARTER && !plural) {
        uint32_t end = j + 2;
        int y = 0;
        if (is(x, end, W_OF) && (y = year_at(x, end + 1))) end += 2;
        tx_raw *r = push(x, TX_QUARTER, j, end);
        r->amount = (int16_t)w->val;
        if (y) set_year(r, y);
        return end - i;
    }
    if (w->cls == TXC_SEASON && (extent_before(x, i) || (i > x->b && month_context(x, i - 1)) ||
                                 (is(x, j + 1, W_OF) && year_at(x, j + 2)))) {
        uint32_t u = try_season(x, j, 1);
        return u ? u + 1 : 0;
    }
    return 0;
}

static uint32_t try_word(fx *x, uint32_t i, const tx_word *w)
{
    uint32_t n0 = x->out->n;
    int plural, unit;
    switch (w->id) {
    case W_LAST: return try_shift(x, i, -1, 0);
    case W_THIS: return try_shift(x, i, 0, 0);
    case W_NEXT: return try_shift(x, i, 1, 0);
    case W_PAST: return try_shift(x, i, -1, 1);
    case W_COMING: return try_shift(x, i, 1, 1);
    case W_THE: return try_the(x, i);
    case W_EARLIER: case W_LATER:
        if (is(x, i + 1, W_THIS) || is(x, i + 1, W_LAST) || is(x, i + 1, W_NEXT) || is(x, i + 1, W_THAT) ||
            cls(x, i + 1) == TXC_RELDAY)
            return extend(x, i, n0, match_at(x, i + 1, 1), w->id == W_EARLIER ? R_BEFORE : R_AFTER);
        return 0;
    case W_EARLY: case W_LATE: case W_MID: {
        int c = cls(x, i + 1);
        if (c == TXC_MONTH || c == TXC_SEASON || c == TXC_WEEKDAY || c == TXC_RELDAY ||
            is(x, i + 1, W_THIS) || is(x, i + 1, W_LAST) || is(x, i + 1, W_NEXT) ||
            (fl(x, i + 1) & DYAD_TOK_NUM))
            return extend(x, i, n0, match_at(x, i + 1, 1), 0);
        return 0;
    }
    case W_EVERY: case W_EACH: {
        uint32_t j = i + 1;
        int n = 1, other = 0;
        if (is(x, j, W_OTHER)) { n = 2; other = 1; j++; }              /* every other month */
        else { int a = amount_at(x, j); if (a > 1) { n = a; j++; } }
        if ((unit = unit_at(x, j, &plural)) && plural == (n > 1 && !other))
            return simple(x, TX_SET, i, j + 1, n, unit);
        if (cls(x, j) == TXC_WEEKDAY && capital(x, j) && val(x, j) < 10) {
            tx_raw *r = push(x, TX_SET, i, j + 1);
            r->wd = (int8_t)val(x, j);
            return j + 1 - i;
        }
        return 0;
    }
    case W_ONCE: case W_TWICE:
        return try_set_times(x, i, i + 1);
    case W_A: case W_AN: {
        uint32_t j = i + 1;
        if (cls(x, j) == TXC_NUMBER && val(x, j) != 1) {
            uint32_t k = j + 1 + (is(x, j + 1, W_OF) ? 1 : 0);     /* a couple of days */
            return try_amount(x, i, k, val(x, j));
        }
        if ((unit = unit_at(x, j, &plural)) && !plural) {
            if (unit == U_QUARTER && is(x, j + 1, W_OF)) return 0;        /* a quarter of the votes */
            /* "100,000 barrels a day" is a rate, not a duration */
            if (i >= x->b + 2 && (amount_at(x, i - 2) || (fl(x, i - 2) & DYAD_TOK_NUM)))
                return simple(x, TX_SET, i, j + 1, 1, unit);
            return try_amount(x, i, j, 1);
        }
        return 0;
    }
    case W_THAT:
        if ((unit = unit_at(x, i + 1 + is(x, i + 1, W_SAME), &plural)) && !plural && unit >= U_DAY) {
            uint32_t end = i + 2 + is(x, i + 1, W_SAME);
            return simple(x, TX_ANCHORED, i, end, 0, unit);
        }
        if (cls(x, i + 1) == TXC_TOD) {
            tx_raw *r = push(x, TX_ANCHORED, i, i + 2);
            r->unit = U_DAY; r->tod = (int8_t)val(x, i + 1);
            return 2;
        }
        return 0;
    case W_RECENT:
        if ((unit = unit_at(x, i + 1, &plural)) && plural) return simple(x, TX_REF, i, i + 2, 1, 0);
        return 0;
    case W_NOW: return simple(x, TX_REF, i, i + 1, 2, 0);
    case W_CURRENTLY: return simple(x, TX_REF, i, i + 1, 2, 0);
    case W_RECENTLY: return simple(x, TX_REF, i, i + 1, 1, 0);
    case W_SOON:
        if ((i > x->b && is(x, i - 1, W_AS)) || is(x, i + 1, W_AFTER)) return 0;
        return simple(x, TX_REF, i, i + 1, 3, 0);
    case W_NOON: case W_MIDNIGHT:
        if (i > x->b && (is(x, i - 1, W_AT) || is(x, i - 1, W_BY) || is(x, i - 1, W_BEFORE) ||
                         is(x, i - 1, W_AFTER) || is(x, i - 1, W_UNTIL) || is(x, i - 1, W_AROUND))) {
            tx_raw *r = push(x, TX_CLOCK, i, i + 1);
            r->hour = (int8_t)(w->id == W_NOON ? 12 : 0);
            r->minute = 0;
            return 1;
        }
        return 0;
    case W_Q: {
        int y = year_at(x, i + 1);
        tx_raw *r = push(x, TX_QUARTER, i, i + 1 + (y ? 1 : 0));
        r->amount = (int16_t)w->val;
        if (y) set_year(r, y);
        return r->ntok;
    }
    case W_FISCAL: {
        int y = year_at(x, i + 1);
        if (!y) return 0;
        tx_raw *r = push(x, TX_DATE, i, i + 2);
        set_year(r, y);
        return 2;
    }
    }
    return 0;
}

/* Hyphenated tokens: six-month, 24-hour, mid-2019, mid-June, first-quarter, twenty-five. */
static uint32_t try_hyphen(fx *x, uint32_t i)
{
    const dyad_token *t = &x->d->toks[i];
    const char *s = x->d->text + t->off;
    const char *h = memchr(s, '-', t->len);
    if (!h) return 0;
    uint32_t ln = (uint32_t)(h - s), rn = t->len - ln - 1;
    const char *r = h + 1;
    const tx_word *lw = tx_lookup_str(s, ln), *rw = tx_lookup_str(r, rn);
    numtok ln_num, rn_num;
    parse_num(s, ln, &ln_num);
    parse_num(r, rn, &rn_num);
    if (lw && lw->cls == TXC_WORD && (lw->id == W_MID || lw->id == W_EARLY || lw->id == W_LATE)) {
        if (rn_num.kind == NK_INT && rn_num.digits == 4) {
            tx_raw *it = push(x, TX_DATE, i, i + 1);
            set_year(it, (int)rn_num.v);
            it->flags |= TXF_EVIDENCE;
            return 1;
        }
        if (rn_num.kind == NK_DECADE) {
            tx_raw *it = push(x, TX_DECADE, i, i + 1);
            it->year = (int16_t)rn_num.v;
            return 1;
        }
        if (rw && rw->cls == TXC_MONTH && rw->need_num != 1) {
            tx_raw *it = push(x, TX_DATE, i, i + 1);
            it->month = (int8_t)rw->val;
            return 1;
        }
        return 0;
    }
    int n = lw && lw->cls == TXC_NUMBER && lw->val > 0 ? lw->val :
            ln_num.kind == NK_INT && ln_num.v >= 1 && ln_num.v <= 999 ? (int)ln_num.v : 0;
    if (n && rw && rw->cls == TXC_UNIT && !(rw->val & 16))
        return simple(x, TX_DURATION, i, i + 1, n, rw->val & 15);             /* a six-month ban */
    if (n >= 20 && n <= 90 && rw && rw->cls == TXC_NUMBER && rw->val >= 1 && rw->val <= 9)
        return try_amount(x, i, i + 1, n + rw->val);                          /* twenty-five years */
    if (lw && lw->cls == TXC_ORDINAL && rw && rw->cls == TXC_UNIT && rw->val == U_QUARTER) {
        tx_raw *it = push(x, TX_QUARTER, i, i + 1);
        it->amount = (int16_t)lw->val;
        return 1;
    }
    return 0;
}

static uint32_t match_at(fx *x, uint32_t i, int ctx)
{
    if (!in_sent(x, i)) return 0;
    const dyad_token *t = &x->d->toks[i];
    if (t->flags & DYAD_TOK_PUNCT) return 0;
    if (t->flags & DYAD_TOK_NUM) {
        uint32_t u = try_number(x, i, ctx);
        return u ? u : (t->flags & DYAD_TOK_HYPHEN) ? try_hyphen(x, i) : 0;
    }
    const tx_word *w = tx_entry(x->ent[i]);
    if (!w) return (t->flags & DYAD_TOK_HYPHEN) ? try_hyphen(x, i) : 0;
    switch (w->cls) {
    case TXC_MONTH: return try_month(x, i, ctx);
    case TXC_WEEKDAY: return try_weekday(x, i);
    case TXC_NUMBER: return w->val > 0 ? try_amount(x, i, i + 1, w->val) :
                            (i > x->b && (is(x, i - 1, W_A) || is(x, i - 1, W_AN))) ? 0 :
                            try_amount(x, i, i + 1, -1);
    case TXC_RELDAY: {
        /* tonight is today at night; "yesterday morning" takes its part of the day */
        int tonight = w->val == 10, next_tod = !tonight && cls(x, i + 1) == TXC_TOD;
        tx_raw *r = push(x, TX_RELDAY, i, i + 1 + (uint32_t)next_tod);
        r->amount = (int16_t)(tonight ? 0 : w->val);
        r->tod = (int8_t)(tonight ? TOD_NIGHT : next_tod ? val(x, i + 1) : 0);
        return r->ntok;
    }
    case TXC_ORDINAL: {
        int plural;
        if (unit_at(x, i + 1, &plural) != U_QUARTER || plural) return 0;
        tx_raw *r = push(x, TX_QUARTER, i, i + 2);                    /* first quarter */
        r->amount = (int16_t)w->val;
        int y = is(x, i + 2, W_OF) ? year_at(x, i + 3) : 0;
        if (y) { set_year(r, y); r->ntok += 2; }
        return r->ntok;
    }
    case TXC_SEASON: return try_season(x, i, ctx);
    case TXC_SETADV: return simple(x, TX_SET, i, i + 1, 1, w->val);
    case TXC_UNIT: {
        /* A bare plural unit: "for years", "ending days of speculation", "days after". */
        if (!(w->val & 16)) return 0;
        if (i > x->b && (is(x, i - 1, W_THE) || is(x, i - 1, W_THESE) || is(x, i - 1, W_THOSE) ||
                         is(x, i - 1, W_OTHER) || (fl(x, i - 1) & DYAD_TOK_POSS)))
            return 0;
        return try_amount(x, i, i, -1);
    }
    case TXC_WORD: return try_word(x, i, w);
    }
    return 0;
}

/* ------------------------------------------------------------ context */

static void finish(fx *x, tx_raw *r)
{
    const dyad_doc *d = x->d;
    uint32_t a = r->tok, b = a + r->ntok;
    r->tense = (uint8_t)tx_tense(d, x->ent, x->s, a, b);
    for (uint32_t k = a; k > x->b; k--) {
        if (fl(x, k - 1) & (DYAD_TOK_COMMA | DYAD_TOK_DASH | DYAD_TOK_OPEN)) {
            if (is(x, k, W_WHO) || is(x, k, W_WHICH) || is(x, k, W_WHOSE) || is(x, k, W_WHOM))
                r->flags |= TXF_SUBORD;
            break;
        }
    }
    uint32_t p = a > x->b ? a - 1 : UINT32_MAX;
    const tx_word *pw = p != UINT32_MAX ? lk(x, p) : NULL;
    int pid = pw && pw->cls == TXC_WORD ? pw->id : W_NONE;
    if (pid == W_BY || pid == W_UNTIL || pid == W_BEFORE || pid == W_THROUGH || pid == W_TO)
        r->flags |= TXF_BOUND;
    if (r->type != TX_DATE || !r->year) return;
    int ev = 1;
    if (!r->month) {
        if ((pid == W_THE || (fl(x, p) & DYAD_TOK_POSS)) && (fl(x, b) & DYAD_TOK_LOWER)) r->flags |= TXF_ATTRIB;
        int first = cls(x, a) == TXC_WORD ? lk(x, a)->id : W_NONE;
        ev = pid == W_IN || pid == W_SINCE || pid == W_DURING || pid == W_FROM || pid == W_OF ||
             pid == W_AFTER || pid == W_BETWEEN || first == W_EARLY || first == W_LATE ||
             first == W_MID || first == W_FISCAL || (r->flags & TXF_EVIDENCE);
    }
    r->flags &= (uint8_t)~TXF_EVIDENCE;
    /* A bare year needs a past-tense clause to count: "deliveries in 2008" in
     * a 2005 story is a plan, written in the present. */
    int tense_ok = r->month ? r->tense != T_FUTURE : r->tense == T_PAST;
    if (ev && tense_ok && !(r->flags & (TXF_BOUND | TXF_ATTRIB))) r->flags |= TXF_EVIDENCE;
}

void tx_find(const dyad_doc *d, tx_list *out)
{
    uint16_t *ent = dyad_arena_alloc(d->arena, (d->n_toks + 1) * sizeof *ent);
    tx_index_all(d, ent);
    fx x = {d, out, d->arena, ent, 0, 0, 0};
    out->n = 0;
    for (uint32_t s = 0; s < d->n_sents; s++) {
        x.s = s;
        x.b = d->sents[s].tok;
        x.e = x.b + d->sents[s].ntok;
        for (uint32_t i = x.b; i < x.e;) {
            /* Most tokens are no word of the lexicon, no number and no
             * hyphenated compound: skip them without a call. */
            if (!ent[i] && !(d->toks[i].flags & (DYAD_TOK_NUM | DYAD_TOK_HYPHEN))) { i++; continue; }
            uint32_t n0 = out->n;
            uint32_t used = match_at(&x, i, 0);
            for (uint32_t k = n0; k < out->n; k++) finish(&x, &out->v[k]);
            i += used ? used : 1;
        }
    }
}
