/*
 * warc.c - streaming WARC / ARC reader; the contract is in warc.h.
 *
 * Layers, bottom up:
 *   input    raw file bytes, read CHUNK bytes at a time into r->in.
 *   window   decompressed bytes in r->win, produced on demand by ensure().
 *            Gzip members are inflated back to back, restarting zlib at each
 *            member end.  A corrupt member sets a "break" at the end of what
 *            it produced: bytes after it come from the next good member and
 *            stay hidden until the record that ran into the break has been
 *            reported, so damage never glues two records together.
 *   records  WARC headers / ARC header lines and their blocks, parsed in the
 *            window, with resync() to skip to the next record after damage.
 *   payload  HTTP status and headers, de-chunking, Content-Encoding.
 *
 * Offsets: "u" offsets count decompressed bytes from the start of the data,
 * "c" offsets count bytes in the file.  For plain files they are equal.
 */
#define ZLIB_CONST
#include "warc.h"
#include "stream.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define CHUNK ((size_t)256 << 10)           /* file read size, initial window */
#define MAX_WARC_HEADER ((size_t)256 << 10) /* longer WARC header = corrupt */
#define MAX_ARC_LINE ((size_t)16 << 10)     /* longer ARC header line = corrupt */
#define WARC_PEEK 64      /* bytes examined after a WARC block for the next record */
#define MAX_WARNINGS 4096 /* bytes of warning text kept per record */
#define NO_BREAK ULLONG_MAX
#define NONE SIZE_MAX     /* "no string" in the record arena */

struct span { const char *p; size_t n; };

/* Start of a gzip member: decompressed and file offsets. */
struct member { unsigned long long u, c; };

struct warc_reader {
    char *path;                 /* for messages; "<stdin>" for "-" */
    in_stream *src;
    int own_src;
    int arc;                    /* ARC file: ARC header lines start records */
    size_t max_payload;

    /* input */
    unsigned char *in;
    size_t in_pos, in_len;
    unsigned long long in_total; /* bytes read from the file so far */
    int in_eof, in_errno;

    /* gzip */
    int gz;
    z_stream zs;
    int zs_ready;
    int mem_fresh;              /* current member has consumed no input */
    size_t mem_out;             /* bytes the current member produced */
    int recovering;             /* searching for a good member after damage */
    struct member *mem;         /* member starts at or after the current record */
    size_t nmem, mem_cap;

    /* window */
    unsigned char *win;
    size_t win_cap, win_pos, win_len;
    unsigned long long win_base; /* u offset of win[0] */
    int src_eof;                /* nothing more will be produced */
    unsigned long long brk;     /* u offset of a break, NO_BREAK if none */
    char src_err[512];          /* pending input problem, without the path */
    char first_err[640];        /* damage before the first record, reported first */

    /* current record */
    unsigned long long rec_u;
    int saved;                  /* a byte after the block was replaced by NUL */
    unsigned long long saved_at;
    unsigned char saved_byte;
    char *arena;                /* the record's strings, NUL-separated */
    size_t arena_len, arena_cap;
    unsigned char *dec;         /* decoded Content-Encoding body */
    size_t dec_cap;
    char *warn;
    size_t warn_len, warn_cap;
    char err[1024];
};

/* Arena offsets of the record's strings while it is being built. */
struct fields { size_t type, uri, date, id, ctype, http_ctype; };

static const char empty[] = "";

/* ------------------------------------------------------------------ text */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_blank(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static int hex_value(int c)
{
    if (is_digit(c)) return c - '0';
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static struct span trim(const char *p, size_t n)
{
    while (n && is_blank((unsigned char)*p)) { p++; n--; }
    while (n && is_blank((unsigned char)p[n - 1])) n--;
    return (struct span){ p, n };
}

/* Case-insensitive equality of a span and a literal. */
static int span_is(struct span s, const char *lit)
{
    size_t n = strlen(lit);
    if (s.n != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s.p[i]) != lower((unsigned char)lit[i])) return 0;
    return 1;
}

/* Case-insensitive: does the span contain lit? */
static int span_has(struct span s, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= s.n; i++)
        if (span_is((struct span){ s.p + i, n }, lit)) return 1;
    return 0;
}

static int starts_ci(const unsigned char *p, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && span_is((struct span){ (const char *)p, k }, lit);
}

/* Decimal without sign or blanks, at most 19 digits (no overflow). */
static int parse_ull(struct span s, unsigned long long *out)
{
    if (s.n == 0 || s.n > 19) return 0;
    unsigned long long v = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (!is_digit((unsigned char)s.p[i])) return 0;
        v = v * 10 + (unsigned)(s.p[i] - '0');
    }
    *out = v;
    return 1;
}

/* Index just past the first empty line ("\n\n" or "\n\r\n") at or after a
 * newline found from `from`; 0 when there is none in p[0..n). */
static size_t find_blank_line(const unsigned char *p, size_t n, size_t from)
{
    while (from < n) {
        const unsigned char *nl = memchr(p + from, '\n', n - from);
        if (!nl) return 0;
        size_t i = (size_t)(nl - p) + 1;
        if (i < n && p[i] == '\n') return i + 1;
        if (i + 1 < n && p[i] == '\r' && p[i + 1] == '\n') return i + 2;
        from = i;
    }
    return 0;
}

/* Calls fn for each "Name: value" line after the first line of h[0..n),
 * stopping at an empty line.  Folded continuation lines and lines without
 * a colon are ignored: none of the fields we read are ever folded. */
typedef void (*header_fn)(void *ctx, struct span name, struct span value);

static void each_header(const unsigned char *h, size_t n, header_fn fn, void *ctx)
{
    const char *p = (const char *)h, *end = p + n;
    const char *nl = memchr(p, '\n', n);
    p = nl ? nl + 1 : end;
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        struct span line = trim(p, (size_t)(le - p));
        if (line.n == 0) return;
        if (*p != ' ' && *p != '\t') {
            const char *colon = memchr(line.p, ':', line.n);
            if (colon)
                fn(ctx, trim(line.p, (size_t)(colon - line.p)),
                   trim(colon + 1, (size_t)(line.p + line.n - colon - 1)));
        }
        p = nl ? nl + 1 : end;
    }
}

static int is_warc_start(const unsigned char *p, size_t n)
{
    return n >= 6 && memcmp(p, "WARC/", 5) == 0 && is_digit(p[5]);
}

