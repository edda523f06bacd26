/*
 * test_warc.c - ingest/warc: the shared WARC/ARC samples (../shared/warc),
 * plus generated damage: truncated and corrupted gzip, bad lengths, bad
 * chunking, encodings, garbage files.  Temporary files go to /tmp.
 */
#define _POSIX_C_SOURCE 200809L
#include "../check.h"
#include "../../ingest/warc.h"

#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

/* ------------------------------------------------------------ helpers */

/* CHECK_STR with bounded output: this file compares fixed-size arrays, whose
 * known sizes make gcc's -Wformat-truncation reject CHECK_STR's message. */
#define CHECK_TXT(a, b) do { const char *t_ = (a), *u_ = (b); \
    if (strcmp(t_, u_)) CHECK_NOTE("%s:%d: %s == \"%.180s\", expected \"%.180s\"", \
                                   __FILE__, __LINE__, #a, t_, u_); } while (0)

/* Everything one pass over a file yielded. */
typedef struct {
    int opened;
    char open_err[512];
    char seq[2048];          /* "warcinfo,response,ERR,..." */
    int records, errors;
    char errs[8][600];       /* first error messages */
    char warns[8][600];      /* first warnings */
    int nwarn;
} summary;

static void seq_add(summary *s, const char *what)
{
    size_t n = strlen(s->seq);
    snprintf(s->seq + n, sizeof s->seq - n, "%s%s", n ? "," : "", what);
}

/* Reads every record of path; calls fn (if any) on each good record. */
static void read_all(const char *path, summary *s, size_t max_payload,
                     void (*fn)(const warc_record *, int index, void *), void *ctx)
{
    memset(s, 0, sizeof *s);
    warc_reader *r = warc_open(path, s->open_err, sizeof s->open_err);
    if (!r) return;
    s->opened = 1;
    if (max_payload) warc_set_max_payload(r, max_payload);
    warc_record rec;
    int k, calls = 0;
    while ((k = warc_next(r, &rec)) != 0 && calls++ < 10000) {
        if (k < 0) {
            if (s->errors < 8) snprintf(s->errs[s->errors], sizeof s->errs[0], "%s", warc_error(r));
            s->errors++;
            seq_add(s, "ERR");
            continue;
        }
        if (rec.warning && s->nwarn < 8)
            snprintf(s->warns[s->nwarn++], sizeof s->warns[0], "%s", rec.warning);
        seq_add(s, *rec.type ? rec.type : "?");
        if (fn) fn(&rec, s->records, ctx);
        s->records++;
    }
    if (calls >= 10000) seq_add(s, "RUNAWAY");
    warc_close(r);
}

/* Temporary files made so far, removed by remove_tmp_files() at the end. */
static char tmp_made[32][128];
static int tmp_count;

static const char *tmp_path(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "/tmp/dyad-test-warc-%ld-%.60s", (long)getpid(), name);
    for (int i = 0; i < tmp_count; i++)
        if (!strcmp(tmp_made[i], path)) return tmp_made[i];
    if (tmp_count == 32) { fprintf(stderr, "test_warc: too many temp files\n"); exit(2); }
    memcpy(tmp_made[tmp_count], path, sizeof path);
    return tmp_made[tmp_count++];
}

static void remove_tmp_files(void)
{
    for (int i = 0; i < tmp_count; i++) unlink(tmp_made[i]);
}

static int write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    size_t w = fwrite(data, 1, n, f);
    return fclose(f) == 0 && w == n;
}

/* Appends one gzip member holding data[0..n) to out (a growing buffer). */
static void gzip_append(unsigned char **out, size_t *len, const void *data, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&z, (uLong)n) + 32;
    *out = realloc(*out, *len + cap);
    z.next_in = (unsigned char *)(uintptr_t)data;
    z.avail_in = (uInt)n;
    z.next_out = *out + *len;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    *len += cap - z.avail_out;
    deflateEnd(&z);
}

/* zlib-wrapped (wbits 15), raw (-15) or gzip (31) compression of a string. */
static size_t squeeze(const char *s, int wbits, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (unsigned char *)(uintptr_t)s;
    z.avail_in = (uInt)strlen(s);
    z.next_out = out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    deflateEnd(&z);
    return cap - z.avail_out;
}

/* A WARC record with CRLF framing; cl < 0 means the true block length. */
static size_t warc_rec(char *out, size_t cap, const char *type, const char *uri,
                       const char *ctype, const void *block, size_t n, long cl)
{
    int h = snprintf(out, cap,
                     "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
                     "WARC-Date: 2024-05-18T03:12:45Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                     "Content-Type: %s\r\nContent-Length: %ld\r\n\r\n",
                     type, uri, type, ctype, cl < 0 ? (long)n : cl);
    memcpy(out + h, block, n);
    memcpy(out + h + n, "\r\n\r\n", 4);
    return (size_t)h + n + 4;
}

static int contains_ci(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && (hay[i + j] | 32) == (needle[j] | 32)) j++;
        if (j == k) return 1;
    }
    return 0;
}

/* Copies fields of one chosen record for later checks. */
typedef struct {
    int want;                /* index of the record to keep */
    char type[32], uri[512], date[64], id[128], ctype[128], hctype[128];
    int status, nul_ok;
    unsigned long long offset, clen;
    char *body;
    size_t body_len;
    char warning[600];
} grab;

