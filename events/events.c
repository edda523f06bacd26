/*
 * events.c - the events stage: load the ontology and the verb dictionary,
 * then code documents (coder.c).
 */
#include "model.h"
#include "../core/core.h"

#include <stdio.h>
#include <stdlib.h>

void events_code(const events_model *m, dyad_doc *d, FILE *explain);

events_model *events_load(const char *data_dir, char *err, size_t errlen)
{
    events_model *m = calloc(1, sizeof *m);
    if (!m) { snprintf(err, errlen, "out of memory"); return NULL; }
    m->strings = dyad_arena_new(256 * 1024);
    char path[4096];
    snprintf(path, sizeof path, "%s/events/cameo.txt", data_dir);
    if (ontology_load(m, path, err, errlen) || verbs_load(m, data_dir, err, errlen)) {
        events_free(m);
        return NULL;
    }
    coder_init(m);
    return m;
}

void events_free(events_model *m)
{
    if (!m) return;
    free(m->cameo); free(m->verbs); free(m->pats); free(m->elems); free(m->alts);
    free(m->hashes); free(m->forms);
    dyad_arena_free(m->strings);
    free(m);
}

void events_process(const events_model *m, dyad_doc *doc) { events_code(m, doc, NULL); }

void events_explain(const events_model *m, dyad_doc *doc, FILE *out) { events_code(m, doc, out); }

uint32_t events_pattern_count(const events_model *m) { return m->n_pats; }
uint32_t events_verb_count(const events_model *m) { return m->n_verbs; }