/* Printable preview of raw bytes, for messages. */
static void preview(const unsigned char *p, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && i < 24 && k + 5 < cap; i++) {
        unsigned char c = p[i];
        if (c >= 32 && c < 127 && c != '"' && c != '\\') out[k++] = (char)c;
        else k += (size_t)snprintf(out + k, cap - k, "\\x%02x", c);
    }
    out[k] = 0;
}

/* ------------------------------------------------------------ ARC lines */

enum { ARC_NONE, ARC_OK, ARC_BADLEN };

struct arc_hdr { struct span url, date, mime, len; };

/* URL must start with a scheme ("http:", "filedesc:", "dns:"). */
static int arc_url_ok(struct span u)
{
    size_t i = 0;
    if (!u.n || !is_alpha((unsigned char)u.p[0])) return 0;
    while (i < u.n && (is_alpha((unsigned char)u.p[i]) || is_digit((unsigned char)u.p[i]) ||
                       u.p[i] == '+' || u.p[i] == '-' || u.p[i] == '.'))
        i++;
    return i < u.n - 1 && u.p[i] == ':';
}

static int arc_date_ok(struct span d)
{
    if (d.n < 12 || d.n > 18) return 0;
    for (size_t i = 0; i < d.n; i++)
        if (!is_digit((unsigned char)d.p[i])) return 0;
    return 1;
}

/* Parses an ARC header line (without its newline).  Fields are taken from
 * the right because URLs may contain spaces: v1 is "URL IP DATE MIME LEN",
 * v2 adds RESULT CHECKSUM LOCATION OFFSET FILENAME before LEN.  ARC_BADLEN:
 * the line is clearly a header but its length field is not a number. */
static int arc_parse(const unsigned char *line, size_t n, struct arc_hdr *out)
{
    struct span s = trim((const char *)line, n), tok[9];
    size_t e = s.n, nt = 0;
    while (nt < 9) {
        while (e && s.p[e - 1] == ' ') e--;
        if (!e) break;
        size_t b = e;
        while (b && s.p[b - 1] != ' ') b--;
        tok[nt++] = (struct span){ s.p + b, e - b };
        e = b;
    }
    static const size_t layouts[2][3] = { { 4, 2, 1 }, { 9, 7, 6 } }; /* fields, date, mime */
    for (int l = 0; l < 2; l++) {
        size_t k = layouts[l][0];
        if (nt < k) continue;
        struct span url = trim(s.p, (size_t)(tok[k - 1].p - s.p));
        struct span date = tok[layouts[l][1]];
        if (!arc_url_ok(url) || !arc_date_ok(date)) continue;
        if (out) *out = (struct arc_hdr){ url, date, tok[layouts[l][2]], tok[0] };
        unsigned long long len;
        return parse_ull(tok[0], &len) ? ARC_OK : ARC_BADLEN;
    }
    return ARC_NONE;
}

/* Is p[0..n) the start of an ARC header line?  n short of a newline means
 * the data ends there, unless the line is longer than MAX_ARC_LINE. */
static int arc_line_at(const unsigned char *p, size_t n)
{
    const unsigned char *nl = memchr(p, '\n', n);
    if (!nl && n >= MAX_ARC_LINE) return 0;
    return arc_parse(p, nl ? (size_t)(nl - p) : n, NULL) != ARC_NONE;
}

/* WARC_SNIFF_WARC / _ARC for decompressed leading bytes, 0 if neither. */
static int sniff_text(const unsigned char *p, size_t n)
{
    while (n && is_blank(*p)) { p++; n--; }
    if (is_warc_start(p, n)) return WARC_SNIFF_WARC;
    if (starts_ci(p, n, "filedesc://") || (n && arc_line_at(p, n))) return WARC_SNIFF_ARC;
    return 0;
}

/* ---------------------------------------------------------------- input */

/* Reads more of the file, keeping the unconsumed input at the front. */
static void input_fill(warc_reader *r)
{
    size_t keep = r->in_len - r->in_pos;
    if (r->in_eof || keep == CHUNK) return;
    memmove(r->in, r->in + r->in_pos, keep);
    size_t n = in_stream_read(r->src, r->in + keep, CHUNK - keep);
    if (n < CHUNK - keep) {   /* a stream read only comes up short at the end */
        r->in_eof = 1;
        if (in_stream_error(r->src)[0]) r->in_errno = -1;
    }
    r->in_pos = 0;
    r->in_len = keep + n;
    r->in_total += n;
}

/* Unconsumed input bytes, reading more when none are left. */
static size_t input_avail(warc_reader *r)
{
    if (r->in_pos == r->in_len) input_fill(r);
    return r->in_len - r->in_pos;
}

/* File offset of the next unconsumed input byte. */
static unsigned long long input_offset(const warc_reader *r)
{
    return r->in_total - (r->in_len - r->in_pos);
}

/* Stops production with a message, unless one is already pending. */
static void src_fail(warc_reader *r, const char *fmt, ...)
{
    if (!r->src_err[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->src_err, sizeof r->src_err, fmt, ap);
        va_end(ap);
    }
    r->src_eof = 1;
}

static void src_eof_reached(warc_reader *r)
{
    r->src_eof = 1;
    if (r->in_errno)
        src_fail(r, "offset %llu: %s", input_offset(r), in_stream_error(r->src));
}

/* -------------------------------------------------------------- members */

/* Index of the first member starting after u (nmem if none). */
static size_t member_after(const warc_reader *r, unsigned long long u)
{
    size_t lo = 0, hi = r->nmem;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->mem[mid].u <= u) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static struct member member_at(const warc_reader *r, unsigned long long u)
{
    size_t i = member_after(r, u);
    return i ? r->mem[i - 1] : (struct member){ 0, 0 };
}

static int member_push(warc_reader *r, unsigned long long u, unsigned long long c)
{
    if (r->nmem && r->mem[r->nmem - 1].u == u) {  /* previous member was empty */
        r->mem[r->nmem - 1].c = c;
        return 1;
    }
    if (r->nmem == r->mem_cap) {
        size_t cap = r->mem_cap ? 2 * r->mem_cap : 64;
        struct member *m = realloc(r->mem, cap * sizeof *m);
        if (!m) return 0;
        r->mem = m;
        r->mem_cap = cap;
    }
    r->mem[r->nmem++] = (struct member){ u, c };
    return 1;
}

/* Drops members that end before u: no record can start in them any more. */
static void member_prune(warc_reader *r, unsigned long long u)
{
    size_t i = member_after(r, u);
    if (i > 1) {
        memmove(r->mem, r->mem + i - 1, (r->nmem - i + 1) * sizeof *r->mem);
        r->nmem -= i - 1;
    }
}

