/*
 * source.c - open an input, sniff its format, and hand out documents.
 *
 * Sniffing looks at the first 64 KiB through the stream's look-ahead
 * (stream.h), so standard input is sniffed exactly like a file and nothing
 * is consumed: a WARC/ARC archive (plain or gzip) goes to the WARC reader
 * with its raw bytes; any other gzip or zstd input is decoded and sniffed
 * again (a .warc.zst is a WARC inside zstd, a .jsonl.gz JSON lines inside
 * gzip).  Then JSON lines (first byte '{'), an HTML page ('<'), or a
 * plain-text article; empty input and binary data are refused by name,
 * never turned into a document.
 *
 * JSON lines are read one line at a time from the stream's buffer, so a
 * 50 MB line costs 50 MB once and a 5 GB file never more than its longest
 * line.  A plain-text article or page is one document and is read whole.
 */
#include "ingest.h"
#include "stream.h"
#include "warc.h"
#include "web.h"
#include "../core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SNIFF_BYTES ((size_t)64 << 10)

struct ingest_source {
    in_stream *in;            /* NULL for archives: the WARC reader owns it */
    const char *path;         /* as given, for messages */
    int format;
    int done, error_told;
    uint64_t line, offset;    /* line number and byte offset of the next line */
    char *buf;                /* a whole text or HTML document */
    size_t cap;
    web_archive web;
    char err[1024];
};

/* Binary data: more than 2% control bytes (NUL included, blanks and ESC
 * not), or mostly high bytes that are not UTF-8.  Text in any 8-bit
 * encoding passes, and so does a text with a stray NUL (the text stage
 * reports it); random bytes, images and unknown compressions do not. */
static int looks_binary(const unsigned char *p, size_t n)
{
    size_t ctrl = 0, high = 0, in_utf8 = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) ctrl++;
        if (c < 0x80) continue;
        high++;
        size_t k = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : 0;
        if (!k || i + k >= n) continue;
        size_t j = 1;
        while (j <= k && (p[i + j] & 0xC0) == 0x80) j++;
        if (j > k) { in_utf8 += k + 1; high += k; i += k; }
    }
    if (ctrl >= 2 && ctrl * 50 > n) return 1;
    return n >= 16 && high * 10 > n * 3 && in_utf8 * 2 < high;
}

/* The format of decoded bytes; 0 with a message in err when it is none. */
static int sniff(const char *path, const unsigned char *p, size_t n, int comp, char *err, size_t errlen)
{
    const char *inside = comp == IN_PLAIN ? "" : comp == IN_GZIP ? " (after gzip decompression)" : " (after zstd decompression)";
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        snprintf(err, errlen, "%s: UTF-16 text%s, which dyad does not read; convert it first (iconv -f UTF-16 -t UTF-8)",
                 path, inside);
        return 0;
    }
    if (looks_binary(p, n)) {
        snprintf(err, errlen, "%s: binary data%s, not text, JSON lines, HTML or a web archive "
                              "(first bytes %02x %02x %02x %02x)", path, inside,
                 n > 0 ? p[0] : 0, n > 1 ? p[1] : 0, n > 2 ? p[2] : 0, n > 3 ? p[3] : 0);
        return 0;
    }
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t' || p[i] == '\f' || p[i] == '\v')) i++;
    if (i == n) {
        if (n < SNIFF_BYTES) {
            snprintf(err, errlen, "%s: empty input%s: no document", path, inside);
            return 0;
        }
        return INGEST_TEXT;
    }
    if (p[i] == '{') return INGEST_JSONL;
    if (p[i] == '<') return INGEST_HTML;
    return INGEST_TEXT;
}

static ingest_source *open_archive(ingest_source *s, char *err, size_t errlen)
{
    s->web.reader = warc_open_stream(s->in, 1, s->path, err, errlen);
    s->in = NULL;
    if (!s->web.reader) { free(s); return NULL; }
    s->format = INGEST_WARC;
    return s;
}

ingest_source *ingest_open(const char *path, char *err, size_t errlen)
{
    in_stream *in = in_stream_open(path, err, errlen);
    if (!in) return NULL;
    ingest_source *s = calloc(1, sizeof *s);
    if (!s) { in_stream_close(in); snprintf(err, errlen, "%s: out of memory", path); return NULL; }
    s->in = in;
    s->path = path;
    s->line = 1;
    const unsigned char *head;
    int comp = in_stream_compression(in);
    size_t n = in_stream_peek(in, SNIFF_BYTES, &head);
    if ((comp == IN_PLAIN || comp == IN_GZIP) && warc_sniff(head, n) > 0) return open_archive(s, err, errlen);
    if (in_stream_decode(in, err, errlen)) goto fail;
    if (comp != IN_PLAIN) {
        n = in_stream_peek(in, SNIFF_BYTES, &head);
        if (warc_sniff(head, n) > 0) return open_archive(s, err, errlen);
    }
    if (in_stream_error(in)[0]) {
        snprintf(err, errlen, "%s: %s", path, in_stream_error(in));
        goto fail;
    }
    s->format = sniff(path, head, n, comp, err, errlen);
    if (!s->format) goto fail;
    return s;
fail:
    in_stream_close(in);
    free(s);
    return NULL;
}

/* After the last document: a stream error (corrupt gzip ...) fails once. */
static int end_of_input(ingest_source *s)
{
    if (s->error_told || !in_stream_error(s->in)[0]) return 0;
    s->error_told = 1;
    snprintf(s->err, sizeof s->err, "%s: %s", s->path, in_stream_error(s->in));
    return -1;
}

