/*
 * officeholders.c - the office-holder TSV layout read into people with
 * dated CAMEO roles (contract in officeholders.h).
 *
 * Persons are found by a string key in a small open-addressing map: "q:QID",
 * else "s:SOURCE-PERSON-ID" (the IfG member id, the bioguide id), and always
 * "n:folded name|country", so that a person a second file names without a
 * QID (IfG) is the same as the one a first file gave with one.  Tenures are
 * kept as intervals with a rank and resolved per person in oh_finish.
 */
#include "officeholders.h"
#include "../core/core.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Ranks: on a day covered by several tenures the highest one is the code. */
enum { RK_LEG = 1, RK_JUD, RK_DEP, RK_OPP, RK_MIL, RK_MIN, RK_HEAD };

typedef struct {
    uint32_t person;
    char code[16];
    uint8_t rank;
    dyad_date from, to;         /* to.year == 0: open */
} oh_span;

typedef struct {
    oh_person p;
    uint32_t alias_cap;
    dyad_date death, title_from;
    uint8_t title_rank;
    dyad_date name_from;        /* start of the row that gave p.name */
} oh_build;

typedef struct {
    const char *key;            /* NULL: empty */
    uint32_t hash, person;
} oh_slot;

struct oh_set {
    dyad_arena *strings;
    oh_build *people; uint32_t n_people, cap_people;
    oh_span *spans; uint32_t n_spans, cap_spans;
    oh_slot *map; uint32_t map_mask, map_used;
    oh_stats stats;
    int finished;
    uint8_t known[26 * 26 * 26];    /* country code: 0 not asked yet, 1 known, 2 not */
};

oh_set *oh_new(void)
{
    oh_set *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->strings = dyad_arena_new(256 * 1024);
    s->map_mask = 1023;
    s->map = calloc(s->map_mask + 1, sizeof *s->map);
    return s;
}

void oh_free(oh_set *s)
{
    if (!s) return;
    for (uint32_t i = 0; i < s->n_people; i++) { free(s->people[i].p.aliases); free(s->people[i].p.roles); }
    free(s->people);
    free(s->spans);
    free(s->map);
    dyad_arena_free(s->strings);
    free(s);
}

uint32_t oh_count(const oh_set *s) { return s->n_people; }
const oh_person *oh_get(const oh_set *s, uint32_t i) { return &s->people[i].p; }
const oh_stats *oh_get_stats(const oh_set *s) { return &s->stats; }

/* ------------------------------------------------------------ key map */

static oh_slot *map_slot(oh_set *s, const char *key, uint32_t h)
{
    uint32_t i = h & s->map_mask;
    while (s->map[i].key && (s->map[i].hash != h || strcmp(s->map[i].key, key))) i = (i + 1) & s->map_mask;
    return &s->map[i];
}

static int32_t map_get(oh_set *s, const char *key)
{
    const oh_slot *sl = map_slot(s, key, hash_bytes(key, strlen(key), HASH_SEED));
    return sl->key ? (int32_t)sl->person : -1;
}

static void map_put(oh_set *s, const char *key, uint32_t person)
{
    if ((s->map_used + 1) * 2 > s->map_mask + 1) {
        oh_slot *old = s->map;
        uint32_t n = s->map_mask + 1;
        s->map_mask = n * 2 - 1;
        s->map = calloc(n * 2, sizeof *s->map);
        if (!s->map) { fputs("dyad: out of memory\n", stderr); abort(); }
        for (uint32_t i = 0; i < n; i++)
            if (old[i].key) *map_slot(s, old[i].key, old[i].hash) = old[i];
        free(old);
    }
    uint32_t h = hash_bytes(key, strlen(key), HASH_SEED);
    oh_slot *sl = map_slot(s, key, h);
    if (!sl->key) { sl->key = dyad_arena_strdup(s->strings, key); sl->hash = h; s->map_used++; }
    sl->person = person;
}

/* ------------------------------------------------------------ rows */

/* "2017", "2017-05" or "2017-05-14"; partial dates take the 1st. */
static int read_date(const char *v, dyad_date *d)
{
    if (dyad_date_parse(v, d) || !d->year) return -1;
    if (!d->month) d->month = 1;
    if (!d->day) d->day = 1;
    return dyad_date_valid(*d) ? 0 : -1;
}

