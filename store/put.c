/*
 * put.c - store one coded document: its metadata and text, sentences with
 * their reference dates, entities and mentions, time expressions, quotes,
 * and (through events.c) its event reports.
 *
 * All of a document goes in under one savepoint: if any insert fails the
 * document is rolled back entirely and the batch carries on without it.
 * Its full-text index entries are made when the batch commits (schema.c).
 * Spans are clamped to the text, so a stage's bad offset cannot make us
 * read outside the buffer.
 */
#include "store.h"

#include <math.h>
#include <string.h>

void store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

/* A span of doc->text, clamped to the buffer. */
void store_bind_span(sqlite3_stmt *st, int i, const dyad_doc *d, uint32_t off, uint32_t len)
{
    if (!d->text || off > d->text_len) { sqlite3_bind_text(st, i, "", 0, SQLITE_STATIC); return; }
    if (len > d->text_len - off) len = d->text_len - off;
    sqlite3_bind_text(st, i, d->text + off, (int)len, SQLITE_TRANSIENT);
}

const char *store_date_precision(dyad_date d)
{
    return !d.year ? "" : !d.month ? "year" : !d.day ? "month" : "day";
}

void store_bind_date(sqlite3_stmt *st, int i, int prec_i, dyad_date dt)
{
    char s[11];
    dyad_date first = dt;
    if (first.year && !first.month) first.month = 1;
    if (first.year && !first.day) first.day = 1;
    dyad_date_format(first, s);
    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, prec_i, store_date_precision(dt), -1, SQLITE_STATIC);
}


int store_step(sqlite3 *db, sqlite3_stmt *st, char *err, size_t errlen)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return 0;
    store_errmsg(db, NULL, err, errlen);
    return -1;
}

static const char *actor_kind(int k)
{
    static const char *const n[] = {NULL, "country", "person", "org", "role", "pronoun", "candidate"};
    return k > 0 && k < 7 ? n[k] : NULL;
}

static const char *actor_how(int h)
{
    static const char *const n[] = {NULL, "lexicon", "composed", "coref-name", "coref-desc", "coref-pronoun", "context"};
    return h > 0 && h < 7 ? n[h] : NULL;
}

static const char *timex_kind(int k)
{
    static const char *const n[] = {NULL, "date", "time", "duration", "set"};
    return k > 0 && k < 5 ? n[k] : NULL;
}

static const char *quote_kind(int k)
{
    static const char *const n[] = {NULL, "direct", "partial", "indirect", "scare"};
    return k > 0 && k < 5 ? n[k] : NULL;
}

static const char *pubdate_source(int k)
{
    static const char *const n[] = {NULL, "metadata", "option", "dateline", "inferred"};
    return k > 0 && k < 5 ? n[k] : NULL;
}

/* The reference date of a sentence: the time stage's, else the document's. */
dyad_date store_sentence_date(const dyad_doc *d, uint32_t sent)
{
    if (d->sent_dates && sent < d->n_sents && sent < d->cap_sent_dates && d->sent_dates[sent].year)
        return d->sent_dates[sent];
    return d->pubdate;
}

/* What counts as one news source for NumSources: the source name, else the
 * URL's host, else the document itself (an unknown source is never merged
 * with another unknown one). */
static void source_key(const dyad_doc *d, char *out, size_t cap)
{
    if (d->source && *d->source) { snprintf(out, cap, "%s", d->source); return; }
    if (d->url && *d->url) {
        const char *h = strstr(d->url, "://");
        h = h ? h + 3 : d->url;
        size_t n = strcspn(h, "/?#:");
        if (n) { snprintf(out, cap, "%.*s", (int)n, h); return; }
    }
    snprintf(out, cap, "doc:%s", d->id ? d->id : "");
}

int store_has_doc(store *s, const char *id)
{
    char e[256];
    sqlite3_stmt *st = store_stmt(s, ST_HAS_DOC, e, sizeof e);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_resolve_id(store *s, const dyad_doc *d, char *id, size_t cap)
{
    /* The id itself, then id~2, id~3 ...: the first that is free, unless
     * one of them already holds this very content (a re-run). */
    char hash[17], e[256];
    dyad_doc_content_hash(d, hash);
    sqlite3_stmt *st = store_stmt(s, ST_RESOLVE, e, sizeof e);
    if (!st) return -1;
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    int r = -1;
    for (int k = 1; k <= 1000; k++) {
        if (k == 1) snprintf(id, cap, "%s", d->id ? d->id : "");
        else snprintf(id, cap, "%s~%d", d->id ? d->id : "", k);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) { r = k == 1 ? 0 : 2; break; }
        if (rc != SQLITE_ROW) break;
        if (sqlite3_column_int(st, 0)) { r = 1; break; }
    }
    /* reset, so that no read stays open on the handle */
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return r;
}

