/*
 * stage.c - the syntax stage: doc tokens -> syntactic words -> tags,
 * lemmas, parse -> doc->syn (parallel to doc->toks).  Tagging
 * (syntax_tag) covers every sentence; the parse (syntax_parse) the
 * sentences asked for, reusing the tags, so a pipeline can parse only
 * where a later stage reads the tree.
 *
 * dyad's tokenizer keeps contractions whole ("don't", "I'm") where the
 * treebank the models learnt from has two words (do + n't, I + 'm); the
 * stage splits them for the tagger and parser and gives the token the
 * parse of its first word, DYAD_SYN_SPLIT, and DYAD_SYN_NEG when the
 * second word is a negation.  A head that falls inside the same token is
 * followed up to the next token outside it.
 *
 * Memory: per step, one arena allocation per document for the word
 * arrays (and the parser's state), one for the lemmas; nothing per token.
 */
#include "syntax.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int load_one(const char *dir, const char *name, int kind, void **out, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/syntax/%s", dir, name);
    *out = NULL;
    if (access(path, F_OK)) return 0;                /* no model: guessed tags */
    if (kind == SYN_KIND_TAGGER) {
        syn_tagger *t = calloc(1, sizeof *t);
        if (!t || syn_tagger_load(t, path, err, errlen)) { free(t); return -1; }
        *out = t;
    } else {
        syn_parser *p = calloc(1, sizeof *p);
        if (!p || syn_parser_load(p, path, err, errlen)) { free(p); return -1; }
        *out = p;
    }
    return 0;
}

syntax_model *syntax_load(const char *data_dir, char *err, size_t errlen)
{
    syntax_model *m = calloc(1, sizeof *m);
    if (!m) { snprintf(err, errlen, "out of memory"); return NULL; }
    void *t, *p;
    if (load_one(data_dir, "tagger.bin", SYN_KIND_TAGGER, &t, err, errlen)) { free(m); return NULL; }
    m->tagger = t;
    if (load_one(data_dir, "parser.bin", SYN_KIND_PARSER, &p, err, errlen)) { syntax_free(m); return NULL; }
    m->parser = p;
    return m;
}

void syntax_free(syntax_model *m)
{
    if (!m) return;
    if (m->tagger) syn_tagger_free(m->tagger);
    if (m->parser) syn_parser_free(m->parser);
    free(m->tagger); free(m->parser);
    free(m);
}

/* Where a contraction splits: the length of its first word, 0 if none.
 * *neg: the second word is n't / not. */
static uint32_t split_point(const char *s, uint32_t n, int *neg)
{
    *neg = 0;
    if (n < 3) return 0;
    char e1 = (char)(s[n - 1] | 32), e2 = (char)(s[n - 2] | 32);
    /* n't and n’t */
    if (n >= 4 && e1 == 't' && s[n - 2] == '\'' && (s[n - 3] | 32) == 'n') { *neg = 1; return n - 3; }
    if (n >= 6 && e1 == 't' && !memcmp(s + n - 4, "\xe2\x80\x99", 3) && (s[n - 5] | 32) == 'n') { *neg = 1; return n - 5; }
    if (n == 6 && !strncasecmp(s, "cannot", 6)) { *neg = 1; return 3; }
    /* 'm 're 've 'll 'd, straight or typographic apostrophe */
    static const char *const clitic[] = {"m", "re", "ve", "ll", "d", NULL};
    for (int k = 0; clitic[k]; k++) {
        uint32_t c = (uint32_t)strlen(clitic[k]);
        if (n > c + 1 && !strncasecmp(s + n - c, clitic[k], c)) {
            if (s[n - c - 1] == '\'' && n > c + 2) return n - c - 1;
            if (n > c + 4 && !memcmp(s + n - c - 3, "\xe2\x80\x99", 3)) return n - c - 3;
        }
    }
    (void)e2;
    return 0;
}

void syn_words_alloc(syn_words *W, uint32_t maxw, dyad_arena *a)
{
    W->w = dyad_arena_alloc(a, maxw * sizeof *W->w);
    W->tok = dyad_arena_alloc(a, maxw * sizeof *W->tok);
    W->off = dyad_arena_alloc(a, maxw * sizeof *W->off);
    W->len = dyad_arena_alloc(a, maxw * sizeof *W->len);
    W->head = dyad_arena_alloc(a, maxw * sizeof *W->head);
    W->ptag = dyad_arena_alloc(a, maxw * sizeof *W->ptag);
    uint8_t *bytes = dyad_arena_alloc(a, (size_t)maxw * 5);
    W->tags = bytes; W->upos = bytes + maxw; W->xpos = bytes + 2 * maxw; W->label = bytes + 3 * maxw;
    W->neg = bytes + 4 * maxw;
}

/* The sentence's syntactic words (contractions split), with their feature
 * hashes; returns how many. */
static uint32_t sentence_words(const dyad_doc *d, uint32_t s, syn_words *W)
{
    const dyad_sentence *sent = &d->sents[s];
    uint32_t n = 0;
    for (uint32_t t = sent->tok; t < sent->tok + sent->ntok; t++) {
        const dyad_token *k = &d->toks[t];
        int neg;
        uint32_t cut = split_point(d->text + k->off, k->len, &neg);
        if (cut) {
            W->tok[n] = t; W->off[n] = k->off; W->len[n] = cut; W->neg[n] = 0; n++;
            W->tok[n] = t; W->off[n] = k->off + cut; W->len[n] = k->len - cut; W->neg[n] = (uint8_t)neg; n++;
        } else {
            W->tok[n] = t; W->off[n] = k->off; W->len[n] = k->len; W->neg[n] = 0; n++;
        }
    }
    for (uint32_t i = 0; i < n; i++) syn_word_init(&W->w[i], d->text + W->off[i], W->len[i]);
    return n;
}

