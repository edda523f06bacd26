/*
 * parser.c - the dependency parser: greedy arc-hybrid transitions (Kuhlmann
 * et al. 2011) scored by an averaged perceptron, and a second perceptron
 * that labels each arc when it is made (when a word is popped it has all
 * its dependents, so the labeller sees them: a "by" case child, an
 * aux:pass sibling).
 *
 * Configuration: a stack with ROOT (internal index 0) at the bottom and the
 * buffer bi..n (words are 1..n inside this file).  SHIFT pushes b0; LEFT
 * pops s0 as a dependent of b0; RIGHT pops s0 as a dependent of s1.  RIGHT
 * onto ROOT only once the buffer is empty, so every tree has one root.
 *
 * Training follows Goldberg & Nivre (2013): a dynamic oracle gives each
 * move its cost (gold arcs it makes unreachable), the update is towards the
 * best-scoring cheapest move, and with probability `explore` the parser
 * follows its own (possibly wrong) move so that it learns to recover.
 *
 * Transition features are the Zhang & Nivre (2011) kind: words, tags and
 * labels of s0, s1, s2, b0, b1, b2 and of the outermost dependents of s0
 * and b0; tag trigrams, distance and valency; for RIGHT, s1 against s0
 * (their distance, s1's right valency and outer children).
 *
 * Model payload: the transition weights, then the label weights.
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

#define NONE_W 0x51ed27u
#define ROOT_W 0x7007u

typedef struct {
    const syn_word *w;
    const uint16_t *ptag;
    uint32_t n;
    int32_t *stack; uint32_t sp;
    uint32_t bi;                     /* b0; n + 1 when the buffer is empty */
    int32_t *head; uint8_t *label;   /* internal indexes */
    int32_t *lc1, *lc2, *rc1, *rc2;
    uint8_t *nl, *nr;
    uint64_t *lset;                  /* labels of each word's dependents */
} config;

void syn_state_free(syn_state *s)
{
    free(s->block);
    memset(s, 0, sizeof *s);
}

int syn_state_reserve(syn_state *s, uint32_t n, dyad_arena *arena)
{
    if (n + 2 <= s->cap) return 0;
    uint32_t cap = n + 2 > 64 ? n + 2 : 64;
    size_t per = sizeof(uint64_t) + 9 * sizeof(int32_t) + 4;
    void *b = arena ? dyad_arena_alloc(arena, per * cap) : calloc(cap, per);
    if (!b) return -1;
    if (!arena) free(s->block);
    s->block = arena ? NULL : b;
    s->cap = cap;
    /* The 8-byte array first, so that every array is aligned whatever cap is. */
    uint64_t *q = b;
    int32_t *p = (int32_t *)(q + cap);
    s->lset = q;
    s->stack = p; s->head = p + cap; s->lc1 = p + 2 * cap; s->lc2 = p + 3 * cap;
    s->rc1 = p + 4 * cap; s->rc2 = p + 5 * cap; s->gold_left_in_buf = p + 6 * cap;
    s->gold_kids_on_stack = p + 7 * cap; s->gold_head = p + 8 * cap;
    unsigned char *c = (unsigned char *)(p + 9 * (size_t)cap);
    s->nl = c; s->nr = c + cap; s->on_stack = c + 2 * cap; s->label = c + 3 * cap;
    return 0;
}

static void config_init(config *c, syn_state *s, const syn_word *w, const uint16_t *ptag, uint32_t n)
{
    c->w = w; c->ptag = ptag; c->n = n;
    c->stack = s->stack; c->head = s->head; c->label = s->label;
    c->lc1 = s->lc1; c->lc2 = s->lc2; c->rc1 = s->rc1; c->rc2 = s->rc2;
    c->nl = s->nl; c->nr = s->nr; c->lset = s->lset;
    for (uint32_t i = 0; i <= n; i++) {
        c->head[i] = -1; c->label[i] = 0;
        c->lc1[i] = c->lc2[i] = c->rc1[i] = c->rc2[i] = -1;
        c->nl[i] = c->nr[i] = 0; c->lset[i] = 0;
    }
    c->stack[0] = 0; c->sp = 1; c->bi = 1;
}

static inline uint32_t W_(const config *c, int32_t x) { return x < 0 ? NONE_W : x == 0 ? ROOT_W : c->w[x - 1].lower; }
/* Tags in the feature templates are UPOS alone: the (UPOS, XPOS) pair is
 * wrong twice as often, and a wrong tag costs the parser dearly; the pair
 * appears only in the X_ unigrams. */