static void grab_fn(const warc_record *rec, int index, void *ctx)
{
    grab *g = ctx;
    if (index != g->want) return;
    snprintf(g->type, sizeof g->type, "%s", rec->type);
    snprintf(g->uri, sizeof g->uri, "%s", rec->target_uri);
    snprintf(g->date, sizeof g->date, "%s", rec->date);
    snprintf(g->id, sizeof g->id, "%s", rec->record_id);
    snprintf(g->ctype, sizeof g->ctype, "%s", rec->content_type);
    snprintf(g->hctype, sizeof g->hctype, "%s", rec->http_content_type);
    snprintf(g->warning, sizeof g->warning, "%s", rec->warning ? rec->warning : "");
    g->status = rec->http_status;
    g->offset = rec->offset;
    g->clen = rec->content_length;
    g->nul_ok = rec->body[rec->body_len] == 0;
    free(g->body);
    g->body = malloc(rec->body_len + 1);
    memcpy(g->body, rec->body, rec->body_len);
    g->body[rec->body_len] = 0;
    g->body_len = rec->body_len;
}

/* Offsets of every good record, in order. */
typedef struct { int n; unsigned long long off[16]; } offsets;

static void offsets_fn(const warc_record *rec, int index, void *ctx)
{
    offsets *o = ctx;
    if (index < 16) o->off[o->n++] = rec->offset;
}

static grab grab_record(const char *path, int index, summary *s)
{
    grab g;
    memset(&g, 0, sizeof g);
    g.want = index;
    read_all(path, s, 0, grab_fn, &g);
    return g;
}

/* -------------------------------------------------------------- sniff */

static void test_sniff(void)
{
    const char *w = "\r\nWARC/1.1\r\nWARC-Type: warcinfo\r\n";
    const char *a = "filedesc://x.arc 0.0.0.0 20140216050221 text/plain 75\n1 0 x\n";
    CHECK_INT(warc_sniff((const unsigned char *)w, strlen(w)), WARC_SNIFF_WARC);
    CHECK_INT(warc_sniff((const unsigned char *)a, strlen(a)), WARC_SNIFF_ARC);
    CHECK_INT(warc_sniff((const unsigned char *)"<html>", 6), 0);
    CHECK_INT(warc_sniff((const unsigned char *)"WAR", 3), 0);
    CHECK_INT(warc_sniff(NULL, 0), 0);
    unsigned char gz[256];
    size_t n = squeeze(w, 31, gz, sizeof gz);
    CHECK_INT(warc_sniff(gz, n), WARC_SNIFF_WARC | WARC_SNIFF_GZIP);
    CHECK_INT(warc_sniff(gz, 2), 0);   /* too little to tell */
    CHECK_INT(warc_sniff_file(check_shared("warc/example.warc")), WARC_SNIFF_WARC);
    CHECK_INT(warc_sniff_file(check_shared("warc/example.warc.gz")), WARC_SNIFF_WARC | WARC_SNIFF_GZIP);
    CHECK_INT(warc_sniff_file(check_shared("warc/example-bad.warc.gz.bad")), WARC_SNIFF_WARC | WARC_SNIFF_GZIP);
    CHECK_INT(warc_sniff_file(check_shared("warc/whirlwind.warc.wet.gz")), WARC_SNIFF_WARC | WARC_SNIFF_GZIP);
    CHECK_INT(warc_sniff_file(check_shared("warc/example.arc")), WARC_SNIFF_ARC);
    CHECK_INT(warc_sniff_file(check_shared("warc/example.arc.gz")), WARC_SNIFF_ARC | WARC_SNIFF_GZIP);
    CHECK_INT(warc_sniff_file(check_shared("warc/README.md")), 0);
    CHECK_INT(warc_sniff_file("/nonexistent/x.warc"), -1);
}

/* ------------------------------------------------------------ samples */

static void test_example_warc(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/example.warc"), 2, &s);
    CHECK(s.opened);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,response,request,revisit,request");
    CHECK_TXT(g.type, "response");
    CHECK_TXT(g.uri, "http://example.com/");
    CHECK_TXT(g.date, "2017-03-06T04:02:06Z");
    CHECK_TXT(g.id, "<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>");
    CHECK_TXT(g.ctype, "application/http; msgtype=response");
    CHECK_TXT(g.hctype, "text/html");
    CHECK_INT(g.status, 200);
    CHECK_INT(g.offset, 1197);
    CHECK_INT(g.clen, 975);
    /* Content-Encoding: gzip was decoded */
    CHECK_INT(g.body_len, 1270);
    CHECK(g.body && strstr(g.body, "<title>Example Domain</title>"));
    CHECK(g.nul_ok);
    CHECK_TXT(g.warning, "");
    free(g.body);

    offsets o = { 0, { 0 } };
    read_all(check_shared("warc/example.warc"), &s, 0, offsets_fn, &o);
    CHECK_INT(o.n, 6);
    CHECK_INT(o.off[0], 0);
    CHECK_INT(o.off[1], 488);
    CHECK_INT(o.off[3], 2566);
    CHECK_INT(o.off[5], 4316);
}

