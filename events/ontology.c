/*
 * ontology.c - load data/events/cameo.txt: one code a line,
 * CODE TAB GOLDSTEIN TAB QUAD TAB PLOVER_TYPE TAB PLOVER_MODE TAB NAME.
 * Codes are kept sorted for binary search; "-" becomes "".
 */
#include "model.h"
#include "../core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const cameo_entry *)a)->code, ((const cameo_entry *)b)->code);
}

const cameo_entry *ontology_find(const events_model *m, const char *code)
{
    cameo_entry key;
    snprintf(key.code, sizeof key.code, "%s", code);
    return bsearch(&key, m->cameo, m->n_cameo, sizeof key, cmp_code);
}

int ontology_load(events_model *m, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) { snprintf(err, errlen, "%s: cannot open the CAMEO ontology", path); return -1; }
    char *line = NULL;
    size_t cap = 0;
    uint32_t cap_c = 0, lineno = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n') continue;
        char *field[6];
        int n = 0;
        char *save, *p = strtok_r(line, "\t\n", &save);
        while (p && n < 6) { field[n++] = p; p = strtok_r(NULL, "\t\n", &save); }
        if (n != 6 || strlen(field[0]) >= sizeof m->cameo[0].code) {
            fprintf(stderr, "dyad: %s:%u: expected 6 tab-separated fields\n", path, lineno);
            m->unusable++;
            continue;
        }
        m->cameo = dyad_grow(m->cameo, &cap_c, m->n_cameo + 1, sizeof *m->cameo);
        cameo_entry *e = &m->cameo[m->n_cameo++];
        snprintf(e->code, sizeof e->code, "%s", field[0]);
        e->goldstein = strtof(field[1], NULL);
        e->quad = (uint8_t)atoi(field[2]);
        e->plover_type = dyad_arena_strdup(m->strings, strcmp(field[3], "-") ? field[3] : "");
        e->plover_mode = dyad_arena_strdup(m->strings, strcmp(field[4], "-") ? field[4] : "");
        e->name = dyad_arena_strdup(m->strings, field[5]);
    }
    free(line);
    fclose(f);
    if (!m->n_cameo) { snprintf(err, errlen, "%s: no CAMEO codes", path); return -1; }
    qsort(m->cameo, m->n_cameo, sizeof *m->cameo, cmp_code);
    return 0;
}
