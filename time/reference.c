/*
 * reference.c - the reference date of each sentence: when what it says
 * happened, as far as time expressions tell.  Events take their date from it.
 *
 * The rule (docs/time.md):
 *   1. A sentence's own expression governs it when it names a date (DATE,
 *      or TIME with a day), is not inside a relative clause (", who took
 *      office in June,"), does not modify a noun ("the 2020 election"), is
 *      not relative to another event ("days after") and is not the
 *      dateline.  The first such expression wins: in news English the
 *      adverbial of the main clause comes early ("On Sunday, Pompeo said").
 *   2. Else the sentence keeps the date of the previous sentence of its
 *      paragraph ("Then in 2019, ... The then-45th president ...").
 *   3. A new paragraph falls back to the publication date, unless it
 *      plainly continues the last one: it opens with "Then", "Later",
 *      "Afterwards", "Meanwhile" ..., or it is a quotation right after a
 *      dated attribution ("..., Trump said six years ago." / "I like him
 *      ...").  Headings always take the publication date.
 * A future expression governs too ("will meet on Friday" is about
 * Friday); the event stage sees DYAD_TIMEX_FUTURE and decides.
 */
#include "tx.h"

static int governs(const dyad_timex *t)
{
    if (t->kind != DYAD_TIMEX_DATE && t->kind != DYAD_TIMEX_TIME) return 0;
    if (!t->date.year) return 0;
    return !(t->flags & (DYAD_TIMEX_RELATIVE | DYAD_TIMEX_SUBORDINATE | DYAD_TIMEX_ATTRIBUTIVE |
                         DYAD_TIMEX_DATELINE));
}

static int continues(const dyad_doc *d, uint32_t tok)
{
    return tx_is(d, tok, W_THEN) || tx_is(d, tok, W_CONTINUE) || tx_is(d, tok, W_MEANWHILE) ||
           tx_is(d, tok, W_LATER);
}

static int has_speech(const dyad_doc *d, const dyad_sentence *s)
{
    for (uint32_t i = s->tok; i < s->tok + s->ntok; i++)
        if (tx_is(d, i, W_SPEECH)) return 1;
    return 0;
}

void tx_reference(dyad_doc *d)
{
    d->sent_dates = dyad_grow(d->sent_dates, &d->cap_sent_dates, d->n_sents + 1, sizeof *d->sent_dates);
    dyad_date pub = d->pubdate, prev = pub;
    uint32_t t = 0, prev_para = UINT32_MAX;
    int dated_attribution = 0;      /* the last sentence had its own date and a speech verb */
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        dyad_timex *own = NULL;
        for (; t < d->n_timexes && d->timexes[t].sent == s; t++)
            if (!own && governs(&d->timexes[t])) own = &d->timexes[t];
        dyad_date ref;
        int new_para = st->para != prev_para;
        if (own) {
            own->flags |= DYAD_TIMEX_GOVERNS;
            ref = own->date;
        } else if (st->flags & DYAD_PARA_HEADING) ref = pub;
        else if (!new_para) ref = prev;
        else if (st->ntok && continues(d, st->tok)) ref = prev;
        else if (st->ntok && (d->toks[st->tok].flags & DYAD_TOK_QOPEN) && dated_attribution) ref = prev;
        else ref = pub;
        d->sent_dates[s] = ref;
        prev = ref;
        prev_para = st->para;
        dated_attribution = own && has_speech(d, st);
    }
}
