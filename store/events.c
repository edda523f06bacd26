/*
 * events.c - one event, many reports.
 *
 * A document's coded event is a *report*.  Reports with the same source
 * code, target code, CAMEO code and negation whose dates are at most
 * STORE_EVENT_WINDOW days apart are the same real-world event: one row of
 * `events`, with every report kept in `event_reports` (its document,
 * sentence, evidence spans, rule, confidence and own date), so merging
 * loses no document's evidence.  The counts follow GDELT: n_reports
 * (NumMentions) every report, n_articles (NumArticles) distinct documents,
 * n_sources (NumSources) distinct news sources.
 *
 * The window is measured from the event's anchor: the date of the report
 * that created it.  A report joins the nearest event in its window (the
 * oldest on a tie), so results can depend on ingest order when reports
 * straddle two windows; that is the price of deciding at ingest time.
 * Month- or year-precise dates merge only with the same period; undated
 * reports only within their own document.
 */
#include "store.h"

#include <math.h>
#include <string.h>

/* Canonical name of a mention's entity, else the mention's own words. */
static void bind_actor_name(sqlite3_stmt *st, int i, const dyad_doc *d, int32_t mention)
{
    if (mention < 0 || (uint32_t)mention >= d->n_mentions) { sqlite3_bind_null(st, i); return; }
    const dyad_mention *m = &d->mentions[mention];
    if (m->entity >= 0 && (uint32_t)m->entity < d->n_entities && d->entities[m->entity].name)
        store_bind_text(st, i, d->entities[m->entity].name);
    else
        store_bind_span(st, i, d, m->off, m->len);
}

/* The event's actor code: the stage's, else the mention's. */
static void actor_code(const dyad_doc *d, const char *code, int32_t mention, char out[16])
{
    size_t n = strnlen(code, 16);
    if (!n && mention >= 0 && (uint32_t)mention < d->n_mentions) {
        code = d->mentions[mention].code;
        n = strnlen(code, 16);
    }
    if (n > 15) n = 15;
    memcpy(out, code, n);
    out[n] = 0;
}

/* A place into seven parameters from i: name, country, FIPS, ADM1, lat, lon, type. */
static void bind_geo(sqlite3_stmt *st, int i, const dyad_location *l)
{
    if (!l->name) {
        for (int k = 0; k < 7; k++) sqlite3_bind_null(st, i + k);
        return;
    }
    store_bind_text(st, i, l->name);
    store_bind_text(st, i + 1, l->country[0] ? l->country : NULL);
    store_bind_text(st, i + 2, l->fips[0] ? l->fips : NULL);
    store_bind_text(st, i + 3, l->adm1 && *l->adm1 ? l->adm1 : NULL);
    sqlite3_bind_double(st, i + 4, round(l->lat * 10000.0) / 10000.0);
    sqlite3_bind_double(st, i + 5, round(l->lon * 10000.0) / 10000.0);
    store_bind_text(st, i + 6, dyad_place_type_name(l->type));
}

static void bind_how(sqlite3_stmt *st, int i, const dyad_location *l)
{
    if (!l->name) { sqlite3_bind_null(st, i); sqlite3_bind_null(st, i + 1); return; }
    store_bind_text(st, i, dyad_where_how_name(l->how));
    sqlite3_bind_int(st, i + 1, l->guess != 0);
}

static int exists(store *s, int which, sqlite3_int64 ev, sqlite3_int64 docno, const char *key,
                  int *yes, char *err, size_t errlen)
{
    sqlite3_stmt *st = store_stmt(s, which, err, errlen);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, ev);
    if (key) sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    else sqlite3_bind_int64(st, 2, docno);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) { snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s))); return -1; }
    *yes = rc == SQLITE_ROW;
    sqlite3_reset(st);
    return 0;
}

/* The event this report belongs to, 0 if none yet. */
static int find_event(store *s, const char *src, const char *tgt, const char *cameo, int negated,
                      dyad_date date, sqlite3_int64 docno, sqlite3_int64 *ev, char *err, size_t errlen)
{
    char ds[11];
    dyad_date_format(date, ds);
    int which = !ds[0] ? ST_EV_FIND_UNDATED : date.day ? ST_EV_FIND_DAY : ST_EV_FIND_DATE;
    sqlite3_stmt *st = store_stmt(s, which, err, errlen);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, src, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, tgt, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, cameo, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, negated);
    if (which == ST_EV_FIND_DAY) {
        sqlite3_bind_int64(st, 5, dyad_date_to_days(date));
        sqlite3_bind_int(st, 6, STORE_EVENT_WINDOW);
    } else if (which == ST_EV_FIND_DATE)
        store_bind_date(st, 5, 6, date);
    else
        sqlite3_bind_int64(st, 5, docno);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) { snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s))); return -1; }
    *ev = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return 0;
}

