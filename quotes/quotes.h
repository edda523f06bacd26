/*
 * quotes.h - the quotations stage: direct, partial, indirect and scare
 * quotes with their speaker (an actor mention), cue verb and sentence.
 * Runs after actors and time; fills doc->quotes.
 */
#ifndef DYAD_QUOTES_H
#define DYAD_QUOTES_H

#include "dyad.h"

void quotes_process(dyad_doc *doc);

#endif
