/*
 * store.h - the embedded SQLite store: coded documents in, queries,
 * timelines and exports out (inside libdyad, not part of the public API).
 *
 * Contracts:
 *  - store_open for writing creates the file if asked, switches it to WAL
 *    and migrates its schema to STORE_SCHEMA_VERSION (PRAGMA user_version),
 *    one migration step per transaction, so an old store is upgraded in
 *    place.  For queries it opens read-only and writes nothing (an older
 *    store is upgraded first only when the file is writable).
 *  - Writes happen in batches: store_begin .. store_put_doc* .. store_commit.
 *    store_put_doc stores one document whole or not at all (a savepoint),
 *    and a batch is one transaction, so a process killed at any moment
 *    leaves every committed document complete and no document half-stored.
 *  - A document is identified by doc->id; storing an id that is already in
 *    the store is a no-op (store_has_doc lets callers skip the coding too);
 *    store_resolve_id gives a document with a stored id but other content
 *    an id of its own (ID~2), so both are kept.
 *  - Events reported by several documents (same source, target, CAMEO
 *    code, negation, and dates at most STORE_EVENT_WINDOW days apart) are
 *    one row of `events`, linked to every report in `event_reports`.
 *  - Every query binds its user input as parameters; LIKE patterns are
 *    escaped, and full-text input becomes a conjunction of quoted phrases,
 *    so no user string can change a query's meaning.
 *
 * The schema is documented in docs/store.md.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stdio.h>
#include <sqlite3.h>

#include "dyad.h"
#include "../core/core.h"

#define STORE_SCHEMA_VERSION 4
#define STORE_EVENT_WINDOW 1          /* days either side that still make one event */

typedef struct store store;

/* A span of a text column cut in SQL: offsets are bytes, so the text is
 * cut as a blob. */
#define STORE_SPAN_SQL(text, off, len) "CAST(substr(CAST(" text " AS BLOB), " off " + 1, " len ") AS TEXT)"
/* A stored date (the first day of its period) shown as its period:
 * 2019-06-30, 2019-06, 2019, or '' when unknown. */
#define STORE_DATE_LABEL_SQL(date, prec) \
    "CASE " prec " WHEN 'month' THEN substr(" date ", 1, 7) WHEN 'year' THEN substr(" date ", 1, 4) ELSE " date " END"

/* STORE_CREATE: create if missing and write; STORE_WRITE: write an existing
 * store; neither: read-only (queries). */
enum { STORE_CREATE = 1, STORE_WRITE = 2 };

/* ---------------------------------------------------------------- schema.c */

/* Open (and with STORE_CREATE create) the store at path and migrate it.
 * NULL on failure with the reason in err. */
store *store_open(const char *path, int flags, char *err, size_t errlen);
void store_close(store *s);
sqlite3 *store_db(store *s);
/* Apply the migration steps up to `version` (tests use a lower one to build
 * an old store).  0 ok, -1 error in err. */
int store_migrate(sqlite3 *db, int version, char *err, size_t errlen);
int store_schema_version(sqlite3 *db);
/* One batch transaction (BEGIN IMMEDIATE .. COMMIT); the commit also
 * indexes the batch's documents and quotes for full-text search.  0 ok,
 * -1 error. */
int store_begin(store *s, char *err, size_t errlen);
int store_commit(store *s, char *err, size_t errlen);
/* The connection's last error into err (msg instead of SQLite's text when
 * given), with the system's reason for I/O errors ("No space left on
 * device", "File too large"). */
void store_errmsg(sqlite3 *db, const char *msg, char *err, size_t errlen);
/* Run SQL without results; 0 ok, -1 error in err. */
int store_exec(sqlite3 *db, const char *sql, char *err, size_t errlen);

/* ---------------------------------------------------------------- put.c */

/* 1 when a document with this id is stored (or stored earlier in the open
 * batch), 0 when not, -1 on error. */
int store_has_doc(store *s, const char *id);

/* Which id a document is stored under: 0 its own (new), 1 already stored
 * with the same content (skip it), 2 its id holds other content, so it
 * goes in as the first free "ID~2", "ID~3" ... (written to id), -1 error.
 * A document stored before content hashes counts as the same content. */
int store_resolve_id(store *s, const dyad_doc *d, char *id, size_t cap);

typedef struct {
    uint64_t docs, skipped, sentences, mentions, quotes, reports;
    uint64_t events_new, events_merged;  /* reports that made a new event / joined one */
} store_stats;

/* Store one processed document with its sentences, entities, mentions,
 * time expressions, quotes and event reports, inside the open batch.
 * 0 stored, 1 already stored (nothing changed), -1 error (nothing of this
 * document stored; the batch goes on), -2 error that rolled back the whole
 * open batch (SQLite does so on disk-full and I/O errors).  stats may be
 * NULL. */
