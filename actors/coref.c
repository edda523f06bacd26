/*
 * coref.c - coreference: each proto-mention of a sentence becomes a
 * dyad_mention tied to an entity of the document.
 *
 * Entities are found by key (person, country, government metonym, country
 * + agent role, organisation, candidate name) in a small hash map, so a
 * later "North Korea" is the same entity as the first.  Each entity keeps a
 * salience: every mention adds 1 and it fades by ACT_DECAY per sentence, so an
 * entity mentioned often stays salient across a story while one mentioned
 * once fades.  Mentions that carry no name of their own are linked:
 *
 *   surname   "Kim": the person entities with that surname, most salient
 *             first; if the story has none yet, the lexicon's only person
 *             of that surname (or the only one holding a role that fits
 *             the title: "President Trump").
 *   descriptor "the North Korean leader", "the despot", "the ministry":
 *             entities of the same kind (person or body) whose country and
 *             agent code agree, and that the story (or the person's lexicon
 *             title) has called by that noun, or - for head nouns (leader,
 *             president, dictator) - a head of state or government.  A
 *             pejorative (dictator, despot) prefers a leader the story
 *             introduced with a nationality ("North Korean leader Kim Jong
 *             Un": foreign to the writer) over one introduced by a bare
 *             title ("President Trump": the writer's own).
 *   pronoun   he/him/his, she/her: the most recent person of that gender in
 *             the last three sentences; inside a quotation, not the quote's
 *             speaker (the last person next to "said", "told" ...).
 *             it/its, they/their: the most recent singular (plural)
 *             country, organisation or body in this or the last sentence.
 *             Pronouns inside quotations other than he/she are left alone.
 *
 * Recent entities sit in an MRU list (ACT_MRU), which bounds the cost of
 * linking on very long documents.
 */
#include "actors_int.h"

#include <string.h>

static float sal_now(const act_doc *ad, const act_ent *e)
{
    uint32_t k = ad->sent - e->last_sent;
    return k < 64 ? e->sal * ad->lex->decay[k] : 0.0f;
}

/* ------------------------------------------------------------ entity map */

static uint32_t ekey(uint32_t kind, int32_t a, int32_t b, int32_t c)
{
    uint32_t h = hash_seq(HASH_SEED, kind);
    h = hash_seq(h, (uint32_t)a);
    h = hash_seq(h, (uint32_t)b);
    return hash_seq(h, (uint32_t)c) | 1;
}

static int same_key(const act_ent *e, uint32_t kind, int32_t target, int32_t country, int32_t agent)
{
    return e->ekind == kind && e->target == target && e->country == country && e->key_agent == agent;
}

static int32_t ent_find(const act_doc *ad, uint32_t key, uint32_t kind, int32_t target, int32_t country, int32_t agent)
{
    if (!ad->emap) return -1;
    for (uint32_t i = key & ad->emap_mask;; i = (i + 1) & ad->emap_mask) {
        uint32_t v = ad->emap[i];
        if (!v) return -1;
        const act_ent *e = &ad->ents[v - 1];
        if (e->key == key && same_key(e, kind, target, country, agent)) return (int32_t)(v - 1);
    }
}

static void emap_put(act_doc *ad, uint32_t key, uint32_t idx)
{
    if ((ad->emap_used + 1) * 2 > ad->emap_mask + 1) {
        uint32_t size = ad->emap ? (ad->emap_mask + 1) * 2 : 64;
        uint32_t *old = ad->emap, omask = ad->emap_mask;
        ad->emap = dyad_arena_alloc(ad->doc->arena, size * sizeof *ad->emap);
        ad->emap_mask = size - 1;
        if (old)
            for (uint32_t i = 0; i <= omask; i++)
                if (old[i]) {
                    uint32_t k = ad->ents[old[i] - 1].key & ad->emap_mask;
                    while (ad->emap[k]) k = (k + 1) & ad->emap_mask;
                    ad->emap[k] = old[i];
                }
    }
    uint32_t k = key & ad->emap_mask;
    while (ad->emap[k]) k = (k + 1) & ad->emap_mask;
    ad->emap[k] = idx + 1;
    ad->emap_used++;
}

static void mru_touch(act_doc *ad, uint32_t e)
{
    uint32_t i = 0;
    while (i < ad->n_mru && ad->mru[i] != e) i++;
    if (i == ad->n_mru) {
        if (ad->n_mru < ACT_MRU) ad->n_mru++;
        i = ad->n_mru - 1;
    }
    memmove(ad->mru + 1, ad->mru, i * sizeof *ad->mru);
    ad->mru[0] = e;
}

