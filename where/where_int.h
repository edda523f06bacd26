/*
 * where_int.h - the where stage's model and its parts (internal).
 *
 * One table holds dyad's own entries (countries, landmarks); a name key
 * maps to a chain of entries.  A name's candidates are its own entries
 * followed by the gazetteer's places of that name.
 */
#ifndef DYAD_WHERE_INT_H
#define DYAD_WHERE_INT_H

#include "where.h"
#include "../actors/gazetteer.h"

typedef struct {
    const char *name, *adm1;
    char country[4], fips[3];
    uint8_t type;
    uint8_t upper;                  /* written in capitals (US, DMZ): matches capitals only */
    double lat, lon;
    uint32_t key;
    uint32_t next;                  /* next entry of the same key + 1, 0 at the end */
} wh_entry;

struct where_model {
    dyad_arena *strings;
    wh_entry *e; uint32_t n, cap;
    uint32_t *slots; uint32_t mask;    /* entry index + 1 of a key's first entry */
    uint32_t *codes; uint32_t n_codes; /* country entries sorted by code */
    const gazetteer *gaz;
};

#define WH_MAX_CAND 24

typedef struct {
    dyad_location loc;
    uint32_t population;            /* 0 for dyad's own entries */
    uint8_t own;                    /* from dyad's tables */
} wh_cand;

/* The candidates of a name key (own entries first, then the gazetteer's,
 * most populous first); upper: the text is in capitals. */
uint32_t wh_candidates(const where_model *w, uint32_t key, int upper, wh_cand *out, uint32_t max);
const wh_entry *wh_country_entry(const where_model *w, const char *code);

/* Place names of the document into doc->places (mentions.c). */
void wh_find_places(const where_model *w, dyad_doc *doc);
/* Events' places (locate.c). */
void wh_locate_events(const where_model *w, dyad_doc *doc);

#endif