static void test_example_warc_gz(void)
{
    summary s;
    offsets o = { 0, { 0 } };
    read_all(check_shared("warc/example.warc.gz"), &s, 0, offsets_fn, &o);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,response,request,revisit,request");
    CHECK_INT(s.errors, 0);
    /* one gzip member per record: offsets are member starts */
    static const unsigned long long want[6] = { 0, 353, 784, 2012, 2621, 3207 };
    CHECK_INT(o.n, 6);
    for (int i = 0; i < 6 && i < o.n; i++) CHECK_INT(o.off[i], want[i]);
    grab g = grab_record(check_shared("warc/example.warc.gz"), 4, &s);
    CHECK_TXT(g.type, "revisit");
    CHECK_INT(g.status, 200);
    CHECK_INT(g.body_len, 0);
    CHECK(g.nul_ok);
    free(g.body);
}

/* Whole file in one gzip stream: records are still found. */
static void test_single_gzip_stream(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/example-bad-non-chunked.warc.gz"), 2, &s);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,response,request,revisit,request");
    CHECK(g.body && strstr(g.body, "Example Domain"));
    CHECK_INT(g.offset, 0);
    free(g.body);

    g = grab_record(check_shared("warc/example-bad.warc.gz.bad"), 5, &s);
    CHECK_TXT(s.seq, "warcinfo,response,request,revisit,request,response");
    CHECK_INT(s.errors, 0);
    CHECK_TXT(g.uri, "http://www.iana.org/domains/example");
    CHECK_INT(g.status, 302);
    CHECK_TXT(g.hctype, "text/html; charset=iso-8859-1");
    CHECK(g.body && strstr(g.body, "302 Found"));
    free(g.body);
}

static void test_chunked_sample(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/example-iana.org-chunked.warc"), 1, &s);
    CHECK_TXT(s.seq, "warcinfo,response,request");
    CHECK_TXT(g.uri, "http://www.iana.org/");
    CHECK_TXT(g.hctype, "text/html; charset=UTF-8");
    CHECK_INT(g.body_len, 0x1c37);      /* the single chunk */
    CHECK(g.body && !strncmp(g.body, "<!doctype html>", 15));
    CHECK(g.body && g.body_len > 8 && !strcmp(g.body + g.body_len - 8, "</html>\n"));
    CHECK_TXT(g.warning, "");
    free(g.body);
}

