/*
 * server.c - dyad's HTTP server on libmicrohttpd.
 *
 * Threads: one listening thread hands connections to a pool of `threads`
 * polling threads (MHD_USE_INTERNAL_POLLING_THREAD with a thread pool,
 * epoll), so a slow client costs a socket, never a thread.  Each request
 * borrows a store handle from the pool (pool.c) for its queries.
 *
 * Limits, so that no client can hold the server:
 *  - request line and headers fit in MHD's per-connection memory (64 KiB,
 *    beyond: 414/431 from MHD); query parameters in SERVE_MAX_PARAMS_BYTES
 *    (api.c: 414); a POST body in SERVE_MAX_BODY (413);
 *  - an idle connection is closed after IDLE_S seconds (MHD's timeout);
 *  - a client that keeps sending, but too slowly to finish its headers
 *    within HEADER_MS (slowloris), is cut off: MHD's idle timeout restarts
 *    at every byte, so a watchdog thread shuts the socket down (shutdown(2),
 *    not close: MHD still owns the descriptor and closes it itself; the
 *    list lock is held across the call and MHD reports a connection closed
 *    before it closes the descriptor, so the number is never stale);
 *  - a POST body must arrive within BODY_MS; one announced larger than
 *    SERVE_MAX_BODY is refused at once, a chunked one when it grows past;
 *  - each query runs within --query-ms (pool.c).
 *
 * /api/export streams: a producer thread writes store_export into a pipe
 * and MHD's content reader callback (MHD_create_response_from_callback)
 * reads the pipe as the client takes the data, so an export of any size
 * needs a pipe's worth of memory.  A client that goes away cancels the
 * query (the handle's cancel flag, seen by the progress handler) and the
 * producer is joined before its handle returns to the pool.  Exports have
 * no time limit beyond that: a slow reader is cut by the idle timeout.
 *
 * Shutdown: SIGINT and SIGTERM are blocked in every thread and taken by
 * sigwait in the caller; MHD_stop_daemon then closes the connections and
 * joins MHD's threads, the watchdog is joined, the pool closed.
 */
#include "serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define IDLE_S 15
#define HEADER_MS 10000
#define BODY_MS 30000
#define MAX_CONNECTIONS 512
#define MAX_PARAMS 64

typedef struct conn_rec {
    struct conn_rec *prev, *next;
    int fd;
    long long since;            /* connection start, or the end of its last request */
    int in_request;             /* headers complete: the request is being answered */
    int cut;
} conn_rec;

typedef struct {
    serve_api api;
    int quiet;
    pthread_mutex_t lock;       /* conns, stop */
    pthread_cond_t wake;
    conn_rec *conns;
    int stop;
} server;

typedef struct {
    dbuf body;
    int too_big;
    long long started;
    serve_param params[MAX_PARAMS];
    int n_params, too_many;
} request;

/* ---------------------------------------------------------------- slow clients */

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context, enum MHD_ConnectionNotificationCode code)
{
    server *sv = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        conn_rec *r = calloc(1, sizeof *r);
        if (!r) return;
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        r->fd = ci ? ci->connect_fd : -1;
        r->since = serve_now_ms();
        pthread_mutex_lock(&sv->lock);
        r->next = sv->conns;
        if (sv->conns) sv->conns->prev = r;
        sv->conns = r;
        pthread_mutex_unlock(&sv->lock);
        *socket_context = r;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        conn_rec *r = *socket_context;
        if (!r) return;
        pthread_mutex_lock(&sv->lock);
        if (r->prev) r->prev->next = r->next; else sv->conns = r->next;
        if (r->next) r->next->prev = r->prev;
        pthread_mutex_unlock(&sv->lock);
        free(r);
        *socket_context = NULL;
    }
}

static conn_rec *rec_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

static void *watchdog(void *p)
{
    server *sv = p;
    pthread_mutex_lock(&sv->lock);
    while (!sv->stop) {
        long long now = serve_now_ms();
        for (conn_rec *r = sv->conns; r; r = r->next)
            if (!r->in_request && !r->cut && r->fd >= 0 && now - r->since > HEADER_MS) {
                shutdown(r->fd, SHUT_RDWR);
                r->cut = 1;
            }
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 250 * 1000000L;
        if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
        pthread_cond_timedwait(&sv->wake, &sv->lock, &ts);
    }
    pthread_mutex_unlock(&sv->lock);
    return NULL;
}

/* ---------------------------------------------------------------- the export stream */

