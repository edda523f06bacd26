/*
 * caseless.c - stories written wholly in capitals (older wires, the
 * TABARI-era corpora).
 *
 * In such a story case says nothing: an all-caps paragraph is not another
 * story's headline (debris.c asks text_allcaps before dropping one), and
 * capitals mark neither names nor sentence starts.  text_caseless flags
 * every word DYAD_TOK_NOCASE and LOWER, and clears CAP and UPPER, so that
 * the coder's tests for common words see verbs and nouns as such, no run
 * of capitals becomes an unknown name, and the actors lexicon, which
 * accepts NOCASE where it wants a capital, still finds "ISRAEL".
 */
#include "text.h"

/* Letters of the ASCII alphabet in [s, s+n): is the text all capitals?
 * A few lower-case letters (a stray "Mc", "mm") are allowed. */
int text_allcaps(const char *s, size_t n)
{
    size_t upper = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') upper++;
        else if (c >= 'a' && c <= 'z') lower++;
    }
    return upper >= 40 && lower * 20 <= upper;
}

void text_caseless(dyad_doc *d)
{
    if (!text_allcaps(d->text, d->text_len)) return;
    for (uint32_t i = 0; i < d->n_toks; i++) {
        dyad_token *t = &d->toks[i];
        if (!(t->flags & DYAD_TOK_WORD)) continue;
        t->flags &= ~(uint32_t)(DYAD_TOK_CAP | DYAD_TOK_UPPER);
        t->flags |= DYAD_TOK_LOWER | DYAD_TOK_NOCASE;
    }
}