/* Content-Length 2 bytes short: that record is an error, its neighbours are fine. */
static void test_trunc_sample(void)
{
    summary s;
    read_all(check_shared("warc/example-trunc.warc"), &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,ERR,request");
    CHECK(strstr(s.errs[0], "example-trunc.warc: offset 1197: "));
    CHECK(strstr(s.errs[0], "Content-Length 973"));
}

/* gzip members that do not line up with records. */
static void test_wrong_chunks_sample(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/example-wrong-chunks.warc.gz"), 0, &s);
    CHECK_TXT(s.seq, "response,request");
    CHECK_INT(s.errors, 0);
    CHECK_INT(g.status, 200);
    CHECK_INT(g.body_len, 1270);
    CHECK(g.body && !strncmp(g.body, "<!doctype html>", 15));
    free(g.body);
}

static void test_target_uri_samples(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/example-space-in-target-uri.warc.gz"), 1, &s);
    CHECK_TXT(s.seq, "warcinfo,resource");
    CHECK_TXT(g.uri, "file:///example with spaces.png");
    CHECK_TXT(g.ctype, "image/png");
    CHECK_INT(g.body_len, 70);
    CHECK(g.body && !memcmp(g.body, "\x89PNG", 4));
    CHECK_INT(g.status, 0);
    free(g.body);

    g = grab_record(check_shared("warc/example-wget-bad-target-uri.warc.gz"), 2, &s);
    CHECK_TXT(s.seq, "warcinfo,request,response,metadata,resource,resource");
    CHECK_TXT(g.uri, "http://example.com/");    /* was <http://example.com/> */
    CHECK_INT(g.status, 200);
    CHECK(g.body && strstr(g.body, "Example Domain"));
    free(g.body);
    g = grab_record(check_shared("warc/example-wget-bad-target-uri.warc.gz"), 5, &s);
    CHECK_TXT(g.uri, "metadata://gnu.org/software/wget/warc/wget.log");
    CHECK(g.body && strstr(g.body, "HTTP request sent"));
    free(g.body);
}

static void test_arc_samples(void)
{
    const char *files[2] = { "warc/example.arc", "warc/example.arc.gz" };
    const unsigned long long offs[2] = { 151, 171 };
    for (int i = 0; i < 2; i++) {
        summary s;
        grab g = grab_record(check_shared(files[i]), 1, &s);
        CHECK_TXT(s.seq, "warcinfo,response");
        CHECK_TXT(g.uri, "http://example.com/");
        CHECK_TXT(g.date, "2014-02-16T05:02:21Z");
        CHECK_TXT(g.ctype, "text/html");
        CHECK_TXT(g.hctype, "text/html");
        CHECK_INT(g.status, 200);
        CHECK_INT(g.clen, 1591);
        CHECK_INT(g.offset, offs[i]);
        CHECK_INT(g.body_len, 1270);
        CHECK(g.body && strstr(g.body, "<title>Example Domain</title>"));
        free(g.body);
        g = grab_record(check_shared(files[i]), 0, &s);
        CHECK_TXT(g.uri, "filedesc://live-web-example.arc.gz");
        CHECK(g.body && !strncmp(g.body, "1 0 LiveWeb Capture\n", 20));
        free(g.body);
    }
}

/* The capture is 12 bytes shorter than its length field; the URL (with
 * spaces) is still parsed and named in the error. */
static void test_arc_space_in_url(void)
{
    summary s;
    read_all(check_shared("warc/example-space-in-url.arc"), &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "warcinfo,ERR");
    CHECK(strstr(s.errs[0], "offset 151: truncated record (Content-Length 1591, got 1579)"));
    CHECK(strstr(s.errs[0], "EmailTitle=Examples From The Live Web&IsPopUp=False"));
}

static void test_bad_arc(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/bad.arc"), 0, &s);
    CHECK_TXT(s.seq, "ERR,ERR,response,ERR");
    CHECK(strstr(s.errs[0], "bad.arc: offset 0: bad ARC record length \"-1\""));
    CHECK(strstr(s.errs[1], "offset 134: bad ARC record length \"-1\""));
    CHECK(strstr(s.errs[2], "offset 262: bad ARC record length \"abc\""));
    CHECK_TXT(g.uri, "http://example.com/");
    CHECK_TXT(g.date, "2014-01-02T00:00:00Z");
    CHECK_INT(g.body_len, 1);
    CHECK_INT(g.status, 0);
    free(g.body);
}

static void test_other_samples(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/post-test.warc.gz"), 4, &s);
    CHECK_TXT(s.seq, "response,request,response,request,response,request");
    CHECK_TXT(g.uri, "http://httpbin.org/post?foo=bar");
    CHECK_TXT(g.hctype, "application/json");
    CHECK_INT(g.body_len, 551);
    CHECK(g.body && g.body[0] == '{');
    free(g.body);

    g = grab_record(check_shared("warc/example-resource.warc.gz"), 2, &s);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,resource");
    CHECK_TXT(g.ctype, "text/html; charset=utf-8");
    CHECK(g.body && strstr(g.body, "<title>Example Domain</title>"));
    free(g.body);

    read_all(check_shared("warc/example-digest.warc"), &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "request,request,request,request");
}

/* The real Common Crawl capture. */
static void test_whirlwind(void)
{
    summary s;
    grab g = grab_record(check_shared("warc/whirlwind.warc.gz"), 2, &s);
    CHECK_TXT(s.seq, "warcinfo,request,response,metadata");
    CHECK_INT(s.errors, 0);
    CHECK_TXT(g.type, "response");
    CHECK_TXT(g.uri, "https://an.wikipedia.org/wiki/Escopete");
    CHECK_TXT(g.date, "2024-05-18T01:58:10Z");
    CHECK_TXT(g.id, "<urn:uuid:2aabeff2-67f5-4608-8466-e87c6296e2b6>");
    CHECK_INT(g.status, 200);
    CHECK_TXT(g.hctype, "text/html; charset=UTF-8");  /* header was "content-type" */
    CHECK_INT(g.offset, 1023);
    CHECK_INT(g.clen, 74581);
    CHECK_INT(g.body_len, 72848);
    CHECK(g.body && contains_ci(g.body, g.body_len, "<html"));
    CHECK(g.body && strstr(g.body, "Escopete"));
    CHECK_TXT(g.warning, "");
    free(g.body);

    g = grab_record(check_shared("warc/whirlwind.warc.wet.gz"), 1, &s);
    CHECK_TXT(s.seq, "warcinfo,conversion");
    CHECK_TXT(g.uri, "https://an.wikipedia.org/wiki/Escopete");
    CHECK_TXT(g.ctype, "text/plain");
    CHECK_INT(g.body_len, 4456);
    CHECK(g.body && !strncmp(g.body, "Escopete - Biquipedia", 21));
    CHECK(g.body && !contains_ci(g.body, g.body_len, "<html"));
    free(g.body);

    g = grab_record(check_shared("warc/whirlwind.warc.wat.gz"), 1, &s);
    CHECK_TXT(s.seq, "warcinfo,metadata");
    CHECK_TXT(g.ctype, "application/json");
    CHECK(g.body && g.body[0] == '{');
    free(g.body);
}

/* ------------------------------------------------------ generated damage */

/* Cut example.warc.gz at every length: never a crash or a loop, every
 * record whose gzip member is complete is delivered, and a cut inside a
 * member gives exactly one error. */
static void test_truncated_gzip(void)
{
    size_t n;
    char *gz = check_slurp(check_shared("warc/example.warc.gz"), &n);
    CHECK(gz != NULL);
    if (!gz) return;
    static const size_t ends[6] = { 353, 784, 2012, 2621, 3207, 3816 };
    const char *path = tmp_path("cut.warc.gz");
    int bad = 0;
    for (size_t len = 0; len <= n && !bad; len += (len < 1600 ? 1 : 3)) {
        write_file(path, gz, len);
        summary s;
        read_all(path, &s, 0, NULL, NULL);
        int complete = 0, boundary = len == 0;
        for (int i = 0; i < 6; i++) {
            if (ends[i] <= len) complete++;
            if (ends[i] == len) boundary = 1;
        }
        /* a cut in the gzip trailer leaves the record whole: 0 or 1 extra */
        int ok = s.opened ? (s.records >= complete && s.records <= complete + 1 &&
                             s.errors == (boundary ? 0 : 1) && !strstr(s.seq, "RUNAWAY"))
                          : (len < ends[0] && (len < 2 || strstr(s.open_err, "gzip member truncated")));
        if (!ok) {
            CHECK_NOTE("cut at %zu: opened %d, %.150s; %.200s", len, s.opened, s.seq,
                       s.opened ? s.errs[0] : s.open_err);
            bad = 1;
        }
    }
    /* a cut inside the response member names that member */
    write_file(path, gz, 1500);
    summary s;
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,ERR");
    CHECK(strstr(s.errs[0], "offset 784"));
    CHECK(strstr(s.errs[0], "truncated"));
    free(gz);
    unlink(path);
}

/* The same for the plain file. */
static void test_truncated_plain(void)
{
    size_t n;
    char *w = check_slurp(check_shared("warc/example.warc"), &n);
    CHECK(w != NULL);
    if (!w) return;
    const char *path = tmp_path("cut.warc");
    int bad = 0;
    for (size_t len = 0; len <= n && !bad; len += 2) {
        write_file(path, w, len);
        summary s;
        read_all(path, &s, 0, NULL, NULL);
        if (len >= 8 && (!s.opened || s.errors > 1 || strstr(s.seq, "RUNAWAY"))) {
            CHECK_NOTE("cut at %zu: %.150s %.200s", len, s.seq, s.open_err);
            bad = 1;
        }
    }
    write_file(path, w, 2000);
    summary s;
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,ERR");
    CHECK(strstr(s.errs[0], "offset 1197: truncated record (Content-Length 975, got"));
    free(w);
    unlink(path);
}

/* A damaged member in the middle: reported with its offset, and the later
 * members are still read. */
static void test_corrupt_member(void)
{
    size_t n;
    char *gz = check_slurp(check_shared("warc/example.warc.gz"), &n);
    if (!gz) { CHECK(0); return; }
    const char *path = tmp_path("corrupt.warc.gz");
    memset(gz + 900, 0x55, 40);            /* inside the response member (784..2012) */
    write_file(path, gz, n);
    summary s;
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "warcinfo,warcinfo,ERR,request,revisit,request");
    CHECK(strstr(s.errs[0], "offset 784"));

    /* first member damaged: open still works, the error comes first */
    free(gz);
    gz = check_slurp(check_shared("warc/example.warc.gz"), &n);
    memset(gz + 3, 0xff, 30);
    write_file(path, gz, n);
    read_all(path, &s, 0, NULL, NULL);
    CHECK(s.opened);
    CHECK_TXT(s.seq, "ERR,warcinfo,response,request,revisit,request");
    CHECK(strstr(s.errs[0], "offset 0"));

    /* every single-byte flip: no crash, no loop, damage stays local */
    free(gz);
    gz = check_slurp(check_shared("warc/example.warc.gz"), &n);
    int bad = 0;
    for (size_t i = 0; i < n && !bad; i += 5) {
        gz[i] ^= 0x5a;
        write_file(path, gz, n);
        read_all(path, &s, 0, NULL, NULL);
        gz[i] ^= 0x5a;
        if (s.opened && (s.records < 4 || strstr(s.seq, "RUNAWAY"))) {
            CHECK_NOTE("flip at %zu: %.200s", i, s.seq);
            bad = 1;
        }
    }
    free(gz);
    unlink(path);
}

