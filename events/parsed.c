/*
 * parsed.c - what the coder reads from a sentence's dependency tree
 * (doc->syn, filled by the syntax stage) when the sentence was parsed.
 * Every function returns token indexes, never mentions: coder.c maps
 * tokens to the actor mentions that cover them.  All are O(sentence
 * length); nothing allocates.
 *
 *   parsed_noun_tokens  where an actor can be inside a noun phrase, best
 *                       first: the head, its flat/compound/appos parts,
 *                       its possessor ("Kim's demand"), its of/for/by
 *                       modifier ("the plans of the Tories");
 *   parsed_irreal       the clause says what may be, not what is: a modal
 *                       could/might/may/should/must on the verb or on a
 *                       verb it is the complement of ("could consider
 *                       launching"), an if/unless/whether clause, the
 *                       complement of a denial, belief, wish, fear or
 *                       demand ("demanded the U.S. stop arms sales");
 *   parsed_report_head  an accusation verb whose complement the verb is
 *                       ("Labour has broken its promise, the Tories
 *                       claimed"): the deed is the accuser's claim.
 */
#include "model.h"

#include <string.h>

static int parsed_tok(const dyad_doc *d, int32_t t)
{
    return t >= 0 && d->n_syn == d->n_toks && (uint32_t)t < d->n_toks && d->syn[t].deprel != DYAD_DEP_NONE;
}

/* The sentence's token range around tok. */
static void span_of(const dyad_doc *d, uint32_t tok, uint32_t *a, uint32_t *b)
{
    uint32_t lo = 0, hi = d->n_sents;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (d->sents[mid].tok <= tok) lo = mid; else hi = mid;
    }
    *a = d->n_sents ? d->sents[lo].tok : 0;
    *b = d->n_sents ? d->sents[lo].tok + d->sents[lo].ntok : d->n_toks;
}

/* Is token t introduced by one of these prepositions (a case child)? */
static int has_case(const dyad_doc *d, uint32_t a, uint32_t b, uint32_t t, const char *const *preps)
{
    for (uint32_t c = a; c < b; c++) {
        if (d->syn[c].head != (int32_t)t || d->syn[c].deprel != DYAD_DEP_CASE) continue;
        for (int k = 0; preps[k]; k++)
            if (dyad_syn_is_lemma(d, c, preps[k])) return 1;
    }
    return 0;
}

int parsed_noun_tokens(const dyad_doc *d, uint32_t head, uint32_t *out, int max)
{
    static const char *const whose[] = {"of", "for", "by", "from", NULL};
    if (!parsed_tok(d, (int32_t)head) || max < 1) return 0;
    uint32_t a, b;
    span_of(d, head, &a, &b);
    int n = 0;
    out[n++] = head;
    for (int pass = 0; pass < 3; pass++)
        for (uint32_t t = a; t < b && n < max; t++) {
            const dyad_syn *y = &d->syn[t];
            if (y->head != (int32_t)head) continue;
            int dep = y->deprel;
            int want = pass == 0 ? (dep == DYAD_DEP_FLAT || dep == DYAD_DEP_COMPOUND || dep == DYAD_DEP_APPOS)
                     : pass == 1 ? dep == DYAD_DEP_NMOD_POSS
                                 : (dep == DYAD_DEP_NMOD && has_case(d, a, b, t, whose));
            if (want) out[n++] = t;
        }
    return n;
}

int parsed_irreal(const dyad_doc *d, uint32_t verb)
{
    static const char *const hypo[] = {"could", "might", "may", "should", "must", NULL};
    static const char *const cond[] = {"if", "unless", "whether", "lest", NULL};
    static const char *const unreal_heads[] = {"deny", "think", "believe", "want", "hope", "fear", "expect",
                                               "doubt", "imagine", "predict", "worry", "suspect", "wonder", "demand", "urge", "ask",
                                               "insist", "order", "request", "propose", "require", "call", NULL};
    uint32_t a, b;
    if (!parsed_tok(d, (int32_t)verb)) return 0;
    span_of(d, verb, &a, &b);
    uint32_t v = verb;
    for (int hops = 0; hops < 4; hops++) {
        for (uint32_t t = a; t < b; t++) {
            const dyad_syn *y = &d->syn[t];
            if (y->head != (int32_t)v) continue;
            if (y->deprel == DYAD_DEP_AUX)
                for (int k = 0; hypo[k]; k++)
                    if (dyad_syn_is_lemma(d, t, hypo[k])) return 1;
            if (y->deprel == DYAD_DEP_MARK)
                for (int k = 0; cond[k]; k++)
                    if (dyad_syn_is_lemma(d, t, cond[k])) return 1;
        }
        /* "We deny that the U.S. sold arms", "people thinking that soldiers
         * beat up civilians": the complement of a denial, belief, wish or
         * fear is no deed (the complement of "said" is) */
        const dyad_syn *y = &d->syn[v];
        if (y->head >= 0 && (y->deprel == DYAD_DEP_CCOMP || y->deprel == DYAD_DEP_XCOMP))
            for (int k = 0; unreal_heads[k]; k++)
                if (dyad_syn_is_lemma(d, (uint32_t)y->head, unreal_heads[k])) return 1;
        /* "could consider launching attacks": up through complements */
        if (y->head < 0 || (y->deprel != DYAD_DEP_XCOMP && y->deprel != DYAD_DEP_CONJ)) break;
        v = (uint32_t)y->head;
    }
    return 0;
}

int32_t parsed_report_head(const dyad_doc *d, uint32_t verb)
{
    static const char *const accuse[] = {"claim", "allege", "charge", "accuse", "insist", NULL};
    if (!parsed_tok(d, (int32_t)verb)) return -1;
    const dyad_syn *y = &d->syn[verb];
    if (y->head >= 0 && (y->deprel == DYAD_DEP_CCOMP || y->deprel == DYAD_DEP_PARATAXIS))
        for (int k = 0; accuse[k]; k++)
            if (dyad_syn_is_lemma(d, (uint32_t)y->head, accuse[k])) return y->head;
    /* "..., the Tories claimed": the reporting verb hangs off the deed (parataxis) */
    uint32_t a, b;
    span_of(d, verb, &a, &b);
    for (uint32_t t = a; t < b; t++) {
        /* (parsers also read it as a conjunct or an adverbial clause: "..., the Tories claimed.") */
        int rel = d->syn[t].deprel;
        if (d->syn[t].head != (int32_t)verb || (rel != DYAD_DEP_PARATAXIS && rel != DYAD_DEP_CONJ && rel != DYAD_DEP_ADVCL) ||
            t < verb || dyad_syn_object(d, t) >= 0 || dyad_syn_child(d, t, DYAD_DEP_CCOMP) >= 0)
            continue;
        for (int k = 0; accuse[k]; k++)
            if (dyad_syn_is_lemma(d, t, accuse[k])) return (int32_t)t;
    }
    return -1;
}
