/*
 * tc_actors.c - compile actor and agent dictionaries (read by tabari.h)
 * into the actor and agent tries and their code tables.
 *
 * Actors.  Every name of an entry becomes a trie phrase whose payload is the
 * entry; its codes (default and dated) are copied in file order, because
 * the code at a date is TABARI's rule: the first dated code whose range
 * holds the date, else the first default.  An entry written without any
 * code takes the codes of the entry after it -- that is how PETRARCH reads
 * "LEONID_BREZHNEV_ / LEONID_ILYICH_BREZHNEV / [RUSGOV ...]": lines without
 * '+' and without codes are synonyms of the next coded entry.
 *
 * Words.  The Phoenix files are PETRARCH files, and PETRARCH does not stem:
 * a bare word there is the word, plus (for agents) its regular plural.
 * TABARI would take it as a stem, so that OFFICIAL also matched OFFICIALLY
 * and REBEL matched REBELLION.  dyad takes the middle road for actor and
 * agent names: the last word matches itself and its regular plural (FORMS
 * without the verb endings, expanded into exact phrases here); a word
 * written with '_' only itself.
 */
#include "tc.h"

#include <stdlib.h>
#include <string.h>

static void *xgrow(void *p, uint32_t *cap, uint32_t need, size_t el) { return dyad_grow(p, cap, need, el); }

typedef struct {
    tabari_coder *c;
    tc_words ws;
    dyad_token *scratch;
    uint32_t scratch_cap;
} builder;

/* Adds phrase ph to trie t with payload value: once as written and, when
 * its last word is bare, once per regular plural.  Returns phrases added. */
static long add_phrase(builder *b, tc_trie *t, const tabari_phrase *ph, uint32_t value, int plurals)
{
    b->ws.n = 0;
    uint32_t last_at = 0;
    for (uint32_t i = 0; i < ph->nwords; i++) {
        const tabari_elem *e = &ph->words[i];
        last_at = b->ws.n;
        tc_words_add(&b->ws, &b->c->pool, e->text, TC_EXACT, 1, &b->scratch, &b->scratch_cap);
    }
    if (!b->ws.n) return 0;
    tc_trie_add(t, b->ws.w, b->ws.n, value);
    long added = 1;
    const tabari_elem *last = &ph->words[ph->nwords - 1];
    if (!plurals || last->kind != TABARI_EL_STEM || b->ws.n - last_at != 1) return added;
    tc_word *lw = &b->ws.w[b->ws.n - 1];
    const char *base = b->c->pool.p + lw->text;
    char forms[8][TC_MAX_FOLD];
    int nf = tc_regular_forms(base, lw->len, 0, forms);
    tc_word keep = *lw;
    for (int f = 1; f < nf; f++) {
        lw->hash = hash_folded(forms[f], strlen(forms[f]));
        tc_trie_add(t, b->ws.w, b->ws.n, value);
        added++;
        lw = &b->ws.w[b->ws.n - 1];
    }
    *lw = keep;
    return added;
}

static void copy_code(char dst[TC_CODE], const char *s)
{
    snprintf(dst, TC_CODE, "%s", s ? s : "");
}

int tc_load_actors(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                   char *err, size_t errlen)
{
    tabari_actors a;
    if (tabari_load_actors(path, &a, report, ctx) < 0) {
        snprintf(err, errlen, "%s: cannot read the actor dictionary", path);
        tabari_actors_free(&a);
        return -1;
    }
    c->stats.unusable += a.unusable;
    c->stats.warnings += a.warnings;
    builder b = {c, {0}, NULL, 0};
    /* The entry whose codes each entry uses: itself, or the next coded one. */
    size_t coded = SIZE_MAX;
    uint32_t *codes_of = malloc((a.nactors + 1) * sizeof *codes_of);
    if (!codes_of) { snprintf(err, errlen, "out of memory"); tabari_actors_free(&a); return -1; }
    for (size_t i = a.nactors; i-- > 0;) {
        if (a.actors[i].ncodes) coded = i;
        codes_of[i] = coded == SIZE_MAX ? UINT32_MAX : (uint32_t)coded;
    }
    uint32_t first_actor = c->n_actors;
    for (size_t i = 0; i < a.nactors; i++) {
        c->actors = xgrow(c->actors, &c->cap_actors, c->n_actors + 1, sizeof *c->actors);
        tc_actor *ta = &c->actors[c->n_actors];
        memset(ta, 0, sizeof *ta);
        ta->code_at = c->n_acodes;
        if (codes_of[i] != UINT32_MAX) {
            const tabari_actor *src = &a.actors[codes_of[i]];
            for (uint32_t k = 0; k < src->ncodes; k++) {
                const tabari_actor_code *ac = &a.codes[src->first_code + k];
                c->acodes = xgrow(c->acodes, &c->cap_acodes, c->n_acodes + 1, sizeof *c->acodes);
                tc_acode *tc = &c->acodes[c->n_acodes++];
                copy_code(tc->code, ac->code);
                tc->when = ac->when;
                tc->from = ac->from;
                tc->to = ac->to;
                if (ac->when != TABARI_WHEN_ALWAYS) ta->dated = 1;
            }
        }
        ta->n_codes = c->n_acodes - ta->code_at;
        const tabari_actor *src = &a.actors[i];
        ta->name = tc_pool_pretty(&c->pool, a.names[src->first_name].text);
        for (uint32_t k = 0; k < src->nnames; k++)
            c->stats.actor_names += add_phrase(&b, &c->actors_t, &a.names[src->first_name + k], c->n_actors, 1);
        c->n_actors++;
    }
    c->stats.actors += (long)(c->n_actors - first_actor);
    c->stats.actor_codes += (long)a.ncodes;
    c->has_actors = 1;
    free(codes_of);
    free(b.ws.w);
    free(b.scratch);
    tabari_actors_free(&a);
    return 0;
}

int tc_load_agents(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                   char *err, size_t errlen)
{
    tabari_agents g;
    if (tabari_load_agents(path, &g, report, ctx) < 0) {
        snprintf(err, errlen, "%s: cannot read the agent dictionary", path);
        tabari_agents_free(&g);
        return -1;
    }
    c->stats.unusable += g.unusable;
    c->stats.warnings += g.warnings;
    builder b = {c, {0}, NULL, 0};
    for (size_t i = 0; i < g.nagents; i++) {
        const tabari_agent *ag = &g.agents[i];
        c->agents = xgrow(c->agents, &c->cap_agents, c->n_agents + 1, sizeof *c->agents);
        tc_agent *ta = &c->agents[c->n_agents];
        copy_code(ta->code, ag->code);
        ta->after = ag->code_after;
        ta->name = tc_pool_pretty(&c->pool, ag->name.text);
        /* The reader made the regular plural (or took the {...} one; {}
         * means none): only when it could not are plurals generated here. */
        int plurals = ag->plural_kind == TABARI_PLURAL_REGULAR && !ag->plural.nwords;
        c->stats.agent_names += add_phrase(&b, &c->agents_t, &ag->name, c->n_agents, plurals);
        if (ag->plural.nwords)
            c->stats.agent_names += add_phrase(&b, &c->agents_t, &ag->plural, c->n_agents, 0);
        c->n_agents++;
    }
    c->stats.agents += (long)g.nagents;
    c->has_actors = 1;
    free(b.ws.w);
    free(b.scratch);
    tabari_agents_free(&g);
    return 0;
}
