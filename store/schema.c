/*
 * schema.c - open the store, keep its schema current, batch transactions.
 *
 * The schema is versioned with PRAGMA user_version.  `migrations` is the
 * whole history: step N takes a store at version N-1 to version N, and a
 * store is brought up to date by applying, in order, every step above its
 * version, each in its own transaction (so a crash mid-migration leaves the
 * store at the previous version, not in between).  Never edit a published
 * step: add a new one.
 */
#include "store.h"
#include "../where/where.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct migration { int version; const char *what, *sql; };

/* A place's columns: name, dyad country code, FIPS 10-4 code, first-level
 * region, coordinates and feature type (dyad_place_type_name). */
#define GEO_COLUMNS(table, p) \
    "ALTER TABLE " table " ADD COLUMN " p "_name TEXT;" \
    "ALTER TABLE " table " ADD COLUMN " p "_country TEXT;" \
    "ALTER TABLE " table " ADD COLUMN " p "_fips TEXT;" \
    "ALTER TABLE " table " ADD COLUMN " p "_adm1 TEXT;" \
    "ALTER TABLE " table " ADD COLUMN " p "_lat REAL;" \
    "ALTER TABLE " table " ADD COLUMN " p "_lon REAL;" \
    "ALTER TABLE " table " ADD COLUMN " p "_type TEXT;"

/* Add a precision column to a date column and rewrite its values as the
 * first day of their period (both SET expressions see the old value). */
#define DATE_STEP(table, col, prec) \
    "ALTER TABLE " table " ADD COLUMN " prec " TEXT NOT NULL DEFAULT '';" \
    "UPDATE " table " SET " prec " = CASE length(" col ") WHEN 10 THEN 'day' WHEN 7 THEN 'month'" \
    " WHEN 4 THEN 'year' ELSE '' END, " col " = CASE length(" col ") WHEN 7 THEN " col " || '-01'" \
    " WHEN 4 THEN " col " || '-01-01' ELSE " col " END;"

