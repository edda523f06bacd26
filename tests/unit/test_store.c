/*
 * test_store.c - the SQLite store: schema and migrations, whole-document
 * writes, idempotence, one event for many reports, queries with hostile
 * input, timelines, the SVG chart, output formats and exports.
 *
 * The stages before the store are tested on their own; here documents are
 * built by hand (fx_doc, fx_mention, fx_quote, fx_event) with exactly the
 * mentions, quotes and events a test needs, so every count can be checked
 * against arithmetic done in the head.
 *
 * `test_store --fixture PATH` only builds the fixture store at PATH, for
 * tests/cli/store.sh to query through the dyad command.
 */
#include "../check.h"
#include "../../store/store.h"

#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------ the fixture
 *
 * fixture_build stores: US–North Korea events in 2017-08, 2018-06, 2018-07,
 * 2019-06 and 2022-03 (both directions, some reported by several
 * documents), a Russia–Ukraine pair, a negated event, month-dated and
 * undated events, and a document full of hostile strings (quotes, %, _,
 * ;, SQL and FTS syntax). */


/* A document with its text split into paragraphs ("\n\n") and sentences
 * (after ". ", "? ", "! ", a closing quote after them, or the end). */
static dyad_doc *fx_doc(const char *id, const char *source, const char *title, const char *date, const char *text)
{
    dyad_doc *d = dyad_doc_new();
    d->id = dyad_arena_strdup(d->arena, id);
    /* A document without a source has no URL either: nothing says where
     * it came from (NumSources must count it as a source of its own). */
    if (source) {
        d->source = dyad_arena_strdup(d->arena, source);
        d->url = dyad_arena_printf(d->arena, "https://wire.example.org/%s", id);
    }
    if (title) d->title = dyad_arena_strdup(d->arena, title);
    if (date) {
        d->published = dyad_arena_strdup(d->arena, date);
        dyad_date_parse(date, &d->pubdate);
        d->pubdate_source = DYAD_PUB_METADATA;
    }
    uint32_t n = (uint32_t)strlen(text);
    d->text = dyad_grow(d->text, &d->text_cap, n + 1, 1);
    memcpy(d->text, text, n + 1);
    d->text_len = n;
    uint32_t start = 0, para = 0;
    for (uint32_t i = 0; i <= n; i++) {
        int end = i == n;
        if (!end && (text[i] == '.' || text[i] == '?' || text[i] == '!')) {
            uint32_t j = i + 1;
            if (j < n && text[j] == '"') j++;
            if (j >= n || text[j] == ' ' || text[j] == '\n') { end = 1; i = j - 1; }
        }
        if (!end) continue;
        uint32_t e = i == n ? n : i + 1;
        while (start < e && (text[start] == ' ' || text[start] == '\n')) {
            if (start + 1 < e && text[start] == '\n' && text[start + 1] == '\n') para++;
            start++;
        }
        if (start < e) {
            d->sents = dyad_grow(d->sents, &d->cap_sents, d->n_sents + 1, sizeof *d->sents);
            d->sents[d->n_sents++] = (dyad_sentence){start, e - start, 0, 0, para, 0};
        }
        start = e;
    }
    d->sent_dates = dyad_grow(d->sent_dates, &d->cap_sent_dates, d->n_sents + 1, sizeof *d->sent_dates);
    for (uint32_t i = 0; i < d->n_sents; i++) d->sent_dates[i] = d->pubdate;
    return d;
}

static uint32_t fx_sentence_of(const dyad_doc *d, uint32_t off)
{
    for (uint32_t i = 0; i < d->n_sents; i++)
        if (off >= d->sents[i].off && off < d->sents[i].off + d->sents[i].len) return i;
    return 0;
}

/* Byte offset of the nth (0-based) occurrence of s in the text. */
static uint32_t fx_find(const dyad_doc *d, const char *s, int nth)
{
    const char *p = d->text;
    for (;;) {
        p = strstr(p, s);
        if (!p) { fprintf(stderr, "fixture: '%s' not in %s\n", s, d->id); abort(); }
        if (nth-- == 0) return (uint32_t)(p - d->text);
        p++;
    }
}

/* A mention of the nth occurrence of `words`, of the entity `name` (NULL:
 * the words themselves) with CAMEO code `code`; returns its index. */
static int32_t fx_mention(dyad_doc *d, const char *words, int nth, const char *code, const char *name)
{
    uint32_t off = fx_find(d, words, nth);
    if (!name) name = words;
    int32_t ent = -1;
    for (uint32_t i = 0; i < d->n_entities; i++)
        if (!strcmp(d->entities[i].name, name)) ent = (int32_t)i;
    if (ent < 0) {
        d->entities = dyad_grow(d->entities, &d->cap_entities, d->n_entities + 1, sizeof *d->entities);
        dyad_entity *e = &d->entities[d->n_entities];
        memset(e, 0, sizeof *e);
        e->name = dyad_arena_strdup(d->arena, name);
        snprintf(e->code, sizeof e->code, "%s", code);
        e->kind = strlen(code) == 3 ? DYAD_ACTOR_COUNTRY : DYAD_ACTOR_PERSON;
        e->first_mention = d->n_mentions;
        ent = (int32_t)d->n_entities++;
    }
    d->mentions = dyad_grow(d->mentions, &d->cap_mentions, d->n_mentions + 1, sizeof *d->mentions);
    dyad_mention *m = &d->mentions[d->n_mentions];
    memset(m, 0, sizeof *m);
    m->off = off;
    m->len = (uint32_t)strlen(words);
    m->sent = fx_sentence_of(d, off);
    m->entity = ent;
    m->antecedent = -1;
    snprintf(m->code, sizeof m->code, "%s", code);
    m->kind = d->entities[ent].kind;
    m->how = DYAD_HOW_LEXICON;
    return (int32_t)d->n_mentions++;
}

static void fx_quote(dyad_doc *d, const char *words, int32_t speaker, int kind)
{
    d->quotes = dyad_grow(d->quotes, &d->cap_quotes, d->n_quotes + 1, sizeof *d->quotes);
    dyad_quote *q = &d->quotes[d->n_quotes++];
    memset(q, 0, sizeof *q);
    q->off = fx_find(d, words, 0);
    q->len = (uint32_t)strlen(words);
    q->sent = fx_sentence_of(d, q->off);
    q->kind = (uint8_t)kind;
    q->speaker = speaker;
}

/* An event on the nth occurrence of `verb`; date NULL: the sentence's. */
static void fx_event(dyad_doc *d, int32_t src, int32_t tgt, const char *cameo, float gold, int quad,
                     const char *plover, const char *mode, const char *verb, int nth, const char *date,
                     uint32_t flags)
{
    d->events = dyad_grow(d->events, &d->cap_events, d->n_events + 1, sizeof *d->events);
    dyad_event *e = &d->events[d->n_events++];
    memset(e, 0, sizeof *e);
    e->verb_off = fx_find(d, verb, nth);
    e->verb_len = (uint32_t)strlen(verb);
    e->sent = fx_sentence_of(d, e->verb_off);
    e->source = src;
    e->target = tgt;
    if (src >= 0) snprintf(e->source_code, sizeof e->source_code, "%s", d->mentions[src].code);
    if (tgt >= 0) snprintf(e->target_code, sizeof e->target_code, "%s", d->mentions[tgt].code);
    snprintf(e->cameo, sizeof e->cameo, "%s", cameo);
    e->goldstein = gold;
    e->quad = (uint8_t)quad;
    e->plover_type = plover;
    e->plover_mode = mode;
    e->rule = dyad_arena_printf(d->arena, "test.%s", cameo);
    e->flags = flags;
    e->confidence = 0.9f;
    if (date) dyad_date_parse(date, &e->date);
}

/* Store d (freed afterwards); returns store_put_doc's result. */
static int fx_put(store *s, dyad_doc *d, store_stats *st)
{
    char err[512] = "";
    int r = store_put_doc(s, d, st, err, sizeof err);
    if (r < 0) fprintf(stderr, "fixture: %s: %s\n", d->id, err);
    dyad_doc_free(d);
    return r;
}