/* Builds a plain WARC from three records, the middle one given. */
static const char *three_records(const char *name, const char *middle, size_t mlen)
{
    static char buf[16384];
    size_t n = warc_rec(buf, sizeof buf, "resource", "http://a.test/", "text/plain", "first", 5, -1);
    memcpy(buf + n, middle, mlen);
    n += mlen;
    n += warc_rec(buf + n, sizeof buf - n, "resource", "http://c.test/", "text/plain", "third", 5, -1);
    const char *path = tmp_path(name);
    write_file(path, buf, n);
    return path;
}

static void test_bad_lengths(void)
{
    char mid[1024];
    summary s;
    size_t m = warc_rec(mid, sizeof mid, "resource", "http://b.test/", "text/plain", "0123456789", 10, 5000);
    const char *path = three_records("long.warc", mid, m);
    grab g = grab_record(path, 1, &s);
    CHECK_TXT(s.seq, "resource,ERR,resource");
    CHECK(strstr(s.errs[0], "truncated record (Content-Length 5000, got"));
    CHECK(strstr(s.errs[0], "for http://b.test/"));
    CHECK_TXT(g.uri, "http://c.test/");
    CHECK_TXT(g.body, "third");
    free(g.body);

    m = warc_rec(mid, sizeof mid, "resource", "http://b.test/", "text/plain", "0123456789", 10, 4);
    path = three_records("short.warc", mid, m);
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "resource,ERR,resource");
    CHECK(strstr(s.errs[0], "Content-Length 4 is not followed by a record boundary"));

    const char *nolen = "WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n";
    path = three_records("nolen.warc", nolen, strlen(nolen));
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "resource,ERR,resource");
    CHECK(strstr(s.errs[0], "missing Content-Length"));

    const char *badlen = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n";
    path = three_records("badlen.warc", badlen, strlen(badlen));
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "resource,ERR,resource");
    CHECK(strstr(s.errs[0], "bad Content-Length \"12x\""));

    const char *junk = "this is not a record\r\nnor this\r\n";
    path = three_records("junk.warc", junk, strlen(junk));
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "resource,ERR,resource");
    CHECK(strstr(s.errs[0], "no record header here (found \"this is not a record"));

    const char *unterminated = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 3\r\n";
    path = tmp_path("hdr.warc");
    char buf[1024];
    size_t n = warc_rec(buf, sizeof buf, "resource", "http://a.test/", "text/plain", "first", 5, -1);
    memcpy(buf + n, unterminated, strlen(unterminated));
    write_file(path, buf, n + strlen(unterminated));
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "resource,ERR");
    CHECK(strstr(s.errs[0], "truncated record header"));
    unlink(path);
}

