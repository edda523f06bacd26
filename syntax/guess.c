/*
 * guess.c - tags without a model: closed-class words from a short list,
 * open-class words from their suffix and case.  Only used when
 * data/syntax/ holds no tagger; far below the trained tagger, but enough
 * for lemmas and for the verb / noun distinction of common forms.
 */
#include "syntax.h"
#include "../core/core.h"

#include <string.h>

typedef struct { const char *w; uint8_t upos, xpos; } closed_word;

static const closed_word closed[] = {
    {"the", DYAD_UPOS_DET, DYAD_XPOS_DT}, {"a", DYAD_UPOS_DET, DYAD_XPOS_DT}, {"an", DYAD_UPOS_DET, DYAD_XPOS_DT},
    {"this", DYAD_UPOS_DET, DYAD_XPOS_DT}, {"that", DYAD_UPOS_SCONJ, DYAD_XPOS_IN}, {"these", DYAD_UPOS_DET, DYAD_XPOS_DT},
    {"those", DYAD_UPOS_DET, DYAD_XPOS_DT}, {"some", DYAD_UPOS_DET, DYAD_XPOS_DT}, {"no", DYAD_UPOS_DET, DYAD_XPOS_DT},
    {"every", DYAD_UPOS_DET, DYAD_XPOS_DT}, {"all", DYAD_UPOS_DET, DYAD_XPOS_DT}, {"any", DYAD_UPOS_DET, DYAD_XPOS_DT},
    {"i", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"you", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"he", DYAD_UPOS_PRON, DYAD_XPOS_PRP},
    {"she", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"it", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"we", DYAD_UPOS_PRON, DYAD_XPOS_PRP},
    {"they", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"me", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"him", DYAD_UPOS_PRON, DYAD_XPOS_PRP},
    {"us", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"them", DYAD_UPOS_PRON, DYAD_XPOS_PRP}, {"her", DYAD_UPOS_PRON, DYAD_XPOS_PRPS},
    {"his", DYAD_UPOS_PRON, DYAD_XPOS_PRPS}, {"its", DYAD_UPOS_PRON, DYAD_XPOS_PRPS}, {"their", DYAD_UPOS_PRON, DYAD_XPOS_PRPS},
    {"our", DYAD_UPOS_PRON, DYAD_XPOS_PRPS}, {"my", DYAD_UPOS_PRON, DYAD_XPOS_PRPS}, {"your", DYAD_UPOS_PRON, DYAD_XPOS_PRPS},
    {"who", DYAD_UPOS_PRON, DYAD_XPOS_WP}, {"which", DYAD_UPOS_PRON, DYAD_XPOS_WDT}, {"what", DYAD_UPOS_PRON, DYAD_XPOS_WP},
    {"of", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"in", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"on", DYAD_UPOS_ADP, DYAD_XPOS_IN},
    {"at", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"by", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"for", DYAD_UPOS_ADP, DYAD_XPOS_IN},
    {"with", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"from", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"into", DYAD_UPOS_ADP, DYAD_XPOS_IN},
    {"after", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"before", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"over", DYAD_UPOS_ADP, DYAD_XPOS_IN},
    {"against", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"about", DYAD_UPOS_ADP, DYAD_XPOS_IN}, {"between", DYAD_UPOS_ADP, DYAD_XPOS_IN},
    {"to", DYAD_UPOS_PART, DYAD_XPOS_TO}, {"not", DYAD_UPOS_PART, DYAD_XPOS_RB}, {"n't", DYAD_UPOS_PART, DYAD_XPOS_RB},
    {"'s", DYAD_UPOS_PART, DYAD_XPOS_POS}, {"and", DYAD_UPOS_CCONJ, DYAD_XPOS_CC}, {"or", DYAD_UPOS_CCONJ, DYAD_XPOS_CC},
    {"but", DYAD_UPOS_CCONJ, DYAD_XPOS_CC}, {"if", DYAD_UPOS_SCONJ, DYAD_XPOS_IN}, {"because", DYAD_UPOS_SCONJ, DYAD_XPOS_IN},
    {"while", DYAD_UPOS_SCONJ, DYAD_XPOS_IN}, {"when", DYAD_UPOS_ADV, DYAD_XPOS_WRB}, {"where", DYAD_UPOS_ADV, DYAD_XPOS_WRB},
    {"is", DYAD_UPOS_AUX, DYAD_XPOS_VBZ}, {"are", DYAD_UPOS_AUX, DYAD_XPOS_VBP}, {"was", DYAD_UPOS_AUX, DYAD_XPOS_VBD},
    {"were", DYAD_UPOS_AUX, DYAD_XPOS_VBD}, {"be", DYAD_UPOS_AUX, DYAD_XPOS_VB}, {"been", DYAD_UPOS_AUX, DYAD_XPOS_VBN},
    {"being", DYAD_UPOS_AUX, DYAD_XPOS_VBG}, {"has", DYAD_UPOS_AUX, DYAD_XPOS_VBZ}, {"have", DYAD_UPOS_AUX, DYAD_XPOS_VBP},
    {"had", DYAD_UPOS_AUX, DYAD_XPOS_VBD}, {"do", DYAD_UPOS_AUX, DYAD_XPOS_VBP}, {"does", DYAD_UPOS_AUX, DYAD_XPOS_VBZ},
    {"did", DYAD_UPOS_AUX, DYAD_XPOS_VBD}, {"will", DYAD_UPOS_AUX, DYAD_XPOS_MD}, {"would", DYAD_UPOS_AUX, DYAD_XPOS_MD},
    {"can", DYAD_UPOS_AUX, DYAD_XPOS_MD}, {"could", DYAD_UPOS_AUX, DYAD_XPOS_MD}, {"may", DYAD_UPOS_AUX, DYAD_XPOS_MD},
    {"might", DYAD_UPOS_AUX, DYAD_XPOS_MD}, {"must", DYAD_UPOS_AUX, DYAD_XPOS_MD}, {"should", DYAD_UPOS_AUX, DYAD_XPOS_MD},
    {"shall", DYAD_UPOS_AUX, DYAD_XPOS_MD}, {"said", DYAD_UPOS_VERB, DYAD_XPOS_VBD}, {"says", DYAD_UPOS_VERB, DYAD_XPOS_VBZ},
    {"very", DYAD_UPOS_ADV, DYAD_XPOS_RB}, {"also", DYAD_UPOS_ADV, DYAD_XPOS_RB}, {"never", DYAD_UPOS_ADV, DYAD_XPOS_RB},
    {NULL, 0, 0},
};