static const struct migration migrations[] = {
    {1, "documents, sentences, actors, time, quotes and events",
     /* docno is the compact key children use; id is the document's own. */
     "CREATE TABLE documents ("
     "  docno INTEGER PRIMARY KEY,"
     "  id TEXT NOT NULL UNIQUE,"
     "  url TEXT, title TEXT, published TEXT, source TEXT, author TEXT, site TEXT, lang TEXT,"
     "  extra TEXT,"                        /* unknown input fields, a JSON object */
     "  origin TEXT,"                       /* the input it came from */
     "  id_generated INTEGER NOT NULL DEFAULT 0,"
     "  pubdate TEXT NOT NULL DEFAULT '',"  /* resolved publication date, '' unknown */
     "  pubdate_source TEXT,"               /* metadata, option, dateline, inferred */
     "  pubdate_evidence TEXT,"
     "  source_key TEXT NOT NULL,"          /* what counts as one news source */
     "  text TEXT NOT NULL,"
     /* How many rows each child table holds for this document: a store
      * can be checked for completeness against them. */
     "  n_sentences INTEGER NOT NULL, n_entities INTEGER NOT NULL, n_mentions INTEGER NOT NULL,"
     "  n_timexes INTEGER NOT NULL, n_quotes INTEGER NOT NULL, n_events INTEGER NOT NULL,"
     "  ingested_at TEXT NOT NULL);"
     "CREATE INDEX documents_pubdate ON documents(pubdate);"
     "CREATE TABLE sentences ("
     "  doc INTEGER NOT NULL, i INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL,"
     "  para INTEGER NOT NULL, flags INTEGER NOT NULL, date TEXT NOT NULL,"
     "  PRIMARY KEY (doc, i)) WITHOUT ROWID;"
     "CREATE TABLE entities ("
     "  doc INTEGER NOT NULL, i INTEGER NOT NULL, name TEXT, code TEXT NOT NULL, kind TEXT,"
     "  gender TEXT, plural INTEGER NOT NULL, first_mention INTEGER,"
     "  PRIMARY KEY (doc, i)) WITHOUT ROWID;"
     "CREATE INDEX entities_code ON entities(code);"
     "CREATE TABLE mentions ("
     "  doc INTEGER NOT NULL, i INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL,"
     "  sent INTEGER NOT NULL, entity INTEGER, antecedent INTEGER, code TEXT NOT NULL,"
     "  kind TEXT, how TEXT, text TEXT NOT NULL,"
     "  PRIMARY KEY (doc, i)) WITHOUT ROWID;"
     "CREATE INDEX mentions_code ON mentions(code);"
     "CREATE TABLE timexes ("
     "  doc INTEGER NOT NULL, i INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL,"
     "  sent INTEGER NOT NULL, kind TEXT, value TEXT, date TEXT NOT NULL,"
     "  PRIMARY KEY (doc, i)) WITHOUT ROWID;"
     "CREATE TABLE quotes ("
     "  id INTEGER PRIMARY KEY,"
     "  doc INTEGER NOT NULL, i INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL,"
     "  sent INTEGER NOT NULL, kind TEXT, speaker INTEGER,"  /* mention index, NULL unknown */
     "  speaker_name TEXT, speaker_code TEXT NOT NULL, cue TEXT, date TEXT NOT NULL,"
     "  text TEXT NOT NULL, UNIQUE (doc, i));"
     "CREATE INDEX quotes_date ON quotes(date);"
     "CREATE INDEX quotes_speaker_code ON quotes(speaker_code);"
     /* One row per real-world event; its reports are in event_reports.
      * date/day are those of the report that created it (the anchor the
      * dedup window is measured from). */
     "CREATE TABLE events ("
     "  id INTEGER PRIMARY KEY,"
     "  date TEXT NOT NULL, day INTEGER,"   /* day: days since 1970-01-01, day-precise dates only */
     "  source_code TEXT NOT NULL, target_code TEXT NOT NULL,"
     "  source_name TEXT, target_name TEXT,"
     "  cameo TEXT NOT NULL, negated INTEGER NOT NULL,"
     "  goldstein REAL, quad INTEGER, plover_type TEXT, plover_mode TEXT,"
     "  n_reports INTEGER NOT NULL DEFAULT 0,"   /* GDELT NumMentions */
     "  n_articles INTEGER NOT NULL DEFAULT 0,"  /* GDELT NumArticles: distinct documents */
     "  n_sources INTEGER NOT NULL DEFAULT 0,"   /* GDELT NumSources: distinct source_keys */
     "  first_doc INTEGER NOT NULL,"
     "  added TEXT NOT NULL);"
     "CREATE INDEX events_key ON events(source_code, target_code, cameo, day);"
     "CREATE INDEX events_target ON events(target_code);"
     "CREATE INDEX events_date ON events(date);"
     "CREATE TABLE event_reports ("
     "  doc INTEGER NOT NULL, i INTEGER NOT NULL,"  /* the document and its event index */
     "  event INTEGER NOT NULL,"
     "  sent INTEGER NOT NULL, date TEXT NOT NULL,"
     "  source_mention INTEGER, target_mention INTEGER,"
     "  source_text TEXT, target_text TEXT,"
     "  verb_off INTEGER NOT NULL, verb_len INTEGER NOT NULL, verb_text TEXT,"
     "  rule TEXT, flags INTEGER NOT NULL, confidence REAL,"
     "  PRIMARY KEY (doc, i)) WITHOUT ROWID;"
     "CREATE INDEX event_reports_event ON event_reports(event, doc);"},
    {2, "full-text indexes over documents and quotes",
     /* External-content FTS5 tables: the text lives once, in documents
      * and quotes; rebuild indexes whatever a version-1 store holds. */
     "CREATE VIRTUAL TABLE docs_fts USING fts5(title, text, content='documents',"
     "  content_rowid='docno', tokenize='unicode61 remove_diacritics 2');"
     "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes',"
     "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
     "INSERT INTO docs_fts(docs_fts) VALUES('rebuild');"
     "INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');"},
    {3, "dates as the first day of their period with a precision; content hashes, tone; views",
     /* A date was ISO text cut to what was known ("2019-06", "2006"),
      * which SQLite's date functions misread ("2006" is a Julian day).
      * Now every date is a whole day, the first of its period, and a
      * precision column says which period: day, month or year ('' with
      * an unknown date, which stays '').  Existing rows are rewritten. */
     DATE_STEP("documents", "pubdate", "pubdate_precision")
     DATE_STEP("sentences", "date", "date_precision")
     DATE_STEP("timexes", "date", "date_precision")
     DATE_STEP("quotes", "date", "date_precision")
     DATE_STEP("events", "date", "date_precision")
     DATE_STEP("event_reports", "date", "date_precision")
     /* What a document said (hash of title and body as they came in), so
      * a second document under a stored id can be told apart: NULL for
      * documents stored before this step (taken as the same). */
     "ALTER TABLE documents ADD COLUMN content_hash TEXT;"
     /* The document's tone ((positive - negative words) / words x 100, as
      * GDELT's AvgTone averages it); NULL before this step. */
     "ALTER TABLE documents ADD COLUMN tone REAL;"
     "CREATE INDEX documents_content_hash ON documents(content_hash);"
     /* For SQL users: each event with its actors' names and the first
      * report's evidence; each report with its document and sentence. */
     "CREATE VIEW events_view AS SELECT e.id, e.date, e.date_precision, e.source_code, e.source_name,"
     "  e.target_code, e.target_name, e.cameo, e.negated, e.goldstein, e.quad, e.plover_type, e.plover_mode,"
     "  e.n_reports, e.n_articles, e.n_sources, e.added, d.id AS doc_id, d.url, d.title, d.source,"
     "  r.sent AS sentence, r.source_text, r.target_text, r.verb_text, r.rule, r.confidence,"
     "  " STORE_SPAN_SQL("d.text", "st.off", "st.len") " AS evidence"
     "  FROM events e JOIN documents d ON d.docno = e.first_doc"
     "  LEFT JOIN event_reports r ON r.doc = e.first_doc AND r.i ="
     "    (SELECT min(i) FROM event_reports WHERE event = e.id AND doc = e.first_doc)"
     "  LEFT JOIN sentences st ON st.doc = r.doc AND st.i = r.sent;"
     "CREATE VIEW reports_view AS SELECT r.event, e.source_code, e.target_code, e.cameo, e.negated,"
     "  d.id AS doc_id, d.url, d.title, d.source, d.docno, r.i, r.sent AS sentence, r.date, r.date_precision,"
     "  r.source_text, r.target_text, r.verb_off, r.verb_len, r.verb_text, r.rule, r.flags, r.confidence,"
     "  " STORE_SPAN_SQL("d.text", "st.off", "st.len") " AS evidence"
     "  FROM event_reports r JOIN events e ON e.id = r.event JOIN documents d ON d.docno = r.doc"
     "  LEFT JOIN sentences st ON st.doc = r.doc AND st.i = r.sent;"},
    {4, "where: each event's place and its actors' geography",
     /* The place of the report that created the event (GDELT's ActionGeo)
      * and each side's (Actor1Geo, Actor2Geo); each report keeps its own
      * place with its evidence span.  Rows stored before this step have
      * none (NULL): re-ingest their documents to place them. */
     GEO_COLUMNS("events", "geo")
     "ALTER TABLE events ADD COLUMN geo_how TEXT;"
     "ALTER TABLE events ADD COLUMN geo_guess INTEGER;"
     GEO_COLUMNS("events", "a1_geo")
     GEO_COLUMNS("events", "a2_geo")
     GEO_COLUMNS("event_reports", "geo")
     "ALTER TABLE event_reports ADD COLUMN geo_how TEXT;"
     "ALTER TABLE event_reports ADD COLUMN geo_guess INTEGER;"
     "ALTER TABLE event_reports ADD COLUMN geo_off INTEGER;"
     "ALTER TABLE event_reports ADD COLUMN geo_len INTEGER;"
     "CREATE INDEX events_geo_country ON events(geo_country);"
     /* events_view again, with the place (version 3's and these columns). */
     "DROP VIEW events_view;"
     "CREATE VIEW events_view AS SELECT e.id, e.date, e.date_precision, e.source_code, e.source_name,"
     "  e.target_code, e.target_name, e.cameo, e.negated, e.goldstein, e.quad, e.plover_type, e.plover_mode,"
     "  e.n_reports, e.n_articles, e.n_sources, e.added, d.id AS doc_id, d.url, d.title, d.source,"
     "  r.sent AS sentence, r.source_text, r.target_text, r.verb_text, r.rule, r.confidence,"
     "  " STORE_SPAN_SQL("d.text", "st.off", "st.len") " AS evidence,"
     "  e.geo_name, e.geo_country, e.geo_adm1, e.geo_lat, e.geo_lon, e.geo_type, e.geo_how, e.geo_guess"
     "  FROM events e JOIN documents d ON d.docno = e.first_doc"
     "  LEFT JOIN event_reports r ON r.doc = e.first_doc AND r.i ="
     "    (SELECT min(i) FROM event_reports WHERE event = e.id AND doc = e.first_doc)"
     "  LEFT JOIN sentences st ON st.doc = r.doc AND st.i = r.sent;"},
};
#define N_MIGRATIONS (sizeof migrations / sizeof *migrations)

