/*
 * test_stream.c - ingest/stream: look-ahead that loses nothing (files and
 * pipes), lines across buffer boundaries, gzip members and padding, zstd
 * frames, damage reported with its offset, unknown compressions named.
 * Temporary files go to /tmp.
 */
#include "../check.h"
#include "../../ingest/stream.h"

#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

static char tmp[128];

static const char *write_tmp(const char *name, const void *p, size_t n)
{
    snprintf(tmp, sizeof tmp, "/tmp/dyad-test-stream-%ld-%s", (long)getpid(), name);
    FILE *f = fopen(tmp, "wb");
    if (f) { fwrite(p, 1, n, f); fclose(f); }
    return tmp;
}

/* gzip of p[0..n) as one member, into out (cap bytes); its length. */
static size_t gzip_member(const char *p, size_t n, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (unsigned char *)p;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    return len;
}

/* Everything the stream hands out, into a malloc'd buffer. */
static char *read_rest(in_stream *s, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (n == cap) b = realloc(b, cap *= 2);
        size_t got = in_stream_read(s, b + n, cap - n);
        if (!got) break;
        n += got;
    }
    *len = n;
    return b;
}

static const char story[] = "Kim Jong Un met Donald Trump at Panmunjom on Sunday.\n"
                            "The two leaders shook hands across the border line.\n";

