/*
 * locate.c - where each event happened, and each side's geography (the
 * rules and their order are in where.h).
 */
#include "where_int.h"
#include "../core/core.h"

#include <string.h>
#include <strings.h>

static const char *const LOCATIVE[] = {"in", "at", "near", "off", "outside", "inside", "within", "across",
                                       "along", "around", "beside", "nearby", NULL};
/* Direction and origin place the act only where something moves:
 * force, posture, visits (missiles "toward Guam", "travelled to Pyongyang"). */
static const char *const DIRECTIONAL[] = {"to", "into", "toward", "towards", "from", "over", NULL};
/* A noun that is a place only through its owner: "off its western coast". */
static const char *const EDGE_NOUNS[] = {"coast", "coastline", "waters", "border", "shore", "frontier",
                                         "airspace", "territory", "soil", "sea", "side", NULL};
static const char *const AREA_NOUNS[] = {"city", "capital", "town", "village", "region", "province", "area",
                                         "outskirts", "port", "district", "state", "island", "peninsula",
                                         "strait", "base", "camp", "palace", "compound", "zone", NULL};

static int lemma_in(const dyad_doc *d, uint32_t t, const char *const *set)
{
    if (d->n_syn != d->n_toks || !d->syn[t].lemma) return 0;
    for (int i = 0; set[i]; i++)
        if (d->syn[t].lemma_len == strlen(set[i]) && !strncmp(d->syn[t].lemma, set[i], d->syn[t].lemma_len))
            return 1;
    return 0;
}

static int directional_ok(const dyad_event *e)
{
    return !strncmp(e->cameo, "042", 3) || !strncmp(e->cameo, "15", 2) || !strncmp(e->cameo, "18", 2) ||
           !strncmp(e->cameo, "19", 2) || !strncmp(e->cameo, "20", 2) || !strncmp(e->cameo, "17", 2);
}

static int32_t place_at(const dyad_doc *d, uint32_t t)
{
    for (uint32_t i = 0; i < d->n_places; i++)
        if (t >= d->places[i].tok && t < d->places[i].tok + d->places[i].ntok) return (int32_t)i;
    return -1;
}

static int32_t mention_at(const dyad_doc *d, uint32_t t)
{
    for (uint32_t i = 0; i < d->n_mentions; i++)
        if (t >= d->mentions[i].tok && t < d->mentions[i].tok + d->mentions[i].ntok) return (int32_t)i;
    return -1;
}

static int32_t case_of(const dyad_doc *d, uint32_t t, const dyad_sentence *s)
{
    for (uint32_t k = s->tok; k < s->tok + s->ntok; k++)
        if (d->syn[k].head == (int32_t)t && d->syn[k].deprel == DYAD_DEP_CASE) return (int32_t)k;
    return -1;
}

/* A side's country as a place: its code's country, evidence its mention. */
static int mention_country(const where_model *w, const dyad_doc *d, int32_t mi, const char *code, dyad_location *out)
{
    if ((!code || !code[0]) && mi >= 0 && (uint32_t)mi < d->n_mentions) code = d->mentions[mi].code;
    if (where_country(w, code, out)) return -1;
    if (mi >= 0 && (uint32_t)mi < d->n_mentions) { out->off = d->mentions[mi].off; out->len = d->mentions[mi].len; }
    return 0;
}

static void set_place(const dyad_doc *d, int32_t pi, uint8_t how, dyad_location *out)
{
    *out = d->places[pi].loc;
    out->how = how;
}

/* The place a locative noun names: itself, a place or country among its
 * dependents ("the city of Mosul", "the Ukrainian capital"), or for an
 * edge ("its coast", "the border") its owner's, else the source's. */
static int place_of_noun(const where_model *w, const dyad_doc *d, const dyad_event *e, uint32_t t,
                         const dyad_sentence *s, dyad_location *out)
{
    int32_t pi = place_at(d, t);
    if (pi >= 0) { set_place(d, pi, DYAD_WHERE_VERB, out); return 0; }
    int edge = lemma_in(d, t, EDGE_NOUNS), area = lemma_in(d, t, AREA_NOUNS);
    for (uint32_t k = s->tok; k < s->tok + s->ntok; k++) {
        if (d->syn[k].head != (int32_t)t) continue;
        int rel = d->syn[k].deprel;
        /* Any locative noun takes the place that names it: "in an elegant
         * Moscow mansion", "at a Baghdad hotel"; a place of its own nmod
         * ("the city of Mosul") or an owner only for areas and edges. */
        int names = rel == DYAD_DEP_COMPOUND || rel == DYAD_DEP_AMOD || rel == DYAD_DEP_FLAT;
        if (!names && !((edge || area) && (rel == DYAD_DEP_NMOD || rel == DYAD_DEP_APPOS || rel == DYAD_DEP_NMOD_POSS)))
            continue;
        if (!edge && !area && place_at(d, k) < 0) continue;
        if ((pi = place_at(d, k)) >= 0) {
            set_place(d, pi, DYAD_WHERE_VERB, out);
            if (edge && out->type != DYAD_PLACE_COUNTRY) out->off = d->toks[t].off;
            return 0;
        }
        int32_t mi = mention_at(d, k);
        if (mi >= 0 && !mention_country(w, d, mi, NULL, out)) {
            out->how = DYAD_WHERE_VERB;
            /* the evidence is the owner and its noun: "its western coast" */
            if (d->toks[t].off > out->off) out->len = d->toks[t].off + d->toks[t].len - out->off;
            return 0;
        }
    }
    if (edge && !mention_country(w, d, e->source, e->source_code, out)) {
        out->how = DYAD_WHERE_VERB;
        out->off = d->toks[t].off;
        out->len = d->toks[t].len;
        return 0;
    }
    return -1;
}

