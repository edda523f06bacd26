/*
 * timeline.c - the events between two actors over time.
 *
 * For actors A and B (each a code, code prefix or entity name, as in
 * `dyad events --actor`), every non-negated dated event with A as source
 * and B as target or the other way round is counted in its period (day,
 * ISO week starting Monday, month or year): events per direction, the
 * Goldstein sum and mean, and the mix of quad classes.  Periods are
 * compared as text, so they sort as dates; a stored date is the first day
 * of its period and date_precision says which period.  Events dated only to a month
 * or a year appear in month and year timelines only (and year-dated ones
 * in year timelines only).
 *
 * In the terminal the periods are a table followed by sparklines over the
 * whole span (empty periods included, so distances in time are true).
 */
#include "store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int store_by_parse(const char *s)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i])) return i;
    return -1;
}

static const char *period_sql(int by)
{
    switch (by) {
    case BY_DAY: return "CASE WHEN date_precision = 'day' THEN date END";
    case BY_WEEK: return "CASE WHEN date_precision = 'day' THEN date(date, 'weekday 0', '-6 days') END";
    case BY_MONTH: return "CASE WHEN date_precision IN ('day', 'month') THEN substr(date, 1, 7) END";
    default: return "substr(date, 1, 4)";
    }
}

static void pair(sq *q, const char *src, const char *tgt)
{
    sq_sql(q, "(");
    sq_actor(q, "e.source_code", "e.source_name", src);
    sq_sql(q, " AND ");
    sq_actor(q, "e.target_code", "e.target_name", tgt);
    sq_sql(q, ")");
}

int store_timeline(store *s, const char *a, const char *b, int by, const char *from, const char *to,
                   timeline *tl, char *err, size_t errlen)
{
    store_filter f;
    memset(&f, 0, sizeof f);
    f.from = from;
    f.to = to;
    return store_timeline_filtered(s, a, b, by, &f, tl, err, errlen);
}

int store_timeline_filtered(store *s, const char *a, const char *b, int by, const store_filter *f,
                            timeline *tl, char *err, size_t errlen)
{
    memset(tl, 0, sizeof *tl);
    tl->a = a;
    tl->b = b;
    tl->by = by;
    sq q = {0};
    sq_sql(&q, "WITH ev AS (SELECT e.date, e.date_precision, e.goldstein, e.quad, CASE WHEN ");
    pair(&q, a, b);
    sq_sql(&q, " THEN 1 ELSE 2 END AS dir FROM events e WHERE e.date <> '' AND e.negated = 0 AND (");
    pair(&q, a, b);
    sq_sql(&q, " OR ");
    pair(&q, b, a);
    sq_sql(&q, ")");
    sq_dates(&q, "e.date", f->from, f->to);
    store_where_place(&q, f);
    dbuf_printf(&q.sql, ") SELECT %s AS period, sum(dir = 1), sum(dir = 2), total(goldstein), count(goldstein),"
                        " sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4)"
                        " FROM ev GROUP BY period HAVING period IS NOT NULL ORDER BY period", period_sql(by));
    sqlite3_stmt *st = sq_prepare(store_db(s), &q, err, errlen);
    sq_free(&q);
    if (!st) return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (tl->n == cap) {
            cap = cap ? 2 * cap : 64;
            tl_row *r = realloc(tl->rows, cap * sizeof *r);
            if (!r) abort();
            tl->rows = r;
        }
        tl_row *r = &tl->rows[tl->n++];
        memset(r, 0, sizeof *r);
        snprintf(r->period, sizeof r->period, "%s", (const char *)sqlite3_column_text(st, 0));
        r->ab = sqlite3_column_int64(st, 1);
        r->ba = sqlite3_column_int64(st, 2);
        r->gsum = sqlite3_column_double(st, 3);
        r->ngold = sqlite3_column_int64(st, 4);
        for (int k = 0; k < 4; k++) r->quad[k] = sqlite3_column_int64(st, 5 + k);
    }
    if (rc != SQLITE_DONE) snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) { timeline_free(tl); return -1; }
    return 0;
}

