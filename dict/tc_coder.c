/*
 * tc_coder.c - tabari_coder_events: TABARI's coding of a sentence, over
 * dyad's tokens and actor mentions.
 *
 *  1. Clauses.  A sentence splits at ';' and ':', before "but", "while",
 *     "whereas", and at ", and" unless that "and" joins a compound actor.
 *  2. Verbs, left to right in a clause: the longest verb phrase (roots,
 *     forms) at a token that is not part of an actor.  Its block's pattern
 *     variants are tried in TABARI's order (tc_verbs.c) and the first that
 *     matches wins; when none does, the verb's own code is used.
 *  3. Codes.  [---] gives no event and the search goes on with the next
 *     verb (the CAMEO files code negation, modality and "not an event" this
 *     way); [###] discards the sentence; [+++] marks it complex, and it is
 *     not coded.  An event code makes events, and the clause is done after
 *     its first event that is not subordinate ('?' codes, and -- a dyad
 *     rule -- statements (01x) that came from a verb's own code rather
 *     than a pattern, so that "X said Y attacked Z" still reaches ATTACK).
 *  4. Actors.  Slots the pattern filled are used as they are.  Otherwise the
 *     source is the first actor of the clause before the verb (else the
 *     previous clause's source, else the first actor after the verb), and
 *     the target the first actor after the verb that is not the source,
 *     else the first one before it, else -- when the source is a compound --
 *     the source itself (its members act on each other).  When no slot came
 *     from the pattern, TABARI's passive rule applies: a form of "be" one
 *     or two words before the verb and "by" within three words after it
 *     swap source and target.
 *  5. Compounds.  A slot (or default) actor that is part of "A and B" / "A,
 *     B and C" stands for every member; '%' fills both sides with one
 *     compound.  One event per source-target pair; pairs with the same
 *     actor or the same code are dropped, and so are events already coded
 *     in the sentence.  A coded compound (ABC/DEF) counts as its codes.
 *     [A:B] adds the reversed event with code B.
 *  6. After the sentence: a dominant ('!') event removes the others; an
 *     event that is not subordinate removes the subordinate ones.
 *
 * TABARI has no negation of its own (the dictionary codes it), so events
 * are not changed by "not"; they carry DYAD_EV_NEGATED when a negation
 * stands just before the verb, so users can filter.
 */
#include "tc.h"

#include <stdlib.h>
#include <string.h>

enum { EV_DOMINANT = 1u << 30, EV_SUBORD = 1u << 29 };

/* ------------------------------------------------------------ the view */

static int usable(const dyad_mention *m) { return m->code[0] && strcmp(m->code, "---"); }

static void build_view(tc_sent *v, uint32_t *mi)
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

static int32_t group_of(const tc_sent *v, int32_t mi) { return mi < 0 ? -1 : v->ghead[mi - (int32_t)v->m0]; }
static int group_size(const tc_sent *v, int32_t head)
{
    int n = 0;
    for (int32_t m = head; m >= 0; m = v->gnext[m - (int32_t)v->m0]) n++;
    return n;
}

static void clause_sig(tc_sent *v)
{
    memset(v->sig, 0, sizeof v->sig);
    for (uint32_t k = v->ca; k < v->cb; k++) {
        uint32_t h = v->d->toks[k].hash;
        v->sig[(h & 255) >> 6] |= 1ull << (h & 63);
        if (v->flen[k - v->a] >= 3) {
            uint32_t p = v->pre3[k - v->a];
            v->sig[4 + ((p & 255) >> 6)] |= 1ull << (p & 63);
        }
    }
}

/* Where the clause that starts at `from` ends (exclusive), and where the next starts. */
static uint32_t clause_end(const tc_sent *v, uint32_t from, uint32_t *next)
{
    const tc_fw *w = &v->c->fw;
    for (uint32_t k = from; k < v->b; k++) {
        uint32_t h = v->d->toks[k].hash;
        if (h == w->semi || h == w->colon) { *next = k + 1; return k; }
        if (k > from && (h == w->but || h == w->while_ || h == w->whereas) && tc_in(v, k) < 0) { *next = k; return k; }
        if (h == w->and_ && k > from && v->d->toks[k - 1].hash == w->comma) {
            int32_t after = tc_in(v, k + 1 < v->b ? k + 1 : k);
            int32_t before = tc_in(v, k >= 2 ? k - 2 : k);
            if (after >= 0 && before >= 0 && group_of(v, after) == group_of(v, before)) continue;
            *next = k + 1;
            return k - 1;
        }
    }
    *next = v->b;
    return v->b;
}

/* ------------------------------------------------------------ events out */

static const cameo_entry *cameo_of(const tabari_coder *c, const char *code)
{
    char k[8];
    snprintf(k, sizeof k, "%s", code);
    /* A code the ontology lacks (a dictionary's typo or local code) takes
     * the Goldstein score and quad class of its parent. */
    for (size_t n = strlen(k); n >= 2; k[--n] = 0) {
        const cameo_entry *e = ontology_find(c->ontology, k);
        if (e) return e;
    }
    return NULL;
}

