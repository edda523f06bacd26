/*
 * names.c - actors_names: the named entities of a document, typed PER /
 * ORG / LOC / GPE / NORP, with their spans (contract in actors.h).
 *
 * Two sources, in text order:
 *   1. the actor mentions that are names (not pronouns, descriptors or
 *      bare role nouns): countries and capitals GPE, people and new named
 *      actors PER, organisations ORG, demonym plurals ("Iranians") NORP;
 *      each keeps its mention, so its code and how are the actor's;
 *   2. when the sentence was parsed (doc->syn), every run of proper nouns
 *      (PROPN, joined by flat / compound) that no mention covers: a name
 *      the lexicon does not know.  A gazetteer place is LOC, a run with an
 *      organisation word (Ministry, Bank, University ...) ORG, a month or
 *      weekday nothing, anything else PER.  Such names have no code.
 * Scratch and results live in doc->arena.
 */
#include "actors_int.h"

#include <string.h>

const char *actors_name_type(int type)
{
    static const char *const n[] = {"?", "PER", "ORG", "LOC", "GPE", "NORP"};
    return type >= 0 && type <= ACTORS_NORP ? n[type] : "?";
}

static int mention_type(const dyad_mention *m)
{
    switch (m->kind) {
    case DYAD_ACTOR_COUNTRY: return (m->flags & ACTORS_MF_PLURAL) ? ACTORS_NORP : ACTORS_GPE;
    case DYAD_ACTOR_PERSON:
        /* a descriptor linked to a person ("the president") is no name */
        return m->how == DYAD_HOW_COREF_DESC ? 0 : ACTORS_PER;
    case DYAD_ACTOR_CANDIDATE: return (m->flags & ACTORS_MF_ORG) ? ACTORS_ORG : ACTORS_PER;
    case DYAD_ACTOR_ORG: return m->how == DYAD_HOW_COREF_DESC ? 0 : ACTORS_ORG;
    default: return 0;
    }
}

static int orgish_tok(const actors_lexicon *lex, const dyad_token *t)
{
    return (act_words_get(&lex->words, t->hash) & WC_ORGISH) != 0;
}

/* Continents and world regions: places no lexicon country or gazetteer
 * city names. */
static int region_word(const dyad_doc *d, uint32_t b, uint32_t e)
{
    static const char *const r[] = {"Europe", "Asia", "Africa", "America", "Americas", "Latin America",
                                    "South America", "North America", "Central America", "Middle East",
                                    "Caribbean", "Balkans", "Scandinavia", "Antarctica", "Oceania", "Eurasia",
                                    "Mediterranean", "Pacific", "Atlantic", "Arctic", "Sahara", NULL};
    uint32_t off = d->toks[b].off, len = d->toks[e - 1].off + d->toks[e - 1].len - off;
    for (const char *const *w = r; *w; w++)
        if (strlen(*w) == len && !memcmp(d->text + off, *w, len)) return 1;
    return 0;
}

/* The country words inside [b, e) of a mention that is no name of its own
 * ("US government", "Scottish ministers", "Spain's director general"):
 * a GPE for a country or capital, NORP for an adjective. */
static actors_name *country_words(const actors_lexicon *lex, const dyad_doc *d, uint32_t b, uint32_t e,
                                  actors_name *v, uint32_t *n, uint32_t *cap)
{
    for (uint32_t i = b; lex && i < e;) {
        uint32_t first, len = 0;
        uint64_t pass = 0;
        if ((d->toks[i].flags & DYAD_TOK_WORD) && !(d->toks[i].flags & DYAD_TOK_LOWER) && act_token_maybe(lex, &d->toks[i]))
            len = act_longest(lex, d, i, e, &first, &pass);
        int type = 0;
        for (uint64_t k = pass; len && k && !type; k &= k - 1) {
            int kind = lex->names[first + (uint32_t)__builtin_ctzll(k)].kind;
            if (kind == NK_COUNTRY || kind == NK_CAPITAL) type = ACTORS_GPE;
            else if (kind == NK_ADJ) type = ACTORS_NORP;
        }
        if (type) {
            v = act_avec(d->arena, v, cap, *n + 1, sizeof *v);
            v[(*n)++] = (actors_name){i, len, (uint8_t)type, -1};
        }
        i += len ? len : 1;
    }
    return v;
}