/* Run one of the cached statements that return no rows. */
static int run_stmt(store *s, int which, char *err, size_t errlen)
{
    sqlite3_stmt *st = store_stmt(s, which, err, errlen);
    if (!st) return -1;
    int r = store_step(store_db(s), st, err, errlen);
    sqlite3_reset(st);
    return r;
}

#define STMT(which) do { st = store_stmt(s, which, err, errlen); if (!st) return -1; } while (0)

static int put_doc_row(store *s, const dyad_doc *d, const char *skey, sqlite3_int64 *docno,
                       char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *st;
    STMT(ST_DOC);
    const char *meta[] = {d->id, d->url, d->title, d->published, d->source, d->author, d->site, d->lang,
                          d->extra, d->origin};
    for (int i = 0; i < 10; i++) store_bind_text(st, i + 1, meta[i]);
    sqlite3_bind_int(st, 11, d->id_generated != 0);
    store_bind_date(st, 12, 23, d->pubdate);
    char hash[17];
    dyad_doc_content_hash(d, hash);
    sqlite3_bind_text(st, 24, hash, -1, SQLITE_TRANSIENT);
    double tone;
    if (store_doc_tone(d, &tone)) sqlite3_bind_double(st, 25, round(tone * 10000.0) / 10000.0);
    else sqlite3_bind_null(st, 25);
    store_bind_text(st, 13, pubdate_source(d->pubdate_source));
    store_bind_text(st, 14, d->pubdate_evidence);
    store_bind_text(st, 15, skey);
    sqlite3_bind_text(st, 16, d->text ? d->text : "", (int)(d->text ? d->text_len : 0), SQLITE_STATIC);
    uint32_t counts[] = {d->n_sents, d->n_entities, d->n_mentions, d->n_timexes, d->n_quotes, d->n_events};
    for (int i = 0; i < 6; i++) sqlite3_bind_int64(st, 17 + i, counts[i]);
    if (store_step(db, st, err, errlen)) return -1;
    *docno = sqlite3_last_insert_rowid(db);
    return 0;
}

static int put_sentences(store *s, const dyad_doc *d, sqlite3_int64 docno, char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *st;
    for (uint32_t i = 0; i < d->n_sents; i++) {
        const dyad_sentence *x = &d->sents[i];
        STMT(ST_SENT);
        sqlite3_bind_int64(st, 1, docno);
        sqlite3_bind_int64(st, 2, i);
        sqlite3_bind_int64(st, 3, x->off);
        sqlite3_bind_int64(st, 4, x->len);
        sqlite3_bind_int64(st, 5, x->para);
        sqlite3_bind_int64(st, 6, x->flags);
        store_bind_date(st, 7, 8, store_sentence_date(d, i));
        if (store_step(db, st, err, errlen)) return -1;
    }
    return 0;
}

static int put_actors(store *s, const dyad_doc *d, sqlite3_int64 docno, char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *st;
    for (uint32_t i = 0; i < d->n_entities; i++) {
        const dyad_entity *e = &d->entities[i];
        char g[2] = {(char)e->gender, 0};
        STMT(ST_ENTITY);
        sqlite3_bind_int64(st, 1, docno);
        sqlite3_bind_int64(st, 2, i);
        store_bind_text(st, 3, e->name);
        sqlite3_bind_text(st, 4, e->code, (int)strnlen(e->code, sizeof e->code), SQLITE_TRANSIENT);
        store_bind_text(st, 5, actor_kind(e->kind));
        store_bind_text(st, 6, e->gender ? g : NULL);
        sqlite3_bind_int(st, 7, e->plural != 0);
        sqlite3_bind_int64(st, 8, e->first_mention);
        if (store_step(db, st, err, errlen)) return -1;
    }
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        STMT(ST_MENTION);
        sqlite3_bind_int64(st, 1, docno);
        sqlite3_bind_int64(st, 2, i);
        sqlite3_bind_int64(st, 3, m->off);
        sqlite3_bind_int64(st, 4, m->len);
        sqlite3_bind_int64(st, 5, m->sent);
        if (m->entity >= 0) sqlite3_bind_int(st, 6, m->entity); else sqlite3_bind_null(st, 6);
        if (m->antecedent >= 0) sqlite3_bind_int(st, 7, m->antecedent); else sqlite3_bind_null(st, 7);
        sqlite3_bind_text(st, 8, m->code, (int)strnlen(m->code, sizeof m->code), SQLITE_TRANSIENT);
        store_bind_text(st, 9, actor_kind(m->kind));
        store_bind_text(st, 10, actor_how(m->how));
        store_bind_span(st, 11, d, m->off, m->len);
        if (store_step(db, st, err, errlen)) return -1;
    }
    return 0;
}

