/*
 * places.c - dyad's place tables compiled once (contract in where.h), and
 * the candidates a name has.
 */
#include "where_int.h"
#include "../core/core.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[] = {"", "country", "adm1", "city", "landmark", "sea", "region"};
static const char *const how_names[] = {"", "verb-modifier", "sentence", "dateline", "destination", "actor-country",
                                        "actor-text"};
#define N_OF(t) (int)(sizeof t / sizeof *t)

const char *dyad_place_type_name(int t) { return t > 0 && t < N_OF(type_names) ? type_names[t] : ""; }
const char *dyad_where_how_name(int h) { return h > 0 && h < N_OF(how_names) ? how_names[h] : ""; }

int dyad_place_type_from_name(const char *s)
{
    for (int i = 1; s && i < N_OF(type_names); i++)
        if (!strcmp(s, type_names[i])) return i;
    return 0;
}

int dyad_where_how_from_name(const char *s)
{
    for (int i = 1; s && i < N_OF(how_names); i++)
        if (!strcmp(s, how_names[i])) return i;
    return 0;
}

double where_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = M_PI / 180.0;
    double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
    double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * r) * cos(lat2 * r) * sin(dlon / 2) * sin(dlon / 2);
    return 6371.0 * 2 * atan2(sqrt(a), sqrt(1 - a));
}

static uint32_t name_key(const char *s, size_t len, dyad_token **toks, uint32_t *cap)
{
    uint32_t n = 0;
    dyad_tokenize(s, (uint32_t)len, toks, &n, cap);
    uint32_t h = HASH_SEED;
    for (uint32_t i = 0; i < n; i++) h = hash_seq(h, (*toks)[i].hash);
    return n ? (h ? h : 1) : 0;
}

static int all_upper(const char *s)
{
    int letters = 0;
    for (; *s; s++) {
        if (islower((unsigned char)*s)) return 0;
        if (isupper((unsigned char)*s)) letters++;
    }
    return letters >= 2;
}

typedef struct {
    where_model *w;
    dyad_token *toks; uint32_t tcap;
} loader;

static void add_name(loader *L, const wh_entry *proto, const char *name, size_t len)
{
    where_model *w = L->w;
    if (!len || (len == 1 && *name == '-')) return;
    uint32_t key = name_key(name, len, &L->toks, &L->tcap);
    if (!key) return;
    w->e = dyad_grow(w->e, &w->cap, w->n + 1, sizeof *w->e);
    wh_entry *e = &w->e[w->n++];
    *e = *proto;
    char *nm = dyad_arena_strndup(w->strings, name, len);
    e->upper = (uint8_t)all_upper(nm);
    e->key = key;
    e->name = proto->name ? proto->name : nm;     /* an alias names its entry's place */
}