#define TRUMP(d, n) fx_mention(d, "Donald Trump", n, "USAGOV", NULL)
#define KIM(d, n) fx_mention(d, "Kim Jong Un", n, "PRKGOV", NULL)

static const char FX_HOSTILE_ID[] = "fx-8'; DROP TABLE documents; --";
static const char FX_HOSTILE_QUOTE[] = "it's 100% real; NEAR(this) OR that* ^x -y \"z\"";

/* The fixture corpus, in one batch.  0 ok. */
static int fixture_build(store *s)
{
    char err[512];
    store_stats st = {0};
    int bad = 0;
    if (store_begin(s, err, sizeof err)) return -1;
    dyad_doc *d;

    /* 2018-06-12: one meeting, reported by fx-1, fx-2 (next day, another
     * source) and twice by fx-3 (fx-1's source again). */
    d = fx_doc("fx-1", "Dyad Wire", "Trump and Kim meet in Singapore", "2018-06-12",
               "Donald Trump met Kim Jong Un in Singapore on Tuesday. Kim Jong Un praised Donald Trump.\n\n"
               "\"We will work together,\" Kim Jong Un said.");
    {
        int32_t t = TRUMP(d, 0), k = KIM(d, 0);
        fx_event(d, t, k, "044", 2.5f, 1, "CONSULT", "third-location", "met", 0, NULL, 0);
        int32_t k2 = KIM(d, 1), t2 = TRUMP(d, 1);
        fx_event(d, k2, t2, "051", 3.4f, 1, "SUPPORT", "praise", "praised", 0, NULL, 0);
        int32_t k3 = KIM(d, 2);
        fx_quote(d, "We will work together,", k3, DYAD_QUOTE_DIRECT);
    }
    bad |= fx_put(s, d, &st) < 0;

    d = fx_doc("fx-2", "Other News", "Singapore summit", "2018-06-13",
               "Donald Trump met Kim Jong Un in Singapore, officials said.");
    fx_event(d, TRUMP(d, 0), KIM(d, 0), "044", 2.5f, 1, "CONSULT", "third-location", "met", 0, "2018-06-12", 0);
    bad |= fx_put(s, d, &st) < 0;

    d = fx_doc("fx-3", "Dyad Wire", "Summit, again", "2018-06-12",
               "Donald Trump met Kim Jong Un. Later Donald Trump met Kim Jong Un again.");
    fx_event(d, TRUMP(d, 0), KIM(d, 0), "044", 2.5f, 1, "CONSULT", NULL, "met", 0, NULL, 0);
    fx_event(d, TRUMP(d, 1), KIM(d, 1), "044", 2.5f, 1, "CONSULT", NULL, "met", 1, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;

    /* 2017-08: threats both ways. */
    d = fx_doc("fx-4", "Dyad Wire", "Fire and fury", "2017-08-09",
               "Donald Trump threatened North Korea with fire and fury.");
    fx_event(d, TRUMP(d, 0), fx_mention(d, "North Korea", 0, "PRK", NULL), "138", -7.0f, 3, "THREATEN", NULL,
             "threatened", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;

    d = fx_doc("fx-5", "Dyad Wire", "Guam", "2017-08-10",
               "North Korea threatened the United States with a strike on Guam.");
    fx_event(d, fx_mention(d, "North Korea", 0, "PRK", NULL), fx_mention(d, "the United States", 0, "USA", "United States"),
             "138", -7.0f, 3, "THREATEN", NULL, "threatened", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;

    /* 2022-03-24/25: a launch (no target) and a condemnation reported twice. */
    d = fx_doc("fx-6", "Dyad Wire", "Missile launch", "2022-03-24",
               "North Korea fired a missile. The United States condemned North Korea.");
    fx_event(d, fx_mention(d, "North Korea", 0, "PRK", NULL), -1, "150", -7.2f, 4, "MOBILIZE", NULL, "fired", 0, NULL, 0);
    fx_event(d, fx_mention(d, "The United States", 0, "USA", "United States"), fx_mention(d, "North Korea", 1, "PRK", NULL),
             "111", -2.0f, 3, "ACCUSE", NULL, "condemned", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;
    d = fx_doc("fx-7", "Third Paper", "Condemnation", "2022-03-25",
               "The United States condemned North Korea for the launch.");
    fx_event(d, fx_mention(d, "The United States", 0, "USA", "United States"), fx_mention(d, "North Korea", 0, "PRK", NULL),
             "111", -2.0f, 3, "ACCUSE", NULL, "condemned", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;

    /* 2019-06-30: hostile strings everywhere a user string can go. */
    d = fx_doc(FX_HOSTILE_ID, "O'Reilly \"Wire\"; 50_50", "100% sure: \"quotes\", semicolons; and 50_50 odds",
               "2019-06-30",
               "Kim Jong Un met Donald Trump at Panmunjom. Seamus O'Brien said \"it's 100% real; NEAR(this) OR that* ^x -y \"z\"\" today.");
    fx_event(d, KIM(d, 0), TRUMP(d, 0), "043", 2.8f, 1, "CONSULT", "host", "met", 0, NULL, 0);
    fx_quote(d, FX_HOSTILE_QUOTE, fx_mention(d, "Seamus O'Brien", 0, "IRLMED", NULL), DYAD_QUOTE_DIRECT);
    bad |= fx_put(s, d, &st) < 0;

    /* Another dyad on the same day. */
    d = fx_doc("fx-9", "Dyad Wire", "Front line", "2019-06-30",
               "Russia attacked Ukraine. Ukraine accused Russia of war crimes.");
    fx_event(d, fx_mention(d, "Russia", 0, "RUS", NULL), fx_mention(d, "Ukraine", 0, "UKR", NULL), "190", -10.0f, 4,
             "FIGHT", NULL, "attacked", 0, NULL, 0);
    fx_event(d, fx_mention(d, "Ukraine", 1, "UKR", NULL), fx_mention(d, "Russia", 1, "RUS", NULL), "112", -2.0f, 3,
             "ACCUSE", NULL, "accused", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;

    /* A negated meeting on the summit day: its own event, not the meeting. */
    d = fx_doc("fx-10", "Dyad Wire", "No meeting", "2018-06-12",
               "Donald Trump did not meet Kim Jong Un on Monday.");
    fx_event(d, TRUMP(d, 0), KIM(d, 0), "044", 2.5f, 1, "CONSULT", NULL, "meet", 0, NULL, DYAD_EV_NEGATED);
    bad |= fx_put(s, d, &st) < 0;

    /* Dated to the month only, twice: one event. */
    d = fx_doc("fx-11", "Dyad Wire", "Pompeo", "2018-07",
               "Mike Pompeo visited Kim Jong Un in Pyongyang.");
    fx_event(d, fx_mention(d, "Mike Pompeo", 0, "USAGOV", NULL), KIM(d, 0), "042", 1.9f, 1, "CONSULT", "visit",
             "visited", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;
    d = fx_doc("fx-12", "Other News", "Pompeo again", "2018-07",
               "Mike Pompeo visited Kim Jong Un.");
    fx_event(d, fx_mention(d, "Mike Pompeo", 0, "USAGOV", NULL), KIM(d, 0), "042", 1.9f, 1, "CONSULT", "visit",
             "visited", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;

    /* Undated, twice: never merged across documents. */
    d = fx_doc("fx-13", NULL, "Undated", NULL, "Kim Jong Un praised Donald Trump.");
    fx_event(d, KIM(d, 0), TRUMP(d, 0), "051", 3.4f, 1, "SUPPORT", NULL, "praised", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;
    d = fx_doc("fx-14", NULL, "Undated too", NULL, "Kim Jong Un praised Donald Trump.");
    fx_event(d, KIM(d, 0), TRUMP(d, 0), "051", 3.4f, 1, "SUPPORT", NULL, "praised", 0, NULL, 0);
    bad |= fx_put(s, d, &st) < 0;

    if (store_commit(s, err, sizeof err)) return -1;
    return bad ? -1 : 0;
}


/* ------------------------------------------------------------ helpers */

#include <jansson.h>
#include <math.h>

static char tmpdir[256];

/* A path in the test's temporary folder (four rotating buffers). */
static const char *path_in(const char *name)
{
    static char bufs[4][512];
    static int k;
    char *b = bufs[k++ & 3];
    snprintf(b, 512, "%s/%s", tmpdir, name);
    return b;
}

static void remove_db(const char *path)
{
    char p[600];
    remove(path);
    snprintf(p, sizeof p, "%s-wal", path); remove(p);
    snprintf(p, sizeof p, "%s-shm", path); remove(p);
}

static store *fresh(const char *name)
{
    const char *p = path_in(name);
    remove_db(p);
    char err[512];
    store *s = store_open(p, STORE_CREATE, err, sizeof err);
    if (!s) fprintf(stderr, "cannot open %s: %s\n", p, err);
    return s;
}

static store *fixture(const char *name)
{
    store *s = fresh(name);
    if (s && fixture_build(s)) { store_close(s); return NULL; }
    return s;
}

/* The first column of the first row of sql, as an integer (-1 on error). */
static long long q1(store *s, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "q1: %s: %s\n", sql, sqlite3_errmsg(store_db(s)));
        return -1;
    }
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* The first column of the first row, as text into out. */
static const char *qs(store *s, const char *sql, char *out, size_t cap)
{
    sqlite3_stmt *st;
    out[0] = 0;
    if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK) return out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

/* Rows a prepared query returns (-1 if it is NULL or fails); finalizes it. */
static long rows(sqlite3_stmt *st)
{
    if (!st) return -1;
    long n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) n++;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? n : -1;
}

static long ev_rows(store *s, store_filter f)
{
    char err[512];
    sqlite3_stmt *st = store_query_events(s, &f, 1, err, sizeof err);
    if (!st) fprintf(stderr, "events: %s\n", err);
    return rows(st);
}

static long quote_rows(store *s, store_filter f)
{
    char err[512];
    sqlite3_stmt *st = store_query_quotes(s, &f, 1, err, sizeof err);
    if (!st) fprintf(stderr, "quotes: %s\n", err);
    return rows(st);
}

static long search_rows(store *s, const char *text)
{
    char err[512];
    sqlite3_stmt *st = store_query_search(s, text, 0, err, sizeof err);
    return st ? rows(st) : 0;
}

/* Documents whose stored child rows differ from their own counts. */
static const char INCOMPLETE[] =
    "SELECT count(*) FROM documents d WHERE"
    " n_sentences <> (SELECT count(*) FROM sentences x WHERE x.doc = d.docno)"
    " OR n_entities <> (SELECT count(*) FROM entities x WHERE x.doc = d.docno)"
    " OR n_mentions <> (SELECT count(*) FROM mentions x WHERE x.doc = d.docno)"
    " OR n_quotes <> (SELECT count(*) FROM quotes x WHERE x.doc = d.docno)"
    " OR n_events <> (SELECT count(*) FROM event_reports x WHERE x.doc = d.docno)";

/* Whatever a FILE* of memory received, as a NUL-terminated string. */
typedef struct { FILE *f; char *buf; size_t len; } memout;
static void mem_open(memout *m) { m->buf = NULL; m->len = 0; m->f = open_memstream(&m->buf, &m->len); }
static const char *mem_text(memout *m) { fflush(m->f); return m->buf ? m->buf : ""; }
static void mem_close(memout *m) { fclose(m->f); free(m->buf); }

static int count_str(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

/* ------------------------------------------------------------ schema */

static void test_schema_fresh(void)
{
    store *s = fresh("fresh.db");
    CHECK(s != NULL);
    if (!s) return;
    char buf[64];
    CHECK_INT(store_schema_version(store_db(s)), STORE_SCHEMA_VERSION);
    CHECK_STR(qs(s, "PRAGMA journal_mode", buf, sizeof buf), "wal");
    CHECK_INT(q1(s, "SELECT count(*) FROM sqlite_schema WHERE name IN ('documents','sentences','entities','mentions',"
                    "'timexes','quotes','events','event_reports','docs_fts','quotes_fts')"), 10);
    CHECK_INT(q1(s, "SELECT count(*) FROM documents"), 0);
    store_close(s);
    /* Opening again changes nothing. */
    char err[512];
    s = store_open(path_in("fresh.db"), 0, err, sizeof err);
    CHECK(s != NULL);
    if (s) CHECK_INT(store_schema_version(store_db(s)), STORE_SCHEMA_VERSION);
    store_close(s);
}

static void test_migration_from_v1(void)
{
    const char *p = path_in("v1.db");
    remove_db(p);
    sqlite3 *db;
    char err[512];
    CHECK(sqlite3_open(p, &db) == SQLITE_OK);
    CHECK_INT(store_migrate(db, 1, err, sizeof err), 0);
    CHECK_INT(store_schema_version(db), 1);
    CHECK_INT(store_exec(db, "INSERT INTO documents (id, source_key, text, n_sentences, n_entities, n_mentions,"
                             " n_timexes, n_quotes, n_events, ingested_at)"
                             " VALUES ('old', 'k', 'An old story from Pyongyang.', 0, 0, 0, 0, 0, 0, '2020')",
                        err, sizeof err), 0);
    sqlite3_close(db);
    /* Opening with this dyad runs step 2, which indexes what is there. */
    store *s = store_open(p, 0, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    CHECK_INT(store_schema_version(store_db(s)), STORE_SCHEMA_VERSION);
    CHECK_INT(search_rows(s, "pyongyang"), 1);
    store_close(s);
}

static void test_refuses_what_it_cannot_use(void)
{
    char err[512];
    /* A newer schema. */
    store *s = fresh("newer.db");
    store_close(s);
    sqlite3 *db;
    sqlite3_open(path_in("newer.db"), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    s = store_open(path_in("newer.db"), 0, err, sizeof err);
    CHECK(s == NULL);
    CHECK(strstr(err, "newer") != NULL);
    store_close(s);

    /* Someone else's database is not written into. */
    remove_db(path_in("foreign.db"));
    sqlite3_open(path_in("foreign.db"), &db);
    sqlite3_exec(db, "CREATE TABLE accounts (a)", NULL, NULL, NULL);
    sqlite3_close(db);
    s = store_open(path_in("foreign.db"), STORE_CREATE, err, sizeof err);
    CHECK(s == NULL);
    CHECK(strstr(err, "not a dyad store") != NULL);
    sqlite3_open(path_in("foreign.db"), &db);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents'", -1, &st, NULL);
    sqlite3_step(st);
    CHECK_INT(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    sqlite3_close(db);

    /* Not a database at all. */
    FILE *f = fopen(path_in("text.db"), "w");
    fputs("this is a text file, not a database, with enough bytes to look like a header......\n", f);
    fclose(f);
    s = store_open(path_in("text.db"), STORE_CREATE, err, sizeof err);
    CHECK(s == NULL);
    CHECK(strstr(err, "not a dyad store") != NULL);

    /* A missing store is not created by a query. */
    remove_db(path_in("missing.db"));
    s = store_open(path_in("missing.db"), 0, err, sizeof err);
    CHECK(s == NULL);
    CHECK(strstr(err, "no such store") != NULL);
    CHECK(access(path_in("missing.db"), F_OK) != 0);
}

/* ------------------------------------------------------------ writes */

static void test_documents_whole(void)
{
    store *s = fixture("fx.db");
    CHECK(s != NULL);
    if (!s) return;
    char buf[256];
    CHECK_INT(q1(s, "SELECT count(*) FROM documents"), 14);
    CHECK_INT(q1(s, INCOMPLETE), 0);
    CHECK_INT(q1(s, "SELECT count(*) FROM sentences x JOIN documents d ON d.docno = x.doc WHERE d.id = 'fx-1'"), 3);
    CHECK_INT(q1(s, "SELECT max(para) FROM sentences x JOIN documents d ON d.docno = x.doc WHERE d.id = 'fx-1'"), 1);
    CHECK_STR(qs(s, "SELECT date FROM sentences x JOIN documents d ON d.docno = x.doc WHERE d.id = 'fx-1' AND i = 2",
                 buf, sizeof buf), "2018-06-12");
    CHECK_STR(qs(s, "SELECT pubdate || ' ' || pubdate_precision FROM documents WHERE id = 'fx-11'", buf, sizeof buf),
              "2018-07-01 month");
    CHECK_STR(qs(s, "SELECT pubdate_source FROM documents WHERE id = 'fx-11'", buf, sizeof buf), "metadata");
    CHECK_INT(q1(s, "SELECT count(*) FROM event_reports"), 18);
    CHECK_INT(q1(s, "SELECT count(*) FROM events"), 13);
    CHECK_INT(q1(s, "SELECT count(*) FROM quotes"), 2);
    /* Text spans come back byte for byte, and the speaker is the entity. */
    CHECK_STR(qs(s, "SELECT text FROM quotes WHERE speaker_code = 'IRLMED'", buf, sizeof buf), FX_HOSTILE_QUOTE);
    CHECK_STR(qs(s, "SELECT speaker_name FROM quotes WHERE speaker_code = 'PRKGOV'", buf, sizeof buf), "Kim Jong Un");
    CHECK_STR(qs(s, "SELECT m.text FROM mentions m JOIN documents d ON d.docno = m.doc WHERE d.id = 'fx-5' AND m.code = 'USA'",
                 buf, sizeof buf), "the United States");
    CHECK_STR(qs(s, "SELECT name FROM entities e JOIN documents d ON d.docno = e.doc WHERE d.id = 'fx-5' AND e.code = 'USA'",
                 buf, sizeof buf), "United States");
    /* NumSources counts sources; a document without one is its own. */
    CHECK_STR(qs(s, "SELECT source_key FROM documents WHERE id = 'fx-13'", buf, sizeof buf), "doc:fx-13");
    CHECK_STR(qs(s, "SELECT id FROM documents WHERE title LIKE '100%'", buf, sizeof buf), FX_HOSTILE_ID);
    CHECK_INT(sqlite3_exec(store_db(s), "INSERT INTO docs_fts(docs_fts) VALUES('integrity-check');"
                                        "INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check');", NULL, NULL, NULL), SQLITE_OK);
    store_close(s);
}

static void test_idempotent(void)
{
    store *s = fixture("idem.db");
    CHECK(s != NULL);
    if (!s) return;
    char err[512];
    long long docs = q1(s, "SELECT count(*) FROM documents"), reps = q1(s, "SELECT count(*) FROM event_reports");
    long long n = q1(s, "SELECT n_reports FROM events WHERE cameo = '044' AND negated = 0");
    CHECK_INT(store_has_doc(s, "fx-1"), 1);
    CHECK_INT(store_has_doc(s, "fx-99"), 0);
    /* The whole corpus again, in the same connection and after reopening. */
    store_stats st = {0};
    CHECK_INT(fixture_build(s), 0);
    store_close(s);
    s = store_open(path_in("idem.db"), STORE_WRITE, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    store_begin(s, err, sizeof err);
    dyad_doc *d = fx_doc("fx-1", "Elsewhere", "changed", "2020-01-01", "Totally different text.");
    CHECK_INT(fx_put(s, d, &st), 1);
    CHECK_INT(st.skipped, 1);
    CHECK_INT(st.docs, 0);
    store_commit(s, err, sizeof err);
    CHECK_INT(q1(s, "SELECT count(*) FROM documents"), docs);
    CHECK_INT(q1(s, "SELECT count(*) FROM event_reports"), reps);
    CHECK_INT(q1(s, "SELECT n_reports FROM events WHERE cameo = '044' AND negated = 0"), n);
    CHECK_INT(q1(s, "SELECT count(*) FROM documents WHERE title = 'changed'"), 0);
    CHECK_INT(q1(s, INCOMPLETE), 0);
    store_close(s);
}

static void test_one_event_many_reports(void)
{
    store *s = fixture("dedup.db");
    CHECK(s != NULL);
    if (!s) return;
    char buf[256];
    /* The summit meeting: fx-1, fx-2 (a day later, another source) and two
     * sentences of fx-3 (fx-1's source again). */
    CHECK_INT(q1(s, "SELECT count(*) FROM events WHERE cameo = '044' AND negated = 0"), 1);
    CHECK_INT(q1(s, "SELECT n_reports FROM events WHERE cameo = '044' AND negated = 0"), 4);
    CHECK_INT(q1(s, "SELECT n_articles FROM events WHERE cameo = '044' AND negated = 0"), 3);
    CHECK_INT(q1(s, "SELECT n_sources FROM events WHERE cameo = '044' AND negated = 0"), 2);
    CHECK_STR(qs(s, "SELECT date FROM events WHERE cameo = '044' AND negated = 0", buf, sizeof buf), "2018-06-12");
    /* Every report keeps its own evidence. */
    CHECK_STR(qs(s, "SELECT group_concat(d.id || ':' || r.sent || ':' || r.verb_text || ':' || r.source_text, ' ')"
                    " FROM (SELECT * FROM event_reports ORDER BY doc, i) r JOIN events e ON e.id = r.event"
                    " JOIN documents d ON d.docno = r.doc WHERE e.cameo = '044' AND e.negated = 0", buf, sizeof buf),
              "fx-1:0:met:Donald Trump fx-2:0:met:Donald Trump fx-3:0:met:Donald Trump fx-3:1:met:Donald Trump");
    /* The condemnation, reported on 03-24 and 03-25 by two sources. */
    CHECK_INT(q1(s, "SELECT n_reports * 100 + n_articles * 10 + n_sources FROM events WHERE cameo = '111'"), 222);
    /* Negation is part of the event; month dates merge only with the same
     * month; undated reports never merge across documents. */
    CHECK_INT(q1(s, "SELECT count(*) FROM events WHERE cameo = '044'"), 2);
    CHECK_INT(q1(s, "SELECT n_reports FROM events WHERE cameo = '042' AND date = '2018-07-01'"
                    " AND date_precision = 'month'"), 2);
    CHECK_INT(q1(s, "SELECT count(*) FROM events WHERE cameo = '051' AND date = ''"), 2);
    CHECK_INT(q1(s, "SELECT count(*) FROM events WHERE cameo = '051'"), 3);

    /* The window: a report one day before the anchor joins; two days after
     * does not. */
    char err[512];
    store_stats st = {0};
    store_begin(s, err, sizeof err);
    dyad_doc *d = fx_doc("win-1", "Late Wire", "Eve", "2018-06-11", "Donald Trump met Kim Jong Un.");
    fx_event(d, TRUMP(d, 0), KIM(d, 0), "044", 2.5f, 1, "CONSULT", NULL, "met", 0, NULL, 0);
    CHECK_INT(fx_put(s, d, &st), 0);
    d = fx_doc("win-2", "Late Wire", "Later", "2018-06-14", "Donald Trump met Kim Jong Un.");
    fx_event(d, TRUMP(d, 0), KIM(d, 0), "044", 2.5f, 1, "CONSULT", NULL, "met", 0, NULL, 0);
    CHECK_INT(fx_put(s, d, &st), 0);
    store_commit(s, err, sizeof err);
    CHECK_INT(st.events_merged, 1);
    CHECK_INT(st.events_new, 1);
    CHECK_INT(q1(s, "SELECT n_reports * 100 + n_articles * 10 + n_sources FROM events"
                    " WHERE cameo = '044' AND negated = 0 AND date = '2018-06-12'"), 543);
    CHECK_INT(q1(s, "SELECT count(*) FROM events WHERE cameo = '044' AND negated = 0"), 2);
    store_close(s);
}

static void test_failed_document_leaves_nothing(void)
{
    store *s = fresh("rollback.db");
    CHECK(s != NULL);
    if (!s) return;
    char err[512] = "";
    /* A trigger makes one report fail after the document's first event
     * has already joined an existing event and bumped its counts. */
    CHECK_INT(store_exec(store_db(s), "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.event_reports"
                                      " WHEN NEW.rule = 'test.999' BEGIN SELECT RAISE(ABORT, 'boom'); END",
                         err, sizeof err), 0);
    store_stats st = {0};
    store_begin(s, err, sizeof err);
    dyad_doc *d = fx_doc("a", "Wire", "A", "2018-06-12", "Donald Trump met Kim Jong Un.");
    fx_event(d, TRUMP(d, 0), KIM(d, 0), "044", 2.5f, 1, "CONSULT", NULL, "met", 0, NULL, 0);
    CHECK_INT(fx_put(s, d, &st), 0);
    d = fx_doc("b", "Other", "B", "2018-06-12", "Donald Trump met Kim Jong Un. Kim Jong Un met Donald Trump.\n\n\"Hello,\" Kim Jong Un said.");
    fx_event(d, TRUMP(d, 0), KIM(d, 0), "044", 2.5f, 1, "CONSULT", NULL, "met", 0, NULL, 0);
    fx_event(d, KIM(d, 1), TRUMP(d, 1), "999", 0.0f, 1, "CONSULT", NULL, "met", 1, NULL, 0);
    fx_quote(d, "Hello,", KIM(d, 2), DYAD_QUOTE_DIRECT);
    err[0] = 0;
    CHECK_INT(store_put_doc(s, d, &st, err, sizeof err), -1);
    CHECK(strstr(err, "boom") != NULL);
    dyad_doc_free(d);
    d = fx_doc("c", "Wire", "C", "2019-01-01", "Kim Jong Un praised Donald Trump.");
    CHECK_INT(fx_put(s, d, &st), 0);
    CHECK_INT(store_commit(s, err, sizeof err), 0);
    CHECK_INT(q1(s, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(q1(s, "SELECT count(*) FROM documents WHERE id = 'b'"), 0);
    CHECK_INT(q1(s, "SELECT count(*) FROM sentences"), 2);
    CHECK_INT(q1(s, "SELECT count(*) FROM mentions"), 2);
    CHECK_INT(q1(s, "SELECT count(*) FROM quotes"), 0);
    CHECK_INT(q1(s, "SELECT count(*) FROM events"), 1);
    CHECK_INT(q1(s, "SELECT n_reports * 100 + n_articles * 10 + n_sources FROM events"), 111);
    CHECK_INT(q1(s, INCOMPLETE), 0);
    CHECK_INT(st.docs, 2);
    CHECK_INT(search_rows(s, "Hello"), 0);
    store_close(s);
}

/* A full disk (here: a page limit) fails a document without harming the
 * store: either the document alone is rolled back (-1) or, when SQLite
 * gives up the whole transaction, the caller is told (-2). */
static void test_disk_full(void)
{
    store *s = fixture("full.db");
    CHECK(s != NULL);
    if (!s) return;
    char err[512] = "";
    long long pages = q1(s, "PRAGMA page_count");
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pages + 4);
    CHECK_INT(store_exec(store_db(s), sql, err, sizeof err), 0);
    size_t n = 2u << 20;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++) big[i] = i % 64 == 63 ? ' ' : (char)('a' + i % 26);
    big[n] = 0;
    memcpy(big + n - 40, "Donald Trump met Kim Jong Un in Seoul.", 38);
    CHECK_INT(store_begin(s, err, sizeof err), 0);
    dyad_doc *d = fx_doc("big", "Wire", "Big", "2020-01-01", big);
    int r = store_put_doc(s, d, NULL, err, sizeof err);
    CHECK(r == -1 || r == -2);
    if (r == -1) CHECK_INT(store_commit(s, err, sizeof err), 0);
    else CHECK(sqlite3_get_autocommit(store_db(s)));
    CHECK_INT(q1(s, "SELECT count(*) FROM documents WHERE id = 'big'"), 0);
    CHECK_INT(q1(s, "SELECT count(*) FROM documents"), 14);
    CHECK_INT(q1(s, INCOMPLETE), 0);
    /* With room again, the same document goes in. */
    CHECK_INT(store_exec(store_db(s), "PRAGMA max_page_count = 1073741823", err, sizeof err), 0);
    CHECK_INT(store_begin(s, err, sizeof err), 0);
    CHECK_INT(store_put_doc(s, d, NULL, err, sizeof err), 0);
    CHECK_INT(store_commit(s, err, sizeof err), 0);
    CHECK_INT(q1(s, "SELECT count(*) FROM documents"), 15);
    CHECK_INT(search_rows(s, "Seoul"), 1);
    dyad_doc_free(d);
    free(big);
    store_close(s);
}

/* ------------------------------------------------------------ queries */

static void test_event_filters(void)
{
    store *s = fixture("query.db");
    CHECK(s != NULL);
    if (!s) return;
    store_filter f;
#define EV(...) (f = (store_filter){__VA_ARGS__}, ev_rows(s, f))
    CHECK_INT(EV(0), 13);
    CHECK_INT(EV(.actor = "USA"), 10);
    CHECK_INT(EV(.actor = "usa"), 10);
    CHECK_INT(EV(.actor = "USAGOV"), 8);
    CHECK_INT(EV(.actor = "Kim"), 7);
    CHECK_INT(EV(.actor = "jong"), 7);
    CHECK_INT(EV(.actor = "Kim Jong Un"), 7);
    CHECK_INT(EV(.actor = "Ki"), 0);
    CHECK_INT(EV(.actor = "ZZZ"), 0);
    CHECK_INT(EV(.source = "PRK"), 6);
    CHECK_INT(EV(.target = "PRK"), 5);
    CHECK_INT(EV(.source = "USA", .target = "PRK"), 5);
    CHECK_INT(EV(.cameo = "04"), 4);
    CHECK_INT(EV(.cameo = "044"), 2);
    CHECK_INT(EV(.cameo = "13"), 2);
    CHECK_INT(EV(.plover = "consult"), 4);
    CHECK_INT(EV(.quad = 3), 4);
    CHECK_INT(EV(.from = "2018", .to = "2018"), 4);
    CHECK_INT(EV(.from = "2018-06-13"), 6);
    CHECK_INT(EV(.to = "2018-06"), 5);
    CHECK_INT(EV(.doc = "fx-2"), 1);
    CHECK_INT(EV(.doc = FX_HOSTILE_ID), 1);
    CHECK_INT(EV(.limit = 3), 3);
    /* Hostile input is data, never syntax or a wildcard. */
    CHECK_INT(EV(.actor = "%"), 0);
    CHECK_INT(EV(.actor = "_SA"), 0);
    CHECK_INT(EV(.actor = "'; DROP TABLE events; --"), 0);
    CHECK_INT(EV(.actor = "\" OR 1=1 --"), 0);
    CHECK_INT(EV(.plover = "CONSULT' OR '1'='1"), 0);
    CHECK_INT(EV(.doc = "fx-1' OR '1'='1"), 0);
    CHECK_INT(EV(.cameo = "%"), 0);
    CHECK_INT(q1(s, "SELECT count(*) FROM events"), 13);
#undef EV
    char err[256];
    f = (store_filter){.from = "2019-13"};
    CHECK_INT(store_filter_check(&f, err, sizeof err), -1);
    f = (store_filter){.cameo = "04a"};
    CHECK_INT(store_filter_check(&f, err, sizeof err), -1);
    f = (store_filter){.quad = 5};
    CHECK_INT(store_filter_check(&f, err, sizeof err), -1);
    f = (store_filter){.actor = ""};
    CHECK_INT(store_filter_check(&f, err, sizeof err), -1);
    f = (store_filter){.from = "2019", .to = "2019-06-30", .cameo = "0421", .quad = 4};
    CHECK_INT(store_filter_check(&f, err, sizeof err), 0);
    store_close(s);
}

static void test_quotes_and_search(void)
{
    store *s = fixture("quotes.db");
    CHECK(s != NULL);
    if (!s) return;
    store_filter f;
#define QU(...) (f = (store_filter){__VA_ARGS__}, quote_rows(s, f))
    CHECK_INT(QU(0), 2);
    CHECK_INT(QU(.speaker = "O'Brien"), 1);
    CHECK_INT(QU(.speaker = "Kim"), 1);
    CHECK_INT(QU(.speaker = "IRL"), 1);
    CHECK_INT(QU(.actor = "PRK"), 1);
    CHECK_INT(QU(.actor = "%"), 0);
    CHECK_INT(QU(.text = "work together"), 1);
    CHECK_INT(QU(.text = "together work"), 1);
    CHECK_INT(QU(.text = "100%"), 1);
    CHECK_INT(QU(.text = "NEAR(this)"), 1);
    CHECK_INT(QU(.text = "\"z\""), 1);
    CHECK_INT(QU(.text = "that*"), 1);
    CHECK_INT(QU(.text = "OR"), 1);
    CHECK_INT(QU(.text = "-y ^x"), 1);
    CHECK_INT(QU(.text = "%"), 0);
    CHECK_INT(QU(.text = "Kim"), 0);          /* the speaker's name is not the quote */
    CHECK_INT(QU(.text = "   "), 0);
    CHECK_INT(QU(.text = "'; DROP TABLE quotes; --"), 0);
    CHECK_INT(QU(.from = "2019"), 1);
    CHECK_INT(QU(.doc = FX_HOSTILE_ID), 1);
#undef QU
    CHECK_INT(search_rows(s, "Panmunjom"), 1);
    CHECK_INT(search_rows(s, "together"), 2);            /* the document and its quote */
    CHECK_INT(search_rows(s, "it's 100% real"), 2);
    CHECK_INT(search_rows(s, "NEAR(this) OR"), 2);
    CHECK_INT(search_rows(s, "semicolons"), 1);          /* in a title */
    CHECK_INT(search_rows(s, "\";--"), 0);
    CHECK_INT(search_rows(s, "* ^ : ( )"), 0);
    CHECK_INT(search_rows(s, "nothing-like-this"), 0);
    char err[256];
    CHECK(store_query_search(s, " \t ", 10, err, sizeof err) == NULL);
    /* The snippet marks the match. */
    sqlite3_stmt *st = store_query_search(s, "Panmunjom", 10, err, sizeof err);
    CHECK(st != NULL);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        CHECK(strstr((const char *)sqlite3_column_text(st, 5), "[Panmunjom]") != NULL);
        CHECK_STR((const char *)sqlite3_column_text(st, 1), FX_HOSTILE_ID);
    }
    sqlite3_finalize(st);
    CHECK_INT(q1(s, "SELECT count(*) FROM quotes"), 2);
    store_close(s);
}

static void test_actors(void)
{
    store *s = fixture("actors.db");
    CHECK(s != NULL);
    if (!s) return;
    char err[256];
    store_filter f = {0};
    sqlite3_stmt *st = store_query_actors(s, &f, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return;
    int seen = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        if (!seen++) {
            CHECK_STR(code, "USAGOV");
            CHECK_STR(name, "Donald Trump");
            CHECK_INT(sqlite3_column_int(st, 2), 8);     /* events */
            CHECK_INT(sqlite3_column_int(st, 3), 4);     /* as source */
            CHECK_INT(sqlite3_column_int(st, 4), 4);     /* as target */
        }
        if (!strcmp(code, "PRKGOV")) { CHECK_STR(name, "Kim Jong Un"); CHECK_INT(sqlite3_column_int(st, 2), 7); }
        if (!strcmp(code, "IRLMED")) { CHECK_INT(sqlite3_column_int(st, 2), 0); CHECK_INT(sqlite3_column_int(st, 6), 1); }
    }
    sqlite3_finalize(st);
    CHECK_INT(seen, 7);      /* USAGOV PRKGOV PRK USA RUS UKR, and IRLMED from mentions alone */
    f = (store_filter){.actor = "Kim"};
    CHECK_INT(rows(store_query_actors(s, &f, err, sizeof err)), 1);
    f = (store_filter){.limit = 2};
    CHECK_INT(rows(store_query_actors(s, &f, err, sizeof err)), 2);
    f = (store_filter){.actor = "%"};
    CHECK_INT(rows(store_query_actors(s, &f, err, sizeof err)), 0);
    store_close(s);
}

/* ------------------------------------------------------------ timelines */

static void check_row(const tl_row *r, const char *period, long ab, long ba, double gsum, long q1_, long q3)
{
    CHECK_STR(r->period, period);
    CHECK_INT(r->ab, ab);
    CHECK_INT(r->ba, ba);
    if (fabs(r->gsum - gsum) > 1e-6) CHECK_NOTE("%s: gsum %.3f, expected %.3f", period, r->gsum, gsum);
    CHECK_INT(r->quad[0], q1_);
    CHECK_INT(r->quad[2], q3);
}

static void test_timeline_numbers(void)
{
    store *s = fixture("timeline.db");
    CHECK(s != NULL);
    if (!s) return;
    timeline tl;
    char err[256];
    /* Negated and undated events are not in any timeline; the event with
     * no target is not between the two. */
    CHECK_INT(store_timeline(s, "USA", "PRK", BY_MONTH, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 5);
    if (tl.n == 5) {
        check_row(&tl.rows[0], "2017-08", 1, 1, -14.0, 0, 2);
        check_row(&tl.rows[1], "2018-06", 1, 1, 5.9, 2, 0);
        check_row(&tl.rows[2], "2018-07", 1, 0, 1.9, 1, 0);
        check_row(&tl.rows[3], "2019-06", 0, 1, 2.8, 1, 0);
        check_row(&tl.rows[4], "2022-03", 1, 0, -2.0, 0, 1);
        CHECK_INT(tl.rows[1].ngold, 2);
    }
    /* Every month of the span for the sparkline and the chart. */
    size_t n;
    tl_row *all = timeline_fill(&tl, &n);
    CHECK_INT(n, 56);
    long ab = 0;
    for (size_t i = 0; i < n; i++) ab += all[i].ab;
    CHECK_INT(ab, 4);
    if (n == 56) { CHECK_STR(all[0].period, "2017-08"); CHECK_STR(all[5].period, "2018-01"); CHECK_STR(all[55].period, "2022-03"); }
    free(all);
    timeline_free(&tl);

    CHECK_INT(store_timeline(s, "USA", "PRK", BY_YEAR, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 4);
    if (tl.n == 4) check_row(&tl.rows[1], "2018", 2, 1, 7.8, 3, 0);
    timeline_free(&tl);

    /* Weeks start on Monday; month-dated events are not in weeks or days. */
    CHECK_INT(store_timeline(s, "USA", "PRK", BY_WEEK, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 4);
    if (tl.n == 4) {
        check_row(&tl.rows[0], "2017-08-07", 1, 1, -14.0, 0, 2);
        check_row(&tl.rows[1], "2018-06-11", 1, 1, 5.9, 2, 0);
        check_row(&tl.rows[2], "2019-06-24", 0, 1, 2.8, 1, 0);
        check_row(&tl.rows[3], "2022-03-21", 1, 0, -2.0, 0, 1);
    }
    timeline_free(&tl);
    CHECK_INT(store_timeline(s, "USA", "PRK", BY_DAY, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 5);
    timeline_free(&tl);
    CHECK_INT(store_timeline(s, "USA", "PRK", BY_MONTH, "2018", "2018-06", &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 1);
    timeline_free(&tl);

    /* By name, either way round. */
    CHECK_INT(store_timeline(s, "Trump", "Kim", BY_MONTH, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 2);
    if (tl.n == 2) { check_row(&tl.rows[0], "2018-06", 1, 1, 5.9, 2, 0); check_row(&tl.rows[1], "2019-06", 0, 1, 2.8, 1, 0); }
    timeline_free(&tl);
    CHECK_INT(store_timeline(s, "ZZZ", "'; DROP TABLE events; --", BY_MONTH, NULL, NULL, &tl, err, sizeof err), 0);
    CHECK_INT(tl.n, 0);
    timeline_free(&tl);

    char out[11];
    timeline_next(BY_MONTH, "2019-12", out); CHECK_STR(out, "2020-01");
    timeline_next(BY_DAY, "2020-02-28", out); CHECK_STR(out, "2020-02-29");
    timeline_next(BY_WEEK, "2019-06-24", out); CHECK_STR(out, "2019-07-01");
    timeline_next(BY_YEAR, "2019", out); CHECK_STR(out, "2020");
    CHECK_INT(store_by_parse("week"), BY_WEEK);
    CHECK_INT(store_by_parse("fortnight"), -1);
    store_close(s);
}

static void test_timeline_views(void)
{
    store *s = fixture("views.db");
    CHECK(s != NULL);
    if (!s) return;
    timeline tl;
    char err[256];
    store_timeline(s, "USA", "PRK", BY_MONTH, NULL, NULL, &tl, err, sizeof err);
    memout m;
    mem_open(&m);
    timeline_print(m.f, OUT_TABLE, &tl);
    const char *t = mem_text(&m);
    CHECK(strstr(t, "USA→PRK") != NULL);
    CHECK(strstr(t, "PRK→USA") != NULL);
    CHECK(strstr(t, "-14.0") != NULL);
    CHECK(strstr(t, "-7.0") != NULL);
    CHECK(strstr(t, "2.9") != NULL || strstr(t, "3.0") != NULL);   /* 2018-06 mean 2.95 */
    CHECK(strstr(t, "█") != NULL);
    CHECK(strstr(t, "(7 events in 5 months with events)") != NULL);
    CHECK(strstr(t, "2017-08 … 2022-03") != NULL);
    mem_close(&m);

    /* JSON lines, parsed back. */
    mem_open(&m);
    timeline_print(m.f, OUT_JSON, &tl);
    t = mem_text(&m);
    int lines = 0;
    for (const char *p = t; *p;) {
        const char *e = strchr(p, '\n');
        json_error_t je;
        json_t *o = json_loadb(p, (size_t)(e - p), 0, &je);
        CHECK(o != NULL);
        if (o && lines == 0) {
            CHECK_STR(json_string_value(json_object_get(o, "month")), "2017-08");
            CHECK_INT(json_integer_value(json_object_get(o, "a_to_b")), 1);
            CHECK(fabs(json_real_value(json_object_get(o, "goldstein_mean")) + 7.0) < 1e-9);
            CHECK_INT(json_integer_value(json_object_get(o, "verbal_conflict")), 2);
        }
        json_decref(o);
        lines++;
        p = e + 1;
    }
    CHECK_INT(lines, 5);
    mem_close(&m);

    /* The chart: well-formed enough to check here (tests/cli/store.sh parses
     * it with a real XML parser), escaped, one bar per direction and month. */
    dbuf b = {0};
    timeline_svg(&b, &tl);
    CHECK(!strncmp(b.ptr, "<?xml", 5));
    CHECK(strstr(b.ptr, "</svg>\n") != NULL);
    CHECK(strstr(b.ptr, "<title>Events between USA and PRK, per month</title>") != NULL);
    CHECK_INT(count_str(b.ptr, "<text"), count_str(b.ptr, "</text>"));
    CHECK_INT(count_str(b.ptr, "</title></rect>"), 7);
    CHECK_INT(count_str(b.ptr, "<circle"), 5 + 1);      /* one per month with events, one in the legend */
    dbuf_free(&b);
    timeline_free(&tl);

    store_timeline(s, "<A&B>", "\"quoted\"", BY_YEAR, NULL, NULL, &tl, err, sizeof err);
    timeline_svg(&b, &tl);
    CHECK(strstr(b.ptr, "&lt;A&amp;B&gt;") != NULL);
    CHECK(strstr(b.ptr, "<A&B>") == NULL);
    CHECK(strstr(b.ptr, "&quot;quoted&quot;") != NULL);
    CHECK(strstr(b.ptr, "no events") != NULL);
    dbuf_free(&b);
    mem_open(&m);
    timeline_print(m.f, OUT_TABLE, &tl);
    CHECK(strstr(mem_text(&m), "(no events between <A&B> and \"quoted\")") != NULL);
    mem_close(&m);
    timeline_free(&tl);
    store_close(s);
}

static void test_sparkline(void)
{
    dbuf b = {0};
    double v[] = {0, 1, 2, 4};
    sparkline(&b, v, 4, 0);
    CHECK_STR(b.ptr, " ▂▄█");
    dbuf_clear(&b);
    double g[] = {-10, 0, 10, NAN};
    sparkline(&b, g, 4, 1);
    CHECK_STR(b.ptr, "▁▅█ ");
    dbuf_free(&b);
}

/* ------------------------------------------------------------ escaping */

static void test_fts_and_like_escaping(void)
{
    char *q = store_fts_query("a  b");
    CHECK_STR(q, "\"a\" \"b\"");
    free(q);
    q = store_fts_query("say \"hi\" NEAR(x) OR y*");
    CHECK_STR(q, "\"say\" \"\"\"hi\"\"\" \"NEAR(x)\" \"OR\" \"y*\"");
    free(q);
    CHECK(store_fts_query(" \t\n") == NULL);
    q = sq_like_escape("50%_a\\b");
    CHECK_STR(q, "50\\%\\_a\\\\b");
    free(q);
}

static void test_cameo_split(void)
{
    cameo_actor_parts p;
    cameo_actor_split("USAGOV", &p);
    CHECK_STR(p.country, "USA"); CHECK_STR(p.type[0], "GOV"); CHECK_STR(p.type[1], "");
    cameo_actor_split("IGOUNO", &p);
    CHECK_STR(p.country, ""); CHECK_STR(p.type[0], "IGO"); CHECK_STR(p.group, "UNO");
    cameo_actor_split("PRKMILREB", &p);
    CHECK_STR(p.country, "PRK"); CHECK_STR(p.type[0], "MIL"); CHECK_STR(p.type[1], "REB");
    cameo_actor_split("IRNRELSHI", &p);
    CHECK_STR(p.country, "IRN"); CHECK_STR(p.religion1, "SHI"); CHECK_STR(p.group, "REL");
    cameo_actor_split("", &p);
    CHECK_STR(p.country, "");
}

/* ------------------------------------------------------------ output */

static void test_table_formats(void)
{
    const char *names[] = {"a", "b", "c"};
    tab_cell row[3] = {{CELL_TEXT, "x,y"}, {CELL_TEXT, "say \"hi\"\nthere\tnow\\"}, {CELL_NUM, "3.5"}};
    tab_cell nul[3] = {{CELL_NULL, NULL}, {CELL_TEXT, ""}, {CELL_NUM, "-2"}};
    memout m;
    tab_out t;
    mem_open(&m);
    tab_begin(&t, m.f, OUT_CSV, 3, names);
    tab_row(&t, row); tab_row(&t, nul);
    tab_end(&t);
    CHECK_STR(mem_text(&m), "a,b,c\n\"x,y\",\"say \"\"hi\"\"\nthere\tnow\\\",3.5\n,,-2\n");
    mem_close(&m);

    mem_open(&m);
    tab_begin(&t, m.f, OUT_TSV, 3, names);
    tab_row(&t, row);
    tab_end(&t);
    CHECK_STR(mem_text(&m), "a\tb\tc\nx,y\tsay \"hi\"\\nthere\\tnow\\\\\t3.5\n");
    mem_close(&m);

    mem_open(&m);
    tab_begin(&t, m.f, OUT_JSON, 3, names);
    tab_row(&t, row); tab_row(&t, nul);
    tab_end(&t);
    CHECK_STR(mem_text(&m), "{\"a\":\"x,y\",\"b\":\"say \\\"hi\\\"\\nthere\\tnow\\\\\",\"c\":3.5}\n"
                            "{\"a\":null,\"b\":null,\"c\":-2}\n");   /* absent (NULL or \"\") is null */
    mem_close(&m);

    /* The table: aligned, numbers right, a long cell cut with an ellipsis. */
    mem_open(&m);
    tab_begin(&t, m.f, OUT_TABLE, 3, names);
    t.maxw[1] = 8;
    t.noun = "rows";
    tab_row(&t, row); tab_row(&t, nul);
    tab_end(&t);
    CHECK_STR(mem_text(&m), "a    b           c\n"
                            "───  ────────  ───\n"
                            "x,y  say \"hi…  3.5\n"
                            "                -2\n"
                            "(2 rows)\n");
    mem_close(&m);
    CHECK_INT(tab_width("Kim “Jong” Un…", strlen("Kim “Jong” Un…")), 14);
}

/* ------------------------------------------------------------ exports */

/* Split a line on tabs into fields (in place); returns the count. */
static int split_tabs(char *line, char **f, int cap)
{
    int n = 0;
    for (char *p = line;; p++) {
        if (n < cap) f[n] = p;
        n++;
        p = strchr(p, '\t');
        if (!p) break;
        *p = 0;
    }
    return n;
}

static void test_export_gdelt(void)
{
    store *s = fixture("gdelt.db");
    CHECK(s != NULL);
    if (!s) return;
    memout m;
    mem_open(&m);
    char err[256];
    store_filter f = {0};
    CHECK_INT(store_export(s, &f, EXPORT_GDELT, m.f, err, sizeof err), 0);
    char *text = strdup(mem_text(&m));
    mem_close(&m);
    int lines = 0, found = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *c[64];
        int n = split_tabs(line, c, 64);
        CHECK_INT(n, 58);
        lines++;
        if (n != 58 || strcmp(c[26], "044")) continue;
        found++;
        CHECK_STR(c[1], "20180612");
        CHECK_STR(c[2], "201806");
        CHECK_STR(c[3], "2018");
        CHECK_STR(c[4], "2018.5260");                     /* 2018 + (6 * 30 + 12) / 365 */
        CHECK_STR(c[5], "USAGOV"); CHECK_STR(c[6], "Donald Trump"); CHECK_STR(c[7], "USA"); CHECK_STR(c[12], "GOV");
        CHECK_STR(c[15], "PRKGOV"); CHECK_STR(c[17], "PRK"); CHECK_STR(c[22], "GOV");
        CHECK_STR(c[25], "1");                            /* IsRootEvent: in the lead paragraph */
        CHECK_STR(c[27], "044"); CHECK_STR(c[28], "04");
        CHECK_STR(c[29], "1"); CHECK_STR(c[30], "2.5");
        CHECK_STR(c[31], "4"); CHECK_STR(c[32], "2"); CHECK_STR(c[33], "3");
        CHECK_STR(c[34], "");
        CHECK_INT(strlen(c[56]), 8);                      /* DATEADDED */
        CHECK_STR(c[57], "https://wire.example.org/fx-1");
    }
    CHECK_INT(lines, 10);                                 /* 13 events; the negated and the 2 undated left out */
    /* The month-dated visit: the first of the month, as GDELT would. */
    f.cameo = "042";
    mem_open(&m);
    CHECK_INT(store_export(s, &f, EXPORT_GDELT, m.f, err, sizeof err), 0);
    char *c[64], *visit = strdup(mem_text(&m));
    mem_close(&m);
    CHECK_INT(split_tabs(strtok(visit, "\n"), c, 64), 58);
    CHECK_STR(c[1], "20180701"); CHECK_STR(c[2], "201807"); CHECK_STR(c[3], "2018");
    CHECK_STR(c[4], "2018.5781");                         /* 2018 + (7 * 30 + 1) / 365 */
    free(visit);
    CHECK_INT(found, 1);
    free(text);
    store_close(s);
}

static void test_export_json(void)
{
    store *s = fixture("export.db");
    CHECK(s != NULL);
    if (!s) return;
    char err[256];
    for (int format = EXPORT_JSONL; format <= EXPORT_PLOVER; format += EXPORT_PLOVER - EXPORT_JSONL) {
        memout m;
        mem_open(&m);
        store_filter f = {0};
        CHECK_INT(store_export(s, &f, format, m.f, err, sizeof err), 0);
        const char *t = mem_text(&m);
        int lines = 0;
        for (const char *p = t; *p;) {
            const char *e = strchr(p, '\n');
            json_error_t je;
            json_t *o = json_loadb(p, (size_t)(e - p), 0, &je);
            CHECK(o != NULL);
            if (!o) { CHECK_NOTE("line %d: %s", lines, je.text); break; }
            if (format == EXPORT_JSONL && !strcmp(json_string_value(json_object_get(o, "cameo")), "044") &&
                !json_is_true(json_object_get(o, "negated"))) {
                json_t *r = json_object_get(o, "reports");
                CHECK_INT(json_array_size(r), 4);
                CHECK_INT(json_integer_value(json_object_get(o, "n_sources")), 2);
                json_t *r3 = json_array_get(r, 3);
                CHECK_STR(json_string_value(json_object_get(r3, "doc")), "fx-3");
                CHECK_STR(json_string_value(json_object_get(r3, "text")), "Later Donald Trump met Kim Jong Un again.");
                CHECK_STR(json_string_value(json_object_get(json_object_get(r3, "verb"), "text")), "met");
                CHECK_STR(json_string_value(json_object_get(json_object_get(o, "source"), "name")), "Donald Trump");
            }
            if (format == EXPORT_PLOVER && !strcmp(json_string_value(json_object_get(o, "cameo_code")), "044")) {
                json_t *src = json_array_get(json_object_get(o, "source"), 0);
                CHECK_STR(json_string_value(json_object_get(src, "code")), "USA");
                CHECK_STR(json_string_value(json_object_get(src, "sector")), "GOV");
                CHECK_STR(json_string_value(json_object_get(src, "actor_text")), "Donald Trump");
                CHECK_STR(json_string_value(json_array_get(json_object_get(o, "event"), 0)), "CONSULT");
                CHECK_INT(json_integer_value(json_object_get(o, "quad_code")), 1);
                CHECK_STR(json_string_value(json_object_get(o, "date")), "2018-06-12");
            }
            if (format == EXPORT_PLOVER && !strcmp(json_string_value(json_object_get(o, "cameo_code")), "150"))
                CHECK_INT(json_array_size(json_object_get(o, "recipient")), 0);
            json_decref(o);
            lines++;
            p = e + 1;
        }
        CHECK_INT(lines, format == EXPORT_JSONL ? 13 : 10);  /* PLOVER: no negated, no undated */
        mem_close(&m);
    }
    CHECK_INT(store_export_parse("plover"), EXPORT_PLOVER);
    CHECK_INT(store_export_parse("xml"), -1);
    store_close(s);
}

/* ------------------------------------------------------------ main */

static void cleanup(void)
{
    static const char *const names[] = {"fresh.db", "v1.db", "newer.db", "foreign.db", "text.db", "missing.db",
                                        "fx.db", "idem.db", "dedup.db", "rollback.db", "query.db", "quotes.db",
                                        "actors.db", "timeline.db", "views.db", "gdelt.db", "export.db", "full.db"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) remove_db(path_in(names[i]));
    rmdir(tmpdir);
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--fixture")) {
        char err[512];
        remove_db(argv[2]);
        store *s = store_open(argv[2], STORE_CREATE, err, sizeof err);
        if (!s) { fprintf(stderr, "test_store: %s\n", err); return 1; }
        int r = fixture_build(s);
        store_close(s);
        return r ? 1 : 0;
    }
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-test-store-XXXXXX");
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 1; }
    RUN(test_schema_fresh);
    RUN(test_migration_from_v1);
    RUN(test_refuses_what_it_cannot_use);
    RUN(test_documents_whole);
    RUN(test_idempotent);
    RUN(test_one_event_many_reports);
    RUN(test_failed_document_leaves_nothing);
    RUN(test_disk_full);
    RUN(test_event_filters);
    RUN(test_quotes_and_search);
    RUN(test_actors);
    RUN(test_timeline_numbers);
    RUN(test_timeline_views);
    RUN(test_sparkline);
    RUN(test_fts_and_like_escaping);
    RUN(test_cameo_split);
    RUN(test_table_formats);
    RUN(test_export_gdelt);
    RUN(test_export_json);
    cleanup();
    return check_done();
}
