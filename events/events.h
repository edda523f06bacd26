/*
 * events.h - the events stage: CAMEO ontology and verb patterns compiled
 * once; per document, events coded from sentences, actor mentions, quotes
 * and sentence dates into doc->events.
 */
#ifndef DYAD_EVENTS_H
#define DYAD_EVENTS_H

#include <stdio.h>

#include "dyad.h"

typedef struct events_model events_model;

events_model *events_load(const char *data_dir, char *err, size_t errlen);
void events_free(events_model *m);
void events_process(const events_model *m, dyad_doc *doc);
/* Code again, printing per sentence what fired and why (dyad code --explain). */
void events_explain(const events_model *m, dyad_doc *doc, FILE *out);
/* Drop every event without a target (dyad code --require-target). */
void events_require_target(dyad_doc *doc);
/* Whether a token hash (dyad_token.hash) is a form of a dictionary verb:
 * one probe of the compiled forms table. */
int events_verb_form(const events_model *m, uint32_t hash);
/* candidates.c: want[s] = 1 for each sentence the coder can code (no
 * heading; a dictionary verb form outside the actor mentions; a mention,
 * or a quotation with a speaker over the sentence), else 0; want has
 * doc->n_sents bytes.  Returns how many.  Needs the actors and quotes
 * stages' results; the pipeline parses only these sentences. */
uint32_t events_candidates(const events_model *m, const dyad_doc *doc, uint8_t *want);
uint32_t events_pattern_count(const events_model *m);
uint32_t events_verb_count(const events_model *m);
uint32_t events_unusable(const events_model *m);
/* Code as TABARI does: a verb's modality and negation change nothing
 * unless a pattern names them (for TABARI's validation suite). */
void events_set_literal(events_model *m, int on);
/* TABARI's code modifiers, in dyad_event.flags until resolved: over the
 * events from `first` on (one sentence), a dominant one removes the others
 * and any other removes the subordinate ones; the marks are cleared. */
enum { EVENTS_EV_SUBORD = 1u << 29, EVENTS_EV_DOMINANT = 1u << 30 };
void events_resolve_modifiers(dyad_doc *d, uint32_t first);   /* dictionary lines not used */

#endif
