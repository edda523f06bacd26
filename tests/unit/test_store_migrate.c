/*
 * test_store_migrate.c - a store written by the previous schema (version 2,
 * whose published migration steps are the ones store_migrate still runs up
 * to 2) is upgraded in place: cut dates ("2006", "2019-06") become the
 * first day of their period with a precision, SQLite's date functions read
 * them, the views answer, and the queries and timelines of this dyad work
 * on the old rows.  Also: a read-only store file answers queries without
 * being written, and an old read-only store is refused with the way out
 * (those two in tests/cli/store_safety.sh).  Also the filters' date checks
 * and the tone word lists' order.
 */
#include "../check.h"
#include "../../store/store.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];

static const char *path_in(const char *name)
{
    static char buf[2][512];
    static int k;
    char *b = buf[k++ & 1];
    snprintf(b, 512, "%s/%s", tmpdir, name);
    return b;
}

static const char *qs(sqlite3 *db, const char *sql, char *out, size_t cap)
{
    sqlite3_stmt *st;
    out[0] = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(out, cap, "error: %s", sqlite3_errmsg(db));
        return out;
    }
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

static long rows(sqlite3_stmt *st)
{
    if (!st) return -1;
    long n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) n++;
    sqlite3_finalize(st);
    return n;
}

/* Three stories as a version-2 dyad stored them: dated to the year, to
 * the month and not at all, each with one event reported in it. */
static const char V2_ROWS[] =
    "INSERT INTO documents (docno, id, title, pubdate, source_key, text, n_sentences, n_entities, n_mentions,"
    " n_timexes, n_quotes, n_events, ingested_at) VALUES"
    " (1, 'y', 'Treaty', '2006', 'Wire', 'Japan signed a treaty with China.', 1, 0, 0, 0, 1, 1, '2020'),"
    " (2, 'm', 'Talks', '2019-06', 'Wire', 'Kim Jong Un met Donald Trump.', 1, 0, 0, 1, 0, 1, '2020'),"
    " (3, 'u', 'Undated', '', 'Wire', 'Russia accused Ukraine.', 1, 0, 0, 0, 0, 1, '2020');"
    "INSERT INTO sentences VALUES (1, 0, 0, 33, 0, 0, '2006'), (2, 0, 0, 29, 0, 0, '2019-06'),"
    " (3, 0, 0, 23, 0, 0, '');"
    "INSERT INTO timexes VALUES (2, 0, 0, 4, 0, 'date', '2019-06', '2019-06');"
    "INSERT INTO quotes (doc, i, off, len, sent, kind, speaker_code, date, text)"
    " VALUES (1, 0, 0, 5, 0, 'scare', '', '2006', 'Japan');"
    "INSERT INTO events (id, date, day, source_code, target_code, source_name, target_name, cameo, negated,"
    " goldstein, quad, plover_type, n_reports, n_articles, n_sources, first_doc, added) VALUES"
    " (1, '2006', NULL, 'JPN', 'CHN', 'Japan', 'China', '057', 0, 8.0, 1, 'AGREE', 1, 1, 1, 1, '2020-01-01'),"
    " (2, '2019-06', NULL, 'PRKGOV', 'USAGOV', 'Kim Jong Un', 'Donald Trump', '044', 0, 2.5, 1, 'CONSULT', 1, 1, 1, 2,"
    "  '2020-01-01'),"
    " (3, '', NULL, 'RUS', 'UKR', 'Russia', 'Ukraine', '112', 0, -2.0, 3, 'ACCUSE', 1, 1, 1, 3, '2020-01-01');"
    "INSERT INTO event_reports VALUES (1, 0, 1, 0, '2006', NULL, NULL, 'Japan', 'China', 6, 6, 'signed', NULL, 0, 0.9),"
    " (2, 0, 2, 0, '2019-06', NULL, NULL, 'Kim Jong Un', 'Donald Trump', 12, 3, 'met', NULL, 0, 0.9),"
    " (3, 0, 3, 0, '', NULL, NULL, 'Russia', 'Ukraine', 7, 7, 'accused', NULL, 0, 0.9);";

static int build_v2(const char *p)
{
    char err[512];
    sqlite3 *db;
    remove(p);
    if (sqlite3_open(p, &db) != SQLITE_OK) return -1;
    int r = store_migrate(db, 2, err, sizeof err) || store_schema_version(db) != 2 ||
            store_exec(db, V2_ROWS, err, sizeof err);
    if (r) fprintf(stderr, "build_v2: %s\n", err);
    sqlite3_close(db);
    return r ? -1 : 0;
}