void timeline_free(timeline *tl)
{
    free(tl->rows);
    tl->rows = NULL;
    tl->n = 0;
}

void timeline_next(int by, const char *p, char out[11])
{
    dyad_date d = {0, 0, 0};
    dyad_date_parse(p, &d);
    if (by == BY_DAY || by == BY_WEEK) {
        dyad_date n = dyad_date_from_days(dyad_date_to_days(d) + (by == BY_DAY ? 1 : 7));
        dyad_date_format(n, out);
    } else if (by == BY_MONTH) {
        dyad_date n = {(int16_t)(d.year + (d.month == 12)), (int8_t)(d.month == 12 ? 1 : d.month + 1), 0};
        dyad_date_format(n, out);
    } else {
        dyad_date n = {(int16_t)(d.year + 1), 0, 0};
        dyad_date_format(n, out);
    }
}

tl_row *timeline_fill(const timeline *tl, size_t *n)
{
    *n = 0;
    if (!tl->n) return NULL;
    size_t cap = 64, k = 0;
    tl_row *all = malloc(cap * sizeof *all);
    if (!all) abort();
    char p[11];
    snprintf(p, sizeof p, "%s", tl->rows[0].period);
    /* Bounded: a malformed period can never loop forever. */
    for (size_t guard = 0; guard < 200000; guard++) {
        if (*n == cap) {
            cap *= 2;
            all = realloc(all, cap * sizeof *all);
            if (!all) abort();
        }
        tl_row *r = &all[(*n)++];
        if (k < tl->n && !strcmp(tl->rows[k].period, p)) *r = tl->rows[k++];
        else { memset(r, 0, sizeof *r); snprintf(r->period, sizeof r->period, "%s", p); }
        if (k >= tl->n) break;
        char next[11];
        timeline_next(tl->by, p, next);
        if (strcmp(next, p) <= 0) break;
        memcpy(p, next, sizeof p);
    }
    return all;
}

void sparkline(dbuf *b, const double *v, size_t n, int signed_scale)
{
    static const char *const bars[8] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    double max = 0;
    for (size_t i = 0; i < n; i++) if (!isnan(v[i]) && v[i] > max) max = v[i];
    for (size_t i = 0; i < n; i++) {
        /* NAN (and 0 on a count scale) is a gap: nothing happened then. */
        if (isnan(v[i]) || (!signed_scale && v[i] <= 0)) { dbuf_putc(b, ' '); continue; }
        int level = signed_scale ? (int)floor((v[i] + 10.0) / 20.0 * 8.0)
                                 : (int)ceil(v[i] / max * 8.0) - 1;
        if (level < 0) level = 0;
        if (level > 7) level = 7;
        dbuf_puts(b, bars[level]);
    }
}

static const char *by_name(int by)
{
    static const char *const n[] = {"day", "week", "month", "year"};
    return n[by >= 0 && by < 4 ? by : 2];
}

static void fmt_num(char *out, size_t cap, double v, int decimals)
{
    snprintf(out, cap, "%.*f", decimals, v);
    if (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1)) memmove(out, out + 1, strlen(out));  /* no "-0.0" */
}

/* The sparklines of the whole span; one mark per `k` periods when the
 * span is wider than a terminal line. */
