/* events.c - placeholder until the events stage lands. */
#include "events.h"

#include <stdlib.h>

struct events_model { int unused; };

events_model *events_load(const char *data_dir, char *err, size_t errlen)
{
    (void)data_dir; (void)err; (void)errlen;
    return calloc(1, sizeof(events_model));
}

void events_free(events_model *m) { free(m); }

void events_process(const events_model *m, dyad_doc *doc) { (void)m; (void)doc; }
