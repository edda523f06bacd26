/*
 * tabari_compile.h - a TABARI / PETRARCH verb dictionary (dict/tabari.h)
 * compiled into dyad's events model, for events/coder.c (see the .c file
 * for the translation).  NULL with err set when the ontology cannot be read.
 */
#ifndef DYAD_EVENTS_TABARI_COMPILE_H
#define DYAD_EVENTS_TABARI_COMPILE_H

#include "events.h"
#include "../dict/tabari.h"

events_model *events_from_tabari(const char *data_dir, const tabari_verbs *v, char *err, size_t errlen);

#endif
