/*
 * tagger.c - the part-of-speech tagger: one averaged perceptron over
 * (UPOS, XPOS) pairs, decoded greedily left to right with the two tags
 * already chosen as features (Collins 2002; Honnibal's greedy tagger).
 *
 * Features of word i: its form, lower case, prefixes 1-3, suffixes 1-4 and
 * shape; the lower case of words i-2 .. i+2 and the suffixes of i-1, i+1;
 * the previous tag, the two previous tags, the previous tag with the word
 * and with its suffix; two word bigrams; the shape of a sentence-initial
 * word.
 *
 * Model payload: u32 nclass, nclass x (u8 upos, u8 xpos), the weights.
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

#define NO_TAG 255u
#define NO_WORD 0x9e3779b9u

int syn_tagger_features(const syn_word *w, uint32_t n, uint32_t i, const uint8_t *tags, uint32_t *f)
{
    const syn_word *c = &w[i];
    uint32_t t1 = i >= 1 ? tags[i - 1] : NO_TAG, t2 = i >= 2 ? tags[i - 2] : NO_TAG;
    uint32_t lm1 = i >= 1 ? w[i - 1].lower : NO_WORD, lm2 = i >= 2 ? w[i - 2].lower : NO_WORD;
    uint32_t lp1 = i + 1 < n ? w[i + 1].lower : NO_WORD, lp2 = i + 2 < n ? w[i + 2].lower : NO_WORD;
    uint32_t sm1 = i >= 1 ? w[i - 1].suf[2] : NO_WORD, sp1 = i + 1 < n ? w[i + 1].suf[2] : NO_WORD;
    uint32_t sp1b = i + 1 < n ? w[i + 1].suf[1] : NO_WORD;
    int k = 0;
    f[k++] = syn_mix(1, 0);
    f[k++] = syn_mix(2, c->lower);
    f[k++] = syn_mix(3, c->form);
    for (uint32_t j = 0; j < 4; j++) f[k++] = syn_mix(4 + j, c->suf[j]);
    for (uint32_t j = 0; j < 3; j++) f[k++] = syn_mix(8 + j, c->pre[j]);
    f[k++] = syn_mix(11, c->shape);
    f[k++] = syn_mix(12, t1);
    f[k++] = syn_mix(13, t2 << 8 | t1);
    f[k++] = syn_mix(syn_mix(14, t1), c->lower);
    f[k++] = syn_mix(15, lm1);
    f[k++] = syn_mix(16, sm1);
    f[k++] = syn_mix(17, lm2);
    f[k++] = syn_mix(18, lp1);
    f[k++] = syn_mix(19, sp1);
    f[k++] = syn_mix(20, lp2);
    f[k++] = syn_mix(syn_mix(21, lm1), c->lower);
    f[k++] = syn_mix(syn_mix(22, c->lower), lp1);
    f[k++] = syn_mix(syn_mix(23, t1), c->suf[2]);
    f[k++] = syn_mix(24, i == 0 ? c->shape : 0);
    f[k++] = syn_mix(25, sp1b);
    f[k++] = syn_mix(syn_mix(26, t1), lp1);
    return k;
}

void syn_tag(const syn_tagger *T, const syn_word *w, uint32_t n, uint8_t *tags)
{
    uint32_t f[SYN_TAG_FEATS];
    int32_t scores[SYN_TAG_MAX];
    for (uint32_t i = 0; i < n; i++) {
        int nf = syn_tagger_features(w, n, i, tags, f);
        syn_weights_score(&T->W, f, nf, scores);
        uint32_t best = 0;
        for (uint32_t c = 1; c < T->nclass; c++)
            if (scores[c] > scores[best]) best = c;
        tags[i] = (uint8_t)best;
    }
}

int syn_tagger_class(const syn_tagger *T, int upos, int xpos)
{
    int same_upos = -1;
    for (uint32_t c = 0; c < T->nclass; c++) {
        if (T->upos[c] == upos && T->xpos[c] == xpos) return (int)c;
        if (T->upos[c] == upos && same_upos < 0) same_upos = (int)c;
    }
    return same_upos >= 0 ? same_upos : 0;
}

int syn_tagger_save(const syn_tagger *T, const char *path, char *err, size_t errlen)
{
    dbuf b = {0};
    syn_put_u32(&b, T->nclass);
    for (uint32_t c = 0; c < T->nclass; c++) { dbuf_putc(&b, (char)T->upos[c]); dbuf_putc(&b, (char)T->xpos[c]); }
    syn_weights_write(&b, &T->W);
    int r = syn_model_save(path, SYN_KIND_TAGGER, &b, err, errlen);
    dbuf_free(&b);
    return r;
}

int syn_tagger_load(syn_tagger *T, const char *path, char *err, size_t errlen)
{
    memset(T, 0, sizeof *T);
    unsigned char *data;
    size_t len;
    if (syn_model_read(path, SYN_KIND_TAGGER, &data, &len, err, errlen)) return -1;
    syn_reader r = {data, data + len, 0};
    T->nclass = syn_read_u32(&r);
    if (!T->nclass || T->nclass > SYN_TAG_MAX || (size_t)(r.end - r.p) < 2 * T->nclass) r.bad = 1;
    for (uint32_t c = 0; c < T->nclass && !r.bad; c++) {
        T->upos[c] = *r.p++;
        T->xpos[c] = *r.p++;
        if (T->upos[c] >= DYAD_UPOS_COUNT || T->xpos[c] >= DYAD_XPOS_COUNT) r.bad = 1;
    }
    if (!r.bad && (syn_weights_read(&r, &T->W) || T->W.nclass != T->nclass)) r.bad = 1;
    if (!r.bad && r.p != r.end) r.bad = 1;
    free(data);
    if (r.bad) {
        syn_weights_free(&T->W);
        snprintf(err, errlen, "%s: tagger model is inconsistent (its checksum is right: written by another version?)", path);
        return -1;
    }
    return 0;
}

void syn_tagger_free(syn_tagger *T)
{
    syn_weights_free(&T->W);
}
