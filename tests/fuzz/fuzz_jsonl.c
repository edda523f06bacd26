/*
 * fuzz_jsonl.c - one JSON-lines record (ingest_json_record): fields,
 * unknown members kept as "extra", types that are wrong; then the text
 * stage and the metadata members of the record.
 */
#include "fuzz.h"
#include "dyad.h"
#include "../../core/core.h"
#include "../../emit/emit.h"
#include "../../ingest/ingest.h"

static dyad_doc *doc;
static dbuf out;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!doc) doc = dyad_doc_new();
    dyad_doc_reset(doc);
    char err[512];
    if (ingest_json_record((const char *)data, size, doc, err, sizeof err) == 0) {
        dyad_doc_ensure_id(doc);
        dyad_text_process(doc);
        dbuf_clear(&out);
        emit_doc_json(&out, doc, EMIT_TEXT | EMIT_SENTENCES | EMIT_WARNINGS);
    }
    return 0;
}
