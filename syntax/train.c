/*
 * train.c - training loops.  Sentences are visited in an order shuffled
 * per iteration by a seeded xorshift, so a run is reproducible from its
 * options.  After every iteration the averaged weights are quantised (the
 * model exactly as it will be saved) and scored on the dev treebank; the
 * best iteration is kept (without a dev set: the last).
 *
 * The parser learns from predicted tags, not gold ones (with gold tags it
 * trusts them more than it can at run time): with jackknife K, K taggers
 * each trained on all folds but one tag the held-out fold.
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_TAGGER_BITS 17
#define DEFAULT_MOVE_BITS 21
#define DEFAULT_LABEL_BITS 16
#define LEXICON_MIN_COUNT 5

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    return *s = x;
}

static void shuffle(uint32_t *v, uint32_t n, uint64_t *rng)
{
    for (uint32_t i = n; i > 1; i--) {
        uint32_t j = (uint32_t)(rng_next(rng) % i);
        uint32_t t = v[i - 1]; v[i - 1] = v[j]; v[j] = t;
    }
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The (UPOS, XPOS) pairs seen at least min_count times, commonest first. */
static void tagger_classes(syn_tagger *T, const syn_treebank *tb, const uint8_t *use, uint32_t min_count)
{
    static uint32_t count[DYAD_UPOS_COUNT][DYAD_XPOS_COUNT];
    memset(count, 0, sizeof count);
    for (uint32_t s = 0; s < tb->n_sent; s++) {
        if (use && !use[s]) continue;
        for (uint32_t i = tb->sent[s]; i < tb->sent[s + 1]; i++) count[tb->upos[i]][tb->xpos[i]]++;
    }
    T->nclass = 0;
    for (;;) {
        uint32_t best = 0; int bu = 0, bx = 0;
        for (int u = 0; u < DYAD_UPOS_COUNT; u++)
            for (int x = 0; x < DYAD_XPOS_COUNT; x++)
                if (count[u][x] > best) { best = count[u][x]; bu = u; bx = x; }
        if (best < min_count || T->nclass == SYN_TAG_MAX) break;
        T->upos[T->nclass] = (uint8_t)bu;
        T->xpos[T->nclass] = (uint8_t)bx;
        T->nclass++;
        count[bu][bx] = 0;
    }
    if (!T->nclass) { T->upos[0] = DYAD_UPOS_X; T->xpos[0] = DYAD_XPOS_XX; T->nclass = 1; }
}

static double tagger_dev_accuracy(const syn_tagger *T, const syn_treebank *dev, const syn_word *dw, uint8_t *tags)
{
    uint64_t right = 0;
    for (uint32_t s = 0; s < dev->n_sent; s++) {
        uint32_t a = dev->sent[s], n = dev->sent[s + 1] - a;
        syn_tag(T, dw + a, n, tags);
        for (uint32_t i = 0; i < n; i++)
            right += (T->upos[tags[i]] == dev->upos[a + i]) + (T->xpos[tags[i]] == dev->xpos[a + i]);
    }
    return dev->n_word ? (double)right / (2.0 * dev->n_word) : 0;
}

