/*
 * sentences.c - sentence boundaries over the tokens of each paragraph.
 *
 * A boundary may follow . ! ? … or an abbreviation's own period, plus any
 * closing quotes and brackets.  Whether it is one depends on what comes
 * next, as a reader decides:
 *   - a lower-case word never starts a sentence ("in love?” he asked");
 *   - after a title (Mr. Gen. Sen.) or an initial (John F.) the next word is
 *     a name: no boundary;
 *   - after another abbreviation (U.S. Inc. a.m. Jan.) only a word that
 *     commonly opens a sentence (The, He, But ...) or a quote starts one;
 *   - otherwise an upper-case word, a digit, an opening quote or bracket does.
 * A paragraph end is always a boundary, and a comma before a closing quote
 * (“I like him,” Trump said.) never is, because no terminal was seen.
 *
 * A run longer than DYAD_SENT_MAX_BYTES with no boundary is no sentence a
 * reporter wrote (a scraped table, a pasted log, hostile input): it is cut
 * into pieces of at most that size, each flagged DYAD_SENT_SPLIT, at the
 * last clause boundary (, ; : or a dash) in the second half of the window,
 * else at the last word boundary, else between any two tokens; one warning
 * per document counts the cuts.  Every later stage can then assume that a
 * sentence is a few thousand bytes at most.
 */
#include "text.h"
#include "../core/core.h"

#include <stdlib.h>
#include <string.h>

static const char *const openers[] = {
    "a", "after", "all", "also", "an", "and", "as", "at", "because", "before", "both", "but",
    "by", "despite", "during", "each", "earlier", "for", "from", "he", "her", "his", "however",
    "i", "if", "in", "it", "its", "last", "later", "many", "meanwhile", "more", "most", "my",
    "no", "not", "on", "one", "our", "she", "since", "so", "some", "still", "that", "the",
    "their", "then", "there", "these", "they", "this", "those", "though", "to", "under",
    "we", "what", "when", "where", "while", "with", "yet", "you",
};

static int cmp(const void *k, const void *e) { return strcmp(k, *(const char *const *)e); }

static int is_opener(const char *s, uint32_t len)
{
    char w[16];
    if (len >= sizeof w) return 0;
    fold_word(s, len, w, sizeof w);
    return bsearch(w, openers, sizeof openers / sizeof *openers, sizeof *openers, cmp) != NULL;
}

/* May token k start a sentence, given what ended the previous one? */
static int can_start(const dyad_doc *d, uint32_t k, int after_abbr)
{
    const dyad_token *t = &d->toks[k];
    if (t->flags & DYAD_TOK_LOWER) return 0;
    if (after_abbr)
        return (t->flags & DYAD_TOK_QOPEN) ||
               ((t->flags & DYAD_TOK_CAP) && is_opener(d->text + t->off, t->len));
    return (t->flags & (DYAD_TOK_CAP | DYAD_TOK_NUM | DYAD_TOK_QOPEN | DYAD_TOK_OPEN |
                        DYAD_TOK_UPPER | DYAD_TOK_ELLIPSIS | DYAD_TOK_DASH)) ||
           (t->flags & DYAD_TOK_QAMBIG) || !(t->flags & (DYAD_TOK_WORD | DYAD_TOK_PUNCT));
}

static void add_sentence(dyad_doc *d, uint32_t para, uint32_t a, uint32_t b, uint32_t extra_flags)
{
    if (b <= a) return;
    d->sents = dyad_grow(d->sents, &d->cap_sents, d->n_sents + 1, sizeof *d->sents);
    const dyad_token *first = &d->toks[a], *last = &d->toks[b - 1];
    d->sents[d->n_sents++] = (dyad_sentence){
        first->off, last->off + last->len - first->off, a, b - a, para, d->paras[para].flags | extra_flags};
}

/* Bytes from the start of token a to the end of token b. */
static uint32_t span_bytes(const dyad_doc *d, uint32_t a, uint32_t b)
{
    return d->toks[b].off + d->toks[b].len - d->toks[a].off;
}

/* Where to cut the over-long run [start, i]: a token index in (start, i].
 * Only the window's second half is searched for a clause boundary, so a
 * cut always advances by half a window at least and the scans stay linear. */
