/*
 * test_syntax.c - the syntax stage without a model: name tables, the
 * lemmatizer, guessed tags, and the tree queries over parses written by
 * hand (so the queries are tested apart from the parser).
 */
#include "../check.h"
#include "dyad.h"
#include "../../syntax/syntax.h"

static void lemma_is(const char *form, int upos, int xpos, const char *want)
{
    char buf[SYN_MAX_WORD + 4];
    uint32_t len;
    const char *l = syn_lemma(form, (uint32_t)strlen(form), upos, xpos, buf, &len);
    if (len != strlen(want) || memcmp(l, want, len))
        CHECK_NOTE("lemma of %s (%s/%s) is \"%.*s\", expected \"%s\"", form, dyad_upos_name(upos),
                   dyad_xpos_name(xpos), (int)len, l, want);
}

static void test_names(void)
{
    CHECK_STR(dyad_upos_name(DYAD_UPOS_PROPN), "PROPN");
    CHECK_STR(dyad_upos_name(0), "_");
    CHECK_STR(dyad_deprel_name(DYAD_DEP_NSUBJ_PASS), "nsubj:pass");
    CHECK_STR(dyad_deprel_name(DYAD_DEP_ACL_RELCL), "acl:relcl");
    CHECK_STR(dyad_xpos_name(DYAD_XPOS_PRPS), "PRP$");
    CHECK_STR(dyad_xpos_name(DYAD_XPOS_LRB), "-LRB-");
    CHECK_INT(dyad_upos_from_name("VERB", 4), DYAD_UPOS_VERB);
    CHECK_INT(dyad_upos_from_name("VERBS", 5), 0);
    CHECK_INT(dyad_deprel_from_name("obl:agent", 9), DYAD_DEP_OBL_AGENT);
    CHECK_INT(dyad_deprel_from_name("nmod:tmod", 9), DYAD_DEP_DEP);
    CHECK_INT(dyad_deprel_from_name("_", 1), DYAD_DEP_NONE);
    CHECK_INT(dyad_xpos_from_name("VBN", 3), DYAD_XPOS_VBN);
    CHECK_INT(syn_deprel_main(DYAD_DEP_NSUBJ_PASS), DYAD_DEP_NSUBJ);
    CHECK_INT(syn_deprel_main(DYAD_DEP_OBJ), DYAD_DEP_OBJ);
    for (int i = 1; i < DYAD_DEP_COUNT; i++) {
        const char *n = dyad_deprel_name(i);
        CHECK_INT(dyad_deprel_from_name(n, strlen(n)), i);
    }
}

static void test_lemmas(void)
{
    lemma_is("said", DYAD_UPOS_VERB, DYAD_XPOS_VBD, "say");
    lemma_is("Said", DYAD_UPOS_VERB, DYAD_XPOS_VBD, "say");
    lemma_is("attacked", DYAD_UPOS_VERB, DYAD_XPOS_VBD, "attack");
    lemma_is("stopped", DYAD_UPOS_VERB, DYAD_XPOS_VBD, "stop");
    lemma_is("making", DYAD_UPOS_VERB, DYAD_XPOS_VBG, "make");
    lemma_is("agreed", DYAD_UPOS_VERB, DYAD_XPOS_VBD, "agree");
    lemma_is("tried", DYAD_UPOS_VERB, DYAD_XPOS_VBD, "try");
    lemma_is("accuses", DYAD_UPOS_VERB, DYAD_XPOS_VBZ, "accuse");
    lemma_is("pushes", DYAD_UPOS_VERB, DYAD_XPOS_VBZ, "push");
    lemma_is("negotiated", DYAD_UPOS_VERB, DYAD_XPOS_VBN, "negotiate");
    lemma_is("developed", DYAD_UPOS_VERB, DYAD_XPOS_VBN, "develop");
    lemma_is("visiting", DYAD_UPOS_VERB, DYAD_XPOS_VBG, "visit");
    lemma_is("invited", DYAD_UPOS_VERB, DYAD_XPOS_VBD, "invite");
    lemma_is("was", DYAD_UPOS_AUX, DYAD_XPOS_VBD, "be");
    lemma_is("n't", DYAD_UPOS_PART, DYAD_XPOS_RB, "not");
    lemma_is("n’t", DYAD_UPOS_PART, DYAD_XPOS_RB, "not");
    lemma_is("countries", DYAD_UPOS_NOUN, DYAD_XPOS_NNS, "country");
    lemma_is("talks", DYAD_UPOS_NOUN, DYAD_XPOS_NNS, "talk");
    lemma_is("women", DYAD_UPOS_NOUN, DYAD_XPOS_NNS, "woman");
    lemma_is("crises", DYAD_UPOS_NOUN, DYAD_XPOS_NNS, "crisis");
    lemma_is("Americans", DYAD_UPOS_PROPN, DYAD_XPOS_NNPS, "American");
    lemma_is("Tories", DYAD_UPOS_PROPN, DYAD_XPOS_NNP, "Tories");
    lemma_is("bigger", DYAD_UPOS_ADJ, DYAD_XPOS_JJR, "big");
    lemma_is("easiest", DYAD_UPOS_ADJ, DYAD_XPOS_JJS, "easy");
    lemma_is("better", DYAD_UPOS_ADV, DYAD_XPOS_RBR, "well");
    lemma_is("them", DYAD_UPOS_PRON, DYAD_XPOS_PRP, "they");
    lemma_is("I", DYAD_UPOS_PRON, DYAD_XPOS_PRP, "I");
    lemma_is("Iraqi", DYAD_UPOS_ADJ, DYAD_XPOS_JJ, "Iraqi");
    lemma_is("The", DYAD_UPOS_DET, DYAD_XPOS_DT, "the");
}