typedef struct {
    const char *code;                 /* CAMEO */
    const char *rule;
    uint32_t flags;
    float conf;
    uint32_t voff, vlen;
} evinfo;

static void put_event(tc_sent *v, int32_t src, int32_t tgt, const char *scode, const char *tcode, const evinfo *x)
{
    dyad_doc *d = v->d;
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        if (e->sent == v->s && e->source == src && e->target == tgt && !strcmp(e->cameo, x->code) &&
            !strcmp(e->source_code, scode) && !strcmp(e->target_code, tcode))
            return;
    }
    const cameo_entry *ce = cameo_of(v->c, x->code);
    d->events = dyad_grow(d->events, &d->cap_events, d->n_events + 1, sizeof *d->events);
    dyad_event *e = &d->events[d->n_events++];
    memset(e, 0, sizeof *e);
    e->sent = v->s;
    e->source = src;
    e->target = tgt;
    snprintf(e->source_code, sizeof e->source_code, "%s", scode);
    snprintf(e->target_code, sizeof e->target_code, "%s", tcode);
    snprintf(e->cameo, sizeof e->cameo, "%s", x->code);
    if (ce) {
        e->goldstein = ce->goldstein;
        e->quad = ce->quad;
        e->plover_type = ce->plover_type;
        e->plover_mode = ce->plover_mode;
    }
    e->verb_off = x->voff;
    e->verb_len = x->vlen;
    e->rule = x->rule;
    e->flags = x->flags;
    e->confidence = x->conf;
    e->date = (d->sent_dates && v->s < d->cap_sent_dates) ? d->sent_dates[v->s] : d->pubdate;
    if (v->explain)
        fprintf(v->explain, "    event %s %s -> %s (%s)\n", e->cameo, scode, tcode, ce ? ce->name : "not in the ontology");
}

/* Events between every code of every source member and every code of every
 * target member; returns how many pairs were coded. */
static int pairs(tc_sent *v, int32_t sgroup, int32_t tgroup, const evinfo *x)
{
    dyad_doc *d = v->d;
    int made = 0;
    for (int32_t s = sgroup; s >= 0; s = v->gnext[s - (int32_t)v->m0])
        for (int32_t t = tgroup; t >= 0; t = v->gnext[t - (int32_t)v->m0]) {
            if (s == t) continue;
            const char *sc = d->mentions[s].code, *tc = d->mentions[t].code;
            /* coded compounds: ABC/DEF is ABC and DEF */
            for (const char *a = sc; *a;) {
                size_t an = strcspn(a, "/");
                for (const char *b = tc; *b;) {
                    size_t bn = strcspn(b, "/");
                    char ca[TC_CODE], cb[TC_CODE];
                    snprintf(ca, sizeof ca, "%.*s", (int)an, a);
                    snprintf(cb, sizeof cb, "%.*s", (int)bn, b);
                    if (strcmp(ca, cb)) { put_event(v, s, t, ca, cb, x); made++; }
                    b += bn + (b[bn] == '/');
                }
                a += an + (a[an] == '/');
            }
        }
    return made;
}

/* ------------------------------------------------------------ actors */

static int32_t first_in(const tc_sent *v, uint32_t from, uint32_t to, int32_t not_group)
{
    for (uint32_t k = from; k < to; k++) {
        int32_t mi = tc_in(v, k);
        if (mi >= 0 && v->d->mentions[mi].tok == k && (not_group < 0 || group_of(v, mi) != not_group)) return mi;
    }
    return -1;
}

static int passive(const tc_sent *v, uint32_t vb, uint32_t ve)
{
    const tc_fw *w = &v->c->fw;
    int aux = 0;
    for (uint32_t k = vb; k > v->ca && vb - k < 2; k--)
        if (tc_fw_in(w->aux, w->n_aux, v->d->toks[k - 1].hash)) aux = 1;
    if (!aux) return 0;
    for (uint32_t k = ve; k < v->cb && k < ve + 3; k++)
        if (v->d->toks[k].hash == w->by) return 1;
    return 0;
}

static int negated(const tc_sent *v, uint32_t vb)
{
    const tc_fw *w = &v->c->fw;
    for (uint32_t k = vb; k > v->ca && vb - k < 3; k--) {
        uint32_t t = k - 1;
        if (tc_fw_in(w->neg, w->n_neg, v->d->toks[t].hash)) return 1;
        uint8_t n = v->flen[t - v->a];
        const char *f = v->fold + (size_t)(t - v->a) * TC_MAX_FOLD;
        if (n > 3 && !memcmp(f + n - 3, "n't", 3)) return 1;
    }
    return 0;
}

static int quoted(const tc_sent *v, uint32_t vb)
{
    uint32_t off = v->d->toks[vb].off;
    for (uint32_t i = 0; i < v->d->n_quotes; i++) {
        const dyad_quote *q = &v->d->quotes[i];
        if (q->kind == DYAD_QUOTE_DIRECT && off >= q->off && off < q->off + q->len) return 1;
    }
    return 0;
}