static uint32_t split_point(const dyad_doc *d, uint32_t start, uint32_t i)
{
    uint32_t half = d->toks[start].off + DYAD_SENT_MAX_BYTES / 2, word = 0;
    for (uint32_t j = i; j > start + 1 && d->toks[j - 1].off >= half; j--) {
        if (!(d->toks[j].flags & DYAD_TOK_SPACE)) continue;
        if (d->toks[j - 1].flags & (DYAD_TOK_COMMA | DYAD_TOK_DASH)) return j;
        if (!word) word = j;
    }
    return word ? word : i;
}

void text_sentences(dyad_doc *d)
{
    d->n_sents = 0;
    uint32_t k = 0, n_cuts = 0, first_cut = 0;
    for (uint32_t p = 0; p < d->n_paras; p++) {
        uint32_t pend = d->paras[p].off + d->paras[p].len;
        uint32_t start = k, end = k;
        uint32_t piece = 0;              /* DYAD_SENT_SPLIT while inside a cut run */
        while (end < d->n_toks && d->toks[end].off < pend) end++;
        d->paras[p].sent = d->n_sents;
        for (uint32_t i = start; i < end; i++) {
            while (i > start && span_bytes(d, start, i) > DYAD_SENT_MAX_BYTES) {
                uint32_t cut = split_point(d, start, i);
                if (!n_cuts++) first_cut = d->toks[cut].off;
                add_sentence(d, p, start, cut, DYAD_SENT_SPLIT);
                start = cut;
                piece = DYAD_SENT_SPLIT;
            }
            uint32_t f = d->toks[i].flags;
            int terminal = (f & (DYAD_TOK_TERM | DYAD_TOK_ELLIPSIS)) != 0;
            int abbr = (f & DYAD_TOK_ABBR) != 0;
            if (!terminal && !abbr) continue;
            if (abbr && (f & DYAD_TOK_INITIAL)) continue;
            if (abbr) {
                char w[16];
                uint32_t wl = d->toks[i].len - 1;
                if (wl < sizeof w) {
                    fold_word(d->text + d->toks[i].off, wl, w, sizeof w);
                    if (text_is_title_abbreviation(w, wl)) continue;
                }
            }
            /* An ellipsis that opens a sentence ("… And then") belongs to it. */
            if ((f & DYAD_TOK_ELLIPSIS) && i == start) continue;
            uint32_t j = i + 1;
            while (j < end && ((d->toks[j].flags & (DYAD_TOK_QCLOSE | DYAD_TOK_CLOSE)) ||
                               ((d->toks[j].flags & DYAD_TOK_QAMBIG) && !(d->toks[j].flags & DYAD_TOK_SPACE)) ||
                               (d->toks[j].flags & DYAD_TOK_TERM)))
                j++;
            if (j >= end) break;                         /* the paragraph end will do */
            if (!(d->toks[j].flags & DYAD_TOK_SPACE)) continue;   /* "3.5", "(...)." */
            if (!can_start(d, j, abbr && !terminal)) continue;
            /* The closing quotes and terminals skipped to reach j may
             * themselves push the sentence over the cap: cut there first. */
            if (span_bytes(d, start, j - 1) > DYAD_SENT_MAX_BYTES) continue;
            add_sentence(d, p, start, j, piece);
            piece = 0;
            start = j;
            i = j - 1;
        }
        while (end > start + 1 && span_bytes(d, start, end - 1) > DYAD_SENT_MAX_BYTES) {
            uint32_t cut = split_point(d, start, end - 1);
            if (!n_cuts++) first_cut = d->toks[cut].off;
            add_sentence(d, p, start, cut, DYAD_SENT_SPLIT);
            start = cut;
            piece = DYAD_SENT_SPLIT;
        }
        add_sentence(d, p, start, end, piece);
        d->paras[p].nsent = d->n_sents - d->paras[p].sent;
        k = end;
    }
    if (n_cuts)
        dyad_doc_diag(d, 0, "%u over-long sentences (more than %u bytes with no sentence end) cut at a clause or "
                      "word boundary; the first cut at byte %u of the clean text", n_cuts, DYAD_SENT_MAX_BYTES, first_cut);
}