/* Missing headers, LF-only framing, blank URIs: lenient, with warnings. */
static void test_lenient_headers(void)
{
    summary s;
    const char *lf = "WARC/1.0\nwarc-type: resource\nWARC-Target-URI:   < http://lf.test/x >  \n"
                     "content-length: 4\n\nbody\n\nWARC/1.0\ncontent-length: 2\n\nhi\n\n";
    const char *path = tmp_path("lf.warc");
    write_file(path, lf, strlen(lf));
    grab g = grab_record(path, 0, &s);
    CHECK_TXT(s.seq, "resource,?");
    CHECK_TXT(g.uri, "http://lf.test/x");
    CHECK_TXT(g.body, "body");
    CHECK_TXT(g.date, "");
    CHECK_TXT(g.id, "");
    free(g.body);
    char want[64];
    snprintf(want, sizeof want, "offset %d: missing WARC-Type", (int)(strstr(lf, "WARC/1.0\ncontent") - lf));
    CHECK(strstr(s.warns[0], want));
    unlink(path);
}

/* One response record holding the given HTTP message. */
static const char *http_file(const char *name, const void *http, size_t n)
{
    static char buf[16384];
    size_t len = warc_rec(buf, sizeof buf, "response", "http://h.test/", "application/http; msgtype=response",
                          http, n, -1);
    const char *path = tmp_path(name);
    write_file(path, buf, len);
    return path;
}

static grab http_grab(const char *http, size_t n, summary *s)
{
    return grab_record(http_file("http.warc", http, n), 0, s);
}

static void test_http_chunked(void)
{
    summary s;
    const char *ok = "HTTP/1.1 200 OK\r\ntransfer-encoding: CHUNKED\r\nCONTENT-TYPE: text/html\r\n\r\n"
                     "5;ext=1\r\nHello\r\n7\r\n, world\r\n0\r\nX-Trailer: y\r\n\r\n";
    grab g = http_grab(ok, strlen(ok), &s);
    CHECK_TXT(g.body, "Hello, world");
    CHECK_TXT(g.hctype, "text/html");
    CHECK_TXT(g.warning, "");
    free(g.body);

    const char *wrong = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nHello\r\n0\r\n\r\n";
    g = http_grab(wrong, strlen(wrong), &s);
    CHECK_TXT(g.body, "3\r\nHello\r\n0\r\n\r\n");   /* raw */
    CHECK(strstr(g.warning, "bad chunked transfer encoding; raw body delivered"));
    free(g.body);

    const char *nohex = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>not chunked</html>";
    g = http_grab(nohex, strlen(nohex), &s);
    CHECK_TXT(g.body, "<html>not chunked</html>");
    CHECK(strstr(g.warning, "bad chunked"));
    free(g.body);

    const char *cut = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n20\r\n, wor";
    g = http_grab(cut, strlen(cut), &s);
    CHECK_TXT(g.body, "Hello, wor");
    CHECK(strstr(g.warning, "chunked body truncated"));
    free(g.body);
}

static void test_http_encodings(void)
{
    summary s;
    const char *text = "<html><body>Rebels attacked the capital on Monday.</body></html>";
    const char *names[4] = { "deflate", "deflate", "gzip", "x-gzip" };
    const int bits[4] = { 15, -15, 31, 31 };
    for (int i = 0; i < 4; i++) {
        char http[1024];
        unsigned char z[512];
        size_t zn = squeeze(text, bits[i], z, sizeof z);
        int h = snprintf(http, sizeof http, "HTTP/1.0 200 OK\r\nContent-Encoding: %s\r\n\r\n", names[i]);
        memcpy(http + h, z, zn);
        grab g = http_grab(http, (size_t)h + zn, &s);
        CHECK_TXT(g.body, text);
        CHECK_TXT(g.warning, "");
        CHECK(g.nul_ok);
        free(g.body);
    }

    /* gzip + chunked together */
    unsigned char z[512];
    size_t zn = squeeze(text, 31, z, sizeof z);
    char http[2048];
    int h = snprintf(http, sizeof http,
                     "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n%zx\r\n", zn);
    memcpy(http + h, z, zn);
    memcpy(http + h + zn, "\r\n0\r\n\r\n", 7);
    grab g = http_grab(http, (size_t)h + zn + 7, &s);
    CHECK_TXT(g.body, text);
    free(g.body);

    const char *notgz = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nplain text after all";
    g = http_grab(notgz, strlen(notgz), &s);
    CHECK_TXT(g.body, "plain text after all");
    CHECK(strstr(g.warning, "cannot decode Content-Encoding gzip; raw body delivered"));
    free(g.body);

    const char *br = "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x0b\x02\x80";
    g = http_grab(br, strlen(br), &s);
    CHECK_INT(g.body_len, 3);
    CHECK(strstr(g.warning, "unsupported Content-Encoding \"br\""));
    free(g.body);

    /* truncated gzip body: what could be decoded, and a warning */
    h = snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n");
    memcpy(http + h, z, zn - 6);
    g = http_grab(http, (size_t)h + zn - 6, &s);
    CHECK_TXT(g.body, text);
    CHECK(strstr(g.warning, "gzip body truncated"));
    free(g.body);
}

