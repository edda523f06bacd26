/*
 * tc_discard.c - discard lists: compile the phrases (tabari.h reads them)
 * into a trie, and drop the events of every sentence that contains one --
 * or of the whole story for a '+' phrase -- whichever coder made them.
 *
 * As in TABARI, a phrase is case-insensitive and starts at a word; a bare
 * last word is a stem (CHESS matches CHESSBOARD) and one written with '_'
 * must end there.
 */
#include "tc.h"

#include <stdlib.h>
#include <string.h>

static void *xgrow(void *p, uint32_t *cap, uint32_t need, size_t el) { return dyad_grow(p, cap, need, el); }

int tc_load_discards(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                     char *err, size_t errlen)
{
    tabari_discards d;
    if (tabari_load_discards(path, &d, report, ctx) < 0) {
        snprintf(err, errlen, "%s: cannot read the discard list", path);
        tabari_discards_free(&d);
        return -1;
    }
    c->stats.unusable += d.unusable;
    c->stats.warnings += d.warnings;
    tc_words ws = {0};
    dyad_token *scratch = NULL;
    uint32_t scap = 0;
    for (size_t i = 0; i < d.ndiscards; i++) {
        const tabari_discard *x = &d.discards[i];
        ws.n = 0;
        for (uint32_t w = 0; w < x->phrase.nwords; w++) {
            const tabari_elem *e = &x->phrase.words[w];
            tc_words_add(&ws, &c->pool, e->text, e->kind == TABARI_EL_WORD ? TC_EXACT : TC_STEM, 1, &scratch, &scap);
        }
        if (!ws.n) continue;
        c->discards = xgrow(c->discards, &c->cap_discards, c->n_discards + 1, sizeof *c->discards);
        c->discards[c->n_discards].story = x->story;
        tc_trie_add(&c->discards_t, ws.w, ws.n, c->n_discards++);
    }
    c->stats.discards += (long)c->n_discards;
    c->has_discards = c->n_discards > 0;
    free(ws.w);
    free(scratch);
    tabari_discards_free(&d);
    return 0;
}

void tabari_coder_discard(const tabari_coder *c, dyad_doc *d)
{
    if (!c || !c->has_discards || !d->n_events) return;
    uint8_t *drop = dyad_arena_alloc(d->arena, d->n_sents + 1);
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        for (uint32_t k = st->tok; k < st->tok + st->ntok && !drop[s]; k++) {
            if (!(d->toks[k].flags & (DYAD_TOK_WORD | DYAD_TOK_NUM))) continue;
            uint32_t node;
            if (!tc_trie_longest(&c->discards_t, d, k, st->tok + st->ntok, &node)) continue;
            if (c->discards[c->discards_t.pays[c->discards_t.nodes[node].head].value].story) {
                d->n_events = 0;
                return;
            }
            drop[s] = 1;
        }
    }
    uint32_t o = 0;
    for (uint32_t i = 0; i < d->n_events; i++)
        if (d->events[i].sent >= d->n_sents || !drop[d->events[i].sent]) d->events[o++] = d->events[i];
    d->n_events = o;
}
