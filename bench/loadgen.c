/*
 * loadgen.c - a small HTTP load generator for `make bench` (stage serve),
 * used when wrk is not installed.
 *
 *   loadgen HOST PORT PATH CONNECTIONS SECONDS
 *
 * CONNECTIONS threads each keep one HTTP/1.1 connection alive and send GET
 * PATH back to back for SECONDS (bounded concurrency: at most CONNECTIONS
 * requests in flight).  A response counts as an error unless it is 200 with
 * a complete body (Content-Length or chunked).  Prints one line:
 *   requests N  rps R  p50_ms A  p99_ms B  max_ms C  errors E  reconnects K
 * Exit 0 when there was no error, 1 otherwise, 2 on usage errors.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONN 256

typedef struct {
    struct sockaddr_in addr;
    const char *request;
    size_t request_len;
    double until;
    double *lat;            /* seconds per request */
    size_t n, cap;
    long errors, reconnects;
} worker;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int connect_to(const struct sockaddr_in *a)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (const struct sockaddr *)a, sizeof *a)) { close(fd); return -1; }
    return fd;
}

/* A buffered reader over the connection. */
typedef struct { int fd; char buf[65536]; size_t at, len; } reader;

static int fill(reader *r)
{
    if (r->at < r->len) return 0;
    ssize_t n = recv(r->fd, r->buf, sizeof r->buf, 0);
    if (n <= 0) return -1;
    r->at = 0;
    r->len = (size_t)n;
    return 0;
}

/* One line without its CRLF into out (cut at cap); -1 when the connection ends. */
static int read_line(reader *r, char *out, size_t cap)
{
    size_t k = 0;
    for (;;) {
        if (fill(r)) return -1;
        char c = r->buf[r->at++];
        if (c == '\n') { if (k && out[k - 1] == '\r') k--; out[k] = 0; return 0; }
        if (k + 1 < cap) out[k++] = c;
    }
}

static int skip(reader *r, size_t n)
{
    while (n) {
        if (fill(r)) return -1;
        size_t take = r->len - r->at < n ? r->len - r->at : n;
        r->at += take;
        n -= take;
    }
    return 0;
}

/* One response; 0 when it was 200 and complete. */
static int read_response(reader *r)
{
    char line[8192];
    if (read_line(r, line, sizeof line)) return -1;
    int status = 0;
    if (sscanf(line, "HTTP/1.%*d %d", &status) != 1) return -1;
    long long length = -1;
    int chunked = 0;
    for (;;) {
        if (read_line(r, line, sizeof line)) return -1;
        if (!line[0]) break;
        if (!strncasecmp(line, "Content-Length:", 15)) length = atoll(line + 15);
        else if (!strncasecmp(line, "Transfer-Encoding:", 18) && strcasestr(line, "chunked")) chunked = 1;
    }
    if (chunked) {
        for (;;) {
            if (read_line(r, line, sizeof line)) return -1;
            long long n = strtoll(line, NULL, 16);
            if (n == 0) { if (read_line(r, line, sizeof line)) return -1; break; }
            if (skip(r, (size_t)n) || read_line(r, line, sizeof line)) return -1;
        }
    } else if (length < 0 || skip(r, (size_t)length)) return -1;
    return status == 200 ? 0 : 1;
}

static void *run(void *p)
{
    worker *w = p;
    reader *r = malloc(sizeof *r);
    if (!r) return NULL;
    r->fd = -1;
    while (now() < w->until) {
        if (r->fd < 0) {
            r->fd = connect_to(&w->addr);
            r->at = r->len = 0;
            if (r->fd < 0) { w->errors++; usleep(10000); continue; }
        }
        double t0 = now();
        int rc = send(r->fd, w->request, w->request_len, MSG_NOSIGNAL) == (ssize_t)w->request_len ? read_response(r) : -1;
        double t = now() - t0;
        if (rc) {
            w->errors++;
            if (rc < 0) { close(r->fd); r->fd = -1; w->reconnects++; }
            continue;
        }
        if (w->n == w->cap) {
            w->cap = w->cap ? 2 * w->cap : 4096;
            w->lat = realloc(w->lat, w->cap * sizeof *w->lat);
            if (!w->lat) abort();
        }
        w->lat[w->n++] = t;
    }
    if (r->fd >= 0) close(r->fd);
    free(r);
    return NULL;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: loadgen HOST PORT PATH CONNECTIONS SECONDS\n");
        return 2;
    }
    int conns = atoi(argv[4]);
    double secs = atof(argv[5]);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2]))};
    if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1 || conns < 1 || conns > MAX_CONN || secs <= 0) {
        fprintf(stderr, "loadgen: HOST must be IPv4, CONNECTIONS 1-%d, SECONDS > 0\n", MAX_CONN);
        return 2;
    }
    char request[4096];
    int n = snprintf(request, sizeof request, "GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: keep-alive\r\n\r\n",
                     argv[3], argv[1], argv[2]);
    if (n <= 0 || (size_t)n >= sizeof request) { fprintf(stderr, "loadgen: PATH too long\n"); return 2; }
    worker *w = calloc((size_t)conns, sizeof *w);
    pthread_t *th = calloc((size_t)conns, sizeof *th);
    if (!w || !th) return 1;
    double start = now();
    for (int i = 0; i < conns; i++) {
        w[i] = (worker){.addr = addr, .request = request, .request_len = (size_t)n, .until = start + secs};
        if (pthread_create(&th[i], NULL, run, &w[i])) { fprintf(stderr, "loadgen: cannot start a thread\n"); return 1; }
    }
    size_t total = 0;
    long errors = 0, reconnects = 0;
    for (int i = 0; i < conns; i++) {
        pthread_join(th[i], NULL);
        total += w[i].n;
        errors += w[i].errors;
        reconnects += w[i].reconnects;
    }
    double elapsed = now() - start;
    double *all = malloc((total ? total : 1) * sizeof *all);
    if (!all) return 1;
    size_t k = 0;
    for (int i = 0; i < conns; i++) { memcpy(all + k, w[i].lat, w[i].n * sizeof *all); k += w[i].n; free(w[i].lat); }
    qsort(all, total, sizeof *all, by_value);
    double p50 = total ? all[total / 2] : 0, p99 = total ? all[(size_t)((double)(total - 1) * 0.99)] : 0,
           max = total ? all[total - 1] : 0;
    printf("requests %zu  rps %.0f  p50_ms %.2f  p99_ms %.2f  max_ms %.2f  errors %ld  reconnects %ld\n", total,
           (double)total / elapsed, p50 * 1e3, p99 * 1e3, max * 1e3, errors, reconnects);
    free(all);
    free(w);
    free(th);
    return errors ? 1 : 0;
}
