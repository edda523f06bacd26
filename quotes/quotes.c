/*
 * quotes.c - the quotations stage: quotes_process.
 *
 * Contract (quotes.h): after the actors and time stages, fill doc->quotes
 * with every direct, partial, scare and indirect quotation, in text order:
 * span (the quoted words, marks and a trailing comma excluded; for an
 * indirect quotation the reported clause), sentence (of its first word),
 * kind, speaker (a mention index into doc->mentions, or -1) and the cue
 * verb span (len 0 when none).  A quotation running over several
 * paragraphs is reported once per paragraph, every piece with the same
 * speaker.
 *
 * Steps: per-token context (context.c), pairing of marks (pair.c),
 * attribution of the quoted spans (attribute.c), reported speech
 * (indirect.c), then a stable sort by offset.  Scratch is arena memory;
 * doc->quotes grows with dyad_grow and keeps its capacity across
 * documents.
 */
#include "quotes.h"
#include "quotes_int.h"

#include <string.h>

void quote_emit(qctx *c, uint32_t off, uint32_t len, uint32_t sent, int kind, int32_t speaker,
                uint32_t cue, uint32_t cue_ntok)
{
    dyad_doc *d = c->d;
    d->quotes = dyad_grow(d->quotes, &d->cap_quotes, d->n_quotes + 1, sizeof *d->quotes);
    dyad_quote *q = &d->quotes[d->n_quotes++];
    q->off = off;
    q->len = len;
    q->sent = sent;
    q->kind = (uint8_t)kind;
    q->speaker = speaker;
    q->cue_off = q->cue_len = 0;
    if (cue != QNONE && cue_ntok && cue + cue_ntok <= d->n_toks) {
        q->cue_off = d->toks[cue].off;
        q->cue_len = d->toks[cue + cue_ntok - 1].off + d->toks[cue + cue_ntok - 1].len - q->cue_off;
    }
}

static void emit_spans(qctx *c)
{
    const dyad_doc *d = c->d;
    for (uint32_t k = 0; k < c->n_spans; k++) {
        const qspan *q = &c->spans[k];
        if (!q->kind) continue;
        uint32_t b = q->b, e = q->e;
        /* “Look, people ...,” Pompeo said: the comma is the reporter's. */
        while (e > b && (d->toks[e - 1].flags & DYAD_TOK_COMMA)) e--;
        /* the “start of a meaningful journey.”: in a phrase, a final period
         * inside the marks is the sentence's, by American convention. */
        if (q->kind != DYAD_QUOTE_DIRECT)
            while (e > b && d->toks[e - 1].len == 1 && d->text[d->toks[e - 1].off] == '.') e--;
        if (e <= b) continue;
        uint32_t off = d->toks[b].off, end = d->toks[e - 1].off + d->toks[e - 1].len;
        quote_emit(c, off, end - off, c->tsent[b], q->kind, q->speaker, q->cue, q->cue_ntok);
    }
}

/* Text order; a longer quote before one starting at the same byte. */
static int quote_before(const dyad_quote *x, const dyad_quote *y)
{
    return x->off < y->off || (x->off == y->off && x->len > y->len);
}

/* A stable bottom-up merge sort through a scratch array from the
 * document's arena: the quoted spans come sorted and the indirect ones
 * after them, so an insertion sort was quadratic in a long document. */
static void sort_quotes(dyad_doc *d)
{
    uint32_t n = d->n_quotes;
    if (n < 2) return;
    dyad_quote *src = d->quotes, *dst = dyad_arena_alloc(d->arena, (size_t)n * sizeof *dst);
    for (uint32_t w = 1; w < n; w *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * w) {
            uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) dst[k++] = quote_before(&src[j], &src[i]) ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        dyad_quote *t = src; src = dst; dst = t;
    }
    if (src != d->quotes) memcpy(d->quotes, src, (size_t)n * sizeof *src);
}

void quotes_process(dyad_doc *doc)
{
    doc->n_quotes = 0;
    if (!doc->n_toks || !doc->n_sents) return;
    qctx c;
    qctx_init(&c, doc);
    quote_pair(&c);
    quote_attribute(&c);
    emit_spans(&c);
    quote_indirect(&c);
    sort_quotes(doc);
}