/* "offset C" for u, naming the gzip member when u is inside one. */
static void where(const warc_reader *r, unsigned long long u, char *buf, size_t n)
{
    if (!r->gz) { snprintf(buf, n, "offset %llu", u); return; }
    struct member m = member_at(r, u);
    if (m.u == u) snprintf(buf, n, "offset %llu", m.c);
    else snprintf(buf, n, "offset %llu (+%llu uncompressed)", m.c, u - m.u);
}

/* ----------------------------------------------------------------- gzip */

static void gz_start_member(warc_reader *r)
{
    inflateReset(&r->zs);
    r->mem_fresh = 1;
    r->mem_out = 0;
    if (!member_push(r, r->win_base + r->win_len, input_offset(r)))
        src_fail(r, "out of memory");
}

/* Moves r->in_pos to the next "1f 8b 08" (gzip member header) at or after
 * in-buffer index `from`, reading on as needed.  *junk is set if a skipped
 * byte was not zero (zero padding after the last member is harmless). */
static int gz_seek_member(warc_reader *r, size_t from, int *junk)
{
    r->in_pos = from;
    for (;;) {
        size_t n = input_avail(r);
        if (n == 0) return 0;
        const unsigned char *p = r->in + r->in_pos;
        size_t i = 0;
        for (; i < n; i++) {
            if (p[i] != 0x1f) { if (p[i]) *junk = 1; continue; }
            if (i + 3 > n) break;             /* header may straddle a read */
            if (p[i + 1] == 0x8b && p[i + 2] == 8) { r->in_pos += i; return 1; }
            *junk = 1;
        }
        r->in_pos += i;
        if (i < n) {                         /* keep the partial header, read on */
            if (r->in_eof) { r->in_pos = r->in_len; *junk = 1; return 0; }
            input_fill(r);
        }
    }
}

/* A member failed to inflate.  Report it once, find the next member (first
 * looking back inside the bytes zlib already swallowed, where the next
 * member usually is when this one was truncated) and set a break so the
 * damaged record is not glued to the next one. */
static void gz_corrupt(warc_reader *r)
{
    const char *why = r->zs.msg ? r->zs.msg : "invalid data";
    char why_copy[128];
    snprintf(why_copy, sizeof why_copy, "%s", why);
    struct member m = r->nmem ? r->mem[r->nmem - 1] : (struct member){ 0, 0 };
    unsigned long long buf_start = r->in_total - r->in_len;
    size_t from = m.c >= buf_start && m.c - buf_start < r->in_len ? (size_t)(m.c - buf_start) + 1 : 0;
    if (from > r->in_len) from = r->in_len;
    int junk = 0, first = !r->recovering, had_output = r->mem_out > 0;
    int found = gz_seek_member(r, from, &junk);
    if (first && (junk || found || had_output)) {
        char next[64] = "no further gzip member";
        if (found) snprintf(next, sizeof next, "resuming at offset %llu", input_offset(r));
        snprintf(r->src_err, sizeof r->src_err, "offset %llu: corrupt gzip member (%s); %s",
                 m.c, why_copy, next);
        r->brk = r->win_base + r->win_len;
    }
    if (!found) { r->src_eof = 1; return; }
    r->recovering = 1;
    gz_start_member(r);
}

/* Input ended: fine between members, truncation inside one. */
static void gz_input_end(warc_reader *r)
{
    if (!r->mem_fresh && !r->recovering) {
        struct member m = r->nmem ? r->mem[r->nmem - 1] : (struct member){ 0, 0 };
        src_fail(r, "offset %llu: gzip member truncated (file ends at offset %llu)", m.c, r->in_total);
    }
    src_eof_reached(r);
}

/* Inflates into the free end of the window; returns bytes produced (0 at
 * end of input, on error, or when a break was set). */
static size_t produce_gz(warc_reader *r)
{
    for (;;) {
        size_t avail = input_avail(r);
        if (avail == 0) { gz_input_end(r); return 0; }
        size_t room = r->win_cap - r->win_len;
        if (room > UINT_MAX / 2) room = UINT_MAX / 2;
        r->zs.next_in = r->in + r->in_pos;
        r->zs.avail_in = (uInt)avail;
        r->zs.next_out = r->win + r->win_len;
        r->zs.avail_out = (uInt)room;
        int ret = inflate(&r->zs, Z_NO_FLUSH);
        size_t used = avail - r->zs.avail_in, made = room - r->zs.avail_out;
        r->in_pos += used;
        r->win_len += made;
        if (used) r->mem_fresh = 0;
        if (made) { r->mem_out += made; r->recovering = 0; }
        if (ret == Z_STREAM_END) {
            r->recovering = 0;
            gz_start_member(r);
        } else if (ret == Z_MEM_ERROR) {
            src_fail(r, "out of memory");
        } else if ((ret != Z_OK && ret != Z_BUF_ERROR) || (!used && !made)) {
            gz_corrupt(r);
        }
        if (made || r->src_eof || r->brk != NO_BREAK) return made;
    }
}

static size_t produce_plain(warc_reader *r)
{
    size_t avail = input_avail(r);
    if (avail == 0) { src_eof_reached(r); return 0; }
    size_t n = r->win_cap - r->win_len;
    if (n > avail) n = avail;
    memcpy(r->win + r->win_len, r->in + r->in_pos, n);
    r->in_pos += n;
    r->win_len += n;
    return n;
}

/* --------------------------------------------------------------- window */

/* Bytes available from the read position, not looking past a break. */
static size_t visible(const warc_reader *r)
{
    size_t n = r->win_len - r->win_pos;
    if (r->brk != NO_BREAK) {
        unsigned long long lim = r->brk - (r->win_base + r->win_pos);
        if (lim < n) n = (size_t)lim;
    }
    return n;
}

static void win_compact(warc_reader *r)
{
    size_t keep = r->win_len - r->win_pos;
    memmove(r->win, r->win + r->win_pos, keep);
    r->win_base += r->win_pos;
    r->win_len = keep;
    r->win_pos = 0;
}

/* Makes free space after the data, enough for `want` bytes from win_pos. */
static int win_room(warc_reader *r, size_t want)
{
    if (r->win_pos && (r->win_cap - r->win_len < CHUNK / 4 || r->win_cap - r->win_pos < want))
        win_compact(r);
    if (r->win_len < r->win_cap && r->win_cap - r->win_pos >= want) return 1;
    size_t cap = want > SIZE_MAX - CHUNK ? SIZE_MAX : want + CHUNK;
    if (cap <= r->win_cap) cap = r->win_cap + CHUNK;
    unsigned char *w = realloc(r->win, cap);
    if (!w) return 0;
    r->win = w;
    r->win_cap = cap;
    return 1;
}

