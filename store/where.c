/*
 * where.c - building queries from user input without ever pasting it into
 * SQL: every value is a bound parameter, LIKE patterns have their
 * wildcards escaped, and full-text input is rewritten into quoted phrases
 * so FTS5 operators (OR, NOT, NEAR, *, ^, :, parentheses) are just words.
 */
#include "store.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void add_param(sq *q, const char *s, int is_int, long long v)
{
    if (q->n_param >= (int)(sizeof q->param / sizeof *q->param)) abort();   /* a bug, not input */
    q->param[q->n_param] = s;
    q->is_int[q->n_param] = is_int;
    q->ival[q->n_param] = v;
    q->n_param++;
}

void sq_sql(sq *q, const char *sql) { dbuf_puts(&q->sql, sql); }

void sq_text(sq *q, const char *sql, const char *s)
{
    dbuf_puts(&q->sql, sql);
    add_param(q, s, 0, 0);
}

void sq_int(sq *q, const char *sql, long long v)
{
    dbuf_puts(&q->sql, sql);
    add_param(q, NULL, 1, v);
}

void sq_text_n(sq *q, const char *sql, const char *s)
{
    dbuf_puts(&q->sql, sql);
    for (const char *p = sql; *p; p++)
        if (*p == '?') add_param(q, s, 0, 0);
}

const char *sq_keep(sq *q, char *s)
{
    if (!s) return NULL;
    if (q->n_owned >= (int)(sizeof q->owned / sizeof *q->owned)) abort();
    q->owned[q->n_owned++] = s;
    return s;
}

sqlite3_stmt *sq_prepare(sqlite3 *db, sq *q, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, q->sql.ptr ? q->sql.ptr : "", -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(db));
        return NULL;
    }
    for (int i = 0; i < q->n_param; i++) {
        if (q->is_int[i]) sqlite3_bind_int64(st, i + 1, q->ival[i]);
        else sqlite3_bind_text(st, i + 1, q->param[i] ? q->param[i] : "", -1, SQLITE_TRANSIENT);
    }
    return st;
}

void sq_free(sq *q)
{
    dbuf_free(&q->sql);
    for (int i = 0; i < q->n_owned; i++) free(q->owned[i]);
    q->n_owned = q->n_param = 0;
}

char *sq_like_escape(const char *x)
{
    size_t n = strlen(x);
    char *o = malloc(2 * n + 1), *p = o;
    if (!o) abort();
    for (size_t i = 0; i < n; i++) {
        if (x[i] == '%' || x[i] == '_' || x[i] == '\\') *p++ = '\\';
        *p++ = x[i];
    }
    *p = 0;
    return o;
}

void sq_actor(sq *q, const char *code_col, const char *name_col, const char *x)
{
    char *esc = sq_like_escape(x);
    size_t n = strlen(esc);
    char *prefix = malloc(n + 2), *word = malloc(n + 5);
    if (!prefix || !word) abort();
    snprintf(prefix, n + 2, "%s%%", esc);
    snprintf(word, n + 5, "%% %s %%", esc);
    free(esc);
    sq_keep(q, prefix);
    sq_keep(q, word);
    /* LIKE is case-insensitive for ASCII: "usa" finds USAGOV, "kim" Kim
     * Jong Un.  Padding the name with spaces makes the match whole words,
     * so "Kim" is not found inside "Kimberly". */
    dbuf_printf(&q->sql, "(%s LIKE ? ESCAPE '\\' OR ' ' || %s || ' ' LIKE ? ESCAPE '\\')", code_col, name_col);
    add_param(q, prefix, 0, 0);
    add_param(q, word, 0, 0);
}

/* The first or the last day of the period a filter date names, as stored
 * dates are written ("2019-06" -> 2019-06-01 or 2019-06-30). */
