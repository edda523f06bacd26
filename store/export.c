/*
 * export.c - the store's events for other tools.
 *
 *   jsonl   one event per line with every report nested in it (document,
 *           sentence, evidence spans, rule, confidence, own date): the
 *           lossless form.
 *   csv     one event per line, the columns of `dyad events --csv`.
 *   gdelt   the GDELT 1.0 event table (gdelt.c).
 *   plover  PLOVER JSON records, one per line, with the field names of the
 *           PLOVER specification (id, date, source, recipient, event, mode,
 *           context, quad_code, event_scale, event_text, text, cite_info,
 *           coder, coded_date).  CAMEO 01 and 02 have no PLOVER category and
 *           negated events did not happen, so neither is exported.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

int store_export_parse(const char *s)
{
    static const char *const names[] = {"jsonl", "csv", "gdelt", "plover"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i])) return i;
    return -1;
}

/* Column index by name in a statement's result, -1 if absent. */
static int col(sqlite3_stmt *st, const char *name)
{
    for (int i = 0; i < sqlite3_column_count(st); i++)
        if (!strcmp(sqlite3_column_name(st, i), name)) return i;
    return -1;
}

static const char *text(sqlite3_stmt *st, const char *name)
{
    int i = col(st, name);
    return i < 0 ? NULL : (const char *)sqlite3_column_text(st, i);
}

/* A JSON value from a column: number, string or null as stored. */
static void value(dbuf *b, sqlite3_stmt *st, const char *name)
{
    int i = col(st, name);
    int ty = i < 0 ? SQLITE_NULL : sqlite3_column_type(st, i);
    if (ty == SQLITE_NULL) dbuf_puts(b, "null");
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
    int i = col(st, off);
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
static int reports_json(dbuf *b, sqlite3_stmt *rep, sqlite3_int64 id, int plover, char *err, size_t errlen)
{
    sqlite3_reset(rep);
    sqlite3_bind_int64(rep, 1, id);
    dbuf_putc(b, '[');
    int n = 0, rc;
    while ((rc = sqlite3_step(rep)) == SQLITE_ROW) {
        if (n++) dbuf_putc(b, ',');
        if (plover) { value(b, rep, "doc"); continue; }
        dbuf_putc(b, '{');
        member(b, "doc", rep, "doc");
        dbuf_putc(b, ','); member(b, "url", rep, "url");
        dbuf_putc(b, ','); member(b, "title", rep, "title");
        dbuf_putc(b, ','); member(b, "source", rep, "source");
        dbuf_putc(b, ','); member(b, "date", rep, "date");
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
        flags_json(b, sqlite3_column_int64(rep, col(rep, "flags")));
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
    dbuf_puts(b, sqlite3_column_int(st, col(st, "negated")) ? "true" : "false");
    dbuf_putc(b, ','); member(b, "n_reports", st, "reports");
    dbuf_putc(b, ','); member(b, "n_articles", st, "articles");
    dbuf_putc(b, ','); member(b, "n_sources", st, "sources");
    dbuf_puts(b, ",\"reports\":");
}

/* One PLOVER actor object list: [] when the event has no such actor. */
static void plover_actor(dbuf *b, const char *code, const char *name)
{
    if (!code || !*code) { dbuf_puts(b, "[]"); return; }
    cameo_actor_parts p;
    cameo_actor_split(code, &p);
    dbuf_puts(b, "[{\"code\":");
    json_str(b, p.country[0] ? p.country : p.group[0] ? p.group : p.type[0]);
    dbuf_puts(b, ",\"sector\":");
    char sector[16] = "";
    for (int k = 0; k < 3 && p.type[k][0]; k++) strcat(sector, p.type[k]);
    if (sector[0]) json_str(b, sector); else dbuf_puts(b, "null");
    dbuf_puts(b, ",\"actor_text\":");
    json_str(b, name);
    dbuf_puts(b, ",\"cameo_code\":");
    json_str(b, code);
    dbuf_puts(b, "}]");
}

static void plover_event(dbuf *b, sqlite3_stmt *st)
{
    dbuf_puts(b, "{\"id\":");
    char id[48];
    snprintf(id, sizeof id, "dyad-%lld", (long long)sqlite3_column_int64(st, col(st, "id")));
    json_str(b, id);
    dbuf_putc(b, ','); member(b, "date", st, "date");
    dbuf_puts(b, ",\"source\":");
    plover_actor(b, text(st, "source"), text(st, "source_name"));
    dbuf_puts(b, ",\"recipient\":");
    plover_actor(b, text(st, "target"), text(st, "target_name"));
    dbuf_puts(b, ",\"event\":[");
    json_str(b, text(st, "plover"));
    dbuf_puts(b, "],\"mode\":");
    const char *mode = text(st, "plover_mode");
    if (mode && *mode) { dbuf_putc(b, '['); json_str(b, mode); dbuf_putc(b, ']'); }
    else dbuf_puts(b, "[]");
    dbuf_puts(b, ",\"context\":[],");
    member(b, "quad_code", st, "quad");
    dbuf_putc(b, ','); member(b, "event_scale", st, "goldstein");
    dbuf_puts(b, ",\"event_text\":[");
    json_str(b, text(st, "verb"));
    dbuf_puts(b, "],");
    member(b, "text", st, "evidence");
    dbuf_puts(b, ",\"cite_info\":{"); member(b, "url", st, "url");
    dbuf_putc(b, ','); member(b, "title", st, "title");
    dbuf_puts(b, "},\"coder\":\"dyad " DYAD_VERSION "\",");
    member(b, "coded_date", st, "added");
    dbuf_putc(b, ','); member(b, "cameo_code", st, "cameo");
    dbuf_putc(b, ','); member(b, "num_reports", st, "reports");
    dbuf_putc(b, ','); member(b, "num_articles", st, "articles");
    dbuf_putc(b, ','); member(b, "num_sources", st, "sources");
    dbuf_puts(b, ",\"docs\":");
}

int store_event_json(dbuf *b, sqlite3_stmt *ev, sqlite3_stmt *rep, char *err, size_t errlen)
{
    jsonl_event(b, ev);
    if (reports_json(b, rep, sqlite3_column_int64(ev, 0), 0, err, errlen)) return -1;
    dbuf_putc(b, '}');
    return 0;
}

int store_export(store *s, const store_filter *f, int format, FILE *out, char *err, size_t errlen)
{
    if (format == EXPORT_GDELT) return store_export_gdelt(s, f, out, err, errlen);
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
        if (format == EXPORT_PLOVER) {
            const char *pt = text(st, "plover");
            if (!pt || !*pt || sqlite3_column_int(st, col(st, "negated"))) continue;
        }
        dbuf_clear(&b);
        if (format == EXPORT_PLOVER) {
            plover_event(&b, st);
            if (reports_json(&b, rep, sqlite3_column_int64(st, 0), 1, err, errlen)) { r = -1; break; }
            dbuf_putc(&b, '}');
        } else if (store_event_json(&b, st, rep, err, errlen)) { r = -1; break; }
        dbuf_putc(&b, '\n');
        fwrite(b.ptr, 1, b.len, out);
    }
    if (!r && rc != SQLITE_DONE) { snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s))); r = -1; }
    dbuf_free(&b);
    sqlite3_finalize(rep);
    sqlite3_finalize(st);
    return r;
}
