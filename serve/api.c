/*
 * api.c - the JSON API: one request in, one response out.
 *
 *   GET  /api/info               counts and the span of dates in the store
 *   GET  /api/events             the filters of `dyad events` as parameters,
 *                                limit (50, at most 1000) and cursor paging
 *   GET  /api/events/ID          one event with every report's evidence
 *   GET  /api/quotes             the filters of `dyad quotes --db`
 *   GET  /api/actors             the most active actors
 *   GET  /api/timeline?a=&b=     per period, both directions (by, from, to, fill)
 *   GET  /api/search?q=          full-text search over documents and quotes
 *   GET  /api/export?format=     the events as jsonl, csv, gdelt or plover (streamed)
 *   GET  /api/openapi.json       the description of all of this
 *   POST /api/code               code the posted text, store nothing (--allow-code)
 *
 * Lists are objects {"events": [...], "next": CURSOR|null}; each row is
 * written by the store's JSON writer (tab_json_stmt_row), so its fields
 * are exactly those of the CLI's --json.  The cursor is opaque to clients:
 * the hex of the last row's "date.id", continuing the listing's order
 * (keyset paging: a page is as cheap deep in the listing as at its start,
 * and rows added meanwhile do not shift it).
 */
#include "serve.h"
#include "../emit/emit.h"
#include "../ingest/ingest.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void serve_error(serve_response *rs, int status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rs->status = status;
    rs->type = "application/json";
    dbuf_clear(&rs->body);
    dbuf_puts(&rs->body, "{\"error\":");
    json_str(&rs->body, msg);
    dbuf_printf(&rs->body, ",\"status\":%d}\n", status);
}

void serve_response_free(serve_response *rs)
{
    dbuf_free(&rs->body);
    free(rs->export_strings);
    rs->export_strings = NULL;
}

static void ok_json(serve_response *rs)
{
    rs->status = 200;
    rs->type = "application/json";
}

/* ---------------------------------------------------------------- parameters */

static const char *param(const serve_request *rq, const char *key)
{
    for (int i = 0; i < rq->n_params; i++)
        if (!strcmp(rq->params[i].key, key)) return rq->params[i].value ? rq->params[i].value : "";
    return NULL;
}

static int word_in(const char *list, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = list; *p;) {
        size_t k = strcspn(p, " ");
        if (k == n && !strncmp(p, w, n)) return 1;
        p += k;
        while (*p == ' ') p++;
    }
    return 0;
}

/* Every parameter known to the endpoint, none twice, none too long. */
static int check_params(const serve_request *rq, const char *allowed, serve_response *rs)
{
    size_t total = 0;
    for (int i = 0; i < rq->n_params; i++) {
        const char *k = rq->params[i].key, *v = rq->params[i].value ? rq->params[i].value : "";
        total += strlen(k) + strlen(v) + 2;
        if (strlen(v) > SERVE_MAX_PARAM || total > SERVE_MAX_PARAMS_BYTES) {
            serve_error(rs, 414, "parameters too long (at most %d bytes each, %d in all)", SERVE_MAX_PARAM,
                        SERVE_MAX_PARAMS_BYTES);
            return -1;
        }
        if (!word_in(allowed, k)) {
            serve_error(rs, 400, "unknown parameter '%.64s' (this endpoint takes: %s)", k, allowed);
            return -1;
        }
        for (int j = 0; j < i; j++)
            if (!strcmp(rq->params[j].key, k)) { serve_error(rs, 400, "parameter '%.64s' given twice", k); return -1; }
    }
    return 0;
}

static int number(const char *key, const char *v, long lo, long hi, long *out, serve_response *rs)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno || x < lo || x > hi) {
        serve_error(rs, 400, "%s: '%.64s' is not a number from %ld to %ld", key, v, lo, hi);
        return -1;
    }
    *out = x;
    return 0;
}

/* The store filter from the parameters (those the endpoint allowed);
 * limit_default when no limit is given, at most max_limit. */
