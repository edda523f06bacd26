/*
 * serve.h - `dyad serve`: a JSON API and the web page over a store
 * (inside libdyad, not part of the public API).
 *
 * Layers, each testable without the one above:
 *  - pool.c    read-only store handles shared by the server's threads, each
 *              query bounded in time by an SQLite progress handler;
 *  - api.c     a request (method, path, parameters, body) to a response
 *              (status, type, body): every /api/ endpoint, over the store's
 *              own queries (store/query.c, timeline.c, export.c) and its
 *              JSON writer (tab_json_cells), so the CLI and the server
 *              answer the same questions the same way;
 *  - static.c  the web page's files, from one folder, never outside it;
 *  - server.c  libmicrohttpd: threads, limits, slow clients, the export
 *              stream, shutdown on SIGINT / SIGTERM.
 *
 * Contracts:
 *  - Nothing is written to the store (it is opened read-only and never
 *    migrated); a `dyad ingest` may write meanwhile (WAL: readers see the last
 *    committed state).  POST /api/code codes a text without storing it,
 *    and only when the server was started with a model (--allow-code).
 *  - Every error is JSON {"error": MESSAGE, "status": CODE} with that
 *    HTTP status; unknown query parameters are errors (400), not ignored.
 *  - A query that runs past its time limit is interrupted: 503.
 */
#ifndef DYAD_SERVE_H
#define DYAD_SERVE_H

#include <stdatomic.h>
#include <stddef.h>

#include "dyad.h"
#include "../core/core.h"
#include "../store/store.h"

/* Limits of one request (server.c enforces the transport ones). */
#define SERVE_MAX_PARAMS_BYTES 8192     /* all query parameters together: 414 beyond */
#define SERVE_MAX_PARAM 2048            /* one parameter value: 414 beyond */
#define SERVE_MAX_BODY (1 << 20)        /* POST body: 413 beyond */
#define SERVE_MAX_LIMIT 1000            /* rows per page */
#define SERVE_QUERY_MS 3000             /* default per-query time limit */

/* ---------------------------------------------------------------- pool.c */

typedef struct {
    store *s;
    /* Monotonic milliseconds past which the running query is interrupted
     * (0: never); cancel interrupts it at once (a client that went away). */
    _Atomic long long deadline_ms;
    atomic_int cancel;
    int busy;
} serve_slot;

typedef struct serve_pool serve_pool;

/* Opens one handle at once (so a bad path fails at start); more are opened
 * as threads need them, up to max.  NULL with err. */
serve_pool *serve_pool_open(const char *path, int max, char *err, size_t errlen);
/* A free handle with a deadline query_ms from now (query_ms 0: none; below
 * 0: already past, for tests).  NULL with err when all max are in use or a
 * handle cannot be opened. */
serve_slot *serve_pool_get(serve_pool *p, long query_ms, char *err, size_t errlen);
void serve_pool_put(serve_pool *p, serve_slot *slot);
void serve_pool_close(serve_pool *p);
long long serve_now_ms(void);

/* ---------------------------------------------------------------- api.c */

typedef struct { const char *key, *value; } serve_param;

typedef struct {
    const char *method, *path;          /* path decoded, without the query */
    const serve_param *params;
    int n_params;
    const char *body;
    size_t body_len;
    const char *content_type;
} serve_request;

typedef struct {
    int status;
    const char *type;                   /* Content-Type */
    const char *allow;                  /* 405: the Allow header */
    const char *disposition;            /* Content-Disposition, or NULL */
    dbuf body;
    /* /api/export: a stream instead of a body (server.c runs it);
     * export_format >= 0 and the filter's strings in export_strings. */
    int export_format;
    store_filter export_filter;
    char *export_strings;
} serve_response;

typedef struct {
    serve_pool *pool;
    const dyad_model *model;            /* NULL: POST /api/code refused (403) */
    long query_ms;
    const char *web_dir;                /* the page's files */
} serve_api;

/* Answer one request.  rs is initialised here; free it with
 * serve_response_free. */
void serve_handle(const serve_api *a, const serve_request *rq, serve_response *rs);
void serve_response_free(serve_response *rs);
/* The JSON error body with its status. */
void serve_error(serve_response *rs, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---------------------------------------------------------------- static.c */

/* The file of the web folder named by a URL path ("/" is index.html) as
 * the response; 404 for anything else, including every path that would
 * leave the folder (a ".." segment, a hidden name, a symbolic link out). */
void serve_static(const char *web_dir, const char *path, serve_response *rs);

/* ---------------------------------------------------------------- server.c */

typedef struct {
    const char *db;                     /* the store */
    const char *host;                   /* numeric IPv4 address to listen on */
    int port;                           /* 0: any free port */
    int threads;
    long query_ms;
    const char *web_dir;
    const dyad_model *model;            /* non-NULL: --allow-code */
    int quiet;
} serve_config;

/* Serve until SIGINT or SIGTERM, then stop every thread and return 0;
 * -1 with err when the server cannot start.  The address it listens on is
 * printed on stderr ("dyad: serving http://HOST:PORT/"). */
int serve_run(const serve_config *c, char *err, size_t errlen);

#endif