struct store {
    sqlite3 *db;
    sqlite3_stmt *stmt[ST__N];
    /* The last document and quote rows indexed for full text: the batch's
     * new rows are indexed at its commit (see store_commit). */
    sqlite3_int64 fts_doc, fts_quote;
};

sqlite3 *store_db(store *s) { return s->db; }

void store_errmsg(sqlite3 *db, const char *msg, char *err, size_t errlen)
{
    /* "disk I/O error" alone does not tell a full disk from a broken one:
     * the system's reason does (ENOSPC, EFBIG past a file size limit).
     * SQLite keeps it only for some of its writes (not a checkpoint's), so
     * errno, still set by the write that failed, fills in. */
    int saved = errno;
    int code = sqlite3_errcode(db), ext = sqlite3_extended_errcode(db), sys = sqlite3_system_errno(db);
    if (!sys && (saved == ENOSPC || saved == EFBIG || saved == EDQUOT)) sys = saved;
    const char *m = msg ? msg : sqlite3_errmsg(db);
    if ((code == SQLITE_IOERR || code == SQLITE_FULL) && sys)
        snprintf(err, errlen, "%s: %s", m, strerror(sys));
    else if (code == SQLITE_FULL || ext == SQLITE_IOERR_WRITE)
        snprintf(err, errlen, "%s (a write failed: is the disk full?)", m);
    else
        snprintf(err, errlen, "%s", m);
}

