/*
 * tc_view.c - one sentence as the TABARI-mode coder sees it: folded tokens,
 * which usable actor mention covers each token, compound actors, clauses,
 * and each clause's word signature.
 *
 * Compounds.  Usable mentions linked only by "and", "&" and commas form one
 * compound actor when the chain has at least one "and" ("A and B", "A, B
 * and C"; "Moscow, Russia" is no compound).  A slot or default that takes a
 * member stands for the whole compound, as in TABARI.
 *
 * Clauses.  A sentence splits at ';' and ':', before "but", "while" and
 * "whereas", and at ", and" unless that "and" joins a compound actor: TABARI
 * codes one event per clause, so "X attacked Y, and Z met W" must be two.
 *
 * Signatures (see tc_var.sig): the clause sets 256 bits for its tokens'
 * hashes, 256 for their first three letters, and -- with PETRARCH files --
 * 256 for every base its tokens could be a regular form of.
 */
#include "tc.h"

#include <string.h>

static int usable(const dyad_mention *m) { return m->code[0] && strcmp(m->code, "---"); }

void tc_view_build(tc_sent *v, uint32_t *mi)
{
    dyad_doc *d = v->d;
    const tc_fw *w = &v->c->fw;
    uint32_t n = v->b - v->a;
    v->inside = dyad_arena_alloc(d->arena, (n + 1) * sizeof *v->inside);
    v->fold = dyad_arena_alloc(d->arena, ((size_t)n + 1) * TC_MAX_FOLD);
    v->flen = dyad_arena_alloc(d->arena, n + 1);
    v->pre3 = dyad_arena_alloc(d->arena, (n + 1) * sizeof *v->pre3);
    for (uint32_t k = 0; k < n; k++) {
        v->inside[k] = -1;
        v->flen[k] = (uint8_t)tc_fold_token(d, v->a + k, v->fold + (size_t)k * TC_MAX_FOLD);
        v->pre3[k] = v->flen[k] >= 3 ? hash_folded(v->fold + (size_t)k * TC_MAX_FOLD, 3) : 0;
    }
    while (*mi < d->n_mentions && d->mentions[*mi].tok < v->a) (*mi)++;
    v->m0 = *mi;
    v->nm = 0;
    while (v->m0 + v->nm < d->n_mentions && d->mentions[v->m0 + v->nm].tok < v->b) v->nm++;
    v->ghead = dyad_arena_alloc(d->arena, (v->nm + 1) * sizeof *v->ghead);
    v->gnext = dyad_arena_alloc(d->arena, (v->nm + 1) * sizeof *v->gnext);
    for (uint32_t j = 0; j < v->nm; j++) {
        const dyad_mention *m = &d->mentions[v->m0 + j];
        v->ghead[j] = (int32_t)(v->m0 + j);
        v->gnext[j] = -1;
        if (!usable(m)) continue;
        for (uint32_t t = m->tok; t < m->tok + m->ntok && t < v->b; t++) v->inside[t - v->a] = (int32_t)(v->m0 + j);
    }
    /* Compound groups: usable mentions linked only by "and", "&" and commas,
     * a chain with at least one "and" ("Moscow, Russia" is no compound). */
    uint32_t j = 0;
    while (j < v->nm) {
        uint32_t k = j, has_and = 0;
        while (k + 1 < v->nm) {
            const dyad_mention *x = &d->mentions[v->m0 + k], *y = &d->mentions[v->m0 + k + 1];
            if (!usable(x) || !usable(y)) break;
            uint32_t e = x->tok + x->ntok;
            if (y->tok <= e || y->tok > e + 2) break;
            int ok = 1, and_ = 0;
            for (uint32_t t = e; t < y->tok; t++) {
                uint32_t h = d->toks[t].hash;
                if (h == w->and_ || h == w->amp) and_ = 1;
                else if (h != w->comma) ok = 0;
            }
            if (!ok) break;
            has_and |= (uint32_t)and_;
            k++;
        }
        if (k > j && has_and)
            for (uint32_t q = j; q <= k; q++) {
                v->ghead[q] = (int32_t)(v->m0 + j);
                v->gnext[q] = q < k ? (int32_t)(v->m0 + q + 1) : -1;
            }
        j = k + 1;
    }
}

