/*
 * offices.c - office-holders' terms: "Secretary of State Mike Pompeo" was
 * only written so between 2018-04-26 and 2021-01-20.
 *
 * A reader who sees a person named with a current title knows roughly when
 * the story was written; the publication-date inference (infer.c) uses it
 * when metadata, --date and dateline are all missing.  The table is small on
 * purpose: heads of state and government and foreign ministers that world
 * news names most, with terms taken from the public record.  A mention
 * counts only with its title right before the name and no "former",
 * "then", "late", "ex" or "vice" before the title ("former President
 * Obama" says nothing about today).
 *
 * The actors stage has richer, dated role lexicons, but it runs after the
 * publication date is set (it needs the date to pick roles), so this stage
 * keeps its own short list.
 */
#include "tx.h"
#include "../core/core.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum role { R_PRESIDENT = 1, R_SECSTATE, R_PM, R_CHANCELLOR, R_LEADER, R_UNSG };

typedef struct {
    const char *full, *shortname;   /* as written in news; shortname: how a title + name reads */
    uint8_t role;
    const char *terms;              /* "from..to,from.." (to empty: in office) */
} office;

static const office table[] = {
    /* United States */
    {"Ronald Reagan", "Reagan", R_PRESIDENT, "1981-01-20..1989-01-20"},
    {"George H. W. Bush", "Bush", R_PRESIDENT, "1989-01-20..1993-01-20"},
    {"Bill Clinton", "Clinton", R_PRESIDENT, "1993-01-20..2001-01-20"},
    {"George W. Bush", "Bush", R_PRESIDENT, "2001-01-20..2009-01-20"},
    {"Barack Obama", "Obama", R_PRESIDENT, "2009-01-20..2017-01-20"},
    {"Donald Trump", "Trump", R_PRESIDENT, "2017-01-20..2021-01-20,2025-01-20.."},
    {"Joe Biden", "Biden", R_PRESIDENT, "2021-01-20..2025-01-20"},
    {"Colin Powell", "Powell", R_SECSTATE, "2001-01-20..2005-01-26"},
    {"Condoleezza Rice", "Rice", R_SECSTATE, "2005-01-26..2009-01-20"},
    {"Hillary Clinton", "Clinton", R_SECSTATE, "2009-01-21..2013-02-01"},
    {"John Kerry", "Kerry", R_SECSTATE, "2013-02-01..2017-01-20"},
    {"Rex Tillerson", "Tillerson", R_SECSTATE, "2017-02-01..2018-03-31"},
    {"Mike Pompeo", "Pompeo", R_SECSTATE, "2018-04-26..2021-01-20"},
    {"Antony Blinken", "Blinken", R_SECSTATE, "2021-01-26..2025-01-20"},
    {"Marco Rubio", "Rubio", R_SECSTATE, "2025-01-21.."},
    /* Korea */
    {"Lee Myung-bak", "Lee", R_PRESIDENT, "2008-02-25..2013-02-25"},
    {"Park Geun-hye", "Park", R_PRESIDENT, "2013-02-25..2017-03-10"},
    {"Moon Jae-in", "Moon", R_PRESIDENT, "2017-05-10..2022-05-10"},
    {"Yoon Suk Yeol", "Yoon", R_PRESIDENT, "2022-05-10..2025-04-04"},
    {"Lee Jae Myung", "Lee", R_PRESIDENT, "2025-06-04.."},
    {"Lee Jae-myung", "Lee", R_PRESIDENT, "2025-06-04.."},
    {"Kim Jong Il", "Kim", R_LEADER, "1994-07-08..2011-12-17"},
    {"Kim Jong Un", "Kim", R_LEADER, "2011-12-17.."},
    /* United Kingdom */
    {"Tony Blair", "Blair", R_PM, "1997-05-02..2007-06-27"},
    {"Gordon Brown", "Brown", R_PM, "2007-06-27..2010-05-11"},
    {"David Cameron", "Cameron", R_PM, "2010-05-11..2016-07-13"},
    {"Theresa May", "May", R_PM, "2016-07-13..2019-07-24"},
    {"Boris Johnson", "Johnson", R_PM, "2019-07-24..2022-09-06"},
    {"Liz Truss", "Truss", R_PM, "2022-09-06..2022-10-25"},
    {"Rishi Sunak", "Sunak", R_PM, "2022-10-25..2024-07-05"},
    {"Keir Starmer", "Starmer", R_PM, "2024-07-05.."},
    /* Germany, France */
    {"Gerhard Schroeder", "Schroeder", R_CHANCELLOR, "1998-10-27..2005-11-22"},
    {"Angela Merkel", "Merkel", R_CHANCELLOR, "2005-11-22..2021-12-08"},
    {"Olaf Scholz", "Scholz", R_CHANCELLOR, "2021-12-08..2025-05-06"},
    {"Friedrich Merz", "Merz", R_CHANCELLOR, "2025-05-06.."},
    {"Jacques Chirac", "Chirac", R_PRESIDENT, "1995-05-17..2007-05-16"},
    {"Nicolas Sarkozy", "Sarkozy", R_PRESIDENT, "2007-05-16..2012-05-15"},
    {"Francois Hollande", "Hollande", R_PRESIDENT, "2012-05-15..2017-05-14"},
    {"Emmanuel Macron", "Macron", R_PRESIDENT, "2017-05-14.."},
    /* Japan */
    {"Shinzo Abe", "Abe", R_PM, "2006-09-26..2007-09-26,2012-12-26..2020-09-16"},
    {"Yoshihide Suga", "Suga", R_PM, "2020-09-16..2021-10-04"},
    {"Fumio Kishida", "Kishida", R_PM, "2021-10-04..2024-10-01"},
    {"Shigeru Ishiba", "Ishiba", R_PM, "2024-10-01..2025-10-21"},
    {"Sanae Takaichi", "Takaichi", R_PM, "2025-10-21.."},
    /* China, Russia, Ukraine, India, Israel, Canada */
    {"Hu Jintao", "Hu", R_PRESIDENT, "2003-03-15..2013-03-14"},
    {"Xi Jinping", "Xi", R_PRESIDENT, "2013-03-14.."},
    {"Vladimir Putin", "Putin", R_PRESIDENT, "2000-05-07..2008-05-07,2012-05-07.."},
    {"Vladimir Putin", "Putin", R_PM, "1999-08-16..2000-05-07,2008-05-08..2012-05-07"},
    {"Dmitry Medvedev", "Medvedev", R_PRESIDENT, "2008-05-07..2012-05-07"},
    {"Petro Poroshenko", "Poroshenko", R_PRESIDENT, "2014-06-07..2019-05-20"},
    {"Volodymyr Zelenskiy", "Zelenskiy", R_PRESIDENT, "2019-05-20.."},
    {"Volodymyr Zelensky", "Zelensky", R_PRESIDENT, "2019-05-20.."},
    {"Manmohan Singh", "Singh", R_PM, "2004-05-22..2014-05-26"},
    {"Narendra Modi", "Modi", R_PM, "2014-05-26.."},
    {"Benjamin Netanyahu", "Netanyahu", R_PM, "1996-06-18..1999-07-06,2009-03-31..2021-06-13,2022-12-29.."},
    {"Naftali Bennett", "Bennett", R_PM, "2021-06-13..2022-06-30"},
    {"Stephen Harper", "Harper", R_PM, "2006-02-06..2015-11-04"},
    {"Justin Trudeau", "Trudeau", R_PM, "2015-11-04..2025-03-14"},
    {"Mark Carney", "Carney", R_PM, "2025-03-14.."},
    /* United Nations */
    {"Kofi Annan", "Annan", R_UNSG, "1997-01-01..2006-12-31"},
    {"Ban Ki-moon", "Ban", R_UNSG, "2007-01-01..2016-12-31"},
    {"Antonio Guterres", "Guterres", R_UNSG, "2017-01-01.."},
};

