/*
 * progress.c - what a long run shows on standard error: a progress line and
 * the documents' warnings, summarised (cli.h: cli_progress_*).
 *
 * The progress line appears only when standard error is a terminal and
 * standard output is not the same terminal (or the command prints nothing
 * there), never with -q: documents, bytes read of the total (the sum of the
 * input files' sizes, compressed bytes for gzip), rate and time left, at
 * most 4 times a second, erased before any warning and at the end.
 *
 * Warnings: the first of each kind is printed as it happens, with where;
 * later ones of the same kind are counted, and at the end one line says
 * how many documents had it and where the first was ("2,225 documents: no
 * publication date ...; first at bbc.jsonl:1").  The kind is the message
 * with its numbers, quoted values and parenthesised details blanked, so
 * "inferred 2018-07-12 from the text (...)" and "inferred 2019-02-27 ..."
 * are one kind.  --verbose prints every warning; -q none.
 */
#include "cli.h"
#include "../ingest/ingest.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_KINDS 64
#define KEY_LEN 96

typedef struct {
    char key[KEY_LEN];
    char label[160];          /* the first message, up to its first ':' */
    char first[512];          /* where the first was */
    uint64_t docs, last_doc;
} warn_kind;

struct cli_progress {
    int show, verbose, quiet;
    const char *verb;
    double start, last;
    uint64_t docs, total, done_files;   /* bytes: all inputs, files finished */
    const ingest_source *src;
    int drawn;
    warn_kind kinds[MAX_KINDS];
    int n_kinds;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t file_size(const char *path)
{
    struct stat st;
    if (!strcmp(path, "-")) return fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
}

cli_progress *cli_progress_new(const cli_opts *o, const char *verb, int stdout_idle)
{
    cli_progress *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->verb = verb;
    p->quiet = o->quiet;
    p->verbose = o->verbose;
    p->show = !o->quiet && isatty(2) && (stdout_idle || o->count || !isatty(1));
    if (getenv("DYAD_PROGRESS")) p->show = !o->quiet && !strcmp(getenv("DYAD_PROGRESS"), "1");
    p->start = p->last = now();
    for (int i = 0; i < o->n_files; i++) p->total += file_size(o->files[i]);
    if (!o->n_files) p->total = file_size("-");
    return p;
}

static void erase(cli_progress *p)
{
    if (p->drawn) fputs("\r\033[K", stderr);
    p->drawn = 0;
}

/* 1234567 -> "1,234,567". */
static const char *grouped(uint64_t n, char *buf)
{
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)n), k = 0;
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0) buf[k++] = ',';
        buf[k++] = tmp[i];
    }
    buf[k] = 0;
    return buf;
}

static void draw(cli_progress *p, double t)
{
    uint64_t done = p->done_files + (p->src ? ingest_bytes_read(p->src) : 0);
    double secs = t - p->start;
    char n[32];
    fprintf(stderr, "\r\033[Kdyad: %s: %s documents", p->verb, grouped(p->docs, n));
    if (p->total) {
        if (done > p->total) done = p->total;
        fprintf(stderr, ", %.1f of %.1f MB (%.0f%%)", (double)done / 1e6, (double)p->total / 1e6,
                100.0 * (double)done / (double)p->total);
    } else if (done)
        fprintf(stderr, ", %.1f MB", (double)done / 1e6);
    if (secs > 0) {
        fprintf(stderr, ", %.0f documents/s", (double)p->docs / secs);
        if (done) fprintf(stderr, ", %.1f MB/s", (double)done / 1e6 / secs);
        if (p->total && done) {
            double left = secs * (double)(p->total - done) / (double)done;
            if (left >= 3600) fprintf(stderr, ", %dh%02dm left", (int)(left / 3600), (int)(left / 60) % 60);
            else fprintf(stderr, ", %dm%02ds left", (int)(left / 60), (int)left % 60);
        }
    }
    fflush(stderr);
    p->drawn = 1;
}

void cli_progress_source(cli_progress *p, const ingest_source *src, const char *path, int finished)
{
    if (!p) return;
    if (finished) {
        p->done_files += file_size(path);
        p->src = NULL;
    } else
        p->src = src;
}