int store_put_doc(store *s, const dyad_doc *d, store_stats *stats, char *err, size_t errlen);

/* How precise a date is: "day", "month", "year", or "" when unknown. */
const char *store_date_precision(dyad_date d);
/* Bind a date as stored: the first day of its period at i ('' unknown)
 * and its precision at prec_i. */
void store_bind_date(sqlite3_stmt *st, int i, int prec_i, dyad_date d);

/* tone.c: a document's tone as GDELT scores it ((positive - negative
 * words) / words x 100); 0 when it has no words.  store_tone_sorted is 1
 * when the word lists are in search order (a test). */
int store_doc_tone(const dyad_doc *d, double *tone);
int store_tone_sorted(void);

/* Helpers shared by put.c and events.c. */
dyad_date store_sentence_date(const dyad_doc *d, uint32_t sent);   /* the sentence's, else pubdate */
void store_bind_span(sqlite3_stmt *st, int i, const dyad_doc *d, uint32_t off, uint32_t len);
void store_bind_text(sqlite3_stmt *st, int i, const char *s);      /* NULL binds NULL */
int store_step(sqlite3 *db, sqlite3_stmt *st, char *err, size_t errlen);

/* ---------------------------------------------------------------- events.c */

/* Link the document's events (doc->events) to event rows, creating or
 * merging them; called by store_put_doc inside its savepoint.  `docno` is
 * the document's row, `source_key` the news source it counts for. */
int store_put_events(store *s, const dyad_doc *d, sqlite3_int64 docno, const char *source_key,
                     store_stats *stats, char *err, size_t errlen);
/* The prepared statement cache shared by put.c and events.c. */
sqlite3_stmt *store_stmt(store *s, int which, char *err, size_t errlen);
enum {
    ST_HAS_DOC, ST_DOC, ST_SENT, ST_ENTITY, ST_MENTION, ST_TIMEX, ST_QUOTE,
    ST_EV_FIND_DAY, ST_EV_FIND_DATE, ST_EV_FIND_UNDATED, ST_EV_INSERT, ST_EV_HAS_DOC,
    ST_EV_HAS_SOURCE, ST_REPORT, ST_EV_COUNT, ST_RESOLVE, ST_SAVEPOINT, ST_RELEASE, ST__N
};

/* ---------------------------------------------------------------- where.c */

/* What a query asks for; NULL / 0 fields do not filter. */
typedef struct {
    const char *actor;      /* code, code prefix or entity name, either side */
    const char *source, *target;
    const char *cameo;      /* CAMEO code or prefix: "04", "042" */
    const char *plover;     /* PLOVER type, any case */
    int quad;               /* 1..4 */
    const char *from, *to;  /* YYYY[-MM[-DD]], inclusive */
    const char *doc;        /* document id */
    const char *speaker;    /* quotes: speaker name */
    const char *text;       /* quotes: full-text words */
    const char *country;    /* events: placed in this country (dyad code) */
    int near;               /* events: placed within near_km of near_lat, near_lon */
    double near_lat, near_lon, near_km;
    long limit;             /* 0: no limit */
    long long id;           /* events: this event only (0: any) */
    /* events: keyset paging, only events after (after_date, after_id) in
     * the listing's order (undated last, then date, then id) */
    int has_after;
    const char *after_date;
    long long after_id;
} store_filter;

/* A query under construction: SQL text and its parameters, bound in order. */
typedef struct {
    dbuf sql;
    const char *param[64];
    int n_param;
    int is_int[64];
    long long ival[64];
    char *owned[64];        /* parameters built here (escaped patterns), freed by sq_free */
    int n_owned;
} sq;

void sq_sql(sq *q, const char *sql);
/* Append SQL with one '?' and bind s to it. */
void sq_text(sq *q, const char *sql, const char *s);
void sq_int(sq *q, const char *sql, long long v);
/* Append SQL whose '?' all take the same value (one parameter per '?'). */
void sq_text_n(sq *q, const char *sql, const char *s);
/* The parameter kept by the query (freed with it). */
const char *sq_keep(sq *q, char *s);
sqlite3_stmt *sq_prepare(sqlite3 *db, sq *q, char *err, size_t errlen);
void sq_free(sq *q);

/* "(...)" matching an actor on the given code and name columns: the
 * code or a code prefix (USA matches USAGOV), or whole words of the name
 * (Kim matches Kim Jong Un). */
