/*
 * export.c - the store's events for other tools: the dispatch, the
 * shared query of the spec formats, and dyad's own two formats.
 *
 *   jsonl   one event per line with every report nested in it (document,
 *           sentence, evidence spans, rule, confidence, own date): the
 *           lossless form; dates as stored with their precision.
 *   csv     one event per line, the columns of `dyad events --csv`;
 *           codes are text, so CAMEO 044 stays 044.
 *   gdelt   the GDELT 1.0 event table (gdelt.c).
 *   plover  PLOVER JSON records (plover.c).
 *   icews   ICEWS-style TSV, phoenix  Phoenix TSV (tsv_formats.c).
 *
 * The spec formats record what happened on a date: negated and undated
 * events are left out of them (counted, so the caller can say so).
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

int store_export_parse(const char *s)
{
    static const char *const names[] = {"jsonl", "csv", "gdelt", "plover", "icews", "phoenix", "map"};
    for (int i = 0; i < 7; i++)
        if (!strcmp(s, names[i])) return i;
    return -1;
}

int store_col(sqlite3_stmt *st, const char *name)
{
    for (int i = 0; i < sqlite3_column_count(st); i++)
        if (!strcmp(sqlite3_column_name(st, i), name)) return i;
    return -1;
}

const char *store_col_text(sqlite3_stmt *st, const char *name)
{
    int i = store_col(st, name);
    return i < 0 ? NULL : (const char *)sqlite3_column_text(st, i);
}

sqlite3_stmt *store_export_select(store *s, const char *select, const store_filter *f, char *err, size_t errlen)
{
    sq q = {0};
    sq_sql(&q, select);
    store_where_events(&q, f);
    sq_sql(&q, " ORDER BY e.id");
    if (f->limit > 0) sq_int(&q, " LIMIT ?", f->limit);
    sqlite3_stmt *st = sq_prepare(store_db(s), &q, err, errlen);
    sq_free(&q);
    return st;
}

sqlite3_stmt *store_export_events(store *s, const store_filter *f, char *err, size_t errlen)
{
    return store_export_select(s, "SELECT e.* FROM events_view e WHERE e.negated = 0 AND e.date <> ''", f, err, errlen);
}

long store_export_left_out(store *s, const store_filter *f)
{
    /* Negated or undated events the filters select. */
    sq q = {0};
    char e[64];
    sq_sql(&q, "SELECT count(*) FROM events_view e WHERE (e.negated <> 0 OR e.date = '')");
    store_where_events(&q, f);
    sqlite3_stmt *st = sq_prepare(store_db(s), &q, e, sizeof e);
    sq_free(&q);
    long n = st && sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return n;
}

/* A JSON value from a column: number, string or null as stored. */
static void value(dbuf *b, sqlite3_stmt *st, const char *name)
{
    int i = store_col(st, name);
    int ty = i < 0 ? SQLITE_NULL : sqlite3_column_type(st, i);
    if (ty == SQLITE_NULL || (ty == SQLITE_TEXT && !*sqlite3_column_text(st, i))) dbuf_puts(b, "null");
    else if (ty == SQLITE_INTEGER || ty == SQLITE_FLOAT) dbuf_puts(b, (const char *)sqlite3_column_text(st, i));
    else json_str(b, (const char *)sqlite3_column_text(st, i));
}

static void member(dbuf *b, const char *key, sqlite3_stmt *st, const char *name)
{
    json_key(b, key);
    value(b, st, name);
}

/* {"off":N,"len":N} from two columns, or null when unknown. */
static void span(dbuf *b, sqlite3_stmt *st, const char *off, const char *len)
{
    int i = store_col(st, off);
    if (i < 0 || sqlite3_column_type(st, i) == SQLITE_NULL) { dbuf_puts(b, "null"); return; }
    dbuf_putc(b, '{'); member(b, "off", st, off);
    dbuf_putc(b, ','); member(b, "len", st, len);
    dbuf_putc(b, '}');
}

static void flags_json(dbuf *b, long long fl)
{
    static const char *const names[] = {"negated", "modal", "quoted", "passive"};
    dbuf_putc(b, '[');
    int n = 0;
    for (int k = 0; k < 4; k++)
        if (fl & (1LL << k)) { if (n++) dbuf_putc(b, ','); json_str(b, names[k]); }
    dbuf_putc(b, ']');
}

