/*
 * mentions.c - the place names of a document (doc->places), each resolved
 * to one place (the rules are in where.h).
 *
 * A name starts at a capitalised word and is the longest run of at most
 * WH_MAX_WORDS tokens of the sentence that dyad's tables or the gazetteer
 * know.  A gazetteer-only name must be tagged a proper noun when the
 * tagger tagged the sentence (Police, Mission and Of are towns too), and a name
 * inside a person's mention is not a place (Paris Hilton, Georgia Meloni).
 */
#include "where_int.h"
#include "../core/core.h"

#include <string.h>

#define WH_MAX_WORDS 6

typedef struct { char code[4]; uint32_t n; } story_country;
typedef struct { story_country c[64]; uint32_t n; } story;

static void story_add(story *s, const char *code)
{
    if (!code[0]) return;
    for (uint32_t i = 0; i < s->n; i++)
        if (!strncmp(s->c[i].code, code, 3)) { s->c[i].n++; return; }
    if (s->n < 64) { memcpy(s->c[s->n].code, code, 3); s->c[s->n].code[3] = 0; s->c[s->n++].n = 1; }
}

static uint32_t story_count(const story *s, const char *code)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (!strncmp(s->c[i].code, code, 3)) return s->c[i].n;
    return 0;
}

/* The mention covering token t of kind `kind` (0: any), or -1. */
static int32_t mention_at(const dyad_doc *d, uint32_t t, int kind)
{
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        if (t >= m->tok && t < m->tok + m->ntok && (!kind || m->kind == kind)) return (int32_t)i;
    }
    return -1;
}

static int starts_name(const dyad_doc *d, uint32_t t)
{
    uint32_t f = d->toks[t].flags;
    return (f & DYAD_TOK_WORD) && (f & (DYAD_TOK_CAP | DYAD_TOK_UPPER)) && !(f & DYAD_TOK_NOCASE);
}

/* The tagger's word where it tagged the sentence (the pipeline tags every
 * sentence but parses only some), else: not the sentence's first word. */
static int is_propn(const dyad_doc *d, uint32_t t, uint32_t sent)
{
    if (d->n_syn != d->n_toks || !(d->sents[sent].flags & DYAD_SENT_TAGGED)) return t != d->sents[sent].tok;
    return d->syn[t].upos == DYAD_UPOS_PROPN;
}

static uint32_t seq_key(const dyad_doc *d, uint32_t t, uint32_t n)
{
    uint32_t h = HASH_SEED;
    for (uint32_t i = 0; i < n; i++) h = hash_seq(h, d->toks[t + i].hash);
    return h ? h : 1;
}

static int upper_run(const dyad_doc *d, uint32_t t, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (!(d->toks[t + i].flags & (DYAD_TOK_UPPER | DYAD_TOK_ABBR))) return 0;
    return 1;
}

/* Candidates of the name at tokens [t, t+n), with gazetteer-only places
 * dropped where the tagger says it is no proper noun. */
static uint32_t name_candidates(const where_model *w, const dyad_doc *d, uint32_t t, uint32_t n, uint32_t sent,
                                wh_cand *c)
{
    uint32_t k = wh_candidates(w, seq_key(d, t, n), upper_run(d, t, n), c, WH_MAX_CAND);
    if (k && !c[0].own && !is_propn(d, t, sent)) return 0;
    /* the end of a longer proper name is no place: European Union, Kansas City Chiefs */
    if (k && !c[0].own && t > d->sents[sent].tok && starts_name(d, t - 1) && is_propn(d, t - 1, sent)) return 0;
    return k;
}

/* "Paris, Texas": the qualifier after a comma, as candidates. */
static uint32_t qualifier(const where_model *w, const dyad_doc *d, uint32_t end, uint32_t sent_end, wh_cand *q)
{
    if (end + 1 >= sent_end || !(d->toks[end].flags & DYAD_TOK_COMMA) || d->text[d->toks[end].off] != ',') return 0;
    for (uint32_t n = 3; n >= 1; n--) {
        if (end + 1 + n > sent_end || !starts_name(d, end + 1)) continue;
        uint32_t k = wh_candidates(w, seq_key(d, end + 1, n), upper_run(d, end + 1, n), q, WH_MAX_CAND);
        if (k) return k;
    }
    return 0;
}

