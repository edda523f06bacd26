/*
 * tc_mentions.c - tabari_coder_actors: actor and agent phrases of the
 * dictionaries -> doc->mentions and doc->entities.
 *
 * Per sentence, left to right: the longest actor phrase (which must start
 * with a capitalised token -- see below) or agent phrase at each token that
 * no earlier mention covers; the longer wins, an actor on a tie.  Then
 * TABARI's agent rule composes an agent with the actor next to it:
 *
 *   ACTOR ['s] AGENT            "Russian troops", "Russia's army"  -> RUS + MIL
 *   AGENT [of|from|in [the]] ACTOR   "troops from Russia", "President of Russia"
 *   AGENT alone                 "police" -> COP (no country, as Phoenix codes it)
 *   ACTOR ACTOR                 "Chinese President Xi Jinping": CHN + CHNGOV -> one
 *                               mention CHNGOV, when the second code extends the first
 *
 * An agent written [~MIL] goes after the actor's code, one written [IGO~]
 * before it; an actor code that already ends with the agent's code keeps it
 * (Kremlin RUSGOV + official GOV = RUSGOV); "former" next to the agent
 * makes it ELI.  The actor's code is the one of the story date
 * (doc->pubdate, else today), by TABARI's rule; an actor whose code is null
 * at that date is recognised (its words are used up) but makes no mention.
 *
 * Case.  TABARI read upper-case text and so could not tell "Turkey" from
 * "turkey", "US" from "us" or "Chad" from "chad"; dyad still has the case,
 * and an actor phrase must start with a capitalised token.  Agents (common
 * nouns) match in any case.
 */
#include "tc.h"

#include <string.h>
#include <time.h>

typedef struct {
    uint32_t tok, ntok;
    int32_t actor, agent;             /* index, or -1 */
} atom;

typedef struct {
    const tabari_coder *c;
    dyad_doc *d;
    int32_t date;                     /* YYYYMMDD */
    uint8_t *covered;                 /* per token: an older mention is there */
    dyad_mention *add; uint32_t n_add, cap_add;
    atom *atoms; uint32_t n_atoms, cap_atoms;
    uint32_t first_entity;            /* entities made here start at this index */
} mctx;

/* Grow an array kept in the document arena (the old copy is abandoned):
 * nothing is malloc'd per document. */
static void *avec(dyad_arena *ar, void *p, uint32_t *cap, uint32_t need, size_t el)
{
    if (need <= *cap) return p;
    uint32_t nc = *cap ? *cap * 2 : 16;
    while (nc < need) nc *= 2;
    void *q = dyad_arena_alloc(ar, (size_t)nc * el);
    if (p && *cap) memcpy(q, p, (size_t)*cap * el);
    *cap = nc;
    return q;
}

