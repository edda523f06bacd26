/*
 * test_serve.c - the server's layers without a socket: the API on a store
 * made here (keyset paging over thousands of events, the per-query time
 * limit, parameter errors, export set-up), the read-only store handles and
 * their pool, and the static files' path rules.
 */
#include "../check.h"
#include "../../serve/serve.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define N_EVENTS 3000

static char dir[256];

static const char *path_in(const char *name)
{
    static char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

/* A store of one document and N_EVENTS events, one report each; every
 * tenth event undated, the others spread over 2015-2024. */
static void make_store(const char *p)
{
    char err[512];
    store *s = store_open(p, STORE_CREATE, err, sizeof err);
    if (!s) { fprintf(stderr, "%s\n", err); abort(); }
    char sql[2048];
    snprintf(sql, sizeof sql,
             "BEGIN;"
             "INSERT INTO documents (docno, id, title, source_key, text, n_sentences, n_entities, n_mentions,"
             " n_timexes, n_quotes, n_events, ingested_at) VALUES (1, 'doc-1', 'A story', 'wire',"
             " 'Seoul protested to Tokyo on Monday.', 1, 0, 0, 0, 0, %d, '2024-01-01');"
             "INSERT INTO sentences (doc, i, off, len, para, flags, date) VALUES (1, 0, 0, 35, 0, 0, '2024-01-01');"
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
             " INSERT INTO events (id, date, source_code, target_code, cameo, negated, goldstein, quad, plover_type,"
             " n_reports, n_articles, n_sources, first_doc, added, date_precision)"
             " SELECT i, CASE WHEN i %% 10 = 0 THEN '' ELSE date('2015-01-01', '+' || (i * 7919 %% 3650) || ' days') END,"
             " 'KOR', 'JPN', '111', 0, -2.0, 3, 'ACCUSE', 1, 1, 1, 1, '2024-01-01', CASE WHEN i %% 10 = 0 THEN '' ELSE 'day' END FROM n;"
             "INSERT INTO event_reports (doc, i, event, sent, date, verb_off, verb_len, verb_text, flags)"
             " SELECT 1, id - 1, id, 0, date, 6, 9, 'protested', 0 FROM events;"
             "COMMIT;", N_EVENTS, N_EVENTS);
    if (store_exec(store_db(s), sql, err, sizeof err)) { fprintf(stderr, "%s\n", err); abort(); }
    store_close(s);
}

static serve_api api_on(serve_pool *pool, long query_ms)
{
    serve_api a = {.pool = pool, .query_ms = query_ms, .web_dir = dir};
    return a;
}

static int get(const serve_api *a, const char *path, const serve_param *params, int n, serve_response *rs)
{
    serve_request rq = {.method = "GET", .path = path, .params = params, .n_params = n};
    serve_handle(a, &rq, rs);
    return rs->status;
}

/* Every event once, in the listing's order, page by page. */
static void test_paging(void)
{
    char err[256];
    serve_pool *pool = serve_pool_open(path_in("events.db"), 2, err, sizeof err);
    CHECK(pool);
    if (!pool) return;
    serve_api a = api_on(pool, 10000);
    char cursor[128] = "";
    int seen[N_EVENTS + 1] = {0}, pages = 0, total = 0, undated_after_dated = 1, in_undated = 0;
    char last_date[16] = "";
    for (;;) {
        serve_param p[2] = {{"limit", "97"}, {"cursor", cursor}};
        serve_response rs;
        CHECK_INT(get(&a, "/api/events", p, cursor[0] ? 2 : 1, &rs), 200);
        pages++;
        /* Walk the rows: "id":N,"date":"..." at the start of each object. */
        const char *q = rs.body.ptr;
        while ((q = strstr(q, "{\"id\":"))) {
            int id = atoi(q + 6);
            /* An undated event's date is null (absent is null in JSON). */
            const char *d = strstr(q, "\"date\":");
            char date[16] = "";
            if (d && d[7] == '"') {
                size_t n = strcspn(d + 8, "\"");
                memcpy(date, d + 8, n < 15 ? n : 15);
            }
            if (id >= 1 && id <= N_EVENTS) seen[id]++;
            total++;
            if (!date[0]) in_undated = 1;
            else if (in_undated) undated_after_dated = 0;
            else { CHECK(strcmp(date, last_date) >= 0); snprintf(last_date, sizeof last_date, "%s", date); }
            q++;
        }
        const char *nx = strstr(rs.body.ptr, "\"next\":");
        CHECK(nx);
        if (!nx || !strncmp(nx + 7, "null", 4)) { serve_response_free(&rs); break; }
        size_t n = strcspn(nx + 8, "\"");
        CHECK(n < sizeof cursor);
        snprintf(cursor, sizeof cursor, "%.*s", (int)n, nx + 8);
        serve_response_free(&rs);
        if (pages > N_EVENTS) break;
    }
    CHECK_INT(total, N_EVENTS);
    CHECK_INT(pages, (N_EVENTS + 96) / 97);
    int once = 1;
    for (int i = 1; i <= N_EVENTS; i++) once = once && seen[i] == 1;
    CHECK(once);
    CHECK(undated_after_dated);
    serve_pool_close(pool);
}

/* A query past its deadline is interrupted and answered 503; the same
 * query without a deadline answers. */
static void test_time_limit(void)
{
    char err[256];
    serve_pool *pool = serve_pool_open(path_in("events.db"), 1, err, sizeof err);
    CHECK(pool);
    if (!pool) return;
    serve_api late = api_on(pool, -1), free_ = api_on(pool, 0);
    serve_param p[] = {{"limit", "1000"}, {"quad", "3"}};
    serve_response rs;
    CHECK_INT(get(&late, "/api/events", p, 2, &rs), 503);
    CHECK(strstr(rs.body.ptr, "\"status\":503") && strstr(rs.body.ptr, "longer than"));
    serve_response_free(&rs);
    serve_param t[] = {{"a", "KOR"}, {"b", "JPN"}};
    CHECK_INT(get(&late, "/api/timeline", t, 2, &rs), 503);
    serve_response_free(&rs);
    CHECK_INT(get(&free_, "/api/events", p, 2, &rs), 200);
    serve_response_free(&rs);
    /* The handle went back to the pool each time: one handle served all. */
    CHECK_INT(get(&free_, "/api/timeline", t, 2, &rs), 200);
    CHECK(strstr(rs.body.ptr, "\"a_to_b\":"));
    serve_response_free(&rs);
    serve_pool_close(pool);
}

static void test_pool_and_readonly(void)
{
    char err[256];
    serve_pool *pool = serve_pool_open(path_in("events.db"), 1, err, sizeof err);
    CHECK(pool);
    if (!pool) return;
    serve_slot *one = serve_pool_get(pool, 0, err, sizeof err);
    CHECK(one);
    CHECK(!serve_pool_get(pool, 0, err, sizeof err));
    CHECK(strstr(err, "in use"));
    /* Read-only: the store refuses writes through the handle. */
    CHECK(store_exec(store_db(one->s), "DELETE FROM events", err, sizeof err) != 0);
    serve_pool_put(pool, one);
    CHECK(serve_pool_get(pool, 0, err, sizeof err) == one);
    serve_pool_put(pool, one);
    serve_pool_close(pool);
    CHECK(!serve_pool_open(path_in("missing.db"), 1, err, sizeof err));
    CHECK(strstr(err, "no such store"));
    struct stat sb;
    CHECK(stat(path_in("missing.db"), &sb) != 0);      /* not created */
    FILE *f = fopen(path_in("text.db"), "w");
    fputs("not a database at all, just words\n", f);
    fclose(f);
    CHECK(!serve_pool_open(path_in("text.db"), 1, err, sizeof err));
}

static void test_requests(void)
{
    char err[256];
    serve_pool *pool = serve_pool_open(path_in("events.db"), 2, err, sizeof err);
    CHECK(pool);
    if (!pool) return;
    serve_api a = api_on(pool, 10000);
    serve_response rs;
    serve_param bad[] = {{"actr", "KOR"}};
    CHECK_INT(get(&a, "/api/events", bad, 1, &rs), 400);
    CHECK(strstr(rs.body.ptr, "unknown parameter 'actr'"));
    serve_response_free(&rs);
    serve_param twice[] = {{"actor", "KOR"}, {"actor", "JPN"}};
    CHECK_INT(get(&a, "/api/events", twice, 2, &rs), 400);
    serve_response_free(&rs);
    serve_param from[] = {{"from", "2019-13"}};
    CHECK_INT(get(&a, "/api/events", from, 1, &rs), 400);
    CHECK(strstr(rs.body.ptr, "\"error\":\"from:"));          /* named as a parameter, not --from */
    serve_response_free(&rs);
    serve_param cur[] = {{"cursor", "2d2d2d"}};
    CHECK_INT(get(&a, "/api/events", cur, 1, &rs), 400);
    serve_response_free(&rs);
    CHECK_INT(get(&a, "/api/events/3", NULL, 0, &rs), 200);
    CHECK(strstr(rs.body.ptr, "\"text\":\"Seoul protested to Tokyo on Monday.\""));
    CHECK(strstr(rs.body.ptr, "\"verb\":{\"off\":6,\"len\":9,\"text\":\"protested\"}"));
    serve_response_free(&rs);
    CHECK_INT(get(&a, "/api/events/3x", NULL, 0, &rs), 404);
    serve_response_free(&rs);
    serve_request post = {.method = "POST", .path = "/api/code", .body = "Seoul protested.", .body_len = 16};
    serve_handle(&a, &post, &rs);
    CHECK_INT(rs.status, 403);                                   /* no model: coding is off */
    serve_response_free(&rs);
    serve_request put = {.method = "PUT", .path = "/api/events"};
    serve_handle(&a, &put, &rs);
    CHECK_INT(rs.status, 405);
    CHECK_STR(rs.allow, "GET, HEAD");
    serve_response_free(&rs);
    /* The export's filter outlives the request's parameters. */
    char actor[] = "KOR", fmt[] = "gdelt";
    serve_param ex[] = {{"actor", actor}, {"format", fmt}};
    CHECK_INT(get(&a, "/api/export", ex, 2, &rs), 200);
    memset(actor, 0, sizeof actor);
    CHECK_INT(rs.export_format, EXPORT_GDELT);
    CHECK_STR(rs.export_filter.actor, "KOR");
    serve_response_free(&rs);
    serve_pool_close(pool);
}

static void test_static(void)
{
    FILE *f = fopen(path_in("index.html"), "w");
    fputs("<!doctype html><title>t</title>", f);
    fclose(f);
    f = fopen(path_in("app.css"), "w");
    fputs("body{}", f);
    fclose(f);
    f = fopen(path_in(".secret"), "w");
    fputs("no", f);
    fclose(f);
    CHECK(symlink("/etc/hostname", path_in("out.txt")) == 0);
    serve_response rs = {0};
    serve_static(dir, "/", &rs);
    CHECK_INT(rs.status, 200);
    CHECK(rs.type && !strncmp(rs.type, "text/html", 9));
    CHECK_SPAN(rs.body.ptr, rs.body.len, "<!doctype html><title>t</title>");
    serve_response_free(&rs);
    memset(&rs, 0, sizeof rs);
    serve_static(dir, "/app.css", &rs);
    CHECK_INT(rs.status, 200);
    CHECK(rs.type && !strncmp(rs.type, "text/css", 8));
    serve_response_free(&rs);
    const char *refused[] = {"/../test_serve.c", "/..", "/.secret", "//app.css", "/app.css/", "/a/../app.css",
                             "/out.txt", "/app.css\\..", "/index.html?x", "/nothing.html"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        memset(&rs, 0, sizeof rs);
        serve_static(dir, refused[i], &rs);
        if (rs.status != 404) CHECK_NOTE("%s: status %d, want 404", refused[i], rs.status);
        serve_response_free(&rs);
    }
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/dyad-test-serve-XXXXXX");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    make_store(path_in("events.db"));
    RUN(test_paging);
    RUN(test_time_limit);
    RUN(test_pool_and_readonly);
    RUN(test_requests);
    RUN(test_static);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd)) {}
    return check_done();
}