typedef struct {
    serve_pool *pool;
    serve_slot *slot;
    serve_response rs;          /* owns the filter's strings */
    int fd[2];
    pthread_t thread;
    int running, joined, rc;
    char err[256];
} export_job;

static void *export_main(void *p)
{
    export_job *j = p;
    FILE *w = fdopen(j->fd[1], "w");
    if (!w) { close(j->fd[1]); j->rc = -1; return NULL; }
    j->rc = store_export(j->slot->s, &j->rs.export_filter, j->rs.export_format, w, j->err, sizeof j->err);
    fclose(w);                  /* EOF for the reader */
    return NULL;
}

static void export_join(export_job *j)
{
    if (j->running && !j->joined) { pthread_join(j->thread, NULL); j->joined = 1; }
}

static ssize_t export_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    export_job *j = cls;
    for (;;) {
        ssize_t n = read(j->fd[0], buf, max);
        if (n > 0) return n;
        if (n < 0 && errno == EINTR) continue;
        /* The end: complete only when the export ran to its end, else
         * the client sees a broken transfer, not a short file. */
        export_join(j);
        return n == 0 && j->rc == 0 ? MHD_CONTENT_READER_END_OF_STREAM : MHD_CONTENT_READER_END_WITH_ERROR;
    }
}

static void export_free(void *cls)
{
    export_job *j = cls;
    atomic_store(&j->slot->cancel, 1);
    close(j->fd[0]);            /* a producer blocked on the pipe gets EPIPE */
    export_join(j);
    serve_pool_put(j->pool, j->slot);
    serve_response_free(&j->rs);
    free(j);
}

/* The export's response, or NULL with an error response in rs. */
static struct MHD_Response *export_response(server *sv, serve_response *rs)
{
    char err[256];
    serve_slot *slot = serve_pool_get(sv->api.pool, 0, err, sizeof err);
    if (!slot) { serve_error(rs, 503, "%s", err); return NULL; }
    export_job *j = calloc(1, sizeof *j);
    if (!j || pipe(j->fd)) {
        free(j);
        serve_pool_put(sv->api.pool, slot);
        serve_error(rs, 500, "cannot start the export");
        return NULL;
    }
    j->pool = sv->api.pool;
    j->slot = slot;
    j->rs = *rs;                /* the filter's strings move to the job */
    rs->export_strings = NULL;
    memset(&rs->body, 0, sizeof rs->body);
    if (pthread_create(&j->thread, NULL, export_main, j)) {
        close(j->fd[1]);
        j->rc = -1;
    } else
        j->running = 1;
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, export_read, j, export_free);
    if (!r) export_free(j);
    return r;
}

/* ---------------------------------------------------------------- requests */

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    request *r = cls;
    if (r->n_params == MAX_PARAMS) { r->too_many = 1; return MHD_NO; }
    r->params[r->n_params++] = (serve_param){key, value};
    return MHD_YES;
}

static enum MHD_Result respond(struct MHD_Connection *c, serve_response *rs, struct MHD_Response *stream)
{
    struct MHD_Response *resp = stream;
    if (!resp) {
        resp = MHD_create_response_from_buffer(rs->body.len, rs->body.ptr ? rs->body.ptr : (char *)"", MHD_RESPMEM_MUST_COPY);
        if (!resp) return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, rs->type ? rs->type : "application/json");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    /* The page runs only its own files: no inline script, no other origin. */
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (rs->allow) MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, rs->allow);
    if (rs->disposition) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, rs->disposition);
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)rs->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg)
{
    serve_response rs = {0};
    serve_error(&rs, status, "%s", msg);
    enum MHD_Result ret = respond(c, &rs, NULL);
    serve_response_free(&rs);
    return ret;
}

