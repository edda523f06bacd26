/*
 * candidates.h - unknown names placed by context, gathered over a corpus
 * for `dyad actors --candidates` (see candidates.c).
 *
 *   new    an empty collector (NULL on out of memory)
 *   add    count the CANDIDATE mentions of one processed document
 *   write  print them, most frequent first: a comment line with count,
 *          documents, code, first date and example sentence, then a
 *          suggested people.txt record; or with json one object a line
 *          (name, count, documents, code, codes, first_date, example, record)
 */
#ifndef DYAD_ACTORS_CANDIDATES_H
#define DYAD_ACTORS_CANDIDATES_H

#include <stdio.h>

#include "dyad.h"

typedef struct actors_candidates actors_candidates;

actors_candidates *actors_candidates_new(void);
void actors_candidates_add(actors_candidates *c, const dyad_doc *d);
void actors_candidates_write(actors_candidates *c, FILE *out, int json);
void actors_candidates_free(actors_candidates *c);

#endif