/* Train on the sentences with use[s] (all when use is NULL). */
static int train_tagger_on(const syn_treebank *tb, const syn_word *tw, const uint8_t *use,
                           const syn_treebank *dev, const syn_word *dw, const syn_train_opts *o,
                           syn_tagger *T, char *err, size_t errlen)
{
    memset(T, 0, sizeof *T);
    uint32_t min_count = o->min_count ? o->min_count : LEXICON_MIN_COUNT;
    tagger_classes(T, tb, use, min_count);
    if (syn_weights_init(&T->W, o->bits ? o->bits : DEFAULT_TAGGER_BITS, T->nclass, 1)) {
        snprintf(err, errlen, "out of memory for the tagger's weights");
        return -1;
    }
    uint32_t maxlen = 1;
    uint8_t *gold = malloc(tb->n_word + 1);
    uint32_t *order = malloc(((size_t)tb->n_sent + 1) * sizeof *order), n_order = 0;
    for (uint32_t s = 0; s < tb->n_sent; s++) {
        if (use && !use[s]) continue;
        order[n_order++] = s;
        if (tb->sent[s + 1] - tb->sent[s] > maxlen) maxlen = tb->sent[s + 1] - tb->sent[s];
    }
    if (dev) for (uint32_t s = 0; s < dev->n_sent; s++)
        if (dev->sent[s + 1] - dev->sent[s] > maxlen) maxlen = dev->sent[s + 1] - dev->sent[s];
    for (uint32_t i = 0; i < tb->n_word; i++) gold[i] = (uint8_t)syn_tagger_class(T, tb->upos[i], tb->xpos[i]);
    {
        uint32_t *lower = malloc((tb->n_word + 1) * sizeof *lower), nl = 0;
        uint8_t *cls = malloc(tb->n_word + 1);
        for (uint32_t k = 0; k < n_order; k++)
            for (uint32_t i = tb->sent[order[k]]; i < tb->sent[order[k] + 1]; i++) { lower[nl] = tw[i].lower; cls[nl++] = gold[i]; }
        int r = syn_tagger_build_lexicon(T, lower, cls, nl, min_count);
        free(lower); free(cls);
        if (r) { snprintf(err, errlen, "out of memory for the tagger's lexicon"); syn_tagger_free(T); free(gold); free(order); return -1; }
    }
    uint8_t *tags = malloc(maxlen);
    size_t cells = ((size_t)1 << T->W.bits) * T->W.stride;
    int16_t *best_q = dev ? malloc(cells * sizeof *best_q) : NULL;
    double best = -1;
    int best_it = 0;
    uint64_t rng = o->seed * 2654435761u + 88172645463325252ull;
    uint32_t f[SYN_TAG_FEATS];
    float scores[SYN_TAG_MAX];
    for (int it = 1; it <= o->iters; it++) {
        double t0 = now();
        shuffle(order, n_order, &rng);
        uint64_t right = 0, total = 0;
        for (uint32_t k = 0; k < n_order; k++) {
            uint32_t s = order[k], a = tb->sent[s], n = tb->sent[s + 1] - a;
            for (uint32_t i = 0; i < n; i++) {
                int nf = syn_tagger_features(T, tw + a, n, i, tags, f);
                syn_weights_score_train(&T->W, f, nf, scores);
                uint32_t p = 0;
                for (uint32_t c = 1; c < T->nclass; c++) if (scores[c] > scores[p]) p = c;
                uint32_t g = gold[a + i];
                if (p != g) {
                    syn_weights_update(&T->W, f, nf, (int)g, 1.0f);
                    syn_weights_update(&T->W, f, nf, (int)p, -1.0f);
                }
                T->W.step++;
                tags[i] = (uint8_t)p;
                right += p == g;
                total++;
            }
        }
        syn_weights_quantize(&T->W);
        double acc = dev ? tagger_dev_accuracy(T, dev, dw, tags) : 0;
        if (!o->quiet)
            fprintf(stderr, "tagger iteration %d: train %.4f%s dev (UPOS+XPOS)/2 %.4f (%.1f s)\n", it,
                    total ? (double)right / total : 0, "", acc, now() - t0);
        if (dev && acc > best) { best = acc; best_it = it; memcpy(best_q, T->W.q, cells * sizeof *best_q); }
    }
    if (dev && best_q) {
        memcpy(T->W.q, best_q, cells * sizeof *best_q);
        if (!o->quiet) fprintf(stderr, "tagger: kept iteration %d (dev (UPOS+XPOS)/2 %.4f)\n", best_it, best);
    }
    free(best_q); free(tags); free(order); free(gold);
    free(T->W.w); free(T->W.u);
    T->W.w = NULL; T->W.u = NULL;
    return 0;
}

int syn_train_tagger(const syn_treebank *train, const syn_treebank *dev, const syn_train_opts *o,
                     syn_tagger *out, char *err, size_t errlen)
{
    syn_word *tw = syn_treebank_words(train), *dw = dev ? syn_treebank_words(dev) : NULL;
    int r = train_tagger_on(train, tw, NULL, dev, dw, o, out, err, errlen);
    free(tw); free(dw);
    return r;
}

/* Predicted tags (as parser tags) for every word of tb. */
static void tag_all(const syn_tagger *T, const syn_treebank *tb, const syn_word *w, const uint8_t *fold_of,
                    int fold, uint16_t *ptag)
{
    uint8_t tags[4096];
    for (uint32_t s = 0; s < tb->n_sent; s++) {
        if (fold_of && fold_of[s] != fold) continue;
        uint32_t a = tb->sent[s], n = tb->sent[s + 1] - a;
        if (n > sizeof tags) n = sizeof tags;
        syn_tag(T, w + a, n, tags);
        for (uint32_t i = 0; i < n; i++) ptag[a + i] = syn_ptag(T->upos[tags[i]], T->xpos[tags[i]]);
    }
}

static void parser_dev(const syn_parser *P, syn_state *st, const syn_treebank *dev, const syn_word *dw,
                       const uint16_t *ptag, double *uas, double *las)
{
    int32_t *head = malloc((dev->n_word + 1) * sizeof *head);
    uint8_t *label = malloc(dev->n_word + 1);
    uint64_t u = 0, l = 0;
    for (uint32_t s = 0; s < dev->n_sent; s++) {
        uint32_t a = dev->sent[s], n = dev->sent[s + 1] - a;
        syn_parse(P, st, dw + a, ptag + a, n, head + a, label + a);
        for (uint32_t i = a; i < a + n; i++) {
            if (head[i] != dev->head[i]) continue;
            u++;
            l += syn_deprel_main(label[i]) == syn_deprel_main(dev->deprel[i]);
        }
    }
    *uas = dev->n_word ? (double)u / dev->n_word : 0;
    *las = dev->n_word ? (double)l / dev->n_word : 0;
    free(head); free(label);
}