static void test_v2_store_upgraded_in_place(void)
{
    const char *p = path_in("v2.db");
    CHECK_INT(build_v2(p), 0);
    char err[512], b[256];
    store *s = store_open(p, STORE_CREATE, err, sizeof err);
    CHECK(s != NULL);
    if (!s) { CHECK_NOTE("%s", err); return; }
    sqlite3 *db = store_db(s);
    CHECK_INT(store_schema_version(db), STORE_SCHEMA_VERSION);
    /* Cut dates became the first day of their period, with a precision. */
    CHECK_STR(qs(db, "SELECT group_concat(pubdate || '/' || pubdate_precision, ' ') FROM documents ORDER BY docno",
                 b, sizeof b), "2006-01-01/year 2019-06-01/month /");
    CHECK_STR(qs(db, "SELECT group_concat(date || '/' || date_precision, ' ') FROM (SELECT * FROM events ORDER BY id)",
                 b, sizeof b), "2006-01-01/year 2019-06-01/month /");
    CHECK_STR(qs(db, "SELECT group_concat(date || '/' || date_precision, ' ') FROM sentences", b, sizeof b),
              "2006-01-01/year 2019-06-01/month /");
    CHECK_STR(qs(db, "SELECT date || '/' || date_precision FROM timexes", b, sizeof b), "2019-06-01/month");
    CHECK_STR(qs(db, "SELECT date || '/' || date_precision FROM quotes", b, sizeof b), "2006-01-01/year");
    CHECK_STR(qs(db, "SELECT group_concat(date || '/' || date_precision, ' ') FROM event_reports", b, sizeof b),
              "2006-01-01/year 2019-06-01/month /");
    /* What the old form broke: "2006" was a Julian day to date(). */
    CHECK_STR(qs(db, "SELECT date(pubdate, '+1 month') FROM documents WHERE id = 'y'", b, sizeof b), "2006-02-01");
    CHECK_STR(qs(db, "SELECT strftime('%Y', date) FROM events WHERE id = 2", b, sizeof b), "2019");
    /* Old documents have no content hash: taken as the same content. */
    CHECK_STR(qs(db, "SELECT count(*) FROM documents WHERE content_hash IS NULL", b, sizeof b), "3");
    /* The views. */
    CHECK_STR(qs(db, "SELECT source_name || ' -> ' || target_name || ': ' || evidence FROM events_view WHERE id = 1",
                 b, sizeof b), "Japan -> China: Japan signed a treaty with China.");
    CHECK_STR(qs(db, "SELECT doc_id || ' ' || verb_text || ' ' || date_precision || ' ' || evidence FROM reports_view"
                     " WHERE event = 2", b, sizeof b), "m met month Kim Jong Un met Donald Trump.");
    /* This dyad's queries over the old rows. */
    store_filter f = {0};
    f.from = "2019-06";
    f.to = "2019-06";
    CHECK_INT(rows(store_query_events(s, &f, 1, err, sizeof err)), 1);
    f.from = "2006";
    f.to = "2006";
    CHECK_INT(rows(store_query_events(s, &f, 0, err, sizeof err)), 1);
    f.from = "2005-12-31";
    f.to = "2019-05";
    CHECK_INT(rows(store_query_events(s, &f, 0, err, sizeof err)), 1);
    memset(&f, 0, sizeof f);
    sqlite3_stmt *st = store_query_events(s, &f, 0, err, sizeof err);
    CHECK(st != NULL);
    if (st) {
        /* The table shows a period as itself. */
        CHECK(sqlite3_step(st) == SQLITE_ROW);
        CHECK_STR((const char *)sqlite3_column_text(st, 1), "2006");
        CHECK(sqlite3_step(st) == SQLITE_ROW);
        CHECK_STR((const char *)sqlite3_column_text(st, 1), "2019-06");
        sqlite3_finalize(st);
    }
    timeline tl;
    CHECK_INT(store_timeline(s, "PRK", "USA", BY_MONTH, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 1);
    if (tl.n) CHECK_STR(tl.rows[0].period, "2019-06");
    timeline_free(&tl);
    CHECK_INT(store_timeline(s, "PRK", "USA", BY_DAY, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 0);                                   /* a month is not a day */
    timeline_free(&tl);
    store_close(s);

    /* Opening again changes nothing. */
    s = store_open(p, 0, err, sizeof err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(qs(store_db(s), "SELECT pubdate FROM documents WHERE id = 'm'", b, sizeof b), "2019-06-01");
        store_close(s);
    }
}

/* A version-3 store (no places) is upgraded in place: the location
 * columns exist, old events have none, and the where filters run. */
static void test_v3_store_gains_places(void)
{
    const char *p = path_in("v3.db");
    CHECK_INT(build_v2(p), 0);
    char err[512], b[256];
    sqlite3 *db;
    CHECK(sqlite3_open(p, &db) == SQLITE_OK);
    CHECK_INT(store_migrate(db, 3, err, sizeof err), 0);
    CHECK_INT(store_schema_version(db), 3);
    CHECK_STR(qs(db, "SELECT count(*) FROM pragma_table_info('events') WHERE name LIKE '%geo%'", b, sizeof b), "0");
    sqlite3_close(db);
    store *s = store_open(p, STORE_CREATE, err, sizeof err);
    CHECK(s != NULL);
    if (!s) { CHECK_NOTE("%s", err); return; }
    db = store_db(s);
    CHECK_INT(store_schema_version(db), 4);
    CHECK_STR(qs(db, "SELECT count(*) FROM pragma_table_info('events') WHERE name LIKE '%geo%'", b, sizeof b), "23");
    CHECK_STR(qs(db, "SELECT count(*) FROM pragma_table_info('event_reports') WHERE name LIKE 'geo%'", b, sizeof b), "11");
    CHECK_STR(qs(db, "SELECT count(*) FROM events WHERE geo_name IS NULL", b, sizeof b), "3");
    CHECK_STR(qs(db, "SELECT count(*) FROM events_view WHERE geo_lat IS NULL", b, sizeof b), "3");
    store_filter f = {0};
    CHECK_INT(rows(store_query_events(s, &f, 1, err, sizeof err)), 3);
    f.country = "PRK";
    CHECK_INT(rows(store_query_events(s, &f, 1, err, sizeof err)), 0);
    /* A place set by hand is found by country and by distance. */
    CHECK_INT(store_exec(db, "UPDATE events SET geo_name = 'Pyongyang', geo_country = 'PRK', geo_lat = 39.03,"
                             " geo_lon = 125.75 WHERE id = 2", err, sizeof err), 0);
    CHECK_INT(rows(store_query_events(s, &f, 1, err, sizeof err)), 1);
    f.country = NULL;
    f.near = 1;
    f.near_lat = 39.2;                                  /* about 20 km north */
    f.near_lon = 125.75;
    f.near_km = 50;
    CHECK_INT(rows(store_query_events(s, &f, 1, err, sizeof err)), 1);
    f.near_lat = 37.57;                                 /* Seoul: 190 km away */
    CHECK_INT(rows(store_query_events(s, &f, 1, err, sizeof err)), 0);
    store_close(s);
}

static void test_filter_dates_checked(void)
{
    char err[256];
    const char *bad[] = {"2017/08", "2017-13", "abc", "2017-02-30", "2017-8", "17", "2017-08-09x", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        store_filter f = {.from = bad[i]};
        if (!*bad[i]) break;
        CHECK_INT(store_filter_check(&f, err, sizeof err), -1);
        CHECK(strstr(err, "--from") && strstr(err, "is not a date"));
        store_filter g = {.to = bad[i]};
        CHECK_INT(store_filter_check(&g, err, sizeof err), -1);
        CHECK(strstr(err, "--to") != NULL);
    }
    store_filter ok = {.from = "2017", .to = "2017-08-31"};
    CHECK_INT(store_filter_check(&ok, err, sizeof err), 0);
    store_filter same = {.from = "2017-08", .to = "2017"};   /* inside the year */
    CHECK_INT(store_filter_check(&same, err, sizeof err), 0);
    store_filter rev = {.from = "2018", .to = "2017-12-31"};
    CHECK_INT(store_filter_check(&rev, err, sizeof err), -1);
    CHECK(strstr(err, "after") != NULL);
}

static void test_tone_lists_searchable(void)
{
    /* Binary search needs the word lists in strcmp order. */
    CHECK(store_tone_sorted());
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-test-migrate-XXXXXX");
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 1; }
    RUN(test_v2_store_upgraded_in_place);
    RUN(test_v3_store_gains_places);
    RUN(test_filter_dates_checked);
    RUN(test_tone_lists_searchable);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd)) fprintf(stderr, "cannot remove %s\n", tmpdir);
    return check_done();
}