static inline uint32_t P_(const config *c, int32_t x) { return x < 0 ? 0xfffe : x == 0 ? 0xffff : c->ptag[x - 1] & 31u; }
static inline uint32_t X_(const config *c, int32_t x) { return x < 0 ? 0xfffe : x == 0 ? 0xffff : c->ptag[x - 1]; }
static inline uint32_t L_(const config *c, int32_t x) { return x <= 0 ? 0xff : c->label[x]; }
static inline uint32_t S_(const config *c, int32_t x) { return x <= 0 ? (uint32_t)x : c->w[x - 1].suf[2]; }
static inline uint32_t H_(const config *c, int32_t x) { return x <= 0 ? (uint32_t)x : c->w[x - 1].shape; }
static inline int32_t ch(const int32_t *a, int32_t x) { return x < 0 ? -1 : a[x]; }

static uint32_t bucket(int32_t d)
{
    return d <= 4 ? (uint32_t)d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

#define F1(id, a) (f[k++] = syn_mix(id, a))
#define F2(id, a, b) (f[k++] = syn_mix(syn_mix(id, a), b))
#define F3(id, a, b, c3) (f[k++] = syn_mix(syn_mix(syn_mix(id, a), b), c3))

#define SYN_PARSE_FEATS 112

static int move_features(const config *c, uint32_t *f)
{
    int k = 0;
    int32_t s0 = c->sp >= 1 ? c->stack[c->sp - 1] : -1, s1 = c->sp >= 2 ? c->stack[c->sp - 2] : -1;
    int32_t s2 = c->sp >= 3 ? c->stack[c->sp - 3] : -1;
    int32_t b0 = c->bi <= c->n ? (int32_t)c->bi : -1;
    int32_t b1 = b0 > 0 && c->bi + 1 <= c->n ? b0 + 1 : -1, b2 = b1 > 0 && c->bi + 2 <= c->n ? b0 + 2 : -1;
    int32_t s0l = ch(c->lc1, s0), s0l2 = ch(c->lc2, s0), s0r = ch(c->rc1, s0), s0r2 = ch(c->rc2, s0);
    int32_t b0l = ch(c->lc1, b0), b0l2 = ch(c->lc2, b0), s1r = ch(c->rc1, s1);
    const int32_t ctx[12] = {b0, b1, b2, s0, s1, s2, b0l, b0l2, s0l, s0l2, s0r, s0r2};
    uint32_t w[12], p[12];
    for (int i = 0; i < 12; i++) { w[i] = W_(c, ctx[i]); p[i] = P_(c, ctx[i]); }
    F1(1, 0);
    for (uint32_t i = 0; i < 12; i++) { F1(10 + i, w[i]); F1(30 + i, p[i]); }
    for (uint32_t i = 0; i < 5; i++) F2(50 + i, w[i], p[i]);
    uint32_t ws0 = w[3], ps0 = p[3], wb0 = w[0], pb0 = p[0];
    F2(60, ws0, wb0);
    F3(61, wb0, pb0, ws0);
    F3(62, wb0, pb0, ps0);
    F3(63, ws0, ps0, wb0);
    F3(64, ws0, ps0, pb0);
    F3(65, ws0 ^ (ps0 << 7), wb0, pb0);
    F2(66, ps0, pb0);
    F2(67, pb0, p[1]);
    F2(68, p[4], ps0);
    F2(69, w[4], ws0);
    F3(70, pb0, p[1], p[2]);
    F3(71, ps0, pb0, p[1]);
    F3(72, ps0, p[4], pb0);
    F3(73, ps0, p[8], pb0);
    F3(74, ps0, p[10], pb0);
    F3(75, ps0, pb0, p[6]);
    F3(76, ps0, p[8], p[9]);
    F3(77, ps0, p[10], p[11]);
    F3(78, pb0, p[6], p[7]);
    F3(79, ps0, p[4], p[5]);
    uint32_t vl0 = s0 >= 0 ? c->nl[s0] : 9, vr0 = s0 >= 0 ? c->nr[s0] : 9, vlb = b0 >= 0 ? c->nl[b0] : 9;
    F2(80, ws0, vr0); F2(81, ws0, vl0); F2(82, wb0, vlb);
    F2(83, ps0, vr0); F2(84, ps0, vl0); F2(85, pb0, vlb);
    uint32_t d = s0 > 0 && b0 > 0 ? bucket(b0 - s0) : 0;
    F2(86, ws0, d); F2(87, wb0, d); F2(88, ps0, d); F2(89, pb0, d);
    F3(90, ws0, wb0, d); F3(91, ps0, pb0, d);
    F1(92, L_(c, s0l)); F1(93, L_(c, s0l2)); F1(94, L_(c, s0r)); F1(95, L_(c, s0r2));
    F1(96, L_(c, b0l)); F1(97, L_(c, b0l2));
    F3(98, ps0, L_(c, s0l), L_(c, s0r));
    F2(99, pb0, L_(c, b0l));
    F2(100, ps0, s0 >= 0 ? (uint32_t)(c->lset[s0] ^ c->lset[s0] >> 32) : 0);
    F2(101, pb0, b0 >= 0 ? (uint32_t)(c->lset[b0] ^ c->lset[b0] >> 32) : 0);
    F2(102, p[4], L_(c, s1r));
    /* Suffixes and shapes: what a wrong tag hides ("seized", "Lee"). */
    F1(103, S_(c, s0)); F1(104, S_(c, b0)); F1(105, S_(c, s1)); F1(106, S_(c, b1));
    F2(107, S_(c, s0), S_(c, b0));
    F1(108, H_(c, s0)); F1(109, H_(c, b0));
    F2(110, wb0, w[1]);
    F3(111, ws0, pb0, p[1]);
    F3(112, p[4], ws0, pb0);
    F3(113, w[4], ps0, pb0);
    F1(114, X_(c, s0)); F1(115, X_(c, b0)); F1(116, X_(c, s1)); F1(117, X_(c, b1));
    F2(118, X_(c, s0), X_(c, b0));
    /* s1 against s0, what a RIGHT decides: their distance, s1's right
     * valency and outer children; labels beside words; label sets of
     * s0 and b0 with both tags. */
    int32_t s1l = ch(c->lc1, s1);
    uint32_t d01 = s0 > 0 && s1 > 0 ? bucket(s0 - s1) : 0, vr1 = s1 >= 0 ? c->nr[s1] : 9;
    F3(119, p[4], ps0, d01);
    F3(120, w[4], ws0, d01);
    F2(121, p[4], vr1);
    F2(122, p[4], P_(c, s1l));
    F3(123, p[4], P_(c, s1r), ps0);
    F2(124, ws0, L_(c, s0l));
    F2(125, wb0, L_(c, b0l));
    F3(126, ps0, pb0, b0 >= 0 ? (uint32_t)(c->lset[b0] ^ c->lset[b0] >> 32) : 0);
    F3(127, ps0, pb0, s0 >= 0 ? (uint32_t)(c->lset[s0] ^ c->lset[s0] >> 32) : 0);
    return k;
}

#define SYN_LABEL_FEATS 28

static int label_features(const config *c, int32_t h, int32_t d, int right, uint32_t *f)
{
    int k = 0;
    uint32_t wd = W_(c, d), pd = P_(c, d), wh = W_(c, h), ph = P_(c, h);
    uint32_t dir = (uint32_t)right;
    int32_t dl = c->lc1[d], dr = c->rc1[d], hl = c->lc1[h];
    uint32_t dset = (uint32_t)(c->lset[d] ^ c->lset[d] >> 32), hset = (uint32_t)(c->lset[h] ^ c->lset[h] >> 32);
    int32_t b0 = c->bi <= c->n ? (int32_t)c->bi : -1;
    int32_t nb = right ? b0 : (b0 > 0 && c->bi + 1 <= c->n ? b0 + 1 : -1);
    F1(1, dir);
    F2(2, wd, dir); F2(3, pd, dir); F2(4, wh, dir); F2(5, ph, dir);
    F3(6, pd, ph, dir); F3(7, wd, ph, dir); F3(8, pd, wh, dir); F3(9, wd, wh, dir);
    F3(10, pd, ph, bucket(d > h ? d - h : h - d) << 1 | dir);
    F2(11, pd, L_(c, dl)); F2(12, pd, L_(c, dr));
    F3(13, pd, dset, dir); F3(14, ph, hset, dir);
    F3(15, W_(c, dl), pd, dir); F3(16, W_(c, dl), ph, dir);
    F3(17, ph, L_(c, hl), dir);
    F3(18, pd, ph, P_(c, nb));
    F3(19, wd, dset, dir);
    F3(20, W_(c, dr), pd, dir);
    F3(21, pd, ph, dset);
    /* Penn tags (VBN: a passive), the suffix, the tags beside the
     * dependent, both label sets, the word at its distance, valencies. */
    F3(22, X_(c, d), X_(c, h), dir);
    F3(23, S_(c, d), ph, dir);
    F3(24, P_(c, d > 1 ? d - 1 : -1), pd, P_(c, d < (int32_t)c->n ? d + 1 : -1));
    F3(25, pd, hset, dset);
    F3(26, wd, ph, bucket(d > h ? d - h : h - d) << 1 | dir);
    F3(27, pd, (uint32_t)c->nl[d] << 8 | c->nr[d], dir);
    return k;
}

static int best_label(const int32_t *scores, uint32_t n)
{
    int best = DYAD_DEP_PUNCT;
    for (uint32_t l = DYAD_DEP_PUNCT + 1; l < n; l++)
        if (scores[l] > scores[best]) best = (int)l;
    return best;
}

static int best_label_f(const float *scores, uint32_t n)
{
    int best = DYAD_DEP_PUNCT;
    for (uint32_t l = DYAD_DEP_PUNCT + 1; l < n; l++)
        if (scores[l] > scores[best]) best = (int)l;
    return best;
}

static void add_arc(config *c, int32_t h, int32_t d, int label)
{
    c->head[d] = h;
    c->label[d] = (uint8_t)label;
    c->lset[h] |= 1ull << (label & 63);
    if (d < h) {
        if (c->lc1[h] < 0 || d < c->lc1[h]) { c->lc2[h] = c->lc1[h]; c->lc1[h] = d; }
        else if (c->lc2[h] < 0 || d < c->lc2[h]) c->lc2[h] = d;
        if (c->nl[h] < 255) c->nl[h]++;
    } else {
        if (c->rc1[h] < 0 || d > c->rc1[h]) { c->rc2[h] = c->rc1[h]; c->rc1[h] = d; }
        else if (c->rc2[h] < 0 || d > c->rc2[h]) c->rc2[h] = d;
        if (c->nr[h] < 255) c->nr[h]++;
    }
}

static void valid_moves(const config *c, int *ok)
{
    int32_t s1 = c->sp >= 2 ? c->stack[c->sp - 2] : -1;
    ok[SYN_SHIFT] = c->bi <= c->n;
    ok[SYN_LEFT] = c->sp >= 2 && c->bi <= c->n;
    ok[SYN_RIGHT] = c->sp >= 2 && (s1 != 0 || c->bi > c->n);
}

/* Apply a move; the arc's (head, dependent) go to *h, *d (or -1). */
static void apply(config *c, int move, int32_t *h, int32_t *d)
{
    *h = *d = -1;
    if (move == SYN_SHIFT) { c->stack[c->sp++] = (int32_t)c->bi++; return; }
    *d = c->stack[--c->sp];
    *h = move == SYN_LEFT ? (int32_t)c->bi : c->stack[c->sp - 1];
}

void syn_parse(const syn_parser *P, syn_state *st, const syn_word *w, const uint16_t *ptag, uint32_t n,
               int32_t *head, uint8_t *label)
{
    config c;
    uint32_t f[SYN_PARSE_FEATS + 24];
    int32_t scores[DYAD_DEP_COUNT + 8];
    if (syn_state_reserve(st, n, NULL)) abort();
    config_init(&c, st, w, ptag, n);
    while (c.bi <= n || c.sp > 1) {
        int ok[SYN_MOVES];
        valid_moves(&c, ok);
        int nf = move_features(&c, f);
        syn_weights_score(&P->T, f, nf, scores);
        int best = -1;
        for (int m = 0; m < SYN_MOVES; m++)
            if (ok[m] && (best < 0 || scores[m] > scores[best])) best = m;
        int32_t h, d;
        apply(&c, best, &h, &d);
        if (d < 0) continue;
        int lab = DYAD_DEP_ROOT;
        if (h > 0) {
            nf = label_features(&c, h, d, best == SYN_RIGHT, f);
            syn_weights_score(&P->L, f, nf, scores);
            lab = best_label(scores, P->L.nclass);
        }
        add_arc(&c, h, d, lab);
    }
    for (uint32_t i = 1; i <= n; i++) { head[i - 1] = c.head[i] - 1; label[i - 1] = c.label[i]; }
}

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    return *s = x;
}