static int put_timexes(store *s, const dyad_doc *d, sqlite3_int64 docno, char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *st;
    for (uint32_t i = 0; i < d->n_timexes; i++) {
        const dyad_timex *t = &d->timexes[i];
        STMT(ST_TIMEX);
        sqlite3_bind_int64(st, 1, docno);
        sqlite3_bind_int64(st, 2, i);
        sqlite3_bind_int64(st, 3, t->off);
        sqlite3_bind_int64(st, 4, t->len);
        sqlite3_bind_int64(st, 5, t->sent);
        store_bind_text(st, 6, timex_kind(t->kind));
        sqlite3_bind_text(st, 7, t->value, (int)strnlen(t->value, sizeof t->value), SQLITE_TRANSIENT);
        store_bind_date(st, 8, 9, t->date);
        if (store_step(db, st, err, errlen)) return -1;
    }
    return 0;
}

static int put_quotes(store *s, const dyad_doc *d, sqlite3_int64 docno, char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *st;
    for (uint32_t i = 0; i < d->n_quotes; i++) {
        const dyad_quote *q = &d->quotes[i];
        const dyad_mention *m = q->speaker >= 0 && (uint32_t)q->speaker < d->n_mentions ? &d->mentions[q->speaker] : NULL;
        const dyad_entity *e = m && m->entity >= 0 && (uint32_t)m->entity < d->n_entities ? &d->entities[m->entity] : NULL;
        STMT(ST_QUOTE);
        sqlite3_bind_int64(st, 1, docno);
        sqlite3_bind_int64(st, 2, i);
        sqlite3_bind_int64(st, 3, q->off);
        sqlite3_bind_int64(st, 4, q->len);
        sqlite3_bind_int64(st, 5, q->sent);
        store_bind_text(st, 6, quote_kind(q->kind));
        if (m) sqlite3_bind_int(st, 7, q->speaker); else sqlite3_bind_null(st, 7);
        /* The speaker as the entity's canonical name ("Kim Jong Un", not "he"). */
        if (e && e->name) store_bind_text(st, 8, e->name);
        else if (m) store_bind_span(st, 8, d, m->off, m->len);
        else sqlite3_bind_null(st, 8);
        const char *code = m && m->code[0] ? m->code : e ? e->code : "";
        sqlite3_bind_text(st, 9, code, (int)strnlen(code, 16), SQLITE_TRANSIENT);
        if (q->cue_len) store_bind_span(st, 10, d, q->cue_off, q->cue_len); else sqlite3_bind_null(st, 10);
        store_bind_date(st, 11, 13, store_sentence_date(d, q->sent));
        store_bind_span(st, 12, d, q->off, q->len);
        if (store_step(db, st, err, errlen)) return -1;
    }
    return 0;
}

int store_put_doc(store *s, const dyad_doc *d, store_stats *stats, char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    int have = store_has_doc(s, d->id);
    if (have < 0) { snprintf(err, errlen, "%s", sqlite3_errmsg(db)); return -1; }
    if (have) { if (stats) stats->skipped++; return 1; }
    if (!d->id || !*d->id) { snprintf(err, errlen, "document without an id"); return -1; }

    char skey[512];
    source_key(d, skey, sizeof skey);
    store_stats local = {0};
    sqlite3_int64 docno = 0;
    if (run_stmt(s, ST_SAVEPOINT, err, errlen)) return -1;
    if (put_doc_row(s, d, skey, &docno, err, errlen) ||
        put_sentences(s, d, docno, err, errlen) ||
        put_actors(s, d, docno, err, errlen) ||
        put_timexes(s, d, docno, err, errlen) ||
        put_quotes(s, d, docno, err, errlen) ||
        store_put_events(s, d, docno, skey, &local, err, errlen)) {
        /* Some errors (disk full, I/O) make SQLite roll back the whole
         * transaction itself: then the batch is gone, not just this
         * document, and the caller must know. */
        if (sqlite3_get_autocommit(db)) {
            size_t n = strlen(err);
            snprintf(err + n, errlen - n, "; the open batch was rolled back");
            return -2;
        }
        char e2[128];
        store_exec(db, "ROLLBACK TO doc; RELEASE doc", e2, sizeof e2);
        return -1;
    }
    if (run_stmt(s, ST_RELEASE, err, errlen)) return -1;
    if (stats) {
        stats->docs++;
        stats->sentences += d->n_sents;
        stats->mentions += d->n_mentions;
        stats->quotes += d->n_quotes;
        stats->reports += local.reports;
        stats->events_new += local.events_new;
        stats->events_merged += local.events_merged;
    }
    return 0;
}