static void print_sparklines(FILE *out, const timeline *tl)
{
    size_t n;
    tl_row *all = timeline_fill(tl, &n);
    if (!all) return;
    size_t width = 64, k = (n + width - 1) / width, m = (n + k - 1) / k;
    double *ab = calloc(m, sizeof *ab), *ba = calloc(m, sizeof *ba), *gm = calloc(m, sizeof *gm);
    if (!ab || !ba || !gm) abort();
    for (size_t j = 0; j < m; j++) {
        double gs = 0;
        long ng = 0;
        for (size_t i = j * k; i < n && i < (j + 1) * k; i++) {
            ab[j] += (double)all[i].ab;
            ba[j] += (double)all[i].ba;
            gs += all[i].gsum;
            ng += all[i].ngold;
        }
        gm[j] = ng ? gs / (double)ng : NAN;
    }
    char la[64], lb[64];
    snprintf(la, sizeof la, "%s→%s", tl->a, tl->b);
    snprintf(lb, sizeof lb, "%s→%s", tl->b, tl->a);
    size_t w = tab_width(la, strlen(la));
    if (w < 9) w = 9;
    dbuf b = {0};
    const char *labels[3] = {la, lb, "Goldstein"};
    double *vals[3] = {ab, ba, gm};
    fputc('\n', out);
    for (int r = 0; r < 3; r++) {
        dbuf_clear(&b);
        dbuf_puts(&b, labels[r]);
        for (size_t p = tab_width(labels[r], strlen(labels[r])); p < w + 2; p++) dbuf_putc(&b, ' ');
        dbuf_putc(&b, '|');
        sparkline(&b, vals[r], m, r == 2);
        dbuf_putc(&b, '|');
        fprintf(out, "%s\n", b.ptr);
    }
    char unit[48];
    if (k > 1) snprintf(unit, sizeof unit, "%zu %ss", k, by_name(tl->by));
    else snprintf(unit, sizeof unit, "%s", by_name(tl->by));
    fprintf(out, "%*s%s … %s, one mark per %s; Goldstein mean from ▁ -10 to █ +10\n",
            (int)w + 3, "", all[0].period, all[n - 1].period, unit);
    dbuf_free(&b);
    free(ab); free(ba); free(gm); free(all);
}

const char *const *timeline_names(int by)
{
    static const char *const names[4][TL_COLS] = {
#define TL_NAMES(p) {p, "a_to_b", "b_to_a", "events", "goldstein_sum", "goldstein_mean", \
                     "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"}
        TL_NAMES("day"), TL_NAMES("week"), TL_NAMES("month"), TL_NAMES("year"),
#undef TL_NAMES
    };
    return names[by >= 0 && by < 4 ? by : 2];
}

void timeline_row_cells(const timeline *tl, size_t i, int fmt, char v[TL_COLS][32], tab_cell c[TL_COLS])
{
    const tl_row *r = &tl->rows[i];
    snprintf(v[0], 32, "%s", r->period);
    snprintf(v[1], 32, "%ld", r->ab);
    snprintf(v[2], 32, "%ld", r->ba);
    snprintf(v[3], 32, "%ld", r->ab + r->ba);
    fmt_num(v[4], 32, r->gsum, 1);
    /* The table rounds the mean for reading; the data formats keep two places. */
    v[5][0] = 0;
    if (r->ngold) fmt_num(v[5], 32, r->gsum / (double)r->ngold, fmt == OUT_TABLE ? 1 : 2);
    for (int k = 0; k < 4; k++) snprintf(v[6 + k], 32, "%ld", r->quad[k]);
    for (int k = 0; k < TL_COLS; k++) { c[k].s = v[k]; c[k].kind = k ? CELL_NUM : CELL_TEXT; }
    if (!r->ngold) c[5].kind = CELL_NULL;
}

void timeline_print(FILE *out, int fmt, const timeline *tl)
{
    if (fmt == OUT_TABLE && !tl->n) {
        fprintf(out, "(no events between %s and %s)\n", tl->a, tl->b);
        return;
    }
    char la[64], lb[64];
    snprintf(la, sizeof la, "%s→%s", tl->a, tl->b);
    snprintf(lb, sizeof lb, "%s→%s", tl->b, tl->a);
    const char *short_names[] = {by_name(tl->by), la, lb, "events", "goldstein", "mean",
                                 "vcoop", "mcoop", "vconf", "mconf"};
    tab_out t;
    tab_begin(&t, out, fmt, TL_COLS, fmt == OUT_TABLE ? short_names : timeline_names(tl->by));
    char v[TL_COLS][32];
    tab_cell c[TL_COLS];
    long total = 0;
    for (size_t i = 0; i < tl->n; i++) {
        timeline_row_cells(tl, i, fmt, v, c);
        tab_row(&t, c);
        total += tl->rows[i].ab + tl->rows[i].ba;
    }
    tab_end(&t);
    if (fmt != OUT_TABLE) return;
    fprintf(out, "(%ld events in %zu %ss with events)\n", total, tl->n, by_name(tl->by));
    print_sparklines(out, tl);
}