static void set_code(char *dst, const char *src) { snprintf(dst, ACT_CODE, "%s", src ? src : ""); }

/* The country index of a code's first three letters ("GBRLEG" -> GBR), or -1. */
static int32_t code_country(const actors_lexicon *lex, const char *code)
{
    if (!code || strlen(code) < 3) return -1;
    for (uint32_t c = 0; c < lex->n_countries; c++)
        if (!strncmp(lex->countries[c].code, code, 3)) return (int32_t)c;
    return -1;
}

static int32_t ent_new(act_doc *ad, uint32_t key, uint32_t kind, int32_t target, int32_t country,
                       int32_t agent, const char *name, const char *code, uint8_t dkind, uint8_t gender)
{
    dyad_doc *d = ad->doc;
    uint32_t idx = d->n_entities;
    d->entities = dyad_grow(d->entities, &d->cap_entities, idx + 1, sizeof *d->entities);
    ad->ents = act_avec(d->arena, ad->ents, &ad->cap_ents, idx + 1, sizeof *ad->ents);
    d->n_entities++;
    dyad_entity *de = &d->entities[idx];
    memset(de, 0, sizeof *de);
    de->name = name;
    set_code(de->code, code);
    de->kind = dkind;
    de->gender = gender;
    de->first_mention = UINT32_MAX;
    de->person = kind == E_PERSON ? target : -1;
    act_ent *e = &ad->ents[idx];
    memset(e, 0, sizeof *e);
    e->ekind = (uint8_t)kind;
    e->target = target;
    e->country = country;
    e->agent = agent;
    e->key_agent = agent;
    e->key = key;
    e->last_sent = ad->sent;
    e->last_mention = -1;
    e->home = country >= 0 ? country : code_country(ad->lex, code);
    emap_put(ad, key, idx);
    return (int32_t)idx;
}

static void add_title(act_ent *e, uint32_t h)
{
    for (int i = 0; i < ENT_TITLES; i++) {
        if (e->titles[i] == h) return;
        if (!e->titles[i]) { e->titles[i] = h; return; }
    }
    memmove(e->titles, e->titles + 1, (ENT_TITLES - 1) * sizeof *e->titles);
    e->titles[ENT_TITLES - 1] = h;
}

static int has_title(const act_ent *e, uint32_t h)
{
    for (int i = 0; i < ENT_TITLES; i++) if (e->titles[i] == h) return 1;
    return 0;
}

/* The person entity, made on first mention with the code at the date. */
static int32_t person_entity(act_doc *ad, uint32_t p)
{
    const actors_lexicon *lex = ad->lex;
    uint32_t key = ekey(E_PERSON, (int32_t)p, -1, -1);
    int32_t e = ent_find(ad, key, E_PERSON, (int32_t)p, -1, -1);
    if (e >= 0) return e;
    const act_person *per = &lex->people[p];
    e = ent_new(ad, key, E_PERSON, (int32_t)p, -1, -1, per->name, act_person_code(lex, p, ad->date, NULL),
                DYAD_ACTOR_PERSON, per->gender);
    act_ent *x = &ad->ents[e];
    if (per->title_agent >= 0) add_title(x, lex->agents[per->title_agent].last);
    x->home_title = 0;
    if (per->imported && per->surname_hash) {
        /* An office-holder's surname is no lexicon name: a later lone
         * "Blunkett" links to the story's David Blunkett as to a new actor. */
        x->last_word = per->surname_hash;
        x->first_word = 0;
        ad->n_cands++;
    }
    if (ad->undated && act_person_dated(lex, p)) {
        x->undated = 1;
        ad->flagged = 1;
    }
    return e;
}

/* "PRKGOV" -> is its country part the country c? */
static int code_country_is(const actors_lexicon *lex, const char *code, int32_t c)
{
    return c < 0 || !strncmp(code, lex->countries[c].code, 3);
}

static int code_agent_is(const char *code, const char *agent)
{
    size_t n = strlen(code);
    return n >= 6 && !strncmp(code + 3, agent, 3);
}

/* ------------------------------------------------------------ linking */

/* A head of state or government: titled so in the story ("leader Kim"),
 * or by the person's lexicon title. */
static int is_head(const act_doc *ad, const act_ent *e)
{
    if (e->head) return 1;
    return e->ekind == E_PERSON && ad->lex->people[e->target].head;
}

