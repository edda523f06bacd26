/*
 * events.c - the events stage: load the ontology and the verb dictionary,
 * then code documents (coder.c).
 */
#include "model.h"
#include "../core/core.h"

#include <stdio.h>
#include <stdlib.h>

void events_code(const events_model *m, dyad_doc *d, FILE *explain);
void events_finish(dyad_doc *d, int require_target, FILE *explain);

/* The ontology always; dyad's own verb dictionary unless a coder brings
 * its own patterns (dict/tabari_code.h), so that `dyad code --verbs FILE`
 * works even where data/events/verbs/ does not exist. */
static events_model *load(const char *data_dir, int with_verbs, char *err, size_t errlen)
{
    events_model *m = calloc(1, sizeof *m);
    if (!m) { snprintf(err, errlen, "out of memory"); return NULL; }
    m->strings = dyad_arena_new(256 * 1024);
    char path[4096];
    snprintf(path, sizeof path, "%s/events/cameo.txt", data_dir);
    if (ontology_load(m, path, err, errlen) || (with_verbs && verbs_load(m, data_dir, err, errlen))) {
        events_free(m);
        return NULL;
    }
    coder_init(m);
    return m;
}

events_model *events_load(const char *data_dir, char *err, size_t errlen)
{
    return load(data_dir, 1, err, errlen);
}

events_model *events_load_ontology(const char *data_dir, char *err, size_t errlen)
{
    return load(data_dir, 0, err, errlen);
}

void events_free(events_model *m)
{
    if (!m) return;
    free(m->cameo); free(m->verbs); free(m->pats); free(m->elems); free(m->alts);
    free(m->hashes); free(m->forms);
    dyad_arena_free(m->strings);
    free(m);
}

void events_process(const events_model *m, dyad_doc *doc)
{
    events_code(m, doc, NULL);
    events_finish(doc, 0, NULL);
}

void events_explain(const events_model *m, dyad_doc *doc, FILE *out)
{
    events_code(m, doc, out);
    if (out) fprintf(out, "story:\n");
    events_finish(doc, 0, out);
}

void events_require_target(dyad_doc *doc) { events_finish(doc, 1, NULL); }

uint32_t events_pattern_count(const events_model *m) { return m->n_pats; }
uint32_t events_verb_count(const events_model *m) { return m->n_verbs; }
uint32_t events_unusable(const events_model *m) { return m->unusable; }
void events_set_literal(events_model *m, int on) { m->literal = on; }
