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
 * The rules, in order (docs/quotes.md has examples):
 *   1. "according to X": X.
 *   2. "X, who said ...": the mention before the relative pronoun.
 *   3. A participle after a comma (", saying") or a verb coordinated with
 *      "and"/"but" shares the clause's subject: that of the clause's
 *      earlier cue verb, else its first usable mention.  A participle
 *      without a comma skips the object just before it ("Pompeo left
 *      Pyongyang saying").
 *   4. After a comma or a quotation, a name closing the clause right after
 *      the verb: "..., said Foreign Minister Sergei Lavrov".
 *   5. The word before the verb (over adverbs and time phrases): a
 *      mention; a document noun (its author); a possessed noun
 *      ("Kishida's office": the possessor); any other word ("they",
 *      "analysts", an unknown name) means the speaker is unknown: -1.
 *      Else the nearest usable mention to the left.
 *   6. Else the name after the verb.
 * A pronoun whose antecedent lies inside the words it reports ("“Kim is a
 * good man,” he said") gives -1.
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
    for (uint32_t k = i, steps = 0; k > lo && steps < 3; steps++) {
        k--;
        /* "after", "before" also open clauses: "days after the Hermit
         * Kingdom slammed ..." has a subject after "after". */
        if (c->tclass[k] & QW_PREP) return !(c->tclass[k] & QW_SUBORD);
        if (!(c->tclass[k] & QW_DET) || (c->tclass[k] & QW_OBJPRON)) return 0;
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

/* A pronoun subject whose antecedent, as coreference resolved it, lies in
 * its own sentence inside the words it reports: "Deregulation in France
 * is attracting interest, they said", "“Kim is a good man,” he said" --
 * "they" is not France, "he" not Kim.  The speaker is then unknown. */
static int reported_antecedent(const qctx *c, int32_t mi)
{
    const dyad_doc *d = c->d;
    const dyad_mention *m = &d->mentions[mi];
    if (!is_pronoun(m) || m->antecedent < 0 || (uint32_t)m->antecedent >= d->n_mentions) return 0;
    const dyad_mention *a = &d->mentions[m->antecedent];
    if (a->sent != m->sent || a->tok >= m->tok) return 0;
    if (c->tspan[a->tok] >= 0 && c->tspan[m->tok] < 0) return 1;
    uint32_t p = m->tok;
    while (p > 0 && (c->tclass[p - 1] & QW_ADVERB)) p--;
    return p > 0 && p - 1 > a->tok && (d->toks[p - 1].flags & DYAD_TOK_COMMA);
}

static int ly_adverb(const qctx *c, uint32_t i)
{
    const dyad_token *t = &c->d->toks[i];
    const char *s = c->d->text + t->off;
    return (t->flags & DYAD_TOK_LOWER) && t->len > 4 && s[t->len - 2] == 'l' && s[t->len - 1] == 'y' &&
           c->tmention[i] < 0;
}

static int is_be(const qctx *c, uint32_t i)
{
    return qtok_text_is(c, i, "is") || qtok_text_is(c, i, "was") || qtok_text_is(c, i, "were") ||
           qtok_text_is(c, i, "are") || qtok_text_is(c, i, "been") || qtok_text_is(c, i, "be");
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
        if (ly_adverb(c, i)) continue;                        /* "Trump personally said" */
        if ((k & (QW_TIMEWORD | QW_TIMENOUN)) || (d->toks[i].flags & DYAD_TOK_NUM)) {
            /* the phrase's number, preposition or determiner goes with it */
            while (i > lo && (c->tclass[i - 1] & (QW_TIMEWORD | QW_TIMEMOD | QW_TIMENOUN | QW_PREP | QW_DET) ||
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
        /* The name must close the clause ("said Trump.", "said Lavrov, “..."),
         * "said Kim and Trump had agreed" reports about Kim. */
        uint32_t z = j + d->mentions[m].ntok;
        int edge = z >= se || (d->toks[z].flags & (DYAD_TOK_TERM | DYAD_TOK_COMMA | DYAD_TOK_DASH)) ||
                   qtok_is_mark(c, z) || ((c->tclass[z] & (QW_PREP | QW_ADVERB)) && !(c->tclass[z] & QW_AUX));
        if (edge && !(is_pronoun(&d->mentions[m]) && (c->tclass[j] & QW_OBJPRON))) {
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

    /* 3. Shared subject of a participle or a coordinated verb.  A
     * participle ("..., saying", "left Pyongyang saying") is not a
     * progressive ("was saying"); after a document noun it describes the
     * document ("a statement accusing"). */
    uint32_t pc = p;
    if (pc != QNONE && pc > lo && qtok_is_mark(c, pc) && (d->toks[pc - 1].flags & DYAD_TOK_COMMA)) pc--;   /* ,” */
    int ing = qtok_ends_ing(c, cue) && !(cue > lo && is_be(c, cue - 1));
    int doc_before = pc != QNONE && (c->tclass[pc] & QW_DOC_MASK) && c->tmention[pc] < 0;
    int shared = pc != QNONE && ((ing && (d->toks[pc].flags & DYAD_TOK_COMMA)) || (c->tclass[pc] & QW_CONJ));
    /* "Pompeo left Pyongyang saying ...": without a comma the mention
     * right before the participle is the object of the verb before it. */
    int skip_object = ing && !shared && !doc_before;
    if (shared) {
        uint32_t start = lo;
        /* The clause starts after the last semicolon or colon, or where
         * the aside holding the verb starts. */
        for (uint32_t i = cue; i > lo; i--) {
            if ((d->toks[i - 1].flags & DYAD_TOK_COMMA) && d->text[d->toks[i - 1].off] != ',') { start = i; break; }
            if (region && c->taside[i - 1] != region) { start = i; break; }
        }
        /* "Moon's office urged Pyongyang to ..., adding": the subject of
         * the clause's earlier cue verb, when there is one. */
        for (uint32_t i = pc; i > start; i--)
            if (qcue_at(c, i - 1, QW_CUE, within) && c->taside[i - 1] == region)
                return quote_subject_depth(c, i - 1, from, depth - 1);
        for (uint32_t i = start; i < cue; i++) {
            int32_t m = c->tmention[i];
            if (m >= 0 && d->mentions[m].tok == i && quote_mention_eligible(c, m, within, region)) return m;
            if (m < 0 && c->tspan[i] == within && (!c->taside[i] || c->taside[i] == region) && doc_subject(c, i, lo))
                return quote_doc_author(c, i, depth - 1);
        }
        return -1;
    }

    /* 4. Right after a comma or a quotation the verb may come first:
     * "..., said Foreign Minister Sergei Lavrov", "..., said Andrew Sheaf,
     * general manager" (an unknown name: no speaker rather than a mention
     * from the reported clause). */
    int after_edge = (p == QNONE || qtok_is_mark(c, p) || (d->toks[p].flags & DYAD_TOK_COMMA)) && !ing;
    if (after_edge && !(c->tclass[cue] & QW_RECIPIENT)) {
        int decided = 0;
        int32_t m = inverted_subject(c, cue, within, depth, &decided);
        if (decided) return m;
    }

    /* 5. The word before the verb, over adverbs, time phrases ("Trump
     * on Thursday said") and a short framing phrase ("Kim in his New Year
     * speech said"), is the subject's last word: a mention, a
     * document noun, a possessed noun ("Kishida's office"), or a word no
     * mention covers ("they said", "analysts said", "Kobuse said"), which
     * means the speaker is unknown -- better -1 than a mention of the
     * reported clause before the comma. */
    uint32_t w = left_skip_framing(c, cue, lo);
    for (int round = 0; round < 2 && w != QNONE && c->tmention[w] < 0 && (d->toks[w].flags & DYAD_TOK_LOWER); round++) {
        uint32_t k = w, steps = 0;
        while (k > lo && steps < 4 && !(c->tclass[k] & QW_PREP) && (d->toks[k].flags & DYAD_TOK_WORD)) k--, steps++;
        if (!(c->tclass[k] & QW_PREP) || (c->tclass[k] & QW_SUBORD) || k <= lo) break;
        uint32_t before = left_skip_framing(c, k, lo);
        if (before == QNONE || c->tmention[before] < 0) break;
        w = before;                                         /* "Kim in his New Year speech said" */
    }
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
            if (skip_object && i + 1 == cue) { skip_object = 0; i = d->mentions[m].tok; continue; }
            if (quote_mention_eligible(c, m, within, region)) return reported_antecedent(c, m) ? -1 : m;
            if (d->mentions[m].tok < i) i = d->mentions[m].tok;
            continue;
        }
        if ((!c->taside[i] || c->taside[i] == region) && doc_subject(c, i, lo))
            return quote_doc_author(c, i, depth - 1);
    }

    /* 6. Nothing to the left: "“...,” said Trump". */
    if (!after_edge || (c->tclass[cue] & QW_RECIPIENT)) return -1;
    int decided = 0;
    return inverted_subject(c, cue, within, depth, &decided);
}

int32_t quote_subject(const qctx *c, uint32_t cue, uint32_t from)
{
    return quote_subject_depth(c, cue, from, 3);
}
