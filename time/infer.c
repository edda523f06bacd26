/*
 * infer.c - when was this story written?  Asked only when there is no
 * metadata, no --date and no dated dateline.
 *
 * The evidence a careful reader uses, as constraints on the day P:
 *   - dates and years the story names as past ("in 2019", "July 6, 2018"):
 *     P is on or after the latest of them;
 *   - office-holders named with their title ("Secretary of State Mike
 *     Pompeo"): P lies within their terms (offices.c); a term that
 *     contradicts the evidence gathered so far is set aside;
 *   - dated world events (landmarks.c): an event looked back on ("since
 *     Russia's full-scale invasion of Ukraine") puts P on or after it; an
 *     occasion told as under way ("Trump's latest Asia tour, with stops in
 *     Malaysia") puts P within its days or the week after, and weekdays the
 *     story names as past then fall within it;
 *   - month-days named without a year ("July 6", a dateline's "Oct. 29"):
 *     the story is written soon after them, so P is on or after their first
 *     occurrence that the constraints allow; a weekday written with one
 *     ("Thursday, July 12") must fit;
 *   - bare months as past ("In June the vote failed"): likewise, to the
 *     month.  Not in relative clauses: ", who took office in January," is
 *     background that may well precede everything else;
 *   - a weekday in the lead ("President Trump on Thursday said"): wire
 *     copy names the day of publication, so P moves to that weekday within
 *     the following week.
 * The answer is the earliest day consistent with all of it ("a story is
 * written soon after what it reports") when the story is also bounded from
 * above within about three years (an office term that ends, a year named
 * as to come, an occasion under way) or a full date named as past binds
 * it; a lower bound alone dates nothing ("elected in 1997" in a 2005
 * story).  It is reported only as precisely as the
 * binding evidence goes: a dateline or a full date: the day; a yearless
 * month-day: the month (the day too when the lead's weekday fixes it); an
 * occasion under way: the month (the day when its weekdays fix it); a
 * year, a bare month, an office term or a past world event: the year.
 * Office terms alone (no dated mention at all) give no answer: "President
 * Bush" fits eight years.  Years count only in past-tense clauses ("won in 2003", not
 * "deliveries in 2008").  The evidence string says what was used.
 */
#include "tx.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAXSPAN 16

typedef struct {
    tx_span v[MAXSPAN];
    int n;
} spanset;

typedef struct {
    uint32_t tok, ntok;
    const char *who;
    tx_span terms[8];
    int nterms;
} office_hit;

typedef struct {
    uint32_t tok, ntok;
    const char *name;
    tx_span event, written;
    int current;
} landmark_hit;

typedef struct {
    spanset f;
    office_hit hits[4];
    int nhits, conflicts;
    landmark_hit marks[4];
    int nmarks, mark_conflicts;
} infer_state;

typedef struct {
    char s[640];
    size_t n;
} evbuf;

static void ev(evbuf *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ev(evbuf *e, const char *fmt, ...)
{
    if (e->n + 1 >= sizeof e->s) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(e->s + e->n, sizeof e->s - e->n, fmt, ap);
    va_end(ap);
    if (k > 0) e->n += (size_t)k < sizeof e->s - e->n ? (size_t)k : sizeof e->s - e->n - 1;
}

/* The text of a raw item, for the evidence. */
static void ev_span(evbuf *e, const dyad_doc *d, uint32_t tok, uint32_t ntok)
{
    const dyad_token *a = &d->toks[tok], *z = &d->toks[tok + ntok - 1];
    ev(e, "\"%.*s\"", (int)(z->off + z->len - a->off), d->text + a->off);
}

static void ev_date(evbuf *e, dyad_date x)
{
    char s[11];
    dyad_date_format(x, s);
    ev(e, "%s", s);
}

/* `what` "text" -> date; */
static void ev_arrow(evbuf *e, const char *what, const dyad_doc *d, const tx_raw *r, dyad_date x)
{
    ev(e, "%s", what);
    ev_span(e, d, r->tok, r->ntok);
    ev(e, " -> ");
    ev_date(e, x);
    ev(e, "; ");
}

/* ------------------------------------------------------------ span sets */

static void intersect(const spanset *a, const tx_span *b, int nb, spanset *out)
{
    out->n = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < nb && out->n < MAXSPAN; j++) {
            long lo = a->v[i].from > b[j].from ? a->v[i].from : b[j].from;
            long hi = a->v[i].to < b[j].to ? a->v[i].to : b[j].to;
            if (lo <= hi) out->v[out->n++] = (tx_span){lo, hi};
        }
    /* keep the set sorted: the inputs are, so only the nested loops can disorder it */
    for (int i = 1; i < out->n; i++)
        for (int k = i; k > 0 && out->v[k].from < out->v[k - 1].from; k--) {
            tx_span t = out->v[k]; out->v[k] = out->v[k - 1]; out->v[k - 1] = t;
        }
}

