/*
 * subject.c - who is the subject of a cue verb.
 *
 * Contract: quote_subject(c, cue, from) returns the mention that is the
 * subject of the verb at token `cue` (said, told, called, accusing ...),
 * never looking left of `from` (a quotation's closing mark, when the cue
 * belongs to a tail like “...,” Pompeo said), or -1.  A document noun in
 * subject position ("the letter read", "a statement accusing") is resolved
 * to its author through quote_doc_author.
 *
 * The rules, in order:
 *   1. "according to X": X.
 *   2. "X, who said ...": the mention before the relative pronoun.
 *   3. A participle after a comma (", saying") or a verb coordinated with
 *      "and"/"but" ("shrugged off the statement and said") shares the
 *      clause's subject: the first usable mention of the clause.
 *   4. Otherwise the nearest usable mention to the left.
 *   5. Else the mention right after the verb: inverted "said Trump".
 * Usable (quote_mention_eligible) excludes possessors (Trump's outreach),
 * objects of prepositions (with the North), object pronouns (him, its),
 * mentions inside quotations and mentions in asides (relative clauses,
 * fronted adverbial clauses, parentheses).
 */
#include "quotes_int.h"

static int is_pronoun(const dyad_mention *m)
{
    return m->kind == DYAD_ACTOR_PRONOUN || m->how == DYAD_HOW_COREF_PRONOUN;
}

/* Is token i governed by a preposition, looking left over determiners and
 * modifiers ("at war with the North", "to the North Korean leader")? */
static int after_preposition(const qctx *c, uint32_t i, uint32_t lo)
{
    const dyad_doc *d = c->d;
    for (uint32_t k = i, steps = 0; k > lo && steps < 3; steps++) {
        k--;
        if (c->tclass[k] & QW_PREP) return !(c->tclass[k] & QW_SUBORD) || qtok_text_is(c, k, "despite");
        if (!(c->tclass[k] & QW_DET) || (c->tclass[k] & QW_OBJPRON)) return 0;
        (void)d;
    }
    return 0;
}

int quote_mention_eligible(const qctx *c, int32_t mi, int32_t within, uint16_t region)
{
    const dyad_doc *d = c->d;
    if (mi < 0 || (uint32_t)mi >= d->n_mentions) return 0;
    const dyad_mention *m = &d->mentions[mi];
    uint32_t a = m->tok, z = m->tok + m->ntok;
    if (a >= d->n_toks) return 0;
    if (c->tspan[a] != within) return 0;
    if (c->taside[a] && c->taside[a] != region) return 0;
    uint32_t s = c->tsent[a], sb = qsent_first(c, s), se = qsent_end(c, s);
    if (z < se && (d->toks[z].flags & DYAD_TOK_POSS)) return 0;
    if (after_preposition(c, a, sb)) return 0;
    if (is_pronoun(m) && m->ntok == 1 && (c->tclass[a] & QW_OBJPRON)) return 0;
    return 1;
}

/* Skip adverbs and auxiliaries leftwards from i (exclusive); returns the
 * index of the first other token, or QNONE at lo. */
static uint32_t left_skip_adverbs(const qctx *c, uint32_t i, uint32_t lo)
{
    while (i > lo) {
        i--;
        if (!(c->tclass[i] & QW_ADVERB) || (c->tclass[i] & (QW_RELPRON | QW_CONJ))) return i;
    }
    return QNONE;
}

/* The token is a document noun in subject position (not "in a statement"). */
static int doc_subject(const qctx *c, uint32_t i, uint32_t lo)
{
    return (c->tclass[i] & QW_DOC_MASK) && c->tmention[i] < 0 && !after_preposition(c, i, lo);
}

/* Skip leftwards from i (exclusive) over adverbs, auxiliaries and time
 * phrases ("on Thursday", "last week", "on July 6"); QNONE at lo. */