/* Split a line on tabs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = 0;
    while (n < max) {
        f[n++] = line;
        char *t = strchr(line, '\t');
        if (!t) break;
        *t = 0;
        line = t + 1;
    }
    return n;
}

static int parse_coord(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi)) return -1;
    *out = v;
    return 0;
}

static void add_aliases(loader *L, const wh_entry *proto, const char *aliases)
{
    if (!strcmp(aliases, "-")) return;
    for (const char *p = aliases; *p;) {
        size_t n = strcspn(p, "|");
        add_name(L, proto, p, n);
        p += n;
        if (*p) p++;
    }
}

static int load_file(loader *L, const char *dir, const char *file, int countries, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/places/%s", dir, file);
    FILE *f = fopen(path, "r");
    /* A data folder without places (an older or hand-made --data DIR)
     * places events by the gazetteer alone; a file that is there but
     * unreadable or malformed is an error. */
    if (!f && errno == ENOENT) return 0;
    if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
    char line[2048];
    int lineno = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r') continue;
        char *fl[8];
        int nf = split_tabs(line, fl, 8);
        wh_entry proto = {0};
        const char *name, *aliases;
        if (countries) {
            /* CODE FIPS LAT LON NAME ALIASES */
            if (nf != 6 || strlen(fl[0]) != 3 || parse_coord(fl[2], -90, 90, &proto.lat) ||
                parse_coord(fl[3], -180, 180, &proto.lon)) { rc = -1; break; }
            memcpy(proto.country, fl[0], 4);
            if (strcmp(fl[1], "-")) snprintf(proto.fips, sizeof proto.fips, "%.2s", fl[1]);
            proto.type = DYAD_PLACE_COUNTRY;
            proto.adm1 = "";
            name = fl[4];
            aliases = fl[5];
        } else {
            /* NAME COUNTRY ADM1 LAT LON TYPE ALIASES */
            int type = nf == 7 ? dyad_place_type_from_name(fl[5]) : 0;
            if (nf != 7 || (strcmp(fl[1], "-") && strlen(fl[1]) != 3) || parse_coord(fl[3], -90, 90, &proto.lat) ||
                parse_coord(fl[4], -180, 180, &proto.lon) || type == 0 || type == DYAD_PLACE_COUNTRY) { rc = -1; break; }
            if (strcmp(fl[1], "-")) memcpy(proto.country, fl[1], 4);
            const wh_entry *c = wh_country_entry(L->w, proto.country);
            if (c) memcpy(proto.fips, c->fips, sizeof proto.fips);
            proto.type = (uint8_t)type;
            proto.adm1 = strcmp(fl[2], "-") ? dyad_arena_strdup(L->w->strings, fl[2]) : "";
            name = fl[0];
            aliases = fl[6];
        }
        proto.name = dyad_arena_strdup(L->w->strings, name);
        add_name(L, &proto, name, strlen(name));
        add_aliases(L, &proto, aliases);
        if (countries) {
            L->w->codes = realloc(L->w->codes, (L->w->n_codes + 1) * sizeof *L->w->codes);
            if (!L->w->codes) { fputs("dyad: out of memory\n", stderr); abort(); }
            /* the entry of its canonical name: the first one added for the line */
            uint32_t first = L->w->n;
            while (first > 0 && L->w->e[first - 1].name == proto.name) first--;
            L->w->codes[L->w->n_codes++] = first;
        }
    }
    fclose(f);
    if (rc) snprintf(err, errlen, "%s:%d: expected %s", path, lineno,
                     countries ? "CODE FIPS LAT LON NAME ALIASES (6 tab-separated fields)"
                               : "NAME COUNTRY ADM1 LAT LON TYPE ALIASES (7 tab-separated fields)");
    return rc;
}

static const where_model *cmp_model;
static int cmp_code(const void *a, const void *b)
{
    return strcmp(cmp_model->e[*(const uint32_t *)a].country, cmp_model->e[*(const uint32_t *)b].country);
}

const wh_entry *wh_country_entry(const where_model *w, const char *code)
{
    if (!code || !code[0]) return NULL;
    size_t lo = 0, hi = w->n_codes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(w->e[w->codes[mid]].country, code, 3);
        if (!c) return &w->e[w->codes[mid]];
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    return NULL;
}

where_model *where_load(const char *data_dir, const gazetteer *gaz, char *err, size_t errlen)
{
    where_model *w = calloc(1, sizeof *w);
    if (!w) { snprintf(err, errlen, "out of memory"); return NULL; }
    w->strings = dyad_arena_new(64 * 1024);
    w->gaz = gaz;
    loader L = {w, NULL, 0};
    if (load_file(&L, data_dir, "countries.tsv", 1, err, errlen)) goto fail;
    /* qsort's comparator needs the model; loading is single-threaded */
    cmp_model = w;
    if (w->n_codes) qsort(w->codes, w->n_codes, sizeof *w->codes, cmp_code);
    if (load_file(&L, data_dir, "landmarks.tsv", 0, err, errlen)) goto fail;
    uint32_t size = 64;
    while (size < w->n * 2 + 16) size *= 2;
    w->slots = calloc(size, sizeof *w->slots);
    if (!w->slots) { snprintf(err, errlen, "out of memory"); goto fail; }
    w->mask = size - 1;
    /* Chains in file order: an earlier entry of a name comes first. */
    for (uint32_t i = w->n; i-- > 0;) {
        uint32_t h = (w->e[i].key * 2654435761u) & w->mask;
        while (w->slots[h] && w->e[w->slots[h] - 1].key != w->e[i].key) h = (h + 1) & w->mask;
        w->e[i].next = w->slots[h];
        w->slots[h] = i + 1;
    }
    free(L.toks);
    return w;
fail:
    free(L.toks);
    where_free(w);
    return NULL;
}