/* Does s contain w, ignoring ASCII case?  (w is lower case.) */
static int has(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s; s++)
        if ((*s | 0x20) == w[0] && !strncasecmp(s, w, n)) return 1;
    return 0;
}

/* The agent and rank of an office; 0 when it is not a political office
 * dyad codes (first ladies, directors general, international catalogs). */
static int office_agent(const char *kind, const char *office, const char **agent)
{
    if (!strcmp(kind, "head_of_state") || !strcmp(kind, "head_of_government")) { *agent = "GOV"; return RK_HEAD; }
    if (!strcmp(kind, "minister") || !strcmp(kind, "central_bank")) { *agent = "GOV"; return RK_MIN; }
    if (!strcmp(kind, "deputy_minister")) { *agent = "GOV"; return RK_DEP; }
    if (!strcmp(kind, "military")) { *agent = "MIL"; return RK_MIL; }
    if (!strcmp(kind, "judiciary")) { *agent = "JUD"; return RK_JUD; }
    if (!strcmp(kind, "legislator")) {
        if (has(office, "leader of the opposition") || has(office, "opposition leader")) { *agent = "OPP"; return RK_OPP; }
        *agent = "LEG";
        return RK_LEG;
    }
    if (!strcmp(kind, "party_leader")) {
        if (has(office, "opposition")) { *agent = "OPP"; return RK_OPP; }
        if (has(office, "communist party") || has(office, "general secretary")) { *agent = "GOV"; return RK_HEAD; }
        return 0;
    }
    if (!strcmp(kind, "other")) {
        if (has(office, "first lady") || has(office, "first gentleman") || has(office, "spouse")) return 0;
        if (has(office, "ambassador") || has(office, "permanent representative") || has(office, "governor") ||
            has(office, "premier") || has(office, "mayor") || has(office, "minister")) { *agent = "GOV"; return RK_DEP; }
        if (has(office, "member of") || has(office, "parliament") || has(office, "assembly") ||
            has(office, "senator") || has(office, "legislat")) { *agent = "LEG"; return RK_LEG; }
    }
    return 0;
}

/* The CAMEO code of a tenure: country + agent; the EU's institutions are
 * one IGO code; codes the lexicon does not know are refused. */