static int32_t link_desc(act_doc *ad, const act_pm *p)
{
    const actors_lexicon *lex = ad->lex;
    const act_agent *ag = &lex->agents[p->agent];
    int32_t best = -1;
    float best_score = -1e9f;
    for (uint32_t i = 0; i < ad->n_mru; i++) {
        uint32_t ei = ad->mru[i];
        const act_ent *e = &ad->ents[ei];
        const char *code = ad->doc->entities[ei].code;
        float score = sal_now(ad, e);
        if (ag->person) {
            if (e->ekind != E_PERSON && e->ekind != E_CAND &&
                !(e->ekind == E_ROLE && e->agent >= 0 && lex->agents[e->agent].person && lex->agents[e->agent].last == ag->last))
                continue;
            if (p->country >= 0 && !code_country_is(lex, code, p->country)) continue;
            int titled = has_title(e, ag->last);
            int head = ag->head && is_head(ad, e);
            if (!titled && !head) continue;
            if (e->ekind != E_ROLE && !code_agent_is(code, ag->code) && !titled) continue;
            if (titled) score += 10.0f;     /* called so in this story: first in line */
            if (ag->pejorative) score += 2.0f * (float)e->foreign - 2.0f * (float)e->home_title;
        } else {
            int ok = 0;
            if (e->ekind == E_ROLE && e->agent >= 0 && !lex->agents[e->agent].person)
                ok = lex->agents[e->agent].last == ag->last;
            else if (e->ekind == E_METONYM)
                ok = !strcmp(ag->code, "GOV");     /* "the regime", "the government" after "Pyongyang" */
            else if (e->ekind == E_ORG)
                ok = lex->orgs[e->target].last == ag->last;     /* "the agency" after KCNA */
            if (!ok) continue;
            if (p->country >= 0 && !code_country_is(lex, code, p->country)) continue;
            if (e->ekind != E_METONYM) score += 1.0f;       /* the same noun beats a metonym */
        }
        if (score > best_score) { best_score = score; best = (int32_t)ei; }
    }
    return best;
}

static int32_t story_country(const act_doc *ad);

static int32_t link_surname(act_doc *ad, const act_pm *p)
{
    const actors_lexicon *lex = ad->lex;
    const act_atom *a = &ad->atoms[p->atom];
    /* People of the story with this surname: the most salient. */
    int32_t best = -1;
    float best_sal = -1.0f;
    uint32_t n_lex = 0, n_fit = 0, lex_one = 0, fit_one = 0;
    /* New actors of the story: "Lee" after "President Lee Jae Myung" (a
     * candidate), by its first or last word. */
    if (ad->n_cands && a->ntok == 1) {
        uint32_t h = ad->doc->toks[a->tok].hash;
        for (uint32_t i = 0; i < ad->n_mru; i++) {
            const act_ent *e = &ad->ents[ad->mru[i]];
            int imported = e->ekind == E_PERSON && lex->people[e->target].imported;
            if ((e->ekind != E_CAND && !imported) || (e->first_word != h && e->last_word != h)) continue;
            float s = sal_now(ad, e);
            if (s > best_sal) { best_sal = s; best = (int32_t)ad->mru[i]; }
        }
    }
    if (p->surname == 2) {
        if (best >= 0 || p->tok == a->tok) return best;
        /* "Mr Davis" and no Davis yet: the one imported office-holder of
         * that surname whose role on the story's date is of the story's
         * country ("Mr Clarke" with Ken and Charles Clarke both sitting
         * stays unknown). */
        int32_t c = ad->undated ? -1 : story_country(ad);
        if (c < 0) return -1;
        uint32_t f, n = act_imported_surname(lex, ad->doc->toks[a->tok].hash, &f), fits = 0, one = 0;
        for (uint32_t k = 0; k < n && fits < 2; k++) {
            uint32_t pi = (uint32_t)(lex->by_surname[f + k] & 0xffffffffu);
            if (p->gender && lex->people[pi].gender && lex->people[pi].gender != p->gender) continue;
            int dated = 0;
            const char *code = act_person_code(lex, pi, ad->date, &dated);
            if (dated && code[0] && code_country_is(lex, code, c)) { fits++; one = pi; }
        }
        return fits == 1 ? -2 - (int32_t)one : -1;
    }
    /* "in May", "May 5": a surname that is also a month or a common
     * capitalised word names a person only after a full mention. */
    const dyad_token *st = &ad->doc->toks[a->tok];
    int weak = act_words_get(&lex->words, st->hash) & WC_NOTNAME;
    const dyad_sentence *sn = &ad->doc->sents[ad->sent];
    if (a->tok + 1 < sn->tok + sn->ntok && (ad->doc->toks[a->tok + 1].flags & DYAD_TOK_NUM)) weak = 1;
    for (uint64_t b = a->pass; b; b &= b - 1) {
        const act_name *nm = &lex->names[a->first + (uint32_t)__builtin_ctzll(b)];
        if (nm->kind != NK_SURNAME) continue;
        uint32_t pi = nm->target;
        if (p->gender && lex->people[pi].gender && lex->people[pi].gender != p->gender) continue;
        int32_t e = ent_find(ad, ekey(E_PERSON, (int32_t)pi, -1, -1), E_PERSON, (int32_t)pi, -1, -1);
        if (e >= 0) {
            float s = sal_now(ad, &ad->ents[e]);
            if (s > best_sal) { best_sal = s; best = e; }
            continue;
        }
        n_lex++;
        lex_one = pi;
        /* A title narrows it: "President Trump", "North Korean leader Kim". */
        int dated = 0;
        const char *code = act_person_code(lex, pi, ad->date, &dated);
        int fits = dated;
        if (p->title_agent >= 0) fits = fits && code_agent_is(code, lex->agents[p->title_agent].code);
        if (p->country >= 0) fits = fits && code_country_is(lex, code, p->country);
        if (fits) { n_fit++; fit_one = pi; }
    }
    if (best >= 0) return best;
    if (weak && p->title_agent < 0) return -1;
    if (n_lex == 1) return -2 - (int32_t)lex_one;        /* the only one */
    if (n_fit == 1) return -2 - (int32_t)fit_one;
    return -1;
}

