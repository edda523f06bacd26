/*
 * source.c - open an input, sniff its format, and hand out documents.
 *
 * JSON lines are read one line at a time with a growing line buffer, so a
 * 50 MB line costs 50 MB once and a 5 GB file never more than its longest
 * line.  A plain-text article is one document and is read whole.
 */
#include "ingest.h"
#include "warc.h"
#include "web.h"
#include "../core/core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ingest_source {
    FILE *f;
    const char *path;         /* as given, for messages */
    int format;
    int done;
    uint64_t line, offset;    /* line number and byte offset of the next line */
    char *buf;
    size_t cap;
    web_archive web;
    char err[1024];
};

static int sniff(const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) i++;
    if (i < n && p[i] == '{') return INGEST_JSONL;
    if (i < n && p[i] == '<') return INGEST_HTML;
    return INGEST_TEXT;
}

ingest_source *ingest_open(const char *path, char *err, size_t errlen)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    ingest_source *s = calloc(1, sizeof *s);
    if (!s) { if (f != stdin) fclose(f); snprintf(err, errlen, "out of memory"); return NULL; }
    /* Web archives are sniffed from their first bytes (plain or gzip) and
     * streamed by the WARC reader, which opens the file itself. */
    if (f != stdin && warc_sniff_file(path) > 0) {
        fclose(f);
        s->web.reader = warc_open(path, err, errlen);
        if (!s->web.reader) { free(s); return NULL; }
        s->path = path;
        s->format = INGEST_WARC;
        return s;
    }
    s->f = f;
    s->path = path;
    s->line = 1;
    /* Peek at the first bytes without consuming them: one ungetc is all
     * stdio promises, so skip leading blanks first and push back one byte. */
    int c;
    while ((c = getc(f)) != EOF) {
        if (c == ' ' || c == '\t' || c == '\r') { s->offset++; continue; }
        if (c == '\n') { s->line++; s->offset++; continue; }
        break;
    }
    unsigned char head = (unsigned char)c;
    if (c != EOF) ungetc(c, f);
    s->format = c != EOF ? sniff(&head, 1) : INGEST_TEXT;
    return s;
}

/* Read one line (without the newline) into s->buf; returns its length or
 * -1 at end of input.  getline grows the buffer to the longest line. */
static long read_line(ingest_source *s)
{
    ssize_t n = getline(&s->buf, &s->cap, s->f);
    if (n < 0) return -1;
    if (n > 0 && s->buf[n - 1] == '\n') s->buf[--n] = 0;
    return (long)n;
}

/* The next non-blank line into s->buf: its length, or -1 at the end;
 * *line and *off say where it started. */
static long next_record_line(ingest_source *s, uint64_t *line, uint64_t *off)
{
    for (;;) {
        *line = s->line;
        *off = s->offset;
        long n = read_line(s);
        if (n < 0) return -1;
        s->line++;
        s->offset += (uint64_t)n + 1;
        size_t i = 0;
        while (i < (size_t)n && (s->buf[i] == ' ' || s->buf[i] == '\t' || s->buf[i] == '\r')) i++;
        if (i < (size_t)n) return n;                          /* else a blank line */
    }
}

static int next_jsonl(ingest_source *s, dyad_doc *d)
{
    uint64_t line, off;
    long n = next_record_line(s, &line, &off);
    if (n < 0) return 0;
    d->origin = s->path;
    d->origin_line = line;
    d->origin_offset = off;
    char why[512];
    if (ingest_json_record(s->buf, (size_t)n, d, why, sizeof why) < 0) {
        snprintf(s->err, sizeof s->err, "%s:%llu: %s", s->path, (unsigned long long)line, why);
        return -1;
    }
    return 1;
}

static int next_text(ingest_source *s, dyad_doc *d)
{
    if (s->done) return 0;
    s->done = 1;
    size_t n = 0;
    for (;;) {
        if (n + 65536 > s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 1 << 17;
            char *p = realloc(s->buf, nc);
            if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
            s->buf = p;
            s->cap = nc;
        }
        size_t got = fread(s->buf + n, 1, s->cap - n - 1, s->f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(s->f)) {
        snprintf(s->err, sizeof s->err, "%s: read error: %s", s->path, strerror(errno));
        return -1;
    }
    d->origin = s->path;
    if (s->format == INGEST_HTML) {
        char why[512];
        if (web_html_document(d, s->buf ? s->buf : "", n, why, sizeof why) < 0) {
            snprintf(s->err, sizeof s->err, "%s: %s", s->path, why);
            return -1;
        }
        return 1;
    }
    ingest_plain_text(s->buf ? s->buf : "", n, d);
    return 1;
}

int ingest_next(ingest_source *s, dyad_doc *d)
{
    s->err[0] = 0;
    switch (s->format) {
    case INGEST_JSONL: return next_jsonl(s, d);
    case INGEST_WARC: {
        d->origin = s->path;
        char why[900];
        int r = web_warc_next(&s->web, d, why, sizeof why);
        if (r < 0) snprintf(s->err, sizeof s->err, "%s", why);
        return r;
    }
    default: return next_text(s, d);
    }
}

const char *ingest_error(const ingest_source *s) { return s->err; }
const char *ingest_path(const ingest_source *s) { return s->path; }

int ingest_next_line(ingest_source *s, char **buf, size_t *cap, size_t *len, uint64_t *line)
{
    uint64_t at, off;
    long n = next_record_line(s, &at, &off);
    if (n < 0) return 0;
    if ((size_t)n + 1 > *cap) {
        size_t nc = (size_t)n + 1;
        char *p = realloc(*buf, nc);
        if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
        *buf = p;
        *cap = nc;
    }
    memcpy(*buf, s->buf, (size_t)n + 1);
    *len = (size_t)n;
    *line = at;
    return 1;
}
int ingest_format(const ingest_source *s) { return s->format; }

uint64_t ingest_bytes_read(const ingest_source *s)
{
    if (s->web.reader) return warc_bytes_read(s->web.reader);
    if (!s->f) return 0;
    off_t at = ftello(s->f);
    return at > 0 ? (uint64_t)at : 0;
}

void ingest_close(ingest_source *s)
{
    if (!s) return;
    if (s->f && s->f != stdin) fclose(s->f);
    if (s->web.reader) {
        web_archive_report(&s->web, s->path);
        warc_close(s->web.reader);
    }
    free(s->buf);
    free(s);
}