#define NOFF (sizeof table / sizeof *table)
#define MAXW 4
#define MAXT 3

typedef struct {
    uint32_t full[MAXW], shrt[MAXW];
    uint8_t nfull, nshort;
    tx_span terms[MAXT];
    uint8_t nterms;
} compiled;

static compiled comp[NOFF];
/* Hashes of every name's last word: most capitalised tokens are not one. */
#define NLAST 512u
static uint32_t last_word[NLAST];
static uint32_t h_president, h_pres, h_secretary, h_of, h_state, h_prime, h_minister, h_premier,
    h_chancellor, h_leader, h_secgen, h_general, h_former, h_then, h_late, h_ex, h_vice, h_acting;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint32_t hs(const char *s) { return hash_folded(s, strlen(s)); }

static uint8_t words(const char *s, uint32_t *out)
{
    uint8_t n = 0;
    while (*s && n < MAXW) {
        while (*s == ' ') s++;
        const char *b = s;
        while (*s && *s != ' ') s++;
        if (s > b) out[n++] = hash_folded(b, (size_t)(s - b));
    }
    return n;
}

static long parse_day(const char *s)
{
    dyad_date d = tx_date(atoi(s), atoi(s + 5), atoi(s + 8));
    return tx_days(d);
}

static void build(void)
{
    for (size_t i = 0; i < NOFF; i++) {
        compiled *c = &comp[i];
        c->nfull = words(table[i].full, c->full);
        c->nshort = words(table[i].shortname, c->shrt);
        uint32_t ends[2] = {c->full[c->nfull - 1], c->shrt[c->nshort - 1]};
        for (int k = 0; k < 2; k++) {
            uint32_t j = ends[k] & (NLAST - 1);
            while (last_word[j] && last_word[j] != ends[k]) j = (j + 1) & (NLAST - 1);
            last_word[j] = ends[k];
        }
        for (const char *t = table[i].terms; *t && c->nterms < MAXT;) {
            tx_span *sp = &c->terms[c->nterms++];
            sp->from = parse_day(t);
            t += 12;                                   /* "YYYY-MM-DD.." */
            if (*t >= '0' && *t <= '9') { sp->to = parse_day(t); t += 10; }
            else sp->to = LONG_MAX;
            if (*t == ',') t++;
        }
    }
    h_president = hs("president"); h_pres = hs("pres."); h_secretary = hs("secretary");
    h_of = hs("of"); h_state = hs("state"); h_prime = hs("prime"); h_minister = hs("minister");
    h_premier = hs("premier"); h_chancellor = hs("chancellor"); h_leader = hs("leader");
    h_secgen = hs("secretary-general"); h_general = hs("general"); h_former = hs("former");
    h_then = hs("then"); h_late = hs("late"); h_ex = hs("ex"); h_vice = hs("vice");
    h_acting = hs("acting");
}