/* Who did it to whom; makes the events.  Returns how many were made. */
static int make_events(tc_sent *v, uint32_t vb, uint32_t ve, const tc_slots *sl, const tc_code *code,
                       const tc_code *pair, const char *rule, uint32_t flags, int32_t *carry)
{
    int32_t sg, tg;
    float conf = sl->src >= 0 || sl->tgt >= 0 || sl->cmp >= 0 ? 0.8f : 0.6f;
    if (sl->cmp >= 0) {
        sg = tg = group_of(v, sl->cmp);
    } else {
        sg = group_of(v, sl->src);
        tg = group_of(v, sl->tgt);
        if (sg < 0) {
            sg = group_of(v, first_in(v, v->ca, vb, tg));
            if (sg < 0 && *carry >= 0 && *carry != tg) sg = *carry;
            if (sg < 0) sg = group_of(v, first_in(v, ve, v->cb, tg));
        }
        if (tg < 0 && sg >= 0) {
            tg = group_of(v, first_in(v, ve, v->cb, sg));
            if (tg < 0) tg = group_of(v, first_in(v, v->ca, vb, sg));
            if (tg < 0 && group_size(v, sg) > 1) tg = sg;
        }
        if (sl->src < 0 && sl->tgt < 0 && sg >= 0 && tg >= 0 && sg != tg && passive(v, vb, ve)) {
            int32_t t = sg; sg = tg; tg = t;
            flags |= DYAD_EV_PASSIVE;
        }
    }
    if (sg < 0 || tg < 0) {
        if (v->explain) fprintf(v->explain, "    no event: %s\n", sg < 0 ? "no source actor" : "no target actor");
        return 0;
    }
    *carry = sg;
    if (negated(v, vb)) flags |= DYAD_EV_NEGATED;
    if (quoted(v, vb)) flags |= DYAD_EV_QUOTED;
    const dyad_token *t0 = &v->d->toks[vb], *t1 = &v->d->toks[ve - 1];
    evinfo x = {code->code, rule, flags, conf, t0->off, t1->off + t1->len - t0->off};
    int made = pairs(v, sg, tg, &x);
    if (pair && pair->kind == TABARI_CODE_EVENT) {
        evinfo y = x;
        y.code = pair->code;
        made += pairs(v, tg, sg, &y);
    }
    return made;
}

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
            uint32_t flags = code->mod == TABARI_CM_DOMINANT ? EV_DOMINANT : sub ? EV_SUBORD : 0;
            const char *rule = ch.var ? ch.var->id : ch.verb->id;
            if (make_events(v, k, k + n, &ch.slots, code, pair, rule, flags, carry) && !sub) return 0;
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

/* '!' removes the others; events that are not '?' remove the '?' ones. */
static void dominance(dyad_doc *d, uint32_t from)
{
    int dom = 0, plain = 0;
    for (uint32_t i = from; i < d->n_events; i++) {
        dom |= (d->events[i].flags & EV_DOMINANT) != 0;
        plain |= !(d->events[i].flags & EV_SUBORD);
    }
    uint32_t o = from;
    for (uint32_t i = from; i < d->n_events; i++) {
        uint32_t f = d->events[i].flags;
        if ((dom && !(f & EV_DOMINANT)) || (plain && (f & EV_SUBORD))) continue;
        d->events[o] = d->events[i];
        d->events[o++].flags &= ~(EV_DOMINANT | EV_SUBORD);
    }
    d->n_events = o;
}

void tabari_coder_events(const tabari_coder *c, dyad_doc *d, FILE *explain)
{
    if (!c || !c->has_verbs) return;
    uint32_t mi = 0;
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
        build_view(&v, &mi);
        uint32_t first = d->n_events;
        int32_t carry = -1;
        int gone = 0;
        for (uint32_t from = v.a, next; from < v.b && !gone; from = next) {
            v.ca = from;
            v.cb = clause_end(&v, from, &next);
            if (v.cb <= v.ca) continue;
            clause_sig(&v);
            gone = code_clause(&v, &carry) < 0;
        }
        if (gone) d->n_events = first;
        else dominance(d, first);
    }
}

/* ------------------------------------------------------------ discards */

void tabari_coder_discard(const tabari_coder *c, dyad_doc *d)
{
    if (!c || !c->has_discards || !d->n_events) return;
    uint8_t *drop = dyad_arena_alloc(d->arena, d->n_sents + 1);
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        for (uint32_t k = st->tok; k < st->tok + st->ntok && !drop[s]; k++) {
            if (!(d->toks[k].flags & (DYAD_TOK_WORD | DYAD_TOK_NUM))) continue;
            uint32_t node;
            if (!tc_trie_longest(&c->discards_t, d, k, st->tok + st->ntok, &node)) continue;
            if (c->discards[c->discards_t.pays[c->discards_t.nodes[node].head].value].story) {
                d->n_events = 0;
                return;
            }
            drop[s] = 1;
        }
    }
    uint32_t o = 0;
    for (uint32_t i = 0; i < d->n_events; i++)
        if (d->events[i].sent >= d->n_sents || !drop[d->events[i].sent]) d->events[o++] = d->events[i];
    d->n_events = o;
}
