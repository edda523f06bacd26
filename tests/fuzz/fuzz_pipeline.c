/*
 * fuzz_pipeline.c - the whole pipeline on one input file, as `dyad code`
 * runs it: the source is sniffed (plain text, JSON lines, HTML, WARC/ARC,
 * gzip), each document goes through every stage with the model loaded
 * once, and its JSON record is written to a buffer.  Every record must be
 * valid UTF-8 (issue 18, finding 3): a harness check, so a break aborts.
 */
#include "fuzz.h"
#include "dyad.h"
#include "../../core/core.h"
#include "../../emit/emit.h"
#include "../../ingest/ingest.h"

static dyad_model *model;
static dyad_doc *doc;
static dbuf out;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    char err[256];
    model = dyad_model_load(NULL, err, sizeof err);
    if (!model) { fprintf(stderr, "fuzz_pipeline: %s\n", err); abort(); }
    doc = dyad_doc_new();
    return 0;
}

static void check_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k <= 0) { fprintf(stderr, "invalid UTF-8 at byte %zu of a record\n", i); abort(); }
        i += (size_t)k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The first byte picks --date or none, so both publication-date paths run. */
    dyad_options opt = {0};
    if (size && (data[0] & 1)) dyad_date_parse("2019-02-27", &opt.date);
    char err[512];
    ingest_source *src = ingest_open(fuzz_file(data, size, ".in"), err, sizeof err);
    if (!src) return 0;
    for (int n = 0; n < 64; n++) {
        dyad_doc_reset(doc);
        int r = ingest_next(src, doc);
        if (r == 0) break;
        if (r < 0) continue;
        dyad_process(model, doc, &opt);
        dbuf_clear(&out);
        emit_doc_json(&out, doc, ~0u);
        check_utf8(out.ptr, out.len);
    }
    ingest_close(src);
    return 0;
}
