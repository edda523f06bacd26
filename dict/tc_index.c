/*
 * tc_index.c - an index over the pattern variants of big verb blocks.
 *
 * TABARI's SAID has 1,467 patterns and "said" is in most news sentences:
 * trying them one by one, even with signatures, would dominate the coding
 * time.  So each variant of a block with at least TC_INDEX_MIN variants is
 * filed under one word it cannot match without -- the one likeliest to be
 * rare -- and the coder looks up only the words of the clause (and their
 * first three letters, for stems): what comes back, plus the variants that
 * require no word at all ("keyless"), is all that can match.  Each key's
 * list is in TABARI order, so the coder still finds the same winner.
 */
#include "tc.h"

#include <stdlib.h>
#include <string.h>

static void *xgrow(void *p, uint32_t *cap, uint32_t need, size_t el) { return dyad_grow(p, cap, need, el); }

#define TC_INDEX_MIN 24               /* smaller blocks are simply scanned */

static uint32_t key_mix(uint32_t block, uint8_t kind, uint32_t hash)
{
    uint32_t h = hash ^ (block * 0x9e3779b1u) ^ kind;
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    return h;
}

static tc_vkey *vkey_slot(tc_vkey *t, uint32_t mask, uint32_t block, uint8_t kind, uint32_t hash)
{
    for (uint32_t i = key_mix(block, kind, hash) & mask;; i = (i + 1) & mask)
        if (!t[i].used || (t[i].block == block && t[i].kind == kind && t[i].hash == hash)) return &t[i];
}

const tc_vkey *tc_vkey_find(const tabari_coder *c, uint32_t block, uint8_t kind, uint32_t hash)
{
    if (!c->vkeys) return NULL;
    uint32_t h = key_mix(block, kind, hash);
    if (!((c->vkey_bits[(h >> 6) & 1023] >> (h & 63)) & 1)) return NULL;
    const tc_vkey *k = vkey_slot(c->vkeys, c->vkey_mask, block, kind, hash);
    return k->used ? k : NULL;
}

static void vkeys_reserve(tabari_coder *c, uint32_t more)
{
    uint32_t size = c->vkeys ? c->vkey_mask + 1 : 0;
    if ((c->n_vkeys + more) * 2 <= size) return;
    uint32_t ns = size ? size : 1024;
    while ((c->n_vkeys + more) * 2 > ns) ns *= 2;
    tc_vkey *t = calloc(ns, sizeof *t);
    if (!t) { fputs("dyad: out of memory\n", stderr); abort(); }
    for (uint32_t i = 0; i < size; i++)
        if (c->vkeys[i].used) *vkey_slot(t, ns - 1, c->vkeys[i].block, c->vkeys[i].kind, c->vkeys[i].hash) = c->vkeys[i];
    free(c->vkeys);
    c->vkeys = t;
    c->vkey_mask = ns - 1;
}

/* Words too common to file a pattern under: a clause nearly always has one. */
static int common_word(const char *w)
{
    static const char *const list[] = {
        "the", "to", "of", "in", "on", "for", "and", "a", "an", "with", "by", "at", "is", "was", "will",
        "has", "have", "had", "be", "been", "that", "from", "as", "it", "its", "not", "would", "are",
        "were", "said", "he", "they", "this", "which", "who", "but", "or", "after", "over", "into", NULL,
    };
    for (const char *const *p = list; *p; p++) if (!strcmp(*p, w)) return 1;
    return 0;
}

/* The word a variant is filed under, the one likeliest to be rare: the
 * longest required exact word that is not a common one, else a stem's first
 * three letters, else a common word; 0 when it requires no word at all. */
static uint8_t var_key(const tabari_coder *c, const tc_var *v, uint32_t *hash)
{
    uint8_t kind = 0;
    int best = -1;
    for (uint32_t i = 0; i < (uint32_t)v->n_lo + v->n_up; i++) {
        const tc_item *it = &c->items[v->item_at + i];
        if (it->kind != TI_WORDS) continue;
        for (uint32_t k = 0; k < it->n; k++) {
            const tc_word *w = &c->pw.w[it->a + k];
            const char *text = c->pool.p + w->text;
            int score;
            if (w->kind == TC_EXACT) score = common_word(text) ? w->len : 1000 + w->len;
            else if (w->len >= (w->kind == TC_STEM ? 3 : 4)) score = 500;
            else continue;
            if (score <= best) continue;
            best = score;
            kind = w->kind == TC_EXACT ? TC_KEY_WORD : TC_KEY_PRE3;
            *hash = w->kind == TC_EXACT ? w->hash : hash_folded(text, 3);
        }
    }
    return kind;
}

void tc_index_block(tabari_coder *c, uint32_t bi)
{
    tc_block *tb = &c->blocks[bi];
    if (tb->n_var < TC_INDEX_MIN) return;
    vkeys_reserve(c, tb->n_var);
    c->vidx = xgrow(c->vidx, &c->cap_vidx, c->n_vidx + tb->n_var, sizeof *c->vidx);
    /* count, then place: each key's variants stay in TABARI order */
    uint32_t keyless = 0, hash = 0;
    for (uint32_t i = 0; i < tb->n_var; i++) {
        uint8_t kind = var_key(c, &c->vars[tb->var_at + i], &hash);
        if (!kind) { keyless++; continue; }
        tc_vkey *k = vkey_slot(c->vkeys, c->vkey_mask, bi, kind, hash);
        if (!k->used) {
            *k = (tc_vkey){bi, hash, 0, 0, kind, 1};
            c->n_vkeys++;
            uint32_t h = key_mix(bi, kind, hash);
            c->vkey_bits[(h >> 6) & 1023] |= 1ull << (h & 63);
        }
        k->n++;
    }
    tb->keyless_at = c->n_vidx;
    tb->n_keyless = 0;
    uint32_t next = c->n_vidx + keyless;
    for (uint32_t i = 0; i < tb->n_var; i++) {
        uint8_t kind = var_key(c, &c->vars[tb->var_at + i], &hash);
        if (!kind) { c->vidx[tb->keyless_at + tb->n_keyless++] = i; continue; }
        tc_vkey *k = vkey_slot(c->vkeys, c->vkey_mask, bi, kind, hash);
        if (k->used == 1) { k->first = next; next += k->n; k->n = 0; k->used = 2; }
        c->vidx[k->first + k->n++] = i;
    }
    c->n_vidx = next;
    tb->indexed = 1;
}