int store_exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    store_errmsg(db, msg, err, errlen);
    sqlite3_free(msg);
    return -1;
}

int store_schema_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) return -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

int store_migrate(sqlite3 *db, int version, char *err, size_t errlen)
{
    int have = store_schema_version(db);
    if (have < 0) { snprintf(err, errlen, "%s", sqlite3_errmsg(db)); return -1; }
    if (have > (int)N_MIGRATIONS) {
        snprintf(err, errlen, "the store has schema version %d; this dyad knows up to %d (a newer dyad wrote it)",
                 have, (int)N_MIGRATIONS);
        return -1;
    }
    for (size_t i = 0; i < N_MIGRATIONS && migrations[i].version <= version; i++) {
        const struct migration *m = &migrations[i];
        if (m->version <= have) continue;
        /* IMMEDIATE: take the write lock first, then look again, because
         * another dyad may have migrated while we waited for it. */
        if (store_exec(db, "BEGIN IMMEDIATE", err, errlen)) return -1;
        have = store_schema_version(db);
        if (m->version > have) {
            char set[64];
            snprintf(set, sizeof set, "PRAGMA user_version = %d", m->version);
            if (store_exec(db, m->sql, err, errlen) || store_exec(db, set, err, errlen)) {
                char e2[64];
                store_exec(db, "ROLLBACK", e2, sizeof e2);
                size_t n = strlen(err);
                snprintf(err + n, errlen - n, " (migrating to schema %d: %s)", m->version, m->what);
                return -1;
            }
            have = m->version;
        }
        if (store_exec(db, "COMMIT", err, errlen)) return -1;
    }
    return 0;
}

/* A URI naming path read as immutable (no locks, no -shm), for a store
 * no one can write. */