uint32_t actors_names(const actors_lexicon *lex, dyad_doc *d, actors_name **out)
{
    uint32_t n = 0, cap = 0;
    actors_name *v = NULL;
    /* which tokens a mention covers */
    uint8_t *covered = d->n_toks ? dyad_arena_alloc(d->arena, d->n_toks) : NULL;
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        for (uint32_t k = m->tok; k < m->tok + m->ntok && k < d->n_toks; k++) covered[k] = 1;
    }
    int parsed = d->n_syn == d->n_toks && d->n_toks;
    uint32_t mi = 0;
    for (uint32_t i = 0; i < d->n_toks;) {
        /* mentions starting here */
        while (mi < d->n_mentions && d->mentions[mi].tok < i) mi++;
        if (mi < d->n_mentions && d->mentions[mi].tok == i) {
            const dyad_mention *m = &d->mentions[mi];
            int type = mention_type(m);
            if (!type && m->kind == DYAD_ACTOR_ROLE && m->how == DYAD_HOW_COMPOSED) {
                /* "the Scottish Executive", "the Foreign Ministry", "Kenya
                 * Red Cross": a composed role written as a proper name,
                 * every word capitalised, is an organisation's name */
                uint32_t b = m->tok, e = m->tok + m->ntok, caps = 0;
                if (lex && b + 1 < e && d->toks[b].hash == lex->w.the) b++;
                for (uint32_t k = b; k < e; k++)
                    caps += (d->toks[k].flags & DYAD_TOK_CAP) && !(d->toks[k].flags & DYAD_TOK_UPPER) &&
                            (k == b || !(d->toks[k].flags & DYAD_TOK_POSS));
                if (e - b >= 2 && caps == e - b) {
                    v = act_avec(d->arena, v, &cap, n + 1, sizeof *v);
                    v[n++] = (actors_name){b, e - b, ACTORS_ORG, (int32_t)mi};
                    i = m->tok + m->ntok;
                    mi++;
                    continue;
                }
            }
            if (!type) v = country_words(lex, d, m->tok, m->tok + m->ntok, v, &n, &cap);
            if (type) {
                /* The name without its article or title: "the World Food
                 * Programme", "Police Chief Karim Bazargan" -> the words
                 * of the entity's name that end the mention. */
                uint32_t b = m->tok, e = m->tok + m->ntok;
                if (lex && b + 1 < e && d->toks[b].hash == lex->w.the) b++;

                const char *en = m->entity >= 0 ? d->entities[m->entity].name : NULL;
                if (en && (type == ACTORS_PER || m->kind == DYAD_ACTOR_CANDIDATE)) {
                    size_t el = strlen(en);
                    for (uint32_t k = b; k < e; k++) {
                        const dyad_token *l = &d->toks[e - 1];
                        uint32_t off = d->toks[k].off, len = l->off + l->len - off;
                        if (len == el && !memcmp(d->text + off, en, el)) { b = k; break; }
                    }
                }
                /* "Mr Bondi", "Sens. Alan Cranston": no honorific or
                 * abbreviated title */
                while (lex && type == ACTORS_PER && b + 1 < e &&
                       ((act_words_get(&lex->words, d->toks[b].hash) & WC_HONORIFIC) || (d->toks[b].flags & DYAD_TOK_ABBR)))
                    b++;
                uint32_t b0 = m->tok;
                v = act_avec(d->arena, v, &cap, n + 1, sizeof *v);
                v[n++] = (actors_name){b, e - b, (uint8_t)type, (int32_t)mi};
                /* the country of a title before the name: "Spain's ... Jose Maria Pons" */
                if (b > b0 + 1) v = country_words(lex, d, b0, b, v, &n, &cap);
            }
            i = m->tok + (m->ntok ? m->ntok : 1);
            mi++;
            continue;
        }
        if (!parsed || covered[i] || d->syn[i].upos != DYAD_UPOS_PROPN) { i++; continue; }
        /* a proper-noun run: PROPN tokens, a hyphen or "of" inside an
         * organisation's name ("Bank of Japan" is caught as a mention) */
        uint32_t e = i + 1;
        while (e < d->n_toks && !covered[e] && d->syn[e].upos == DYAD_UPOS_PROPN &&
               !(d->toks[e].flags & DYAD_TOK_PARA) && d->syn[e].upos != DYAD_UPOS_NONE)
            e++;
        /* "de facto", "Decontrol and ...": a run opening lower case, or a
         * lone capitalised word opening a quotation, is no name */
        if ((d->toks[i].flags & DYAD_TOK_LOWER) ||
            (e == i + 1 && i > 0 && (d->toks[i - 1].flags & (DYAD_TOK_QOPEN | DYAD_TOK_QAMBIG)))) { i = e; continue; }
        int type = ACTORS_PER, words = 0;
        for (uint32_t k = i; k < e; k++) {
            const dyad_token *t = &d->toks[k];
            if (!(t->flags & DYAD_TOK_WORD)) continue;
            words++;
            if (lex && orgish_tok(lex, t)) type = ACTORS_ORG;
        }
        /* "Monday", "March": no name */
        if (e == i + 1 && lex && (act_words_get(&lex->words, d->toks[i].hash) & WC_NOTNAME)) words = 0;
        if (lex && act_token_maybe(lex, &d->toks[i])) {
            /* a lexicon name no mention took ("China" inside "head of China's ...") */
            uint32_t first;
            uint64_t pass;
            uint32_t len = act_longest(lex, d, i, e, &first, &pass);
            for (uint64_t b = pass; len == e - i && b; b &= b - 1) {
                int k = lex->names[first + (uint32_t)__builtin_ctzll(b)].kind;
                if (k == NK_COUNTRY || k == NK_CAPITAL || k == NK_SEAT) { type = ACTORS_GPE; break; }
                if (k == NK_ORG) type = ACTORS_ORG;
                if (k == NK_ADJ) type = ACTORS_NORP;
            }
        }
        if (type == ACTORS_PER && lex) {
            const gazetteer *g = act_places(lex);
            uint32_t h = HASH_SEED, first;
            for (uint32_t k = i; k < e; k++) h = hash_seq(h, d->toks[k].hash);
            /* one word names a place only if a town of 50,000 bears it:
             * "the Clinton administration" is no Clinton, Iowa */
            if (g && gazetteer_lookup_key(g, h ? h : 1, &first) &&
                (e > i + 1 || gazetteer_place(g, first)->population >= 50000))
                type = ACTORS_LOC;
            if (region_word(d, i, e)) type = ACTORS_LOC;
        }
        if (words) {
            v = act_avec(d->arena, v, &cap, n + 1, sizeof *v);
            v[n++] = (actors_name){i, e - i, (uint8_t)type, -1};
        }
        i = e;
    }
    *out = v;
    return n;
}
