/*
 * query.c - the store's questions: events, quotes, most active actors and
 * full-text search.  Each function turns a store_filter into one SQL
 * statement with bound parameters (see where.c) and returns it prepared;
 * column names are the output's field names.
 */
#include "store.h"

#include <math.h>
#include <stdio.h>

#include <stdlib.h>
#include <string.h>

/* The text of a sentence. */
#define SENTENCE_SQL(d, s) STORE_SPAN_SQL(d ".text", s ".off", s ".len")

static void limit(sq *q, long n)
{
    if (n > 0) sq_int(q, " LIMIT ?", n);
}

void store_where_place(sq *q, const store_filter *f)
{
    if (f->country) sq_text(q, " AND e.geo_country = ? COLLATE NOCASE", f->country);
    if (!f->near) return;
    /* Within near_km of the point on the sphere (dyad_km, registered on
     * every connection by schema.c), after a box around it that an index
     * or a cheap comparison settles first (one degree of latitude is
     * 111.2 km; a degree of longitude shrinks with the latitude's cosine). */
    char *sql = malloc(512);
    if (!sql) abort();
    double dlat = f->near_km / 111.2, c = cos(f->near_lat * M_PI / 180.0);
    double dlon = c > 0.01 ? dlat / c : 180.0;
    snprintf(sql, 512,
             " AND e.geo_lat BETWEEN %.6f AND %.6f AND (%.6f >= 180 OR e.geo_lon BETWEEN %.6f AND %.6f"
             " OR e.geo_lon + 360 BETWEEN %.6f AND %.6f OR e.geo_lon - 360 BETWEEN %.6f AND %.6f)"
             " AND dyad_km(e.geo_lat, e.geo_lon, %.6f, %.6f) <= %.3f",
             f->near_lat - dlat, f->near_lat + dlat, dlon, f->near_lon - dlon, f->near_lon + dlon, f->near_lon - dlon,
             f->near_lon + dlon, f->near_lon - dlon, f->near_lon + dlon, f->near_lat, f->near_lon, f->near_km);
    sq_sql(q, sql);
    free(sql);
}

void store_where_events(sq *q, const store_filter *f)
{
    if (f->actor) {
        sq_sql(q, " AND (");
        sq_actor(q, "e.source_code", "e.source_name", f->actor);
        sq_sql(q, " OR ");
        sq_actor(q, "e.target_code", "e.target_name", f->actor);
        sq_sql(q, ")");
    }
    if (f->source) { sq_sql(q, " AND "); sq_actor(q, "e.source_code", "e.source_name", f->source); }
    if (f->target) { sq_sql(q, " AND "); sq_actor(q, "e.target_code", "e.target_name", f->target); }
    if (f->cameo) {
        char *esc = sq_like_escape(f->cameo), *pat = malloc(strlen(esc) + 2);
        if (!pat) abort();
        sprintf(pat, "%s%%", esc);
        free(esc);
        sq_text(q, " AND e.cameo LIKE ? ESCAPE '\\'", sq_keep(q, pat));
    }
    if (f->plover) sq_text(q, " AND e.plover_type = ? COLLATE NOCASE", f->plover);
    if (f->quad) sq_int(q, " AND e.quad = ?", f->quad);
    sq_dates(q, "e.date", f->from, f->to);
    if (f->id) sq_int(q, " AND e.id = ?", f->id);
    if (f->has_after) {
        /* The listing's order as a row value: undated last, date, id. */
        sq_text(q, " AND (e.date = '', e.date, e.id) > (? = '',", f->after_date ? f->after_date : "");
        sq_text(q, " ?,", f->after_date ? f->after_date : "");
        sq_int(q, " ?)", f->after_id);
    }
    store_where_place(q, f);
    if (f->doc)
        sq_text(q, " AND e.id IN (SELECT r2.event FROM event_reports r2 JOIN documents d2"
                    " ON d2.docno = r2.doc WHERE d2.id = ?)", f->doc);
}

