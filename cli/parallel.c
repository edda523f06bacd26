/*
 * parallel.c - run a per-document job on N threads, output in input order.
 *
 * A three-stage pipeline over a ring of batches of slots, each slot a
 * reusable document and its output buffer:
 *   reader (the calling thread)  reads documents in input order into the
 *       free batch; JSON lines are only copied and web pages (HTML files,
 *       the HTML records of archives) only read: parsing and extracting
 *       them is the workers' job, so one thread reading never caps the rest;
 *   workers (o->jobs threads)    take the next full batch, whichever thread
 *       is free (so one long batch never holds the others up), run the job
 *       on each document, and mark the batch done;
 *   writer (one thread)          takes the batches in input order as they
 *       are done, runs the command's sink (the store, for ingest), prints
 *       warnings and the output, and frees the batch for the reader.
 * All three run at once, so reading, coding and writing overlap.  Batches
 * (BATCH_DOCS documents or BATCH_BYTES of text, whichever comes first)
 * exist because a wire story codes in about 100 microseconds: handing
 * documents over one by one costs more in wake-ups than it gains.  With one
 * job everything happens inline on the calling thread, with no threads.
 *
 * A document that failed to read is reported at its place in the order.
 * Web archives print a summary when closed, so the pipeline is drained
 * before an archive is closed to keep that summary after its documents.
 */
#include "cli.h"
#include "../ingest/ingest.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BATCH_FREE, BATCH_READ, BATCH_DONE };
#define BATCH_DOCS 32
#define BATCH_BYTES ((size_t)1 << 20)

typedef struct {
    dyad_doc *doc;
    dbuf out;
    char err[1024];                  /* ingest failure, printed in order */
    int result;                      /* the job's return */
    /* A JSON line read but not yet parsed: parsing is part of the work. */
    char *line;
    size_t line_cap, line_len;
    uint64_t lineno;
    const char *path;
    int raw;
    /* A web page read but not yet extracted (raw == 2). */
    ingest_page *page;
    ingest_source *src;              /* its archive, for the summary counts */
    int skip;                        /* an archive page without article text */
} slot;

typedef struct {
    slot slots[BATCH_DOCS];
    int n, state;
    size_t bytes;
} batch;

typedef struct {
    cli_opts *o;
    batch *ring;
    size_t n;
    uint64_t read, taken, written;   /* batches read, taken by workers, written */
    int reading_done;
    int have_batch;                  /* the reader has claimed ring[read % n] */
    atomic_int stop;                 /* standard output failed: read no more */
    int batch_docs;                  /* BATCH_DOCS, 1 when inline */
    pthread_mutex_t mu;
    pthread_cond_t changed;          /* any of the counters or states moved */
    cli_work_fn work;
    cli_sink_fn sink;
    void *ctx;
    int failed;
    int threaded;                    /* the progress line is shared: under mu */
} pipeline;

/* The job on one slot: parse a raw JSON line first, then the work. */
static void do_work(pipeline *p, slot *s)
{
    if (s->raw == 2) {
        s->raw = 0;
        int r = ingest_page_finish(s->page, s->doc, s->err, sizeof s->err);
        if (r) { s->skip = r > 0; return; }
        dyad_doc_ensure_id(s->doc);
    }
    if (s->raw) {
        s->raw = 0;
        char why[512];
        s->doc->origin = s->path;
        s->doc->origin_line = s->lineno;
        if (ingest_json_record(s->line, s->line_len, s->doc, why, sizeof why) < 0) {
            snprintf(s->err, sizeof s->err, "%s:%llu: %s", s->path, (unsigned long long)s->lineno, why);
            return;
        }
        dyad_doc_ensure_id(s->doc);
    }
    if (s->err[0]) return;
    s->result = p->work(s->doc, &s->out, p->ctx);
}

/* In order: the sink, warnings, the output, the totals. */
static void emit(pipeline *p, slot *s)
{
    cli_opts *o = p->o;
    if (s->src) ingest_page_counted(s->src, !s->skip && !s->err[0]);
    if (s->skip) return;
    if (s->err[0]) { fprintf(stderr, "dyad: %s\n", s->err); p->failed = 1; return; }
    int r = p->sink ? p->sink(s->doc, s->result, &s->out, p->ctx) : s->result;
    if (r != CLI_SKIPPED) {
        cli_doc_warnings(o, s->doc);
        if (cli_doc_failed(o, s->doc)) p->failed = 1;
    }
    /* The reader names the input being read (and closes it) under the
     * same lock, so the line never reads a closed source. */
    if (p->threaded) pthread_mutex_lock(&p->mu);
    cli_progress_doc(o->progress, s->doc);
    if (p->threaded) pthread_mutex_unlock(&p->mu);
    if (s->out.len) fwrite(s->out.ptr, 1, s->out.len, stdout);
    dbuf_clear(&s->out);
    if (cli_stdout_failed()) { p->failed = 1; atomic_store(&p->stop, 1); }
    o->n_docs++;
    o->n_bytes += s->doc->raw_len;
    o->n_sents += s->doc->n_sents;
    o->n_toks += s->doc->n_toks;
    o->n_events += s->doc->n_events;
    o->n_parsed += s->doc->n_parsed;
    if (r == 1) p->failed = 1;
}