static uint32_t left_skip_framing(const qctx *c, uint32_t i, uint32_t lo)
{
    const dyad_doc *d = c->d;
    while (i > lo) {
        i--;
        uint32_t k = c->tclass[i];
        if ((k & QW_ADVERB) && !(k & (QW_RELPRON | QW_CONJ))) continue;
        if ((k & (QW_TIMEWORD | QW_TIMENOUN)) || (d->toks[i].flags & DYAD_TOK_NUM)) {
            /* the phrase's preposition or determiner goes with it */
            while (i > lo && (c->tclass[i - 1] & (QW_TIMEWORD | QW_TIMENOUN | QW_PREP | QW_DET) ||
                              (d->toks[i - 1].flags & DYAD_TOK_NUM)))
                i--;
            continue;
        }
        return i;
    }
    return QNONE;
}

/* The subject after the verb: a mention ("said Trump"), a document noun
 * ("said the statement"), or an unknown name or noun phrase closing the
 * clause ("said Andrew Sheaf,", "said the official.") -> -1.  *decided
 * says whether what follows looked like a subject at all ("said the
 * talks were ..." does not). */
static int32_t inverted_subject(const qctx *c, uint32_t cue, int32_t within, int depth, int *decided)
{
    const dyad_doc *d = c->d;
    uint32_t se = qsent_end(c, c->tsent[cue]);
    uint32_t j = cue + qcue_len(c, cue);
    *decided = 0;
    while (j < se && (c->tclass[j] & QW_ADVERB) && !(c->tclass[j] & QW_CONJ)) j++;
    if (j >= se || c->tspan[j] != within) return -1;
    int32_t m = c->tmention[j];
    if (m >= 0 && d->mentions[m].tok == j) {
        uint32_t z = j + d->mentions[m].ntok;
        if (!(z < se && (d->toks[z].flags & DYAD_TOK_POSS)) && !(is_pronoun(&d->mentions[m]) && (c->tclass[j] & QW_OBJPRON))) {
            *decided = 1;
            return m;
        }
        return -1;
    }
    if ((c->tclass[j] & QW_DET) && j + 1 < se && (c->tclass[j + 1] & QW_DOC_MASK)) {
        *decided = 1;
        return quote_doc_author(c, j + 1, depth - 1);
    }
    /* An unknown name: capitalised words (not "I", not a sentence start). */
    const dyad_token *t = &d->toks[j];
    if ((t->flags & DYAD_TOK_WORD) && (t->flags & DYAD_TOK_CAP) && !(c->tclass[j] & QW_SUBJPRON)) {
        *decided = 1;
        return -1;
    }
    /* "said the official." / "said a spokesman, adding ..." */
    if (c->tclass[j] & QW_DET) {
        for (uint32_t k = j + 1; k < se && k < j + 5; k++) {
            uint32_t f = d->toks[k].flags;
            if (c->tmention[k] >= 0) return -1;
            if ((f & (DYAD_TOK_TERM | DYAD_TOK_COMMA)) || (c->tclass[k] & QW_PREP)) { *decided = k > j + 1; return -1; }
            if (!(f & DYAD_TOK_WORD) || (c->tclass[k] & (QW_THAT | QW_SUBJPRON))) return -1;
        }
    }
    return -1;
}

