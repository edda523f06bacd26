/*
 * redate.c - actors_redate: people coded at the date of what is told, not
 * the date of the telling.
 *
 * actors_process codes every mention at the publication date, because
 * that is all it knows.  Once the time stage has given each sentence its
 * reference date, a story of 2022 that says "In 2018, Trump met Kim in
 * Singapore" should code Trump as he was in 2018 (USAGOV), not as he was
 * when the story was written (USAELI): event data records who the actors
 * were when they acted.  So a mention that took its person's code is coded
 * again at its sentence's date when that date is before the publication
 * date.  Later dates are left alone: a story cannot know who will hold an
 * office, and a plan is not a fact.  A mention whose code came from its own
 * words ("North Korean leader": PRKGOV) keeps it.
 *
 * A year-only or month-only sentence date is read at its middle (1 July,
 * the 15th), never later than the publication date.  A person with no
 * role at that date keeps the code of the publication date: an empty code
 * would drop the actor, and a misread date ("the rebate, secured in 1984")
 * costs less this way.
 */
#include "actors_int.h"

#include <string.h>

static dyad_date day_of(dyad_date d, dyad_date pub)
{
    dyad_date x = d;
    if (!x.month) { x.month = 7; x.day = 1; }
    else if (!x.day) x.day = 15;
    dyad_date p = pub;
    if (!p.month) p.month = 12;
    if (!p.day) p.day = 28;
    return dyad_date_cmp(x, p) > 0 ? p : x;
}

void actors_redate(const actors_lexicon *lex, dyad_doc *doc)
{
    if (!lex || !doc->pubdate.year || !doc->sent_dates) return;
    for (uint32_t i = 0; i < doc->n_mentions; i++) {
        dyad_mention *m = &doc->mentions[i];
        if (m->entity < 0 || (uint32_t)m->entity >= doc->n_entities || m->sent >= doc->cap_sent_dates) continue;
        const dyad_entity *e = &doc->entities[m->entity];
        if (e->person < 0 || (uint32_t)e->person >= lex->n_people || strcmp(m->code, e->code)) continue;
        dyad_date when = doc->sent_dates[m->sent];
        if (!when.year || dyad_date_cmp(when, doc->pubdate) >= 0) continue;
        /* the same year as a year-only publication date: nothing to tell apart */
        if (!doc->pubdate.month && when.year == doc->pubdate.year) continue;
        /* No role known then (before a first office, a misread date): the
         * lexicon says nothing, so the mention keeps what it had. */
        const char *code = act_person_code(lex, (uint32_t)e->person, day_of(when, doc->pubdate), NULL);
        if (*code) snprintf(m->code, sizeof m->code, "%s", code);
    }
}