static void *run_worker(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->taken == p->read && !p->reading_done) pthread_cond_wait(&p->changed, &p->mu);
        if (p->taken == p->read) break;
        batch *b = &p->ring[p->taken++ % p->n];
        pthread_mutex_unlock(&p->mu);
        for (int i = 0; i < b->n; i++) do_work(p, &b->slots[i]);
        pthread_mutex_lock(&p->mu);
        b->state = BATCH_DONE;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void *run_writer(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->written < p->read ? p->ring[p->written % p->n].state != BATCH_DONE : !p->reading_done)
            pthread_cond_wait(&p->changed, &p->mu);
        if (p->written == p->read) break;
        batch *b = &p->ring[p->written % p->n];
        pthread_mutex_unlock(&p->mu);
        for (int i = 0; i < b->n; i++) emit(p, &b->slots[i]);
        pthread_mutex_lock(&p->mu);
        b->state = BATCH_FREE;
        p->written++;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->mu);
    if (fflush(stdout) || cli_stdout_failed()) { cli_stdout_failed(); p->failed = 1; }
    return NULL;
}

/* Hands the batch being filled on: to the workers, or inline through the
 * job and the sink. */
static void hand_on(pipeline *p, int threaded)
{
    batch *b = &p->ring[p->read % p->n];
    if (!p->have_batch) return;
    p->have_batch = 0;
    if (!b->n) return;
    if (!threaded) {
        for (int i = 0; i < b->n; i++) { do_work(p, &b->slots[i]); emit(p, &b->slots[i]); }
        return;
    }
    pthread_mutex_lock(&p->mu);
    b->state = BATCH_READ;
    p->read++;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->mu);
}

/* The next slot of the batch being filled, reset; a new batch is claimed
 * when needed, waiting while every batch is in use. */
static slot *take_slot(pipeline *p, int threaded)
{
    batch *b = &p->ring[p->read % p->n];
    if (p->have_batch && (b->n == p->batch_docs || b->bytes >= BATCH_BYTES)) hand_on(p, threaded);
    if (!p->have_batch) {
        if (threaded) {
            pthread_mutex_lock(&p->mu);
            while (p->read - p->written == p->n) pthread_cond_wait(&p->changed, &p->mu);
            pthread_mutex_unlock(&p->mu);
        }
        b = &p->ring[p->read % p->n];
        b->n = 0;
        b->bytes = 0;
        p->have_batch = 1;
    }
    slot *s = &b->slots[b->n];
    if (!s->doc) s->doc = dyad_doc_new();     /* documents are made as first needed */
    dyad_doc_reset(s->doc);
    s->err[0] = 0;
    s->result = 0;
    s->raw = 0;
    s->skip = 0;
    s->src = NULL;
    return s;
}

/* The slot take_slot gave is filled: count it into its batch. */
static void filled(pipeline *p, slot *s)
{
    batch *b = &p->ring[p->read % p->n];
    b->n++;
    b->bytes += s->raw == 1 ? s->line_len : s->raw == 2 ? ingest_page_size(s->page) : s->doc->raw_len;
}

static void drain(pipeline *p, int threaded)
{
    hand_on(p, threaded);
    if (!threaded) return;
    pthread_mutex_lock(&p->mu);
    while (p->written != p->read) pthread_cond_wait(&p->changed, &p->mu);
    pthread_mutex_unlock(&p->mu);
}

/* Has the writer seen standard output fail (a full disk, a closed pipe)? */
static int stopped(pipeline *p) { return atomic_load(&p->stop); }