int syn_train_parser(const syn_treebank *train, const syn_treebank *dev, const syn_tagger *dev_tagger,
                     const syn_train_opts *o, syn_parser *P, char *err, size_t errlen)
{
    memset(P, 0, sizeof *P);
    syn_word *tw = syn_treebank_words(train), *dw = dev ? syn_treebank_words(dev) : NULL;
    uint16_t *tp = malloc((train->n_word + 1) * sizeof *tp), *dp = dev ? malloc((dev->n_word + 1) * sizeof *dp) : NULL;
    for (uint32_t i = 0; i < train->n_word; i++) tp[i] = syn_ptag(train->upos[i], train->xpos[i]);
    if (o->jackknife > 1) {
        uint8_t *fold_of = malloc(train->n_sent + 1), *use = malloc(train->n_sent + 1);
        for (uint32_t s = 0; s < train->n_sent; s++) fold_of[s] = (uint8_t)(s % (uint32_t)o->jackknife);
        syn_train_opts to = *o;
        to.iters = o->tagger_iters > 0 ? o->tagger_iters : 5;
        to.bits = 0;
        to.quiet = 1;
        for (int k = 0; k < o->jackknife; k++) {
            double t0 = now();
            for (uint32_t s = 0; s < train->n_sent; s++) use[s] = fold_of[s] != k;
            syn_tagger T;
            if (train_tagger_on(train, tw, use, NULL, NULL, &to, &T, err, errlen)) {
                free(fold_of); free(use); free(tw); free(dw); free(tp); free(dp);
                return -1;
            }
            tag_all(&T, train, tw, fold_of, k, tp);
            syn_tagger_free(&T);
            if (!o->quiet) fprintf(stderr, "jackknife fold %d of %d tagged (%.1f s)\n", k + 1, o->jackknife, now() - t0);
        }
        free(fold_of); free(use);
    }
    if (dev) {
        for (uint32_t i = 0; i < dev->n_word; i++) dp[i] = syn_ptag(dev->upos[i], dev->xpos[i]);
        if (dev_tagger) tag_all(dev_tagger, dev, dw, NULL, 0, dp);
    }
    uint32_t move_bits = o->bits ? o->bits : DEFAULT_MOVE_BITS;
    uint32_t label_bits = o->label_bits ? o->label_bits : DEFAULT_LABEL_BITS;
    if (syn_weights_init(&P->T, move_bits, SYN_MOVES, 1) ||
        syn_weights_init(&P->L, label_bits, DYAD_DEP_COUNT, 1)) {
        snprintf(err, errlen, "out of memory for the parser's weights");
        syn_parser_free(P);
        free(tw); free(dw); free(tp); free(dp);
        return -1;
    }
    uint32_t *order = malloc(((size_t)train->n_sent + 1) * sizeof *order);
    for (uint32_t s = 0; s < train->n_sent; s++) order[s] = s;
    int32_t *head = malloc((train->n_word + 1) * sizeof *head);
    uint8_t *label = malloc(train->n_word + 1);
    size_t tcells = ((size_t)1 << P->T.bits) * P->T.stride, lcells = ((size_t)1 << P->L.bits) * P->L.stride;
    int16_t *bt = malloc(tcells * sizeof *bt), *bl = malloc(lcells * sizeof *bl);
    syn_state st = {0};
    st.rng = o->seed * 0x9E3779B97F4A7C15ull + 1442695040888963407ull;
    uint64_t rng = o->seed * 2654435761u + 88172645463325252ull;
    double best = -1;
    int best_it = 0;
    for (int it = 1; it <= o->iters; it++) {
        double t0 = now();
        shuffle(order, train->n_sent, &rng);
        uint64_t right = 0;
        double explore = it > 1 ? o->explore : 0.0;
        for (uint32_t k = 0; k < train->n_sent; k++) {
            uint32_t s = order[k], a = train->sent[s], n = train->sent[s + 1] - a;
            right += syn_parse_train(P, &st, tw + a, tp + a, n, train->head + a, train->deprel + a, explore,
                                     head + a, label + a);
        }
        syn_weights_quantize(&P->T);
        syn_weights_quantize(&P->L);
        double uas = 0, las = 0;
        if (dev) parser_dev(P, &st, dev, dw, dp, &uas, &las);
        if (!o->quiet)
            fprintf(stderr, "parser iteration %d: train UAS %.4f dev UAS %.4f LAS %.4f (%.1f s)\n", it,
                    train->n_word ? (double)right / train->n_word : 0, uas, las, now() - t0);
        if (!dev || las > best) {
            best = las; best_it = it;
            memcpy(bt, P->T.q, tcells * sizeof *bt);
            memcpy(bl, P->L.q, lcells * sizeof *bl);
        }
    }
    memcpy(P->T.q, bt, tcells * sizeof *bt);
    memcpy(P->L.q, bl, lcells * sizeof *bl);
    if (dev && !o->quiet) fprintf(stderr, "parser: kept iteration %d (dev LAS %.4f)\n", best_it, best);
    free(P->T.w); free(P->T.u); free(P->L.w); free(P->L.u);
    P->T.w = P->L.w = NULL; P->T.u = P->L.u = NULL;
    syn_state_free(&st);
    free(bt); free(bl); free(order); free(head); free(label);
    free(tw); free(dw); free(tp); free(dp);
    return 0;
}
