/*
 * pair.c - quotation marks -> quoted spans.
 *
 * Contract: quote_pair fills c->spans (sorted by start token, parents
 * before the spans they enclose, `parent` set) from the quotation-mark
 * tokens of every paragraph, and marks c->tspan.  Nothing is allocated but
 * one arena array bounded by the number of marks.
 *
 * The tokenizer guessed a direction for each mark from the spaces around
 * it; the guess is only a hint, because news copy is full of marks typed
 * the wrong way (”We fell in love” as a crosshead, straight " and ' for
 * everything, ’ as an opening mark).  Here the direction is settled in
 * context:
 *
 *   - a mark with a gap before and a word after opens; a word before and a
 *     gap after closes (gaps: space, paragraph edge, punctuation, another
 *     mark);
 *   - otherwise the glyph decides (“ ‘ « „ open, ” » ’ close), and for the
 *     straight marks, whether a mark of the same family is open;
 *   - a closing mark closes the innermost open mark of its family, double
 *     (“ ” " « ») or single (‘ ’ ' ‹ ›), so ‘nested’ quotes inside “...”
 *     pair inside, and an apostrophe (leaders' summit, goin’) that finds no
 *     open single mark is left alone;
 *   - a double mark still open at a paragraph's end runs to the end of the
 *     paragraph; when the next paragraph opens with a mark again (the
 *     convention for a quotation running over paragraphs), or closes one
 *     it never opened, that span continues the last (cont_prev/cont_next);
 *   - a double opening mark after a sentence end while a double mark is
 *     still open is the same convention on text whose paragraph breaks
 *     were lost (`... 26 weeks. "We are going to ...`): the open span ends
 *     there and a continuation starts;
 *   - an unmatched single mark is dropped: it was an apostrophe.
 */
#include "quotes_int.h"
#include "../core/core.h"

enum { DIR_NONE, DIR_OPEN, DIR_CLOSE };

typedef struct {
    uint32_t tok;
    uint8_t single;
} open_mark;

#define MAXDEPTH 32

/* Natural direction of a mark's glyph. */
static int glyph_dir(const dyad_doc *d, uint32_t i)
{
    const dyad_token *t = &d->toks[i];
    uint32_t cp = 0;
    if (!utf8_decode((const unsigned char *)d->text + t->off, t->len, &cp)) return DIR_NONE;
    switch (cp) {
    case 0x201C: case 0x201E: case 0xAB: case 0x2018: case 0x201A: case 0x2039: return DIR_OPEN;
    case 0x201D: case 0xBB: case 0x2019: case 0x203A: return DIR_CLOSE;
    }
    return DIR_NONE;
}

static int is_gap_punct(uint32_t f)
{
    return (f & DYAD_TOK_PUNCT) && (f & (DYAD_TOK_TERM | DYAD_TOK_COMMA | DYAD_TOK_CLOSE | DYAD_TOK_DASH |
                                         DYAD_TOK_ELLIPSIS | DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG));
}

static uint32_t add_span(qctx *c, uint32_t open, uint32_t close, uint32_t b, uint32_t e, uint32_t para, int single)
{
    if (b >= e) return QNONE;
    /* A one- or two-letter "quote" between single marks is an elision: rock ’n’ roll. */
    if (single && e - b == 1 && c->d->toks[b].len <= 2) return QNONE;
    qspan *q = &c->spans[c->n_spans];
    *q = (qspan){open, close, b, e, para, -1, -1, -1, (uint8_t)single, 0, 0, -1, QNONE, 0};
    return c->n_spans++;
}

static uint32_t span_start(const qspan *q) { return q->open != QNONE ? q->open : q->b; }
static uint32_t span_end(const qspan *q) { return q->close != QNONE ? q->close + 1 : q->e; }

/* Link span k, opened at token o, to the span it continues: the one
 * carried from the paragraph before (when o opens the paragraph) or the
 * one a repeated opening mark at o cut. */