/* One input, document by document into the pipeline. */
static void read_input(pipeline *p, const char *path, int threaded)
{
    char err[1024];
    ingest_source *src = ingest_open(path, err, sizeof err);
    if (!src) {
        slot *s = take_slot(p, threaded);
        snprintf(s->err, sizeof s->err, "%s", err);
        filled(p, s);
        return;
    }
    if (threaded) pthread_mutex_lock(&p->mu);
    cli_progress_source(p->o->progress, src, path, 0);
    if (threaded) pthread_mutex_unlock(&p->mu);
    int lines = ingest_format(src) == INGEST_JSONL && threaded;
    for (;;) {
        if (stopped(p)) break;
        slot *s = take_slot(p, threaded);
        if (lines) {
            int got = ingest_next_line(src, &s->line, &s->line_cap, &s->line_len, &s->lineno);
            if (got == 0) break;
            if (got < 0) snprintf(s->err, sizeof s->err, "%s", ingest_error(src));
            else { s->raw = 1; s->path = ingest_path(src); }
            filled(p, s);
            continue;
        }
        if (threaded && !s->page) s->page = ingest_page_new();
        int r = threaded ? ingest_next_page(src, s->doc, s->page) : ingest_next(src, s->doc);
        if (r == 0) break;
        if (r < 0) snprintf(s->err, sizeof s->err, "%s", ingest_error(src));
        else if (r == 2) {
            s->raw = 2;
            /* archives count their pages as they are written, and are
             * drained before they close (below) */
            if (ingest_format(src) == INGEST_WARC) s->src = src;
        } else dyad_doc_ensure_id(s->doc);
        filled(p, s);
    }
    if (ingest_format(src) == INGEST_WARC) drain(p, threaded);
    if (threaded) pthread_mutex_lock(&p->mu);
    cli_progress_source(p->o->progress, NULL, path, 1);
    if (threaded) pthread_mutex_unlock(&p->mu);
    ingest_close(src);
}

int cli_each_doc_ordered(cli_opts *o, cli_work_fn work, cli_sink_fn sink, void *ctx)
{
    static const char *stdin_only[] = {"-"};
    const char **files = o->n_files ? o->files : stdin_only;
    int nf = o->n_files ? o->n_files : 1;
    int jobs = o->jobs < 1 ? 1 : o->jobs;
    pipeline p = {.o = o, .work = work, .sink = sink, .ctx = ctx};
    o->progress = cli_progress_new(o, o->argv[0], o->stdout_idle);
    /* Enough slots that a long document on one worker does not stall the
     * others, few enough that memory stays a few documents per thread. */
    p.n = jobs <= 1 ? 1 : (size_t)jobs * 3;
    p.ring = calloc(p.n, sizeof *p.ring);
    if (!p.ring) { fputs("dyad: out of memory\n", stderr); return 1; }
    p.batch_docs = jobs <= 1 ? 1 : BATCH_DOCS;
    pthread_t th[256], writer;
    int started = 0, threaded = 0;
    if (jobs > 1) {
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.changed, NULL);
        threaded = !pthread_create(&writer, NULL, run_writer, &p);
        for (int j = 0; threaded && j < jobs && j < 256; j++)
            if (!pthread_create(&th[j], NULL, run_worker, &p)) started++;
        if (threaded && !started) {   /* no worker: stop the writer, run inline */
            pthread_mutex_lock(&p.mu);
            p.reading_done = 1;
            pthread_cond_broadcast(&p.changed);
            pthread_mutex_unlock(&p.mu);
            pthread_join(writer, NULL);
            p.reading_done = 0;
            p.batch_docs = 1;
            threaded = 0;
        }
    }
    p.threaded = threaded;
    for (int f = 0; f < nf && !stopped(&p); f++) read_input(&p, files[f], threaded);
    hand_on(&p, threaded);
    if (threaded) {
        pthread_mutex_lock(&p.mu);
        p.reading_done = 1;
        pthread_cond_broadcast(&p.changed);
        pthread_mutex_unlock(&p.mu);
        for (int j = 0; j < started; j++) pthread_join(th[j], NULL);
        pthread_join(writer, NULL);
    }
    if (jobs > 1) {
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.changed);
    }
    if (fflush(stdout) || cli_stdout_failed()) { cli_stdout_failed(); p.failed = 1; }
    cli_progress_done(o->progress);
    o->progress = NULL;
    for (size_t i = 0; i < p.n; i++)
        for (int k = 0; k < BATCH_DOCS; k++) {
            slot *s = &p.ring[i].slots[k];
            dyad_doc_free(s->doc);
            dbuf_free(&s->out);
            free(s->line);
            ingest_page_free(s->page);
        }
    free(p.ring);
    return p.failed;
}

int cli_each_doc_parallel(cli_opts *o, cli_work_fn work, void *ctx)
{
    return cli_each_doc_ordered(o, work, NULL, ctx);
}