static int32_t token_at(const dyad_doc *d, const dyad_sentence *s, uint32_t off)
{
    for (uint32_t k = s->tok; k < s->tok + s->ntok; k++)
        if (d->toks[k].off + d->toks[k].len > off) return d->toks[k].off <= off ? (int32_t)k : -1;
    return -1;
}

static int obl_place(const where_model *w, const dyad_doc *d, const dyad_event *e, uint32_t head,
                     const dyad_sentence *s, dyad_location *out)
{
    for (uint32_t k = s->tok; k < s->tok + s->ntok; k++) {
        if (d->syn[k].head != (int32_t)head) continue;
        int rel = d->syn[k].deprel;
        if (rel != DYAD_DEP_OBL && rel != DYAD_DEP_NMOD && rel != DYAD_DEP_ADVMOD) continue;
        int32_t c = case_of(d, k, s);
        if (c < 0 || !(lemma_in(d, (uint32_t)c, LOCATIVE) || (directional_ok(e) && lemma_in(d, (uint32_t)c, DIRECTIONAL))))
            continue;
        if (!place_of_noun(w, d, e, k, s, out)) return 0;
        /* one level down: "from a submarine off its east coast" */
        for (uint32_t j = s->tok; j < s->tok + s->ntok; j++) {
            if (d->syn[j].head != (int32_t)k || d->syn[j].deprel != DYAD_DEP_NMOD) continue;
            int32_t cj = case_of(d, j, s);
            if (cj >= 0 && lemma_in(d, (uint32_t)cj, LOCATIVE) && !place_of_noun(w, d, e, j, s, out)) return 0;
        }
    }
    return -1;
}

static int verb_place(const where_model *w, const dyad_doc *d, const dyad_event *e, dyad_location *out)
{
    if (d->n_syn != d->n_toks || !dyad_sent_parsed(d, e->sent)) return -1;
    const dyad_sentence *s = &d->sents[e->sent];
    int32_t v = token_at(d, s, e->verb_off);
    if (v < 0) return -1;
    /* The verb's phrase: its own tokens ("test-fired two missiles") */
    uint32_t heads[8], n = 0;
    for (uint32_t k = (uint32_t)v; k < s->tok + s->ntok && d->toks[k].off < e->verb_off + e->verb_len && n < 4; k++)
        if (d->syn[k].upos == DYAD_UPOS_VERB || d->syn[k].upos == DYAD_UPOS_NOUN || k == (uint32_t)v) heads[n++] = k;
    int32_t ch = dyad_syn_clause_head(d, (uint32_t)v);
    if (ch >= 0 && ch != v) heads[n++] = (uint32_t)ch;
    /* and an infinitive it governs ("agreed to hold talks in Istanbul") */
    int32_t x = dyad_syn_child(d, (uint32_t)v, DYAD_DEP_XCOMP);
    if (x >= 0) heads[n++] = (uint32_t)x;
    for (uint32_t i = 0; i < n; i++)
        if (!obl_place(w, d, e, heads[i], s, out)) return 0;
    return -1;
}

/* Where token t hangs: 1 in the event verb's clause (v, or its clause
 * head vc), 2 in the main clause, 0 in a clause of its own (a relative
 * clause, a clausal complement or modifier) that the verb does not
 * govern: "acid rain that has killed fish in Canada" says nothing of
 * where Congress was asked. */
