/*
 * stream.c - buffered input with look-ahead and gzip / zstd decoding; the
 * contract is in stream.h.
 *
 * One buffer holds the bytes handed out next: raw file bytes, or the
 * decoder's output when decoding is on.  The decoder reads the file through
 * a second buffer of raw bytes.  read(2) is used directly: stdio would only
 * add a copy, and a pipe must never be asked to seek.
 */
#define ZLIB_CONST
#include "stream.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define CHUNK ((size_t)256 << 10)

struct in_stream {
    int fd, own_fd;
    char *name;
    int comp;                   /* compression of the raw bytes, -1 unknown yet */
    int decoding;               /* IN_PLAIN (no), IN_GZIP, IN_ZSTD */
    int eof;                    /* nothing more will come into buf */

    unsigned char *buf;         /* bytes handed out next: buf[pos..len) */
    size_t pos, len, cap, scanned;   /* scanned: bytes after pos known to hold no '\n' */
    uint64_t base;              /* stream offset of buf[0] */

    unsigned char *raw;         /* decoder input: raw[rpos..rlen) */
    size_t rpos, rlen;
    int raw_eof;
    uint64_t raw_total;         /* raw bytes read from the file */

    z_stream zs;
    int zs_ready, member_done;
    ZSTD_DStream *zd;
    size_t zstd_left;           /* 0 when the last frame is complete */

    char err[512];
};

static void fail(in_stream *s, const char *what, uint64_t at)
{
    if (!s->err[0]) snprintf(s->err, sizeof s->err, "%s at offset %llu", what, (unsigned long long)at);
    s->eof = 1;
}

in_stream *in_stream_open(const char *path, char *err, size_t errlen)
{
    int use_stdin = !strcmp(path, "-");
    int fd = use_stdin ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    in_stream *s = calloc(1, sizeof *s);
    if (s) s->buf = malloc(CHUNK + 1);
    if (s) s->name = strdup(path);
    if (!s || !s->buf || !s->name) {
        snprintf(err, errlen, "%s: out of memory", path);
        if (!use_stdin) close(fd);
        if (s) { free(s->buf); free(s->name); free(s); }
        return NULL;
    }
    s->fd = fd;
    s->own_fd = !use_stdin;
    s->cap = CHUNK;
    s->comp = -1;
    return s;
}

void in_stream_close(in_stream *s)
{
    if (!s) return;
    if (s->own_fd) close(s->fd);
    if (s->zs_ready) inflateEnd(&s->zs);
    if (s->zd) ZSTD_freeDStream(s->zd);
    free(s->buf);
    free(s->raw);
    free(s->name);
    free(s);
}

/* read(2) up to n bytes, retrying on EINTR; 0 at end, -1 on error. */
static long read_fd(in_stream *s, unsigned char *dst, size_t n)
{
    for (;;) {
        ssize_t got = read(s->fd, dst, n);
        if (got >= 0) return (long)got;
        if (errno != EINTR) return -1;
    }
}

/* Refills the raw buffer when it is used up; 0 when no raw byte is left. */
static size_t raw_avail(in_stream *s)
{
    if (s->rpos < s->rlen) return s->rlen - s->rpos;
    if (s->raw_eof) return 0;
    long got = read_fd(s, s->raw, CHUNK);
    s->rpos = 0;
    s->rlen = got > 0 ? (size_t)got : 0;
    if (got < 0) {
        char what[300];
        snprintf(what, sizeof what, "read error: %s", strerror(errno));
        fail(s, what, s->raw_total);
    }
    if (got <= 0) s->raw_eof = 1;
    s->raw_total += s->rlen;
    return s->rlen;
}

static uint64_t raw_offset(const in_stream *s) { return s->raw_total - (s->rlen - s->rpos); }

