/*
 * clean.c - build doc->text from the paragraphs that are story.
 *
 * Paragraphs are copied with runs of white space collapsed (hard-wrapped
 * lines joined by one space) and separated by one blank line, so that every
 * later offset is into one tidy buffer.  Debris is recorded with its span in
 * doc->norm, the text before removal.
 */
#include "text.h"
#include "../core/core.h"

#include <string.h>

static void add_debris(dyad_doc *d, uint32_t off, uint32_t len, const char *rule)
{
    d->debris = dyad_grow(d->debris, &d->cap_debris, d->n_debris + 1, sizeof *d->debris);
    d->debris[d->n_debris++] = (dyad_debris){off, len, rule};
}

/* Append norm[b, e) collapsing white space; returns the new length. */
static uint32_t copy_collapsed(dyad_doc *d, uint32_t o, uint32_t b, uint32_t e)
{
    int space = o > 0 && d->text[o - 1] == ' ';
    for (uint32_t i = b; i < e; i++) {
        char c = d->norm[i];
        if (c == ' ' || c == '\n') {
            if (!space) { d->text[o++] = ' '; space = 1; }
            continue;
        }
        d->text[o++] = c;
        space = 0;
    }
    return o;
}

void text_build_clean(dyad_doc *d, const text_paras *ps)
{
    /* Line-per-paragraph input gains one byte per paragraph ("\n" -> "\n\n"). */
    d->text = dyad_grow(d->text, &d->text_cap, d->norm_len * 2 + 2, 1);
    uint32_t o = 0;
    d->n_paras = 0;
    for (uint32_t i = 0; i < ps->n; i++) {
        const text_para *p = &ps->v[i];
        if (p->debris) {
            /* Merge a block of consecutive paragraphs under one rule. */
            if (d->n_debris && d->debris[d->n_debris - 1].rule == p->debris && i &&
                ps->v[i - 1].debris == p->debris) {
                dyad_debris *last = &d->debris[d->n_debris - 1];
                last->len = p->off + p->len - last->off;
            } else
                add_debris(d, p->off, p->len, p->debris);
            continue;
        }
        if (o) { d->text[o++] = '\n'; d->text[o++] = '\n'; }
        uint32_t start = o, end = p->off + p->len;
        if (p->cut_len) {
            add_debris(d, p->cut_off, p->cut_len, "read-time");
            o = copy_collapsed(d, o, p->off, p->cut_off);
            o = copy_collapsed(d, o, p->cut_off + p->cut_len, end);
        } else
            o = copy_collapsed(d, o, p->off, end);
        while (o > start && d->text[o - 1] == ' ') o--;
        while (start < o && d->text[start] == ' ') {       /* a cut badge leaves a lead space */
            memmove(d->text + start, d->text + start + 1, o - start - 1);
            o--;
        }
        if (o == start) { if (start) o -= 2; continue; }
        d->paras = dyad_grow(d->paras, &d->cap_paras, d->n_paras + 1, sizeof *d->paras);
        d->paras[d->n_paras++] = (dyad_para){start, o - start, 0, 0, p->flags};
    }
    d->text[o] = 0;
    d->text_len = o;
}