void sq_actor(sq *q, const char *code_col, const char *name_col, const char *x);
/* " AND col >= from AND col <= to", partial dates meaning whole periods. */
void sq_dates(sq *q, const char *col, const char *from, const char *to);
/* x with LIKE's special characters escaped by '\' (malloc'd). */
char *sq_like_escape(const char *x);
/* Full-text input as an FTS5 query of quoted phrases, one per word (malloc'd);
 * NULL when the input has no word at all. */
char *store_fts_query(const char *text);
/* Check the filter's values (dates, CAMEO digits, quad); -1 with err. */
int store_filter_check(const store_filter *f, char *err, size_t errlen);

/* ---------------------------------------------------------------- query.c */

/* " AND ..." for every filter that applies to events (table alias e). */
void store_where_events(sq *q, const store_filter *f);
/* " AND ..." for the place filters alone (--country, --near within
 * near_km on the sphere): events and timelines share them. */
void store_where_place(sq *q, const store_filter *f);
/* Each returns a prepared statement with its parameters bound, or NULL
 * with err; the caller steps and finalizes it.  Column names are the
 * output's field names; `wide` adds the columns only machine formats show. */
sqlite3_stmt *store_query_events(store *s, const store_filter *f, int wide, char *err, size_t errlen);
sqlite3_stmt *store_query_quotes(store *s, const store_filter *f, int wide, char *err, size_t errlen);
sqlite3_stmt *store_query_actors(store *s, const store_filter *f, char *err, size_t errlen);
sqlite3_stmt *store_query_search(store *s, const char *text, long limit, char *err, size_t errlen);
/* One row: documents, events, reports, quotes, first_date, last_date. */
sqlite3_stmt *store_query_info(store *s, char *err, size_t errlen);
/* The reports of one event, for the JSON views and exports. */
sqlite3_stmt *store_query_reports(store *s, char *err, size_t errlen);

/* ---------------------------------------------------------------- table.c */

enum { OUT_TABLE = 0, OUT_JSON, OUT_CSV, OUT_TSV };
enum { CELL_NULL = 0, CELL_TEXT, CELL_NUM };

typedef struct { int kind; const char *s; } tab_cell;

/* A result written as an aligned table (buffered, to measure the columns),
 * JSON lines, CSV (RFC 4180, with a header) or TSV (header; tab, newline
 * and backslash escaped as \t \n \\). */
typedef struct {
    FILE *out;
    int fmt, ncols;
    const char *const *names;
    int maxw[64];           /* table: widest a column may be (default 40) */
    int fit;                /* table: total width to fit in (the terminal's), 0 none */
    int tty;                /* the output is a terminal: CSV/TSV strip control characters */
    const char *noun;       /* table footer: "(3 events)" */
    long rows;
    dbuf cells;             /* table: the buffered cells, NUL-separated */
    int *kinds;  size_t n_kinds, cap_kinds;
} tab_out;

void tab_begin(tab_out *t, FILE *out, int fmt, int ncols, const char *const *names);
/* One row as a JSON object (keys the names; numbers as numbers, NULL as
 * null): the JSON writer of every store result, CLI and server. */
void tab_json_cells(dbuf *b, int ncols, const char *const *names, const tab_cell *c);
/* The JSON object of a statement's current row (column names as keys). */
void tab_json_stmt_row(dbuf *b, sqlite3_stmt *st);
void tab_row(tab_out *t, const tab_cell *cells);
void tab_end(tab_out *t);
/* Run a statement to the end, one row per result row.  0 ok, -1 error. */
int tab_stmt(FILE *out, int fmt, sqlite3_stmt *st, const char *noun, const int *maxw, int fit,
             long *rows, char *err, size_t errlen);
/* Columns of terminal width a UTF-8 string takes (one per code point). */
size_t tab_width(const char *s, size_t n);

/* ---------------------------------------------------------------- timeline.c */

enum { BY_DAY, BY_WEEK, BY_MONTH, BY_YEAR };

typedef struct {
    char period[11];        /* 2019-06-30, 2019-06-24 (the Monday), 2019-06, 2019 */
    long ab, ba;            /* events A -> B and B -> A */
    double gsum;            /* Goldstein sum over both directions */
    long ngold;             /* events with a Goldstein score (the mean's divisor) */
    long quad[4];           /* events per quad class */
} tl_row;

typedef struct {
    const char *a, *b;
    int by;
    tl_row *rows;           /* the periods that have events, in order */
    size_t n;
} timeline;

int store_by_parse(const char *s);          /* -1 if unknown */
/* The events between A and B (both directions) per period, from..to
 * (NULL: open). */
int store_timeline(store *s, const char *a, const char *b, int by, const char *from, const char *to,
                   timeline *tl, char *err, size_t errlen);
/* The same with f's dates and place filters (--near, --country); f's
 * other filters are ignored. */