static int filter_from(const serve_request *rq, store_filter *f, long limit_default, long max_limit, serve_response *rs)
{
    memset(f, 0, sizeof *f);
    f->actor = param(rq, "actor");
    f->source = param(rq, "source");
    f->target = param(rq, "target");
    f->cameo = param(rq, "cameo");
    f->plover = param(rq, "plover");
    f->from = param(rq, "from");
    f->to = param(rq, "to");
    f->doc = param(rq, "doc");
    f->speaker = param(rq, "speaker");
    f->text = param(rq, "text");
    f->country = param(rq, "country");           /* where the event happened (dyad's code) */
    long x;
    const char *v;
    if ((v = param(rq, "quad"))) { if (number("quad", v, 1, 4, &x, rs)) return -1; f->quad = (int)x; }
    f->limit = limit_default;
    if ((v = param(rq, "limit"))) { if (number("limit", v, max_limit ? 1 : 0, max_limit ? max_limit : 1000000000L, &x, rs)) return -1; f->limit = x; }
    char err[256];
    if (store_filter_check(f, err, sizeof err)) {
        /* The store names its options as the CLI does (--from); here they are parameters. */
        serve_error(rs, 400, "%s", err + (err[0] == '-' && err[1] == '-' ? 2 : 0));
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- cursors */

static void cursor_encode(dbuf *b, const char *date, long long id)
{
    char raw[64];
    int n = snprintf(raw, sizeof raw, "%s.%lld", date ? date : "", id);
    static const char hex[] = "0123456789abcdef";
    dbuf_putc(b, '"');
    for (int i = 0; i < n && i < (int)sizeof raw - 1; i++) {
        dbuf_putc(b, hex[(unsigned char)raw[i] >> 4]);
        dbuf_putc(b, hex[(unsigned char)raw[i] & 15]);
    }
    dbuf_putc(b, '"');
}

/* Decoded into date (at most 10 characters) and id; -1 when it is not a
 * cursor this server wrote. */
static int cursor_decode(const char *c, char date[11], long long *id)
{
    size_t n = strlen(c);
    char raw[40];
    if (n < 2 || n % 2 || n / 2 >= sizeof raw) return -1;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = isxdigit((unsigned char)c[2 * i]) ? c[2 * i] : -1, lo = isxdigit((unsigned char)c[2 * i + 1]) ? c[2 * i + 1] : -1;
        if (hi < 0 || lo < 0) return -1;
        hi = isdigit(hi) ? hi - '0' : tolower(hi) - 'a' + 10;
        lo = isdigit(lo) ? lo - '0' : tolower(lo) - 'a' + 10;
        raw[i] = (char)(hi * 16 + lo);
    }
    raw[n / 2] = 0;
    char *dot = strrchr(raw, '.');
    if (!dot || dot - raw > 10) return -1;
    for (char *p = raw; p < dot; p++)
        if (!isdigit((unsigned char)*p) && *p != '-') return -1;
    char *end;
    errno = 0;
    long long v = strtoll(dot + 1, &end, 10);
    if (!dot[1] || *end || errno || v < 0) return -1;
    memcpy(date, raw, (size_t)(dot - raw));
    date[dot - raw] = 0;
    *id = v;
    return 0;
}

/* ---------------------------------------------------------------- running queries */

static serve_slot *slot_get(const serve_api *a, serve_response *rs)
{
    char err[256];
    serve_slot *slot = serve_pool_get(a->pool, a->query_ms, err, sizeof err);
    if (!slot) serve_error(rs, 503, "%s", err);
    return slot;
}

/* The error of a failed query: its time ran out (503) or the store failed (500). */
static void query_failed(const serve_api *a, sqlite3 *db, const char *err, serve_response *rs)
{
    if (sqlite3_errcode(db) == SQLITE_INTERRUPT || strstr(err, "interrupt"))
        serve_error(rs, 503, "the query took longer than the server's limit (%ld ms); narrow it down", a->query_ms);
    else
        serve_error(rs, 500, "store: %s", err);
}

/* Rows of st as "KEY":[{...},...] (up to `limit` rows; 0 all); *more set
 * when a row beyond the limit exists; last_date/last_id from columns
 * "date" and "id" of the last row written when cursor is set.  -1 after
 * an error response. */
static int rows_json(const serve_api *a, sqlite3_stmt *st, const char *key, long limit, int cursor, dbuf *b,
                     int *more, char last_date[11], long long *last_id, serve_response *rs)
{
    json_key(b, key);
    dbuf_putc(b, '[');
    long n = 0;
    int rc;
    *more = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (limit && n == limit) { *more = 1; break; }
        if (n++) dbuf_putc(b, ',');
        tab_json_stmt_row(b, st);
        if (cursor) {
            /* events: id is column 0, date column 1 */
            const char *d = (const char *)sqlite3_column_text(st, 1);
            snprintf(last_date, 11, "%s", d ? d : "");
            *last_id = sqlite3_column_int64(st, 0);
        }
    }
    dbuf_putc(b, ']');
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        query_failed(a, sqlite3_db_handle(st), sqlite3_errmsg(sqlite3_db_handle(st)), rs);
        return -1;
    }
    return 0;
}

