/*
 * pipeline/hooks.h - the pipeline with extra steps, and a model made of only
 * the parts a command needs.
 *
 * dyad_process_hooked runs the same stages in the same order as
 * dyad_process, skipping the actors stage when m->actors is NULL and the
 * events stage when m->events is NULL, and calls after_actors right after
 * the actors stage (before time and quotes, which read the mentions) and
 * after_events after the events stage.  This is how `dyad code --verbs /
 * --actors` puts the TABARI-mode coder (dict/tabari_code.h) into the
 * pipeline.  h may be NULL: then it is dyad_process.
 *
 * dyad_model_load_parts loads the actors lexicon and / or dyad's own events
 * model (verbs and ontology) from data_dir (NULL: the default); a part not
 * asked for stays NULL.  dyad_model_free releases the result.
 */
#ifndef DYAD_PIPELINE_HOOKS_H
#define DYAD_PIPELINE_HOOKS_H

#include "pipeline.h"

typedef struct {
    void (*after_actors)(void *ctx, dyad_doc *doc);
    void (*after_events)(void *ctx, dyad_doc *doc);
    void *ctx;
} dyad_hooks;

void dyad_process_hooked(const dyad_model *m, dyad_doc *doc, const dyad_options *opt, const dyad_hooks *h);
dyad_model *dyad_model_load_parts(const char *data_dir, int actors, int events, char *err, size_t errlen);

#endif
