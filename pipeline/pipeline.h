/*
 * pipeline.h - the model's parts, for commands that need one stage's data
 * (the actors lexicon for `dyad actors --candidates`, say).
 */
#ifndef DYAD_PIPELINE_H
#define DYAD_PIPELINE_H

#include "dyad.h"
#include "../actors/actors.h"
#include "../events/events.h"
#include "../syntax/syntax.h"
#include "../where/where.h"

struct dyad_model {
    char *data_dir;
    actors_lexicon *actors;
    events_model *events;
    syntax_model *syntax;           /* tagger and parser; NULL members: guessed tags, no parse */
    where_model *where;             /* place tables; NULL: no places */
};

#endif
