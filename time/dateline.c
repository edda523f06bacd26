/*
 * dateline.c - the dateline that opens a wire story:
 *
 *   SEOUL, Oct. 29 (Reuters) -           place, month and day, agency, dash
 *   WASHINGTON, July 12, 2018 (Dyad Wire) —
 *   KUALA LUMPUR, Malaysia, March 3 -
 *   PARIS (AP) —                          a dateline without a date
 *
 * It is looked for at the start of the first three story paragraphs (a
 * byline may come first): an upper-case place, then only capitalised
 * words, commas, one date and one parenthesised agency, up to a dash within
 * sixteen tokens.  A lower-case word outside the parentheses means running
 * text, not a dateline.
 */
#include "tx.h"

static int month_at(const dyad_doc *d, uint32_t i)
{
    const tx_word *w = tx_lookup(d, i);
    return w && w->cls == TXC_MONTH ? w->val : 0;
}

/* A plain integer token's value, or -1. */
static long int_at(const dyad_doc *d, uint32_t i, int *ndig)
{
    const dyad_token *t = &d->toks[i];
    /* No day or year has ten digits: longer runs would overflow v. */
    if (!(t->flags & DYAD_TOK_NUM) || t->len > 9) return -1;
    long v = 0;
    for (uint32_t k = 0; k < t->len; k++) {
        char c = d->text[t->off + k];
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    *ndig = (int)t->len;
    return v;
}

static int try_paragraph(const dyad_doc *d, const dyad_para *p, dyad_date *md, uint32_t *off, uint32_t *len)
{
    if (!p->nsent || (p->flags & DYAD_PARA_HEADING)) return 0;
    const dyad_sentence *s = &d->sents[p->sent];
    uint32_t b = s->tok, e = s->tok + s->ntok;
    if (e > b + 16) e = b + 16;
    const dyad_token *first = &d->toks[b];
    if (!(first->flags & DYAD_TOK_UPPER)) return 0;
    dyad_date date = {0, 0, 0};
    int depth = 0, dated = 0;
    for (uint32_t i = b; i < e; i++) {
        const dyad_token *t = &d->toks[i];
        if (t->flags & DYAD_TOK_DASH) {
            if (i == b || depth) return 0;
            *md = date;
            *off = first->off;
            *len = t->off + t->len - first->off;
            return 1;
        }
        if (t->flags & DYAD_TOK_OPEN) { depth++; continue; }
        if (t->flags & DYAD_TOK_CLOSE) { if (!depth--) return 0; continue; }
        if (depth) continue;                               /* (Reuters), (Dyad Wire) */
        if (t->flags & DYAD_TOK_COMMA) continue;
        int m = month_at(d, i), nd;
        if (m && !dated && (t->flags & DYAD_TOK_CAP) && i + 1 < e) {
            long day = int_at(d, i + 1, &nd);
            if (day >= 1 && day <= 31 && nd <= 2) {
                date = tx_date(0, m, (int)day);
                uint32_t j = i + 2;
                if (j < e && (d->toks[j].flags & DYAD_TOK_COMMA)) j++;
                long y = j < e ? int_at(d, j, &nd) : -1;
                if (y >= 1800 && y <= 2199 && nd == 4) { date.year = (int16_t)y; i = j; }
                else i++;
                dated = 1;
                continue;
            }
        }
        if (!(t->flags & DYAD_TOK_WORD) || !(t->flags & (DYAD_TOK_CAP | DYAD_TOK_UPPER))) return 0;
    }
    return 0;
}

int tx_dateline(const dyad_doc *d, dyad_date *md, uint32_t *off, uint32_t *len)
{
    for (uint32_t p = 0; p < d->n_paras && p < 3; p++)
        if (try_paragraph(d, &d->paras[p], md, off, len)) return 1;
    return 0;
}