static void link(qctx *c, uint32_t k, uint32_t o, uint32_t first_open, uint32_t carried, uint32_t reopen_tok,
                 uint32_t reopened)
{
    uint32_t prev = QNONE;
    if (k == QNONE) return;
    if (o == first_open && carried != QNONE) prev = carried;
    else if (o == reopen_tok && reopened != QNONE) prev = reopened;
    if (prev == QNONE) return;
    c->spans[k].cont_prev = (int32_t)prev;
    c->spans[prev].cont_next = (int32_t)k;
}

static void pair_paragraph(qctx *c, uint32_t p, uint32_t *carry)
{
    const dyad_doc *d = c->d;
    const dyad_para *pa = &d->paras[p];
    if (!pa->nsent) { *carry = QNONE; return; }
    uint32_t pt = d->sents[pa->sent].tok;
    uint32_t pe = d->sents[pa->sent + pa->nsent - 1].tok + d->sents[pa->sent + pa->nsent - 1].ntok;
    open_mark st[MAXDEPTH];
    int n = 0, seen_double_open = 0;
    int prev_dir = DIR_NONE;        /* direction given to the previous token, if a mark */
    uint32_t carried = *carry;
    uint32_t first_open_span_tok = QNONE;     /* the paragraph-initial open mark, if a continuation */
    uint32_t reopened = QNONE, reopen_tok = QNONE;   /* span cut by a repeated opening mark, and the mark */
    *carry = QNONE;
    if (pa->flags & DYAD_PARA_HEADING) carried = QNONE;
    for (uint32_t i = pt; i < pe; i++) {
        const dyad_token *t = &d->toks[i];
        uint32_t f = t->flags;
        int is_mark = (f & DYAD_TOK_PUNCT) && (f & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG));
        if (!is_mark) { prev_dir = DIR_NONE; continue; }
        int single = (f & DYAD_TOK_QSINGLE) != 0;
        int prev_gap = i == pt || (f & DYAD_TOK_SPACE) || prev_dir == DIR_OPEN ||
                       (d->toks[i - 1].flags & (DYAD_TOK_OPEN | DYAD_TOK_DASH | DYAD_TOK_COMMA));
        int next_gap = i + 1 >= pe || (d->toks[i + 1].flags & DYAD_TOK_SPACE) || is_gap_punct(d->toks[i + 1].flags);
        int top_same = -1;
        for (int k = n - 1; k >= 0; k--)
            if (st[k].single == single) { top_same = k; break; }
        int dir;
        if (f & DYAD_TOK_POSS) {
            /* leaders' summit: a possessive unless it closes an open single
             * mark and no word follows ('enemies'.). */
            if (!single || top_same < 0 || top_same != n - 1 || (i + 1 < pe && (d->toks[i + 1].flags & DYAD_TOK_WORD))) {
                prev_dir = DIR_NONE;
                continue;
            }
            dir = DIR_CLOSE;
        } else if (prev_gap && !next_gap) dir = DIR_OPEN;
        else if (!prev_gap && next_gap) dir = DIR_CLOSE;
        else {
            dir = glyph_dir(d, i);
            if (dir == DIR_NONE) dir = top_same >= 0 ? DIR_CLOSE : DIR_OPEN;
        }
        prev_dir = dir;
        if (dir == DIR_OPEN && !single && top_same >= 0 && i > pt && (d->toks[i - 1].flags & DYAD_TOK_TERM)) {
            /* `... 26 weeks. "We are going to ...`: a quotation's opening
             * mark repeated after a sentence end while it is still open is
             * a paragraph break the scraper lost, not a nested quotation.
             * The open span ends here and a continuation starts. */
            uint32_t o = st[top_same].tok;
            n = top_same;
            uint32_t k = add_span(c, o, QNONE, o + 1, i, p, 0);
            link(c, k, o, first_open_span_tok, carried, reopen_tok, reopened);
            if (n < MAXDEPTH) st[n++] = (open_mark){i, 0};
            if (k != QNONE) { reopened = k; reopen_tok = i; }
            continue;
        }
        if (dir == DIR_OPEN) {
            if (!single) {
                if (!seen_double_open && i == pt && carried != QNONE) first_open_span_tok = i;
                seen_double_open = 1;
            }
            if (n < MAXDEPTH) st[n++] = (open_mark){i, (uint8_t)single};
            continue;
        }
        /* A closing mark. */
        if (top_same >= 0) {
            uint32_t o = st[top_same].tok;
            n = top_same;                            /* unmatched marks above it are dropped */
            uint32_t k = add_span(c, o, i, o + 1, i, p, single);
            link(c, k, o, first_open_span_tok, carried, reopen_tok, reopened);
        } else if (!single && !seen_double_open && carried != QNONE) {
            /* A quotation carried over from the paragraph before, without
             * its opening mark repeated, ends here. */
            n = 0;
            uint32_t k = add_span(c, QNONE, i, pt, i, p, 0);
            if (k != QNONE) {
                c->spans[k].cont_prev = (int32_t)carried;
                c->spans[carried].cont_next = (int32_t)k;
            }
            carried = QNONE;
        }
        else prev_dir = DIR_NONE;                    /* a stray mark: an inch sign, an apostrophe */
    }
    /* The outermost double mark still open runs to the paragraph's end. */
    for (int k = 0; k < n; k++) {
        if (st[k].single) continue;
        uint32_t o = st[k].tok;
        uint32_t s = add_span(c, o, QNONE, o + 1, pe, p, 0);
        if (s != QNONE) {
            link(c, s, o, first_open_span_tok, carried, reopen_tok, reopened);
            if (!(pa->flags & DYAD_PARA_HEADING)) *carry = s;
        }
        break;
    }
}

