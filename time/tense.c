/*
 * tense.c - is the clause around an expression about the past or future?
 *
 * "On Wednesday" means the last Wednesday in "met on Wednesday" and the
 * next one in "will meet on Wednesday".  Without a parser, the nearest
 * tense cue decides: scanning outwards from the expression, alternately
 * left and right, to the ends of the sentence, stopping at a boundary that
 * changes voice (quotation marks, semicolons, dashes), and no farther than
 * TENSE_REACH tokens: a verb that far away is another clause's, and the
 * bound keeps a sentence full of expressions linear.
 *   future: will, 'll, shall, won't, scheduled, upcoming; going/set/due/
 *           expected/plans/intends only when "to" follows
 *   past:   said, was, had, told ... and any lower-case -ed word
 *   present (is, are, says, has) and irrealis (would, could, hoped to,
 *           forecast): neither: the caller takes the nearer date, and a
 *           year there is not evidence of when the story was written
 * News defaults to the past, but "none" is returned when nothing is found
 * so that callers can choose.
 */
#include "tx.h"

#include <string.h>

#define TENSE_REACH 100u

/* Lower-case words ending in -ed that are not past forms. */
static int ed_exception(const char *s, uint32_t n)
{
    static const char *const ex[] = {"need", "needed", "speed", "seed", "feed", "bleed", "breed",
                                     "indeed", "hundred", "proceed", "exceed", "succeed", "shed",
                                     "red", "bed", "wed", "embed", "weed", "greed", "steed"};
    for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
        if (strlen(ex[i]) == n && !memcmp(ex[i], s, n)) return 1;
    return 0;
}

static int ends_with_ll(const char *s, uint32_t n)
{
    if (n >= 3 && s[n - 3] == '\'' && s[n - 2] == 'l' && s[n - 1] == 'l') return 1;
    return n >= 5 && (unsigned char)s[n - 5] == 0xE2 && (unsigned char)s[n - 4] == 0x80 &&
           (unsigned char)s[n - 3] == 0x99 && s[n - 2] == 'l' && s[n - 1] == 'l';
}

/* The cue of token i: T_PAST, T_FUTURE, 3 for present, 0 for none. */
static const tx_word *word(const dyad_doc *d, const uint16_t *ent, uint32_t i)
{
    return ent ? tx_entry(ent[i]) : tx_lookup(d, i);
}

static int cue(const dyad_doc *d, const uint16_t *ent, uint32_t i, uint32_t end)
{
    const dyad_token *t = &d->toks[i];
    const tx_word *w = word(d, ent, i);
    if (w) {
        if (w->cls == TXC_FUTURE) {
            const tx_word *n = i + 1 < end ? word(d, ent, i + 1) : NULL;
            return !w->val || (n && n->cls == TXC_WORD && n->id == W_TO) ? T_FUTURE : 0;
        }
        if (w->cls == TXC_PAST) return T_PAST;
        if (w->cls == TXC_PRESENT || w->cls == TXC_IRREALIS) return 3;
        if (w->cls == TXC_WORD && w->id == W_SPEECH) return w->val ? T_PAST : 3;
        return 0;
    }
    if (!(t->flags & DYAD_TOK_WORD)) return 0;
    const char *s = d->text + t->off;
    if (ends_with_ll(s, t->len)) return T_FUTURE;
    if ((t->flags & DYAD_TOK_LOWER) && t->len >= 4 && s[t->len - 2] == 'e' && s[t->len - 1] == 'd' &&
        !(t->flags & DYAD_TOK_HYPHEN) && !ed_exception(s, t->len))
        return T_PAST;
    return 0;
}

/* "will be held", "would be made", "to be signed": a participle after a
 * modal or "to" is not a past fact.  i is the participle, lo the sentence start. */
static int modal_before(const dyad_doc *d, const uint16_t *ent, uint32_t lo, uint32_t i)
{
    for (uint32_t k = 1; k <= 3 && i >= lo + k; k++) {
        const dyad_token *t = &d->toks[i - k];
        const tx_word *w = word(d, ent, i - k);
        if (w && w->cls == TXC_FUTURE && !w->val) return T_FUTURE;
        if ((t->flags & DYAD_TOK_WORD) && ends_with_ll(d->text + t->off, t->len)) return T_FUTURE;
        if (w && (w->cls == TXC_IRREALIS || (w->cls == TXC_WORD && w->id == W_TO))) return 3;
        if (w && (w->cls == TXC_PAST || w->cls == TXC_PRESENT)) return 0;   /* had been held */
    }
    return 0;
}

static int is_wall(const dyad_doc *d, uint32_t i)
{
    uint32_t f = d->toks[i].flags;
    if (f & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_DASH)) return 1;
    return (f & DYAD_TOK_COMMA) && d->text[d->toks[i].off] == ';';
}

int tx_tense(const dyad_doc *d, const uint16_t *ent, uint32_t s, uint32_t a, uint32_t b)
{
    const dyad_sentence *st = &d->sents[s];
    uint32_t lo = st->tok, hi = st->tok + st->ntok;
    int left_open = 1, right_open = 1;
    for (uint32_t k = 1; (left_open || right_open) && k <= TENSE_REACH; k++) {
        if (left_open) {
            if (a < lo + k || is_wall(d, a - k)) left_open = 0;
            else {
                int c = cue(d, ent, a - k, hi);
                if (c == T_PAST) { int m = modal_before(d, ent, lo, a - k); if (m) c = m; }
                if (c) return c == 3 ? T_NONE : c;
            }
        }
        if (right_open) {
            uint32_t j = b + k - 1;
            if (j >= hi || is_wall(d, j)) right_open = 0;
            else {
                int c = cue(d, ent, j, hi);
                if (c == T_PAST) { int m = modal_before(d, ent, lo, j); if (m) c = m; }
                if (c) return c == 3 ? T_NONE : c;
            }
        }
    }
    return T_NONE;
}
