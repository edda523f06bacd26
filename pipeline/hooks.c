/*
 * hooks.c - dyad_process with extra steps, and models made of some parts
 * (see hooks.h).  This is the one place that says the stage order;
 * dyad_process is this with no hooks.
 */
#include "hooks.h"
#include "../quotes/quotes.h"
#include "../time/timex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dyad_process_hooked(const dyad_model *m, dyad_doc *doc, const dyad_options *opt, const dyad_hooks *h)
{
    dyad_date none = {0, 0, 0};
    if (doc->coded) return;                   /* a coded record: its stages ran where it was coded */
    dyad_text_process(doc);
    syntax_process(m->syntax, doc);           /* NULL model: guessed tags, no parse */
    time_pubdate(doc, opt ? opt->date : none);
    actors_process(m->actors, doc);           /* NULL lexicon: no mentions */
    if (h && h->after_actors) h->after_actors(h->ctx, doc);
    time_process(doc);
    actors_redate(m->actors, doc);            /* people as they were on each sentence's date */
    quotes_process(doc);
    doc->n_events = 0;
    if (m->events) events_process(m->events, doc);
    if (h && h->after_events) h->after_events(h->ctx, doc);
    where_process(m->where, doc);             /* after the hook: TABARI-mode events are placed too */
}

dyad_model *dyad_model_load_parts(const char *data_dir, int actors, int events, char *err, size_t errlen)
{
    if (!data_dir) data_dir = dyad_default_data_dir();
    dyad_model *m = calloc(1, sizeof *m);
    if (!m || !(m->data_dir = strdup(data_dir))) {
        free(m);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if ((actors && !(m->actors = actors_load(data_dir, err, errlen))) ||
        (events && !(m->events = events_load(data_dir, err, errlen))) ||
        !(m->syntax = syntax_load(data_dir, err, errlen)) ||
        (events && !(m->where = where_load(data_dir, actors_gazetteer(m->actors), err, errlen)))) {
        dyad_model_free(m);
        return NULL;
    }
    return m;
}
