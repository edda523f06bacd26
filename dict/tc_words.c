/*
 * tc_words.c - dictionary words as document tokens, and the phrase trie
 * (see tc.h for the three ways a word matches a token).
 *
 * The trie is an open-addressing table of edges keyed by (node, word):
 * EXACT edges by token hash, STEM edges by the hash and length of the
 * stem.  To follow STEM edges the matcher hashes every prefix of the folded
 * token (one FNV pass gives all of them, since hash_folded is FNV over the
 * folded bytes) and probes only the prefixes the Bloom filter lets through,
 * so ordinary words cost a few bit tests, not a probe per prefix.
 */
#include "tc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define TC_BLOOM_BITS (1u << 18)

static void *xgrow(void *p, uint32_t *cap, uint32_t need, size_t el) { return dyad_grow(p, cap, need, el); }

/* ------------------------------------------------------------ pool */

uint32_t tc_pool_add(tc_pool *p, const char *s, size_t n)
{
    p->p = xgrow(p->p, &p->cap, p->n + (uint32_t)n + 1, 1);
    uint32_t off = p->n;
    memcpy(p->p + off, s, n);
    p->p[off + n] = 0;
    p->n += (uint32_t)n + 1;
    return off;
}

uint32_t tc_pool_pretty(tc_pool *p, const char *s)
{
    char buf[256];
    size_t k = 0;
    int start = 1;
    for (; *s && k + 1 < sizeof buf; s++) {
        char ch = *s == '_' ? ' ' : *s;
        if (ch == ' ' && (k == 0 || buf[k - 1] == ' ')) { start = 1; continue; }
        buf[k++] = start ? (char)toupper((unsigned char)ch) : (char)tolower((unsigned char)ch);
        start = ch == ' ' || ch == '-' || ch == '(';
    }
    while (k && buf[k - 1] == ' ') k--;
    return tc_pool_add(p, buf, k);
}

/* ------------------------------------------------------------ words */

uint32_t tc_words_add(tc_words *ws, tc_pool *pool, const char *text, int kind, int join,
                      dyad_token **scratch, uint32_t *scratch_cap)
{
    uint32_t n = 0, len = (uint32_t)strlen(text);
    dyad_tokenize(text, len, scratch, &n, scratch_cap);
    for (uint32_t i = 0; i < n; i++) {
        const dyad_token *t = &(*scratch)[i];
        char f[TC_MAX_FOLD];
        size_t fl = fold_word(text + t->off, t->len, f, sizeof f);
        ws->w = xgrow(ws->w, &ws->cap, ws->n + 1, sizeof *ws->w);
        tc_word *w = &ws->w[ws->n++];
        int last = i + 1 == n;
        w->hash = t->hash;
        w->kind = (uint8_t)(last ? kind : TC_EXACT);
        w->join = (uint8_t)(last ? join : 1);
        w->len = (uint16_t)fl;
        w->text = tc_pool_add(pool, f, fl);
        w->nforms = 0;
        if (w->kind == TC_FORMS) {
            /* The forms as hashes: matching is then a few integer compares. */
            char forms[8][TC_MAX_FOLD];
            uint32_t h[8];
            int nf = tc_regular_forms(f, fl, 1, forms);
            for (int k = 0; k < nf; k++) h[k] = hash_folded(forms[k], strlen(forms[k]));
            w->forms = tc_pool_add(pool, (const char *)h, (size_t)nf * sizeof *h);
            w->nforms = (uint8_t)nf;
            if (!nf) w->kind = TC_EXACT;
        }
    }
    return n;
}

