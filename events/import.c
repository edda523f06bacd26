/*
 * import.c - the events stage's data for coders that bring their own verb
 * patterns (dict/tabari_code.h): the CAMEO ontology alone, without dyad's
 * verb dictionary, so that `dyad code --verbs FILE` works even where
 * data/events/verbs/ does not exist.
 */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>

events_model *events_load_ontology(const char *data_dir, char *err, size_t errlen)
{
    events_model *m = calloc(1, sizeof *m);
    if (!m) { snprintf(err, errlen, "out of memory"); return NULL; }
    m->strings = dyad_arena_new(64 * 1024);
    char path[4096];
    snprintf(path, sizeof path, "%s/events/cameo.txt", data_dir);
    if (ontology_load(m, path, err, errlen)) {
        events_free(m);
        return NULL;
    }
    coder_init(m);
    return m;
}