static void tag_words(const syntax_model *m, const dyad_doc *d, syn_words *W, uint32_t n)
{
    const syn_tagger *T = m ? m->tagger : NULL;
    if (T) {
        syn_tag(T, W->w, n, W->tags);
        for (uint32_t i = 0; i < n; i++) { W->upos[i] = T->upos[W->tags[i]]; W->xpos[i] = T->xpos[W->tags[i]]; }
    } else {
        for (uint32_t i = 0; i < n; i++)
            syn_guess_tags(d->text + W->off[i], W->len[i], i == 0, &W->upos[i], &W->xpos[i]);
    }
}

static void parse_words(const syn_parser *P, syn_state *st, syn_words *W, uint32_t n)
{
    if (P) {
        for (uint32_t i = 0; i < n; i++) W->ptag[i] = syn_ptag(W->upos[i], W->xpos[i]);
        syn_parse(P, st, W->w, W->ptag, n, W->head, W->label);
    } else {
        for (uint32_t i = 0; i < n; i++) { W->head[i] = -1; W->label[i] = DYAD_DEP_NONE; }
    }
}

uint32_t syn_sentence_words(const syntax_model *m, const dyad_doc *d, uint32_t s, syn_words *W, syn_state *st)
{
    uint32_t n = sentence_words(d, s, W);
    tag_words(m, d, W, n);
    parse_words(m ? m->parser : NULL, st, W, n);
    return n;
}

/* The word arrays for the document's longest sentence. */
static uint32_t doc_words(const dyad_doc *d, syn_words *W)
{
    uint32_t maxw = 1;
    for (uint32_t s = 0; s < d->n_sents; s++) if (2 * d->sents[s].ntok > maxw) maxw = 2 * d->sents[s].ntok;
    syn_words_alloc(W, maxw, d->arena);
    return maxw;
}

void syntax_tag(const syntax_model *m, dyad_doc *d)
{
    d->syn = dyad_grow(d->syn, &d->cap_syn, d->n_toks + 1, sizeof *d->syn);
    d->n_syn = d->n_toks;
    d->n_parsed = 0;
    if (!d->n_toks) return;
    memset(d->syn, 0, d->n_toks * sizeof *d->syn);
    syn_words W;
    doc_words(d, &W);
    /* Lemmas: each at most its token's length + 2 (a stem plus "e" or "y"). */
    char *lemmas = dyad_arena_alloc(d->arena, (size_t)d->text_len + 3 * (size_t)d->n_toks + SYN_MAX_WORD + 4);
    size_t lemma_at = 0;
    for (uint32_t s = 0; s < d->n_sents; s++) {
        uint32_t n = sentence_words(d, s, &W);
        tag_words(m, d, &W, n);
        if (m && m->tagger) d->sents[s].flags |= DYAD_SENT_TAGGED;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t t = W.tok[i];
            dyad_syn *y = &d->syn[t];
            y->head = -1;
            if (i > 0 && W.tok[i - 1] == t) {           /* second word of a split token */
                y->flags |= DYAD_SYN_SPLIT | (W.neg[i] ? DYAD_SYN_NEG : 0);
                continue;
            }
            y->upos = W.upos[i];
            y->xpos = W.xpos[i];
            uint32_t len;
            char *buf = lemmas + lemma_at;
            const char *lemma = syn_lemma(d->text + W.off[i], W.len[i], W.upos[i], W.xpos[i], buf, &len);
            if (lemma == buf) lemma_at += len + 1;
            y->lemma = lemma;
            y->lemma_len = len;
            y->lemma_hash = hash_folded(lemma, len);
        }
    }
}

uint32_t syntax_parse(const syntax_model *m, dyad_doc *d, const uint8_t *want)
{
    const syn_parser *P = m ? m->parser : NULL;
    if (!P || d->n_syn != d->n_toks || !d->n_toks) return 0;
    syn_words W;
    uint32_t maxw = doc_words(d, &W), parsed = 0;
    syn_state st = {0};
    if (syn_state_reserve(&st, maxw, d->arena)) abort();
    for (uint32_t s = 0; s < d->n_sents; s++) {
        if (want && !want[s]) continue;
        const dyad_sentence *sent = &d->sents[s];
        uint32_t n = sentence_words(d, s, &W);
        /* The tags syntax_tag gave: a token's are its first word's, so a
         * sentence with a split token is tagged again (the tagger is
         * deterministic: the same tags, and contractions are rare). */
        if (n != sent->ntok) tag_words(m, d, &W, n);
        else
            for (uint32_t i = 0; i < n; i++) { W.upos[i] = d->syn[W.tok[i]].upos; W.xpos[i] = d->syn[W.tok[i]].xpos; }
        parse_words(P, &st, &W, n);
        parsed++;
        d->n_parsed++;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t t = W.tok[i];
            if (i > 0 && W.tok[i - 1] == t) continue;   /* the token has its first word's parse */
            dyad_syn *y = &d->syn[t];
            /* The head token: the head word's token, leaving this token. */
            int32_t h = W.head[i];
            int lab = W.label[i];
            for (int hops = 0; h >= 0 && W.tok[h] == t && hops < 4; hops++) { lab = W.label[h]; h = W.head[h]; }
            y->head = h >= 0 && W.tok[h] != t ? (int32_t)W.tok[h] : -1;
            y->deprel = (uint8_t)(y->head < 0 ? DYAD_DEP_ROOT : lab == DYAD_DEP_ROOT ? DYAD_DEP_DEP : lab);
        }
    }
    return parsed;
}

void syntax_process(const syntax_model *m, dyad_doc *d)
{
    syntax_tag(m, d);
    syntax_parse(m, d, NULL);
}