static enum MHD_Result too_big(struct MHD_Connection *c)
{
    char msg[96];
    snprintf(msg, sizeof msg, "the body is larger than %d bytes", SERVE_MAX_BODY);
    return send_error(c, 413, msg);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **req_cls)
{
    (void)version;
    server *sv = cls;
    request *r = *req_cls;
    if (!r) {
        r = calloc(1, sizeof *r);
        if (!r) return MHD_NO;
        *req_cls = r;
        r->started = serve_now_ms();
        conn_rec *cr = rec_of(c);
        if (cr) { pthread_mutex_lock(&sv->lock); cr->in_request = 1; pthread_mutex_unlock(&sv->lock); }
        /* A body announced too large is refused before it is sent (MHD
         * answers before "100 Continue" and closes the connection). */
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > SERVE_MAX_BODY) return too_big(c);
        /* Everything else is answered on the next call: a response queued
         * on the first one is "early" to MHD, which then closes the
         * connection instead of keeping it alive. */
        return MHD_YES;
    } else if (*upload_size) {
        if (serve_now_ms() - r->started > BODY_MS) return MHD_NO;   /* too slow: close */
        /* Chunked, so of unknown size: read and dropped past the limit
         * (MHD takes no answer in mid-upload), answered at its end. */
        if (r->body.len + *upload_size > SERVE_MAX_BODY) r->too_big = 1;
        else dbuf_put(&r->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->too_big) return too_big(c);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_param, r);
    if (r->too_many) return send_error(c, 414, "too many query parameters");
    serve_request rq = {
        .method = method, .path = url, .params = r->params, .n_params = r->n_params,
        .body = r->body.ptr ? r->body.ptr : "", .body_len = r->body.len,
        .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
    };
    serve_response rs;
    serve_handle(&sv->api, &rq, &rs);
    struct MHD_Response *stream = NULL;
    if (rs.export_format >= 0) stream = export_response(sv, &rs);
    if (rs.status >= 500 && !sv->quiet) fprintf(stderr, "dyad: serve: %s %s: %d %.*s", method, url, rs.status, (int)rs.body.len, rs.body.ptr);
    enum MHD_Result ret = respond(c, &rs, stream);
    serve_response_free(&rs);
    return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls, enum MHD_RequestTerminationCode code)
{
    (void)code;
    server *sv = cls;
    request *r = *req_cls;
    if (r) { dbuf_free(&r->body); free(r); *req_cls = NULL; }
    conn_rec *cr = rec_of(c);
    if (cr) {
        /* Kept alive: the next request's headers have HEADER_MS from now. */
        pthread_mutex_lock(&sv->lock);
        cr->in_request = 0;
        cr->since = serve_now_ms();
        pthread_mutex_unlock(&sv->lock);
    }
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    server *sv = cls;
    if (sv->quiet) return;
    fputs("dyad: serve: ", stderr);
    vfprintf(stderr, fmt, ap);
}

int serve_run(const serve_config *cfg, char *err, size_t errlen)
{
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)cfg->port);
    if (inet_pton(AF_INET, cfg->host, &sa.sin_addr) != 1) {
        snprintf(err, errlen, "--listen: '%s' is not an IPv4 address", cfg->host);
        return -1;
    }
    int threads = cfg->threads < 1 ? 1 : cfg->threads;
    server sv;
    memset(&sv, 0, sizeof sv);
    sv.quiet = cfg->quiet;
    sv.api.model = cfg->model;
    sv.api.query_ms = cfg->query_ms;
    sv.api.web_dir = cfg->web_dir;
    /* Handles: one per thread, and as many again for exports in flight. */
    sv.api.pool = serve_pool_open(cfg->db, 2 * threads + 2, err, errlen);
    if (!sv.api.pool) return -1;
    pthread_mutex_init(&sv.lock, NULL);
    pthread_cond_init(&sv.wake, NULL);

    sigset_t stop_signals, old;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &old);   /* every thread made from here on */
    signal(SIGPIPE, SIG_IGN);                            /* a reader that left: EPIPE, not death */

    pthread_t dog;
    int dog_running = pthread_create(&dog, NULL, watchdog, &sv) == 0;
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG, 0, NULL, NULL, on_request, &sv,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &sv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)IDLE_S,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, &sv,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &sv,
        MHD_OPTION_END);
    int rc = 0;
    if (!d) {
        snprintf(err, errlen, "cannot listen on %s:%d: %s", cfg->host, cfg->port, errno ? strerror(errno) : "libmicrohttpd refused");
        rc = -1;
    } else {
        const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        fprintf(stderr, "dyad: serving http://%s:%u/ (store %s, %d threads%s); Ctrl-C stops\n", cfg->host,
                di ? di->port : (unsigned)cfg->port, cfg->db, threads, cfg->model ? ", POST /api/code on" : "");
        int sig = 0;
        while (sigwait(&stop_signals, &sig)) {}
        if (!cfg->quiet) fprintf(stderr, "dyad: serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
        MHD_stop_daemon(d);
    }
    pthread_mutex_lock(&sv.lock);
    sv.stop = 1;
    pthread_cond_signal(&sv.wake);
    pthread_mutex_unlock(&sv.lock);
    if (dog_running) pthread_join(dog, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_cond_destroy(&sv.wake);
    pthread_mutex_destroy(&sv.lock);
    serve_pool_close(sv.api.pool);
    return rc;
}