static int is_expletive_it(const act_doc *ad, const act_pm *p)
{
    uint32_t i = p->tok + 1;
    const dyad_sentence *s = &ad->doc->sents[ad->sent];
    if (i >= s->tok + s->ntok) return 1;
    const dyad_token *t = &ad->doc->toks[i];
    const char *w = ad->doc->text + t->off;
    static const char *const cop[] = {"is", "was", "'s", "\xE2\x80\x99s", "seems", "seemed", "appears",
                                      "appeared", "remains", "remained", "takes", "took", NULL};
    for (const char *const *c = cop; *c; c++)
        if (strlen(*c) == t->len && !strncmp(w, *c, t->len)) return 1;
    return 0;
}

static int clause_mate(const act_doc *ad, int32_t mention, uint32_t tok)
{
    if (mention < 0) return 0;
    const dyad_mention *m = &ad->doc->mentions[mention];
    if (m->sent != ad->sent) return 0;
    uint32_t e = m->tok + m->ntok;
    if (e > tok || tok - e > 4) return 0;
    for (uint32_t i = e; i < tok; i++) {
        const dyad_token *t = &ad->doc->toks[i];
        if (t->flags & (DYAD_TOK_PUNCT)) return 0;
        const char *w = ad->doc->text + t->off;
        if ((t->len == 4 && !strncmp(w, "that", 4)) || (t->len == 3 && !strncmp(w, "who", 3)) ||
            (t->len == 5 && !strncmp(w, "which", 5)))
            return 0;
    }
    return 1;
}

/* "He praised Kim": a sentence-initial subject pronoun is never a person
 * the same sentence goes on to name (by full name or surname); the reader
 * looks further back, to the "Trump" of "Trump met Kim". */
static int named_later(const act_doc *ad, const act_pm *p, const act_ent *e)
{
    if (e->ekind != E_PERSON) return 0;
    for (const act_pm *q = p + 1; q < ad->pms + ad->n_pms; q++) {
        if (q->kind != DYAD_ACTOR_PERSON) continue;
        if (q->person == e->target) return 1;
        if (!q->surname || q->atom < 0) continue;
        const act_atom *a = &ad->atoms[q->atom];
        for (uint64_t b = a->pass; b; b &= b - 1) {
            const act_name *nm = &ad->lex->names[a->first + (uint32_t)__builtin_ctzll(b)];
            if (nm->kind == NK_SURNAME && (int32_t)nm->target == e->target) return 1;
        }
    }
    return 0;
}