static int tenure_code(oh_set *s, const char *iso3, const char *agent, oh_country_fn known, void *ctx, char out[16])
{
    if (!strcmp(iso3, "EUU")) { snprintf(out, 16, "IGOEUREEC"); return 0; }
    const char *c = !strcmp(iso3, "XKX") ? "KSV" : iso3;
    if (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z') return -1;
    uint8_t *k = &s->known[((c[0] - 'A') * 26 + (c[1] - 'A')) * 26 + (c[2] - 'A')];
    if (!*k) *k = !known || known(c, ctx) ? 1 : 2;
    if (*k == 2) return -1;
    snprintf(out, 16, "%s%s", c, agent);
    return 0;
}

static void fold_key(char *out, size_t cap, const char *prefix, const char *name, const char *country)
{
    size_t n = (size_t)snprintf(out, cap, "%s", prefix);
    for (const char *p = name; *p && n + 1 < cap; p++) out[n++] = (char)tolower((unsigned char)*p);
    if (n + 1 < cap) out[n++] = '|';
    out[n] = 0;
    if (n < cap) snprintf(out + n, cap - n, "%s", country);
}

static void add_alias(oh_set *s, oh_build *b, const char *a)
{
    while (*a == ' ') a++;
    if (!*a || !strcmp(a, b->p.name)) return;
    for (uint32_t i = 0; i < b->p.n_aliases; i++) if (!strcmp(b->p.aliases[i], a)) return;
    b->p.aliases = dyad_grow(b->p.aliases, &b->alias_cap, b->p.n_aliases + 1, sizeof *b->p.aliases);
    b->p.aliases[b->p.n_aliases++] = dyad_arena_strdup(s->strings, a);
}

/* Honorifics that give a gender: "Lord Carrington", "Baroness Amos". */
static char gender_of_title(const char *name)
{
    static const char *const m[] = {"Lord ", "Sir ", "Viscount ", "Earl ", "Baron ", NULL};
    static const char *const f[] = {"Baroness ", "Lady ", "Dame ", "Countess ", NULL};
    for (int i = 0; m[i]; i++) if (!strncmp(name, m[i], strlen(m[i]))) return 'm';
    for (int i = 0; f[i]; i++) if (!strncmp(name, f[i], strlen(f[i]))) return 'f';
    return 0;
}

/* The person of a row, created when new. */
static uint32_t person_of(oh_set *s, char **col, dyad_date start)
{
    char key[512], nkey[512], skey[300] = "";
    const char *qid = col[7], *sid = col[9];
    fold_key(nkey, sizeof nkey, "n:", col[0], col[2]);
    if (*qid) snprintf(key, sizeof key, "q:%s", qid);
    else {
        /* The source's own person id: "ifg:...;mnis:3295", "uscongress:...:A000039". */
        const char *mn = strstr(sid, "mnis:");
        const char *last = strrchr(sid, ':');
        if (mn) snprintf(skey, sizeof skey, "s:%s", mn);
        else if (!strncmp(sid, "uscongress:", 11) && last && last[1]) snprintf(skey, sizeof skey, "s:us:%s", last + 1);
        snprintf(key, sizeof key, "%s", skey[0] ? skey : nkey);
    }
    int32_t pi = map_get(s, key);
    if (pi < 0) pi = map_get(s, nkey);
    if (pi < 0) {
        s->people = dyad_grow(s->people, &s->cap_people, s->n_people + 1, sizeof *s->people);
        pi = (int32_t)s->n_people++;
        oh_build *b = &s->people[pi];
        memset(b, 0, sizeof *b);
        b->p.name = dyad_arena_strdup(s->strings, col[0]);
        b->name_from = start;
        char src[32];
        size_t n = strcspn(sid, ":");
        snprintf(src, sizeof src, "%.*s", (int)(n < 31 ? n : 31), sid);
        b->p.source = dyad_arena_strdup(s->strings, src);
    }
    oh_build *b = &s->people[pi];
    if (strcmp(b->p.name, col[0])) {
        /* The name on the latest row is the canonical one, but the press
         * name beats a peerage: Michael Howard, not Lord Howard of Lympne. */
        int peer_old = gender_of_title(b->p.name) != 0, peer_new = gender_of_title(col[0]) != 0;
        if (peer_old != peer_new ? peer_old : dyad_date_cmp(start, b->name_from) > 0) {
            const char *old = b->p.name;
            b->p.name = dyad_arena_strdup(s->strings, col[0]);
            b->name_from = start;
            add_alias(s, b, old);
        } else
            add_alias(s, b, col[0]);
    }
    map_put(s, key, (uint32_t)pi);
    map_put(s, nkey, (uint32_t)pi);
    return (uint32_t)pi;
}

static void read_row(oh_set *s, char **col, oh_country_fn known, void *ctx)
{
    s->stats.rows++;
    const char *agent;
    int rank = office_agent(col[4], col[3], &agent);
    if (!rank) { s->stats.not_political++; return; }
    char code[16];
    if (tenure_code(s, col[2], agent, known, ctx, code)) { s->stats.unknown_country++; return; }
    dyad_date from, to = {0, 0, 0};
    if (!*col[5]) { s->stats.no_start++; return; }
    if (read_date(col[5], &from) || (*col[6] && read_date(col[6], &to)) ||
        (to.year && dyad_date_cmp(from, to) >= 0)) { s->stats.bad_dates++; return; }
    uint32_t pi = person_of(s, col, from);
    oh_build *b = &s->people[pi];
    for (char *a = col[1]; a && *a;) {
        char *bar = strchr(a, '|');
        if (bar) *bar = 0;
        size_t n = strlen(a);
        while (n && a[n - 1] == ' ') a[--n] = 0;
        add_alias(s, b, a);
        a = bar ? bar + 1 : NULL;
    }
    if (!b->p.gender) b->p.gender = gender_of_title(col[0]);
    if (rank > b->title_rank || (rank == b->title_rank && dyad_date_cmp(from, b->title_from) > 0)) {
        b->title_rank = (uint8_t)rank;
        b->title_from = from;
        b->p.title = dyad_arena_strdup(s->strings, col[3]);
    }
    s->spans = dyad_grow(s->spans, &s->cap_spans, s->n_spans + 1, sizeof *s->spans);
    oh_span *sp = &s->spans[s->n_spans++];
    sp->person = pi;
    memcpy(sp->code, code, sizeof code);
    sp->rank = (uint8_t)rank;
    sp->from = from;
    sp->to = to;
    s->stats.used++;
}

static char *slurp(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno)); return NULL; }
    dbuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) dbuf_put(&b, chunk, n);
    fclose(f);
    dbuf_putc(&b, 0);
    return b.ptr;
}