static void test_non_http_payloads(void)
{
    summary s;
    const char *odd = "not an HTTP message";
    grab g = http_grab(odd, strlen(odd), &s);
    CHECK_TXT(s.seq, "response");
    CHECK_INT(g.status, 0);
    CHECK_TXT(g.body, odd);
    CHECK(strstr(g.warning, "not an HTTP response"));
    free(g.body);

    const char *bad_status = "HTTP/1.1 abc\r\nContent-Type: text/plain\r\n\r\nx";
    g = http_grab(bad_status, strlen(bad_status), &s);
    CHECK_INT(g.status, 0);
    CHECK_TXT(g.body, "x");
    CHECK(strstr(g.warning, "bad HTTP status line"));
    free(g.body);

    const char *nohdr_end = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n";
    g = http_grab(nohdr_end, strlen(nohdr_end), &s);
    CHECK_INT(g.status, 404);
    CHECK_INT(g.body_len, 0);
    CHECK_TXT(g.hctype, "text/plain");
    free(g.body);

    char buf[1024];
    size_t n = warc_rec(buf, sizeof buf, "response", "dns:example.com", "text/dns", "20240518 1.2.3.4", 16, -1);
    const char *path = tmp_path("dns.warc");
    write_file(path, buf, n);
    g = grab_record(path, 0, &s);
    CHECK_TXT(g.body, "20240518 1.2.3.4");
    CHECK_TXT(g.warning, "");
    free(g.body);
    unlink(path);
}

/* Over the payload limit: the record comes back without its body. */
static void test_payload_limit(void)
{
    static char big[20000], buf[30000];
    memset(big, 'x', sizeof big);
    size_t n = warc_rec(buf, sizeof buf, "resource", "http://big.test/", "text/plain", big, sizeof big, -1);
    n += warc_rec(buf + n, sizeof buf - n, "resource", "http://small.test/", "text/plain", "small", 5, -1);
    const char *path = tmp_path("big.warc");
    write_file(path, buf, n);
    summary s;
    grab g;
    memset(&g, 0, sizeof g);
    read_all(path, &s, 1000, grab_fn, &g);
    CHECK_TXT(s.seq, "resource,resource");
    CHECK_TXT(g.uri, "http://big.test/");
    CHECK_INT(g.body_len, 0);
    CHECK_INT(g.clen, 20000);
    CHECK(strstr(g.warning, "payload of 20000 bytes exceeds the limit of 1000 bytes; skipped"));
    free(g.body);

    /* a small gzip body that inflates past the limit */
    char http[30000];
    static unsigned char z[30000];
    big[sizeof big - 1] = 0;
    int h = snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n");
    size_t zn = squeeze(big, 31, z, sizeof z);
    memcpy(http + h, z, zn);
    path = http_file("bomb.warc", http, (size_t)h + zn);
    memset(&g, 0, sizeof g);
    read_all(path, &s, 4000, grab_fn, &g);
    CHECK_TXT(s.seq, "response");
    CHECK_INT(g.body_len, 0);
    CHECK(strstr(g.warning, "exceeds the limit of 4000 bytes"));
    free(g.body);
    unlink(path);
}

/* CC-NEWS layout (a gzip member per record) built here, with damage after it. */
static void test_member_per_record(void)
{
    unsigned char *gz = NULL;
    size_t len = 0, ends[3];
    char buf[1024];
    const char *uris[3] = { "http://n1.test/", "http://n2.test/", "http://n3.test/" };
    for (int i = 0; i < 3; i++) {
        size_t n = warc_rec(buf, sizeof buf, "conversion", uris[i], "text/plain", "news text", 9, -1);
        gzip_append(&gz, &len, buf, n);
        ends[i] = len;
    }
    const char *path = tmp_path("news.warc.gz");
    write_file(path, gz, len);
    summary s;
    offsets o = { 0, { 0 } };
    read_all(path, &s, 0, offsets_fn, &o);
    CHECK_TXT(s.seq, "conversion,conversion,conversion");
    CHECK_INT(o.off[1], ends[0]);
    CHECK_INT(o.off[2], ends[1]);

    /* zero padding after the last member is not an error */
    gz = realloc(gz, len + 512);
    memset(gz + len, 0, 512);
    write_file(path, gz, len + 512);
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "conversion,conversion,conversion");

    /* junk after it is */
    memcpy(gz + len, "GARBAGE!", 8);
    write_file(path, gz, len + 512);
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "conversion,conversion,conversion,ERR");
    CHECK(strstr(s.errs[0], "corrupt gzip member"));

    /* junk between members: the next member is still found */
    unsigned char *mixed = malloc(len + 100);
    memcpy(mixed, gz, ends[0]);
    memset(mixed + ends[0], '#', 100);
    memcpy(mixed + ends[0] + 100, gz + ends[0], len - ends[0]);
    write_file(path, mixed, len + 100);
    read_all(path, &s, 0, NULL, NULL);
    CHECK_TXT(s.seq, "conversion,ERR,conversion,conversion");
    free(mixed);
    free(gz);
    unlink(path);
}

