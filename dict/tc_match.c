/*
 * tc_match.c - does one pattern variant match around one verb?
 *
 * TABARI's checkPattern, over dyad's tokens and actor mentions: the items
 * after the `*` are matched forward from the end of the verb, those before
 * it backward from its start (the upper part first, as TABARI does, so that
 * a slot written on both sides keeps the actor found before the verb).
 * Between two items other words may come unless the first was joined to the
 * second with '_' (or `*_` / `_*` for the verb); quotation marks never
 * count as words in between.  Everything stays inside the clause.
 *
 *   WORDS   a dictionary word (or a joined run of the tokens it is made of)
 *   SYN     any member phrase of a synset
 *   $ + %   the next actor mention (forward), or the nearest one (backward),
 *           for % one that is part of a compound ("A and B");
 *           forward, only its first word is used up, so later words of the
 *           pattern may match words of the actor ("+ GOVERNMENT"); backward
 *           the whole mention is passed
 *   ^       skips one whole actor mention
 *
 * Literal items may match at any later position (with backtracking, so
 * "* OVER X" finds the OVER that is followed by X); slots take the first
 * actor and do not backtrack, as in TABARI.
 */
#include "tc.h"

int tc_is_quote(const dyad_doc *d, uint32_t k)
{
    uint32_t f = d->toks[k].flags;
    return (f & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG)) && !(f & DYAD_TOK_POSS);
}

static const char *fold_of(const tc_sent *v, uint32_t k) { return v->fold + (size_t)(k - v->a) * TC_MAX_FOLD; }

uint32_t tc_run_at(const tc_sent *v, const tc_word *w, uint32_t n, uint32_t k, uint32_t end)
{
    if (k + n > end) return 0;
    const char *pool = v->c->pool.p;
    for (uint32_t q = 0; q < n; q++) {
        uint32_t t = k + q;
        if (!tc_word_match(pool, &w[q], v->d->toks[t].hash, fold_of(v, t), v->flen[t - v->a])) return 0;
    }
    return n;
}

typedef struct {
    const tc_sent *v;
    const tc_item *it;
    tc_slots *out;
    uint32_t *memo;                   /* this direction's (item, token) stamps */
} mstate;

/* Has (item i, token k) already failed in this match?  Marks it if not. */
static int failed_before(const mstate *m, uint32_t i, uint32_t k)
{
    const tc_sent *v = m->v;
    uint32_t *slot = &m->memo[i * (v->b - v->a + 1) + (k - v->a)];
    return *slot == *v->stamp;
}

static int fail(const mstate *m, uint32_t i, uint32_t k)
{
    const tc_sent *v = m->v;
    m->memo[i * (v->b - v->a + 1) + (k - v->a)] = *v->stamp;
    return 0;
}

/* Tokens used by a literal item at k, trying members from `from` on (synsets
 * may match in several ways); sets *next_member.  0: no match. */
static uint32_t literal_at(const mstate *m, const tc_item *it, uint32_t k, uint32_t end, uint32_t from,
                           uint32_t *next_member)
{
    const tabari_coder *c = m->v->c;
    if (it->kind == TI_WORDS) {
        *next_member = 1;
        return from ? 0 : tc_run_at(m->v, &c->pw.w[it->a], it->n, k, end);
    }
    const tc_syn *sy = &c->syns[it->a];
    uint32_t h = m->v->d->toks[k].hash;
    if (!sy->unfiltered && !((sy->first[(h >> 6) & 7] >> (h & 63)) & 1)) {
        *next_member = sy->n_runs;
        return 0;
    }
    for (uint32_t r = from; r < sy->n_runs; r++) {
        const tc_run *run = &c->runs[sy->run_at + r];
        uint32_t n = tc_run_at(m->v, &c->pw.w[run->word_at], run->n, k, end);
        if (n) { *next_member = r + 1; return n; }
    }
    *next_member = sy->n_runs;
    return 0;
}

/* '%' wants a compound actor ("A and B"); the other slots any actor. */
static int slot_ok(const tc_sent *v, const tc_item *it, int32_t mi)
{
    return it->kind != TI_CMP || tc_group_size(v, tc_group_of(v, mi)) > 1;
}

static void record(const mstate *m, const tc_item *it, int32_t mi)
{
    if (it->kind == TI_SRC) m->out->src = mi;
    else if (it->kind == TI_TGT) m->out->tgt = mi;
    else if (it->kind == TI_CMP) m->out->cmp = mi;
}

