/*
 * gazetteer.c - libgeonames' cities and their regions in dyad's own table
 * (contract in gazetteer.h).
 *
 * Places are sorted by (key, population descending), so the places of one
 * name are consecutive and the most populous comes first; an
 * open-addressing table maps a key to its first place and count.
 */
#include "gazetteer.h"
#include "../core/core.h"

#include <geonames.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { uint32_t key, first, count; } gaz_slot;

struct gazetteer {
    dyad_arena *strings;
    gaz_place *places; uint32_t n, cap;
    gaz_slot *slots; uint32_t mask;
};

uint32_t gazetteer_count(const gazetteer *g) { return g->n; }
const gaz_place *gazetteer_place(const gazetteer *g, uint32_t i) { return &g->places[i]; }

static uint32_t key_of(const char *s, size_t len, dyad_token **toks, uint32_t *cap)
{
    uint32_t n = 0;
    dyad_tokenize(s, (uint32_t)len, toks, &n, cap);
    uint32_t h = HASH_SEED;
    for (uint32_t i = 0; i < n; i++) h = hash_seq(h, (*toks)[i].hash);
    return n ? (h ? h : 1) : 0;
}

uint32_t gazetteer_key(const char *name, size_t len)
{
    dyad_token *toks = NULL;
    uint32_t cap = 0, k = key_of(name, len, &toks, &cap);
    free(toks);
    return k;
}

static int cmp_place(const void *a, const void *b)
{
    const gaz_place *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->population != y->population) return x->population > y->population ? -1 : 1;
    return strcmp(x->country, y->country);
}

static gaz_place *add(gazetteer *g)
{
    g->places = dyad_grow(g->places, &g->cap, g->n + 1, sizeof *g->places);
    gaz_place *p = &g->places[g->n++];
    memset(p, 0, sizeof *p);
    return p;
}

/* Regions: one per (state name, country), built from its cities. */
typedef struct { uint32_t key; const char *country_name; uint32_t place; } region_slot;   /* key: raw name hash */

gazetteer *gazetteer_load(gaz_country_fn country, void *ctx, char *err, size_t errlen)
{
    int n = geonames_get_n_cities();
    if (n <= 0) { snprintf(err, errlen, "libgeonames has no cities (is its data installed?)"); return NULL; }
    gazetteer *g = calloc(1, sizeof *g);
    if (!g) { snprintf(err, errlen, "out of memory"); return NULL; }
    g->strings = dyad_arena_new(256 * 1024);
    dyad_token *toks = NULL;
    uint32_t tcap = 0;
    /* Country names repeat: map each once (GeoNames lists a country's cities together). */
    const char *last_country = NULL;
    char last_code[4] = "";
    uint32_t rmask = 8191, n_regions = 0;
    region_slot *regions = calloc(rmask + 1, sizeof *regions);
    if (!regions) { free(g); snprintf(err, errlen, "out of memory"); return NULL; }
    for (int i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        if (!c) continue;
        const char *name = geonames_city_get_name(c), *state = geonames_city_get_state(c);
        const char *cn = geonames_city_get_country(c);
        if (!name || !*name) { geonames_city_free(c); continue; }
        if (!cn) cn = "";
        if (!last_country || strcmp(last_country, cn)) {
            last_country = dyad_arena_strdup(g->strings, cn);
            if (!country || !country(cn, last_code, ctx)) last_code[0] = 0;
        }
        gaz_place *p = add(g);
        p->name = dyad_arena_strdup(g->strings, name);
        p->adm1 = dyad_arena_strdup(g->strings, state ? state : "");
        p->country_name = last_country;
        memcpy(p->country, last_code, sizeof p->country);
        memcpy(p->feature, "city", 5);
        p->lat = geonames_city_get_latitude(c);
        p->lon = geonames_city_get_longitude(c);
        p->population = geonames_city_get_population(c);
        p->key = key_of(p->name, strlen(p->name), &toks, &tcap);
        geonames_city_free(c);
        if (!p->key) { g->n--; continue; }
        if (!*p->adm1 || !strcmp(p->adm1, p->name)) continue;
        /* Its region, made or grown: found by the raw state name and the
         * country, so only a new region's name is tokenised. */
        const char *adm1 = p->adm1;
        gaz_place city = *p;
        uint32_t rh = hash_bytes(adm1, strlen(adm1), hash_bytes(last_country, strlen(last_country), HASH_SEED));
        rh = rh ? rh : 1;
        if (n_regions * 2 >= rmask) {
            uint32_t nm = rmask * 2 + 1;
            region_slot *nr = calloc(nm + 1, sizeof *nr);
            if (!nr) { fputs("dyad: out of memory\n", stderr); abort(); }
            for (uint32_t k = 0; k <= rmask; k++) {
                if (!regions[k].key) continue;
                uint32_t q = regions[k].key & nm;
                while (nr[q].key) q = (q + 1) & nm;
                nr[q] = regions[k];
            }
            free(regions);
            regions = nr;
            rmask = nm;
        }
        uint32_t h = rh & rmask;
        while (regions[h].key && (regions[h].key != rh || regions[h].country_name != last_country ||
                                  strcmp(g->places[regions[h].place].name, adm1)))
            h = (h + 1) & rmask;
        if (!regions[h].key) {
            uint32_t rk = key_of(adm1, strlen(adm1), &toks, &tcap);
            if (!rk) continue;
            gaz_place *r = add(g);
            r->name = adm1;
            r->adm1 = adm1;
            r->country_name = last_country;
            memcpy(r->country, city.country, sizeof r->country);
            memcpy(r->feature, "adm1", 5);
            r->lat = city.lat;
            r->lon = city.lon;
            r->key = rk;
            regions[h] = (region_slot){rh, last_country, g->n - 1};
            n_regions++;
        }
        gaz_place *r = &g->places[regions[h].place];
        if (city.population > r->population) { r->lat = city.lat; r->lon = city.lon; }
        r->population += city.population;
    }
    free(regions);
    free(toks);
    qsort(g->places, g->n, sizeof *g->places, cmp_place);
    uint32_t size = 64;
    while (size < g->n * 2 + 16) size *= 2;
    g->slots = calloc(size, sizeof *g->slots);
    if (!g->slots) { gazetteer_free(g); snprintf(err, errlen, "out of memory"); return NULL; }
    g->mask = size - 1;
    for (uint32_t i = 0; i < g->n;) {
        uint32_t j = i;
        while (j < g->n && g->places[j].key == g->places[i].key) j++;
        uint32_t h = (g->places[i].key * 2654435761u) & g->mask;
        while (g->slots[h].key) h = (h + 1) & g->mask;
        g->slots[h] = (gaz_slot){g->places[i].key, i, j - i};
        i = j;
    }
    return g;
}

void gazetteer_free(gazetteer *g)
{
    if (!g) return;
    dyad_arena_free(g->strings);
    free(g->places);
    free(g->slots);
    free(g);
}

uint32_t gazetteer_lookup_key(const gazetteer *g, uint32_t key, uint32_t *first)
{
    if (!g || !g->slots || !key) return 0;
    uint32_t h = (key * 2654435761u) & g->mask;
    for (;;) {
        const gaz_slot *s = &g->slots[h];
        if (!s->key) return 0;
        if (s->key == key) { *first = s->first; return s->count; }
        h = (h + 1) & g->mask;
    }
}

uint32_t gazetteer_lookup(const gazetteer *g, const char *name, size_t len, uint32_t *first)
{
    return gazetteer_lookup_key(g, gazetteer_key(name, len), first);
}