/* A prepared statement's rows as {"KEY":[...]} (lists without paging). */
static void list(const serve_api *a, serve_slot *slot, sqlite3_stmt *st, const char *err, const char *key,
                 serve_response *rs)
{
    if (!st) { query_failed(a, store_db(slot->s), err, rs); return; }
    dbuf *b = &rs->body;
    int more;
    char d[11];
    long long id;
    dbuf_putc(b, '{');
    if (!rows_json(a, st, key, 0, 0, b, &more, d, &id, rs)) {
        dbuf_puts(b, "}\n");
        ok_json(rs);
    }
    sqlite3_finalize(st);
}

#define EVENT_FILTERS "actor source target cameo plover quad from to doc country"

static void api_events(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    store_filter f;
    if (check_params(rq, EVENT_FILTERS " limit cursor", rs) || filter_from(rq, &f, 50, SERVE_MAX_LIMIT, rs)) return;
    char after[11];
    const char *c = param(rq, "cursor");
    if (c) {
        if (cursor_decode(c, after, &f.after_id)) { serve_error(rs, 400, "cursor: not a cursor of this server (use \"next\" of a page)"); return; }
        f.has_after = 1;
        f.after_date = after;
    }
    long limit = f.limit;
    f.limit = limit + 1;                        /* one more: is there a next page? */
    serve_slot *slot = slot_get(a, rs);
    if (!slot) return;
    char err[512];
    sqlite3_stmt *st = store_query_events(slot->s, &f, 1, err, sizeof err);
    if (!st) query_failed(a, store_db(slot->s), err, rs);
    else {
        dbuf *b = &rs->body;
        int more;
        char last[11] = "";
        long long last_id = 0;
        dbuf_putc(b, '{');
        if (!rows_json(a, st, "events", limit, 1, b, &more, last, &last_id, rs)) {
            dbuf_puts(b, ",\"next\":");
            if (more) cursor_encode(b, last, last_id); else dbuf_puts(b, "null");
            dbuf_puts(b, "}\n");
            ok_json(rs);
        }
        sqlite3_finalize(st);
    }
    serve_pool_put(a->pool, slot);
}

static void api_event(const serve_api *a, const serve_request *rq, const char *id_text, serve_response *rs)
{
    if (check_params(rq, "", rs)) return;
    char *end;
    errno = 0;
    long long id = strtoll(id_text, &end, 10);
    if (!*id_text || *end || errno || id < 1 || !isdigit((unsigned char)*id_text)) {
        serve_error(rs, 404, "no event '%.64s' (events are numbered from 1)", id_text);
        return;
    }
    store_filter f = {.id = id};
    serve_slot *slot = slot_get(a, rs);
    if (!slot) return;
    char err[512];
    sqlite3_stmt *st = store_query_events(slot->s, &f, 1, err, sizeof err);
    sqlite3_stmt *rep = st ? store_query_reports(slot->s, err, sizeof err) : NULL;
    if (!st || !rep) query_failed(a, store_db(slot->s), err, rs);
    else {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) serve_error(rs, 404, "no event %lld in the store", id);
        else if (rc != SQLITE_ROW) query_failed(a, store_db(slot->s), sqlite3_errmsg(store_db(slot->s)), rs);
        else if (store_event_json(&rs->body, st, rep, err, sizeof err)) query_failed(a, store_db(slot->s), err, rs);
        else { dbuf_putc(&rs->body, '\n'); ok_json(rs); }
    }
    sqlite3_finalize(rep);
    sqlite3_finalize(st);
    serve_pool_put(a->pool, slot);
}

static void api_quotes(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    store_filter f;
    if (check_params(rq, "actor speaker text from to doc limit", rs) || filter_from(rq, &f, 100, SERVE_MAX_LIMIT, rs)) return;
    serve_slot *slot = slot_get(a, rs);
    if (!slot) return;
    char err[512];
    list(a, slot, store_query_quotes(slot->s, &f, 1, err, sizeof err), err, "quotes", rs);
    serve_pool_put(a->pool, slot);
}

static void api_actors(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    store_filter f;
    if (check_params(rq, "actor from to limit", rs) || filter_from(rq, &f, 100, SERVE_MAX_LIMIT, rs)) return;
    serve_slot *slot = slot_get(a, rs);
    if (!slot) return;
    char err[512];
    list(a, slot, store_query_actors(slot->s, &f, err, sizeof err), err, "actors", rs);
    serve_pool_put(a->pool, slot);
}