static char *immutable_uri(const char *path)
{
    char *u = malloc(3 * strlen(path) + 24), *o = u;
    if (!u) return NULL;
    o += sprintf(o, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7f) o += sprintf(o, "%%%02X", *p);
        else *o++ = (char)*p;
    strcpy(o, "?immutable=1");
    return u;
}

/* dyad_km(lat1, lon1, lat2, lon2): great-circle distance in km (--near);
 * NULL when a coordinate is. */
static void sql_km(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n;
    for (int i = 0; i < 4; i++)
        if (sqlite3_value_type(v[i]) == SQLITE_NULL) { sqlite3_result_null(c); return; }
    sqlite3_result_double(c, where_km(sqlite3_value_double(v[0]), sqlite3_value_double(v[1]),
                                      sqlite3_value_double(v[2]), sqlite3_value_double(v[3])));
}

static store *open_store(const char *path, int flags, int immutable, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    /* Queries open the store read-only: they never write (no WAL switch,
     * no migration), so a store without write permission answers them. */
    int write = (flags & (STORE_CREATE | STORE_WRITE)) != 0;
    /* NOMUTEX: a store handle belongs to one thread, like a dyad_doc. */
    int oflags = (write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX |
                 ((flags & STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
    char *uri = immutable ? immutable_uri(path) : NULL;
    if (immutable && !uri) { snprintf(err, errlen, "out of memory"); return NULL; }
    int rc = sqlite3_open_v2(uri ? uri : path, &db, oflags | (uri ? SQLITE_OPEN_URI : 0), NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        if (!(flags & STORE_CREATE) && rc == SQLITE_CANTOPEN && access(path, F_OK))
            snprintf(err, errlen, "%s: no such store (create it with 'dyad ingest --db %s FILE...')", path, path);
        else if (rc == SQLITE_READONLY || (rc == SQLITE_CANTOPEN && write && access(path, W_OK)))
            snprintf(err, errlen, "%s: the store is read-only here: it can be queried, not written", path);
        else
            snprintf(err, errlen, "%s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return NULL;
    }
    /* SQLite opens a file it may not write read-only without a word:
     * a writer must know now, not at its first insert. */
    if (write && sqlite3_db_readonly(db, "main") == 1) {
        snprintf(err, errlen, "%s: the store is read-only here: it can be queried, not written", path);
        sqlite3_close(db);
        return NULL;
    }
    /* A database that is not ours (tables, but no schema version) is
     * refused before anything is written into it. */
    char e[512] = "";
    sqlite3_busy_timeout(db, 10000);
    sqlite3_create_function(db, "dyad_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_km, NULL, NULL);
    sqlite3_stmt *st;
    int foreign = -1;
    if (sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version) = 0"
                           " AND EXISTS (SELECT 1 FROM sqlite_schema)", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) foreign = sqlite3_column_int(st, 0);
        else snprintf(e, sizeof e, "%s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
    } else
        snprintf(e, sizeof e, "%s", sqlite3_errmsg(db));
    int version = foreign == 0 ? store_schema_version(db) : -1;
    if (!write && foreign < 0 && !immutable && access(path, W_OK)) {
        /* A WAL store needs its -shm file, which a reader cannot create
         * beside a file (or in a folder) it may not write: with no -wal
         * file there is nothing uncommitted, so read the file as it is. */
        size_t n = strlen(path) + 8;
        char *wal = malloc(n);
        int has_wal = !wal || (snprintf(wal, n, "%s-wal", path), !access(wal, F_OK));
        free(wal);
        if (!has_wal) {
            sqlite3_close(db);
            return open_store(path, flags, 1, err, errlen);
        }
    }
    if (!write && foreign == 0 && version >= 0 && version < STORE_SCHEMA_VERSION) {
        /* An older store (or an empty file) must be upgraded before this
         * dyad can read it: that writes, so only when the file allows. */
        sqlite3_close(db);
        if (!access(path, W_OK)) return open_store(path, flags | STORE_WRITE, 0, err, errlen);
        snprintf(err, errlen, "%s: the store has schema version %d and this dyad reads version %d; upgrading it"
                 " needs write access once (make the file writable and run any dyad command on it)",
                 path, version, STORE_SCHEMA_VERSION);
        return NULL;
    }
    if (version > STORE_SCHEMA_VERSION) {
        snprintf(err, errlen, "%s: the store has schema version %d; this dyad knows up to %d (a newer dyad wrote it:"
                 " use that one)", path, version, STORE_SCHEMA_VERSION);
        sqlite3_close(db);
        return NULL;
    }
    /* WAL lets readers run beside one writer; NORMAL sync in WAL mode
     * loses no committed transaction when the process dies (at worst the
     * last ones on power loss); the per-document savepoints' journal is
     * kept in memory. */
    if (foreign < 0 || foreign ||
        (write && (store_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;",
                              e, sizeof e) ||
                   store_migrate(db, STORE_SCHEMA_VERSION, e, sizeof e)))) {
        if (foreign == 1 || strstr(e, "file is not a database"))
            snprintf(err, errlen, "%s: not a dyad store", path);
        else if (strstr(e, "readonly"))
            snprintf(err, errlen, "%s: the store is read-only here: it can be queried, not written (%s)", path, e);
        else
            snprintf(err, errlen, "%s: %s", path, e);
        sqlite3_close(db);
        return NULL;
    }
    store *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, errlen, "out of memory"); sqlite3_close(db); return NULL; }
    s->db = db;
    return s;
}

store *store_open(const char *path, int flags, char *err, size_t errlen)
{
    return open_store(path, flags, 0, err, errlen);
}

void store_close(store *s)
{
    if (!s) return;
    for (int i = 0; i < ST__N; i++) sqlite3_finalize(s->stmt[i]);
    sqlite3_close(s->db);
    free(s);
}

static sqlite3_int64 max_rowid(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    sqlite3_int64 v = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return 0;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int store_begin(store *s, char *err, size_t errlen)
{
    if (store_exec(s->db, "BEGIN IMMEDIATE", err, errlen)) return -1;
    s->fts_doc = max_rowid(s->db, "SELECT coalesce(max(docno), 0) FROM documents");
    s->fts_quote = max_rowid(s->db, "SELECT coalesce(max(id), 0) FROM quotes");
    return 0;
}

int store_commit(store *s, char *err, size_t errlen)
{
    /* The full-text indexes are fed once per batch, from the rows the batch
     * added, inside its transaction: FTS5 flushes its pending terms at every
     * savepoint, so indexing document by document under the per-document
     * savepoints cost a new index segment each (and 40% of ingest time).
     * Rows only ever get higher rowids (nothing is deleted), and a document
     * that failed was rolled back, so exactly the batch's rows are indexed. */
    sqlite3_stmt *st;
    static const char *const sql[2] = {
        "INSERT INTO docs_fts (rowid, title, text) SELECT docno, title, text FROM documents WHERE docno > ?1",
        "INSERT INTO quotes_fts (rowid, text, speaker_name) SELECT id, text, speaker_name FROM quotes WHERE id > ?1",
    };
    sqlite3_int64 from[2] = {s->fts_doc, s->fts_quote};
    for (int i = 0; i < 2; i++) {
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK) {
            snprintf(err, errlen, "%s", sqlite3_errmsg(s->db));
            return -1;
        }
        sqlite3_bind_int64(st, 1, from[i]);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_DONE) store_errmsg(s->db, NULL, err, errlen);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) return -1;
    }
    return store_exec(s->db, "COMMIT", err, errlen);
}

