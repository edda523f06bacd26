/*
 * gazetteer.h - city and region names with their country, from Debian's
 * libgeonames (GeoNames cities of 15,000 people or more: about 24,000),
 * compiled once into dyad's own hash table.
 *
 * gazetteer_load walks libgeonames' city list once (about 40 ms) and keeps
 * each city (feature "city") and each first-level region a city lies in
 * (feature "adm1": name from the city's state field, population the sum of
 * its cities', coordinates those of its most populous city).  Country
 * codes are dyad's (CAMEO / ISO alpha-3), found by the country name in the
 * actors lexicon; a place whose country the lexicon does not name has
 * country "".  Names are keyed like the actors lexicon: the sequence of
 * folded tokens, so "new york", "NEW YORK" and "New York" are one key.
 *
 * Lookups never call libgeonames: it is queried only while loading, and the
 * table is read-only afterwards (safe to share between threads).
 */
#ifndef DYAD_GAZETTEER_H
#define DYAD_GAZETTEER_H

#include "dyad.h"

typedef struct {
    const char *name;           /* "Chicago" */
    const char *adm1;           /* "Illinois" (a region: itself); may be "" */
    const char *country_name;   /* GeoNames' country name: "United States" */
    char country[4];            /* dyad's code: "USA"; "" when the lexicon does not know it */
    char feature[6];            /* "city" or "adm1" */
    double lat, lon;
    uint32_t population;
    uint32_t key;               /* folded token-sequence hash of name */
} gaz_place;

typedef struct gazetteer gazetteer;

/* Map a GeoNames country name to a three-letter code; 0 and "" if unknown. */
typedef int (*gaz_country_fn)(const char *country_name, char out[4], void *ctx);

/* NULL with the reason in err when libgeonames has no cities. */
gazetteer *gazetteer_load(gaz_country_fn country, void *ctx, char *err, size_t errlen);
void gazetteer_free(gazetteer *g);

uint32_t gazetteer_count(const gazetteer *g);
const gaz_place *gazetteer_place(const gazetteer *g, uint32_t i);

/* The places named `name` (any case), most populous first: their count,
 * and *first the index of the first (they are consecutive).  0 if none. */
uint32_t gazetteer_lookup(const gazetteer *g, const char *name, size_t len, uint32_t *first);
/* The same by key (a token-sequence hash as the actors matcher computes). */
uint32_t gazetteer_lookup_key(const gazetteer *g, uint32_t key, uint32_t *first);

/* The folded token-sequence hash of a name (the key above). */
uint32_t gazetteer_key(const char *name, size_t len);

#endif
