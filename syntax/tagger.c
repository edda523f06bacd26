/*
 * tagger.c - the part-of-speech tagger: one averaged perceptron over
 * (UPOS, XPOS) pairs, decoded greedily left to right with the two tags
 * already chosen as features (Collins 2002; Honnibal's greedy tagger).
 *
 * Features of word i: its form, lower case, prefixes 1-3, suffixes 1-4 and
 * shape; the lower case of words i-2 .. i+2 and the suffixes of i-1, i+1;
 * the previous tag, the two previous tags, the previous tag with the word
 * and with its suffix; two word bigrams; the shape of a sentence-initial
 * word; the lexicon class (commonest training tag) of the word and of the
 * next two, alone and combined.
 *
 * Model payload: u32 nclass, nclass x (u8 upos, u8 xpos), u32 lexicon
 * size, that many (u32 word hash, u8 class), the weights.
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

#define NO_TAG 255u
#define NO_WORD 0x9e3779b9u

uint32_t syn_tagger_lexicon(const syn_tagger *T, uint32_t lower)
{
    if (!T->lex_bits) return SYN_NO_CLASS;
    uint32_t key = lower ? lower : 1, mask = (1u << T->lex_bits) - 1;
    for (uint32_t i = (key * 2654435761u) >> (32 - T->lex_bits);; i = (i + 1) & mask) {
        if (T->lex_key[i] == key) return T->lex_cls[i];
        if (!T->lex_key[i]) return SYN_NO_CLASS;
    }
}

static int lexicon_alloc(syn_tagger *T, uint32_t entries)
{
    uint32_t bits = 4;
    while ((1u << bits) < 2 * entries + 2) bits++;
    T->lex_bits = bits;
    T->lex_key = calloc((size_t)1 << bits, sizeof *T->lex_key);
    T->lex_cls = calloc((size_t)1 << bits, 1);
    return T->lex_key && T->lex_cls ? 0 : -1;
}

static void lexicon_put(syn_tagger *T, uint32_t lower, uint8_t cls)
{
    uint32_t key = lower ? lower : 1, mask = (1u << T->lex_bits) - 1;
    for (uint32_t i = (key * 2654435761u) >> (32 - T->lex_bits);; i = (i + 1) & mask) {
        if (T->lex_key[i] == key) { T->lex_cls[i] = cls; return; }
        if (!T->lex_key[i]) { T->lex_key[i] = key; T->lex_cls[i] = cls; T->lex_n++; return; }
    }
}

int syn_tagger_build_lexicon(syn_tagger *T, const uint32_t *lower, const uint8_t *cls, uint32_t n, uint32_t min_count)
{
    /* Count (word, class) in a scratch table of its own. */
    uint32_t bits = 4;
    while ((1u << bits) < 2 * n + 2) bits++;
    size_t slots = (size_t)1 << bits, mask = slots - 1;
    uint32_t *key = calloc(slots, sizeof *key);
    uint32_t *count = calloc(slots * T->nclass, sizeof *count);
    if (!key || !count) { free(key); free(count); return -1; }
    uint32_t words = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t h = lower[k] ? lower[k] : 1;
        size_t i = (h * 2654435761u) >> (32 - bits);
        while (key[i] && key[i] != h) i = (i + 1) & mask;
        if (!key[i]) { key[i] = h; words++; }
        if (cls[k] < T->nclass) count[i * T->nclass + cls[k]]++;
    }
    uint32_t kept = 0;
    for (size_t i = 0; i < slots; i++) {
        if (!key[i]) continue;
        uint32_t total = 0;
        for (uint32_t c = 0; c < T->nclass; c++) total += count[i * T->nclass + c];
        kept += total >= min_count;
    }
    int r = lexicon_alloc(T, kept);
    for (size_t i = 0; i < slots && !r; i++) {
        if (!key[i]) continue;
        uint32_t total = 0, best = 0;
        for (uint32_t c = 0; c < T->nclass; c++) {
            total += count[i * T->nclass + c];
            if (count[i * T->nclass + c] > count[i * T->nclass + best]) best = c;
        }
        if (total >= min_count) lexicon_put(T, key[i], (uint8_t)best);
    }
    free(key); free(count);
    (void)words;
    return r;
}

int syn_tagger_features(const syn_tagger *T, const syn_word *w, uint32_t n, uint32_t i, const uint8_t *tags, uint32_t *f)
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
    uint32_t a0 = syn_tagger_lexicon(T, c->lower);
    uint32_t a1 = i + 1 < n ? syn_tagger_lexicon(T, w[i + 1].lower) : 254;
    uint32_t a2 = i + 2 < n ? syn_tagger_lexicon(T, w[i + 2].lower) : 254;
    f[k++] = syn_mix(27, a0);
    f[k++] = syn_mix(28, a1);
    f[k++] = syn_mix(29, a2);
    f[k++] = syn_mix(30, a0 << 8 | a1);
    f[k++] = syn_mix(31, t1 << 16 | a0 << 8 | a1);
    f[k++] = syn_mix(syn_mix(32, a1 << 8 | a2), a0);
    f[k++] = syn_mix(syn_mix(33, a0), c->suf[2]);
    return k;
}

void syn_tag(const syn_tagger *T, const syn_word *w, uint32_t n, uint8_t *tags)
{
    uint32_t f[SYN_TAG_FEATS];
    int32_t scores[SYN_TAG_MAX];
    for (uint32_t i = 0; i < n; i++) {
        int nf = syn_tagger_features(T, w, n, i, tags, f);
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
    syn_put_u32(&b, T->lex_n);
    for (uint32_t i = 0; T->lex_bits && i < (1u << T->lex_bits); i++) {
        if (!T->lex_key[i]) continue;
        syn_put_u32(&b, T->lex_key[i]);
        dbuf_putc(&b, (char)T->lex_cls[i]);
    }
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
    uint32_t lex_n = r.bad ? 0 : syn_read_u32(&r);
    if (!r.bad && ((size_t)(r.end - r.p) < (size_t)lex_n * 5 || lexicon_alloc(T, lex_n))) r.bad = 1;
    for (uint32_t i = 0; i < lex_n && !r.bad; i++) {
        uint32_t key = syn_read_u32(&r);
        uint8_t cls = *r.p++;
        if (!key || cls >= T->nclass) r.bad = 1;
        else lexicon_put(T, key, cls);
    }
    if (!r.bad && (syn_weights_read(&r, &T->W) || T->W.nclass != T->nclass)) r.bad = 1;
    if (!r.bad && r.p != r.end) r.bad = 1;
    free(data);
    if (r.bad) {
        syn_tagger_free(T);
        snprintf(err, errlen, "%s: tagger model is inconsistent (its checksum is right: written by another version?)", path);
        return -1;
    }
    return 0;
}

void syn_tagger_free(syn_tagger *T)
{
    syn_weights_free(&T->W);
    free(T->lex_key); free(T->lex_cls);
    T->lex_key = NULL; T->lex_cls = NULL; T->lex_bits = T->lex_n = 0;
}