/* The next non-blank line: its text and length, or -1 at the end; *line
 * and *off say where it started. */
static long next_record_line(ingest_source *s, char **text, uint64_t *line, uint64_t *off)
{
    for (;;) {
        *line = s->line;
        *off = s->offset;
        size_t n;
        if (!in_stream_line(s->in, text, &n)) return -1;
        s->line++;
        s->offset += (uint64_t)n + 1;
        const char *p = *text;
        size_t i = 0;
        while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r')) i++;
        if (i < n) return (long)n;                          /* else a blank line */
    }
}

static int next_jsonl(ingest_source *s, dyad_doc *d)
{
    uint64_t line, off;
    char *text;
    long n = next_record_line(s, &text, &line, &off);
    if (n < 0) return end_of_input(s);
    d->origin = s->path;
    d->origin_line = line;
    d->origin_offset = off;
    char why[512];
    if (ingest_json_record(text, (size_t)n, d, why, sizeof why) < 0) {
        snprintf(s->err, sizeof s->err, "%s:%llu: %s", s->path, (unsigned long long)line, why);
        return -1;
    }
    return 1;
}

/* The whole input into s->buf; 0, or -1 when the stream failed. */
static int read_whole(ingest_source *s, size_t *len)
{
    size_t n = 0;
    for (;;) {
        if (n + 65536 > s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 1 << 17;
            char *p = realloc(s->buf, nc);
            if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
            s->buf = p;
            s->cap = nc;
        }
        size_t got = in_stream_read(s->in, s->buf + n, s->cap - n - 1);
        n += got;
        if (got == 0) break;
    }
    if (in_stream_error(s->in)[0]) return -1;
    s->buf[n] = 0;
    *len = n;
    return 0;
}

static int next_text(ingest_source *s, dyad_doc *d, ingest_page *page)
{
    if (s->done) return end_of_input(s);
    s->done = 1;
    size_t n;
    if (read_whole(s, &n)) return end_of_input(s);
    d->origin = s->path;
    if (s->format == INGEST_HTML) {
        if (page) {
            /* the buffer changes hands: no copy of a large page */
            web_page_clear(page);
            char *b = page->html;
            size_t c = page->cap;
            page->html = s->buf;
            page->cap = s->cap;
            page->len = n;
            s->buf = b;
            s->cap = c;
            return 2;
        }
        char why[512];
        if (web_html_document(d, s->buf, n, why, sizeof why) < 0) {
            snprintf(s->err, sizeof s->err, "%s: %s", s->path, why);
            return -1;
        }
        return 1;
    }
    ingest_plain_text(s->buf, n, d);
    return 1;
}

static int next_doc(ingest_source *s, dyad_doc *d, ingest_page *page)
{
    s->err[0] = 0;
    switch (s->format) {
    case INGEST_JSONL: return next_jsonl(s, d);
    case INGEST_WARC: {
        char why[900];
        int r = page ? web_warc_next_page(&s->web, d, page, why, sizeof why) : web_warc_next(&s->web, d, why, sizeof why);
        /* Set after reading: skipped records reset the document. */
        d->origin = s->path;
        if (r < 0) snprintf(s->err, sizeof s->err, "%s", why);
        return r;
    }
    default: return next_text(s, d, page);
    }
}

int ingest_next(ingest_source *s, dyad_doc *d) { return next_doc(s, d, NULL); }

int ingest_next_page(ingest_source *s, dyad_doc *d, ingest_page *page) { return next_doc(s, d, page); }

ingest_page *ingest_page_new(void)
{
    ingest_page *p = calloc(1, sizeof *p);
    if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
    return p;
}

void ingest_page_free(ingest_page *p)
{
    if (!p) return;
    web_page_clear(p);
    free(p->html);
    free(p);
}

int ingest_page_finish(ingest_page *p, dyad_doc *d, char *err, size_t errlen)
{
    char why[512];
    int r = web_page_finish(p, d, why, sizeof why);
    if (r < 0) snprintf(err, errlen, "%s: %s", d->origin ? d->origin : "-", why);
    return r;
}

size_t ingest_page_size(const ingest_page *p) { return p->len; }

void ingest_page_counted(ingest_source *s, int kept)
{
    if (kept) s->web.documents++;
    else s->web.skipped_empty++;
}

const char *ingest_error(const ingest_source *s) { return s->err; }
const char *ingest_path(const ingest_source *s) { return s->path; }

int ingest_next_line(ingest_source *s, char **buf, size_t *cap, size_t *len, uint64_t *line)
{
    uint64_t at, off;
    char *text;
    long n = next_record_line(s, &text, &at, &off);
    if (n < 0) return end_of_input(s);
    if ((size_t)n + 1 > *cap) {
        size_t nc = (size_t)n + 1;
        char *p = realloc(*buf, nc);
        if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
        *buf = p;
        *cap = nc;
    }
    memcpy(*buf, text, (size_t)n + 1);
    *len = (size_t)n;
    *line = at;
    return 1;
}
int ingest_format(const ingest_source *s) { return s->format; }

uint64_t ingest_bytes_read(const ingest_source *s)
{
    if (s->web.reader) return warc_bytes_read(s->web.reader);
    return s->in ? in_stream_offset(s->in) : 0;
}

void ingest_close(ingest_source *s)
{
    if (!s) return;
    in_stream_close(s->in);
    if (s->web.reader) {
        web_archive_report(&s->web, s->path);
        warc_close(s->web.reader);
    }
    free(s->buf);
    free(s);
}