static int32_t story_date(const dyad_doc *d)
{
    if (d->pubdate.year)
        return d->pubdate.year * 10000 + (d->pubdate.month ? d->pubdate.month : 1) * 100 +
               (d->pubdate.day ? d->pubdate.day : 1);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* TABARI's rule: the first dated code whose range holds the date, else the
 * first default, else none (the null code). */
static const char *actor_code(const tabari_coder *c, uint32_t a, int32_t date)
{
    const tc_actor *ac = &c->actors[a];
    const char *dflt = NULL;
    for (uint32_t k = 0; k < ac->n_codes; k++) {
        const tc_acode *x = &c->acodes[ac->code_at + k];
        switch (x->when) {
        case TABARI_WHEN_ALWAYS: if (!dflt) dflt = x->code; continue;
        case TABARI_WHEN_BEFORE: if (date <= x->to) return x->code; continue;
        case TABARI_WHEN_AFTER: if (date >= x->from) return x->code; continue;
        default: if (date >= x->from && date <= x->to) return x->code; continue;
        }
    }
    if (dflt && !strcmp(dflt, "---")) return NULL;
    return dflt;
}

static int free_span(const mctx *m, uint32_t i, uint32_t n)
{
    for (uint32_t k = i; k < i + n; k++) if (m->covered[k]) return 0;
    return 1;
}

static void find_atoms(mctx *m, uint32_t a, uint32_t b)
{
    const tabari_coder *c = m->c;
    const dyad_doc *d = m->d;
    m->n_atoms = 0;
    for (uint32_t i = a; i < b;) {
        const dyad_token *t = &d->toks[i];
        if (m->covered[i] || !(t->flags & (DYAD_TOK_WORD | DYAD_TOK_NUM))) { i++; continue; }
        uint32_t na = 0, ng = 0, node_a = 0, node_g = 0;
        if (t->flags & (DYAD_TOK_CAP | DYAD_TOK_UPPER)) na = tc_trie_longest(&c->actors_t, d, i, b, &node_a);
        if (na && !free_span(m, i, na)) na = 0;
        ng = tc_trie_longest(&c->agents_t, d, i, b, &node_g);
        if (ng && !free_span(m, i, ng)) ng = 0;
        if (!na && !ng) { i++; continue; }
        m->atoms = avec(d->arena, m->atoms, &m->cap_atoms, m->n_atoms + 1, sizeof *m->atoms);
        atom *at = &m->atoms[m->n_atoms++];
        if (na >= ng) {
            *at = (atom){i, na, (int32_t)c->actors_t.pays[c->actors_t.nodes[node_a].head].value, -1};
            i += na;
        } else {
            *at = (atom){i, ng, -1, (int32_t)c->agents_t.pays[c->agents_t.nodes[node_g].head].value};
            i += ng;
        }
    }
}

/* Does actor code `a` already end with agent code `g` (at a 3-letter step)? */
static int has_suffix(const char *a, const char *g)
{
    size_t la = strlen(a), lg = strlen(g);
    return lg && la >= lg && (la - lg) % 3 == 0 && !strcmp(a + la - lg, g);
}

static void compose(char out[TC_CODE], const char *actor, const tc_agent *ag, int former)
{
    const char *g = ag ? (former ? "ELI" : ag->code) : "";
    if (!actor) snprintf(out, TC_CODE, "%s", g);
    else if (!ag || (ag->after && has_suffix(actor, g))) snprintf(out, TC_CODE, "%s", actor);
    else if (ag->after) snprintf(out, TC_CODE, "%s%s", actor, g);
    else snprintf(out, TC_CODE, "%s%s", g, actor);
}

/* Entity of a new mention: one per (actor, agent) and code in the story. */
static int32_t entity_for(mctx *m, int32_t actor, int32_t agent, const char *code, uint8_t kind)
{
    dyad_doc *d = m->d;
    const tabari_coder *c = m->c;
    const char *an = actor >= 0 ? c->pool.p + c->actors[actor].name : NULL;
    const char *gn = agent >= 0 ? c->pool.p + c->agents[agent].name : NULL;
    const char *name = an && gn ? dyad_arena_printf(d->arena, "%s %s", an, gn) : an ? an : gn;
    for (uint32_t e = m->first_entity; e < d->n_entities; e++)
        if (!strcmp(d->entities[e].code, code) && !strcmp(d->entities[e].name, name)) return (int32_t)e;
    d->entities = dyad_grow(d->entities, &d->cap_entities, d->n_entities + 1, sizeof *d->entities);
    dyad_entity *en = &d->entities[d->n_entities];
    memset(en, 0, sizeof *en);
    en->name = name;
    snprintf(en->code, sizeof en->code, "%s", code);
    en->kind = kind;
    en->first_mention = UINT32_MAX - 1;   /* set after the merge */
    en->person = -1;
    return (int32_t)d->n_entities++;
}

static void add_mention(mctx *m, uint32_t s, uint32_t tok, uint32_t end, int32_t actor, int32_t agent,
                        const char *code)
{
    const tabari_coder *c = m->c;
    dyad_doc *d = m->d;
    uint8_t kind = agent >= 0 ? DYAD_ACTOR_ROLE : c->actors[actor].dated ? DYAD_ACTOR_PERSON :
                   strlen(code) == 3 ? DYAD_ACTOR_COUNTRY : DYAD_ACTOR_ORG;
    m->add = avec(d->arena, m->add, &m->cap_add, m->n_add + 1, sizeof *m->add);
    dyad_mention *mn = &m->add[m->n_add++];
    memset(mn, 0, sizeof *mn);
    mn->off = d->toks[tok].off;
    mn->len = d->toks[end - 1].off + d->toks[end - 1].len - mn->off;
    mn->tok = tok;
    mn->ntok = end - tok;
    mn->sent = s;
    mn->antecedent = -1;
    snprintf(mn->code, sizeof mn->code, "%s", code);
    mn->kind = kind;
    mn->how = actor >= 0 && agent >= 0 ? DYAD_HOW_COMPOSED : DYAD_HOW_LEXICON;
    mn->entity = entity_for(m, actor, agent, code, kind);
}

/* Token i is `h`, inside the sentence. */
static int is(const mctx *m, uint32_t i, uint32_t end, uint32_t h) { return i < end && m->d->toks[i].hash == h; }

/* The actor atom after agent atom j, joined to it directly or by "of",
 * "from", "in" (and "the"): "President of Russia". */
static int actor_after_agent(const mctx *m, uint32_t j, uint32_t end)
{
    if (j + 1 >= m->n_atoms || m->atoms[j + 1].actor < 0) return 0;
    const tc_fw *w = &m->c->fw;
    uint32_t e = m->atoms[j].tok + m->atoms[j].ntok, next = m->atoms[j + 1].tok;
    if (next == e) return 1;
    if (!(is(m, e, end, w->of) || is(m, e, end, w->from) || is(m, e, end, w->in))) return 0;
    return next == e + 1 || (next == e + 2 && is(m, e + 1, end, w->the));
}

static void compose_sentence(mctx *m, uint32_t s, uint32_t a, uint32_t b)
{
    const tabari_coder *c = m->c;
    const tc_fw *w = &c->fw;
    for (uint32_t j = 0; j < m->n_atoms; j++) {
        const atom *x = &m->atoms[j];
        uint32_t start = x->tok, end = x->tok + x->ntok;
        int former = start > a && m->d->toks[start - 1].hash == w->former;
        char code[TC_CODE];
        if (x->actor >= 0) {
            const char *ac = actor_code(c, (uint32_t)x->actor, m->date);
            /* ACTOR ['s] AGENT */
            const atom *g = j + 1 < m->n_atoms ? &m->atoms[j + 1] : NULL;
            int glued = g && g->agent >= 0 &&
                        (g->tok == end || (g->tok == end + 1 && is(m, end, b, w->poss)));
            if (glued) {
                int gformer = former || (g->tok > a && m->d->toks[g->tok - 1].hash == w->former);
                if (ac) {
                    compose(code, ac, &c->agents[g->agent], gformer);
                    add_mention(m, s, start, g->tok + g->ntok, x->actor, g->agent, code);
                }
                j++;
                continue;
            }
            /* "Chinese President Xi Jinping": CHN then CHNGOV, touching --
             * one actor, the more specific one. */
            const atom *y = g;
            const char *yc = y && y->actor >= 0 && y->tok == end ? actor_code(c, (uint32_t)y->actor, m->date) : NULL;
            if (ac && yc && !strncmp(yc, ac, strlen(ac))) {
                add_mention(m, s, start, y->tok + y->ntok, y->actor, -1, yc);
                j++;
                continue;
            }
            if (ac) add_mention(m, s, start, end, x->actor, -1, ac);
            continue;
        }
        /* an agent */
        const tc_agent *ag = &c->agents[x->agent];
        if (actor_after_agent(m, j, b)) {
            const atom *y = &m->atoms[j + 1];
            const char *ac = actor_code(c, (uint32_t)y->actor, m->date);
            if (ac) {
                compose(code, ac, ag, former);
                add_mention(m, s, start, y->tok + y->ntok, y->actor, x->agent, code);
            }
            j++;
            continue;
        }
        compose(code, NULL, ag, former);
        if (code[0]) add_mention(m, s, start, end, -1, x->agent, code);
    }
}

/* Merge the new mentions (m->add, in text order) into doc->mentions (in
 * text order), remapping the old mentions' antecedents and their entities'
 * first mentions, and setting the new entities' first mentions. */
static void merge(mctx *m)
{
    dyad_doc *d = m->d;
    uint32_t n_old = d->n_mentions, n = n_old + m->n_add;
    dyad_mention *out = dyad_arena_alloc(d->arena, (size_t)n * sizeof *out);
    uint32_t *map = dyad_arena_alloc(d->arena, (size_t)(n_old + 1) * sizeof *map);
    uint8_t *old = dyad_arena_alloc(d->arena, n);
    uint32_t i = 0, j = 0, k = 0;
    while (i < n_old || j < m->n_add) {
        if (j >= m->n_add || (i < n_old && d->mentions[i].tok <= m->add[j].tok)) {
            map[i] = k;
            old[k] = 1;
            out[k++] = d->mentions[i++];
        } else
            out[k++] = m->add[j++];
    }
    for (k = 0; k < n; k++)
        if (old[k] && out[k].antecedent >= 0 && (uint32_t)out[k].antecedent < n_old)
            out[k].antecedent = (int32_t)map[out[k].antecedent];
    for (uint32_t e = 0; e < m->first_entity; e++)
        if (d->entities[e].first_mention < n_old) d->entities[e].first_mention = map[d->entities[e].first_mention];
    d->mentions = dyad_grow(d->mentions, &d->cap_mentions, n, sizeof *d->mentions);
    memcpy(d->mentions, out, (size_t)n * sizeof *out);
    d->n_mentions = n;
    for (k = 0; k < n; k++) {
        int32_t e = d->mentions[k].entity;
        if (e >= (int32_t)m->first_entity && d->entities[e].first_mention == UINT32_MAX - 1)
            d->entities[e].first_mention = k;
    }
}

void tabari_coder_actors(const tabari_coder *c, dyad_doc *d)
{
    if (!c || !c->has_actors || !d->n_toks) return;
    mctx m;
    memset(&m, 0, sizeof m);
    m.c = c;
    m.d = d;
    m.date = story_date(d);
    m.first_entity = d->n_entities;
    m.covered = dyad_arena_alloc(d->arena, d->n_toks);
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *mn = &d->mentions[i];
        for (uint32_t t = mn->tok; t < mn->tok + mn->ntok && t < d->n_toks; t++) m.covered[t] = 1;
    }
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        find_atoms(&m, st->tok, st->tok + st->ntok);
        compose_sentence(&m, s, st->tok, st->tok + st->ntok);
    }
    if (m.n_add) merge(&m);
}
