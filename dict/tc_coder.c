/*
 * tc_coder.c - tabari_coder_events: TABARI's coding of a sentence, over
 * dyad's tokens and actor mentions (the sentence view is tc_view.c, the
 * events tc_events.c).
 *
 *  1. Verbs, left to right in each clause: the longest verb phrase (roots,
 *     forms) at a token that is not part of an actor.  Its block's pattern
 *     variants are tried in TABARI's order (tc_verbs.c) and the first that
 *     matches wins; when none does, the verb's own code is used.
 *  2. Codes.  [---] gives no event and the search goes on with the next
 *     verb (the CAMEO files code negation, modality and "not an event" this
 *     way); [###] discards the sentence; [+++] marks it complex, and it is
 *     not coded.  An event code makes events (tc_events.c), and the clause
 *     is done after its first event that is not subordinate ('?' codes,
 *     and -- a dyad rule -- statements (01x) that came from a verb's own
 *     code rather than a pattern, so that "X said Y attacked Z" still
 *     reaches ATTACK).
 *  3. After the sentence: a dominant ('!') event removes the others; an
 *     event that is not subordinate removes the subordinate ones.
 */
#include "tc.h"

#include <string.h>

/* ------------------------------------------------------------ verbs */

typedef struct {
    const tc_var *var;                /* the winning pattern, or NULL */
    const tc_verb *verb;
    tc_slots slots;
} choice;

/* The variants of an indexed block that the clause's words could match:
 * the keyless ones and those filed under a word (or a three-letter start)
 * of the clause, marked in a bitmap over the block's variants so that they
 * come out in TABARI order.  Returns 0 when the block is too big for it. */
#define TC_BITMAP_VARS 8192

static int gather(const tc_sent *v, uint32_t bi, uint64_t *bits)
{
    const tabari_coder *c = v->c;
    const tc_block *bl = &c->blocks[bi];
    if (bl->n_var > TC_BITMAP_VARS) return 0;
    memset(bits, 0, ((bl->n_var + 63) / 64) * sizeof *bits);
    for (uint32_t i = 0; i < bl->n_keyless; i++) {
        uint32_t x = c->vidx[bl->keyless_at + i];
        bits[x >> 6] |= 1ull << (x & 63);
    }
    for (uint32_t k = v->ca; k < v->cb; k++) {
        const tc_vkey *keys[2];
        keys[0] = tc_vkey_find(c, bi, TC_KEY_WORD, v->d->toks[k].hash);
        keys[1] = v->flen[k - v->a] >= 3 ? tc_vkey_find(c, bi, TC_KEY_PRE3, v->pre3[k - v->a]) : NULL;
        for (int q = 0; q < 2; q++)
            if (keys[q])
                for (uint32_t i = 0; i < keys[q]->n; i++) {
                    uint32_t x = c->vidx[keys[q]->first + i];
                    bits[x >> 6] |= 1ull << (x & 63);
                }
    }
    return 1;
}

/* Try variant var; 1 when it matched (and became the choice). */
static int try_var(const tc_sent *v, const tc_var *var, const tc_verb *vr, uint32_t vb, uint32_t ve, choice *ch)
{
    tc_slots s;
    if (!tc_match(v, var, vb, ve, &s)) return 0;
    ch->var = var;
    ch->verb = vr;
    ch->slots = s;
    return 1;
}

/* The verb lines at node and the best pattern over all their blocks. */
static void choose(const tc_sent *v, uint32_t node, uint32_t vb, uint32_t ve, choice *ch)
{
    const tabari_coder *c = v->c;
    memset(ch, 0, sizeof *ch);
    ch->slots.src = ch->slots.tgt = ch->slots.cmp = -1;
    uint32_t done_block = UINT32_MAX;
    for (uint32_t p = c->verbs_t.nodes[node].head; p != UINT32_MAX; p = c->verbs_t.pays[p].next) {
        const tc_verb *vr = &c->verbs[c->verbs_t.pays[p].value];
        if (!ch->verb) ch->verb = vr;
        if (vr->block == done_block) continue;
        done_block = vr->block;
        const tc_block *bl = &c->blocks[vr->block];
        uint64_t bits[TC_BITMAP_VARS / 64];
        if (bl->indexed && gather(v, vr->block, bits)) {
            int done = 0;
            for (uint32_t w = 0; w < (bl->n_var + 63) / 64 && !done; w++)
                for (uint64_t m = bits[w]; m && !done; m &= m - 1) {
                    const tc_var *var = &c->vars[bl->var_at + w * 64 + (uint32_t)__builtin_ctzll(m)];
                    if (ch->var && var->len <= ch->var->len) done = 1;   /* cannot beat the winner */
                    else done = try_var(v, var, vr, vb, ve, ch);
                }
            continue;
        }
        for (uint32_t i = 0; i < bl->n_var; i++) {
            const tc_var *var = &c->vars[bl->var_at + i];
            if (ch->var && var->len <= ch->var->len) break;
            if (try_var(v, var, vr, vb, ve, ch)) break;
        }
    }
}