/* Split a line into at most max tab-separated columns; returns the count. */
static int split_tabs(char *line, char **col, int max)
{
    int n = 0;
    col[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = 0;
            if (n == max) return max + 1;
            col[n++] = p + 1;
        }
    return n;
}

/* FILE.persons.tsv: gender and death date by QID. */
static void read_persons(oh_set *s, const char *path)
{
    char pp[4096];
    size_t n = strlen(path);
    if (n < 4 || strcmp(path + n - 4, ".tsv") || n + 16 > sizeof pp) return;
    snprintf(pp, sizeof pp, "%.*s.persons.tsv", (int)(n - 4), path);
    char err[256];
    FILE *probe = fopen(pp, "rb");
    if (!probe) return;
    fclose(probe);
    char *buf = slurp(pp, err, sizeof err);
    if (!buf) return;
    char *line = buf;
    int first = 1;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        char *col[8];
        int nc = split_tabs(line, col, 6);
        if (!first && nc >= 5 && *col[0]) {
            char key[128];
            snprintf(key, sizeof key, "q:%s", col[0]);
            int32_t pi = map_get(s, key);
            if (pi >= 0) {
                oh_build *b = &s->people[pi];
                if (!strcmp(col[2], "male")) b->p.gender = 'm';
                else if (!strcmp(col[2], "female")) b->p.gender = 'f';
                dyad_date d;
                if (*col[4] && !read_date(col[4], &d)) b->death = d;
            }
        }
        first = 0;
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
}

int oh_read(oh_set *s, const char *path, oh_country_fn known, void *ctx, char *err, size_t errlen)
{
    char *buf = slurp(path, err, errlen);
    if (!buf) return -1;
    if (strncmp(buf, "name\taliases\tcountry_iso3\toffice\toffice_kind\tstart\tend", 54)) {
        snprintf(err, errlen, "%s:1: not an office-holders TSV: the first line must be the header "
                 "'name aliases country_iso3 office office_kind start end qid party source_id' (tab-separated)", path);
        free(buf);
        return -1;
    }
    char *line = buf;
    uint32_t ln = 0;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        ln++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r') line[--len] = 0;
        if (ln > 1 && len) {
            char *col[11];
            int nc = split_tabs(line, col, 10);
            if (nc != 10) {
                fprintf(stderr, "dyad: %s:%u: expected 10 tab-separated columns, found %d%s; line skipped\n",
                        path, ln, nc > 10 ? 11 : nc, nc > 10 ? " or more" : "");
                s->stats.bad_lines++;
            } else if (!*col[0]) {
                fprintf(stderr, "dyad: %s:%u: empty name; line skipped\n", path, ln);
                s->stats.bad_lines++;
            } else
                read_row(s, col, known, ctx);
        }
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
    read_persons(s, path);
    return 0;
}

/* ------------------------------------------------------------ roles */

static const dyad_date FOREVER = {9999, 12, 31};

static dyad_date end_of(const oh_span *sp) { return sp->to.year ? sp->to : FOREVER; }

static int cmp_span(const void *a, const void *b)
{
    const oh_span *x = a, *y = b;
    if (x->person != y->person) return x->person < y->person ? -1 : 1;
    return dyad_date_cmp(x->from, y->from);
}

static int cmp_date(const void *a, const void *b) { return dyad_date_cmp(*(const dyad_date *)a, *(const dyad_date *)b); }

static void push_role(oh_person *p, uint32_t *cap, const char *code, dyad_date from, dyad_date to)
{
    if (p->n_roles) {
        oh_role *last = &p->roles[p->n_roles - 1];
        if (!strcmp(last->code, code) && !dyad_date_cmp(last->to, from)) { last->to = to; return; }
    }
    p->roles = dyad_grow(p->roles, cap, p->n_roles + 1, sizeof *p->roles);
    oh_role *r = &p->roles[p->n_roles++];
    snprintf(r->code, sizeof r->code, "%s", code);
    r->from = from;
    r->to = to;
}

/* Elementary intervals between all start and end dates; in each, the code
 * of the highest-ranked tenure covering it (the latest started on a tie). */
