/*
 * parallel.c - run a per-document job on N threads, output in input order.
 *
 * Documents are read in batches on the calling thread (ingest is a stream),
 * then the batch is split over the threads, each writing its documents'
 * output into the document's own buffer; the buffers are written out in
 * input order.  With one job everything happens inline.  A document that
 * failed to read is reported at its place in the order.
 */
#include "cli.h"
#include "../ingest/ingest.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    dyad_doc *doc;
    dbuf out;
    char err[1024];                  /* ingest failure, printed in order */
    int failed;
    /* A JSON line read but not yet parsed: parsing is part of the work. */
    char *line;
    size_t line_cap, line_len;
    uint64_t lineno;
    const char *path;
    int raw;
} slot;

typedef struct {
    slot *slots;
    int n, jobs, id;
    cli_work_fn work;
    void *ctx;
} worker;

static void *run_worker(void *p)
{
    worker *w = p;
    for (int i = w->id; i < w->n; i += w->jobs) {
        slot *s = &w->slots[i];
        if (s->raw) {
            s->raw = 0;
            char why[512];
            s->doc->origin = s->path;
            s->doc->origin_line = s->lineno;
            if (ingest_json_record(s->line, s->line_len, s->doc, why, sizeof why) < 0) {
                snprintf(s->err, sizeof s->err, "%s:%llu: %s", s->path, (unsigned long long)s->lineno, why);
                continue;
            }
            dyad_doc_ensure_id(s->doc);
        }
        if (s->err[0]) continue;
        if (w->work(s->doc, &s->out, w->ctx)) s->failed = 1;
    }
    return NULL;
}

static int flush_batch(cli_opts *o, slot *slots, int n, cli_work_fn work, void *ctx)
{
    int failed = 0;
    if (o->jobs <= 1 || n == 1) {
        worker w = {slots, n, 1, 0, work, ctx};
        run_worker(&w);
    } else {
        pthread_t th[256];
        worker ws[256];
        int jobs = o->jobs < n ? o->jobs : n;
        for (int j = 0; j < jobs; j++) {
            ws[j] = (worker){slots, n, jobs, j, work, ctx};
            if (pthread_create(&th[j], NULL, run_worker, &ws[j])) { run_worker(&ws[j]); th[j] = 0; }
        }
        for (int j = 0; j < jobs; j++) if (th[j]) pthread_join(th[j], NULL);
    }
    for (int i = 0; i < n; i++) {
        slot *s = &slots[i];
        if (s->err[0]) { fprintf(stderr, "dyad: %s\n", s->err); failed = 1; continue; }
        cli_doc_warnings(s->doc);
        if (s->out.len) fwrite(s->out.ptr, 1, s->out.len, stdout);
        dbuf_clear(&s->out);
        o->n_docs++;
        o->n_bytes += s->doc->raw_len;
        o->n_sents += s->doc->n_sents;
        o->n_toks += s->doc->n_toks;
        o->n_events += s->doc->n_events;
        failed |= s->failed;
    }
    if (fflush(stdout) || cli_stdout_failed()) { cli_stdout_failed(); failed = 1; }
    return failed;
}

int cli_each_doc_parallel(cli_opts *o, cli_work_fn work, void *ctx)
{
    static const char *stdin_only[] = {"-"};
    const char **files = o->n_files ? o->files : stdin_only;
    int nf = o->n_files ? o->n_files : 1;
    int batch = o->jobs <= 1 ? 1 : 16 * o->jobs;
    slot *slots = calloc((size_t)batch, sizeof *slots);
    if (!slots) { fputs("dyad: out of memory\n", stderr); return 1; }
    for (int i = 0; i < batch; i++) slots[i].doc = dyad_doc_new();
    int failed = 0, n = 0;
    for (int f = 0; f < nf && !cli_stdout_failed(); f++) {
        char err[1024];
        ingest_source *src = ingest_open(files[f], err, sizeof err);
        if (!src) {
            failed |= flush_batch(o, slots, n, work, ctx);
            n = 0;
            fprintf(stderr, "dyad: %s\n", err);
            failed = 1;
            continue;
        }
        for (;;) {
            slot *s = &slots[n];
            dyad_doc_reset(s->doc);
            s->err[0] = 0;
            s->failed = 0;
            if (ingest_format(src) == INGEST_JSONL && batch > 1) {
                int got = ingest_next_line(src, &s->line, &s->line_cap, &s->line_len, &s->lineno);
                if (got == 0) break;
                if (got < 0) {
                    snprintf(s->err, sizeof s->err, "%s", ingest_error(src));
                    if (++n == batch) { failed |= flush_batch(o, slots, n, work, ctx); n = 0; }
                    continue;
                }
                s->raw = 1;
                s->path = ingest_path(src);
                if (++n == batch) { failed |= flush_batch(o, slots, n, work, ctx); n = 0; }
                if (cli_stdout_failed()) break;
                continue;
            }
            int r = ingest_next(src, s->doc);
            if (r == 0) break;
            if (r < 0) snprintf(s->err, sizeof s->err, "%s", ingest_error(src));
            else dyad_doc_ensure_id(s->doc);
            if (++n == batch) { failed |= flush_batch(o, slots, n, work, ctx); n = 0; }
            if (cli_stdout_failed()) break;
        }
        /* Flush before closing: documents keep pointers into nothing of the
         * source, but their origin name must stay valid while printed. */
        failed |= flush_batch(o, slots, n, work, ctx);
        n = 0;
        ingest_close(src);
    }
    for (int i = 0; i < batch; i++) { dyad_doc_free(slots[i].doc); dbuf_free(&slots[i].out); free(slots[i].line); }
    free(slots);
    return failed;
}