static int32_t link_pronoun(act_doc *ad, const act_pm *p)
{
    const actors_lexicon *lex = ad->lex;
    const dyad_token *t = &ad->doc->toks[p->tok];
    if ((p->pron == PR_IT || p->pron == PR_THEY) && p->quoted) return -1;
    if (p->pron == PR_IT && t->hash == lex->w.it && is_expletive_it(ad, p)) return -1;
    /* it/its only within their sentence: across sentences "it" is too often
     * a letter, a company or an outreach that no lexicon knows. */
    uint32_t reach = p->pron == PR_HE || p->pron == PR_SHE ? 3 : p->pron == PR_IT ? 0 : 1;
    int object = t->hash == lex->w.him || t->hash == lex->w.her || t->hash == lex->w.them;
    int initial_subject = !p->quoted && (t->hash == lex->w.he || t->hash == lex->w.she) &&
                          p->tok == ad->doc->sents[ad->sent].tok;
    int32_t best = -1;
    int32_t best_m = -1;
    for (uint32_t i = 0; i < ad->n_mru; i++) {
        uint32_t ei = ad->mru[i];
        const act_ent *e = &ad->ents[ei];
        if (ad->sent - e->last_sent > reach || e->last_mention < 0) continue;
        const dyad_entity *de = &ad->doc->entities[ei];
        int person = e->ekind == E_PERSON || e->ekind == E_CAND ||
                     (e->ekind == E_ROLE && e->agent >= 0 && lex->agents[e->agent].person && !de->plural);
        switch (p->pron) {
        case PR_HE: if (!person || de->gender == 'f') continue; break;
        case PR_SHE: if (!person || de->gender == 'm') continue; break;
        case PR_IT: if (person || de->plural) continue; break;
        case PR_THEY:
            /* Plural actors ("North Korean officials"); a country or an
             * organisation only within the sentence ("Hamas said they ..."):
             * across sentences "they" is mostly traders, analysts, talks. */
            if (person && !de->plural) continue;
            if (!de->plural && ((e->ekind != E_COUNTRY && e->ekind != E_ORG && e->ekind != E_METONYM) ||
                                e->last_sent != ad->sent))
                continue;
            break;
        }
        /* "I like him": inside a quote, "him" is not the speaker. */
        if (p->quoted && (int32_t)ei == ad->last_speaker) continue;
        /* "Kim sent him a note": an object pronoun is not the subject of its
         * own clause (a mention a few words before, no punctuation between). */
        if (object && clause_mate(ad, e->last_mention, p->tok)) continue;
        if (initial_subject && named_later(ad, p, e)) continue;
        if (e->last_mention > best_m) { best_m = e->last_mention; best = (int32_t)ei; }
    }
    return best;
}

/* ------------------------------------------------------------ mentions */

/* A role entity is named by its first mention, without "the" and
 * premodifiers: "North Korean Foreign Ministry", "U.S. officials" (the
 * agent added to a coordinated country), "Kim Jong Un's government". */
static const char *role_name(act_doc *ad, const act_pm *p, const char *owner)
{
    const dyad_doc *d = ad->doc;
    uint32_t b = p->tok, e = p->tok + p->ntok;
    while (e > b + 1 && (d->toks[b].hash == ad->lex->w.the || (d->toks[b].flags & DYAD_TOK_LOWER &&
           !(p->ag_ntok && b >= p->ag_tok)) || (d->toks[b].flags & (DYAD_TOK_NUM | DYAD_TOK_DASH))))
        b++;
    uint32_t off = d->toks[b].off, end = d->toks[e - 1].off + d->toks[e - 1].len;
    const char *ag = "";
    uint32_t agl = 0;
    if (p->ag_ntok && p->ag_tok >= e) {
        const dyad_token *t0 = &d->toks[p->ag_tok], *t1 = &d->toks[p->ag_tok + p->ag_ntok - 1];
        ag = d->text + t0->off;
        agl = t1->off + t1->len - t0->off;
    }
    if (owner) return dyad_arena_printf(d->arena, "%s's %.*s", owner, (int)(end - off), d->text + off);
    return dyad_arena_printf(d->arena, "%.*s%s%.*s", (int)(end - off), d->text + off, agl ? " " : "", (int)agl, ag);
}

/* The country the story is about so far: the country with the most
 * salience summed over its entities (the country itself, its government,
 * its roles, its people: a British politics story names Blunkett and
 * Howard, not Britain); -1 if none. */