sqlite3_stmt *store_query_events(store *s, const store_filter *f, int wide, char *err, size_t errlen)
{
    sq q = {0};
    /* The table is for reading: the codes, what happened, how often it
     * was reported and the first report's sentence (which names the
     * actors), the date as its period.  The machine formats carry every
     * field, the date as stored (first day of its period) beside its
     * precision.  events_view (schema.c) joins the first report. */
    if (wide)
        sq_sql(&q, "SELECT e.id, e.date, e.date_precision, e.source_code AS source, e.source_name,"
                   " e.target_code AS target, e.target_name, e.cameo, e.plover_type AS plover, e.quad, e.goldstein,"
                   " e.n_reports AS reports, e.n_articles AS articles, e.n_sources AS sources,"
                   " e.plover_mode, e.negated, e.doc_id AS doc, e.url, e.title, e.sentence + 1 AS sentence,"
                   " e.verb_text AS verb, e.rule, e.confidence, e.added, e.evidence,"
                   " e.geo_name AS place, e.geo_country AS place_country, e.geo_adm1 AS place_adm1,"
                   " e.geo_lat AS lat, e.geo_lon AS lon, e.geo_type AS place_type, e.geo_how AS place_how");
    else
        /* The table has no negation column, so a negated event says so. */
        sq_sql(&q, "SELECT e.id, " STORE_DATE_LABEL_SQL("e.date", "e.date_precision") " AS date,"
                   " e.source_code AS source, e.target_code AS target, e.cameo,"
                   " e.plover_type AS plover, e.goldstein, e.n_reports AS reports, e.n_sources AS sources,"
                   " e.geo_name AS place,"
                   " CASE WHEN e.negated THEN '[negated] ' ELSE '' END || e.evidence AS evidence");
    sq_sql(&q, " FROM events_view e WHERE 1");
    store_where_events(&q, f);
    sq_sql(&q, " ORDER BY e.date = '', e.date, e.id");
    limit(&q, f->limit);
    sqlite3_stmt *st = sq_prepare(store_db(s), &q, err, errlen);
    sq_free(&q);
    return st;
}

sqlite3_stmt *store_query_quotes(store *s, const store_filter *f, int wide, char *err, size_t errlen)
{
    sq q = {0};
    if (wide) sq_sql(&q, "SELECT q.date, q.date_precision,");
    else sq_sql(&q, "SELECT " STORE_DATE_LABEL_SQL("q.date", "q.date_precision") " AS date,");
    sq_sql(&q, " q.speaker_name AS speaker, q.speaker_code AS code, q.kind, q.text AS quote, d.id AS doc");
    if (wide) sq_sql(&q, ", d.title, d.url, q.sent + 1 AS sentence, q.cue");
    sq_sql(&q, " FROM quotes q JOIN documents d ON d.docno = q.doc WHERE 1");
    if (f->speaker) { sq_sql(&q, " AND "); sq_actor(&q, "q.speaker_code", "q.speaker_name", f->speaker); }
    if (f->actor) {
        char *esc = sq_like_escape(f->actor), *pat = malloc(strlen(esc) + 2);
        if (!pat) abort();
        sprintf(pat, "%s%%", esc);
        free(esc);
        sq_text(&q, " AND q.speaker_code LIKE ? ESCAPE '\\'", sq_keep(&q, pat));
    }
    if (f->text) {
        char *fts = store_fts_query(f->text);
        if (fts) {
            /* Only the quoted words, not the speaker column. */
            char *m = malloc(strlen(fts) + 16);
            if (!m) abort();
            sprintf(m, "text : (%s)", fts);
            free(fts);
            sq_text(&q, " AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", sq_keep(&q, m));
        } else
            sq_sql(&q, " AND 0");
    }
    sq_dates(&q, "q.date", f->from, f->to);
    if (f->doc) sq_text(&q, " AND d.id = ?", f->doc);
    sq_sql(&q, " ORDER BY q.date = '', q.date, d.id, q.i");
    limit(&q, f->limit);
    sqlite3_stmt *st = sq_prepare(store_db(s), &q, err, errlen);
    sq_free(&q);
    return st;
}