static const char *mention_code(const tc_sent *v, int32_t mi) { return mi >= 0 ? v->d->mentions[mi].code : "-"; }

/* Codes one clause; returns -1 when the sentence is discarded or complex. */
static int code_clause(tc_sent *v, int32_t *carry)
{
    const tabari_coder *c = v->c;
    dyad_doc *d = v->d;
    for (uint32_t k = v->ca; k < v->cb;) {
        if (tc_in(v, k) >= 0 || !(d->toks[k].flags & DYAD_TOK_WORD)) { k++; continue; }
        uint32_t node, n = tc_trie_longest(&c->verbs_t, d, k, v->cb, &node);
        for (uint32_t q = 1; q < n; q++)
            if (tc_in(v, k + q) >= 0) n = 0;             /* a verb phrase never runs into an actor */
        if (!n) { k++; continue; }
        choice ch;
        choose(v, node, k, k + n, &ch);
        const tc_code *code = ch.var ? &ch.var->code : &ch.verb->code;
        const tc_code *pair = ch.var ? &ch.var->pair : &ch.verb->pair;
        if (v->explain) {
            const dyad_token *t0 = &d->toks[k], *t1 = &d->toks[k + n - 1];
            fprintf(v->explain, "  verb \"%.*s\" (%s %s)", (int)(t1->off + t1->len - t0->off), d->text + t0->off,
                    ch.verb->id, ch.verb->text);
            if (ch.var)
                fprintf(v->explain, " pattern %s [%s] $=%s +=%s%s%s\n", ch.var->id, ch.var->text,
                        mention_code(v, ch.slots.src), mention_code(v, ch.slots.tgt),
                        ch.slots.cmp >= 0 ? " %=" : "", ch.slots.cmp >= 0 ? mention_code(v, ch.slots.cmp) : "");
            else
                fprintf(v->explain, " no pattern: the verb's code [%s]\n", code->kind == TABARI_CODE_NULL ? "---" : code->code);
        }
        switch (code->kind) {
        case TABARI_CODE_DISCARD:
        case TABARI_CODE_COMPLEX:
            if (v->explain) fprintf(v->explain, "    sentence %s\n", code->kind == TABARI_CODE_DISCARD ? "discarded [###]" : "complex [+++]: not coded");
            return -1;
        case TABARI_CODE_EVENT:
        case TABARI_CODE_OTHER: {
            int sub = code->mod == TABARI_CM_SUBORD || (!ch.var && code->code[0] == '0' && code->code[1] == '1');
            uint32_t flags = code->mod == TABARI_CM_DOMINANT ? TC_EV_DOMINANT : sub ? TC_EV_SUBORD : 0;
            const char *rule = ch.var ? ch.var->id : ch.verb->id;
            if (tc_make_events(v, k, k + n, &ch.slots, code, pair, rule, flags, carry) && !sub) return 0;
            break;
        }
        default:
            if (v->explain) fprintf(v->explain, "    no event: null code [---]\n");
            break;
        }
        k += n;
    }
    return 0;
}

void tabari_coder_events(const tabari_coder *c, dyad_doc *d, FILE *explain)
{
    if (!c || !c->has_verbs) return;
    uint32_t mi = 0, longest = 0, stamp = 0;
    for (uint32_t s = 0; s < d->n_sents; s++)
        if (d->sents[s].ntok > longest) longest = d->sents[s].ntok;
    /* One memo for the document, big enough for its longest sentence. */
    size_t memo_n = 2 * (size_t)(c->max_items + 1) * (longest + 1);
    uint32_t *memo = dyad_arena_alloc(d->arena, memo_n * sizeof *memo);
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        if (explain) fprintf(explain, "[%u] %.*s\n", s + 1, (int)st->len, d->text + st->off);
        if ((st->flags & DYAD_PARA_HEADING) || !st->ntok) continue;
        tc_sent v;
        memset(&v, 0, sizeof v);
        v.c = c;
        v.d = d;
        v.s = s;
        v.a = st->tok;
        v.b = st->tok + st->ntok;
        v.explain = explain;
        v.memo = memo;
        v.stamp = &stamp;
        tc_view_build(&v, &mi);
        uint32_t first = d->n_events;
        int32_t carry = -1;
        int gone = 0;
        for (uint32_t from = v.a, next; from < v.b && !gone; from = next) {
            v.ca = from;
            v.cb = tc_clause_end(&v, from, &next);
            if (v.cb <= v.ca) continue;
            tc_clause_sig(&v);
            gone = code_clause(&v, &carry) < 0;
        }
        if (gone) d->n_events = first;
        else events_resolve_modifiers(d, first);
    }
}