/* Where a document is, for messages: FILE:LINE, FILE: record at offset N, or FILE. */
static void where(const dyad_doc *d, char *out, size_t cap)
{
    const char *f = d->origin ? d->origin : "-";
    /* as the archive reader names places: a record inside one gzip stream
     * is the stream's offset plus where it starts in the decompressed data */
    if (d->origin_record && d->origin_inner)
        snprintf(out, cap, "%s: record at offset %llu (+%llu uncompressed)", f, (unsigned long long)d->origin_offset,
                 (unsigned long long)d->origin_inner);
    else if (d->origin_record) snprintf(out, cap, "%s: record at offset %llu", f, (unsigned long long)d->origin_offset);
    else if (d->origin_line) snprintf(out, cap, "%s:%llu", f, (unsigned long long)d->origin_line);
    else snprintf(out, cap, "%s", f);
}

static void print_warning(const dyad_doc *d, const dyad_diag *g)
{
    char at[1024];
    where(d, at, sizeof at);
    if ((d->origin_record && g->offset) || (!d->origin_record && d->origin_line))
        fprintf(stderr, "dyad: %s: byte %llu of the text: %s\n", at, (unsigned long long)g->offset, g->message);
    else if (d->origin_record)
        fprintf(stderr, "dyad: %s: %s\n", at, g->message);
    else
        fprintf(stderr, "dyad: %s: byte %llu: %s\n", at, (unsigned long long)g->offset, g->message);
}

/* The kind of a message: digits, quoted values and (details) blanked. */
static void kind_key(const char *m, char *key)
{
    size_t k = 0;
    int depth = 0, quoted = 0;
    for (const char *c = m; *c && k + 1 < KEY_LEN; c++) {
        if (*c == '"' && !depth) { quoted = !quoted; if (!quoted) key[k++] = '"'; continue; }
        if (*c == '(') { if (!depth++) key[k++] = '('; continue; }
        if (*c == ')' && depth) { if (!--depth) key[k++] = ')'; continue; }
        if (quoted || depth) continue;
        /* 2018-07-12, 2003-12, 2,225: one number */
        if ((*c >= '0' && *c <= '9') || (k && key[k - 1] == '#' && (*c == '-' || *c == ',') && c[1] >= '0' && c[1] <= '9')) {
            if (!k || key[k - 1] != '#') key[k++] = '#';
            continue;
        }
        key[k++] = *c;
    }
    key[k] = 0;
}

static warn_kind *kind_of(cli_progress *p, const char *message, int *is_new)
{
    char key[KEY_LEN];
    kind_key(message, key);
    *is_new = 0;
    for (int i = 0; i < p->n_kinds; i++)
        if (!strcmp(p->kinds[i].key, key)) return &p->kinds[i];
    if (p->n_kinds == MAX_KINDS) return NULL;
    warn_kind *w = &p->kinds[p->n_kinds++];
    memset(w, 0, sizeof *w);
    snprintf(w->key, sizeof w->key, "%s", key);
    size_t n = strcspn(message, ":;");
    snprintf(w->label, sizeof w->label, "%.*s", (int)(n < sizeof w->label - 1 ? n : sizeof w->label - 1), message);
    *is_new = 1;
    return w;
}

void cli_progress_warnings(cli_progress *p, const dyad_doc *d)
{
    if (p && p->quiet) return;
    for (uint32_t i = 0; i < d->n_diags; i++) {
        if (!p || p->verbose) { if (p) erase(p); print_warning(d, &d->diags[i]); continue; }
        int is_new;
        warn_kind *w = kind_of(p, d->diags[i].message, &is_new);
        if (w && w->last_doc != p->docs + 1) { w->docs++; w->last_doc = p->docs + 1; }
        if (!w || is_new) {
            erase(p);
            print_warning(d, &d->diags[i]);
            if (w) where(d, w->first, sizeof w->first);
        }
    }
}

void cli_progress_doc(cli_progress *p, const dyad_doc *d)
{
    if (!p) return;
    (void)d;
    p->docs++;
    if (!p->show) return;
    double t = now();
    if (t - p->last < 0.25) return;
    p->last = t;
    draw(p, t);
}

void cli_progress_done(cli_progress *p)
{
    if (!p) return;
    erase(p);
    for (int i = 0; i < p->n_kinds; i++) {
        const warn_kind *w = &p->kinds[i];
        if (w->docs < 2) continue;
        char n[32];
        fprintf(stderr, "dyad: %s documents: %s; first at %s (--verbose lists every one)\n", grouped(w->docs, n),
                w->label, w->first);
    }
    free(p);
}