uint32_t syn_parse_train(syn_parser *P, syn_state *st, const syn_word *w, const uint16_t *ptag, uint32_t n,
                         const int32_t *gold_head, const uint8_t *gold_label, double explore,
                         int32_t *head, uint8_t *label)
{
    config c;
    uint32_t f[SYN_PARSE_FEATS + 24];
    float scores[DYAD_DEP_COUNT + 8];
    if (syn_state_reserve(st, n, NULL)) abort();
    config_init(&c, st, w, ptag, n);
    int32_t *gh = st->gold_head, *in_buf = st->gold_left_in_buf, *on_stack_kids = st->gold_kids_on_stack;
    uint8_t *on_stack = st->on_stack;
    for (uint32_t i = 0; i <= n; i++) { in_buf[i] = on_stack_kids[i] = 0; on_stack[i] = 0; }
    on_stack[0] = 1;
    gh[0] = -1;
    for (uint32_t i = 1; i <= n; i++) { gh[i] = gold_head[i - 1] + 1; in_buf[gh[i]]++; }
    while (c.bi <= n || c.sp > 1) {
        int ok[SYN_MOVES], cost[SYN_MOVES];
        valid_moves(&c, ok);
        int32_t s0 = c.stack[c.sp - 1], s1 = c.sp >= 2 ? c.stack[c.sp - 2] : -1, b0 = (int32_t)c.bi;
        cost[SYN_SHIFT] = ok[SYN_SHIFT] ? (on_stack[gh[b0]] && gh[b0] != s0) + on_stack_kids[b0] : 0;
        cost[SYN_LEFT] = ok[SYN_LEFT] ? (gh[s0] == s1 || gh[s0] > b0) + in_buf[s0] : 0;
        cost[SYN_RIGHT] = ok[SYN_RIGHT] ? (gh[s0] >= b0 && c.bi <= n) + in_buf[s0] : 0;
        int nf = move_features(&c, f);
        syn_weights_score_train(&P->T, f, nf, scores);
        int pred = -1, gold = -1, min = 1 << 30;
        for (int m = 0; m < SYN_MOVES; m++) if (ok[m] && cost[m] < min) min = cost[m];
        for (int m = 0; m < SYN_MOVES; m++) {
            if (!ok[m]) continue;
            if (pred < 0 || scores[m] > scores[pred]) pred = m;
            if (cost[m] == min && (gold < 0 || scores[m] > scores[gold])) gold = m;
        }
        if (cost[pred] > min) {
            syn_weights_update(&P->T, f, nf, gold, 1.0f);
            syn_weights_update(&P->T, f, nf, pred, -1.0f);
        }
        P->T.step++;
        int move = gold;
        if (explore > 0 && (double)(rng_next(&st->rng) >> 11) / 9007199254740992.0 < explore) move = pred;
        if (move == SYN_SHIFT) {
            in_buf[gh[b0]]--;
            on_stack_kids[gh[b0]]++;
            on_stack[b0] = 1;
        } else {
            on_stack_kids[gh[s0]]--;
            on_stack[s0] = 0;
        }
        int32_t h, d;
        apply(&c, move, &h, &d);
        if (d < 0) continue;
        int lab = DYAD_DEP_ROOT;
        if (h > 0) {
            nf = label_features(&c, h, d, move == SYN_RIGHT, f);
            syn_weights_score_train(&P->L, f, nf, scores);
            lab = best_label_f(scores, P->L.nclass);
            if (gh[d] == h) {
                int g = gold_label[d - 1];
                if (g > DYAD_DEP_ROOT && g != lab) {
                    syn_weights_update(&P->L, f, nf, g, 1.0f);
                    syn_weights_update(&P->L, f, nf, lab, -1.0f);
                }
                P->L.step++;
            }
        }
        add_arc(&c, h, d, lab);
    }
    uint32_t right = 0;
    for (uint32_t i = 1; i <= n; i++) {
        head[i - 1] = c.head[i] - 1; label[i - 1] = c.label[i];
        right += c.head[i] == gh[i];
    }
    return right;
}