static void api_search(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    store_filter f;
    if (check_params(rq, "q limit", rs) || filter_from(rq, &f, 50, SERVE_MAX_LIMIT, rs)) return;
    const char *q = param(rq, "q");
    char *fts = q ? store_fts_query(q) : NULL;
    if (!fts) { serve_error(rs, 400, "q: what to search for? (words)"); return; }
    free(fts);
    serve_slot *slot = slot_get(a, rs);
    if (!slot) return;
    char err[512];
    list(a, slot, store_query_search(slot->s, q, f.limit, err, sizeof err), err, "results", rs);
    serve_pool_put(a->pool, slot);
}

static void api_info(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    if (check_params(rq, "", rs)) return;
    serve_slot *slot = slot_get(a, rs);
    if (!slot) return;
    char err[512];
    sqlite3_stmt *st = store_query_info(slot->s, err, sizeof err);
    if (!st) query_failed(a, store_db(slot->s), err, rs);
    else {
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) query_failed(a, store_db(slot->s), sqlite3_errmsg(store_db(slot->s)), rs);
        else {
            tab_json_stmt_row(&rs->body, st);
            rs->body.len--;                         /* reopen the object */
            dbuf_printf(&rs->body, ",\"version\":\"%s\",\"allow_code\":%s}\n", DYAD_VERSION, a->model ? "true" : "false");
            ok_json(rs);
        }
        sqlite3_finalize(st);
    }
    serve_pool_put(a->pool, slot);
}

static void api_timeline(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    store_filter f;
    if (check_params(rq, "a b by from to fill country", rs) || filter_from(rq, &f, 0, 0, rs)) return;
    const char *pa = param(rq, "a"), *pb = param(rq, "b"), *by_s = param(rq, "by"), *fill_s = param(rq, "fill");
    if (!pa || !pb || !pa[strspn(pa, " \t")] || !pb[strspn(pb, " \t")]) {
        serve_error(rs, 400, "a and b: the two actors, e.g. a=USA&b=PRK");
        return;
    }
    int by = store_by_parse(by_s ? by_s : "month");
    if (by < 0) { serve_error(rs, 400, "by: '%.32s': day, week, month or year", by_s); return; }
    long fill = 0;
    if (fill_s && number("fill", fill_s, 0, 1, &fill, rs)) return;
    serve_slot *slot = slot_get(a, rs);
    if (!slot) return;
    char err[512];
    timeline tl;
    if (store_timeline_filtered(slot->s, pa, pb, by, &f, &tl, err, sizeof err)) {
        query_failed(a, store_db(slot->s), err, rs);
        serve_pool_put(a->pool, slot);
        return;
    }
    serve_pool_put(a->pool, slot);
    /* fill: every period of the span, the empty ones too (for a chart,
     * whose distances in time should be true). */
    timeline shown = tl;
    tl_row *all = NULL;
    if (fill) { all = timeline_fill(&tl, &shown.n); shown.rows = all; }
    dbuf *b = &rs->body;
    dbuf_puts(b, "{\"a\":");
    json_str(b, pa);
    dbuf_puts(b, ",\"b\":");
    json_str(b, pb);
    dbuf_puts(b, ",\"by\":");
    json_str(b, timeline_names(by)[0]);
    dbuf_puts(b, ",\"periods\":[");
    char v[TL_COLS][32];
    tab_cell c[TL_COLS];
    for (size_t i = 0; i < shown.n; i++) {
        if (i) dbuf_putc(b, ',');
        timeline_row_cells(&shown, i, OUT_JSON, v, c);
        tab_json_cells(b, TL_COLS, timeline_names(by), c);
    }
    dbuf_puts(b, "]}\n");
    ok_json(rs);
    free(all);
    timeline_free(&tl);
}

