/*
 * candidates.c - which sentences of a document the events coder can code,
 * so that the pipeline parses only those (the parse is most of the cost of
 * coding, and most sentences of news hold no event).
 *
 * The coder (coder.c) looks at word tokens outside actor mentions whose
 * form is a form of a dictionary verb, and needs a source actor: a mention
 * in the sentence, or the speaker of a quotation covering the verb.  So a
 * sentence is a candidate when it is no heading, holds such a verb form,
 * and holds a mention or lies (partly) inside a quotation with a known
 * speaker.  Any other sentence cannot give an event with or without a
 * parse, so leaving it unparsed loses nothing.  One probe of the verb
 * forms table per word token; nothing allocated.
 */
#include "model.h"
#include "../core/core.h"

#include <string.h>

/* The first sentence whose text ends after byte off. */
static uint32_t sentence_at(const dyad_doc *d, uint32_t off)
{
    uint32_t lo = 0, hi = d->n_sents;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->sents[mid].off + d->sents[mid].len <= off) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

uint32_t events_candidates(const events_model *m, const dyad_doc *d, uint8_t *want)
{
    if (!d->n_sents) return 0;
    /* 1: a source is possible (a mention, or a quote with a speaker) */
    memset(want, 0, d->n_sents);
    for (uint32_t i = 0; i < d->n_mentions; i++)
        if (d->mentions[i].sent < d->n_sents) want[d->mentions[i].sent] = 1;
    for (uint32_t i = 0; i < d->n_quotes; i++) {
        const dyad_quote *q = &d->quotes[i];
        if (q->speaker < 0) continue;
        for (uint32_t s = sentence_at(d, q->off); s < d->n_sents && d->sents[s].off < q->off + q->len; s++) want[s] = 1;
    }
    /* 2: and a dictionary verb form outside the mentions */
    uint32_t n = 0, mi = 0;
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        if (!want[s]) continue;
        want[s] = 0;
        if (st->flags & DYAD_PARA_HEADING) continue;
        for (uint32_t t = st->tok; t < st->tok + st->ntok; t++) {
            const dyad_token *k = &d->toks[t];
            if (!(k->flags & DYAD_TOK_WORD)) continue;
            while (mi < d->n_mentions && d->mentions[mi].tok + d->mentions[mi].ntok <= t) mi++;
            if (mi < d->n_mentions && d->mentions[mi].tok <= t && d->mentions[mi].tok >= st->tok) continue;   /* in a mention */
            if (events_verb_form(m, k->hash)) { want[s] = 1; n++; break; }
        }
    }
    return n;
}