/* After a huge record, give the memory back. */
static void win_shrink(warc_reader *r)
{
    if (r->win_cap <= 4 * CHUNK || r->win_len - r->win_pos > CHUNK) return;
    win_compact(r);
    unsigned char *w = realloc(r->win, 2 * CHUNK);
    if (w) { r->win = w; r->win_cap = 2 * CHUNK; }
}

/* Tries to make `want` bytes visible; returns how many are (fewer only at
 * end of input or at a break). */
static size_t ensure(warc_reader *r, size_t want)
{
    while (visible(r) < want && !r->src_eof && r->brk == NO_BREAK) {
        if (!win_room(r, want)) { src_fail(r, "out of memory"); break; }
        if (r->gz) produce_gz(r); else produce_plain(r);
    }
    return visible(r);
}

static void consume(warc_reader *r, size_t n) { r->win_pos += n; }

static void skip_newlines(warc_reader *r)
{
    for (;;) {
        size_t v = ensure(r, 1), i = 0;
        const unsigned char *p = r->win + r->win_pos;
        while (i < v && (p[i] == '\r' || p[i] == '\n')) i++;
        consume(r, i);
        if (i < v || v == 0) return;
    }
}

/* Could a record start at the read position? */
static int record_start_here(warc_reader *r)
{
    size_t v = ensure(r, r->arc ? MAX_ARC_LINE : 6);
    const unsigned char *p = r->win + r->win_pos;
    return is_warc_start(p, v) || (r->arc && v && arc_line_at(p, v));
}

/* Discards input up to the next place a record can start: a line starting
 * "WARC/<digit>" (in ARC files also an ARC header line), where a gzip
 * member starts counting as a line start.  Stops at end of input or at a
 * break.  at_line_start: may the current position itself be that place? */
static void resync(warc_reader *r, int at_line_start)
{
    int line_start = at_line_start;
    for (;;) {
        if (line_start && record_start_here(r)) return;
        size_t v = ensure(r, 1), lim = v;
        if (!v) return;
        int at_member = 0;
        if (r->gz) {
            unsigned long long cur = r->win_base + r->win_pos;
            size_t i = member_after(r, cur);
            if (i < r->nmem && r->mem[i].u - cur <= lim) { lim = (size_t)(r->mem[i].u - cur); at_member = 1; }
        }
        const unsigned char *p = r->win + r->win_pos;
        const unsigned char *nl = memchr(p, '\n', lim);
        if (nl) { consume(r, (size_t)(nl - p) + 1); line_start = 1; }
        else { consume(r, lim); line_start = at_member; }
    }
}

/* --------------------------------------------------------- record state */

static size_t arena_add(warc_reader *r, const char *s, size_t n)
{
    if (r->arena_cap - r->arena_len < n + 1) {
        size_t cap = r->arena_cap ? r->arena_cap : 1024;
        while (cap - r->arena_len < n + 1) cap *= 2;
        char *a = realloc(r->arena, cap);
        if (!a) return NONE;
        r->arena = a;
        r->arena_cap = cap;
    }
    size_t off = r->arena_len;
    memcpy(r->arena + off, s, n);
    r->arena[off + n] = 0;
    r->arena_len += n + 1;
    return off;
}

static size_t arena_span(warc_reader *r, struct span s)
{
    return s.p ? arena_add(r, s.p, s.n) : NONE;
}

static const char *arena_get(const warc_reader *r, size_t off)
{
    return off == NONE ? empty : r->arena + off;
}

/* Adds to the record's warning text ("path: offset N: a; b"). */
static void add_warning(warc_reader *r, const char *fmt, ...)
{
    char msg[512], head[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->warn_len) {
        snprintf(head, sizeof head, "; ");
    } else {
        char at[80];
        where(r, r->rec_u, at, sizeof at);
        snprintf(head, sizeof head, "%.300s: %s: ", r->path, at);
    }
    size_t need = strlen(head) + strlen(msg) + 1;
    if (r->warn_len + need > MAX_WARNINGS) return;
    if (r->warn_cap < r->warn_len + need) {
        char *w = realloc(r->warn, MAX_WARNINGS);
        if (!w) return;
        r->warn = w;
        r->warn_cap = MAX_WARNINGS;
    }
    r->warn_len += (size_t)snprintf(r->warn + r->warn_len, r->warn_cap - r->warn_len, "%s%s", head, msg);
}

/* Sets the error for this record.  with_cause: the record ran out of data,
 * so append the pending input problem (corrupt or truncated gzip). */
static void rec_error(warc_reader *r, int with_cause, const char *fmt, ...)
{
    char msg[400], at[80];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    where(r, r->rec_u, at, sizeof at);
    if (with_cause && r->src_err[0]) {
        snprintf(r->err, sizeof r->err, "%.300s: %.79s: %.300s; %.300s", r->path, at, msg, r->src_err);
        r->src_err[0] = 0;
    } else {
        snprintf(r->err, sizeof r->err, "%.300s: %s: %s", r->path, at, msg);
    }
}

/* Gives up on the current record: skips to where the next one can start,
 * then sets the error.  If the skip ran into damaged gzip data or the end
 * of a truncated file, that is named as the cause, so one damaged spot
 * gives one error. */
static void fail_record(warc_reader *r, int at_line_start, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    resync(r, at_line_start);
    rec_error(r, visible(r) == 0, "%s", msg);
}

/* ------------------------------------------------------------- payloads */

enum { CH_OK, CH_TRUNC, CH_BAD };

/* Walks chunked transfer framing in p[0..n); *len gets the data length.
 * With move set, the data is moved down in place (writes never pass reads).
 * CH_TRUNC: the data ended before the final 0-size chunk. */