/* The smallest day >= v inside the set, or LONG_MAX. */
static long first_in(const spanset *s, long v)
{
    for (int i = 0; i < s->n; i++) {
        if (v <= s->v[i].to) return v >= s->v[i].from ? v : s->v[i].from;
    }
    return LONG_MAX;
}

static void on_office(void *ctx, uint32_t tok, uint32_t ntok, const char *who, const tx_span *terms, int nterms)
{
    infer_state *st = ctx;
    spanset next;
    intersect(&st->f, terms, nterms, &next);
    if (!next.n) { st->conflicts++; return; }
    st->f = next;
    for (int i = 0; i < st->nhits; i++)
        if (st->hits[i].who == who) return;                 /* one line of evidence per person */
    if (st->nhits == 4) return;
    office_hit *h = &st->hits[st->nhits++];
    h->tok = tok; h->ntok = ntok; h->who = who; h->nterms = nterms < 8 ? nterms : 8;
    memcpy(h->terms, terms, (size_t)h->nterms * sizeof *terms);
}

static void on_landmark(void *ctx, uint32_t tok, uint32_t ntok, const char *name, tx_span event,
                        tx_span written, int current)
{
    infer_state *st = ctx;
    spanset next;
    intersect(&st->f, &written, 1, &next);
    if (!next.n) { st->mark_conflicts++; return; }
    st->f = next;
    if (st->nmarks == 4) return;
    st->marks[st->nmarks++] = (landmark_hit){tok, ntok, name, event, written, current};
}

/* First occurrence of month/day on or after day `from` inside f (and on
 * weekday wd when wd >= 0); LONG_MAX if none within 40 years. */
static long occurrence(const spanset *f, int month, int day, int wd, long from)
{
    dyad_date s = dyad_date_from_days(from);
    for (int y = s.year; y < s.year + 40; y++) {
        dyad_date c = tx_date(y, month, day);
        if (!dyad_date_valid(c)) continue;
        long v = tx_days(c);
        if (v < from || first_in(f, v) != v) continue;
        if (wd >= 0 && dyad_weekday(c) != wd) continue;
        return v;
    }
    return LONG_MAX;
}

enum { G_YEAR = 1, G_MONTH, G_DAY };

/* "the September 11 attacks": the date is the event's name, not news. */
static int names_landmark(const infer_state *st, const tx_raw *r)
{
    for (int i = 0; i < st->nmarks; i++)
        if (r->tok < st->marks[i].tok + st->marks[i].ntok && st->marks[i].tok < r->tok + r->ntok) return 1;
    return 0;
}

/* A yearless month or month-day named as past: what anchors a story in time
 * when only office terms give the years. */
static int yearless_mention(const tx_list *raw)
{
    for (uint32_t i = 0; i < raw->n; i++) {
        const tx_raw *r = &raw->v[i];
        if (r->type == TX_DATE && !r->year && r->month && r->tense != T_FUTURE &&
            !(r->flags & (TXF_ATTRIB | TXF_BOUND | TXF_SHIFT)))
            return 1;
    }
    return 0;
}