void quote_pair(qctx *c)
{
    dyad_doc *d = c->d;
    uint32_t marks = 0;
    for (uint32_t i = 0; i < d->n_toks; i++)
        if (d->toks[i].flags & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG)) marks++;
    c->n_spans = 0;
    c->cap_spans = marks;
    c->spans = dyad_arena_alloc(d->arena, (marks + 1) * sizeof *c->spans);
    if (!marks) return;
    uint32_t carry = QNONE;
    for (uint32_t p = 0; p < d->n_paras; p++) pair_paragraph(c, p, &carry);

    /* Spans were made in closing order; sort by start (insertion sort: the
     * order is nearly right already, and it allocates nothing).  Links
     * between spans are indexes, so they are remapped after. */
    uint32_t n = c->n_spans;
    uint32_t *order = dyad_arena_alloc(d->arena, (n + 1) * sizeof *order);
    uint32_t *where = dyad_arena_alloc(d->arena, (n + 1) * sizeof *where);
    for (uint32_t k = 0; k < n; k++) order[k] = k;
    for (uint32_t k = 1; k < n; k++) {
        uint32_t v = order[k], j = k;
        while (j > 0 && (span_start(&c->spans[order[j - 1]]) > span_start(&c->spans[v]) ||
                         (span_start(&c->spans[order[j - 1]]) == span_start(&c->spans[v]) &&
                          span_end(&c->spans[order[j - 1]]) < span_end(&c->spans[v])))) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
    qspan *sorted = dyad_arena_alloc(d->arena, (n + 1) * sizeof *sorted);
    for (uint32_t k = 0; k < n; k++) { sorted[k] = c->spans[order[k]]; where[order[k]] = k; }
    for (uint32_t k = 0; k < n; k++) {
        if (sorted[k].cont_prev >= 0) sorted[k].cont_prev = (int32_t)where[sorted[k].cont_prev];
        if (sorted[k].cont_next >= 0) sorted[k].cont_next = (int32_t)where[sorted[k].cont_next];
    }
    c->spans = sorted;
    /* Parents: the nearest earlier span that encloses this one. */
    for (uint32_t k = 0; k < n; k++) {
        int32_t p = (int32_t)k - 1;
        while (p >= 0 && span_end(&sorted[p]) < span_end(&sorted[k])) p = sorted[p].parent;
        /* p encloses k only if it starts before and ends at or after k. */
        if (p >= 0 && span_start(&sorted[p]) <= span_start(&sorted[k]) && span_end(&sorted[p]) >= span_end(&sorted[k]) &&
            sorted[p].para == sorted[k].para)
            sorted[k].parent = p;
    }
    qctx_mark_spans(c);
}