/* The statements ingest runs for every document, prepared once. */
static const char *const stmt_sql[ST__N] = {
    [ST_HAS_DOC] = "SELECT 1 FROM documents WHERE id = ?1",
    [ST_DOC] = "INSERT INTO documents (id, url, title, published, source, author, site, lang, extra,"
               " origin, id_generated, pubdate, pubdate_source, pubdate_evidence, source_key, text,"
               " n_sentences, n_entities, n_mentions, n_timexes, n_quotes, n_events, ingested_at,"
               " pubdate_precision, content_hash, tone)"
               " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
               " strftime('%Y-%m-%dT%H:%M:%SZ','now'),?23,?24,?25)",
    [ST_SENT] = "INSERT INTO sentences VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    [ST_ENTITY] = "INSERT INTO entities VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    [ST_MENTION] = "INSERT INTO mentions VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
    [ST_TIMEX] = "INSERT INTO timexes VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    [ST_QUOTE] = "INSERT INTO quotes (doc, i, off, len, sent, kind, speaker, speaker_name, speaker_code,"
                 " cue, date, text, date_precision) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    /* The nearest day-precise event of the same key within the window. */
    [ST_EV_FIND_DAY] = "SELECT id FROM events WHERE source_code = ?1 AND target_code = ?2 AND cameo = ?3"
                       " AND negated = ?4 AND day BETWEEN ?5 - ?6 AND ?5 + ?6 AND date_precision = 'day'"
                       " ORDER BY abs(day - ?5), id LIMIT 1",
    /* Month- or year-precise dates: only the same period is the same event. */
    [ST_EV_FIND_DATE] = "SELECT id FROM events WHERE source_code = ?1 AND target_code = ?2 AND cameo = ?3"
                        " AND negated = ?4 AND date = ?5 AND date_precision = ?6 LIMIT 1",
    /* Undated: the same event only within one document. */
    [ST_EV_FIND_UNDATED] = "SELECT id FROM events WHERE source_code = ?1 AND target_code = ?2 AND cameo = ?3"
                           " AND negated = ?4 AND date = '' AND first_doc = ?5 LIMIT 1",
    [ST_EV_INSERT] = "INSERT INTO events (date, day, source_code, target_code, source_name, target_name,"
                     " cameo, negated, goldstein, quad, plover_type, plover_mode, first_doc, added, date_precision,"
                     " geo_name, geo_country, geo_fips, geo_adm1, geo_lat, geo_lon, geo_type, geo_how, geo_guess,"
                     " a1_geo_name, a1_geo_country, a1_geo_fips, a1_geo_adm1, a1_geo_lat, a1_geo_lon, a1_geo_type,"
                     " a2_geo_name, a2_geo_country, a2_geo_fips, a2_geo_adm1, a2_geo_lat, a2_geo_lon, a2_geo_type)"
                     " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13, strftime('%Y-%m-%d','now'),?14,"
                     " ?15,?16,?17,?18,?19,?20,?21,?22,?23, ?24,?25,?26,?27,?28,?29,?30, ?31,?32,?33,?34,?35,?36,?37)",
    [ST_EV_HAS_DOC] = "SELECT 1 FROM event_reports WHERE event = ?1 AND doc = ?2 LIMIT 1",
    [ST_EV_HAS_SOURCE] = "SELECT 1 FROM event_reports r JOIN documents d ON d.docno = r.doc"
                         " WHERE r.event = ?1 AND d.source_key = ?2 LIMIT 1",
    [ST_REPORT] = "INSERT INTO event_reports (doc, i, event, sent, date, source_mention, target_mention,"
                  " source_text, target_text, verb_off, verb_len, verb_text, rule, flags, confidence, date_precision,"
                  " geo_name, geo_country, geo_fips, geo_adm1, geo_lat, geo_lon, geo_type, geo_how, geo_guess,"
                  " geo_off, geo_len)"
                  " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
                  " ?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27)",
    [ST_EV_COUNT] = "UPDATE events SET n_reports = n_reports + 1, n_articles = n_articles + ?2,"
                    " n_sources = n_sources + ?3 WHERE id = ?1",
    /* Is this id free, or does it hold this very content (store_resolve_id)? */
    [ST_RESOLVE] = "SELECT content_hash IS NULL OR content_hash = ?2 FROM documents WHERE id = ?1",
    /* Each document's own savepoint (store_put_doc): prepared once, not
     * parsed again for every document as sqlite3_exec would. */
    [ST_SAVEPOINT] = "SAVEPOINT doc",
    [ST_RELEASE] = "RELEASE doc",
};

sqlite3_stmt *store_stmt(store *s, int which, char *err, size_t errlen)
{
    sqlite3_stmt *st = s->stmt[which];
    if (!st) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
            snprintf(err, errlen, "%s", sqlite3_errmsg(s->db));
            return NULL;
        }
        s->stmt[which] = st;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}
