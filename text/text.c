/*
 * text.c - the text stage in order: normalise, paragraphs, debris, clean
 * text, tokens, sentences.
 */
#include "text.h"

#include <stdlib.h>

void dyad_text_process(dyad_doc *d)
{
    /* The scratch paragraph list is per call: it is small (one entry per
     * paragraph) and freeing it here keeps the stage re-entrant. */
    text_paras ps = {0};
    text_normalize(d);
    text_paragraphs(d, &ps);
    text_debris(d, &ps);
    text_build_clean(d, &ps);
    free(ps.v);
    text_tokenize(d);
    text_sentences(d);
    text_caseless(d);
}
