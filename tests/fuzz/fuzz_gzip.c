/*
 * fuzz_gzip.c - gzip archives: the sniffer that inflates the first bytes,
 * member boundaries, truncated and corrupt members, gzip inside HTTP
 * (Content-Encoding).  Two modes by the first byte: the rest of the input
 * as gzip bytes as they are (corruption, bad CRCs, trailing garbage), or
 * the rest compressed here into up to four valid members cut at points the
 * input chooses, so that the fuzzer reaches the WARC text behind valid
 * compression too.
 */
#include "fuzz.h"
#include "dyad.h"
#include "../../ingest/warc.h"
#include "../../ingest/web.h"

#include <zlib.h>

static dyad_doc *doc;

/* Append one gzip member of src[0..n) to out (grown); 0 on failure. */
static size_t gzip_member(const uint8_t *src, size_t n, uint8_t *out, size_t cap)
{
    z_stream z = {0};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    z.next_in = (Bytef *)src;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    int r = deflate(&z, Z_FINISH);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    return r == Z_STREAM_END ? len : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!doc) doc = dyad_doc_new();
    if (size < 2) return 0;
    const uint8_t *body = data + 2;
    size_t n = size - 2;
    uint8_t *buf = NULL;
    size_t len = n;
    if (data[0] & 1) {
        /* members cut at n/4 * k shifted by the second byte */
        size_t cap = n + n / 2 + 4 * 64 + 64, at = 0;
        buf = malloc(cap);
        if (!buf) abort();
        len = 0;
        int parts = 1 + (data[0] >> 1) % 4;
        for (int k = 0; k < parts; k++) {
            size_t end = k == parts - 1 ? n : (n / parts) * (size_t)(k + 1) + (data[1] % 16);
            if (end > n) end = n;
            if (end < at) end = at;
            size_t m = gzip_member(body + at, end - at, buf + len, cap - len);
            if (!m) break;
            len += m;
            at = end;
        }
        body = buf;
    }
    char err[512];
    web_archive w = {0};
    const char *path = fuzz_file(body, len, ".warc.gz");
    free(buf);
    w.reader = warc_open(path, err, sizeof err);
    if (!w.reader) return 0;
    for (int i = 0; i < 256; i++) {
        dyad_doc_reset(doc);
        int r = web_warc_next(&w, doc, err, sizeof err);
        if (r == 0) break;
    }
    warc_close(w.reader);
    return 0;
}