/* Inflates into buf[len..cap); returns bytes produced (0 at end or error). */
static size_t produce_gzip(in_stream *s)
{
    for (;;) {
        if (s->member_done) {
            /* Between members: zero padding is skipped, anything else must
             * be the next member. */
            while (raw_avail(s) && s->raw[s->rpos] == 0) s->rpos++;
            if (!raw_avail(s)) { s->eof = 1; return 0; }
            inflateReset(&s->zs);
            s->member_done = 0;
        }
        if (!raw_avail(s)) { fail(s, "gzip data truncated", s->raw_total); return 0; }
        s->zs.next_in = s->raw + s->rpos;
        s->zs.avail_in = (uInt)(s->rlen - s->rpos);
        s->zs.next_out = s->buf + s->len;
        s->zs.avail_out = (uInt)(s->cap - s->len);
        int ret = inflate(&s->zs, Z_NO_FLUSH);
        size_t made = (size_t)(s->zs.next_out - (s->buf + s->len));
        uint64_t at = raw_offset(s);
        s->rpos = (size_t)(s->zs.next_in - s->raw);
        s->len += made;
        if (ret == Z_STREAM_END) s->member_done = 1;
        else if (ret != Z_OK && ret != Z_BUF_ERROR) {
            char what[300];
            snprintf(what, sizeof what, "corrupt gzip data (%s)", s->zs.msg ? s->zs.msg : "inflate failed");
            fail(s, what, at);
            return made;
        }
        if (made) return made;
    }
}

static size_t produce_zstd(in_stream *s)
{
    for (;;) {
        if (!raw_avail(s)) {
            if (s->zstd_left) fail(s, "zstd data truncated", s->raw_total);
            s->eof = 1;
            return 0;
        }
        ZSTD_inBuffer in = {s->raw + s->rpos, s->rlen - s->rpos, 0};
        ZSTD_outBuffer out = {s->buf + s->len, s->cap - s->len, 0};
        uint64_t at = raw_offset(s);
        size_t r = ZSTD_decompressStream(s->zd, &out, &in);
        s->rpos += in.pos;
        s->len += out.pos;
        if (ZSTD_isError(r)) {
            char what[300];
            snprintf(what, sizeof what, "corrupt zstd data (%s)", ZSTD_getErrorName(r));
            fail(s, what, at);
            return out.pos;
        }
        s->zstd_left = r;
        if (out.pos) return out.pos;
    }
}

/* Appends at least one byte to buf unless the input is over. */
static size_t produce(in_stream *s)
{
    if (s->eof) return 0;
    if (s->decoding == IN_GZIP) return produce_gzip(s);
    if (s->decoding == IN_ZSTD) return produce_zstd(s);
    long got = read_fd(s, s->buf + s->len, s->cap - s->len);
    if (got < 0) {
        char what[300];
        snprintf(what, sizeof what, "read error: %s", strerror(errno));
        fail(s, what, s->base + s->len);
        return 0;
    }
    if (got == 0) s->eof = 1;
    s->len += (size_t)got;
    return (size_t)got;
}

/* Makes room for `want` bytes after pos: compacts, then grows. */
static int room(in_stream *s, size_t want)
{
    if (s->pos && s->cap - s->len < CHUNK / 4) {
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
        s->base += s->pos;
        s->len -= s->pos;
        s->pos = 0;
    }
    size_t need = want > CHUNK / 4 ? want : CHUNK / 4;
    if (s->cap - s->len >= need && s->cap - s->pos >= want) return 0;
    size_t nc = s->cap;
    while (nc - s->len < need || nc - s->pos < want) nc *= 2;
    unsigned char *p = realloc(s->buf, nc + 1);
    if (!p) { fail(s, "out of memory", s->base + s->len); return -1; }
    s->buf = p;
    s->cap = nc;
    return 0;
}

size_t in_stream_peek(in_stream *s, size_t want, const unsigned char **p)
{
    while (s->len - s->pos < want && !s->eof) {
        if (room(s, want)) break;
        produce(s);
    }
    *p = s->buf + s->pos;
    size_t have = s->len - s->pos;
    return have < want ? have : want;
}

size_t in_stream_read(in_stream *s, void *dst, size_t n)
{
    unsigned char *out = dst;
    size_t done = 0;
    while (done < n) {
        if (s->pos == s->len) {
            if (s->eof) break;
            s->base += s->len;
            s->pos = s->len = s->scanned = 0;
            if (!s->decoding && n - done >= CHUNK) {     /* large plain reads skip the buffer */
                long got = read_fd(s, out + done, n - done);
                if (got <= 0) {
                    if (got < 0) fail(s, "read error", s->base);
                    s->eof = 1;
                    break;
                }
                s->base += (uint64_t)got;
                done += (size_t)got;
                continue;
            }
            produce(s);
            continue;
        }
        size_t k = s->len - s->pos;
        if (k > n - done) k = n - done;
        memcpy(out + done, s->buf + s->pos, k);
        s->pos += k;
        done += k;
    }
    s->scanned = 0;
    return done;
}