/* Every report of event `id` as a JSON array. */
static int reports_json(dbuf *b, sqlite3_stmt *rep, sqlite3_int64 id, char *err, size_t errlen)
{
    sqlite3_reset(rep);
    sqlite3_bind_int64(rep, 1, id);
    dbuf_putc(b, '[');
    int n = 0, rc;
    while ((rc = sqlite3_step(rep)) == SQLITE_ROW) {
        if (n++) dbuf_putc(b, ',');
        dbuf_putc(b, '{');
        member(b, "doc", rep, "doc");
        dbuf_putc(b, ','); member(b, "url", rep, "url");
        dbuf_putc(b, ','); member(b, "title", rep, "title");
        dbuf_putc(b, ','); member(b, "source", rep, "source");
        dbuf_putc(b, ','); member(b, "date", rep, "date");
        dbuf_putc(b, ','); member(b, "date_precision", rep, "date_precision");
        dbuf_putc(b, ','); member(b, "sentence", rep, "sentence");
        dbuf_putc(b, ','); member(b, "text", rep, "text");
        dbuf_putc(b, ','); member(b, "sentence_off", rep, "sentence_off");
        dbuf_putc(b, ','); member(b, "source_text", rep, "source_text");
        dbuf_putc(b, ','); member(b, "target_text", rep, "target_text");
        /* Where the actors' words are (document byte offsets, like the
         * verb's), so a reader can highlight them in the sentence. */
        dbuf_puts(b, ",\"source_span\":"); span(b, rep, "source_off", "source_len");
        dbuf_puts(b, ",\"target_span\":"); span(b, rep, "target_off", "target_len");
        dbuf_puts(b, ",\"verb\":{");
        member(b, "off", rep, "verb_off");
        dbuf_putc(b, ','); member(b, "len", rep, "verb_len");
        dbuf_putc(b, ','); member(b, "text", rep, "verb");
        dbuf_putc(b, '}');
        dbuf_putc(b, ','); member(b, "rule", rep, "rule");
        dbuf_putc(b, ','); member(b, "confidence", rep, "confidence");
        dbuf_puts(b, ",\"flags\":");
        flags_json(b, sqlite3_column_int64(rep, store_col(rep, "flags")));
        dbuf_putc(b, '}');
    }
    dbuf_putc(b, ']');
    if (rc != SQLITE_DONE) { snprintf(err, errlen, "%s", sqlite3_errmsg(sqlite3_db_handle(rep))); return -1; }
    return 0;
}

static void jsonl_event(dbuf *b, sqlite3_stmt *st)
{
    dbuf_putc(b, '{');
    member(b, "id", st, "id");
    dbuf_putc(b, ','); member(b, "date", st, "date");
    dbuf_putc(b, ','); member(b, "date_precision", st, "date_precision");
    dbuf_puts(b, ",\"source\":{"); member(b, "code", st, "source");
    dbuf_putc(b, ','); member(b, "name", st, "source_name");
    dbuf_puts(b, "},\"target\":{"); member(b, "code", st, "target");
    dbuf_putc(b, ','); member(b, "name", st, "target_name");
    dbuf_puts(b, "},"); member(b, "cameo", st, "cameo");
    dbuf_putc(b, ','); member(b, "goldstein", st, "goldstein");
    dbuf_putc(b, ','); member(b, "quad", st, "quad");
    dbuf_puts(b, ",\"plover\":{"); member(b, "type", st, "plover");
    dbuf_putc(b, ','); member(b, "mode", st, "plover_mode");
    dbuf_puts(b, "},\"negated\":");
    dbuf_puts(b, sqlite3_column_int(st, store_col(st, "negated")) ? "true" : "false");
    dbuf_putc(b, ','); member(b, "n_reports", st, "reports");
    dbuf_putc(b, ','); member(b, "n_articles", st, "articles");
    dbuf_putc(b, ','); member(b, "n_sources", st, "sources");
    dbuf_puts(b, ",\"reports\":");
}

int store_event_json(dbuf *b, sqlite3_stmt *ev, sqlite3_stmt *rep, char *err, size_t errlen)
{
    jsonl_event(b, ev);
    if (reports_json(b, rep, sqlite3_column_int64(ev, 0), err, errlen)) return -1;
    dbuf_putc(b, '}');
    return 0;
}

int store_export(store *s, const store_filter *f, int format, FILE *out, char *err, size_t errlen)
{
    store_export_opts o = {0};
    return store_export_to(s, f, format, &o, out, err, errlen);
}

int store_export_to(store *s, const store_filter *f, int format, store_export_opts *o, FILE *out,
                    char *err, size_t errlen)
{
    o->left_out = 0;
    if (format == EXPORT_GDELT || format == EXPORT_PLOVER || format == EXPORT_ICEWS || format == EXPORT_PHOENIX) {
        if (f->limit <= 0) o->left_out = store_export_left_out(s, f);
        switch (format) {
        case EXPORT_GDELT: return store_export_gdelt(s, f, out, err, errlen);
        case EXPORT_PLOVER: return store_export_plover(s, f, out, &o->left_out, err, errlen);
        default: return store_export_tsv(s, f, format, o->data_dir, out, err, errlen);
        }
    }
    if (format == EXPORT_MAP) return store_export_map(s, f, out, err, errlen);
    sqlite3_stmt *st = store_query_events(s, f, 1, err, errlen);
    if (!st) return -1;
    if (format == EXPORT_CSV) {
        int r = tab_stmt(out, OUT_CSV, st, NULL, NULL, 0, NULL, err, errlen);
        sqlite3_finalize(st);
        return r;
    }
    sqlite3_stmt *rep = store_query_reports(s, err, errlen);
    if (!rep) { sqlite3_finalize(st); return -1; }
    dbuf b = {0};
    int rc, r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dbuf_clear(&b);
        if (store_event_json(&b, st, rep, err, errlen)) { r = -1; break; }
        dbuf_putc(&b, '\n');
        fwrite(b.ptr, 1, b.len, out);
    }
    if (!r && rc != SQLITE_DONE) { snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s))); r = -1; }
    dbuf_free(&b);
    sqlite3_finalize(rep);
    sqlite3_finalize(st);
    return r;
}