static int type_rank(const wh_cand *c)
{
    if (c->own) return c->loc.type == DYAD_PLACE_COUNTRY ? 1 : 0;
    return c->loc.type == DYAD_PLACE_CITY ? 2 : 3;
}

/* The candidate the story means; *guess when only size decided among
 * places of several countries. */
/* Mentions of the name itself do not count as the story's countries
 * ("Georgia" coded GEO by the actors lexicon must not choose Georgia). */
static uint32_t own_mentions(const dyad_doc *d, const char *code, uint32_t t, uint32_t n)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        if (m->tok < t + n && t < m->tok + m->ntok && !strncmp(m->code, code, 3)) k++;
    }
    return k;
}

static uint32_t choose(const dyad_doc *d, uint32_t t, uint32_t nt, const wh_cand *c, uint32_t n, const wh_cand *q,
                       uint32_t nq, const story *s, uint8_t *guess)
{
    *guess = 0;
    if (n == 1) return 0;
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = 0; j < nq; j++)
            if (c[i].loc.type != DYAD_PLACE_COUNTRY &&
                ((q[j].loc.type == DYAD_PLACE_ADM1 && q[j].loc.adm1 && !strcmp(q[j].loc.adm1, c[i].loc.adm1)) ||
                 (q[j].loc.type == DYAD_PLACE_COUNTRY && !strcmp(q[j].loc.country, c[i].loc.country))))
                return i;
    /* Out of context: dyad's own entries, countries, cities, regions; most populous within each. */
    uint32_t best = 0;
    uint32_t max_pop = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (c[i].population > max_pop) max_pop = c[i].population;
        int r = type_rank(&c[i]), rb = type_rank(&c[best]);
        if (r < rb || (r == rb && c[i].population > c[best].population)) best = i;
    }
    /* The story's countries, when a place there is not a village beside a
     * city of the same name (Paris, Texas in a story about the Paris accord). */
    uint32_t in_story = n, most = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t k = story_count(s, c[i].loc.country), self = own_mentions(d, c[i].loc.country, t, nt);
        k = k > self ? k - self : 0;
        int big = c[i].own || c[i].loc.type == DYAD_PLACE_ADM1 || (uint64_t)c[i].population * 20 >= max_pop;
        if (k > most && big) { most = k; in_story = i; }
    }
    if (in_story < n) return in_story;
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(c[i].loc.country, c[best].loc.country)) { *guess = 1; break; }
    return best;
}

void wh_find_places(const where_model *w, dyad_doc *doc)
{
    doc->n_places = 0;
    story s = {.n = 0};
    for (uint32_t i = 0; i < doc->n_mentions; i++) {
        const dyad_mention *m = &doc->mentions[i];
        if (m->kind != DYAD_ACTOR_PERSON && wh_country_entry(w, m->code)) story_add(&s, m->code);
    }
    wh_cand c[WH_MAX_CAND], q[WH_MAX_CAND];
    for (uint32_t si = 0; si < doc->n_sents; si++) {
        const dyad_sentence *st = &doc->sents[si];
        uint32_t end = st->tok + st->ntok;
        for (uint32_t t = st->tok; t < end; t++) {
            if (!starts_name(doc, t) || mention_at(doc, t, DYAD_ACTOR_PERSON) >= 0) continue;
            uint32_t n = end - t < WH_MAX_WORDS ? end - t : WH_MAX_WORDS, k = 0;
            for (; n >= 1; n--)
                if ((k = name_candidates(w, doc, t, n, si, c))) break;
            if (!k) continue;
            uint32_t nq = qualifier(w, doc, t + n, end, q);
            uint8_t guess;
            uint32_t pick = choose(doc, t, n, c, k, q, nq, &s, &guess);
            doc->places = dyad_grow(doc->places, &doc->cap_places, doc->n_places + 1, sizeof *doc->places);
            dyad_place *p = &doc->places[doc->n_places++];
            const dyad_token *a = &doc->toks[t], *b = &doc->toks[t + n - 1];
            *p = (dyad_place){a->off, b->off + b->len - a->off, t, n, si, c[pick].loc};
            p->loc.guess = guess;
            p->loc.off = p->off;
            p->loc.len = p->len;
            if (!guess) story_add(&s, p->loc.country);
            t += n - 1;
        }
    }
}