int in_stream_line(in_stream *s, char **line, size_t *len)
{
    for (;;) {
        size_t from = s->pos + s->scanned;
        unsigned char *nl = from < s->len ? memchr(s->buf + from, '\n', s->len - from) : NULL;
        if (nl || (s->eof && s->pos < s->len)) {
            size_t end = nl ? (size_t)(nl - s->buf) : s->len;
            s->buf[end] = 0;           /* buf has one byte beyond cap for this */
            *line = (char *)s->buf + s->pos;
            *len = end - s->pos;
            s->pos = nl ? end + 1 : end;
            s->scanned = 0;
            return 1;
        }
        if (s->eof) return 0;
        s->scanned = s->len - s->pos;
        if (room(s, s->len - s->pos + CHUNK / 4)) return 0;
        produce(s);
    }
}

int in_stream_compression(in_stream *s)
{
    if (s->comp >= 0) return s->comp;
    const unsigned char *p;
    size_t n = in_stream_peek(s, 6, &p);
    int c = IN_PLAIN;
    if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) c = IN_GZIP;
    else if (n >= 4 && !memcmp(p, "\x28\xb5\x2f\xfd", 4)) c = IN_ZSTD;
    else if (n >= 6 && !memcmp(p, "\xfd" "7zXZ\0", 6)) c = IN_XZ;
    else if (n >= 4 && p[0] == 'B' && p[1] == 'Z' && p[2] == 'h' && p[3] >= '1' && p[3] <= '9') c = IN_BZIP2;
    else if (n >= 4 && (!memcmp(p, "\x04\x22\x4d\x18", 4) || !memcmp(p, "\x02\x21\x4c\x18", 4))) c = IN_LZ4;
    return s->comp = c;
}

const char *in_stream_compression_name(int c)
{
    static const char *const names[] = {"plain", "gzip", "zstd", "xz", "bzip2", "lz4"};
    return c >= 0 && c <= IN_LZ4 ? names[c] : "unknown";
}

int in_stream_decode(in_stream *s, char *err, size_t errlen)
{
    int c = in_stream_compression(s);
    if (c == IN_PLAIN) return 0;
    if (c != IN_GZIP && c != IN_ZSTD) {
        static const char *const tool[] = {"", "", "", "xz -dc", "bzip2 -dc", "lz4 -dc"};
        snprintf(err, errlen, "%s: %s-compressed, which dyad does not decode; decompress it first (%s FILE | dyad ... -)",
                 s->name, in_stream_compression_name(c), tool[c]);
        return -1;
    }
    /* The bytes looked at so far become the decoder's first input. */
    s->raw = malloc(CHUNK > s->len - s->pos ? CHUNK : s->len - s->pos);
    if (!s->raw) { snprintf(err, errlen, "%s: out of memory", s->name); return -1; }
    s->rlen = s->len - s->pos;
    memcpy(s->raw, s->buf + s->pos, s->rlen);
    s->rpos = 0;
    s->raw_total = s->base + s->len;
    s->raw_eof = s->eof;
    s->eof = 0;
    s->base = 0;
    s->pos = s->len = s->scanned = 0;
    if (c == IN_GZIP) {
        if (inflateInit2(&s->zs, 15 + 32) != Z_OK) { snprintf(err, errlen, "%s: cannot start zlib", s->name); return -1; }
        s->zs_ready = 1;
    } else {
        s->zd = ZSTD_createDStream();
        if (!s->zd || ZSTD_isError(ZSTD_initDStream(s->zd))) {
            snprintf(err, errlen, "%s: cannot start zstd", s->name);
            return -1;
        }
    }
    s->decoding = c;
    return 0;
}

uint64_t in_stream_offset(const in_stream *s) { return s->base + s->pos; }
const char *in_stream_error(const in_stream *s) { return s->err; }
