/*
 * pipeline.c - load the model once; run every stage over a document.
 *
 * The order is the data flow of the design: text, syntax (tags, lemmas,
 * dependency parse), then the publication
 * date (actors resolve dated roles with it), actors, time expressions and
 * sentence dates, quotations, events.
 */
#include "pipeline.h"
#include "hooks.h"
#include "../quotes/quotes.h"
#include "../time/timex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dyad_model *dyad_model_load(const char *data_dir, char *err, size_t errlen)
{
    if (!data_dir) data_dir = dyad_default_data_dir();
    dyad_model *m = calloc(1, sizeof *m);
    if (!m) { snprintf(err, errlen, "out of memory"); return NULL; }
    m->data_dir = strdup(data_dir);
    m->actors = actors_load(data_dir, err, errlen);
    if (!m->actors) { dyad_model_free(m); return NULL; }
    m->events = events_load(data_dir, err, errlen);
    if (!m->events) { dyad_model_free(m); return NULL; }
    m->syntax = syntax_load(data_dir, err, errlen);
    if (!m->syntax) { dyad_model_free(m); return NULL; }
    m->where = where_load(data_dir, actors_gazetteer(m->actors), err, errlen);
    if (!m->where) { dyad_model_free(m); return NULL; }
    return m;
}

void dyad_model_free(dyad_model *m)
{
    if (!m) return;
    actors_free(m->actors);
    events_free(m->events);
    syntax_free(m->syntax);
    where_free(m->where);
    free(m->data_dir);
    free(m);
}

void dyad_process(const dyad_model *m, dyad_doc *doc, const dyad_options *opt)
{
    dyad_process_hooked(m, doc, opt, NULL);
}