static int vowel(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u'; }

int tc_word_match(const char *pool, const tc_word *w, uint32_t h, const char *f, uint32_t fn)
{
    if (w->kind == TC_EXACT) return h == w->hash;
    if (w->kind == TC_STEM) return fn >= w->len && f[0] == pool[w->text] && !memcmp(f, pool + w->text, w->len);
    for (uint32_t k = 0; k < w->nforms; k++) {
        uint32_t x;
        memcpy(&x, pool + w->forms + k * sizeof x, sizeof x);
        if (x == h) return 1;
    }
    return 0;
}

int tc_regular_forms(const char *w, size_t n, int verb, char out[8][TC_MAX_FOLD])
{
    int k = 0;
    if (!n || n + 4 >= TC_MAX_FOLD) return 0;
    snprintf(out[k++], TC_MAX_FOLD, "%.*s", (int)n, w);
    int cy = n >= 2 && w[n - 1] == 'y' && !vowel(w[n - 2]);
    int sib = w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z' ||
              (n >= 2 && (w[n - 1] == 'h') && (w[n - 2] == 'c' || w[n - 2] == 's'));
    if (cy) snprintf(out[k++], TC_MAX_FOLD, "%.*sies", (int)n - 1, w);
    else if (sib) snprintf(out[k++], TC_MAX_FOLD, "%.*ses", (int)n, w);
    else snprintf(out[k++], TC_MAX_FOLD, "%.*ss", (int)n, w);
    if (!verb) return k;
    if (cy) snprintf(out[k++], TC_MAX_FOLD, "%.*sied", (int)n - 1, w);
    else if (w[n - 1] == 'e') snprintf(out[k++], TC_MAX_FOLD, "%.*sd", (int)n, w);
    else snprintf(out[k++], TC_MAX_FOLD, "%.*sed", (int)n, w);
    if (w[n - 1] == 'e' && n >= 3 && w[n - 2] != 'e' && w[n - 2] != 'y' && w[n - 2] != 'o')
        snprintf(out[k++], TC_MAX_FOLD, "%.*sing", (int)n - 1, w);
    else snprintf(out[k++], TC_MAX_FOLD, "%.*sing", (int)n, w);
    return k;
}

uint32_t tc_fold_token(const dyad_doc *d, uint32_t k, char *buf)
{
    const dyad_token *t = &d->toks[k];
    return (uint32_t)fold_word(d->text + t->off, t->len, buf, TC_MAX_FOLD);
}

/* ------------------------------------------------------------ trie */

static uint32_t mix(uint32_t node, uint32_t hash, uint32_t stem)
{
    uint32_t h = hash ^ (node * 0x9e3779b1u) ^ (stem * 0x85ebca6bu);
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h;
}

static void bloom_set(tc_trie *t, uint32_t key) { t->bloom[(key % TC_BLOOM_BITS) >> 6] |= 1ull << (key & 63); }
static int bloom_has(const tc_trie *t, uint32_t key) { return (int)((t->bloom[(key % TC_BLOOM_BITS) >> 6] >> (key & 63)) & 1); }

static uint32_t new_node(tc_trie *t)
{
    t->nodes = xgrow(t->nodes, &t->cap_nodes, t->n_nodes + 1, sizeof *t->nodes);
    tc_tnode *n = &t->nodes[t->n_nodes];
    n->head = n->tail = UINT32_MAX;
    n->stems = 0;
    return t->n_nodes++;
}

void tc_trie_init(tc_trie *t)
{
    memset(t, 0, sizeof *t);
    t->mask = 1023;
    t->edges = calloc(t->mask + 1, sizeof *t->edges);
    t->bloom = calloc(TC_BLOOM_BITS / 64, sizeof *t->bloom);
    if (!t->edges || !t->bloom) { fputs("dyad: out of memory\n", stderr); abort(); }
    t->stem_min = UINT16_MAX;
    new_node(t);
}

void tc_trie_free(tc_trie *t)
{
    free(t->nodes); free(t->edges); free(t->pays); free(t->bloom); free(t->first);
    memset(t, 0, sizeof *t);
}

static tc_edge *edge_slot(tc_edge *edges, uint32_t mask, uint32_t node, uint32_t hash, uint16_t stem)
{
    for (uint32_t i = mix(node, hash, stem) & mask;; i = (i + 1) & mask) {
        tc_edge *e = &edges[i];
        if (!e->used || (e->node == node && e->hash == hash && e->stem == stem)) return e;
    }
}

static void grow_edges(tc_trie *t)
{
    if ((t->n_edges + 1) * 2 <= t->mask + 1) return;
    uint32_t old = t->mask + 1, mask = old * 2 - 1;
    tc_edge *e = calloc(mask + 1, sizeof *e);
    if (!e) { fputs("dyad: out of memory\n", stderr); abort(); }
    for (uint32_t i = 0; i < old; i++)
        if (t->edges[i].used) *edge_slot(e, mask, t->edges[i].node, t->edges[i].hash, t->edges[i].stem) = t->edges[i];
    free(t->edges);
    t->edges = e;
    t->mask = mask;
}

void tc_trie_add(tc_trie *t, const tc_word *w, uint32_t n, uint32_t value)
{
    if (!n) return;
    uint32_t node = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t stem = w[i].kind == TC_STEM ? w[i].len : 0;
        if (w[i].kind == TC_STEM && !stem) return;
        grow_edges(t);
        tc_edge *e = edge_slot(t->edges, t->mask, node, w[i].hash, stem);
        if (!e->used) {
            uint32_t child = new_node(t);
            e = edge_slot(t->edges, t->mask, node, w[i].hash, stem);   /* new_node may not move edges, but be safe */
            e->used = 1;
            e->node = node;
            e->hash = w[i].hash;
            e->stem = stem;
            e->child = child;
            t->n_edges++;
            if (stem) {
                t->nodes[node].stems = 1;
                bloom_set(t, mix(node, w[i].hash, stem));
                if (stem < t->stem_min) t->stem_min = stem;
                if (stem > t->stem_max) t->stem_max = stem;
            }
        }
        node = e->child;
    }
    t->pays = xgrow(t->pays, &t->cap_pays, t->n_pays + 1, sizeof *t->pays);
    uint32_t p = t->n_pays++;
    t->pays[p].value = value;
    t->pays[p].next = UINT32_MAX;
    tc_tnode *nd = &t->nodes[node];
    if (nd->tail == UINT32_MAX) nd->head = p;
    else t->pays[nd->tail].next = p;
    nd->tail = p;
    t->n_phrases++;
}

