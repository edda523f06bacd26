/*
 * modelfile.c - the envelope of a syntax model file:
 *
 *   8 bytes  "DYADSYN\n"
 *   u32      format version (SYN_FORMAT_VERSION)
 *   u32      kind (1 tagger, 2 parser)
 *   u32      payload length (bytes)
 *   u32      CRC-32 (zlib) of the payload
 *   payload
 *
 * Little-endian.  The reader checks all of it before a byte of the payload
 * is interpreted, so a truncated or corrupted file is a clear error, never
 * a model that parses nonsense.
 */
#include "syntax.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char magic[8] = {'D', 'Y', 'A', 'D', 'S', 'Y', 'N', '\n'};
static const char *kind_name(int kind) { return kind == SYN_KIND_TAGGER ? "tagger" : "parser"; }

int syn_model_save(const char *path, int kind, const dbuf *payload, char *err, size_t errlen)
{
    dbuf h = {0};
    dbuf_put(&h, magic, 8);
    syn_put_u32(&h, SYN_FORMAT_VERSION);
    syn_put_u32(&h, (uint32_t)kind);
    syn_put_u32(&h, (uint32_t)payload->len);
    syn_put_u32(&h, (uint32_t)crc32(0L, (const Bytef *)payload->ptr, (uInt)payload->len));
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(h.ptr, 1, h.len, f) == h.len &&
             fwrite(payload->ptr, 1, payload->len, f) == payload->len;
    if (f && fclose(f)) ok = 0;
    dbuf_free(&h);
    if (!ok) { snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno)); return -1; }
    return 0;
}

int syn_model_read(const char *path, int kind, unsigned char **data, size_t *len, char *err, size_t errlen)
{
    *data = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open %s model: %s", path, kind_name(kind), strerror(errno)); return -1; }
    unsigned char head[24];
    size_t got = fread(head, 1, sizeof head, f);
    if (got < sizeof head) {
        fclose(f);
        snprintf(err, errlen, "%s: not a dyad %s model: truncated header (%zu of 24 bytes)", path, kind_name(kind), got);
        return -1;
    }
    syn_reader r = {head + 8, head + 24, 0};
    uint32_t version = syn_read_u32(&r), k = syn_read_u32(&r), n = syn_read_u32(&r), crc = syn_read_u32(&r);
    const char *why = NULL;
    if (memcmp(head, magic, 8)) why = "bad magic (not a dyad syntax model)";
    else if (version != SYN_FORMAT_VERSION) why = "unsupported format version";
    else if ((int)k != kind) why = k == SYN_KIND_TAGGER || k == SYN_KIND_PARSER ? "wrong kind of model" : "unknown model kind";
    if (why) { fclose(f); snprintf(err, errlen, "%s: %s model: %s", path, kind_name(kind), why); return -1; }
    unsigned char *buf = malloc(n ? n : 1);
    if (!buf) { fclose(f); snprintf(err, errlen, "%s: out of memory", path); return -1; }
    got = fread(buf, 1, n, f);
    int extra = fgetc(f) != EOF;
    fclose(f);
    if (got < n) {
        free(buf);
        snprintf(err, errlen, "%s: %s model truncated: %zu of %u payload bytes", path, kind_name(kind), got, n);
        return -1;
    }
    if (extra || crc32(0L, buf, n) != crc) {
        free(buf);
        snprintf(err, errlen, "%s: %s model corrupted: %s", path, kind_name(kind),
                 extra ? "bytes after the payload" : "CRC-32 mismatch");
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}