static void test_peek_then_lines(void)
{
    const char *path = write_tmp("lines.txt", story, strlen(story));
    char err[256];
    in_stream *s = in_stream_open(path, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    const unsigned char *p;
    CHECK_INT(in_stream_peek(s, 3, &p), 3);
    CHECK(!memcmp(p, "Kim", 3));
    CHECK_INT(in_stream_compression(s), IN_PLAIN);
    CHECK_INT(in_stream_decode(s, err, sizeof err), 0);
    char *line;
    size_t len;
    CHECK_INT(in_stream_line(s, &line, &len), 1);
    CHECK_SPAN(line, len, "Kim Jong Un met Donald Trump at Panmunjom on Sunday.");
    CHECK_INT(in_stream_line(s, &line, &len), 1);
    CHECK_STR(line, "The two leaders shook hands across the border line.");
    CHECK_INT(in_stream_line(s, &line, &len), 0);
    CHECK_STR(in_stream_error(s), "");
    in_stream_close(s);
    unlink(path);
}

/* A 600 KB line crosses several buffer refills; the line after it and a
 * last line without a newline still come out whole. */
static void test_long_lines(void)
{
    size_t big = 600000;
    char *data = malloc(big + 64);
    memset(data, 'x', big);
    data[0] = '{';
    strcpy(data + big, "\nsecond line\nlast");
    const char *path = write_tmp("long.txt", data, strlen(data));
    char err[256];
    in_stream *s = in_stream_open(path, err, sizeof err);
    char *line;
    size_t len;
    CHECK_INT(in_stream_line(s, &line, &len), 1);
    CHECK_INT(len, big);
    CHECK(line[0] == '{' && line[big - 1] == 'x' && line[big] == 0);
    CHECK_INT(in_stream_line(s, &line, &len), 1);
    CHECK_STR(line, "second line");
    CHECK_INT(in_stream_line(s, &line, &len), 1);
    CHECK_STR(line, "last");
    CHECK_INT(in_stream_line(s, &line, &len), 0);
    in_stream_close(s);
    unlink(path);
    free(data);
}

/* Two gzip members with zero padding between them (as some archivers
 * write) decode to the concatenation. */
static void test_gzip_members(void)
{
    unsigned char gz[4096];
    size_t n = gzip_member(story, 53, gz, sizeof gz);
    memset(gz + n, 0, 20);
    n += 20;
    n += gzip_member(story + 53, strlen(story) - 53, gz + n, sizeof gz - n);
    const char *path = write_tmp("two.gz", gz, n);
    char err[256];
    in_stream *s = in_stream_open(path, err, sizeof err);
    CHECK_INT(in_stream_compression(s), IN_GZIP);
    CHECK_INT(in_stream_decode(s, err, sizeof err), 0);
    const unsigned char *p;
    CHECK_INT(in_stream_peek(s, 3, &p), 3);
    CHECK(!memcmp(p, "Kim", 3));
    size_t len;
    char *all = read_rest(s, &len);
    CHECK_SPAN(all, len, story);
    CHECK_STR(in_stream_error(s), "");
    CHECK_INT(in_stream_offset(s), strlen(story));
    free(all);
    in_stream_close(s);

    /* Cut inside the second member: the first member's text, then an error. */
    path = write_tmp("cut.gz", gz, n - 10);
    s = in_stream_open(path, err, sizeof err);
    in_stream_decode(s, err, sizeof err);
    all = read_rest(s, &len);
    CHECK(len >= 53 && !memcmp(all, story, 53));
    CHECK(strstr(in_stream_error(s), "gzip data truncated at offset"));
    free(all);
    in_stream_close(s);

    /* Garbage after a member is corrupt data, with the offset where it is. */
    size_t one = gzip_member(story, strlen(story), gz, sizeof gz);
    memcpy(gz + one, "GARBAGE!", 8);
    path = write_tmp("junk.gz", gz, one + 8);
    s = in_stream_open(path, err, sizeof err);
    in_stream_decode(s, err, sizeof err);
    all = read_rest(s, &len);
    CHECK_SPAN(all, len, story);
    char want[64];
    snprintf(want, sizeof want, "at offset %zu", one);
    CHECK(strstr(in_stream_error(s), "corrupt gzip data"));
    CHECK(strstr(in_stream_error(s), want));
    free(all);
    in_stream_close(s);
    unlink(path);
}

static void test_zstd_frames(void)
{
    unsigned char z[4096];
    size_t n = ZSTD_compress(z, sizeof z, story, 53, 3);
    n += ZSTD_compress(z + n, sizeof z - n, story + 53, strlen(story) - 53, 3);
    const char *path = write_tmp("two.zst", z, n);
    char err[256];
    in_stream *s = in_stream_open(path, err, sizeof err);
    CHECK_INT(in_stream_compression(s), IN_ZSTD);
    CHECK_INT(in_stream_decode(s, err, sizeof err), 0);
    size_t len;
    char *all = read_rest(s, &len);
    CHECK_SPAN(all, len, story);
    CHECK_STR(in_stream_error(s), "");
    free(all);
    in_stream_close(s);

    path = write_tmp("cut.zst", z, n - 5);
    s = in_stream_open(path, err, sizeof err);
    in_stream_decode(s, err, sizeof err);
    all = read_rest(s, &len);
    CHECK(strstr(in_stream_error(s), "zstd data truncated"));
    free(all);
    in_stream_close(s);
    unlink(path);
}

static void test_refused_compressions(void)
{
    static const struct { const char *magic; size_t n; const char *name; } kinds[] = {
        {"\x04\x22\x4d\x18\x64\x40", 6, "lz4"}, {"\xfd" "7zXZ\0\0\x04", 8, "xz"}, {"BZh91AY&SY", 10, "bzip2"}};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        const char *path = write_tmp("magic", kinds[k].magic, kinds[k].n);
        char err[512];
        in_stream *s = in_stream_open(path, err, sizeof err);
        CHECK_STR(in_stream_compression_name(in_stream_compression(s)), kinds[k].name);
        CHECK_INT(in_stream_decode(s, err, sizeof err), -1);
        CHECK(strstr(err, path) && strstr(err, kinds[k].name) && strstr(err, "does not decode"));
        in_stream_close(s);
        unlink(path);
    }
    char err[256];
    CHECK(in_stream_open("/nonexistent/x.jsonl", err, sizeof err) == NULL);
    CHECK(strstr(err, "/nonexistent/x.jsonl: cannot open"));
}

/* Standard input as a pipe: what was peeked is read again. */
static void test_pipe(void)
{
    int fds[2];
    if (pipe(fds)) { CHECK(0); return; }
    unsigned char gz[4096];
    size_t n = gzip_member(story, strlen(story), gz, sizeof gz);
    CHECK_INT(write(fds[1], gz, n), (long long)n);
    close(fds[1]);
    int saved = dup(0);
    dup2(fds[0], 0);
    close(fds[0]);
    char err[256];
    in_stream *s = in_stream_open("-", err, sizeof err);
    const unsigned char *p;
    CHECK_INT(in_stream_peek(s, 2, &p), 2);
    CHECK(p[0] == 0x1f && p[1] == 0x8b);
    CHECK_INT(in_stream_decode(s, err, sizeof err), 0);
    size_t len;
    char *all = read_rest(s, &len);
    CHECK_SPAN(all, len, story);
    free(all);
    in_stream_close(s);
    dup2(saved, 0);
    close(saved);
}

int main(void)
{
    RUN(test_peek_then_lines);
    RUN(test_long_lines);
    RUN(test_gzip_members);
    RUN(test_zstd_frames);
    RUN(test_refused_compressions);
    RUN(test_pipe);
    return check_done();
}
