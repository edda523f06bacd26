/*
 * timex.c - time_process: find the expressions, resolve them in text order
 * (so that "two days later" and "that year" can lean on the last date the
 * story named), give each sentence its reference date, then give clock
 * times ("at 10 a.m.") the day of their sentence.
 */
#include "tx.h"

void time_process(dyad_doc *d)
{
    tx_list raw = {0};
    tx_find(d, &raw);
    d->n_timexes = 0;

    dyad_date md;
    uint32_t dl_off = 0, dl_len = 0;
    if (!tx_dateline(d, &md, &dl_off, &dl_len)) dl_len = 0;

    uint32_t *src = raw.n ? dyad_arena_alloc(d->arena, raw.n * sizeof *src) : NULL;
    dyad_date anchor = d->pubdate;
    for (uint32_t i = 0; i < raw.n; i++) {
        d->timexes = dyad_grow(d->timexes, &d->cap_timexes, d->n_timexes + 1, sizeof *d->timexes);
        dyad_timex *t = &d->timexes[d->n_timexes];
        tx_resolve(d, &raw.v[i], d->pubdate, anchor, t);
        if (!t->kind) continue;                     /* not a real date: Feb. 30 */
        if (dl_len && t->off >= dl_off && t->off < dl_off + dl_len) t->flags |= DYAD_TIMEX_DATELINE;
        src[d->n_timexes++] = i;
        /* The narrative anchor follows the story's main-clause dates; a date
         * the story names but that cannot be resolved (a weekday against an
         * unknown day) leaves it unknown, so "that same day" after it is not
         * read against an older date. */
        if ((t->kind == DYAD_TIMEX_DATE || t->kind == DYAD_TIMEX_TIME) &&
            !(t->flags & (DYAD_TIMEX_RELATIVE | DYAD_TIMEX_ATTRIBUTIVE | DYAD_TIMEX_SUBORDINATE))) {
            if (t->date.year) anchor = t->date;
            else if (t->flags & DYAD_TIMEX_UNRESOLVED) anchor = tx_date(0, 0, 0);
        }
    }

    tx_reference(d);

    /* Expressions are in text order, so those of a clock time's sentence
     * start at a cursor that only moves forwards: the cost is the
     * expressions of each sentence, not all of them per clock time. */
    uint32_t first = 0;
    for (uint32_t k = 0; k < d->n_timexes; k++) {
        const tx_raw *r = &raw.v[src[k]];
        if (r->type != TX_CLOCK) continue;
        /* The day named in the same sentence, else the sentence's reference date. */
        dyad_date day = d->sent_dates[r->sent];
        while (first < k && d->timexes[first].sent < r->sent) first++;
        for (uint32_t j = first; j < d->n_timexes && d->timexes[j].sent == r->sent; j++)
            if (d->timexes[j].kind == DYAD_TIMEX_DATE && tx_has_day(d->timexes[j].date)) {
                day = d->timexes[j].date;
                break;
            }
        tx_clock_value(r, day, &d->timexes[k]);
    }
}
