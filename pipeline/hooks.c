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

/* The dependency parse, where a later stage reads it: dyad's coder reads
 * the tree only in the sentences it can code (events_candidates), and
 * where/ only in the sentences of events, so the other sentences stay
 * unparsed (dyad_sent_parsed() is 0 there).  A hook's coder (TABARI mode)
 * brings verbs of its own, and without an events model nothing says which
 * sentences matter: then every sentence is parsed, as it is when the
 * caller asks (opt->parse_all, dyad code --explain). */
static void parse_for_events(const dyad_model *m, dyad_doc *doc, const dyad_options *opt, const dyad_hooks *h)
{
    if (!m->events || (h && h->after_events) || (opt && opt->parse_all)) { syntax_parse(m->syntax, doc, NULL); return; }
    uint8_t *want = dyad_arena_alloc(doc->arena, (size_t)doc->n_sents + 1);
    if (events_candidates(m->events, doc, want)) syntax_parse(m->syntax, doc, want);
}

void dyad_process_hooked(const dyad_model *m, dyad_doc *doc, const dyad_options *opt, const dyad_hooks *h)
{
    dyad_date none = {0, 0, 0};
    if (doc->coded) return;                   /* a coded record: its stages ran where it was coded */
    dyad_text_process(doc);
    syntax_tag(m->syntax, doc);               /* tags and lemmas; NULL model: guessed tags */
    time_pubdate(doc, opt ? opt->date : none);
    actors_process(m->actors, doc);           /* NULL lexicon: no mentions */
    if (h && h->after_actors) h->after_actors(h->ctx, doc);
    time_process(doc);
    actors_redate(m->actors, doc);            /* people as they were on each sentence's date */
    quotes_process(doc);
    parse_for_events(m, doc, opt, h);
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