static int32_t story_country(const act_doc *ad)
{
    enum { SLOTS = 8 };
    int32_t cs[SLOTS];
    float sal[SLOTS];
    uint32_t n = 0;
    for (uint32_t i = 0; i < ad->n_mru; i++) {
        const act_ent *e = &ad->ents[ad->mru[i]];
        if (e->home < 0) continue;
        float s = sal_now(ad, e);
        /* A capital acting in this very sentence ("Baghdad war communiques
         * made no mention ..., but a military spokesman threatened") is
         * the side the sentence is about: it outweighs the story so far. */
        if (e->ekind == E_METONYM && e->last_sent == ad->sent) s *= 3.0f;
        /* A country's bare name is as often a place ("troops in southern
         * Iraq") as an actor: half the weight of its people and bodies. */
        if (e->ekind == E_COUNTRY) s *= 0.5f;
        uint32_t k = 0;
        while (k < n && cs[k] != e->home) k++;
        if (k == n) {
            if (n == SLOTS) continue;
            cs[n] = e->home;
            sal[n++] = 0.0f;
        }
        sal[k] += s;
    }
    int32_t best = -1;
    float best_sal = 0.0f;
    for (uint32_t k = 0; k < n; k++)
        if (sal[k] > best_sal) { best_sal = sal[k]; best = cs[k]; }
    return best;
}

