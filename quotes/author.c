/*
 * author.c - who wrote the letter, who issued the statement.
 *
 * Contract: quote_doc_author(c, noun, depth) returns the mention that
 * authored the document named at token `noun` (a document noun: letter,
 * note, message; statement, communique; editorial, report; tweet, post), or
 * -1.  News names the author once, near where the document is introduced,
 * and later says only "the letter read" or "the statement said"; so the
 * noun's own phrase is read first, then every earlier mention of a noun of
 * the same group, nearest first, up to MAX_BACK sentences back:
 *
 *   a. "a letter from Kim", "a statement by the ministry",
 *      "a statement released by KCNA"          -> the mention after from/by;
 *   b. "Kim's letter", "his letter"            -> the possessor;
 *   c. "Kim sent him a note", "the ministry released a statement"
 *                                              -> the subject of the verb;
 *   d. "In the letter dated July 6, Kim thanked ..."
 *                                              -> the subject after the comma.
 *
 * "Trump tweeted the signed letter" names no author (tweeting is not
 * writing, and "signed" after "the" is an adjective), so the search goes
 * on to an earlier mention of the letter.
 */
#include "quotes_int.h"

#define MAX_BACK 15

static int32_t mention_at(const qctx *c, uint32_t i, uint32_t se)
{
    if (i < se && (c->tclass[i] & QW_DET) && c->tmention[i] < 0) i++;
    return i < se ? c->tmention[i] : -1;
}

static int32_t author_of(const qctx *c, uint32_t o, int depth)
{
    const dyad_doc *d = c->d;
    uint32_t s = c->tsent[o], sb = qsent_first(c, s), se = qsent_end(c, s);

    /* a. from / by X, or released / issued / sent by X */
    for (uint32_t j = o + 1; j < se && j < o + 5; j++) {
        if (qtok_text_is(c, j, "from") || qtok_text_is(c, j, "by")) {
            int32_t m = mention_at(c, j + 1, se);
            if (m >= 0) return m;
            break;
        }
        if (j > o + 1 && !(c->tclass[j] & (QW_AUTHOR | QW_ADVERB))) break;
    }

    /* b. the possessor: Kim's letter, his letter, its "very nice note" */
    for (uint32_t k = o, steps = 0; k > sb && steps < 4; steps++) {
        k--;
        const dyad_token *t = &d->toks[k];
        if (t->flags & DYAD_TOK_POSS) {
            if (k > sb && c->tmention[k - 1] >= 0) return c->tmention[k - 1];
            break;
        }
        if (c->tmention[k] >= 0 && (c->tclass[k] & QW_OBJPRON)) return c->tmention[k];
        if (qtok_is_mark(c, k)) continue;
        if (!(t->flags & DYAD_TOK_WORD) || (c->tclass[k] & (QW_DET | QW_PREP)) || c->tmention[k] >= 0) break;
    }

    /* c. the subject of a verb of writing or issuing just before */
    for (uint32_t k = o, steps = 0; k > sb && steps < 6; steps++) {
        k--;
        const dyad_token *t = &d->toks[k];
        if (t->flags & (DYAD_TOK_TERM | DYAD_TOK_COMMA)) break;
        if ((c->tclass[k] & QW_AUTHOR) && !(k > sb && (c->tclass[k - 1] & QW_DET))) {
            int32_t m = quote_subject_depth(c, k, QNONE, depth);
            if (m >= 0) return m;
            break;
        }
    }

    /* d. In the letter ..., X <verb> */
    uint32_t k = o;
    if (k > sb && (c->tclass[k - 1] & QW_DET)) k--;
    if (k > sb && qtok_text_is(c, k - 1, "in")) {
        for (uint32_t j = o + 1; j < se && j < o + 10; j++) {
            if (!(d->toks[j].flags & DYAD_TOK_COMMA)) continue;
            for (uint32_t x = j + 1; x < se && x < j + 4; x++) {
                int32_t m = c->tmention[x];
                if (m >= 0 && quote_mention_eligible(c, m, c->tspan[x], c->taside[x])) return m;
            }
            break;
        }
    }
    return -1;
}

int32_t quote_doc_author(const qctx *c, uint32_t noun, int depth)
{
    const dyad_doc *d = c->d;
    if (depth <= 0 || noun >= d->n_toks) return -1;
    uint32_t group = c->tclass[noun] & QW_DOC_MASK;
    if (!group) return -1;
    uint32_t s0 = c->tsent[noun];
    for (uint32_t i = noun + 1; i > 0;) {
        i--;
        if (s0 - c->tsent[i] > MAX_BACK) break;
        if ((c->tclass[i] & QW_DOC_MASK) != group) continue;
        int32_t m = author_of(c, i, depth);
        if (m >= 0) return m;
    }
    return -1;
}