static void api_export(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    (void)a;
    store_filter f;
    if (check_params(rq, EVENT_FILTERS " limit format", rs) || filter_from(rq, &f, 0, 0, rs)) return;
    const char *fmt = param(rq, "format");
    int format = store_export_parse(fmt ? fmt : "jsonl");
    if (format < 0) { serve_error(rs, 400, "format: '%.32s': jsonl, csv, gdelt or plover", fmt); return; }
    /* The stream outlives this call: the filter's strings are copied. */
    const char **fields[] = {&f.actor, &f.source, &f.target, &f.cameo, &f.plover, &f.from, &f.to, &f.doc};
    size_t n = 0, k = sizeof fields / sizeof *fields;
    for (size_t i = 0; i < k; i++) if (*fields[i]) n += strlen(*fields[i]) + 1;
    char *p = rs->export_strings = malloc(n + 1);
    if (!p) { serve_error(rs, 500, "out of memory"); return; }
    for (size_t i = 0; i < k; i++) {
        if (!*fields[i]) continue;
        size_t len = strlen(*fields[i]) + 1;
        memcpy(p, *fields[i], len);
        *fields[i] = p;
        p += len;
    }
    static const char *const types[] = {"application/x-ndjson", "text/csv; charset=utf-8",
                                        "text/tab-separated-values; charset=utf-8", "application/x-ndjson"};
    static const char *const files[] = {"attachment; filename=\"dyad-events.jsonl\"", "attachment; filename=\"dyad-events.csv\"",
                                        "attachment; filename=\"dyad-events.gdelt.tsv\"", "attachment; filename=\"dyad-events.plover.jsonl\""};
    rs->export_format = format;
    rs->export_filter = f;
    rs->status = 200;
    rs->type = types[format];
    rs->disposition = files[format];
}

static void api_code(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    if (!a->model) { serve_error(rs, 403, "coding is off: start the server with 'dyad serve --allow-code'"); return; }
    if (check_params(rq, "date", rs)) return;
    dyad_options opt = {0};
    const char *date = param(rq, "date");
    if (date && (dyad_date_parse(date, &opt.date) || !opt.date.day)) {
        serve_error(rs, 400, "date: '%.32s' is not a date (YYYY-MM-DD)", date);
        return;
    }
    if (!rq->body_len) { serve_error(rs, 400, "no text: post the article as text/plain, or one JSON object (application/json)"); return; }
    dyad_doc *d = dyad_doc_new();
    const char *ct = rq->content_type ? rq->content_type : "";
    if (!strncmp(ct, "application/json", 16) || !strncmp(ct, "application/x-ndjson", 20)) {
        char err[512];
        if (ingest_json_record(rq->body, rq->body_len, d, err, sizeof err)) {
            serve_error(rs, 400, "body: %s", err);
            dyad_doc_free(d);
            return;
        }
    } else
        ingest_plain_text(rq->body, rq->body_len, d);
    d->origin = "POST /api/code";
    dyad_doc_ensure_id(d);
    dyad_process(a->model, d, &opt);
    emit_doc_json(&rs->body, d, EMIT_TIME | EMIT_ACTORS | EMIT_QUOTES | EMIT_EVENTS | EMIT_WARNINGS);
    dbuf_putc(&rs->body, '\n');
    ok_json(rs);
    dyad_doc_free(d);
}

/* ---------------------------------------------------------------- routing */

void serve_handle(const serve_api *a, const serve_request *rq, serve_response *rs)
{
    memset(rs, 0, sizeof *rs);
    rs->export_format = -1;
    const char *p = rq->path ? rq->path : "";
    int get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
    if (!strcmp(p, "/api/code")) {
        if (strcmp(rq->method, "POST")) { rs->allow = "POST"; serve_error(rs, 405, "/api/code takes POST"); return; }
        api_code(a, rq, rs);
        return;
    }
    if (!get) { rs->allow = "GET, HEAD"; serve_error(rs, 405, "%.16s: only GET and HEAD here", rq->method); return; }
    if (strncmp(p, "/api/", 5) && strcmp(p, "/api")) { serve_static(a->web_dir, p, rs); return; }
    if (!strcmp(p, "/api/openapi.json")) { serve_static(a->web_dir, "/openapi.json", rs); return; }
    if (!strcmp(p, "/api/info")) api_info(a, rq, rs);
    else if (!strcmp(p, "/api/events")) api_events(a, rq, rs);
    else if (!strncmp(p, "/api/events/", 12)) api_event(a, rq, p + 12, rs);
    else if (!strcmp(p, "/api/quotes")) api_quotes(a, rq, rs);
    else if (!strcmp(p, "/api/actors")) api_actors(a, rq, rs);
    else if (!strcmp(p, "/api/timeline")) api_timeline(a, rq, rs);
    else if (!strcmp(p, "/api/search")) api_search(a, rq, rs);
    else if (!strcmp(p, "/api/export")) api_export(a, rq, rs);
    else serve_error(rs, 404, "no endpoint %.200s (see /api/openapi.json)", p);
}