static void test_arc_v2(void)
{
    const char *arc =
        "filedesc://t.arc 0.0.0.0 20240518031245 text/plain 200 - - 0 t.arc 66\n"
        "2 0 Test\n"
        "URL IP-address Archive-date Content-type Archive-length\n"
        "\n"
        "http://v2.test/a b 10.0.0.1 20240518031246 text/html 200 abc - 0 t.arc 35\n"
        "HTTP/1.0 200 OK\r\n"
        "\r\n"
        "<html>v2</html>\n\n";
    const char *path = tmp_path("v2.arc");
    write_file(path, arc, strlen(arc));
    summary s;
    grab g = grab_record(path, 1, &s);
    CHECK_TXT(s.seq, "warcinfo,response");
    CHECK_TXT(g.uri, "http://v2.test/a b");
    CHECK_TXT(g.date, "2024-05-18T03:12:46Z");
    CHECK_INT(g.status, 200);
    CHECK_TXT(g.body, "<html>v2</html>\n");
    free(g.body);
    unlink(path);
}

/* Garbage is refused at open, quickly, with a message. */
static void test_garbage_files(void)
{
    const size_t size = (size_t)50 << 20;
    unsigned char *junk = malloc(size);
    if (!junk) { CHECK(0); return; }
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < size; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        junk[i] = (unsigned char)x;
    }
    const char *path = tmp_path("garbage.bin");
    CHECK(write_file(path, junk, size));
    char err[512];
    clock_t t0 = clock();
    warc_reader *r = warc_open(path, err, sizeof err);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(r == NULL);
    CHECK(strstr(err, "not a WARC or ARC file"));
    CHECK(secs < 1.0);
    warc_close(r);

    /* gzip magic in front of junk */
    junk[0] = 0x1f; junk[1] = 0x8b; junk[2] = 8; junk[3] = 0;
    write_file(path, junk, (size_t)1 << 20);
    r = warc_open(path, err, sizeof err);
    CHECK(r == NULL);
    CHECK(strstr(err, "not a WARC or ARC file"));
    warc_close(r);

    /* valid gzip of junk */
    unsigned char *gz = NULL;
    size_t len = 0;
    gzip_append(&gz, &len, junk + 4, (size_t)1 << 20);
    write_file(path, gz, len);
    r = warc_open(path, err, sizeof err);
    CHECK(r == NULL);
    CHECK(strstr(err, "gzip data starts with"));
    warc_close(r);
    free(gz);

    /* a WARC record followed by 1 MiB of junk: one error, then the end */
    char rec[512];
    size_t n = warc_rec(rec, sizeof rec, "resource", "http://ok.test/", "text/plain", "ok", 2, -1);
    memcpy(junk, rec, n);
    write_file(path, junk, (size_t)1 << 20);
    summary s;
    read_all(path, &s, 0, NULL, NULL);
    CHECK(!strncmp(s.seq, "resource,ERR", 12));
    CHECK(s.errors <= 3);
    free(junk);
    unlink(path);
}

static void test_open_edge_cases(void)
{
    char err[512];
    warc_reader *r = warc_open("/nonexistent/dir/x.warc.gz", err, sizeof err);
    CHECK(r == NULL);
    CHECK(strstr(err, "/nonexistent/dir/x.warc.gz: ") && strstr(err, "No such file"));
    CHECK(warc_open(NULL, NULL, 0) == NULL);

    const char *path = tmp_path("empty.warc");
    write_file(path, "", 0);
    r = warc_open(path, err, sizeof err);
    CHECK(r != NULL);
    warc_record rec;
    if (r) {
        CHECK_INT(warc_next(r, &rec), 0);
        CHECK_INT(warc_next(r, &rec), 0);
        warc_close(r);
    }

    /* stdin */
    FILE *in = freopen(check_shared("warc/example.warc.gz"), "rb", stdin);
    CHECK(in != NULL);
    r = in ? warc_open("-", err, sizeof err) : NULL;
    CHECK(r != NULL);
    if (r) {
        int count = 0, k;
        while ((k = warc_next(r, &rec)) == 1) count++;
        CHECK_INT(k, 0);
        CHECK_INT(count, 6);
        CHECK_INT(warc_next(r, &rec), 0);   /* stays at the end */
        warc_close(r);
    }
    unlink(path);
}

int main(void)
{
    RUN(test_sniff);
    RUN(test_example_warc);
    RUN(test_example_warc_gz);
    RUN(test_single_gzip_stream);
    RUN(test_chunked_sample);
    RUN(test_trunc_sample);
    RUN(test_wrong_chunks_sample);
    RUN(test_target_uri_samples);
    RUN(test_arc_samples);
    RUN(test_arc_space_in_url);
    RUN(test_bad_arc);
    RUN(test_other_samples);
    RUN(test_whirlwind);
    RUN(test_truncated_gzip);
    RUN(test_truncated_plain);
    RUN(test_corrupt_member);
    RUN(test_bad_lengths);
    RUN(test_lenient_headers);
    RUN(test_http_chunked);
    RUN(test_http_encodings);
    RUN(test_non_http_payloads);
    RUN(test_payload_limit);
    RUN(test_member_per_record);
    RUN(test_arc_v2);
    RUN(test_garbage_files);
    RUN(test_open_edge_cases);
    remove_tmp_files();
    return check_done();
}