static int32_t entity_for(act_doc *ad, act_pm *p, int32_t *antecedent)
{
    const actors_lexicon *lex = ad->lex;
    *antecedent = -1;
    if (p->kind == DYAD_ACTOR_PRONOUN) {
        int32_t e = link_pronoun(ad, p);
        if (e >= 0) *antecedent = ad->ents[e].last_mention;
        return e;
    }
    if (p->surname) {
        int32_t e = link_surname(ad, p);
        if (e >= 0) { *antecedent = ad->ents[e].last_mention; p->how = DYAD_HOW_COREF_NAME; return e; }
        if (e == -1 && p->fallback && p->cand_name) {
            p->kind = DYAD_ACTOR_CANDIDATE;
            p->how = DYAD_HOW_CONTEXT;
            p->surname = 0;
            return entity_for(ad, p, antecedent);
        }
        if (e == -1) return -1;
        p->how = DYAD_HOW_LEXICON;
        return person_entity(ad, (uint32_t)(-2 - e));
    }
    if (p->desc) {
        int32_t e = p->desc == 4 ? -1 : link_desc(ad, p);
        if (e >= 0) { *antecedent = ad->ents[e].last_mention; p->how = DYAD_HOW_COREF_DESC; return e; }
        if (p->desc >= 2) {
            /* "the prime minister", "ministers", "police", "the government"
             * with no antecedent and no country of their own are actors of
             * the country the story is about (issue 15.4): the holder of
             * that office on the story's date when the lexicon knows one,
             * else the country + the agent.  A pejorative ("the dictator")
             * is used of foreign rulers, never of the story's own. */
            const act_agent *ag = &ad->lex->agents[p->agent];
            int32_t c = ag->pejorative ? -1 : story_country(ad);
            if (c < 0) return -1;
            if (p->desc == 2 && ag->person && !ad->undated) {
                int32_t who = act_office_holder(ad->lex, c, p->agent, ad->date);
                if (who >= 0) {
                    /* the mention stays a role ("the premier" is no name) */
                    p->person = who;
                    p->desc = 0;
                    p->how = DYAD_HOW_CONTEXT;
                    return person_entity(ad, (uint32_t)who);
                }
            }
            if (!act_bare_kind(ag)) return -1;
            p->country = c;
            p->desc = 0;
            p->how = DYAD_HOW_CONTEXT;
            snprintf(p->code, sizeof p->code, "%s%s", ad->lex->countries[c].code, ad->lex->agents[p->agent].code);
        }
    }
    switch (p->kind) {
    case DYAD_ACTOR_PERSON:
        return person_entity(ad, (uint32_t)p->person);
    case DYAD_ACTOR_COUNTRY: {
        uint32_t k = p->metonym ? E_METONYM : E_COUNTRY;
        uint32_t key = ekey(k, p->country, -1, -1);
        int32_t e = ent_find(ad, key, k, p->country, p->country, -1);
        if (e >= 0) return e;
        const act_country *c = &lex->countries[p->country];
        const char *name = c->name;
        if (p->metonym) name = dyad_arena_printf(ad->doc->arena, "%s government", c->adj ? c->adj : c->name);
        return ent_new(ad, key, k, p->country, p->country, -1, name, p->code, DYAD_ACTOR_COUNTRY, 0);
    }
    case DYAD_ACTOR_ORG: {
        uint32_t key = ekey(E_ORG, p->org, -1, -1);
        int32_t e = ent_find(ad, key, E_ORG, p->org, -1, -1);
        if (e >= 0) return e;
        return ent_new(ad, key, E_ORG, p->org, -1, -1, lex->orgs[p->org].name, p->code, DYAD_ACTOR_ORG, 0);
    }
    case DYAD_ACTOR_ROLE: {
        if (p->poss_of >= 0) {
            /* "Kim Jong Un's government": the owner's country + the agent. */
            int32_t om = ad->pms[p->poss_of].emitted;
            if (om < 0) return -1;
            int32_t owner = ad->doc->mentions[om].entity;
            if (owner < 0) return -1;
            const char *oc = ad->doc->entities[owner].code;
            if (strlen(oc) < 3) return -1;
            if (!strncmp(oc, "IGO", 3) || !strncmp(oc, "NGO", 3) || !strncmp(oc, "IMG", 3)) set_code(p->code, oc);
            else snprintf(p->code, ACT_CODE, "%.3s%s", oc, lex->agents[p->agent].code);
            for (uint32_t c = 0; c < lex->n_countries; c++)
                if (!strncmp(lex->countries[c].code, oc, 3)) { p->country = (int32_t)c; break; }
        }
        const char *owner_name = NULL;
        if (p->poss_of >= 0) owner_name = ad->doc->entities[ad->doc->mentions[ad->pms[p->poss_of].emitted].entity].name;
        int32_t tgt = p->org >= 0 ? p->org : -1;
        int32_t agent = p->agent | (p->plural ? 0x40000000 : 0);
        uint32_t key = ekey(E_ROLE, tgt, p->country, agent);
        int32_t e = ent_find(ad, key, E_ROLE, tgt, p->country, agent);
        if (e >= 0) return e;
        e = ent_new(ad, key, E_ROLE, tgt, p->country, agent, role_name(ad, p, owner_name), p->code, DYAD_ACTOR_ROLE, p->gender);
        ad->ents[e].agent = p->agent;   /* the key keeps the plural bit (key_agent); this does not */
        ad->doc->entities[e].plural = p->plural;
        return e;
    }
    case DYAD_ACTOR_CANDIDATE: {
        /* "campaign group Statewatch" with no country word: the story
         * country's, as for the noun alone.  (Not a person: "Police Chief
         * Karim Bazargan" in a story about Brazil and Iran is no Brazilian.) */
        if (p->is_org && p->country < 0 && p->agent >= 0 && strlen(p->code) == 3 && act_bare_kind(&lex->agents[p->agent])) {
            int32_t c = story_country(ad);
            if (c >= 0) {
                p->country = c;
                snprintf(p->code, sizeof p->code, "%s%s", lex->countries[c].code, lex->agents[p->agent].code);
            }
        }
        uint32_t h = hash_folded(p->cand_name, strlen(p->cand_name));
        uint32_t key = ekey(E_CAND, (int32_t)h, -1, -1);
        int32_t e = ent_find(ad, key, E_CAND, (int32_t)h, -1, -1);
        if (e >= 0) return e;
        e = ent_new(ad, key, E_CAND, (int32_t)h, -1, -1, p->cand_name, p->code, DYAD_ACTOR_CANDIDATE, p->gender);
        const char *sp = strrchr(p->cand_name, ' ');
        sp = sp ? sp + 1 : p->cand_name;
        ad->ents[e].last_word = hash_folded(sp, strlen(sp));
        const char *fs = strchr(p->cand_name, ' ');
        ad->ents[e].first_word = hash_folded(p->cand_name, fs ? (size_t)(fs - p->cand_name) : strlen(p->cand_name));
        ad->n_cands++;
        return e;
    }
    }
    return -1;
}

/* Is the token before or after the span a speech verb ("Trump said")? */
static int next_to_speech(const act_doc *ad, const act_pm *p)
{
    const dyad_sentence *s = &ad->doc->sents[ad->sent];
    uint32_t after = p->tok + p->ntok, before = p->tok;
    if (after < s->tok + s->ntok && (act_words_get(&ad->lex->words, ad->doc->toks[after].hash) & WC_SPEECH)) return 1;
    if (before > s->tok && (act_words_get(&ad->lex->words, ad->doc->toks[before - 1].hash) & WC_SPEECH)) return 1;
    return 0;
}