static int clause_of(const dyad_doc *d, const dyad_sentence *s, uint32_t t, int32_t v, int32_t vc)
{
    for (uint32_t steps = 0; steps < s->ntok; steps++) {
        if ((int32_t)t == v || (int32_t)t == vc) return 1;
        int rel = d->syn[t].deprel;
        int32_t h = d->syn[t].head;
        if (h < 0 || rel == DYAD_DEP_ROOT) return 2;
        if (rel == DYAD_DEP_ACL || rel == DYAD_DEP_ACL_RELCL || rel == DYAD_DEP_CCOMP || rel == DYAD_DEP_ADVCL ||
            rel == DYAD_DEP_ADVCL_RELCL || rel == DYAD_DEP_PARATAXIS || rel == DYAD_DEP_XCOMP)
            return 0;
        t = (uint32_t)h;
    }
    return 0;
}

/* A place of the sentence in a locative phrase of the event's clause or
 * of the main clause: "In Seoul, officials said ...".  (Keeping a main
 * clause's place from an event reported in a clausal complement lost
 * more than it won on tests/gold/places.tsv.) */
static int sentence_place(const dyad_doc *d, const dyad_event *e, dyad_location *out)
{
    if (d->n_syn != d->n_toks || !dyad_sent_parsed(d, e->sent)) return -1;
    const dyad_sentence *s = &d->sents[e->sent];
    int32_t v = token_at(d, s, e->verb_off), vc = v >= 0 ? dyad_syn_clause_head(d, (uint32_t)v) : -1;
    for (uint32_t i = 0; i < d->n_places; i++) {
        const dyad_place *p = &d->places[i];
        if (p->sent != e->sent) continue;
        for (uint32_t k = p->tok; k < p->tok + p->ntok; k++) {
            int32_t h = d->syn[k].head;
            if (h >= (int32_t)p->tok && h < (int32_t)(p->tok + p->ntok)) continue;   /* inside the name */
            int32_t c = case_of(d, k, s);
            if (c >= 0 && lemma_in(d, (uint32_t)c, LOCATIVE)) {
                int at = clause_of(d, s, k, v, vc);
                if (!at) continue;
                set_place(d, (int32_t)i, DYAD_WHERE_SENTENCE, out);
                return 0;
            }
        }
    }
    return -1;
}

/* "SEOUL, Oct. 29 (Reuters) -": a place in capitals opening the story,
 * then a comma or a dash.  A city is meant (WASHINGTON is not the state). */
static int dateline(const where_model *w, const dyad_doc *d, dyad_location *out)
{
    if (!d->n_sents || !d->n_toks) return -1;
    uint32_t t0 = d->sents[0].tok, end = t0 + d->sents[0].ntok;
    uint32_t n = 0;
    while (t0 + n < end && n < 4 && (d->toks[t0 + n].flags & DYAD_TOK_UPPER)) n++;
    if (!n || t0 + n >= end || !(d->toks[t0 + n].flags & (DYAD_TOK_COMMA | DYAD_TOK_DASH))) return -1;
    int32_t pi = place_at(d, t0);
    if (pi >= 0 && d->places[pi].ntok == n) {
        set_place(d, pi, DYAD_WHERE_DATELINE, out);      /* chosen with the story's countries */
        return 0;
    }
    uint32_t h = HASH_SEED;
    for (uint32_t i = 0; i < n; i++) h = hash_seq(h, d->toks[t0 + i].hash);
    wh_cand c[WH_MAX_CAND];
    uint32_t k = wh_candidates(w, h ? h : 1, 1, c, WH_MAX_CAND);
    if (!k) return -1;
    uint32_t best = 0;
    for (uint32_t i = 0; i < k; i++)
        if (c[i].loc.type == DYAD_PLACE_CITY && (c[best].loc.type != DYAD_PLACE_CITY || c[i].population > c[best].population))
            best = i;
    *out = c[best].loc;
    out->how = DYAD_WHERE_DATELINE;
    out->off = d->toks[t0].off;
    out->len = d->toks[t0 + n - 1].off + d->toks[t0 + n - 1].len - out->off;
    return 0;
}

/* "visiting British minister Michael Howard": the side is a visitor, so
 * what it does happens at its host's.  The word within the mention or
 * just before it (two tokens: "the visiting"). */
static int visiting(const dyad_doc *d, int32_t mi)
{
    if (mi < 0 || (uint32_t)mi >= d->n_mentions) return 0;
    const dyad_mention *m = &d->mentions[mi];
    uint32_t from = m->tok >= 2 ? m->tok - 2 : 0;
    for (uint32_t t = from; t < m->tok + m->ntok && t < d->n_toks; t++) {
        const dyad_token *k = &d->toks[t];
        if (k->len == 8 && !strncasecmp(d->text + k->off, "visiting", 8)) return 1;
    }
    return 0;
}

