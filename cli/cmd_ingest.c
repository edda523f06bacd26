/*
 * cmd_ingest.c - `dyad ingest`: code documents and keep them in the store.
 *
 * Each document is looked up by id first: one already stored with the same
 * content is skipped without being coded again (one with other content
 * under a stored id is kept too, as ID~2, and the user told), which is what makes a re-run after a crash
 * (or a re-ingest of the same files) cheap and idempotent.  New documents
 * are coded and stored in batches: a transaction is committed every
 * --batch documents (200) or every second, whichever comes first, so a
 * killed run loses at most the open batch and never half a document.
 * With -j N the documents are coded on N threads while the store is
 * written, in input order, on one more (cli_each_doc_ordered).
 */
#include "cmd_store.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    cli_opts *o;
    store *s;
    dyad_model *model;
    dyad_options opt;
    store_stats stats;
    long batch, in_batch;
    long renamed;           /* documents stored under ID~N (their id held other content) */
    double batch_start, start;
    int fatal;
    pthread_mutex_t store_mu;         /* the store handle, between workers and the sink */
    /* With -j N the workers look ids up on a second handle of their own, so
     * that a lookup never waits for the writer's insert (it sees committed
     * documents only: an id repeated within one open batch is coded twice
     * and stored once, store_put_doc checks again). */
    store *lookup;
    pthread_mutex_t lookup_mu;
} ingest_ctx;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int commit(ingest_ctx *c, int reopen)
{
    char err[512];
    if (store_commit(c->s, err, sizeof err)) {
        fprintf(stderr, "dyad: %s: %s (the last %ld documents were not stored: run again)\n",
                store_cli_path(c->o), err, c->in_batch);
        c->stats.docs -= (uint64_t)c->in_batch;
        c->fatal = 1;
        return -1;
    }
    c->in_batch = 0;
    c->batch_start = now();
    if (reopen && store_begin(c->s, err, sizeof err)) {
        fprintf(stderr, "dyad: %s: %s\n", store_cli_path(c->o), err);
        c->fatal = 1;
        return -1;
    }
    return 0;
}

static void where(const dyad_doc *d, char *out, size_t cap)
{
    if (d->origin_line) snprintf(out, cap, "%s:%llu", d->origin ? d->origin : "-", (unsigned long long)d->origin_line);
    else snprintf(out, cap, "%s", d->origin ? d->origin : "-");
}

/* The stored-id question for d on handle st: 0 new, 1 stored with the same
 * content (skip), 2 stored with other content (d gets the id ID~N, and the
 * user is told), -1 error (fatal).  Callers hold the handle's lock. */
static int resolve(ingest_ctx *c, store *st, dyad_doc *d)
{
    char id[1024];
    int have = store_resolve_id(st, d, id, sizeof id);
    if (have < 0) {
        fprintf(stderr, "dyad: %s: %s\n", store_cli_path(c->o), sqlite3_errmsg(store_db(st)));
        c->fatal = 1;
    } else if (have == 2) {
        /* Same id, other text: both are kept, and the user told which. */
        char at[1024];
        where(d, at, sizeof at);
        fprintf(stderr, "dyad: %s: document id '%s' is already stored with other content; stored as '%s'\n",
                at, d->id, id);
        d->id = dyad_arena_strdup(d->arena, id);
        c->renamed++;
    }
    return have;
}

/* On a worker: skip a document already stored, else code it.  A store
 * handle is one thread's at a time (NOMUTEX), hence the locks. */
static int ingest_work(dyad_doc *d, dbuf *out, void *ctx)
{
    (void)out;
    ingest_ctx *c = ctx;
    store *s = c->lookup ? c->lookup : c->s;
    pthread_mutex_t *mu = c->lookup ? &c->lookup_mu : &c->store_mu;
    dyad_doc_ensure_id(d);
    pthread_mutex_lock(mu);
    int have = c->fatal ? -2 : resolve(c, s, d);
    pthread_mutex_unlock(mu);
    if (have < 0) return 1;
    if (have == 1) return CLI_SKIPPED;
    dyad_process(c->model, d, &c->opt);
    return 0;
}

/* In input order: store the coded document, commit by batch.  Warnings
 * and progress are the document loop's (cli/parallel.c). */