void syn_guess_tags(const char *s, uint32_t n, int first, uint8_t *upos, uint8_t *xpos)
{
    char low[32];
    if (!n) { *upos = DYAD_UPOS_X; *xpos = DYAD_XPOS_XX; return; }
    unsigned char c0 = (unsigned char)s[0];
    if (c0 >= '0' && c0 <= '9') { *upos = DYAD_UPOS_NUM; *xpos = DYAD_XPOS_CD; return; }
    if (c0 < 0x80 && !((c0 | 32) >= 'a' && (c0 | 32) <= 'z')) {
        *upos = DYAD_UPOS_PUNCT;
        *xpos = c0 == ',' ? DYAD_XPOS_COMMA : c0 == '.' || c0 == '!' || c0 == '?' ? DYAD_XPOS_PERIOD
              : c0 == '(' ? DYAD_XPOS_LRB : c0 == ')' ? DYAD_XPOS_RRB : c0 == '"' ? DYAD_XPOS_LQUOTE
              : c0 == '$' ? DYAD_XPOS_DOLLAR : c0 == '\'' && n > 1 ? DYAD_XPOS_POS : DYAD_XPOS_COLON;
        if (c0 == '$') *upos = DYAD_UPOS_SYM;
        if (c0 == '\'' && n > 1) *upos = DYAD_UPOS_PART;
        return;
    }
    size_t m = fold_word(s, n, low, sizeof low);
    for (const closed_word *w = closed; w->w; w++)
        if (strlen(w->w) == m && !memcmp(w->w, low, m)) { *upos = w->upos; *xpos = w->xpos; return; }
    int cap = c0 >= 'A' && c0 <= 'Z';
    if (cap && !first) { *upos = DYAD_UPOS_PROPN; *xpos = DYAD_XPOS_NNP; return; }
#define ENDS(suf) (m > strlen(suf) + 1 && !memcmp(low + m - strlen(suf), suf, strlen(suf)))
    if (ENDS("ly")) { *upos = DYAD_UPOS_ADV; *xpos = DYAD_XPOS_RB; }
    else if (ENDS("ing")) { *upos = DYAD_UPOS_VERB; *xpos = DYAD_XPOS_VBG; }
    else if (ENDS("ed")) { *upos = DYAD_UPOS_VERB; *xpos = DYAD_XPOS_VBD; }
    else if (ENDS("ous") || ENDS("ful") || ENDS("ive") || ENDS("able") || ENDS("ical") || ENDS("ian"))
        { *upos = DYAD_UPOS_ADJ; *xpos = DYAD_XPOS_JJ; }
    else if (ENDS("s") && !ENDS("ss") && !ENDS("us") && !ENDS("is")) { *upos = DYAD_UPOS_NOUN; *xpos = DYAD_XPOS_NNS; }
    else { *upos = DYAD_UPOS_NOUN; *xpos = DYAD_XPOS_NN; }
#undef ENDS
}