int tx_infer(dyad_doc *d, dyad_date md)
{
    tx_list raw = {0};
    tx_find(d, &raw);
    infer_state st;
    memset(&st, 0, sizeof st);
    st.f.n = 1;
    st.f.v[0] = (tx_span){LONG_MIN, LONG_MAX};

    /* 1. the latest year or date named as past */
    const tx_raw *explicit = NULL;
    long lo = LONG_MIN;
    int gran = G_YEAR;
    for (uint32_t i = 0; i < raw.n; i++) {
        const tx_raw *r = &raw.v[i];
        if (r->type != TX_DATE || !r->year || !(r->flags & TXF_EVIDENCE)) continue;
        dyad_date s = tx_date(r->year, r->month ? r->month : 1, r->month && r->day ? r->day : 1);
        if (!dyad_date_valid(s)) continue;
        if (tx_days(s) > lo) {
            lo = tx_days(s);
            explicit = r;
            gran = r->day ? G_DAY : r->month ? G_MONTH : G_YEAR;
        }
    }
    if (explicit) {
        tx_span from = {lo, LONG_MAX};
        spanset next;
        intersect(&st.f, &from, 1, &next);
        st.f = next;
    }
    /* 1b. the earliest year named as to come ("will hold its 2006
     *     conference", "by 2007"): the story is written before it ends */
    const tx_raw *future = NULL;
    for (uint32_t i = 0; i < raw.n; i++) {
        const tx_raw *r = &raw.v[i];
        if (r->type != TX_DATE || !r->year || r->month || r->tense != T_FUTURE) continue;
        if (!future || r->year < future->year) future = r;
    }
    if (future) {
        tx_span until = {LONG_MIN, tx_days(tx_date(future->year, 12, 31))};
        spanset next;
        intersect(&st.f, &until, 1, &next);
        if (next.n) st.f = next;
        else future = NULL;                       /* contradicts the past: a typo or a quote */
    }

    /* 2. office-holders, then dated world events (less certain: they give
     *    way to the offices when the two disagree) */
    tx_offices(d, on_office, &st);
    tx_landmarks(d, on_landmark, &st);
    if (st.f.v[0].from == LONG_MIN) return 0;       /* nothing dates the story */
    if (!explicit && !st.nmarks && !yearless_mention(&raw) && !(md.month && md.day))
        return 0;   /* only office terms: the story could be from any year of them */

    long p = st.f.v[0].from;
    if (!explicit || p != lo) gran = G_YEAR;          /* an office term binds: only the year */
    /* A year named as past bounds the story from below only: "elected in
     * 1997", "the first time since 1925" are background in a 2005 story.
     * Alone (nothing else narrows the story to a year or two) it dates
     * nothing; with a year to come it dates the story to the year before
     * that one (plans are told a year or so ahead), not to the past year. */
    long hi = st.f.v[st.f.n - 1].to;
    int year_only = gran == G_YEAR && !st.nmarks && !yearless_mention(&raw) && !(md.month && md.day);
    if (year_only && explicit && !st.nhits && !future) return 0;
    if (year_only && future) {
        if (future->year - dyad_date_from_days(p).year > 4) return 0;   /* 1970 ... 2015: no telling */
        long q = tx_days(tx_date(future->year - 1, 1, 1));
        if (q > p) p = first_in(&st.f, q);
        if (p == LONG_MAX) return 0;
    }
    /* An occasion told as under way dates the story to its month. */
    for (int i = 0; i < st.nmarks; i++)
        if (st.marks[i].current && st.marks[i].written.from == p && gran < G_MONTH) gran = G_MONTH;
    const tx_raw *binding = NULL;
    long bind_at = 0;
    int dateline_binds = 0;

    /* 3. month-days without a year, then bare months: the story follows them */
    long from = p;
    for (uint32_t i = 0; i < raw.n; i++) {
        const tx_raw *r = &raw.v[i];
        /* A relative clause is background (", who took office in January,"):
         * it may be long before the story, so it does not move P. */
        if (r->type != TX_DATE || r->year || !r->month || r->tense == T_FUTURE ||
            (r->flags & (TXF_ATTRIB | TXF_BOUND | TXF_SHIFT | TXF_SUBORD)) || names_landmark(&st, r))
            continue;
        long occ;
        if (r->day) occ = occurrence(&st.f, r->month, r->day, r->wd, from);
        else {
            dyad_date f = dyad_date_from_days(from);
            int y = r->month < f.month ? f.year + 1 : f.year;
            long start = tx_days(tx_date(y, r->month, 1));
            occ = first_in(&st.f, start > from ? start : from);
        }
        if ((occ != LONG_MAX && occ > p) || (occ == p && r->day && gran < G_MONTH)) {
            p = occ;
            binding = r;
            bind_at = occ;
            gran = r->day ? G_MONTH : G_YEAR;
        }
    }
    if (md.month && md.day) {
        long occ = occurrence(&st.f, md.month, md.day, -1, from);
        if (occ != LONG_MAX && occ >= p) { p = occ; dateline_binds = 1; gran = G_DAY; binding = NULL; }
    }
    p = first_in(&st.f, p);
    if (p == LONG_MAX) return 0;
    /* The earliest consistent day is only a lower bound.  It is the
     * answer when something also bounds the story from above within a
     * few years (an office term that ends, a year to come, an occasion
     * under way, a dateline) or a full date named as past binds it;
     * otherwise the story could be from any later year ("In June 1991 ..."
     * and "in January" in a 2005 story). */
    int under_way = 0;
    for (int i = 0; i < st.nmarks; i++) under_way |= st.marks[i].current;
    if (!dateline_binds && !under_way && !(explicit && gran == G_DAY && p == lo && !binding) &&
        (hi == LONG_MAX || hi - p > 3 * 366))
        return 0;

    /* 4. the lead's weekday */
    const tx_raw *lead = NULL;
    if (gran >= G_MONTH && !dateline_binds) {
        uint32_t first = 0;
        while (first < d->n_sents && (d->sents[first].flags & DYAD_PARA_HEADING)) first++;
        for (uint32_t i = 0; i < raw.n && raw.v[i].sent <= first; i++) {
            const tx_raw *r = &raw.v[i];
            if (r->sent != first || r->type != TX_WEEKDAY || r->shift || r->tense == T_FUTURE ||
                (r->flags & TXF_SUBORD))
                continue;
            dyad_date pd = dyad_date_from_days(p);
            long q = p + (r->wd - dyad_weekday(pd) + 7) % 7;
            if (first_in(&st.f, q) == q) { p = q; gran = G_DAY; lead = r; }
            break;
        }
    }

    /* 5. an occasion under way: weekdays the story names as past fall
     *    within it ("on Wednesday" during the tour), so P is on or after
     *    the latest of their first occurrences there */
    const tx_raw *wday = NULL;
    const landmark_hit *occasion = NULL;
    for (int i = 0; i < st.nmarks; i++)
        if (st.marks[i].current && st.marks[i].written.from <= p && p <= st.marks[i].written.to)
            occasion = &st.marks[i];
    if (occasion && gran == G_MONTH && !lead && !dateline_binds && !binding) {
        for (uint32_t i = 0; i < raw.n; i++) {
            const tx_raw *r = &raw.v[i];
            if (r->type != TX_WEEKDAY || r->shift || r->tense == T_FUTURE || (r->flags & (TXF_SUBORD | TXF_BOUND)))
                continue;
            long from = occasion->written.from;
            long q = from + (r->wd - dyad_weekday(dyad_date_from_days(from)) + 7) % 7;
            if (q > p && first_in(&st.f, q) == q) { p = q; wday = r; }
        }
        if (wday) gran = G_DAY;
    }

    dyad_date pd = dyad_date_from_days(p);
    dyad_date out = gran == G_DAY ? pd : gran == G_MONTH ? tx_date(pd.year, pd.month, 0) : tx_date(pd.year, 0, 0);

    evbuf e = {{0}, 0};
    if (explicit) {
        ev(&e, "latest date named as past ");
        ev_span(&e, d, explicit->tok, explicit->ntok);
        ev(&e, "; ");
    }
    if (future) {
        ev(&e, "earliest year named as to come ");
        ev_span(&e, d, future->tok, future->ntok);
        ev(&e, "; ");
    }
    for (int i = 0; i < st.nhits; i++) {
        const office_hit *h = &st.hits[i];
        const tx_span *t = NULL;
        for (int k = 0; k < h->nterms; k++)
            if (h->terms[k].from <= p && p <= h->terms[k].to) t = &h->terms[k];
        if (!t) continue;
        ev_span(&e, d, h->tok, h->ntok);
        ev(&e, " in office ");
        ev_date(&e, dyad_date_from_days(t->from));
        ev(&e, "..");
        if (t->to != LONG_MAX) ev_date(&e, dyad_date_from_days(t->to));
        ev(&e, "; ");
    }
    if (st.conflicts) ev(&e, "%d office mention%s set aside as contradicting; ", st.conflicts, st.conflicts > 1 ? "s" : "");
    for (int i = 0; i < st.nmarks; i++) {
        const landmark_hit *m = &st.marks[i];
        ev_span(&e, d, m->tok, m->ntok);
        ev(&e, m->current ? ": %s under way, " : ": after %s, ", m->name);
        ev_date(&e, dyad_date_from_days(m->event.from));
        if (m->event.to != m->event.from) { ev(&e, ".."); ev_date(&e, dyad_date_from_days(m->event.to)); }
        ev(&e, "; ");
    }
    if (st.mark_conflicts)
        ev(&e, "%d world event%s set aside as contradicting; ", st.mark_conflicts, st.mark_conflicts > 1 ? "s" : "");
    if (binding) {
        dyad_date b = dyad_date_from_days(bind_at);
        if (!binding->day) b.day = 0;
        ev_arrow(&e, "", d, binding, b);
    }
    if (dateline_binds) { ev(&e, "yearless dateline -> "); ev_date(&e, pd); ev(&e, "; "); }
    if (lead) ev_arrow(&e, "lead ", d, lead, pd);
    if (wday) ev_arrow(&e, "latest weekday named as past within it ", d, wday, pd);
    ev(&e, "earliest date consistent with all of it: ");
    ev_date(&e, pd);
    d->pubdate = out;
    d->pubdate_source = DYAD_PUB_INFERRED;
    d->pubdate_evidence = dyad_arena_strdup(d->arena, e.s);
    return 1;
}