/* Items it[i..n) forward from token pos; touch: item i must start there. */
static int fwd(mstate *m, uint32_t i, uint32_t n, uint32_t pos, int touch)
{
    const tc_sent *v = m->v;
    while (pos < v->cb && tc_is_quote(v->d, pos)) pos++;
    if (i == n) {
        if (pos > m->out->hi) m->out->hi = pos;
        return 1;
    }
    if (failed_before(m, i, pos)) return 0;
    const tc_item *it = &m->it[i];
    if (it->kind == TI_WORDS || it->kind == TI_SYN) {
        for (uint32_t p = pos; p < v->cb; p++) {
            uint32_t member = 0, used;
            while ((used = literal_at(m, it, p, v->cb, member, &member)) > 0)
                if (fwd(m, i + 1, n, p + used, it->join)) {
                    if (p + used > m->out->hi) m->out->hi = p + used;
                    return 1;
                }
            if (touch) break;
        }
        return fail(m, i, pos);
    }
    /* a slot or ^: the first actor mention that starts here or later */
    for (uint32_t p = pos; p < v->cb; p++) {
        int32_t mi = tc_in(v, p);
        if (mi >= 0 && v->d->mentions[mi].tok == p) {
            const dyad_mention *mn = &v->d->mentions[mi];
            if (!slot_ok(v, it, mi)) return fail(m, i, pos);
            record(m, it, mi);
            uint32_t next = it->kind == TI_SKIP ? mn->tok + mn->ntok : p + 1;
            if (mn->tok + mn->ntok > m->out->hi) m->out->hi = mn->tok + mn->ntok;
            return fwd(m, i + 1, n, next, it->join) || fail(m, i, pos);
        }
        if (touch) break;
    }
    return fail(m, i, pos);
}

/* Items it[0..i) backward: item i-1 ends at or before `end` (exactly at end
 * when it is joined to what follows it). */
static int back(mstate *m, uint32_t i, uint32_t end)
{
    const tc_sent *v = m->v;
    while (end > v->ca && tc_is_quote(v->d, end - 1)) end--;
    if (i == 0) {
        if (end < m->out->lo) m->out->lo = end;
        return 1;
    }
    if (failed_before(m, i, end)) return 0;
    const tc_item *it = &m->it[i - 1];
    int touch = it->join;
    if (it->kind == TI_WORDS || it->kind == TI_SYN) {
        const tabari_coder *c = v->c;
        for (uint32_t e = end; e > v->ca; e--) {
            if (it->kind == TI_WORDS) {
                if (e >= v->ca + it->n && tc_run_at(v, &c->pw.w[it->a], it->n, e - it->n, e) &&
                    back(m, i - 1, e - it->n))
                    return 1;
            } else {
                const tc_syn *sy = &c->syns[it->a];
                for (uint32_t r = 0; r < sy->n_runs; r++) {
                    const tc_run *run = &c->runs[sy->run_at + r];
                    if (e >= v->ca + run->n && tc_run_at(v, &c->pw.w[run->word_at], run->n, e - run->n, e) &&
                        back(m, i - 1, e - run->n))
                        return 1;
                }
            }
            if (touch) break;
        }
        return fail(m, i, end);
    }
    for (uint32_t e = end; e > v->ca; e--) {
        int32_t mi = tc_in(v, e - 1);
        if (mi >= 0) {
            const dyad_mention *mn = &v->d->mentions[mi];
            if (mn->tok < v->ca || !slot_ok(v, it, mi)) return fail(m, i, end);
            record(m, it, mi);
            return back(m, i - 1, mn->tok) || fail(m, i, end);
        }
        if (touch) break;
    }
    return fail(m, i, end);
}

int tc_match(const tc_sent *v, const tc_var *p, uint32_t vb, uint32_t ve, tc_slots *out)
{
    for (int w = 0; w < 12; w++)
        if (p->sig[w] & ~v->sig[w]) return 0;
    out->src = out->tgt = out->cmp = -1;
    out->lo = vb;
    out->hi = ve;
    const tc_item *items = &v->c->items[p->item_at];
    uint32_t half = (v->c->max_items + 1) * (v->b - v->a + 1);
    (*v->stamp)++;
    mstate up = {v, items + p->n_lo, out, v->memo};
    if (!fwd(&up, 0, p->n_up, ve, p->join_up)) return 0;
    mstate lo = {v, items, out, v->memo + half};
    return back(&lo, p->n_lo, vb);
}
