/*
 * eval.c - score the tagger, lemmatizer and parser on a treebank's gold
 * words, the CoNLL 2018 shared-task way: every syntactic word counts
 * (punctuation included), LAS compares the main label (before ':').
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

void syn_eval_gold(const syn_tagger *T, const syn_parser *P, const syn_treebank *tb, syn_scores *s)
{
    memset(s, 0, sizeof *s);
    uint32_t maxlen = 1;
    for (uint32_t k = 0; k < tb->n_sent; k++)
        if (tb->sent[k + 1] - tb->sent[k] > maxlen) maxlen = tb->sent[k + 1] - tb->sent[k];
    syn_word *w = malloc(maxlen * sizeof *w);
    uint8_t *tags = malloc(maxlen), *upos = malloc(maxlen), *xpos = malloc(maxlen), *label = malloc(maxlen);
    uint16_t *ptag = malloc(maxlen * sizeof *ptag);
    int32_t *head = malloc(maxlen * sizeof *head);
    char buf[SYN_MAX_WORD + 4];
    syn_state st = {0};
    for (uint32_t k = 0; k < tb->n_sent; k++) {
        uint32_t a = tb->sent[k], n = tb->sent[k + 1] - a;
        for (uint32_t i = 0; i < n; i++) syn_word_init(&w[i], tb->str + tb->form_off[a + i], tb->form_len[a + i]);
        if (T) {
            syn_tag(T, w, n, tags);
            for (uint32_t i = 0; i < n; i++) { upos[i] = T->upos[tags[i]]; xpos[i] = T->xpos[tags[i]]; }
        } else {
            memcpy(upos, tb->upos + a, n);
            memcpy(xpos, tb->xpos + a, n);
        }
        for (uint32_t i = 0; i < n; i++) ptag[i] = syn_ptag(upos[i], xpos[i]);
        if (P) syn_parse(P, &st, w, ptag, n, head, label);
        s->sentences++;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t g = a + i, len;
            s->words++;
            s->upos += upos[i] == tb->upos[g];
            s->xpos += xpos[i] == tb->xpos[g];
            const char *lemma = syn_lemma(tb->str + tb->form_off[g], tb->form_len[g], upos[i], xpos[i], buf, &len);
            s->lemma += len == tb->lemma_len[g] && !memcmp(lemma, tb->str + tb->lemma_off[g], len);
            if (P && head[i] == tb->head[g]) {
                s->uas++;
                s->las += syn_deprel_main(label[i]) == syn_deprel_main(tb->deprel[g]);
            }
        }
    }
    syn_state_free(&st);
    free(w); free(tags); free(upos); free(xpos); free(label); free(ptag); free(head);
}

void syn_scores_print(FILE *out, const syn_scores *s)
{
    double n = s->words ? (double)s->words : 1;
    fprintf(out, "UPOS %.4f XPOS %.4f LEMMA %.4f UAS %.4f LAS %.4f sentences %llu tokens %llu\n",
            (double)s->upos / n, (double)s->xpos / n, (double)s->lemma / n, (double)s->uas / n,
            (double)s->las / n, (unsigned long long)s->sentences, (unsigned long long)s->words);
}

/* Character offsets counting non-space bytes only, so that the gold words
 * (forms without spaces) and dyad's tokens of the same text meet. */
static uint32_t *nonspace_index(const char *s, size_t n)
{
    uint32_t *ix = malloc((n + 1) * sizeof *ix);
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++) { ix[i] = k; if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n') k++; }
    ix[n] = k;
    return ix;
}

void syn_eval_tokenized(const syntax_model *m, const syn_treebank *tb, syn_scores *s)
{
    memset(s, 0, sizeof *s);
    dyad_doc *d = dyad_doc_new();
    char buf[SYN_MAX_WORD + 4];
    for (uint32_t k = 0; k < tb->n_sent; k++) {
        uint32_t a = tb->sent[k], n = tb->sent[k + 1] - a;
        s->sentences++;
        s->words += n;
        if (!tb->text_len[k]) continue;
        dyad_doc_reset(d);
        dyad_doc_set_raw(d, tb->str + tb->text_off[k], tb->text_len[k]);
        dyad_text_process(d);
        /* Gold word spans in non-space characters. */
        uint32_t gstart[1024], gend[1024];
        if (n > 1024) continue;
        uint32_t at = 0;
        for (uint32_t i = 0; i < n; i++) {
            const char *f = tb->str + tb->form_off[a + i];
            uint32_t len = 0;
            for (uint32_t j = 0; j < tb->form_len[a + i]; j++) len += f[j] != ' ';
            gstart[i] = at; gend[i] = at + len; at += len;
        }
        uint32_t *ix = nonspace_index(d->text, d->text_len);
        /* System words of every sentence dyad found in the text. */
        uint32_t maxw = 2;
        for (uint32_t t = 0; t < d->n_sents; t++) if (2 * d->sents[t].ntok > maxw) maxw = 2 * d->sents[t].ntok;
        syn_words W;
        syn_words_alloc(&W, maxw, d->arena);
        syn_state st = {0};
        syn_state_reserve(&st, maxw, d->arena);
        int32_t gold_of[2048];
        for (uint32_t t = 0; t < d->n_sents; t++) {
            uint32_t nw = syn_sentence_words(m, d, t, &W, &st);
            if (nw > 2048) continue;
            for (uint32_t i = 0; i < nw; i++) {
                uint32_t b0 = ix[W.off[i]], b1 = ix[W.off[i] + W.len[i]];
                gold_of[i] = -1;
                for (uint32_t g = 0; g < n; g++) if (gstart[g] == b0 && gend[g] == b1) { gold_of[i] = (int32_t)g; break; }
            }
            for (uint32_t i = 0; i < nw; i++) {
                if (gold_of[i] < 0) continue;
                uint32_t g = a + (uint32_t)gold_of[i], len;
                s->upos += W.upos[i] == tb->upos[g];
                s->xpos += W.xpos[i] == tb->xpos[g];
                const char *lemma = syn_lemma(d->text + W.off[i], W.len[i], W.upos[i], W.xpos[i], buf, &len);
                s->lemma += len == tb->lemma_len[g] && !memcmp(lemma, tb->str + tb->lemma_off[g], len);
                int32_t h = W.head[i], gh = h < 0 ? -1 : gold_of[h];
                if ((h < 0 && tb->head[g] < 0) || (h >= 0 && gh >= 0 && gh == tb->head[g])) {
                    s->uas++;
                    s->las += syn_deprel_main(W.label[i]) == syn_deprel_main(tb->deprel[g]);
                }
            }
        }
        free(ix);
    }
    dyad_doc_free(d);
}