void where_free(where_model *w)
{
    if (!w) return;
    dyad_arena_free(w->strings);
    free(w->e);
    free(w->slots);
    free(w->codes);
    free(w);
}

static void from_entry(const wh_entry *e, dyad_location *l)
{
    memset(l, 0, sizeof *l);
    l->name = e->name;
    l->adm1 = e->adm1 ? e->adm1 : "";
    memcpy(l->country, e->country, sizeof l->country);
    memcpy(l->fips, e->fips, sizeof l->fips);
    l->type = e->type;
    l->lat = e->lat;
    l->lon = e->lon;
}

uint32_t wh_candidates(const where_model *w, uint32_t key, int upper, wh_cand *out, uint32_t max)
{
    uint32_t n = 0;
    if (!key) return 0;
    uint32_t h = (key * 2654435761u) & w->mask;
    while (w->slots[h] && w->e[w->slots[h] - 1].key != key) h = (h + 1) & w->mask;
    for (uint32_t i = w->slots[h]; i && n < max; i = w->e[i - 1].next) {
        const wh_entry *e = &w->e[i - 1];
        if (e->upper && !upper) continue;
        from_entry(e, &out[n].loc);
        out[n].population = 0;
        out[n].own = 1;
        n++;
    }
    uint32_t first, count = gazetteer_lookup_key(w->gaz, key, &first);
    for (uint32_t k = 0; k < count && n < max; k++) {
        const gaz_place *p = gazetteer_place(w->gaz, first + k);
        dyad_location *l = &out[n].loc;
        memset(l, 0, sizeof *l);
        l->name = p->name;
        l->adm1 = p->adm1;
        memcpy(l->country, p->country, sizeof l->country);
        const wh_entry *c = wh_country_entry(w, p->country);
        if (c) memcpy(l->fips, c->fips, sizeof l->fips);
        l->type = p->feature[0] == 'a' ? DYAD_PLACE_ADM1 : DYAD_PLACE_CITY;
        l->lat = p->lat;
        l->lon = p->lon;
        out[n].population = p->population;
        out[n].own = 0;
        n++;
    }
    return n;
}

int where_country(const where_model *w, const char *code, dyad_location *out)
{
    const wh_entry *e = w ? wh_country_entry(w, code) : NULL;
    if (!e) return -1;
    from_entry(e, out);
    return 0;
}

int where_resolve(const where_model *w, const char *name, dyad_location *out)
{
    if (!w || !name) return -1;
    dyad_token *toks = NULL;
    uint32_t cap = 0, key = name_key(name, strlen(name), &toks, &cap);
    free(toks);
    wh_cand c[WH_MAX_CAND];
    uint32_t n = wh_candidates(w, key, all_upper(name), c, WH_MAX_CAND);
    if (!n) {
        /* a country code: --near PRK */
        if (strlen(name) == 3) {
            char code[4];
            for (int i = 0; i < 3; i++) code[i] = (char)toupper((unsigned char)name[i]);
            code[3] = 0;
            return where_country(w, code, out);
        }
        return -1;
    }
    /* Out of context: dyad's own entry, else a city before a region, most populous first. */
    uint32_t best = 0;
    for (uint32_t i = 1; i < n && !c[best].own; i++)
        if (c[i].own || (c[i].loc.type == DYAD_PLACE_CITY && c[best].loc.type == DYAD_PLACE_ADM1 &&
                         c[i].population * 4 > c[best].population / 4))
            best = i;
    *out = c[best].loc;
    return 0;
}