static int ingest_sink(dyad_doc *d, int worked, dbuf *out, void *ctx)
{
    (void)out;
    ingest_ctx *c = ctx;
    if (worked == CLI_SKIPPED) { c->stats.skipped++; return CLI_SKIPPED; }
    if (worked || c->fatal) return 1;
    char err[512];
    pthread_mutex_lock(&c->store_mu);
    /* The workers' handle sees committed documents only: ask again on the
     * writer's, which also sees the open batch (the same id twice in it). */
    int have = c->lookup ? resolve(c, c->s, d) : 0;
    if (have < 0 || have == 1) {
        pthread_mutex_unlock(&c->store_mu);
        if (have < 0) return 1;
        c->stats.skipped++;
        return CLI_SKIPPED;
    }
    int r = store_put_doc(c->s, d, &c->stats, err, sizeof err);
    if (r < 0) {
        char at[1024];
        where(d, at, sizeof at);
        fprintf(stderr, "dyad: %s: document %s not stored: %s\n", at, d->id ? d->id : "?", err);
        if (r == -2) {
            /* The batch's documents are not in the store after all; a
             * re-run stores them (they are looked up by id). */
            fprintf(stderr, "dyad: ingest: stopping; the last %ld documents were not stored either: run again\n",
                    c->in_batch);
            c->stats.docs -= (uint64_t)c->in_batch;
            c->fatal = 1;
        }
        pthread_mutex_unlock(&c->store_mu);
        return 1;
    }
    double t = now();
    if (++c->in_batch >= c->batch || t - c->batch_start >= 1.0) r = commit(c, 1);
    pthread_mutex_unlock(&c->store_mu);
    if (r) return 1;
    return 0;
}

const cli_option ingest_options[] = {
    CLI_OPT_DB, CLI_OPT_DATE,
    {"batch", 0, "N", STORE_O_BATCH, "commit every N documents (default 200) or every second"},
    {"jobs", 'j', "N", CLI_O_JOBS, "code on N threads while one more writes the store, in input order"},
    CLI_OPT_DATA, CLI_OPT_COUNT, CLI_OPT_QUIET, CLI_OPT_VERBOSE, CLI_OPT_PEOPLE,
    CLI_OPT_END,
};

int cmd_ingest(cli_opts *o);
int cmd_ingest(cli_opts *o)
{
    store_cli sc = {.batch = 200};
    int r = store_cli_parse(o, &sc, cli_find("ingest"));
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    /* Past a file size limit (ulimit -f) the kernel kills a writer with
     * SIGXFSZ; ignored, the write fails instead and SQLite reports it as
     * a full disk, which ingest says and survives (the batch is redone on
     * the next run). */
    signal(SIGXFSZ, SIG_IGN);
    ingest_ctx c = {.o = o, .batch = sc.batch};
    c.model = cli_load_model(o);
    if (!c.model) { free(o->files); return 1; }
    c.s = store_cli_open(o, 1);
    if (!c.s) { dyad_model_free(c.model); free(o->files); return 1; }
    c.opt = cli_pipeline_options(o);
    c.start = c.batch_start = now();
    o->stdout_idle = 1;          /* progress on a terminal even when stdout is one */
    char err[512];
    if (store_begin(c.s, err, sizeof err)) {
        fprintf(stderr, "dyad: %s: %s\n", store_cli_path(o), err);
        store_close(c.s);
        dyad_model_free(c.model);
        free(o->files);
        return 1;
    }
    pthread_mutex_init(&c.store_mu, NULL);
    pthread_mutex_init(&c.lookup_mu, NULL);
    if (o->jobs > 1) c.lookup = store_open(store_cli_path(o), 0, err, sizeof err);   /* NULL: share c.s */
    r = cli_each_doc_ordered(o, ingest_work, ingest_sink, &c);
    if (c.lookup) store_close(c.lookup);
    pthread_mutex_destroy(&c.lookup_mu);
    pthread_mutex_destroy(&c.store_mu);
    if (!c.fatal && commit(&c, 0)) r = 1;
    if (c.fatal) r = 1;
    double secs = now() - c.start;
    if (o->count) cli_print_count(o);
    else if (!o->quiet)
        fprintf(stderr, "dyad: ingest: %llu documents stored, %llu already in the store; %llu sentences, %llu quotes, "
                        "%llu event reports (%llu new events, %llu joined known ones) into %s in %.2f s (%.0f documents/s)\n",
                (unsigned long long)c.stats.docs, (unsigned long long)c.stats.skipped,
                (unsigned long long)c.stats.sentences, (unsigned long long)c.stats.quotes,
                (unsigned long long)c.stats.reports, (unsigned long long)c.stats.events_new,
                (unsigned long long)c.stats.events_merged, store_cli_path(o), secs,
                secs > 0 ? (double)c.stats.docs / secs : 0.0);
    if (c.renamed && !o->quiet)
        fprintf(stderr, "dyad: ingest: %ld documents had the id of a stored document with other content and were"
                        " stored under ID~N\n", c.renamed);
    store_close(c.s);
    dyad_model_free(c.model);
    free(o->files);
    return r ? 1 : 0;
}