static char *period_day(const char *v, int last)
{
    dyad_date d = {0, 0, 0};
    char *out = malloc(11);
    if (!out) abort();
    dyad_date_parse(v, &d);                 /* checked by store_filter_check */
    if (last) {
        dyad_date next = d.day ? dyad_date_from_days(dyad_date_to_days(d) + 1)
                       : d.month ? (dyad_date){(int16_t)(d.year + (d.month == 12)), (int8_t)(d.month % 12 + 1), 1}
                       : (dyad_date){(int16_t)(d.year + 1), 1, 1};
        d = dyad_date_from_days(dyad_date_to_days(next) - 1);
    } else {
        if (!d.month) d.month = 1;
        if (!d.day) d.day = 1;
    }
    dyad_date_format(d, out);
    return out;
}

void sq_dates(sq *q, const char *col, const char *from, const char *to)
{
    /* Stored dates are whole days (the first of their period), so they
     * compare as text; a partial bound takes in its whole period. */
    if (from && *from) {
        dbuf_printf(&q->sql, " AND %s <> '' AND %s >= ?", col, col);
        add_param(q, sq_keep(q, period_day(from, 0)), 0, 0);
    }
    if (to && *to) {
        dbuf_printf(&q->sql, " AND %s <> '' AND %s <= ?", col, col);
        add_param(q, sq_keep(q, period_day(to, 1)), 0, 0);
    }
}

char *store_fts_query(const char *text)
{
    /* Each whitespace-separated word becomes "word" (a phrase of the
     * tokens in it, with inner double quotes doubled); phrases side by side
     * are an AND.  A word of punctuation alone matches nothing, so it
     * cannot turn the query into an error. */
    size_t n = strlen(text);
    char *o = malloc(3 * n + 3), *p = o;
    if (!o) abort();
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && isspace((unsigned char)text[i])) i++;
        if (i >= n) break;
        if (words++) *p++ = ' ';
        *p++ = '"';
        while (i < n && !isspace((unsigned char)text[i])) {
            if (text[i] == '"') *p++ = '"';
            *p++ = text[i++];
        }
        *p++ = '"';
    }
    *p = 0;
    if (!words) { free(o); return NULL; }
    return o;
}

static int check_date(const char *what, const char *v, char *err, size_t errlen)
{
    dyad_date d;
    if (!v || (strlen(v) <= 10 && !dyad_date_parse(v, &d))) return 0;
    snprintf(err, errlen, "%s: '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a real month and day)", what, v);
    return -1;
}

int store_filter_check(const store_filter *f, char *err, size_t errlen)
{
    /* An empty actor would be a prefix of every code: say so instead. */
    const char *names[] = {"--actor", "--source", "--target", "--speaker", "--plover", "--doc"};
    const char *vals[] = {f->actor, f->source, f->target, f->speaker, f->plover, f->doc};
    for (int i = 0; i < 6; i++)
        if (vals[i] && !vals[i][strspn(vals[i], " \t")]) { snprintf(err, errlen, "%s: empty", names[i]); return -1; }
    if (check_date("--from", f->from, err, errlen) || check_date("--to", f->to, err, errlen)) return -1;
    if (f->from && f->to) {
        char *a = period_day(f->from, 0), *b = period_day(f->to, 1);
        int after = strcmp(a, b) > 0;
        free(a);
        free(b);
        if (after) { snprintf(err, errlen, "--from %s is after --to %s", f->from, f->to); return -1; }
    }
    if (f->cameo) {
        size_t n = strlen(f->cameo);
        int ok = n >= 1 && n <= 4;
        for (size_t i = 0; i < n; i++) ok = ok && isdigit((unsigned char)f->cameo[i]);
        if (!ok) { snprintf(err, errlen, "--cameo: '%s' is not a CAMEO event code or prefix (digits: 04, 042, 0421)", f->cameo); return -1; }
    }
    if (f->quad && (f->quad < 1 || f->quad > 4)) { snprintf(err, errlen, "--quad: %d is not a quad class (1-4)", f->quad); return -1; }
    if (f->limit < 0) { snprintf(err, errlen, "--limit: must be 0 (all) or more"); return -1; }
    return 0;
}