sqlite3_stmt *store_query_actors(store *s, const store_filter *f, char *err, size_t errlen)
{
    sq q = {0};
    /* Activity in events (either side) and in the text (mentions); the name
     * shown is the one the code was most often given. */
    sq_sql(&q, "WITH ev AS (SELECT * FROM events e WHERE 1");
    sq_dates(&q, "e.date", f->from, f->to);
    sq_sql(&q, "), sides AS ("
               "  SELECT source_code AS code, source_name AS name, n_reports, 1 AS src, 0 AS tgt FROM ev WHERE source_code <> ''"
               "  UNION ALL SELECT target_code, target_name, n_reports, 0, 1 FROM ev WHERE target_code <> ''),"
               " ment AS (SELECT m.code, coalesce(en.name, m.text) AS name, m.doc FROM mentions m"
               "  JOIN documents d ON d.docno = m.doc"
               "  LEFT JOIN entities en ON en.doc = m.doc AND en.i = m.entity WHERE m.code <> ''");
    sq_dates(&q, "d.pubdate", f->from, f->to);
    sq_sql(&q, "), names AS (SELECT code, name, row_number() OVER (PARTITION BY code ORDER BY count(*) DESC, name) AS rn"
               "  FROM (SELECT code, name FROM sides WHERE name IS NOT NULL UNION ALL SELECT code, name FROM ment)"
               "  GROUP BY code, name),"
               " act AS (SELECT code, count(*) AS events, sum(src) AS as_source, sum(tgt) AS as_target,"
               "  sum(n_reports) AS reports FROM sides GROUP BY code),"
               " men AS (SELECT code, count(*) AS mentions, count(DISTINCT doc) AS documents FROM ment GROUP BY code),"
               " codes AS (SELECT code FROM act UNION SELECT code FROM men)"
               " SELECT c.code, nm.name, coalesce(a.events, 0) AS events, coalesce(a.as_source, 0) AS as_source,"
               "  coalesce(a.as_target, 0) AS as_target, coalesce(a.reports, 0) AS reports,"
               "  coalesce(m.mentions, 0) AS mentions, coalesce(m.documents, 0) AS documents"
               " FROM codes c LEFT JOIN act a ON a.code = c.code LEFT JOIN men m ON m.code = c.code"
               " LEFT JOIN names nm ON nm.code = c.code AND nm.rn = 1 WHERE 1");
    if (f->actor) { sq_sql(&q, " AND "); sq_actor(&q, "c.code", "nm.name", f->actor); }
    sq_sql(&q, " ORDER BY events DESC, mentions DESC, c.code");
    limit(&q, f->limit);
    sqlite3_stmt *st = sq_prepare(store_db(s), &q, err, errlen);
    sq_free(&q);
    return st;
}

sqlite3_stmt *store_query_search(store *s, const char *text, long lim, char *err, size_t errlen)
{
    char *fts = store_fts_query(text);
    if (!fts) { snprintf(err, errlen, "nothing to search for"); return NULL; }
    sq q = {0};
    sq_keep(&q, fts);
    /* Documents and quotes in one ranking (bm25: lower is better). */
    sq_text_n(&q, "SELECT kind, doc, date, title, speaker, snippet FROM ("
                  " SELECT 'document' AS kind, d.id AS doc,"
                  "  " STORE_DATE_LABEL_SQL("d.pubdate", "d.pubdate_precision") " AS date, d.title AS title, NULL AS speaker,"
                  "  snippet(docs_fts, -1, '[', ']', '…', 16) AS snippet, bm25(docs_fts) AS rank"
                  "  FROM docs_fts JOIN documents d ON d.docno = docs_fts.rowid WHERE docs_fts MATCH ?"
                  " UNION ALL"
                  " SELECT 'quote', d.id, " STORE_DATE_LABEL_SQL("q.date", "q.date_precision") ", d.title, q.speaker_name,"
                  "  snippet(quotes_fts, 0, '[', ']', '…', 16), bm25(quotes_fts)"
                  "  FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.docno = q.doc"
                  "  WHERE quotes_fts MATCH ?)", fts);
    sq_sql(&q, " ORDER BY rank, doc");
    limit(&q, lim);
    sqlite3_stmt *st = sq_prepare(store_db(s), &q, err, errlen);
    sq_free(&q);
    return st;
}

sqlite3_stmt *store_query_reports(store *s, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    static const char sql[] =
        "SELECT d.id AS doc, d.url, d.title, d.source, r.sent + 1 AS sentence, r.date, r.date_precision,"
        " r.source_text, r.target_text, r.verb_text AS verb, r.verb_off, r.verb_len, r.rule, r.confidence, r.flags,"
        " " SENTENCE_SQL("d", "st") " AS text, st.off AS sentence_off,"
        " ms.off AS source_off, ms.len AS source_len, mt.off AS target_off, mt.len AS target_len"
        " FROM event_reports r JOIN documents d ON d.docno = r.doc"
        " LEFT JOIN sentences st ON st.doc = r.doc AND st.i = r.sent"
        " LEFT JOIN mentions ms ON ms.doc = r.doc AND ms.i = r.source_mention"
        " LEFT JOIN mentions mt ON mt.doc = r.doc AND mt.i = r.target_mention"
        " WHERE r.event = ?1 ORDER BY r.doc, r.i";
    if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
        return NULL;
    }
    return st;
}

sqlite3_stmt *store_query_info(store *s, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    static const char sql[] =
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events,"
        " (SELECT count(*) FROM event_reports) AS reports, (SELECT count(*) FROM quotes) AS quotes,"
        " (SELECT min(date) FROM events WHERE date <> '') AS first_date,"
        " (SELECT max(date) FROM events WHERE date <> '') AS last_date";
    if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
        return NULL;
    }
    return st;
}