static int new_event(store *s, const dyad_doc *d, const dyad_event *e, const char *src, const char *tgt,
                     const char *cameo, dyad_date date, sqlite3_int64 docno, sqlite3_int64 *ev,
                     char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *st = store_stmt(s, ST_EV_INSERT, err, errlen);
    if (!st) return -1;
    store_bind_date(st, 1, 14, date);
    if (date.day) sqlite3_bind_int64(st, 2, dyad_date_to_days(date)); else sqlite3_bind_null(st, 2);
    sqlite3_bind_text(st, 3, src, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, tgt, -1, SQLITE_STATIC);
    bind_actor_name(st, 5, d, e->source);
    bind_actor_name(st, 6, d, e->target);
    sqlite3_bind_text(st, 7, cameo, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 8, (e->flags & DYAD_EV_NEGATED) != 0);
    /* Rounded so that a float's binary noise (3.4000000953...) never shows. */
    if (isfinite(e->goldstein)) sqlite3_bind_double(st, 9, round(e->goldstein * 10.0) / 10.0);
    else sqlite3_bind_null(st, 9);
    if (e->quad >= 1 && e->quad <= 4) sqlite3_bind_int(st, 10, e->quad); else sqlite3_bind_null(st, 10);
    store_bind_text(st, 11, e->plover_type);
    store_bind_text(st, 12, e->plover_mode);
    sqlite3_bind_int64(st, 13, docno);
    bind_geo(st, 15, &e->where);
    bind_how(st, 22, &e->where);
    bind_geo(st, 24, &e->source_geo);
    bind_geo(st, 31, &e->target_geo);
    if (store_step(db, st, err, errlen)) return -1;
    *ev = sqlite3_last_insert_rowid(db);
    return 0;
}

static int put_report(store *s, const dyad_doc *d, uint32_t i, sqlite3_int64 docno, sqlite3_int64 ev,
                      dyad_date date, char *err, size_t errlen)
{
    const dyad_event *e = &d->events[i];
    sqlite3_stmt *st = store_stmt(s, ST_REPORT, err, errlen);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, docno);
    sqlite3_bind_int64(st, 2, i);
    sqlite3_bind_int64(st, 3, ev);
    sqlite3_bind_int64(st, 4, e->sent);
    store_bind_date(st, 5, 16, date);
    int32_t mi[2] = {e->source, e->target};
    for (int k = 0; k < 2; k++) {
        if (mi[k] >= 0 && (uint32_t)mi[k] < d->n_mentions) {
            sqlite3_bind_int(st, 6 + k, mi[k]);
            store_bind_span(st, 8 + k, d, d->mentions[mi[k]].off, d->mentions[mi[k]].len);
        } else {
            sqlite3_bind_null(st, 6 + k);
            sqlite3_bind_null(st, 8 + k);
        }
    }
    sqlite3_bind_int64(st, 10, e->verb_off);
    sqlite3_bind_int64(st, 11, e->verb_len);
    if (e->verb_len) store_bind_span(st, 12, d, e->verb_off, e->verb_len); else sqlite3_bind_null(st, 12);
    store_bind_text(st, 13, e->rule);
    sqlite3_bind_int64(st, 14, e->flags);
    if (isfinite(e->confidence)) sqlite3_bind_double(st, 15, round(e->confidence * 1000.0) / 1000.0);
    else sqlite3_bind_null(st, 15);
    bind_geo(st, 17, &e->where);
    bind_how(st, 24, &e->where);
    if (e->where.name && e->where.len) {
        sqlite3_bind_int64(st, 26, e->where.off);
        sqlite3_bind_int64(st, 27, e->where.len);
    } else {
        sqlite3_bind_null(st, 26);
        sqlite3_bind_null(st, 27);
    }
    return store_step(store_db(s), st, err, errlen);
}

int store_put_events(store *s, const dyad_doc *d, sqlite3_int64 docno, const char *skey,
                     store_stats *stats, char *err, size_t errlen)
{
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        char src[16], tgt[16], cameo[9];
        actor_code(d, e->source_code, e->source, src);
        actor_code(d, e->target_code, e->target, tgt);
        size_t cn = strnlen(e->cameo, sizeof e->cameo);
        memcpy(cameo, e->cameo, cn);
        cameo[cn] = 0;
        dyad_date date = e->date.year && dyad_date_valid(e->date) ? e->date : store_sentence_date(d, e->sent);
        if (!dyad_date_valid(date)) date = (dyad_date){0, 0, 0};
        int negated = (e->flags & DYAD_EV_NEGATED) != 0;

        sqlite3_int64 ev;
        if (find_event(s, src, tgt, cameo, negated, date, docno, &ev, err, errlen)) return -1;
        int new_article = 1, new_source = 1;
        if (ev) {
            int seen;
            if (exists(s, ST_EV_HAS_DOC, ev, docno, NULL, &seen, err, errlen)) return -1;
            new_article = !seen;
            if (exists(s, ST_EV_HAS_SOURCE, ev, docno, skey, &seen, err, errlen)) return -1;
            new_source = !seen;
            stats->events_merged++;
        } else {
            if (new_event(s, d, e, src, tgt, cameo, date, docno, &ev, err, errlen)) return -1;
            stats->events_new++;
        }
        if (put_report(s, d, i, docno, ev, date, err, errlen)) return -1;
        sqlite3_stmt *st = store_stmt(s, ST_EV_COUNT, err, errlen);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, ev);
        sqlite3_bind_int(st, 2, new_article);
        sqlite3_bind_int(st, 3, new_source);
        if (store_step(store_db(s), st, err, errlen)) return -1;
        stats->reports++;
    }
    return 0;
}