int32_t quote_subject_depth(const qctx *c, uint32_t cue, uint32_t from, int depth)
{
    const dyad_doc *d = c->d;
    if (cue >= d->n_toks || depth <= 0) return -1;
    uint32_t s = c->tsent[cue], sb = qsent_first(c, s), se = qsent_end(c, s);
    uint32_t lo = from == QNONE || from < sb ? sb : from;
    int32_t within = c->tspan[cue];
    uint16_t region = c->taside[cue];

    /* 1. according to X */
    if (c->tclass[cue] & QW_ACCORDING) {
        for (uint32_t i = cue + 2; i < se && i < cue + 6; i++) {
            if (c->tmention[i] >= 0) return c->tmention[i];
            if (c->tclass[i] & QW_DOC_MASK) return quote_doc_author(c, i, depth - 1);
        }
        return -1;
    }

    /* 2. X, who said ... */
    uint32_t p = left_skip_adverbs(c, cue, lo);
    if (p != QNONE && (c->tclass[p] & QW_RELPRON) && p > lo) {
        uint32_t q = p - 1;
        if ((d->toks[q].flags & DYAD_TOK_COMMA) && q > lo) q--;
        if (c->tmention[q] >= 0) return c->tmention[q];
        if (c->tclass[q] & QW_DOC_MASK) return quote_doc_author(c, q, depth - 1);
        return -1;
    }

    /* 3. Shared subject of a participle or a coordinated verb. */
    int shared = p != QNONE && (((d->toks[p].flags & DYAD_TOK_COMMA) && qtok_ends_ing(c, cue)) ||
                                (c->tclass[p] & QW_CONJ));
    if (shared) {
        uint32_t start = lo;
        /* The clause starts after the last semicolon or colon. */
        for (uint32_t i = cue; i > lo; i--)
            if ((d->toks[i - 1].flags & DYAD_TOK_COMMA) && d->text[d->toks[i - 1].off] != ',') { start = i; break; }
        for (uint32_t i = start; i < cue; i++) {
            int32_t m = c->tmention[i];
            if (m >= 0 && d->mentions[m].tok == i && quote_mention_eligible(c, m, within, region)) return m;
            if (m < 0 && c->tspan[i] == within && (!c->taside[i] || c->taside[i] == region) && doc_subject(c, i, lo))
                return quote_doc_author(c, i, depth - 1);
        }
        return -1;
    }

    /* Right after a comma or a quotation the verb may come first:
     * "..., said Foreign Minister Sergei Lavrov", "..., said Andrew Sheaf,
     * general manager" (an unknown name: no speaker rather than a mention
     * from the reported clause). */
    int after_edge = p == QNONE || qtok_is_mark(c, p) || (d->toks[p].flags & DYAD_TOK_COMMA);
    if (after_edge && !(c->tclass[cue] & QW_RECIPIENT)) {
        int decided = 0;
        int32_t m = inverted_subject(c, cue, within, depth, &decided);
        if (decided) return m;
    }

    /* 4. The word before the verb, over adverbs and time phrases ("Trump
     * on Thursday said"), is the subject's last word: a mention, a
     * document noun, a possessed noun ("Kishida's office"), or a word no
     * mention covers ("they said", "analysts said", "Kobuse said"), which
     * means the speaker is unknown -- better -1 than a mention of the
     * reported clause before the comma. */
    uint32_t w = left_skip_framing(c, cue, lo);
    if (w != QNONE && c->tspan[w] == within) {
        const dyad_token *t = &d->toks[w];
        int32_t m = c->tmention[w];
        if (m < 0 && (t->flags & DYAD_TOK_WORD) &&
            !(c->tclass[w] & (QW_DET | QW_PREP | QW_CONJ | QW_RELPRON | QW_SUBORD | QW_THAT))) {
            if (doc_subject(c, w, lo)) return quote_doc_author(c, w, depth - 1);
            /* "Kishida's office said": no mention for the office, so its
             * possessor, whose code is the office's too. */
            if (w >= lo + 2 && (d->toks[w - 1].flags & DYAD_TOK_POSS) && c->tmention[w - 2] >= 0) return c->tmention[w - 2];
            return -1;
        }
    }
    /* Otherwise (a mention, a comma closing an appositive or a relative
     * clause) the nearest usable mention to the left. */
    for (uint32_t i = cue; i > lo;) {
        i--;
        const dyad_token *t = &d->toks[i];
        if (c->tspan[i] != within) continue;
        if ((t->flags & DYAD_TOK_COMMA) && d->text[t->off] != ',') break;     /* ; : end the clause */
        int32_t m = c->tmention[i];
        if (m >= 0) {
            if (quote_mention_eligible(c, m, within, region)) return m;
            if (d->mentions[m].tok < i) i = d->mentions[m].tok;
            continue;
        }
        if ((!c->taside[i] || c->taside[i] == region) && doc_subject(c, i, lo))
            return quote_doc_author(c, i, depth - 1);
    }

    /* 5. Nothing to the left: "“...,” said Trump". */
    if (!after_edge || (c->tclass[cue] & QW_RECIPIENT)) return -1;
    int decided = 0;
    return inverted_subject(c, cue, within, depth, &decided);
}

int32_t quote_subject(const qctx *c, uint32_t cue, uint32_t from)
{
    return quote_subject_depth(c, cue, from, 3);
}
