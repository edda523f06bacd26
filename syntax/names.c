/*
 * names.c - the names of UPOS tags, dependency labels and Penn (XPOS) tags,
 * in the order of the enums of include/dyad.h, and the reverse look-ups
 * (a linear scan: the tables are short and the look-ups happen when a
 * treebank or a model is read, never per token of a document).
 */
#include "syntax.h"

#include <string.h>

static const char *const upos_names[DYAD_UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
    "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

static const char *const deprel_names[DYAD_DEP_COUNT] = {
    "_", "root", "punct", "case", "nsubj", "nsubj:pass",
    "nsubj:outer", "csubj", "csubj:pass", "csubj:outer",
    "obj", "iobj", "obl", "obl:agent", "obl:unmarked",
    "det", "det:predet", "amod", "advmod", "nmod",
    "nmod:poss", "nmod:unmarked", "nmod:desc", "nummod",
    "appos", "compound", "compound:prt", "flat", "fixed",
    "conj", "cc", "cc:preconj", "aux", "aux:pass",
    "cop", "mark", "ccomp", "xcomp", "advcl",
    "advcl:relcl", "acl", "acl:relcl", "parataxis",
    "discourse", "expl", "list", "vocative", "goeswith",
    "reparandum", "orphan", "dislocated", "dep",
};

/* Penn Treebank tags as English EWT uses them (index 0: unknown). */
static const char *const xpos_names[DYAD_XPOS_COUNT] = {
    "_", "NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",", "CC", "VBD",
    "VBP", "VBZ", "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":",
    "WRB", "``", "''", "WP", "RP", "UH", "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP",
    "RBR", "ADD", "GW", "$", "SYM", "PDT", "LS", "FW", "RBS", "AFX", "WP$", "XX",
};

static int find(const char *const *names, int count, const char *s, size_t n)
{
    for (int i = 1; i < count; i++)
        if (strlen(names[i]) == n && !memcmp(names[i], s, n)) return i;
    return 0;
}

const char *dyad_upos_name(int upos)
{
    return upos > 0 && upos < DYAD_UPOS_COUNT ? upos_names[upos] : "_";
}

const char *dyad_deprel_name(int deprel)
{
    return deprel > 0 && deprel < DYAD_DEP_COUNT ? deprel_names[deprel] : "_";
}

const char *dyad_xpos_name(int xpos)
{
    return xpos > 0 && xpos < DYAD_XPOS_COUNT ? xpos_names[xpos] : "_";
}

int dyad_upos_from_name(const char *s, size_t n) { return find(upos_names, DYAD_UPOS_COUNT, s, n); }
int dyad_xpos_from_name(const char *s, size_t n) { return find(xpos_names, DYAD_XPOS_COUNT, s, n); }

int dyad_deprel_from_name(const char *s, size_t n)
{
    if (!n || (n == 1 && *s == '_')) return DYAD_DEP_NONE;
    int r = find(deprel_names, DYAD_DEP_COUNT, s, n);
    return r ? r : DYAD_DEP_DEP;
}

int syn_deprel_main(int deprel)
{
    const char *name = dyad_deprel_name(deprel);
    const char *colon = strchr(name, ':');
    return colon ? dyad_deprel_from_name(name, (size_t)(colon - name)) : deprel;
}