int syn_parser_save(const syn_parser *P, const char *path, char *err, size_t errlen)
{
    dbuf b = {0};
    syn_weights_write(&b, &P->T);
    syn_weights_write(&b, &P->L);
    int r = syn_model_save(path, SYN_KIND_PARSER, &b, err, errlen);
    dbuf_free(&b);
    return r;
}

int syn_parser_load(syn_parser *P, const char *path, char *err, size_t errlen)
{
    memset(P, 0, sizeof *P);
    unsigned char *data;
    size_t len;
    if (syn_model_read(path, SYN_KIND_PARSER, &data, &len, err, errlen)) return -1;
    syn_reader r = {data, data + len, 0};
    if (syn_weights_read(&r, &P->T) || P->T.nclass != SYN_MOVES) r.bad = 1;
    if (!r.bad && (syn_weights_read(&r, &P->L) || P->L.nclass != DYAD_DEP_COUNT)) r.bad = 1;
    if (!r.bad && r.p != r.end) r.bad = 1;
    free(data);
    if (r.bad) {
        syn_parser_free(P);
        snprintf(err, errlen, "%s: parser model is inconsistent (its checksum is right: written by another version?)", path);
        return -1;
    }
    return 0;
}

void syn_parser_free(syn_parser *P)
{
    syn_weights_free(&P->T);
    syn_weights_free(&P->L);
}
