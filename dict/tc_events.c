/*
 * tc_events.c - who did what to whom, once a verb has its code: TABARI's
 * slot defaults, passive rule and compounds, and the events themselves.
 *
 * Slots the pattern filled are used as they are.  Otherwise the source is
 * the first actor of the clause before the verb (else the previous
 * clause's source, else the first actor after the verb), and the target the
 * first actor after the verb that is not the source, else the first one
 * before it, else -- when the source is a compound -- the source itself
 * (its members act on each other).  When no slot came from the pattern,
 * TABARI's passive rule applies: a form of "be" one or two words before the
 * verb and "by" within three words after it swap source and target.  With
 * no source or no target there is no event (TABARI's events are dyadic).
 *
 * One event per source-target pair of compound members; a pair with the
 * same actor or the same code is dropped, and so is an event already coded
 * in the sentence (by this coder or, with --add, dyad's).  A coded compound
 * (ABC/DEF) counts as its codes.  [A:B] adds the reversed event with code B.
 *
 * TABARI has no negation of its own (the dictionary codes it), so events
 * are not changed by "not"; they carry DYAD_EV_NEGATED when a negation
 * stands just before the verb, so that users can filter them.
 */
#include "tc.h"

#include <string.h>

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
        if (mi >= 0 && v->d->mentions[mi].tok == k && (not_group < 0 || tc_group_of(v, mi) != not_group)) return mi;
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
int tc_make_events(tc_sent *v, uint32_t vb, uint32_t ve, const tc_slots *sl, const tc_code *code,
                       const tc_code *pair, const char *rule, uint32_t flags, int32_t *carry)
{
    int32_t sg, tg;
    float conf = sl->src >= 0 || sl->tgt >= 0 || sl->cmp >= 0 ? 0.8f : 0.6f;
    if (sl->cmp >= 0) {
        sg = tg = tc_group_of(v, sl->cmp);
    } else {
        sg = tc_group_of(v, sl->src);
        tg = tc_group_of(v, sl->tgt);
        if (sg < 0) {
            sg = tc_group_of(v, first_in(v, v->ca, vb, tg));
            if (sg < 0 && *carry >= 0 && *carry != tg) sg = *carry;
            if (sg < 0) sg = tc_group_of(v, first_in(v, ve, v->cb, tg));
        }
        if (tg < 0 && sg >= 0) {
            tg = tc_group_of(v, first_in(v, ve, v->cb, sg));
            if (tg < 0) tg = tc_group_of(v, first_in(v, v->ca, vb, sg));
            if (tg < 0 && tc_group_size(v, sg) > 1) tg = sg;
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