static int chunk_walk(unsigned char *p, size_t n, int move, size_t *len)
{
    size_t rd = 0, wr = 0;
    *len = 0;
    for (;;) {
        size_t i = rd, size = 0, digits = 0;
        while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
        for (; i < n && hex_value(p[i]) >= 0; i++) {
            if (++digits > 15) return CH_BAD;
            size = size * 16 + (size_t)hex_value(p[i]);
        }
        if (i == n) return CH_TRUNC;
        if (!digits) return CH_BAD;
        const unsigned char *nl = memchr(p + i, '\n', n - i);
        if (!nl) return CH_TRUNC;
        if (p[i] != ';' && p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n') return CH_BAD;
        rd = (size_t)(nl - p) + 1;
        if (size == 0) return CH_OK;     /* trailer fields, if any, are of no use */
        if (size > n - rd) size = n - rd;
        if (move) memmove(p + wr, p + rd, size);
        wr += size;
        rd += size;
        *len = wr;
        if (rd == n) return CH_TRUNC;
        if (p[rd] == '\r') rd++;
        if (rd == n) return CH_TRUNC;
        if (p[rd] != '\n') return CH_BAD; /* chunk size did not match the data */
        rd++;
    }
}

/* Removes chunked framing from body[0..*n), or leaves it raw with a warning. */
static void dechunk(warc_reader *r, unsigned char *body, size_t *n)
{
    size_t len;
    int st = chunk_walk(body, *n, 0, &len);
    if (st == CH_BAD || (st == CH_TRUNC && len == 0)) {
        if (*n) add_warning(r, "bad chunked transfer encoding; raw body delivered");
        return;
    }
    chunk_walk(body, *n, 1, &len);
    if (st == CH_TRUNC)
        add_warning(r, "chunked body truncated (no final chunk); %zu bytes delivered", len);
    *n = len;
}

enum { INF_OK, INF_TRUNC, INF_BAD, INF_BIG };

/* Grows the decode buffer; 0 when at the payload limit or out of memory. */
static int dec_grow(warc_reader *r, int *big)
{
    if (r->dec_cap >= r->max_payload) { *big = 1; return 0; }
    size_t cap = r->dec_cap ? 2 * r->dec_cap : (size_t)64 << 10;
    if (cap > r->max_payload || cap < r->dec_cap) cap = r->max_payload;
    unsigned char *d = realloc(r->dec, cap + 1);   /* + 1 for the NUL */
    if (!d) return 0;
    r->dec = d;
    r->dec_cap = cap;
    return 1;
}

/* Inflates src[0..n) into r->dec with the given zlib window bits; gzip
 * bodies made of several members are inflated member after member. */
static int inflate_into(warc_reader *r, const unsigned char *src, size_t n, int wbits, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    *out_len = 0;
    if (inflateInit2(&z, wbits) != Z_OK) return INF_BAD;
    size_t out = 0, left = n;
    int st = INF_BAD, big = 0;
    z.next_in = src;
    for (;;) {
        if (out == r->dec_cap && !dec_grow(r, &big)) { st = big ? INF_BIG : INF_BAD; break; }
        uInt ai = (uInt)(left > UINT_MAX / 2 ? UINT_MAX / 2 : left);
        size_t room = r->dec_cap - out;
        uInt ao = (uInt)(room > UINT_MAX / 2 ? UINT_MAX / 2 : room);
        z.avail_in = ai;
        z.next_out = r->dec + out;
        z.avail_out = ao;
        int ret = inflate(&z, Z_NO_FLUSH);
        left -= ai - z.avail_in;
        out += ao - z.avail_out;
        if (ret == Z_STREAM_END) {
            if (wbits > 15 && left >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
                inflateReset(&z);
                continue;
            }
            st = INF_OK;
            break;
        }
        if (ret == Z_OK) continue;
        if (ret == Z_BUF_ERROR && left == 0) { st = INF_TRUNC; break; }
        if (ret == Z_BUF_ERROR && z.avail_out == 0) continue;
        break;
    }
    inflateEnd(&z);
    *out_len = out;
    return st;
}

/* Applies Content-Encoding to the body in *rec. */
static void decode_content(warc_reader *r, warc_record *rec, struct span ce)
{
    int gz = span_is(ce, "gzip") || span_is(ce, "x-gzip");
    int df = span_is(ce, "deflate");
    if (ce.n == 0 || span_is(ce, "identity") || rec->body_len == 0) return;
    if (!gz && !df) {
        add_warning(r, "unsupported Content-Encoding \"%.*s\"; raw body delivered", (int)(ce.n > 40 ? 40 : ce.n), ce.p);
        return;
    }
    const unsigned char *src = (const unsigned char *)rec->body;
    size_t out;
    int st = inflate_into(r, src, rec->body_len, gz ? 15 + 32 : 15, &out);
    if (df && st == INF_BAD && out == 0)   /* many servers send raw deflate */
        st = inflate_into(r, src, rec->body_len, -15, &out);
    const char *name = gz ? "gzip" : "deflate";
    if (st == INF_BIG) {
        add_warning(r, "decoded %s body exceeds the limit of %zu bytes; skipped", name, r->max_payload);
        rec->body = empty;
        rec->body_len = 0;
    } else if (st == INF_OK || (st == INF_TRUNC && out > 0)) {
        if (st == INF_TRUNC)
            add_warning(r, "%s body truncated; %zu decoded bytes delivered", name, out);
        r->dec[out] = 0;
        rec->body = (const char *)r->dec;
        rec->body_len = out;
    } else {
        add_warning(r, "cannot decode Content-Encoding %s; raw body delivered", name);
    }
}

struct http_hdr { struct span ctype, te, ce; };

static void http_field(void *ctx, struct span name, struct span value)
{
    struct http_hdr *h = ctx;
    if (!h->ctype.p && span_is(name, "Content-Type")) h->ctype = value;
    else if (!h->te.p && span_is(name, "Transfer-Encoding")) h->te = value;
    else if (!h->ce.p && span_is(name, "Content-Encoding")) h->ce = value;
}

/* Status code from "HTTP/1.1 200 OK", 0 if malformed. */
static int http_status(const unsigned char *p, size_t n)
{
    size_t i = 5;
    while (i < n && p[i] != ' ' && p[i] != '\n') i++;
    while (i < n && p[i] == ' ') i++;
    if (i + 3 > n || !is_digit(p[i]) || !is_digit(p[i + 1]) || !is_digit(p[i + 2])) return 0;
    if (i + 3 < n && !is_blank(p[i + 3])) return 0;
    return (p[i] - '0') * 100 + (p[i + 1] - '0') * 10 + (p[i + 2] - '0');
}

/* Splits an HTTP response block into status, headers and decoded body. */
static void http_payload(warc_reader *r, warc_record *rec, struct fields *f, unsigned char *block, size_t n)
{
    size_t hn = find_blank_line(block, n, 0);
    if (!hn) {
        add_warning(r, "HTTP header not terminated by an empty line");
        hn = n;
    }
    rec->http_status = http_status(block, hn);
    if (!rec->http_status) add_warning(r, "bad HTTP status line");
    struct http_hdr h = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
    each_header(block, hn, http_field, &h);
    f->http_ctype = arena_span(r, h.ctype);
    unsigned char *body = block + hn;
    size_t bn = n - hn;
    if (h.te.p && span_has(h.te, "chunked")) {
        dechunk(r, body, &bn);
        body[bn] = 0;   /* within the block or on the byte after it */
    }
    rec->body = (const char *)body;
    rec->body_len = bn;
    if (h.ce.p) decode_content(r, rec, h.ce);
}

/* Fills the payload of a record whose block is block[0..n). */
static void deliver(warc_reader *r, warc_record *rec, struct fields *f, unsigned char *block, size_t n)
{
    const char *type = arena_get(r, f->type);
    int response = !strcmp(type, "response") || !strcmp(type, "revisit");
    rec->body = (const char *)block;
    rec->body_len = n;
    if (response && starts_ci(block, n, "HTTP/")) {
        http_payload(r, rec, f, block, n);
    } else if (response && n) {
        const char *ct = arena_get(r, f->ctype);
        if (span_has((struct span){ ct, strlen(ct) }, "application/http"))
            add_warning(r, "block is not an HTTP response; delivered as is");
    }
}

static void finish(warc_reader *r, warc_record *rec, const struct fields *f)
{
    rec->type = arena_get(r, f->type);
    rec->target_uri = arena_get(r, f->uri);
    rec->date = arena_get(r, f->date);
    rec->record_id = arena_get(r, f->id);
    rec->content_type = arena_get(r, f->ctype);
    rec->http_content_type = arena_get(r, f->http_ctype);
    rec->warning = r->warn_len ? r->warn : NULL;
}

/* -------------------------------------------------------------- records */

/* Does the block of n bytes end where the record should?  It does when
 * it is followed, after optional line ends, by the end of input, a gzip
 * member start, another record, or (WARC) by the proper CRLF CRLF: junk
 * after that is the next call's problem, not a wrong Content-Length.
 * *tail gets the number of line-end bytes. */
static int block_end_ok(warc_reader *r, size_t n, size_t v, size_t peek, size_t *tail)
{
    const unsigned char *p = r->win + r->win_pos + n;
    size_t m = v - n, i = 0;
    while (i < m && (p[i] == '\r' || p[i] == '\n')) i++;
    *tail = i;
    if (i == m) return 1;                 /* only line ends until the end or the peek limit */
    if (r->gz) {   /* per-record gzip: a member boundary is a record boundary */
        unsigned long long end = r->win_base + r->win_pos + n;
        size_t k = member_after(r, end > 0 ? end - 1 : 0);
        if (k < r->nmem && r->mem[k].u <= end + i) return 1;
    }
    if (!r->arc && ((i >= 4 && !memcmp(p, "\r\n\r\n", 4)) || (i >= 2 && !memcmp(p, "\n\n", 2)))) return 1;
    p += i;
    m -= i;
    if (is_warc_start(p, m)) return 1;
    if (m < 6 && v - n < peek) return 1;  /* a scrap at the end: reported by the next call */
    return r->arc && arc_line_at(p, m);
}

/* Puts a NUL after the n-byte block at the read position, so bodies are
 * C strings too.  The byte it covers may be the start of the next record:
 * it is kept and put back by unseal() at the next call. */
static int seal_block(warc_reader *r, size_t n)
{
    if (r->win_pos + n >= r->win_cap && !win_room(r, n + 1)) return 0;
    size_t i = r->win_pos + n;
    r->saved = 1;
    r->saved_at = r->win_base + i;
    r->saved_byte = i < r->win_len ? r->win[i] : 0;
    r->win[i] = 0;
    return 1;
}

static void unseal(warc_reader *r)
{
    if (!r->saved) return;
    unsigned long long i = r->saved_at - r->win_base;
    if (r->saved_at >= r->win_base && i < r->win_len) r->win[i] = r->saved_byte;
    r->saved = 0;
}

/* " for URI" when the record has one, to say which capture was lost. */
static void uri_note(const warc_reader *r, const struct fields *f, char *buf, size_t n)
{
    const char *uri = arena_get(r, f->uri);
    if (*uri) snprintf(buf, n, " for %.200s", uri);
    else if (n) buf[0] = 0;
}

/* Skips a block over the payload limit without loading it. */
static int skip_block(warc_reader *r, warc_record *rec, struct fields *f, unsigned long long cl)
{
    unsigned long long left = cl;
    while (left) {
        size_t v = ensure(r, left < CHUNK ? (size_t)left : CHUNK);
        if (!v) break;
        size_t t = v < left ? v : (size_t)left;
        consume(r, t);
        left -= t;
    }
    if (left) {
        char note[256];
        uri_note(r, f, note, sizeof note);
        rec_error(r, 1, "truncated record (Content-Length %llu, got %llu)%s", cl, cl - left, note);
        return -1;
    }
    size_t peek = r->arc ? MAX_ARC_LINE : WARC_PEEK, tail;
    size_t v = ensure(r, peek);
    if (!block_end_ok(r, 0, v, peek, &tail)) {
        fail_record(r, 1, "Content-Length %llu is not followed by a record boundary", cl);
        return -1;
    }
    consume(r, tail);
    add_warning(r, "payload of %llu bytes exceeds the limit of %zu bytes; skipped", cl, r->max_payload);
    finish(r, rec, f);
    return 1;
}

/* Reads a block of cl bytes at the read position and delivers the record. */
static int read_block(warc_reader *r, warc_record *rec, struct fields *f, unsigned long long cl)
{
    rec->content_length = cl;
    if (cl > r->max_payload || cl > SIZE_MAX / 2) return skip_block(r, rec, f, cl);
    size_t n = (size_t)cl, peek = r->arc ? MAX_ARC_LINE : WARC_PEEK, tail;
    size_t v = ensure(r, n + peek);
    char note[256];
    uri_note(r, f, note, sizeof note);
    if (v < n) {
        /* a too-large Content-Length may hide records in the v bytes */
        fail_record(r, 1, "truncated record (Content-Length %llu, got %zu)%s", cl, v, note);
        return -1;
    }
    if (!block_end_ok(r, n, v, peek, &tail)) {
        fail_record(r, 1, "Content-Length %llu is not followed by a record boundary%s", cl, note);
        return -1;
    }
    if (!seal_block(r, n)) {
        rec_error(r, 0, "out of memory");
        consume(r, n + tail);
        return -1;
    }
    unsigned char *block = r->win + r->win_pos;
    consume(r, n + tail);   /* the block stays in place until the next call */
    deliver(r, rec, f, block, n);
    finish(r, rec, f);
    return 1;
}

struct warc_hdr { struct span type, uri, date, id, ctype, clen; };

static void warc_field(void *ctx, struct span name, struct span value)
{
    struct warc_hdr *w = ctx;
    struct span *slot = NULL;
    if (span_is(name, "WARC-Type")) slot = &w->type;
    else if (span_is(name, "WARC-Target-URI")) slot = &w->uri;
    else if (span_is(name, "WARC-Date")) slot = &w->date;
    else if (span_is(name, "WARC-Record-ID")) slot = &w->id;
    else if (span_is(name, "Content-Type")) slot = &w->ctype;
    else if (span_is(name, "Content-Length")) slot = &w->clen;
    if (slot && !slot->p) *slot = value;
}

/* wget wrote "<uri>" in WARC-Target-URI (as in WARC 1.0's grammar). */
static struct span clean_uri(struct span u)
{
    if (!u.p) return u;
    if (u.n && u.p[0] == '<') { u.p++; u.n--; }
    if (u.n && u.p[u.n - 1] == '>') u.n--;
    return trim(u.p, u.n);
}

/* Length of the WARC header block, or -1 (input ended) / -2 (too long). */
static long warc_header_len(warc_reader *r)
{
    size_t from = 0, want = 4096;
    for (;;) {
        if (want > MAX_WARC_HEADER) want = MAX_WARC_HEADER;
        size_t v = ensure(r, want);
        size_t e = find_blank_line(r->win + r->win_pos, v, from);
        if (e) return (long)e;
        if (v < want) return -1;
        if (v >= MAX_WARC_HEADER) return -2;
        from = v > 3 ? v - 3 : 0;
        want = 2 * v;
    }
}

static int read_warc(warc_reader *r, warc_record *rec)
{
    long hl = warc_header_len(r);
    if (hl < 0) {
        if (hl == -1) fail_record(r, 0, "truncated record header");
        else fail_record(r, 0, "record header longer than %zu bytes", MAX_WARC_HEADER);
        return -1;
    }
    size_t hlen = (size_t)hl;
    struct warc_hdr w;
    memset(&w, 0, sizeof w);
    each_header(r->win + r->win_pos, hlen, warc_field, &w);
    struct fields f = { arena_span(r, w.type), arena_span(r, clean_uri(w.uri)), arena_span(r, w.date),
                        arena_span(r, w.id), arena_span(r, w.ctype), NONE };
    unsigned long long cl;
    if (!w.clen.p || !parse_ull(w.clen, &cl)) {
        consume(r, hlen);
        if (!w.clen.p) fail_record(r, 1, "missing Content-Length");
        else fail_record(r, 1, "bad Content-Length \"%.*s\"", (int)(w.clen.n > 40 ? 40 : w.clen.n), w.clen.p);
        return -1;
    }
    if (!w.type.p) add_warning(r, "missing WARC-Type");
    consume(r, hlen);
    return read_block(r, rec, &f, cl);
}

/* ARC dates are YYYYMMDDhhmmss; give them in WARC-Date form. */
static size_t arena_arc_date(warc_reader *r, struct span d)
{
    if (!arc_date_ok(d)) return arena_span(r, d);
    char iso[24];
    int n = snprintf(iso, sizeof iso, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", d.p, d.p + 4, d.p + 6,
                     d.p + 8, d.p + 10, d.n >= 14 ? d.p + 12 : "00");
    return arena_add(r, iso, (size_t)n);
}

static int read_arc(warc_reader *r, warc_record *rec)
{
    size_t v = ensure(r, MAX_ARC_LINE);
    const unsigned char *p = r->win + r->win_pos;
    const unsigned char *nl = memchr(p, '\n', v);
    if (!nl) {
        if (v < MAX_ARC_LINE) fail_record(r, 0, "truncated ARC header line");
        else fail_record(r, 0, "ARC header line longer than %zu bytes", MAX_ARC_LINE);
        return -1;
    }
    size_t ll = (size_t)(nl - p);
    struct arc_hdr a;
    memset(&a, 0, sizeof a);
    unsigned long long cl;
    if (arc_parse(p, ll, &a) != ARC_OK || !parse_ull(a.len, &cl)) {
        char shown[128];
        preview((const unsigned char *)a.len.p, a.len.n, shown, sizeof shown);
        consume(r, ll + 1);
        fail_record(r, 1, "bad ARC record length \"%s\"", shown);
        return -1;
    }
    int filedesc = starts_ci((const unsigned char *)a.url.p, a.url.n, "filedesc:");
    const char *type = filedesc ? "warcinfo" : "response";
    struct fields f = { arena_add(r, type, strlen(type)), arena_span(r, a.url), arena_arc_date(r, a.date),
                        NONE, arena_span(r, a.mime), NONE };
    consume(r, ll + 1);
    return read_block(r, rec, &f, cl);
}

/* --------------------------------------------------------------- public */

static void record_reset(warc_reader *r, warc_record *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->type = rec->target_uri = rec->date = rec->record_id = empty;
    rec->content_type = rec->http_content_type = rec->body = empty;
    r->arena_len = 0;
    r->warn_len = 0;
    r->err[0] = 0;
}

int warc_next(warc_reader *r, warc_record *rec)
{
    if (!r || !rec) return 0;
    unseal(r);
    record_reset(r, rec);
    if (r->first_err[0]) {
        snprintf(r->err, sizeof r->err, "%s", r->first_err);
        r->first_err[0] = 0;
        return -1;
    }
    for (;;) {
        win_shrink(r);
        skip_newlines(r);
        if (visible(r)) break;
        if (r->src_err[0]) {   /* damage between records: report it on its own */
            r->rec_u = r->win_base + r->win_pos;
            snprintf(r->err, sizeof r->err, "%.300s: %s", r->path, r->src_err);
            r->src_err[0] = 0;
            r->brk = NO_BREAK;
            return -1;
        }
        if (r->brk == NO_BREAK) return 0;
        r->brk = NO_BREAK;     /* the damaged record was reported; go on */
    }
    r->rec_u = r->win_base + r->win_pos;
    member_prune(r, r->rec_u);
    if (r->gz) {
        struct member m = member_at(r, r->rec_u);
        rec->offset = m.c;
        rec->inner = r->rec_u - m.u;
    } else {
        rec->offset = r->rec_u;
        rec->inner = 0;
    }
    size_t v = ensure(r, r->arc ? MAX_ARC_LINE : 6);
    const unsigned char *p = r->win + r->win_pos;
    if (is_warc_start(p, v)) return read_warc(r, rec);
    if (r->arc && arc_line_at(p, v)) return read_arc(r, rec);
    char shown[128];
    preview(p, v, shown, sizeof shown);
    fail_record(r, 0, "no record header here (found \"%s\")", shown);
    return -1;
}

const char *warc_error(const warc_reader *r)
{
    return r ? r->err : "no reader";
}

void warc_set_max_payload(warc_reader *r, size_t max_bytes)
{
    if (r) r->max_payload = max_bytes ? max_bytes : WARC_DEFAULT_MAX_PAYLOAD;
}

unsigned long long warc_bytes_read(const warc_reader *r) { return r ? r->in_total : 0; }

void warc_close(warc_reader *r)
{
    if (!r) return;
    if (r->zs_ready) inflateEnd(&r->zs);
    if (r->own_src) in_stream_close(r->src);
    free(r->path);
    free(r->in);
    free(r->mem);
    free(r->win);
    free(r->arena);
    free(r->dec);
    free(r->warn);
    free(r);
}

/* Sets up gzip decoding when the file starts with the gzip magic. */
static int open_gzip(warc_reader *r)
{
    size_t n = input_avail(r);
    if (n < 2 || r->in[0] != 0x1f || r->in[1] != 0x8b) return 1;
    if (inflateInit2(&r->zs, 15 + 32) != Z_OK) return 0;
    r->zs_ready = 1;
    r->gz = 1;
    r->mem_fresh = 1;
    return member_push(r, 0, 0);
}

/* Checks the start of the data.  Damage before the first record (a corrupt
 * first gzip member) does not fail the open when good data follows. */
static int open_sniff(warc_reader *r, char *err, size_t errlen)
{
    skip_newlines(r);
    size_t v = ensure(r, MAX_ARC_LINE);
    if (v == 0 && r->brk != NO_BREAK) {
        snprintf(r->first_err, sizeof r->first_err, "%.300s: %.330s", r->path, r->src_err);
        r->src_err[0] = 0;
        r->brk = NO_BREAK;
        skip_newlines(r);
        v = ensure(r, MAX_ARC_LINE);
    }
    if (v == 0) {
        if (!r->src_err[0] && !r->first_err[0]) return 1;   /* empty archive */
        snprintf(err, errlen, "%s: not a WARC or ARC file: %s", r->path,
                 r->src_err[0] ? r->src_err : "no data after damaged gzip data");
        return 0;
    }
    int kind = sniff_text(r->win + r->win_pos, v);
    if (!kind) {
        char shown[128];
        preview(r->win + r->win_pos, v, shown, sizeof shown);
        snprintf(err, errlen, "%s: not a WARC or ARC file (%sdata starts with \"%s\")%s%s", r->path,
                 r->gz ? "gzip " : "", shown, r->src_err[0] ? "; " : "", r->src_err);
        return 0;
    }
    r->arc = kind == WARC_SNIFF_ARC;
    return 1;
}

warc_reader *warc_open_stream(in_stream *src, int own, const char *name, char *err, size_t errlen)
{
    char dummy[1];
    if (!err || !errlen) { err = dummy; errlen = sizeof dummy; }
    err[0] = 0;
    warc_reader *r = calloc(1, sizeof *r);
    const char *shown = !strcmp(name, "-") ? "<stdin>" : name;
    if (r) {
        r->src = src;
        r->own_src = own;
        r->max_payload = WARC_DEFAULT_MAX_PAYLOAD;
        r->brk = NO_BREAK;
        r->path = malloc(strlen(shown) + 1);
        r->in = malloc(CHUNK);
        r->win = malloc(CHUNK);
        r->win_cap = CHUNK;
    }
    if (!r || !r->path || !r->in || !r->win) {
        snprintf(err, errlen, "%s: out of memory", shown);
        if (r) warc_close(r); else if (own) in_stream_close(src);
        return NULL;
    }
    memcpy(r->path, shown, strlen(shown) + 1);
    if (!open_gzip(r)) {
        snprintf(err, errlen, "%s: cannot start zlib", shown);
        warc_close(r);
        return NULL;
    }
    if (r->in_errno) {
        snprintf(err, errlen, "%s: %s", shown, in_stream_error(src));
        warc_close(r);
        return NULL;
    }
    if (!open_sniff(r, err, errlen)) { warc_close(r); return NULL; }
    return r;
}

warc_reader *warc_open(const char *path, char *err, size_t errlen)
{
    char dummy[1];
    if (!err || !errlen) { err = dummy; errlen = sizeof dummy; }
    err[0] = 0;
    if (!path) { snprintf(err, errlen, "no path"); return NULL; }
    in_stream *src = in_stream_open(path, err, errlen);
    if (!src) return NULL;
    return warc_open_stream(src, 1, path, err, errlen);
}

int warc_sniff(const unsigned char *head, size_t n)
{
    if (!head) return 0;
    if (n < 2 || head[0] != 0x1f || head[1] != 0x8b) return sniff_text(head, n);
    unsigned char out[4096];
    size_t made = 0;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) return 0;
    z.next_in = head;
    z.avail_in = (uInt)(n > UINT_MAX / 2 ? UINT_MAX / 2 : n);
    while (made < sizeof out) {
        z.next_out = out + made;
        z.avail_out = (uInt)(sizeof out - made);
        int ret = inflate(&z, Z_NO_FLUSH);
        made = sizeof out - z.avail_out;
        if (ret == Z_STREAM_END && z.avail_in) { inflateReset(&z); continue; }  /* empty leading member */
        break;
    }
    inflateEnd(&z);
    int kind = sniff_text(out, made);
    return kind ? kind | WARC_SNIFF_GZIP : 0;
}

int warc_sniff_file(const char *path)
{
    FILE *fp = path ? fopen(path, "rb") : NULL;
    if (!fp) return -1;
    unsigned char *buf = malloc((size_t)64 << 10);
    if (!buf) { fclose(fp); return -1; }
    size_t n = fread(buf, 1, (size_t)64 << 10, fp);
    int bad = ferror(fp);
    fclose(fp);
    int kind = bad ? -1 : warc_sniff(buf, n);
    free(buf);
    return kind;
}