int store_timeline_filtered(store *s, const char *a, const char *b, int by, const store_filter *f,
                            timeline *tl, char *err, size_t errlen);
void timeline_free(timeline *tl);
/* Every period from the first row's to the last's, with the empty ones;
 * *n set; the caller frees.  Used by sparklines and the chart. */
tl_row *timeline_fill(const timeline *tl, size_t *n);
/* The label of the period after `p`. */
void timeline_next(int by, const char *p, char out[11]);
/* The cells of row i as the data formats show them (names: the column
 * names of the data formats, `by`'s name first); v holds their text. */
#define TL_COLS 10
void timeline_row_cells(const timeline *tl, size_t i, int fmt, char v[TL_COLS][32], tab_cell c[TL_COLS]);
const char *const *timeline_names(int by);
/* Table (with sparklines in OUT_TABLE) or JSON lines / CSV / TSV. */
void timeline_print(FILE *out, int fmt, const timeline *tl);
/* The sparkline of values (one block per value, ' ' for zero), UTF-8. */
void sparkline(dbuf *b, const double *v, size_t n, int signed_scale);

/* ---------------------------------------------------------------- svg.c */

/* A self-contained SVG chart of the timeline: bars per direction, the
 * Goldstein mean as a line on its own axis, title, axes and legend. */
void timeline_svg(dbuf *b, const timeline *tl);

/* ---------------------------------------------------------------- export.c */

enum { EXPORT_JSONL, EXPORT_CSV, EXPORT_GDELT, EXPORT_PLOVER, EXPORT_ICEWS, EXPORT_PHOENIX, EXPORT_MAP };
/* map.c: placed events as CSV (id, date, source, target, cameo, lat, lon, place, country, how, guess). */
int store_export_map(store *s, const store_filter *f, FILE *out, char *err, size_t errlen);
int store_export_parse(const char *s);      /* -1 if unknown */
typedef struct {
    const char *data_dir;   /* CAMEO and country names (ICEWS); NULL: the default */
    long left_out;          /* set: events the format cannot carry (negated, undated ...) */
} store_export_opts;
/* Write the filtered events in a format; 0 ok, -1 error in err. */
int store_export_to(store *s, const store_filter *f, int format, store_export_opts *o, FILE *out,
                    char *err, size_t errlen);
int store_export(store *s, const store_filter *f, int format, FILE *out, char *err, size_t errlen);
/* One event with every report (the jsonl export's record, no newline):
 * `ev` stepped on a row of store_query_events(wide), `rep` from
 * store_query_reports.  0 ok, -1 error in err. */
int store_event_json(dbuf *b, sqlite3_stmt *ev, sqlite3_stmt *rep, char *err, size_t errlen);
/* The non-negated dated events the filters select, every events_view
 * column, by id: what the spec formats carry. */
sqlite3_stmt *store_export_events(store *s, const store_filter *f, char *err, size_t errlen);
/* Any SELECT over events (alias e, ending in a WHERE clause) with the
 * filters, in event order, up to the limit: what every export runs. */
sqlite3_stmt *store_export_select(store *s, const char *select, const store_filter *f, char *err, size_t errlen);
/* Negated or undated events the filters select. */
long store_export_left_out(store *s, const store_filter *f);
/* Column index by name (-1 if absent), and its text (NULL if absent or NULL). */
int store_col(sqlite3_stmt *st, const char *name);
const char *store_col_text(sqlite3_stmt *st, const char *name);
/* The GDELT 1.0 event table (58 tab-separated columns, no header). */
int store_export_gdelt(store *s, const store_filter *f, FILE *out, char *err, size_t errlen);
/* PLOVER JSON lines (plover.c); *left_out counts the events left out. */
int store_export_plover(store *s, const store_filter *f, FILE *out, long *left_out, char *err, size_t errlen);
/* ICEWS-style or Phoenix TSV (tsv_formats.c). */
int store_export_tsv(store *s, const store_filter *f, int format, const char *data_dir, FILE *out,
                     char *err, size_t errlen);
/* PLOVER tables (plover.c): the context of a CAMEO code (NULL none), the
 * quad of a PLOVER category (0 unknown), whether it needs a recipient. */
const char *store_plover_context(const char *cameo);
int store_plover_quad(const char *type);
int store_plover_needs_recipient(const char *type);

/* Split a CAMEO actor code into GDELT's parts: country, known group,
 * religion, up to three types ("USAGOV" -> USA, GOV). */
typedef struct {
    char country[4], group[4], religion1[4], religion2[4], type[3][4];
} cameo_actor_parts;
void cameo_actor_split(const char *code, cameo_actor_parts *p);

#endif
