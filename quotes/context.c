/*
 * context.c - the per-document scratch the quotation rules read.
 *
 * Contract: qctx_init fills, for every token, its sentence, the mention
 * covering it, its word classes and its aside region; qctx_mark_spans
 * records the innermost quoted span over each token once pairing is done.
 * All arrays come from doc->arena, so they die with the next reset and cost
 * no malloc once the arena has grown.
 *
 * Aside regions are the stretches of a sentence that cannot hold the
 * subject of the main verb: parentheses, relative clauses (", who took
 * office in June,"), fronted or trailing adverbial clauses ("Just hours
 * before Trump arrived in South Korea,") and dash pairs.  A mention there
 * is skipped when looking for who said something, unless the cue verb is in
 * the same region.
 */
#include "quotes_int.h"

#include <string.h>

static void *alloc(dyad_doc *d, size_t n, size_t size) { return dyad_arena_alloc(d->arena, n ? n * size : 1); }

int qtok_text_is(const qctx *c, uint32_t i, const char *word)
{
    const dyad_token *t = &c->d->toks[i];
    size_t n = strlen(word);
    if (t->len != n) return 0;
    const char *s = c->d->text + t->off;
    for (size_t k = 0; k < n; k++) {
        char a = s[k];
        if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
        if (a != word[k]) return 0;
    }
    return 1;
}

int qtok_is_mark(const qctx *c, uint32_t i)
{
    uint32_t f = c->d->toks[i].flags;
    return (f & DYAD_TOK_PUNCT) && (f & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG)) && !(f & DYAD_TOK_POSS);
}

int qtok_ends_ing(const qctx *c, uint32_t i)
{
    const dyad_token *t = &c->d->toks[i];
    const char *s = c->d->text + t->off;
    if (c->tclass[i] & QW_INGNOUN) return 0;
    return t->len > 4 && (s[t->len - 3] | 32) == 'i' && (s[t->len - 2] | 32) == 'n' && (s[t->len - 1] | 32) == 'g';
}

static int is_comma(const dyad_doc *d, uint32_t i)
{
    return d->toks[i].len == 1 && d->text[d->toks[i].off] == ',';
}

static uint32_t sent_of(const qctx *c, uint32_t i) { return c->tsent[i]; }

int qcue_at(const qctx *c, uint32_t i, uint32_t classes, int32_t within)
{
    const dyad_doc *d = c->d;
    if (i >= d->n_toks || c->tspan[i] != within) return 0;
    uint32_t k = c->tclass[i];
    uint32_t s = sent_of(c, i), sb = qsent_first(c, s), se = qsent_end(c, s);
    if (k & QW_ACCORDING) return (classes & QW_SPEECH) && i + 1 < se && qtok_text_is(c, i + 1, "to");
    if (k & QW_READ) {
        /* "the letter read", "The letter, which was released on Monday,
         * read": a document noun just before, an aside aside. */
        if (!(classes & QW_SPEECH) || i == sb) return 0;
        uint32_t p = i - 1;
        if (is_comma(d, p) && p > sb) {
            p--;
            while (p > sb && c->taside[p]) p--;
            if (is_comma(d, p) && p > sb) p--;
        }
        return (c->tclass[p] & QW_DOC_MASK) != 0;
    }
    if (!(k & classes)) return 0;
    if (i > sb) {
        uint32_t p = i - 1;
        const dyad_token *pt = &d->toks[p];
        /* "a call", "his comments", "Trump's claim", "to say": a noun or an infinitive. */
        if ((c->tclass[p] & (QW_DET | QW_PREP)) || (pt->flags & DYAD_TOK_POSS)) return 0;
        /* "a U.S. pledge", "an Israeli call": a name used as a modifier
         * (not "a U.S. official said", whose mention ends in a noun). */
        int32_t m = c->tmention[p];
        if (m >= 0 && d->mentions[m].tok > sb && !(pt->flags & DYAD_TOK_LOWER)) {
            uint32_t b = d->mentions[m].tok - 1;
            if (qtok_text_is(c, b, "a") || qtok_text_is(c, b, "an")) return 0;
        }
    }
    if ((k & QW_CHARACT) && i + 1 < se && (c->tclass[i + 1] & QW_PARTICLE)) return 0;   /* called off */
    if (qtok_text_is(c, i, "thanks") && i + 1 < se && qtok_text_is(c, i + 1, "to")) return 0;
    return 1;
}

uint32_t qcue_len(const qctx *c, uint32_t i)
{
    return (c->tclass[i] & QW_ACCORDING) ? 2 : 1;
}

