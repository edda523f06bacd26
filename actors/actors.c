/* actors.c - placeholder until the actors stage lands: loads nothing, finds nothing. */
#include "actors.h"

#include <stdlib.h>

struct actors_lexicon { int unused; };

actors_lexicon *actors_load(const char *data_dir, char *err, size_t errlen)
{
    (void)data_dir; (void)err; (void)errlen;
    return calloc(1, sizeof(actors_lexicon));
}

void actors_free(actors_lexicon *lex) { free(lex); }

void actors_process(const actors_lexicon *lex, dyad_doc *doc) { (void)lex; (void)doc; }