static uint32_t H(const dyad_doc *d, uint32_t i) { return d->toks[i].hash; }

static int maybe_name_end(uint32_t h)
{
    for (uint32_t j = h & (NLAST - 1); last_word[j]; j = (j + 1) & (NLAST - 1))
        if (last_word[j] == h) return 1;
    return 0;
}

/* Does the name (hashes w[0..n)) end at token `end`?  Sets *start. */
static int name_ends(const dyad_doc *d, uint32_t lo, uint32_t end, const uint32_t *w, int n, uint32_t *start)
{
    if (end + 1 < lo + (uint32_t)n) return 0;
    for (int k = 0; k < n; k++)
        if (H(d, end - (uint32_t)k) != w[n - 1 - k]) return 0;
    *start = end + 1 - (uint32_t)n;
    return 1;
}

/* The title right before token `s`: its first token, or UINT32_MAX. */
static uint32_t title_before(const dyad_doc *d, uint32_t lo, uint32_t s, int role)
{
    if (s < lo + 1) return UINT32_MAX;
    uint32_t p = H(d, s - 1);
    switch (role) {
    case R_PRESIDENT: return p == h_president || p == h_pres ? s - 1 : UINT32_MAX;
    case R_CHANCELLOR: return p == h_chancellor ? s - 1 : UINT32_MAX;
    case R_LEADER: return p == h_leader ? s - 1 : UINT32_MAX;
    case R_PM:
        if (p == h_premier) return s - 1;
        return p == h_minister && s >= lo + 2 && H(d, s - 2) == h_prime ? s - 2 : UINT32_MAX;
    case R_SECSTATE:
        return p == h_state && s >= lo + 3 && H(d, s - 2) == h_of && H(d, s - 3) == h_secretary ? s - 3 : UINT32_MAX;
    case R_UNSG:
        if (p == h_secgen) return s - 1;
        return p == h_general && s >= lo + 2 && H(d, s - 2) == h_secretary ? s - 2 : UINT32_MAX;
    }
    return UINT32_MAX;
}

/* "former President", "then-President", "the late Prime Minister", "Vice President". */
static int qualified(const dyad_doc *d, uint32_t lo, uint32_t t)
{
    if (t < lo + 1) return 0;
    uint32_t h = H(d, t - 1);
    if (h == h_former || h == h_then || h == h_late || h == h_ex || h == h_vice || h == h_acting) return 1;
    /* then – President */
    return (d->toks[t - 1].flags & DYAD_TOK_DASH) && t >= lo + 2 && (H(d, t - 2) == h_then || H(d, t - 2) == h_ex);
}

void tx_offices(const dyad_doc *d, tx_office_fn fn, void *ctx)
{
    pthread_once(&once, build);
    for (uint32_t s = 0; s < d->n_sents; s++) {
        uint32_t lo = d->sents[s].tok, hi = lo + d->sents[s].ntok;
        for (uint32_t i = lo; i < hi; i++) {
            if (!(d->toks[i].flags & DYAD_TOK_CAP) || !maybe_name_end(H(d, i))) continue;
            /* All entries a mention fits ("President Bush": both Bushes) make one union. */
            tx_span spans[8];
            int n = 0;
            uint32_t title = UINT32_MAX;
            const char *who = NULL;
            int name_goes_on = i + 1 < hi && (d->toks[i + 1].flags & DYAD_TOK_CAP) &&
                               (d->toks[i + 1].flags & DYAD_TOK_WORD);
            for (size_t k = 0; k < NOFF; k++) {
                const compiled *c = &comp[k];
                uint32_t start;
                if (!name_ends(d, lo, i, c->full, c->nfull, &start) &&
                    (name_goes_on || !name_ends(d, lo, i, c->shrt, c->nshort, &start)))
                    continue;
                uint32_t t = title_before(d, lo, start, table[k].role);
                if (t == UINT32_MAX || qualified(d, lo, t)) continue;
                if (title != UINT32_MAX && t != title) continue;
                title = t;
                who = who ? who : table[k].full;
                for (int j = 0; j < c->nterms && n < 8; j++) spans[n++] = c->terms[j];
            }
            if (n) fn(ctx, title, i + 1 - title, who, spans, n);
        }
    }
}
