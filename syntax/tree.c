/*
 * tree.c - the tree queries of dyad.h over doc->syn.  Each looks at one
 * sentence (found by binary search over doc->sents), so every query is
 * O(log sentences + sentence length).
 */
#include "syntax.h"

#include <string.h>

static int parsed(const dyad_doc *d, int64_t tok)
{
    return tok >= 0 && d->n_syn == d->n_toks && tok < (int64_t)d->n_toks && d->syn[tok].deprel != DYAD_DEP_NONE;
}

/* Token range [*a, *b) of the sentence holding tok. */
static void sentence_of(const dyad_doc *d, uint32_t tok, uint32_t *a, uint32_t *b)
{
    uint32_t lo = 0, hi = d->n_sents;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (d->sents[mid].tok <= tok) lo = mid; else hi = mid;
    }
    if (!d->n_sents) { *a = 0; *b = d->n_toks; return; }
    *a = d->sents[lo].tok;
    *b = d->sents[lo].tok + d->sents[lo].ntok;
    if (tok < *a || tok >= *b) { *a = tok; *b = tok + 1; }
}

int dyad_sent_parsed(const dyad_doc *d, uint32_t sent)
{
    if (sent >= d->n_sents || d->n_syn != d->n_toks) return 0;
    const dyad_sentence *s = &d->sents[sent];
    for (uint32_t t = s->tok; t < s->tok + s->ntok; t++)
        if (d->syn[t].deprel != DYAD_DEP_NONE) return 1;
    return 0;
}

/* First dependent of tok whose label is one of labels[0..n). */
static int32_t child_any(const dyad_doc *d, uint32_t tok, const int *labels, int n)
{
    if (!parsed(d, tok)) return -1;
    uint32_t a, b;
    sentence_of(d, tok, &a, &b);
    for (uint32_t t = a; t < b; t++) {
        if (d->syn[t].head != (int32_t)tok) continue;
        for (int k = 0; k < n; k++) if (d->syn[t].deprel == labels[k]) return (int32_t)t;
    }
    return -1;
}

int32_t dyad_syn_child(const dyad_doc *d, uint32_t tok, int deprel)
{
    return child_any(d, tok, &deprel, 1);
}

static int is_relative_pronoun(const dyad_doc *d, int32_t t)
{
    return d->syn[t].xpos == DYAD_XPOS_WP || d->syn[t].xpos == DYAD_XPOS_WDT ||
           (d->syn[t].upos == DYAD_UPOS_PRON && dyad_syn_is_lemma(d, (uint32_t)t, "that"));
}

int32_t dyad_syn_subject(const dyad_doc *d, uint32_t verb)
{
    static const int subj[] = {DYAD_DEP_NSUBJ, DYAD_DEP_NSUBJ_PASS, DYAD_DEP_CSUBJ, DYAD_DEP_CSUBJ_PASS,
                               DYAD_DEP_NSUBJ_OUTER};
    uint32_t v = verb;
    for (int hops = 0; hops < 8; hops++) {
        if (!parsed(d, v)) return -1;
        int32_t s = child_any(d, v, subj, 5);
        const dyad_syn *y = &d->syn[v];
        /* "the minister who resigned": the subject is the antecedent. */
        if (y->deprel == DYAD_DEP_ACL_RELCL && y->head >= 0 && (s < 0 || is_relative_pronoun(d, s)))
            return y->head;
        if (s >= 0) return s;
        /* "X arrived and met Y", "X wants to meet Y": the subject is shared or controlled. */
        if ((y->deprel == DYAD_DEP_CONJ || y->deprel == DYAD_DEP_XCOMP) && y->head >= 0) { v = (uint32_t)y->head; continue; }
        return -1;
    }
    return -1;
}

int32_t dyad_syn_object(const dyad_doc *d, uint32_t verb)
{
    int32_t o = dyad_syn_child(d, verb, DYAD_DEP_OBJ);
    return o >= 0 ? o : dyad_syn_child(d, verb, DYAD_DEP_IOBJ);
}

int32_t dyad_syn_agent(const dyad_doc *d, uint32_t verb)
{
    return dyad_syn_child(d, verb, DYAD_DEP_OBL_AGENT);
}

int32_t dyad_syn_clause_head(const dyad_doc *d, uint32_t tok)
{
    int64_t t = tok;
    for (int hops = 0; hops < 64 && parsed(d, t); hops++) {
        const dyad_syn *y = &d->syn[t];
        switch (y->deprel) {
        case DYAD_DEP_ROOT: case DYAD_DEP_CCOMP: case DYAD_DEP_XCOMP: case DYAD_DEP_ADVCL: case DYAD_DEP_ADVCL_RELCL:
        case DYAD_DEP_ACL: case DYAD_DEP_ACL_RELCL: case DYAD_DEP_PARATAXIS: case DYAD_DEP_CSUBJ: case DYAD_DEP_CSUBJ_PASS:
            return (int32_t)t;
        }
        if (y->upos == DYAD_UPOS_VERB) return (int32_t)t;
        if (y->head < 0) return (int32_t)t;
        t = y->head;
    }
    return -1;
}

static const char *const modals[] = {"could", "may", "might", "would", "will", "should", "must", "can", "shall", NULL};

int32_t dyad_syn_modal(const dyad_doc *d, uint32_t verb)
{
    if (!parsed(d, verb)) return -1;
    uint32_t a, b;
    sentence_of(d, verb, &a, &b);
    for (uint32_t t = a; t < b; t++) {
        if (d->syn[t].head != (int32_t)verb || d->syn[t].deprel != DYAD_DEP_AUX) continue;
        if (d->syn[t].xpos == DYAD_XPOS_MD) return (int32_t)t;
        for (int k = 0; modals[k]; k++) if (dyad_syn_is_lemma(d, t, modals[k])) return (int32_t)t;
    }
    return -1;
}

int dyad_syn_negated(const dyad_doc *d, uint32_t verb)
{
    if (!parsed(d, verb)) return 0;
    uint32_t a, b;
    sentence_of(d, verb, &a, &b);
    for (uint32_t t = a; t < b; t++) {
        const dyad_syn *y = &d->syn[t];
        if (y->head != (int32_t)verb) continue;
        if (y->flags & DYAD_SYN_NEG) return 1;                          /* didn't, cannot */
        if ((y->deprel == DYAD_DEP_ADVMOD || y->deprel == DYAD_DEP_AUX) &&
            (dyad_syn_is_lemma(d, t, "not") || dyad_syn_is_lemma(d, t, "never"))) return 1;
    }
    return 0;
}

int dyad_syn_is_lemma(const dyad_doc *d, uint32_t tok, const char *lemma)
{
    if (d->n_syn != d->n_toks || tok >= d->n_toks || !d->syn[tok].lemma) return 0;
    const dyad_syn *y = &d->syn[tok];
    size_t n = strlen(lemma);
    if (n != y->lemma_len) return 0;
    for (size_t i = 0; i < n; i++) {
        char a = y->lemma[i], b = lemma[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
        if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
        if (a != b) return 0;
    }
    return 1;
}