/* A side's geography: a place in its own words, else its country. */
static void side_geo(const where_model *w, const dyad_doc *d, int32_t mi, const char *code, dyad_location *out)
{
    memset(out, 0, sizeof *out);
    if (mi >= 0 && (uint32_t)mi < d->n_mentions) {
        const dyad_mention *m = &d->mentions[mi];
        for (uint32_t t = m->tok; t < m->tok + m->ntok; t++) {
            int32_t pi = place_at(d, t);
            if (pi >= 0 && d->places[pi].loc.type != DYAD_PLACE_COUNTRY) {
                set_place(d, pi, DYAD_WHERE_TEXT, out);
                return;
            }
        }
    }
    if (!mention_country(w, d, mi, code, out)) out->how = DYAD_WHERE_ACTOR;
}

void wh_locate_events(const where_model *w, dyad_doc *doc)
{
    dyad_location dl;
    int have_dl = !dateline(w, doc, &dl);
    for (uint32_t i = 0; i < doc->n_events; i++) {
        dyad_event *e = &doc->events[i];
        side_geo(w, doc, e->source, e->source_code, &e->source_geo);
        side_geo(w, doc, e->target, e->target_code, &e->target_geo);
        dyad_location *out = &e->where;
        memset(out, 0, sizeof *out);
        if (e->sent >= doc->n_sents) continue;
        if (!verb_place(w, doc, e, out) || !sentence_place(doc, e, out)) continue;
        const dyad_location *src = &e->source_geo, *tgt = &e->target_geo;
        /* A visit is where its visitor went, a host's meeting at home. */
        int32_t vt = token_at(doc, &doc->sents[e->sent], e->verb_off);
        int visit = !strncmp(e->cameo, "042", 3) ||
                    (!strncmp(e->cameo, "036", 3) && vt >= 0 && dyad_syn_is_lemma(doc, (uint32_t)vt, "visit"));
        const dyad_location *dest = visit || (visiting(doc, e->source) && strcmp(src->country, tgt->country)) ? tgt
                                    : !strncmp(e->cameo, "043", 3) ? src : NULL;
        if (dest && dest->name && dest->country[0]) {
            *out = *dest;
            out->how = DYAD_WHERE_DESTINATION;
            continue;
        }
        /* The dateline is where the writer was: the event's place when a
         * side is of that country or has none ("SEOUL: North Korea said"
         * is a North Korean statement; "SEOUL: North Korea fired" is in North
         * Korea, the actor with no target or a stateless one acting at home). */
        /* A target of the dateline's country brings the act there only when
         * the act reaches it (force, posture, a visit): sanctions, statements
         * and demands aimed at Sudan from Washington happen in Washington,
         * whatever city the story was filed from. */
        int reaches = directional_ok(e);
        if (have_dl && (!src->country[0] || !strcmp(src->country, dl.country) ||
                        (reaches && tgt->country[0] && !strcmp(tgt->country, dl.country)))) {
            *out = dl;
            continue;
        }
        /* Two foreign parties meeting, agreeing or signing: where the
         * reporter was (the summit's city), a guess. */
        int meeting = !strncmp(e->cameo, "04", 2) || !strncmp(e->cameo, "05", 2) || !strncmp(e->cameo, "03", 2);
        if (have_dl && meeting && src->country[0] && tgt->country[0] && strcmp(src->country, tgt->country)) {
            *out = dl;
            out->guess = 1;
            continue;
        }
        /* Two parties of different countries meeting with no place said
         * and no dateline:
         * news writes the visitor as the subject ("Baldrige will meet Chun",
         * "the Saudi leader will hold talks with Thatcher"), so the meeting
         * is in the country of the one met, a guess; an IGO met (no
         * country) leaves it to the rules below. */
        int meet = (!strncmp(e->cameo, "04", 2) && strncmp(e->cameo, "043", 3)) ||
                   (!strncmp(e->cameo, "036", 3) && vt >= 0 &&
                    (dyad_syn_is_lemma(doc, (uint32_t)vt, "meet") || dyad_syn_is_lemma(doc, (uint32_t)vt, "hold")));
        if (meet && src->country[0] && tgt->country[0] && strcmp(src->country, tgt->country) &&
            !where_country(w, tgt->country, out)) {
            out->how = DYAD_WHERE_DESTINATION;
            out->off = tgt->off;
            out->len = tgt->len;
            out->guess = 1;
            continue;
        }
        const dyad_location *a = src->country[0] ? src : tgt->country[0] ? tgt : NULL;
        if (!a) { if (have_dl) *out = dl; continue; }
        if (where_country(w, a->country, out)) continue;
        out->how = DYAD_WHERE_ACTOR;
        out->off = a->off;
        out->len = a->len;
        out->guess = !(src->country[0] && tgt->country[0] && !strcmp(src->country, tgt->country));
    }
}

void where_process(const where_model *w, dyad_doc *doc)
{
    if (!w) return;
    wh_find_places(w, doc);
    wh_locate_events(w, doc);
}