/* The aside regions of one sentence. */
static void asides(qctx *c, uint32_t s, uint16_t *next_id)
{
    const dyad_doc *d = c->d;
    uint32_t b = qsent_first(c, s), e = qsent_end(c, s);
    for (uint32_t i = b; i < e; i++) {
        uint32_t f = d->toks[i].flags, k = c->tclass[i];
        uint32_t end = QNONE;
        if (f & DYAD_TOK_OPEN) {
            for (uint32_t j = i + 1; j < e; j++)
                if (d->toks[j].flags & DYAD_TOK_CLOSE) { end = j + 1; break; }
        } else if ((k & QW_RELPRON) && i > b && (d->toks[i - 1].flags & DYAD_TOK_COMMA)) {
            end = e;
            for (uint32_t j = i + 1; j < e; j++)
                if (d->toks[j].flags & (DYAD_TOK_COMMA | DYAD_TOK_DASH)) { end = j; break; }
        } else if ((k & QW_SUBORD) && (i < b + 4 || (d->toks[i - 1].flags & (DYAD_TOK_COMMA | DYAD_TOK_DASH)))) {
            end = e;
            for (uint32_t j = i + 1; j < e; j++)
                if (d->toks[j].flags & (DYAD_TOK_COMMA | DYAD_TOK_DASH)) { end = j; break; }
            /* Sentence-initial "If ..." with no comma is the whole sentence: no aside. */
            if (end == e && i < b + 4) end = QNONE;
        } else if ((f & DYAD_TOK_DASH) && i + 1 < e) {
            for (uint32_t j = i + 1; j < e; j++)
                if (d->toks[j].flags & DYAD_TOK_DASH) { end = j; break; }
            if (end != QNONE) i++;            /* the region starts after the dash */
        }
        if (end == QNONE) continue;
        uint16_t id = *next_id < UINT16_MAX ? (*next_id)++ : UINT16_MAX;
        for (uint32_t j = i; j < end && j < e; j++)
            if (!c->taside[j]) c->taside[j] = id;
        /* Nested asides keep the outer id; carry on after this one. */
        if (end > i + 1) i = end - 1;
    }
}

void qctx_init(qctx *c, dyad_doc *d)
{
    uint32_t n = d->n_toks;
    qlex_init();
    memset(c, 0, sizeof *c);
    c->d = d;
    c->tsent = alloc(d, n, sizeof *c->tsent);
    c->tmention = alloc(d, n, sizeof *c->tmention);
    c->tspan = alloc(d, n, sizeof *c->tspan);
    c->tclass = alloc(d, n, sizeof *c->tclass);
    c->taside = alloc(d, n, sizeof *c->taside);
    c->tcue_used = alloc(d, n, sizeof *c->tcue_used);
    for (uint32_t s = 0; s < d->n_sents; s++)
        for (uint32_t i = d->sents[s].tok; i < d->sents[s].tok + d->sents[s].ntok && i < n; i++) c->tsent[i] = s;
    for (uint32_t i = 0; i < n; i++) { c->tmention[i] = -1; c->tspan[i] = -1; }
    for (uint32_t m = 0; m < d->n_mentions; m++) {
        const dyad_mention *x = &d->mentions[m];
        for (uint32_t i = x->tok; i < x->tok + x->ntok && i < n; i++)
            if (c->tmention[i] < 0) c->tmention[i] = (int32_t)m;
    }
    for (uint32_t i = 0; i < n; i++) {
        const dyad_token *t = &d->toks[i];
        if (!(t->flags & DYAD_TOK_WORD)) continue;
        uint32_t k = qlex_class(t->hash, d->text + t->off, t->len);
        /* Inside a name a cue word is part of the name: "Voice of America",
         * "The Washington Post". */
        if (k && c->tmention[i] >= 0) k &= ~(QW_CUE | QW_READ | QW_DOC_MASK | QW_AUTHOR);
        c->tclass[i] = k;
    }
    uint16_t id = 1;
    for (uint32_t s = 0; s < d->n_sents; s++) asides(c, s, &id);
}

void qctx_mark_spans(qctx *c)
{
    /* Spans are sorted by start, so an enclosing span is marked before the
     * spans inside it, which then overwrite their own tokens. */
    for (uint32_t k = 0; k < c->n_spans; k++) {
        const qspan *q = &c->spans[k];
        uint32_t b = q->open != QNONE ? q->open : q->b;
        uint32_t e = q->close != QNONE ? q->close + 1 : q->e;
        for (uint32_t i = b; i < e; i++) c->tspan[i] = (int32_t)k;
    }
}