void tc_trie_finish(tc_trie *t)
{
    /* 16 bits per first word: few false hits, and small enough to stay in
     * cache (a filter sized for the biggest trie cost more in misses than
     * it saved in probes). */
    uint32_t roots = 0;
    for (uint32_t i = 0; i <= t->mask; i++) roots += t->edges[i].used && !t->edges[i].node && !t->edges[i].stem;
    uint32_t bits = 4096;
    while (bits < roots * 16u && bits < (1u << 24)) bits *= 2;
    free(t->first);
    t->first = calloc(bits / 64, sizeof *t->first);
    if (!t->first) { fputs("dyad: out of memory\n", stderr); abort(); }
    t->first_mask = bits - 1;
    for (uint32_t i = 0; i <= t->mask; i++) {
        const tc_edge *e = &t->edges[i];
        if (e->used && !e->node && !e->stem) t->first[(e->hash & t->first_mask) >> 6] |= 1ull << (e->hash & 63);
    }
}

static const tc_edge *edge_find(const tc_trie *t, uint32_t node, uint32_t hash, uint16_t stem)
{
    for (uint32_t i = mix(node, hash, stem) & t->mask;; i = (i + 1) & t->mask) {
        const tc_edge *e = &t->edges[i];
        if (!e->used) return NULL;
        if (e->node == node && e->hash == hash && e->stem == stem) return e;
    }
}

typedef struct { uint32_t node, stems, stemchars; } state;

uint32_t tc_trie_longest(const tc_trie *t, const dyad_doc *d, uint32_t i, uint32_t end, uint32_t *node)
{
    state cur[8], next[8];
    int nc = 1, nn;
    cur[0] = (state){0, 0, 0};
    uint32_t best = 0;
    state bs = {0, 0, 0};
    for (uint32_t k = i; k < end && nc; k++) {
        const dyad_token *tok = &d->toks[k];
        nn = 0;
        char f[TC_MAX_FOLD];
        uint32_t fn = 0, pre[TC_MAX_FOLD + 1];
        int folded = 0;
        for (int s = 0; s < nc; s++) {
            /* Most tokens start no phrase: one bit test instead of a probe. */
            int maybe = cur[s].node || !t->first || ((t->first[(tok->hash & t->first_mask) >> 6] >> (tok->hash & 63)) & 1);
            const tc_edge *e = maybe ? edge_find(t, cur[s].node, tok->hash, 0) : NULL;
            if (e && nn < 8) next[nn++] = (state){e->child, cur[s].stems, cur[s].stemchars};
            if (!t->nodes[cur[s].node].stems) continue;
            if (!folded) {
                fn = tc_fold_token(d, k, f);
                uint32_t h = HASH_SEED;
                for (uint32_t q = 0; q < fn; q++) { h ^= (unsigned char)f[q]; h *= 16777619u; pre[q + 1] = h; }
                folded = 1;
            }
            uint32_t hi = fn < t->stem_max ? fn : t->stem_max;
            for (uint32_t L = t->stem_min; L <= hi; L++) {
                if (!bloom_has(t, mix(cur[s].node, pre[L], (uint16_t)L))) continue;
                const tc_edge *se = edge_find(t, cur[s].node, pre[L], (uint16_t)L);
                if (se && nn < 8) next[nn++] = (state){se->child, cur[s].stems + 1, cur[s].stemchars + L};
            }
        }
        for (int s = 0; s < nn; s++) {
            const tc_tnode *nd = &t->nodes[next[s].node];
            if (nd->head == UINT32_MAX) continue;
            uint32_t len = k - i + 1;
            if (len > best || next[s].stems < bs.stems || (next[s].stems == bs.stems && next[s].stemchars > bs.stemchars)) {
                best = len;
                bs = next[s];
            }
        }
        memcpy(cur, next, sizeof(state) * (size_t)nn);
        nc = nn;
    }
    if (best) *node = bs.node;
    return best;
}