static void emit_mention(act_doc *ad, act_pm *p, int32_t e, int32_t antecedent)
{
    dyad_doc *d = ad->doc;
    const actors_lexicon *lex = ad->lex;
    uint32_t mi = d->n_mentions;
    d->mentions = dyad_grow(d->mentions, &d->cap_mentions, mi + 1, sizeof *d->mentions);
    d->n_mentions++;
    dyad_mention *m = &d->mentions[mi];
    memset(m, 0, sizeof *m);
    const dyad_token *b = &d->toks[p->tok], *l = &d->toks[p->tok + p->ntok - 1];
    m->off = b->off;
    m->len = l->off + l->len - b->off;
    m->tok = p->tok;
    m->ntok = p->ntok;
    m->sent = ad->sent;
    m->entity = e;
    m->antecedent = antecedent;
    m->kind = p->kind;
    m->how = p->how;
    m->flags = (uint16_t)((p->quoted ? ACTORS_MF_QUOTED : 0) | (p->plural ? ACTORS_MF_PLURAL : 0) |
                          (p->is_org ? ACTORS_MF_ORG : 0) |
                          (e >= 0 && ad->ents[e].undated ? ACTORS_MF_UNDATED : 0));
    /* An office-holder out of office on this date, titled here ("chief
     * secretary George Osborne"), takes the code of the title. */
    if (e >= 0 && !d->entities[e].code[0] && ad->ents[e].ekind == E_PERSON && p->title_agent >= 0 &&
        lex->people[ad->ents[e].target].imported) {
        const char *ag = lex->agents[p->title_agent].code;
        if (p->country >= 0) snprintf(d->entities[e].code, sizeof d->entities[e].code, "%s%s", lex->countries[p->country].code, ag);
        else snprintf(d->entities[e].code, sizeof d->entities[e].code, "%s", ag);
    }
    /* A linked mention takes its entity's code; a composed one keeps its own. */
    if (e >= 0 && (p->how != DYAD_HOW_COMPOSED || p->kind == DYAD_ACTOR_PERSON)) set_code(m->code, d->entities[e].code);
    else set_code(m->code, p->code);
    if (e < 0) return;
    dyad_entity *de = &d->entities[e];
    act_ent *x = &ad->ents[e];
    if (de->first_mention == UINT32_MAX) de->first_mention = mi;
    x->sal = sal_now(ad, x) + (p->kind == DYAD_ACTOR_PRONOUN ? 0.5f : 1.0f);
    x->last_sent = ad->sent;
    x->last_mention = (int32_t)mi;
    x->n_mentions++;
    if (p->title_agent >= 0) {
        add_title(x, lex->agents[p->title_agent].last);
        if (lex->agents[p->title_agent].head) x->head = 1;
        if (p->foreign) x->foreign = 1;
        else if (p->home_title && !x->foreign) x->home_title = 1;
    }
    if (p->how == DYAD_HOW_COREF_DESC && p->agent >= 0 && lex->agents[p->agent].person)
        add_title(x, lex->agents[p->agent].last);
    if (!de->gender && p->gender) de->gender = p->gender;
    mru_touch(ad, (uint32_t)e);
    if ((x->ekind == E_PERSON || x->ekind == E_CAND || p->kind == DYAD_ACTOR_PRONOUN) && !p->quoted && next_to_speech(ad, p))
        ad->last_speaker = e;
}

void act_resolve_sentence(act_doc *ad)
{
    for (uint32_t i = 0; i < ad->n_pms; i++) {
        act_pm *p = &ad->pms[i];
        int32_t ante;
        int32_t e = entity_for(ad, p, &ante);
        p->emitted = -1;
        /* An unresolved pronoun, surname or bare descriptor carries no code
         * and is left out. */
        if (e < 0 && (p->kind == DYAD_ACTOR_PRONOUN || p->surname || p->desc >= 2)) continue;
        if (e < 0 && p->poss_of >= 0) continue;
        p->emitted = (int32_t)ad->doc->n_mentions;
        emit_mention(ad, p, e, ante);
    }
}

void act_credit_org(act_doc *ad, uint32_t org)
{
    uint32_t key = ekey(E_ORG, (int32_t)org, -1, -1);
    if (ent_find(ad, key, E_ORG, (int32_t)org, -1, -1) >= 0) return;
    ent_new(ad, key, E_ORG, (int32_t)org, -1, -1, ad->lex->orgs[org].name, ad->lex->orgs[org].code, DYAD_ACTOR_ORG, 0);
}
