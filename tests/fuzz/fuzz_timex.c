/*
 * fuzz_timex.c - the time-expression normaliser on a text: publication
 * date (metadata value, --date, dateline, inference), every expression
 * found and resolved to its TIMEX3 value, sentence reference dates.  The
 * input's first line is the document's `published` value, the rest its
 * body; its first byte also picks whether --date is given and which.
 * Checks what the stage promises: spans inside the text, values
 * NUL-terminated, one reference date per sentence.
 */
#include "fuzz.h"
#include "dyad.h"
#include "../../time/timex.h"

static dyad_doc *doc;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!doc) doc = dyad_doc_new();
    dyad_doc_reset(doc);
    const uint8_t *nl = memchr(data, '\n', size);
    size_t head = nl ? (size_t)(nl - data) : 0, body = nl ? head + 1 : 0;
    if (nl && head < 200) {
        char *pub = fuzz_cstr(data, head);
        doc->published = dyad_arena_strdup(doc->arena, pub);
        free(pub);
    }
    dyad_doc_set_raw(doc, (const char *)data + body, size - body);
    dyad_text_process(doc);
    dyad_date opt = {0};
    if (size && (data[0] & 3) == 1) opt = (dyad_date){2019, 2, 27};
    if (size && (data[0] & 3) == 2) opt = (dyad_date){(int16_t)(1 + data[0] * 11), 12, 31};
    time_pubdate(doc, opt);
    time_process(doc);
    for (uint32_t i = 0; i < doc->n_timexes; i++) {
        const dyad_timex *t = &doc->timexes[i];
        if (t->off + t->len > doc->text_len || t->sent >= doc->n_sents || !memchr(t->value, 0, sizeof t->value))
            abort();
    }
    if (doc->n_sents && doc->cap_sent_dates < doc->n_sents) abort();
    return 0;
}
