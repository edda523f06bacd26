/*
 * pool.c - read-only store handles for the server's threads.
 *
 * An SQLite handle of the store belongs to one thread at a time (the store
 * is opened NOMUTEX), so a request takes a free handle, queries, and gives
 * it back.  Handles are opened on demand up to `max` and kept until the
 * pool closes: a WAL reader is cheap to keep and costs a file open to
 * make.  Each handle carries a deadline: a progress handler called every
 * few thousand SQLite instructions interrupts the query once it is past,
 * or when the request was cancelled, so no query holds a thread long.
 */
#include "serve.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct serve_pool {
    pthread_mutex_t lock;
    char *path;
    int max, n;
    serve_slot *slots;
};

long long serve_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int progress(void *p)
{
    serve_slot *slot = p;
    long long d = atomic_load(&slot->deadline_ms);
    return atomic_load(&slot->cancel) || (d && serve_now_ms() > d);
}

static int open_slot(serve_pool *p, serve_slot *slot, char *err, size_t errlen)
{
    memset(slot, 0, sizeof *slot);
    slot->s = store_open(p->path, 0, err, errlen);      /* 0: read-only, never migrated */
    if (!slot->s) return -1;
    sqlite3_progress_handler(store_db(slot->s), 2000, progress, slot);
    return 0;
}

serve_pool *serve_pool_open(const char *path, int max, char *err, size_t errlen)
{
    serve_pool *p = calloc(1, sizeof *p);
    if (!p) { snprintf(err, errlen, "out of memory"); return NULL; }
    pthread_mutex_init(&p->lock, NULL);
    p->max = max < 1 ? 1 : max;
    p->path = strdup(path);
    p->slots = calloc((size_t)p->max, sizeof *p->slots);
    if (!p->path || !p->slots) { snprintf(err, errlen, "out of memory"); serve_pool_close(p); return NULL; }
    if (open_slot(p, &p->slots[0], err, errlen)) { serve_pool_close(p); return NULL; }
    p->n = 1;
    return p;
}

serve_slot *serve_pool_get(serve_pool *p, long query_ms, char *err, size_t errlen)
{
    serve_slot *slot = NULL;
    pthread_mutex_lock(&p->lock);
    for (int i = 0; i < p->n && !slot; i++)
        if (!p->slots[i].busy) slot = &p->slots[i];
    if (!slot && p->n < p->max) {
        /* Opened under the lock: rare (at most max times), and it keeps
         * two threads from filling the same place. */
        if (open_slot(p, &p->slots[p->n], err, errlen) == 0) slot = &p->slots[p->n++];
    } else if (!slot)
        snprintf(err, errlen, "every store handle is in use (%d); try again", p->max);
    if (slot) slot->busy = 1;
    pthread_mutex_unlock(&p->lock);
    if (!slot) return NULL;
    atomic_store(&slot->cancel, 0);
    atomic_store(&slot->deadline_ms, query_ms > 0 ? serve_now_ms() + query_ms : query_ms < 0 ? 1 : 0);
    return slot;
}

void serve_pool_put(serve_pool *p, serve_slot *slot)
{
    pthread_mutex_lock(&p->lock);
    slot->busy = 0;
    pthread_mutex_unlock(&p->lock);
}

void serve_pool_close(serve_pool *p)
{
    if (!p) return;
    for (int i = 0; i < p->n; i++) store_close(p->slots[i].s);
    pthread_mutex_destroy(&p->lock);
    free(p->slots);
    free(p->path);
    free(p);
}