int32_t tc_group_of(const tc_sent *v, int32_t mi) { return mi < 0 ? -1 : v->ghead[mi - (int32_t)v->m0]; }
int tc_group_size(const tc_sent *v, int32_t head)
{
    int n = 0;
    for (int32_t m = head; m >= 0; m = v->gnext[m - (int32_t)v->m0]) n++;
    return n;
}

static void sig_set(uint64_t *part, uint32_t h) { part[(h & 255) >> 6] |= 1ull << (h & 63); }

/* The bases a folded token could be a regular form of (tc_regular_forms
 * backwards): itself, without -s / -es / -d / -ed / -ing, with -ies / -ied
 * as -y and -ing as -e. */
static void base_sig(uint64_t *part, const char *f, uint32_t n)
{
    char b[TC_MAX_FOLD + 2];
    sig_set(part, hash_folded(f, n));
    if (n > 1 && f[n - 1] == 's') sig_set(part, hash_folded(f, n - 1));
    if (n > 2 && f[n - 1] == 's' && f[n - 2] == 'e') sig_set(part, hash_folded(f, n - 2));
    if (n > 1 && f[n - 1] == 'd') sig_set(part, hash_folded(f, n - 1));
    if (n > 2 && f[n - 1] == 'd' && f[n - 2] == 'e') sig_set(part, hash_folded(f, n - 2));
    if (n > 3 && f[n - 3] == 'i' && f[n - 2] == 'e' && (f[n - 1] == 's' || f[n - 1] == 'd')) {
        memcpy(b, f, n - 3);
        b[n - 3] = 'y';
        sig_set(part, hash_folded(b, n - 2));
    }
    if (n > 3 && !memcmp(f + n - 3, "ing", 3)) {
        sig_set(part, hash_folded(f, n - 3));
        memcpy(b, f, n - 3);
        b[n - 3] = 'e';
        sig_set(part, hash_folded(b, n - 2));
    }
}

void tc_clause_sig(tc_sent *v)
{
    memset(v->sig, 0, sizeof v->sig);
    int forms = v->c->dialect != TABARI_DIALECT_TABARI;
    for (uint32_t k = v->ca; k < v->cb; k++) {
        sig_set(v->sig, v->d->toks[k].hash);
        uint32_t i = k - v->a;
        if (v->flen[i] >= 3) sig_set(v->sig + 4, v->pre3[i]);
        if (forms) base_sig(v->sig + 8, v->fold + (size_t)i * TC_MAX_FOLD, v->flen[i]);
    }
}

/* Where the clause that starts at `from` ends (exclusive), and where the next starts. */
uint32_t tc_clause_end(const tc_sent *v, uint32_t from, uint32_t *next)
{
    const tc_fw *w = &v->c->fw;
    for (uint32_t k = from; k < v->b; k++) {
        uint32_t h = v->d->toks[k].hash;
        if (h == w->semi || h == w->colon) { *next = k + 1; return k; }
        if (k > from && (h == w->but || h == w->while_ || h == w->whereas) && tc_in(v, k) < 0) { *next = k; return k; }
        if (h == w->and_ && k > from && v->d->toks[k - 1].hash == w->comma) {
            int32_t after = tc_in(v, k + 1 < v->b ? k + 1 : k);
            int32_t before = tc_in(v, k >= 2 ? k - 2 : k);
            if (after >= 0 && before >= 0 && tc_group_of(v, after) == tc_group_of(v, before)) continue;
            *next = k + 1;
            return k - 1;
        }
    }
    *next = v->b;
    return v->b;
}
