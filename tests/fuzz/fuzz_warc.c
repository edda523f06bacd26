/*
 * fuzz_warc.c - a WARC or ARC file (plain; gzip has fuzz_gzip.c) through
 * the reader and the web layer, as `dyad ingest` streams an archive:
 * headers, lengths, chunked transfer encoding, HTTP headers, the pages in
 * the records.  The payload cap is lowered so that big declared lengths
 * take the cap's path too.
 */
#include "fuzz.h"
#include "dyad.h"
#include "../../ingest/warc.h"
#include "../../ingest/web.h"

static dyad_doc *doc;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!doc) doc = dyad_doc_new();
    char err[512];
    web_archive w = {0};
    w.reader = warc_open(fuzz_file(data, size, ".warc"), err, sizeof err);
    if (!w.reader) return 0;
    if (size && (data[size - 1] & 1)) warc_set_max_payload(w.reader, 4096);
    for (int n = 0; n < 256; n++) {
        dyad_doc_reset(doc);
        int r = web_warc_next(&w, doc, err, sizeof err);
        if (r == 0) break;
        if (r > 0) dyad_text_process(doc);
    }
    warc_close(w.reader);
    return 0;
}
