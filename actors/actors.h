/*
 * actors.h - the actors stage: lexicons compiled once, then per document
 * recognition of mentions, CAMEO codes at the document's date, and
 * coreference.
 *
 * actors_load reads data_dir/actors/{countries,people,orgs,agents}.txt into
 * hash tables keyed by folded token sequences; the result is read-only and
 * shared by threads.  actors_process fills doc->mentions and doc->entities
 * from doc->toks / doc->sents, resolving dated roles with doc->pubdate
 * (which must be set before; when unknown, today's date is used and a diag
 * says so).
 */
#ifndef DYAD_ACTORS_H
#define DYAD_ACTORS_H

#include "dyad.h"

typedef struct actors_lexicon actors_lexicon;

actors_lexicon *actors_load(const char *data_dir, char *err, size_t errlen);
void actors_free(actors_lexicon *lex);
void actors_process(const actors_lexicon *lex, dyad_doc *doc);

#endif
