/*
 * emit.h - documents out: the JSON record of a document and the human views.
 *
 * emit_doc_json appends one JSON object (no newline) for a processed
 * document; `parts` says which stage results to include, so that
 * `dyad text --json` stays small and `dyad code` carries everything.
 */
#ifndef DYAD_EMIT_H
#define DYAD_EMIT_H

#include <stdio.h>

#include "dyad.h"
#include "../core/core.h"

enum {
    EMIT_TEXT = 1, EMIT_SENTENCES = 2, EMIT_DEBRIS = 4, EMIT_WARNINGS = 8,
    EMIT_ACTORS = 16, EMIT_TIME = 32, EMIT_QUOTES = 64, EMIT_EVENTS = 128,
};

void emit_doc_json(dbuf *b, const dyad_doc *d, unsigned parts);
/* The metadata members shared by every record: "id":...,"url":... */
void emit_meta_json(dbuf *b, const dyad_doc *d);
void emit_text_human(FILE *out, const dyad_doc *d);

/* Stage results as JSON members, each starting with a comma. */
void emit_warnings_json(dbuf *b, const dyad_doc *d);
/* A date as "2018-07-06" / "2019-06" / "2019", or null when unknown. */
void emit_date_json(dbuf *b, dyad_date d);      /* nothing when there are none */
void emit_actors_json(dbuf *b, const dyad_doc *d);
void emit_time_json(dbuf *b, const dyad_doc *d);
void emit_quotes_json(dbuf *b, const dyad_doc *d);
void emit_events_json(dbuf *b, const dyad_doc *d);
void emit_location_json(dbuf *b, const dyad_location *l);   /* a place, or null */
/* {"code","name","mention","span","text"} of a mention, or null. */
void emit_mention_ref(dbuf *b, const dyad_doc *d, int32_t mi);
/* The same for an event side, with the event's code for it (NULL: the mention's). */
void emit_side_ref(dbuf *b, const dyad_doc *d, int32_t mi, const char *code);
/* One GDELT-style line per event: date, source, target, CAMEO, root, quad,
 * Goldstein, document id, URL. */
void emit_events_tsv(dbuf *b, const dyad_doc *d);

/* The coded record (coded.c): emit_doc_json with every part, plus a
 * "coded" member with the stage results the store needs, which
 * ingest_coded_record (ingest/coded.c) restores. */
#define EMIT_CODED_VERSION 1
void emit_doc_coded_json(dbuf *b, const dyad_doc *d);

#endif