static void test_guessed_tags(void)
{
    dyad_doc *d = dyad_doc_new();
    const char *t = "Russian forces attacked the port on Tuesday.";
    dyad_doc_set_raw(d, t, strlen(t));
    dyad_text_process(d);
    syntax_process(NULL, d);
    CHECK_INT(d->n_syn, d->n_toks);
    CHECK_INT(d->n_toks, 8);
    CHECK_INT(d->syn[2].upos, DYAD_UPOS_VERB);
    CHECK(dyad_syn_is_lemma(d, 2, "attack"));
    CHECK_INT(d->syn[1].upos, DYAD_UPOS_NOUN);
    CHECK(dyad_syn_is_lemma(d, 1, "force"));
    CHECK_INT(d->syn[6].upos, DYAD_UPOS_PROPN);
    CHECK_INT(d->syn[7].upos, DYAD_UPOS_PUNCT);
    CHECK(!dyad_sent_parsed(d, 0));                 /* no parser: tags only */
    CHECK_INT(dyad_syn_subject(d, 2), -1);
    dyad_doc_free(d);
}

/* Give the document's tokens a parse written as "head label" per token
 * (1-based heads within the one sentence, 0 for the root). */
static void set_parse(dyad_doc *d, const int *heads, const int *labels, const int *upos)
{
    for (uint32_t i = 0; i < d->n_toks; i++) {
        d->syn[i].head = heads[i] ? heads[i] - 1 : -1;
        d->syn[i].deprel = (uint8_t)labels[i];
        d->syn[i].upos = (uint8_t)upos[i];
    }
}

static void test_tree_queries(void)
{
    dyad_doc *d = dyad_doc_new();
    /* 1 The 2 minister 3 , 4 who 5 was 6 attacked 7 by 8 protesters 9 ,
     * 10 said 11 he 12 would 13 not 14 resign 15 and 16 leave 17 . */
    const char *t = "The minister, who was attacked by protesters, said he would not resign and leave.";
    dyad_doc_set_raw(d, t, strlen(t));
    dyad_text_process(d);
    syntax_process(NULL, d);                        /* lemmas; the parse comes next */
    CHECK_INT(d->n_toks, 17);
    if (d->n_toks != 17) { dyad_doc_free(d); return; }
    enum { P = DYAD_DEP_PUNCT };
    const int heads[17] = {2, 10, 6, 6, 6, 2, 8, 6, 6, 0, 14, 14, 14, 10, 16, 14, 10};
    const int labels[17] = {DYAD_DEP_DET, DYAD_DEP_NSUBJ, P, DYAD_DEP_NSUBJ_PASS, DYAD_DEP_AUX_PASS,
                            DYAD_DEP_ACL_RELCL, DYAD_DEP_CASE, DYAD_DEP_OBL_AGENT, P, DYAD_DEP_ROOT,
                            DYAD_DEP_NSUBJ, DYAD_DEP_AUX, DYAD_DEP_ADVMOD, DYAD_DEP_CCOMP, DYAD_DEP_CC,
                            DYAD_DEP_CONJ, P};
    const int upos[17] = {DYAD_UPOS_DET, DYAD_UPOS_NOUN, DYAD_UPOS_PUNCT, DYAD_UPOS_PRON, DYAD_UPOS_AUX,
                          DYAD_UPOS_VERB, DYAD_UPOS_ADP, DYAD_UPOS_NOUN, DYAD_UPOS_PUNCT, DYAD_UPOS_VERB,
                          DYAD_UPOS_PRON, DYAD_UPOS_AUX, DYAD_UPOS_PART, DYAD_UPOS_VERB, DYAD_UPOS_CCONJ,
                          DYAD_UPOS_VERB, DYAD_UPOS_PUNCT};
    set_parse(d, heads, labels, upos);
    CHECK(dyad_sent_parsed(d, 0));
    CHECK_INT(dyad_syn_subject(d, 9), 1);           /* said <- minister */
    CHECK_INT(dyad_syn_subject(d, 5), 1);           /* attacked: who -> its antecedent, minister */
    CHECK_INT(dyad_syn_agent(d, 5), 7);             /* by protesters */
    CHECK_INT(dyad_syn_subject(d, 13), 10);         /* resign <- he */
    CHECK_INT(dyad_syn_subject(d, 15), 10);         /* leave: conj shares resign's subject */
    CHECK_INT(dyad_syn_modal(d, 13), 11);           /* would */
    CHECK_INT(dyad_syn_modal(d, 9), -1);
    CHECK(dyad_syn_negated(d, 13));
    CHECK(!dyad_syn_negated(d, 9));
    CHECK_INT(dyad_syn_object(d, 9), -1);
    CHECK_INT(dyad_syn_child(d, 9, DYAD_DEP_CCOMP), 13);
    CHECK_INT(dyad_syn_clause_head(d, 7), 5);       /* protesters -> attacked */
    CHECK_INT(dyad_syn_clause_head(d, 10), 13);     /* he -> resign */
    CHECK_INT(dyad_syn_clause_head(d, 1), 9);       /* minister -> said */
    dyad_doc_free(d);
}

int main(void)
{
    RUN(test_names);
    RUN(test_lemmas);
    RUN(test_guessed_tags);
    RUN(test_tree_queries);
    return check_done();
}