static void resolve(oh_build *b, const oh_span *sp, uint32_t n)
{
    dyad_date *cuts = malloc(2 * n * sizeof *cuts);
    if (!cuts) { fputs("dyad: out of memory\n", stderr); abort(); }
    uint32_t nc = 0, cap = 0;
    for (uint32_t i = 0; i < n; i++) { cuts[nc++] = sp[i].from; cuts[nc++] = end_of(&sp[i]); }
    qsort(cuts, nc, sizeof *cuts, cmp_date);
    int head_seen = 0;
    char head_country[4] = "";
    for (uint32_t c = 0; c + 1 < nc; c++) {
        if (!dyad_date_cmp(cuts[c], cuts[c + 1])) continue;
        const oh_span *best = NULL;
        for (uint32_t i = 0; i < n; i++) {
            if (dyad_date_cmp(sp[i].from, cuts[c]) > 0 || dyad_date_cmp(end_of(&sp[i]), cuts[c + 1]) < 0) continue;
            if (!best || sp[i].rank > best->rank || (sp[i].rank == best->rank && dyad_date_cmp(sp[i].from, best->from) > 0))
                best = &sp[i];
        }
        if (!best) continue;
        if (best->rank == RK_HEAD && strncmp(best->code, "IGO", 3)) { head_seen = 1; memcpy(head_country, best->code, 3); }
        dyad_date to = dyad_date_cmp(cuts[c + 1], FOREVER) ? cuts[c + 1] : (dyad_date){0, 0, 0};
        push_role(&b->p, &cap, best->code, cuts[c], to);
    }
    free(cuts);
    /* A former head of state or government is an elite until death. */
    if (head_seen && b->p.n_roles) {
        oh_role *last = &b->p.roles[b->p.n_roles - 1];
        if (last->to.year && (!b->death.year || dyad_date_cmp(last->to, b->death) < 0)) {
            char code[16];
            snprintf(code, sizeof code, "%.3sELI", head_country);
            push_role(&b->p, &cap, code, last->to, b->death);
        }
    }
    /* Nothing after death. */
    if (b->death.year) {
        uint32_t k = 0;
        for (uint32_t i = 0; i < b->p.n_roles; i++) {
            oh_role *r = &b->p.roles[i];
            if (dyad_date_cmp(r->from, b->death) >= 0) continue;
            if (!r->to.year || dyad_date_cmp(r->to, b->death) > 0) r->to = b->death;
            b->p.roles[k++] = *r;
        }
        b->p.n_roles = k;
    }
}

void oh_finish(oh_set *s)
{
    if (s->finished) return;
    s->finished = 1;
    qsort(s->spans, s->n_spans, sizeof *s->spans, cmp_span);
    for (uint32_t i = 0; i < s->n_spans;) {
        uint32_t j = i;
        while (j < s->n_spans && s->spans[j].person == s->spans[i].person) j++;
        resolve(&s->people[s->spans[i].person], s->spans + i, j - i);
        i = j;
    }
}

/* ------------------------------------------------------------ writing */

void oh_format_roles(const oh_person *p, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = 0;
    for (uint32_t i = 0; i < p->n_roles && n + 1 < cap; i++) {
        char f[11], t[11];
        dyad_date_format(p->roles[i].from, f);
        dyad_date_format(p->roles[i].to, t);
        n += (size_t)snprintf(out + n, cap - n, "%s%s %s..%s", i ? ", " : "", p->roles[i].code, f, t);
    }
}

void oh_write_record(FILE *out, const oh_person *p, int (*skip_alias)(const char *alias, void *ctx), void *ctx)
{
    fprintf(out, "person: %s\n", p->name);
    int first = 1;
    for (uint32_t i = 0; i < p->n_aliases; i++) {
        if (skip_alias && skip_alias(p->aliases[i], ctx)) continue;
        fprintf(out, "%s%s", first ? "alias: " : " | ", p->aliases[i]);
        first = 0;
    }
    if (!first) fputc('\n', out);
    if (p->gender) fprintf(out, "gender: %c\n", p->gender);
    for (uint32_t i = 0; i < p->n_roles; i++) {
        char f[11], t[11];
        dyad_date_format(p->roles[i].from, f);
        dyad_date_format(p->roles[i].to, t);
        fprintf(out, "role: %s %s %s\n", p->roles[i].code, f, t[0] ? t : "-");
    }
    if (p->title) fprintf(out, "title: %s\n", p->title);
    fprintf(out, "source: %s\n\n", p->source);
}
