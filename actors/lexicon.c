/*
 * lexicon.c - actors_load: read data_dir/actors/{countries,people,orgs,
 * agents}.txt and compile them into the phrase table.
 *
 * Formats (docs/lexicon-format-*.md): countries, people and orgs are
 * records of `key: a | b` lines separated by blank lines; agents.txt has one
 * `CODE noun phrase [/ plural] [; m|f]` per line.  Every name is tokenised
 * with dyad_tokenize, the document tokenizer, so that "U.S.", "Korea's" and
 * "test-fired" split the same way in lexicon and text and the hashes agree.
 *
 * A line the loader cannot use is reported as "dyad: FILE:LINE: why" on
 * stderr and skipped; loading goes on.  Only a missing countries.txt (no
 * usable data folder at all) is an error.
 */
#include "actors_int.h"
#include "officeholders.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static void *xgrow(void *p, uint32_t *cap, uint32_t need, size_t elem)
{
    return dyad_grow(p, cap, need, elem);
}

static void warn(actors_lexicon *lex, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void warn(actors_lexicon *lex, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "dyad: %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    lex->warnings++;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = 0;
    return s;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, 2 * cap + 1);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = 0;
    *len = n;
    return buf;
}

/* ------------------------------------------------------------ names */

int act_add_name(actors_lexicon *lex, const char *s, uint8_t kind, uint32_t target,
                 uint8_t plural, const char **why)
{
    uint32_t len = (uint32_t)strlen(s), n = 0;
    dyad_tokenize(s, len, &lex->scratch, &n, &lex->scratch_cap);
    if (!n) { *why = "empty name"; return -1; }
    if (n > ACT_MAX_NAME_TOKS) { *why = "name longer than 16 tokens"; return -1; }
    lex->ltoks = xgrow(lex->ltoks, &lex->cap_ltoks, lex->n_ltoks + n, sizeof *lex->ltoks);
    lex->names = xgrow(lex->names, &lex->cap_names, lex->n_names + 1, sizeof *lex->names);
    act_name *nm = &lex->names[lex->n_names++];
    nm->ltok = lex->n_ltoks;
    nm->ntok = (uint8_t)n;
    nm->kind = kind;
    nm->plural = plural;
    nm->target = target;
    uint32_t h = HASH_SEED;
    for (uint32_t i = 0; i < n; i++) {
        const dyad_token *t = &lex->scratch[i];
        act_ltok *lt = &lex->ltoks[lex->n_ltoks++];
        lt->hash = t->hash;
        lt->rule = (t->flags & DYAD_TOK_UPPER) ? CASE_EXACT : (t->flags & DYAD_TOK_CAP) ? CASE_CAP : CASE_ANY;
        lt->off = lex->text_len;
        lt->len = (uint16_t)t->len;
        if (lt->rule == CASE_EXACT) {
            lex->text = xgrow(lex->text, &lex->text_cap, lex->text_len + t->len + 1, 1);
            memcpy(lex->text + lex->text_len, s + t->off, t->len);
            lex->text_len += t->len;
        }
        h = hash_seq(h, t->hash);
    }
    nm->hash = h;
    if (lex->seen.slots) act_words_add(&lex->seen, h, (uint16_t)(1u << kind));
    return 0;
}

/* An office-holder's full name: added unless the lexicon already has that
 * name (the hand-written record, a country, an organisation: those win) or
 * it is a single word (a mononym of one of 100,000 people is too often an
 * ordinary word).  Returns 1 when added. */
static int add_imported_name(actors_lexicon *lex, const char *s, uint32_t target)
{
    uint32_t n_names = lex->n_names, n_ltoks = lex->n_ltoks, text_len = lex->text_len;
    act_table seen = lex->seen;
    lex->seen.slots = NULL;             /* look before recording */
    const char *why;
    int ok = !act_add_name(lex, s, NK_PERSON, target, 0, &why);
    lex->seen = seen;
    if (!ok) return 0;
    const act_name *nm = &lex->names[lex->n_names - 1];
    if (act_words_get(&lex->seen, nm->hash) || nm->ntok < 2) {
        lex->n_names = n_names;
        lex->n_ltoks = n_ltoks;
        lex->text_len = text_len;
        return 0;
    }
    act_words_add(&lex->seen, nm->hash, (uint16_t)(1u << NK_PERSON));
    return 1;
}

/* The word the press uses alone for an imported person: the last word,
 * before a suffix ("Jr.", "III") or a peerage's "of" ("Baroness Ashton of
 * Upholland" -> Ashton).  Empty when the name is one word. */
static void imported_surname(const char *name, char *out, size_t cap)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", name);
    char *of = strstr(buf, " of ");
    if (of) *of = 0;
    static const char *const suffix[] = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V", NULL};
    for (;;) {
        char *sp = strrchr(buf, ' ');
        if (!sp) { out[0] = 0; return; }
        int cut = 0;
        for (int i = 0; suffix[i]; i++) if (!strcmp(sp + 1, suffix[i])) cut = 1;
        if (sp > buf && sp[-1] == ',') sp[-1] = 0;
        if (!cut) { snprintf(out, cap, "%s", sp + 1); return; }
        *sp = 0;
    }
}

/* ------------------------------------------------------------ records */

typedef struct {
    char *key, *val;
    int line;
} field;

typedef struct {
    field *f;
    uint32_t n, cap;
    const char *file;
} record;

/* Split "a | b | c" in place; calls fn for each trimmed non-empty value. */
typedef void (*value_fn)(actors_lexicon *lex, const record *r, const field *f, const char *v, void *ctx);

static void each_value(actors_lexicon *lex, const record *r, const field *f, value_fn fn, void *ctx)
{
    char *p = f->val;
    for (;;) {
        char *bar = strstr(p, " | ");
        char *end = bar ? bar : p + strlen(p);
        char save = *end;
        *end = 0;
        char *v = trim(p);
        if (*v) fn(lex, r, f, v, ctx);
        *end = save;
        if (!bar) break;
        p = bar + 3;
    }
}

static const char *get(const record *r, const char *key, int *line)
{
    for (uint32_t i = 0; i < r->n; i++)
        if (!strcmp(r->f[i].key, key)) { if (line) *line = r->f[i].line; return r->f[i].val; }
    return NULL;
}

typedef void (*record_fn)(actors_lexicon *lex, record *r);

/* Walk a records file: blank lines end a record, # lines are skipped
 * wherever they are.  Each record goes to fn with its fields in order. */
static void parse_records(actors_lexicon *lex, const char *path, char *buf, record_fn fn)
{
    record r = {NULL, 0, 0, path};
    int line = 0;
    char *p = buf;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        line++;
        char *s = trim(p);
        if (!*s) {
            if (r.n) fn(lex, &r);
            r.n = 0;
        } else if (*s != '#') {
            char *colon = strchr(s, ':');
            if (!colon || colon == s) {
                warn(lex, path, line, "not a 'key: value' line: %.60s", s);
            } else {
                *colon = 0;
                char *key = trim(s), *val = trim(colon + 1);
                for (char *k = key; *k; k++) *k = (char)tolower((unsigned char)*k);
                r.f = xgrow(r.f, &r.cap, r.n + 1, sizeof *r.f);
                r.f[r.n++] = (field){key, val, line};
            }
        }
        if (!nl) break;
        p = nl + 1;
    }
    if (r.n) fn(lex, &r);
    free(r.f);
}

static char *str(actors_lexicon *lex, const char *s) { return dyad_arena_strdup(lex->strings, s); }

static void copy_code(char *dst, size_t cap, const char *s)
{
    size_t n = 0;
    while (s[n] && n + 1 < cap && (isalnum((unsigned char)s[n]))) { dst[n] = (char)toupper((unsigned char)s[n]); n++; }
    dst[n] = 0;
}

static int valid_code(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i])) return 0;
    return 1;
}

typedef struct { uint8_t kind; uint32_t target; } add_ctx;

/* Is `v` followed by "s" also one of the values of this field?  Then v+"s"
 * is a plural demonym ("North Koreans" beside "North Korean"). */
static int has_value(const char *vals, const char *v, size_t n)
{
    for (const char *p = vals; (p = strstr(p, v)) != NULL; p++) {
        int starts = p == vals || (p >= vals + 2 && p[-1] == ' ' && p[-2] == '|');
        const char *e = p + n;
        int ends = !*e || !strncmp(e, " |", 2);
        if (starts && ends) return 1;
    }
    return 0;
}

static void add_value(actors_lexicon *lex, const record *r, const field *f, const char *v, void *ctx)
{
    const add_ctx *a = ctx;
    const char *why;
    uint8_t plural = 0;
    size_t n = strlen(v);
    if (a->kind == NK_ADJ && n > 2 && v[n - 1] == 's') {
        char sing[256];
        if (n - 1 < sizeof sing) {
            memcpy(sing, v, n - 1);
            sing[n - 1] = 0;
            plural = (uint8_t)has_value(f->val, sing, n - 1);
        }
    }
    if (act_add_name(lex, v, a->kind, a->target, plural, &why))
        warn(lex, r->file, f->line, "'%s': %s", v, why);
}

/* ------------------------------------------------------------ countries */

static void country_record(actors_lexicon *lex, record *r)
{
    int line = r->f[0].line;
    if (strcmp(r->f[0].key, "country")) {
        warn(lex, r->file, line, "a record must start with 'country:', not '%s:'", r->f[0].key);
        return;
    }
    const char *code = get(r, "code", NULL);
    if (!code || !valid_code(code, 3, 3)) {
        warn(lex, r->file, line, "country '%s' has no three-letter 'code:'", r->f[0].val);
        return;
    }
    lex->countries = xgrow(lex->countries, &lex->cap_countries, lex->n_countries + 1, sizeof *lex->countries);
    uint32_t idx = lex->n_countries++;
    act_country *c = &lex->countries[idx];
    memset(c, 0, sizeof *c);
    c->name = str(lex, r->f[0].val);
    copy_code(c->code, sizeof c->code, code);
    uint32_t before = lex->n_names;
    for (uint32_t i = 0; i < r->n; i++) {
        field *f = &r->f[i];
        add_ctx a = {0, idx};
        if (!strcmp(f->key, "country") || !strcmp(f->key, "alias")) a.kind = NK_COUNTRY;
        else if (!strcmp(f->key, "adj")) a.kind = NK_ADJ;
        else if (!strcmp(f->key, "capital")) a.kind = NK_CAPITAL;
        else if (!strcmp(f->key, "seat")) a.kind = NK_SEAT;
        else if (!strcmp(f->key, "code") || !strcmp(f->key, "region")) continue;
        else { warn(lex, r->file, f->line, "unknown key '%s' in a country record", f->key); continue; }
        if (i && !strcmp(f->key, "country")) { warn(lex, r->file, f->line, "second 'country:' line (missing blank line?)"); continue; }
        if (a.kind == NK_ADJ && !c->adj) {
            char first[256];
            snprintf(first, sizeof first, "%s", f->val);
            char *bar = strstr(first, " | ");
            if (bar) *bar = 0;
            c->adj = str(lex, trim(first));
        }
        if ((a.kind == NK_CAPITAL || a.kind == NK_SEAT) && !c->capital) {
            char first[256];
            snprintf(first, sizeof first, "%s", f->val);
            char *bar = strstr(first, " | ");
            if (bar) *bar = 0;
            c->capital = str(lex, trim(first));
        }
        each_value(lex, r, f, add_value, &a);
    }
    for (uint32_t i = before; i < lex->n_names; i++)
        if (lex->names[i].kind == NK_COUNTRY) lex->n_country_names++;
}

/* ------------------------------------------------------------ people */

/* "2017-01-20", "2017-01", "2017" or PETRARCH's "170120". */
static int parse_date(const char *s, size_t n, dyad_date *d)
{
    char buf[16];
    if (!n || n >= sizeof buf) return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    if (n == 6 && strspn(buf, "0123456789") == 6) {
        int yy = (buf[0] - '0') * 10 + buf[1] - '0';
        d->year = (int16_t)(yy < 50 ? 2000 + yy : 1900 + yy);
        d->month = (int8_t)((buf[2] - '0') * 10 + buf[3] - '0');
        d->day = (int8_t)((buf[4] - '0') * 10 + buf[5] - '0');
        return dyad_date_valid(*d) ? 0 : -1;
    }
    return dyad_date_parse(buf, d) || !dyad_date_valid(*d) ? -1 : 0;
}

/* A role: "USAGOV 2017-01-20..2021-01-20", "USAGOV 2025-01-20..",
 * "USAGOV ..2021-01-20", "USAGOV" (always), also "USAGOV 2017-01-20 2021-01-20"
 * and "[USAGOV 170120-210120]".  Returns 0 or -1 with *why. */
static int parse_role(const char *v, act_role *role, const char **why)
{
    memset(role, 0, sizeof *role);
    while (*v == '[' || *v == ' ') v++;
    size_t n = 0;
    while (v[n] && (isupper((unsigned char)v[n]) || isdigit((unsigned char)v[n]))) n++;
    if (n < 3 || n >= ACT_CODE) { *why = "a role must start with a CAMEO code (USAGOV)"; return -1; }
    memcpy(role->code, v, n);
    role->code[n] = 0;
    const char *p = v + n;
    /* Collect up to two dates; a ".." / "-" / "to" between them, an open end allowed. */
    const char *ds[2] = {0}; size_t dl[2] = {0};
    int nd = 0, sep_seen = 0, sep_before_first = 0;
    while (*p) {
        if (*p == ' ' || *p == ']' || *p == '\t' || *p == ',') { p++; continue; }
        if (p[0] == '.' && p[1] == '.') { if (!nd) sep_before_first = 1; sep_seen = 1; p += 2; continue; }
        if (!strncmp(p, "to ", 3) || !strncmp(p, "until ", 6)) { if (!nd) sep_before_first = 1; sep_seen = 1; p += *p == 't' ? 3 : 6; continue; }
        if (!strncmp(p, "from ", 5) || !strncmp(p, "since ", 6)) { p += *p == 'f' ? 5 : 6; continue; }
        if (*p == '-' && (p[1] == ' ' || p[1] == 0 || p[1] == ']' || nd == 1)) { if (!nd) sep_before_first = 1; sep_seen = 1; p++; continue; }
        if (isdigit((unsigned char)*p)) {
            size_t k = 0;
            /* PETRARCH "170120-210120": six digits then '-' is a separator */
            while (isdigit((unsigned char)p[k])) k++;
            if (k == 6) { /* yymmdd */ }
            else while (isdigit((unsigned char)p[k]) || (p[k] == '-' && isdigit((unsigned char)p[k + 1]))) k++;
            if (nd == 2) { *why = "more than two dates in a role"; return -1; }
            ds[nd] = p; dl[nd] = k; nd++;
            p += k;
            continue;
        }
        *why = "cannot read the dates of this role (write CODE FROM..TO, e.g. USAGOV 2017-01-20..2021-01-20)";
        return -1;
    }
    dyad_date d[2];
    for (int i = 0; i < nd; i++)
        if (parse_date(ds[i], dl[i], &d[i])) { *why = "a date in this role is not YYYY-MM-DD"; return -1; }
    if (nd == 2) { role->from = d[0]; role->to = d[1]; }
    else if (nd == 1) {
        if (sep_before_first) role->to = d[0];
        else role->from = d[0];
    }
    (void)sep_seen;
    if (nd == 2 && dyad_date_cmp(role->from, role->to) >= 0) { *why = "the role ends before it starts"; return -1; }
    return 0;
}

static void role_value(actors_lexicon *lex, const record *r, const field *f, const char *v, void *ctx)
{
    (void)ctx;
    act_role role;
    const char *why;
    if (parse_role(v, &role, &why)) { warn(lex, r->file, f->line, "role '%s': %s", v, why); return; }
    lex->roles = xgrow(lex->roles, &lex->cap_roles, lex->n_roles + 1, sizeof *lex->roles);
    lex->roles[lex->n_roles++] = role;
}

/* ------------------------------------------------------------ office-holders */

/* Start an imported person named `name`; -1 (and counted) when the lexicon
 * already names someone so. */
static int32_t imported_person(actors_lexicon *lex, const char *name, char gender, const char *title)
{
    uint32_t idx = lex->n_people;
    lex->people = xgrow(lex->people, &lex->cap_people, lex->n_people + 1, sizeof *lex->people);
    if (!add_imported_name(lex, name, idx)) { lex->n_imported_dup++; return -1; }
    lex->n_people++;
    act_person *p = &lex->people[idx];
    memset(p, 0, sizeof *p);
    p->name = str(lex, name);
    p->role0 = lex->n_roles;
    p->gender = (uint8_t)gender;
    p->title = title ? str(lex, title) : NULL;
    p->imported = 1;
    lex->n_imported++;
    return (int32_t)idx;
}

static void imported_done(actors_lexicon *lex, uint32_t idx)
{
    act_person *p = &lex->people[idx];
    p->nroles = lex->n_roles - p->role0;
    char sur[128];
    imported_surname(p->name, sur, sizeof sur);
    /* Not a name of the table: 15,000 people's surnames alone would turn
     * every Brown, Scott and Martin into a guess.  Coreference links the
     * surname to the person once the story has named them. */
    if (sur[0] && !strchr(sur, ' ')) {
        p->surname = str(lex, sur);
        p->surname_hash = hash_folded(sur, strlen(sur));
    }
}

static void imported_alias(actors_lexicon *lex, const record *r, const field *f, const char *v, void *ctx)
{
    (void)r; (void)f;
    add_imported_name(lex, v, *(const uint32_t *)ctx);
}

/* A record of data/actors/officeholders/people.txt (written by `dyad
 * lexicon import`): the people format, read as office-holders. */
static void imported_record(actors_lexicon *lex, record *r)
{
    const char *g = get(r, "gender", NULL);
    int32_t idx = imported_person(lex, r->f[0].val, g ? (char)tolower((unsigned char)g[0]) : 0, get(r, "title", NULL));
    if (idx < 0) return;
    uint32_t u = (uint32_t)idx;
    for (uint32_t i = 0; i < r->n; i++) {
        field *f = &r->f[i];
        if (!strcmp(f->key, "alias")) each_value(lex, r, f, imported_alias, &u);
        else if (!strcmp(f->key, "role")) each_value(lex, r, f, role_value, NULL);
    }
    imported_done(lex, u);
}

static int country_known(const char *code, void *ctx)
{
    const actors_lexicon *lex = ctx;
    for (uint32_t i = 0; i < lex->n_countries; i++)
        if (!strcmp(lex->countries[i].code, code)) return 1;
    return 0;
}

/* An office-holder TSV loaded directly (--people FILE, DYAD_PEOPLE). */
static int load_officeholders_tsv(actors_lexicon *lex, const char *path, char *err, size_t errlen)
{
    oh_set *set = oh_new();
    if (!set) { snprintf(err, errlen, "out of memory"); return -1; }
    if (oh_read(set, path, country_known, lex, err, errlen)) { oh_free(set); return -1; }
    oh_finish(set);
    for (uint32_t i = 0; i < oh_count(set); i++) {
        const oh_person *op = oh_get(set, i);
        if (!op->n_roles) continue;
        int32_t idx = imported_person(lex, op->name, op->gender, op->title);
        if (idx < 0) continue;
        for (uint32_t k = 0; k < op->n_aliases; k++) add_imported_name(lex, op->aliases[k], (uint32_t)idx);
        lex->roles = xgrow(lex->roles, &lex->cap_roles, lex->n_roles + op->n_roles, sizeof *lex->roles);
        for (uint32_t k = 0; k < op->n_roles; k++) {
            act_role *role = &lex->roles[lex->n_roles++];
            memset(role, 0, sizeof *role);
            snprintf(role->code, sizeof role->code, "%s", op->roles[k].code);
            role->from = op->roles[k].from;
            role->to = op->roles[k].to;
        }
        imported_done(lex, (uint32_t)idx);
    }
    oh_free(set);
    return 0;
}

/* data/actors/offices.txt: who holds a country's office on a date.  One
 * line per holding, fields separated by " | ":
 *     GBR | prime minister, premier | 1997-05-02 | 2007-06-27 | Tony Blair
 * country code, the agent nouns (agents.txt singulars) that name the office,
 * FROM, TO ('-' while it lasts), and a person the lexicon (hand-written or
 * imported) knows by that name.  Read after the name table is built. */
static void load_offices(actors_lexicon *lex, const char *data_dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/actors/offices.txt", data_dir);
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) return;           /* optional: no officeholder resolution */
    const char *file = str(lex, path);
    int line = 0;
    for (char *l = buf, *nl; l; l = nl) {
        nl = strchr(l, '\n');
        if (nl) *nl++ = 0;
        line++;
        char *t = trim(l);
        if (!*t || *t == '#') continue;
        char *f[5];
        int nf = 0;
        for (char *p = t; nf < 5;) {
            char *bar = strstr(p, " | ");
            f[nf++] = p;
            if (!bar) break;
            *bar = 0;
            p = bar + 3;
        }
        for (int k = 0; k < nf; k++) f[k] = trim(f[k]);
        int32_t c = -1;
        for (uint32_t i = 0; nf == 5 && i < lex->n_countries && c < 0; i++)
            if (!strcmp(lex->countries[i].code, f[0])) c = (int32_t)i;
        dyad_date df = {0}, dt = {0};
        int32_t who = nf == 5 ? actors_person_named(lex, f[4]) : -1;
        if (c < 0 || parse_date(f[2], strlen(f[2]), &df) || (strcmp(f[3], "-") && parse_date(f[3], strlen(f[3]), &dt)) ||
            (dt.year && dyad_date_cmp(df, dt) >= 0)) {
            warn(lex, file, line, "write COUNTRY | noun, noun | FROM | TO | person (TO '-' while it lasts): %.60s", t);
            continue;
        }
        if (who < 0) { warn(lex, file, line, "no person '%s' in the people lexicon", f[4]); continue; }
        char *save_n = NULL;
        for (char *n = strtok_r(f[1], ",", &save_n); n; n = strtok_r(NULL, ",", &save_n)) {
            n = trim(n);
            int32_t ag = -1;
            for (uint32_t a = 0; a < lex->n_agents && ag < 0; a++)
                if (!strcmp(lex->agents[a].name, n)) ag = (int32_t)a;
            if (ag < 0) { warn(lex, file, line, "'%s' is not an agent noun of agents.txt", n); continue; }
            lex->offices = xgrow(lex->offices, &lex->cap_offices, lex->n_offices + 1, sizeof *lex->offices);
            lex->offices[lex->n_offices++] = (act_office){c, ag, df, dt, (uint32_t)who};
        }
    }
    free(buf);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void index_surnames(actors_lexicon *lex)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < lex->n_people; i++) n += lex->people[i].imported && lex->people[i].surname_hash;
    if (!n) return;
    lex->by_surname = malloc(n * sizeof *lex->by_surname);
    if (!lex->by_surname) return;
    for (uint32_t i = 0; i < lex->n_people; i++)
        if (lex->people[i].imported && lex->people[i].surname_hash)
            lex->by_surname[lex->n_by_surname++] = (uint64_t)lex->people[i].surname_hash << 32 | i;
    qsort(lex->by_surname, lex->n_by_surname, sizeof *lex->by_surname, cmp_u64);
}

uint32_t act_imported_surname(const actors_lexicon *lex, uint32_t h, uint32_t *first)
{
    uint32_t lo = 0, hi = lex->n_by_surname;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if ((uint32_t)(lex->by_surname[mid] >> 32) < h) lo = mid + 1;
        else hi = mid;
    }
    uint32_t e = lo;
    while (e < lex->n_by_surname && (uint32_t)(lex->by_surname[e] >> 32) == h) e++;
    *first = lo;
    return e - lo;
}

int32_t act_office_holder(const actors_lexicon *lex, int32_t c, int32_t agent, dyad_date d)
{
    for (uint32_t i = 0; i < lex->n_offices; i++) {
        const act_office *o = &lex->offices[i];
        if (o->country != c || o->agent != agent) continue;
        if (o->from.year && dyad_date_cmp(d, o->from) < 0) continue;
        if (o->to.year && dyad_date_cmp(d, o->to) >= 0) continue;
        return (int32_t)o->person;
    }
    return -1;
}

static void person_record(actors_lexicon *lex, record *r)
{
    int line = r->f[0].line;
    if (strcmp(r->f[0].key, "person") && strcmp(r->f[0].key, "name")) {
        warn(lex, r->file, line, "a record must start with 'person:', not '%s:'", r->f[0].key);
        return;
    }
    if (lex->loading_imported) { imported_record(lex, r); return; }
    lex->people = xgrow(lex->people, &lex->cap_people, lex->n_people + 1, sizeof *lex->people);
    uint32_t idx = lex->n_people++;
    act_person *p = &lex->people[idx];
    memset(p, 0, sizeof *p);
    p->name = str(lex, r->f[0].val);
    p->role0 = lex->n_roles;
    int has_surname = 0;
    for (uint32_t i = 0; i < r->n; i++) {
        field *f = &r->f[i];
        add_ctx a = {0, idx};
        if (!strcmp(f->key, "person") || !strcmp(f->key, "name") || !strcmp(f->key, "alias") ||
            !strcmp(f->key, "short")) {
            if (i && (!strcmp(f->key, "person") || !strcmp(f->key, "name"))) { warn(lex, r->file, f->line, "second '%s:' line (missing blank line?)", f->key); continue; }
            a.kind = NK_PERSON;
            each_value(lex, r, f, add_value, &a);
        } else if (!strcmp(f->key, "surname")) {
            a.kind = NK_SURNAME;
            has_surname = 1;
            if (!p->surname) {
                char first[128];
                snprintf(first, sizeof first, "%s", f->val);
                char *bar = strstr(first, " | ");
                if (bar) *bar = 0;
                p->surname = str(lex, trim(first));
            }
            each_value(lex, r, f, add_value, &a);
        } else if (!strcmp(f->key, "gender") || !strcmp(f->key, "sex")) {
            char g = (char)tolower((unsigned char)f->val[0]);
            if (g == 'm' || g == 'f') p->gender = (uint8_t)g;
            else warn(lex, r->file, f->line, "gender must be m or f, not '%s'", f->val);
        } else if (!strcmp(f->key, "role") || !strcmp(f->key, "roles")) {
            each_value(lex, r, f, role_value, NULL);
        } else if (!strcmp(f->key, "code") || !strcmp(f->key, "country") || !strcmp(f->key, "base")) {
            char code[ACT_CODE];
            copy_code(code, sizeof code, f->val);
            if (!valid_code(code, 3, ACT_CODE - 1)) warn(lex, r->file, f->line, "'%s' is not a CAMEO code", f->val);
            else if (!p->base[0]) memcpy(p->base, code, sizeof code);
        } else if (!strcmp(f->key, "title")) {
            if (!p->title) p->title = str(lex, f->val);
        } else if (!strcmp(f->key, "note") || !strcmp(f->key, "born") || !strcmp(f->key, "source") ||
                   !strcmp(f->key, "wiki") || !strcmp(f->key, "info")) {
            continue;
        } else
            warn(lex, r->file, f->line, "unknown key '%s' in a person record", f->key);
    }
    p->nroles = lex->n_roles - p->role0;
    if (!p->nroles) warn(lex, r->file, line, "person '%s' has no usable 'role:' line", p->name);
    if (!has_surname) {
        /* Default surname: the last word of the canonical name ("Trump"). */
        const char *sp = strrchr(p->name, ' ');
        if (sp && sp[1]) {
            const char *why;
            p->surname = sp + 1;
            if (act_add_name(lex, sp + 1, NK_SURNAME, idx, 0, &why)) warn(lex, r->file, line, "surname: %s", why);
        }
    }
}

/* Each person's code when the story has no date (act_person.undated). */
static void undated_codes(actors_lexicon *lex)
{
    for (uint32_t i = 0; i < lex->n_people; i++) {
        act_person *p = &lex->people[i];
        memcpy(p->undated, p->base, sizeof p->undated);
        if (p->base[0] || !p->nroles) continue;
        const char *c0 = lex->roles[p->role0].code;
        int same = 1;
        for (uint32_t k = 1; k < p->nroles && same; k++) same = !strncmp(lex->roles[p->role0 + k].code, c0, 3);
        if (same && strlen(c0) >= 3) { memcpy(p->undated, c0, 3); p->undated[3] = 0; }
    }
}

/* Whether a person's code depends on the date (some role is dated). */
int act_person_dated(const actors_lexicon *lex, uint32_t pi)
{
    const act_person *p = &lex->people[pi];
    for (uint32_t i = 0; i < p->nroles; i++)
        if (lex->roles[p->role0 + i].from.year || lex->roles[p->role0 + i].to.year) return 1;
    return 0;
}

const char *act_person_code(const actors_lexicon *lex, uint32_t pi, dyad_date d, int *dated)
{
    const act_person *p = &lex->people[pi];
    if (!d.year) {
        /* No date: only a role that holds at every date can be told; the
         * dated ones stay unresolved (never read against the clock). */
        for (uint32_t i = 0; i < p->nroles; i++) {
            const act_role *r = &lex->roles[p->role0 + i];
            if (!r->from.year && !r->to.year) { if (dated) *dated = 1; return r->code; }
        }
        if (dated) *dated = 0;
        return p->undated;
    }
    for (uint32_t i = 0; i < p->nroles; i++) {
        const act_role *r = &lex->roles[p->role0 + i];
        if (r->from.year && dyad_date_cmp(d, r->from) < 0) continue;
        if (r->to.year && dyad_date_cmp(d, r->to) >= 0) continue;
        if (dated) *dated = 1;
        return r->code;
    }
    if (dated) *dated = 0;
    return p->base;
}

/* ------------------------------------------------------------ orgs */

static void org_record(actors_lexicon *lex, record *r)
{
    int line = r->f[0].line;
    if (strcmp(r->f[0].key, "org")) {
        warn(lex, r->file, line, "a record must start with 'org:', not '%s:'", r->f[0].key);
        return;
    }
    const char *code = get(r, "code", NULL);
    char c[ACT_CODE];
    if (code) copy_code(c, sizeof c, code);
    if (!code || !valid_code(c, 3, ACT_CODE - 1)) {
        warn(lex, r->file, line, "org '%s' has no usable 'code:'", r->f[0].val);
        return;
    }
    lex->orgs = xgrow(lex->orgs, &lex->cap_orgs, lex->n_orgs + 1, sizeof *lex->orgs);
    uint32_t idx = lex->n_orgs++;
    act_org *o = &lex->orgs[idx];
    memset(o, 0, sizeof *o);
    o->name = str(lex, r->f[0].val);
    memcpy(o->code, c, sizeof c);
    const char *kind = get(r, "kind", NULL);
    o->media = kind && !strcmp(kind, "media");
    const char *sp = strrchr(o->name, ' ');
    sp = sp ? sp + 1 : o->name;
    o->last = hash_folded(sp, strlen(sp));
    for (uint32_t i = 0; i < r->n; i++) {
        field *f = &r->f[i];
        add_ctx a = {NK_ORG, idx};
        if (!strcmp(f->key, "org") || !strcmp(f->key, "alias")) {
            if (i && !strcmp(f->key, "org")) { warn(lex, r->file, f->line, "second 'org:' line (missing blank line?)"); continue; }
            each_value(lex, r, f, add_value, &a);
        } else if (strcmp(f->key, "code") && strcmp(f->key, "kind"))
            warn(lex, r->file, f->line, "unknown key '%s' in an org record", f->key);
    }
}

/* ------------------------------------------------------------ agents */

static int is_vowel(char c) { return strchr("aeiou", c) != NULL; }

/* The regular plural of one word, per docs/lexicon-format-orgs-agents.md. */
static void plural_word(const char *w, size_t n, char *out, size_t cap)
{
    if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else if ((n >= 1 && strchr("sxz", w[n - 1])) || (n >= 2 && (!strncmp(w + n - 2, "ch", 2) || !strncmp(w + n - 2, "sh", 2))))
        snprintf(out, cap, "%.*ses", (int)n, w);
    else
        snprintf(out, cap, "%.*ss", (int)n, w);
}

/* Plural of a phrase: the head noun changes, which is the last word, or
 * the word before "of" ("secretary of state" -> "secretaries of state").
 * Returns 0 when the noun is already plural (troops, authorities). */
static int plural_phrase(const char *s, char *out, size_t cap)
{
    const char *of = strstr(s, " of ");
    const char *end = of ? of : s + strlen(s);
    const char *b = end;
    while (b > s && b[-1] != ' ') b--;
    size_t wl = (size_t)(end - b);
    if (wl >= 5 && !strncmp(end - 5, "corps", 5)) return 0;
    if (wl >= 2 && end[-1] == 's' && end[-2] != 's' && strncmp(end - 2, "us", 2) && strncmp(end - 2, "is", 2))
        return 0;                                  /* plural-only: troops, forces, authorities */
    char w[128];
    plural_word(b, wl, w, sizeof w);
    snprintf(out, cap, "%.*s%s%s", (int)(b - s), s, w, end);
    return 1;
}

/* Head words of agent nouns that name a body rather than a person: "the
 * ministry" may corefer with a ministry, never with a minister. */
static const char *const body_heads[] = {
    "government", "administration", "regime", "cabinet", "authorities", "leadership", "junta",
    "presidency", "office", "politburo", "committee", "council", "bank", "ministry", "department",
    "agency", "service", "services", "forces", "force", "army", "navy", "military", "troops",
    "police", "court", "party", "parliament", "legislature", "assembly", "senate", "congress",
    "house", "media", "press", "command", "corps", "guard", "unit", "group", "wing", "movement",
    "organization", "organisation", "coalition", "alliance", "union", "body", "bureau",
    "commission", "delegation", "mission", "embassy", "consulate", "firm", "company", "tribunal",
    "fleet", "brigade", "battalion", "division", "regiment", "militia", "network", "station",
    "newspaper", "channel", "broadcaster", "outlet", "authority", "opposition", "insurgency",
    "establishment", "staff", "chiefs", "industry", "sector", "market", "markets", "community",
    "population", "public", "people", "camp", "faction", "network", "cell", "cartel", "gang",
    "squad", "team", "panel", "board", "directorate", "secretariat", "headquarters", "intelligence",
    "diplomacy", "judiciary", "prosecution", "navy", "airforce", "air force", "marines", "coast guard",
    "ministries", "governments", "nation", "state", "state media", "television", "radio", "agency",
    NULL,
};
static const char *const head_nouns[] = {
    "leader", "supreme leader", "president", "prime minister", "premier", "chancellor",
    "head of state", "head of government", "dictator", "despot", "strongman", "autocrat", "tyrant",
    "ruler", "monarch", "king", "queen", "emperor", "empress", "emir", "sultan", "chairman",
    "general secretary", "junta leader", "crown prince", "president-elect", "acting president",
    "interim president", "acting prime minister", NULL,
};
static const char *const pejoratives[] = {"dictator", "despot", "strongman", "autocrat", "tyrant", NULL};

static int in_list(const char *const *list, const char *s)
{
    for (; *list; list++) if (!strcmp(*list, s)) return 1;
    return 0;
}

static void load_agents(actors_lexicon *lex, const char *path, char *buf)
{
    int line = 0;
    char *p = buf;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        line++;
        char *s = trim(p);
        if (*s && *s != '#') {
            char code[8] = "";
            size_t n = 0;
            while (s[n] && !isspace((unsigned char)s[n])) n++;
            if (n == 3) memcpy(code, s, 3), code[3] = 0;
            char *phrase = trim(s + n);
            uint8_t gender = 0;
            char *semi = strchr(phrase, ';');
            if (semi) {
                *semi = 0;
                char *g = trim(semi + 1);
                if (!strcmp(g, "m") || !strcmp(g, "f")) gender = (uint8_t)g[0];
                else warn(lex, path, line, "gender after ';' must be m or f, not '%s'", g);
                phrase = trim(phrase);
            }
            char *plural = NULL;
            char *slash = strstr(phrase, " / ");
            if (slash) { *slash = 0; plural = trim(slash + 3); phrase = trim(phrase); }
            if (!valid_code(code, 3, 3)) warn(lex, path, line, "an agent line is 'CODE noun', e.g. 'GOV minister': %.60s", s);
            else if (!*phrase) warn(lex, path, line, "agent line without a noun");
            else {
                lex->agents = xgrow(lex->agents, &lex->cap_agents, lex->n_agents + 1, sizeof *lex->agents);
                uint32_t idx = lex->n_agents++;
                act_agent *a = &lex->agents[idx];
                memset(a, 0, sizeof *a);
                a->name = str(lex, phrase);
                memcpy(a->code, code, 4);
                a->gender = gender;
                /* The head noun: the last word, or the word before "of"
                 * ("secretary of state" is a secretary, not a state). */
                char head[128];
                const char *of = strstr(phrase, " of ");
                size_t hl = of ? (size_t)(of - phrase) : strlen(phrase);
                if (hl >= sizeof head) hl = sizeof head - 1;
                memcpy(head, phrase, hl);
                head[hl] = 0;
                const char *last = strrchr(head, ' ');
                last = last ? last + 1 : head;
                a->last = hash_folded(last, strlen(last));
                a->person = gender || !(in_list(body_heads, last) || in_list(body_heads, phrase));
                a->head = in_list(head_nouns, phrase);
                a->pejorative = in_list(pejoratives, phrase);
                const char *why;
                char pl[256];
                if (act_add_name(lex, phrase, NK_AGENT, idx, 0, &why)) warn(lex, path, line, "'%s': %s", phrase, why);
                else if (plural) {
                    if (act_add_name(lex, plural, NK_AGENT, idx, 1, &why)) warn(lex, path, line, "'%s': %s", plural, why);
                } else if (plural_phrase(phrase, pl, sizeof pl)) {
                    if (act_add_name(lex, pl, NK_AGENT, idx, 1, &why)) warn(lex, path, line, "'%s': %s", pl, why);
                } else
                    lex->names[lex->n_names - 1].plural = 1;      /* troops: plural only */
            }
        }
        if (!nl) break;
        p = nl + 1;
    }
}

/* ------------------------------------------------------------ words */

static void add_words(actors_lexicon *lex, const char *const *list, uint16_t cls)
{
    for (; *list; list++) act_words_add(&lex->words, hash_folded(*list, strlen(*list)), cls);
}

static void build_words(actors_lexicon *lex)
{
    /* Modifiers allowed between "the" / a country word and an agent noun:
     * "senior North Korean official", "the then-45th U.S. president". */
    static const char *const premod[] = {
        "senior", "top", "former", "then", "ex", "new", "chief", "special", "acting", "outgoing",
        "incoming", "longtime", "long-time", "veteran", "current", "late", "young", "influential",
        "powerful", "leading", "key", "hardline", "hard-line", "elderly", "embattled", "exiled",
        "jailed", "ousted", "impeached", "sitting", "reclusive", "authoritarian", "nuclear",
        "sole", "rival", "fellow", "first", "second", "third", "lead", "main", "vocal", "ailing",
        "disgraced", "deposed", "defeated", "victorious", "retired", "unnamed", "anonymous", "two",
        "three", "several", "many", "some", "other", "visiting", "local", "regional", "federal",
        "provincial", "newly", "elected", "appointed", "previous", "predecessor", "successor",
        "hawkish", "dovish", "moderate", "conservative", "liberal", "progressive", "populist",
        "right-wing", "left-wing", "far-right", "far-left", "then-president", "all", "both",
        "city", "municipal",
        NULL,
    };
    static const char *const speech[] = {
        "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "tweeted",
        "posted", "asked", "asks", "stated", "declared", "announced", "insisted", "replied",
        "responded", "warned", "noted", "explained", "claimed", "argued", "recalled", "continued",
        "remarked", "quipped", "vowed", "urged", "gushed", "chimed", "enthused", "mused", "scoffed",
        "fumed", "shouted", "admitted", "conceded", "acknowledged", "stressed", "cautioned", "countered",
        "retorted", "exclaimed", "testified", "confirmed", "denied", "complained", "predicted", NULL,
    };
    static const char *const notname[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
        "sep.", "sept.", "oct.", "nov.", "dec.", "i", "the", "a", "an", "in", "on", "at", "but",
        "and", "or", "if", "as", "when", "while", "after", "before", "since", "despite", "though",
        "although", "then", "still", "yet", "so", "this", "that", "these", "those", "it", "he",
        "she", "they", "we", "you", "his", "her", "their", "our", "my", "your", "its", "there",
        "here", "what", "who", "how", "why", "where", "with", "without", "for", "from", "by",
        "to", "of", "about", "according", "earlier", "later", "meanwhile", "however", "also",
        "interestingly", "speaking", "just", "many", "some", "no", "not", "one", "two", "both",
        "all", "every", "each", "look", "ok", "yes", "oh", "well", "now", "today", "tomorrow",
        "yesterday", "tonight", "god", "christmas", "easter", "ramadan", "internet", "like",
        "unlike", "asked", "under", "until", "unless", "because", "whether", "even", "only",
        "instead", "between", "among", "against", "during", "through", "over", "around", "within",
        "beyond", "along", "behind", "near", "outside", "inside", "following", "including", "amid",
        "upon", "toward", "towards", "via", "than", "thanks", "once", "perhaps", "indeed",
        "finally", "first", "last", "next", "separately", "similarly", "likewise", "moreover",
        "nevertheless", "nonetheless", "otherwise", "therefore", "thus", "besides", "overall",
        "ultimately", "currently", "recently", "previously", "initially", "originally", "again",
        "already", "soon", "sources", "both", "neither", "either", "such", "every", "any", "most",
        "more", "less", "few", "much", "other", "another", "several", "whose", "which", "dear",
        "happy", "excellency", "sir", "please", "thank", "breaking", "update", "exclusive",
        "analysis", "opinion", "editorial", "watch", "photo", "video", "read", "related", NULL,
    };
    static const char *const particles[] = {
        "bin", "bint", "ibn", "al", "el", "de", "da", "di", "del", "della", "der", "van", "von",
        "la", "le", "du", "dos", "das", "abu", "ben", "ter", "den", "st.", NULL,
    };
    static const char *const honorific[] = {"mr.", "mr", "dr.", "dr", "sir", "lord", NULL};
    static const char *const female[] = {"mrs.", "mrs", "ms.", "ms", "madam", "madame", "dame", "lady", NULL};
    /* Words that make a capitalised run an organisation or a place: "General
     * Motors", "National Theatre" are not people placed by a title. */
    static const char *const orgish[] = {
        "department", "ministry", "agency", "office", "council", "committee", "house", "party",
        "army", "forces", "command", "university", "bank", "group", "company", "corp", "corp.",
        "inc", "inc.", "ltd", "news", "times", "post", "airlines", "association", "institute",
        "foundation", "center", "centre", "court", "league", "union", "front", "movement",
        "organization", "organisation", "assembly", "parliament", "senate", "congress", "state",
        "province", "city", "county", "island", "islands", "peninsula", "sea", "river", "strait",
        "gulf", "ocean", "mountain", "mountains", "valley", "airport", "street", "square", "palace",
        "hotel", "hospital", "school", "church", "mosque", "temple", "prize", "summit", "treaty",
        "accord", "agreement", "act", "war", "day", "week", "month", "year", "north", "south",
        "east", "west", "navy", "guard", "brigade", "division", "battalion", "service", "services",
        "television", "radio", "network", "channel", "press", "journal", "daily", "herald",
        "tribune", "review", "magazine", "report", "air", "force", "one", "capital", "management",
        "fund", "partners", "holdings", "technologies", "systems", "communications", "media",
        "entertainment", "studios", "records", "pictures", "labs", "laboratory", "laboratories",
        "arena", "theatre", "theater", "lottery", "awards", "award", "insurance", "academy", "unit",
        "trust", "bureau", "alliance", "commission", "club", "united", "rovers", "fc", "motors",
        "election", "elections", "statistics", "museum", "gallery", "festival", "cup", "open",
        "championship", "league", "series", "show", "airways", "energy", "oil", "petroleum", "gas",
        "steel", "foods", "tobacco", "pharmaceuticals", "industries", "international", "global", "worldwide", NULL,
    };
    add_words(lex, orgish, WC_ORGISH);
    add_words(lex, premod, WC_PREMOD);
    add_words(lex, speech, WC_SPEECH);
    add_words(lex, notname, WC_NOTNAME);
    add_words(lex, particles, WC_PARTICLE);
    add_words(lex, honorific, WC_HONORIFIC);
    add_words(lex, female, WC_HONORIFIC | WC_FEMALE);
    float v = 1.0f;
    for (int i = 0; i < 64; i++) { lex->decay[i] = v; v *= ACT_DECAY; }
#define H(s) hash_folded(s, strlen(s))
    act_words *w = &lex->w;
    w->the = H("the"); w->and_ = H("and"); w->or_ = H("or"); w->of = H("of");
    w->a = H("a"); w->an = H("an");
    w->he = H("he"); w->him = H("him"); w->his = H("his"); w->himself = H("himself");
    w->she = H("she"); w->her = H("her"); w->hers = H("hers"); w->herself = H("herself");
    w->it = H("it"); w->its = H("its"); w->itself = H("itself");
    w->they = H("they"); w->them = H("them"); w->their = H("their"); w->theirs = H("theirs");
    w->themselves = H("themselves");
#undef H
}

/* Names that contain a country name but are not the country: "Latin
 * America" must not be read as America, "New Mexico" as Mexico. */
static void add_blockers(actors_lexicon *lex)
{
    static const char *const blockers[] = {
        "Latin America", "South America", "North America", "Central America", "Middle America",
        "Latin American", "South American", "North American", "Central American", "Latin Americans",
        "South Americans", "North Americans", "Central Americans", "Pan-American", "Pan American",
        "New Mexico", "New Guinea", "Guinea pig", "Turkey Day", "Jordan River", "Congo River",
        "Congo Basin", "Lake Chad", "Georgia Tech", "New South Wales", "Washington State",
        "Washington state", "George Washington", "Washington Post", "Washington Times",
        "University of Washington", "Mount Washington", "Washington Nationals", "Washington Commanders",
        "Denmark Street", NULL,
    };
    for (const char *const *b = blockers; *b; b++) {
        const char *why;
        /* Only block what the lexicon does not already name (Washington Post is an org). */
        if (act_add_name(lex, *b, 0, 0, 0, &why)) continue;
    }
}

/* ------------------------------------------------------------ titles */

/* A person's `title:` ("Supreme Leader of North Korea") names the agent
 * noun of the office: descriptors like "the leader" or "the president" may
 * refer to the person even before the story has used that title. */
static void seed_titles(actors_lexicon *lex)
{
    uint32_t former = hash_folded("former", 6);
    for (uint32_t p = 0; p < lex->n_people; p++) {
        act_person *per = &lex->people[p];
        per->title_agent = -1;
        if (!per->title) continue;
        uint32_t n = 0;
        dyad_tokenize(per->title, (uint32_t)strlen(per->title), &lex->scratch, &n, &lex->scratch_cap);
        dyad_doc fake;
        memset(&fake, 0, sizeof fake);
        fake.text = (char *)per->title;
        fake.toks = lex->scratch;
        for (uint32_t i = 0; i < n && per->title_agent < 0; i++) {
            uint32_t first;
            uint64_t pass;
            uint32_t len = act_longest(lex, &fake, i, n, &first, &pass);
            for (uint64_t b = pass; len && b; b &= b - 1) {
                const act_name *nm = &lex->names[first + (uint32_t)__builtin_ctzll(b)];
                if (nm->kind != NK_AGENT) continue;
                per->title_agent = (int32_t)nm->target;
                per->head = lex->agents[nm->target].head && !(n && lex->scratch[0].hash == former);
                break;
            }
        }
    }
}

/* ------------------------------------------------------------ load */

static int load_file(actors_lexicon *lex, const char *dir, const char *name, int required,
                     record_fn fn, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/actors/%s", dir, name);
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) {
        if (required) { snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno)); return -1; }
        fprintf(stderr, "dyad: %s: cannot read (%s); no %s will be recognised\n", path, strerror(errno), name);
        return 0;
    }
    if (fn) parse_records(lex, path, buf, fn);
    else load_agents(lex, path, buf);
    free(buf);
    return 0;
}

/* After the hand-written lexicons: the imported office-holders of the data
 * folder (data/actors/officeholders/people.txt, when present), then every
 * TSV named in DYAD_PEOPLE (colon-separated; `--people FILE` sets it).  Names
 * the lexicon already has stay with their first owner, so hand-written
 * records win over imported ones and the default import over a TSV.  A
 * TSV the user named that cannot be read is an error. */
static int load_people_extra(actors_lexicon *lex, const char *data_dir, char *err, size_t errlen)
{
    for (uint32_t i = 0; i < lex->n_names; i++)
        act_words_add(&lex->seen, lex->names[i].hash, (uint16_t)(1u << lex->names[i].kind));
    lex->loading_imported = 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/actors/officeholders/people.txt", data_dir);
    size_t len;
    char *buf = read_file(path, &len);
    if (buf) { parse_records(lex, path, buf, person_record); free(buf); }
    const char *env = getenv("DYAD_PEOPLE");
    int rc = 0;
    if (env && *env) {
        char *list = strdup(env);
        for (char *f = list, *next; f && *f && !rc; f = next) {
            next = strchr(f, ':');
            if (next) *next++ = 0;
            if (*f) rc = load_officeholders_tsv(lex, f, err, errlen);
        }
        free(list);
    }
    lex->loading_imported = 0;
    act_table_free(&lex->seen);
    return rc;
}

static actors_lexicon *load(const char *data_dir, int with_imported, char *err, size_t errlen);

actors_lexicon *actors_load(const char *data_dir, char *err, size_t errlen)
{
    return load(data_dir, 1, err, errlen);
}

actors_lexicon *actors_load_handwritten(const char *data_dir, char *err, size_t errlen)
{
    return load(data_dir, 0, err, errlen);
}

/* GeoNames' country name -> the country of the lexicon with that name or
 * alias ("United States" -> USA). */
static int gaz_country(const char *name, char out[4], void *ctx)
{
    const actors_lexicon *lex = ctx;
    uint32_t n = 0, len = (uint32_t)strlen(name), cap = 0;
    dyad_token *toks = NULL;
    if (!strncmp(name, "The ", 4)) { name += 4; len -= 4; }           /* "The Gambia" */
    if (len > 6 && !strcmp(name + len - 6, " S.A.R")) len -= 6;     /* "Hong Kong S.A.R" */
    dyad_tokenize(name, len, &toks, &n, &cap);
    uint32_t h = HASH_SEED;
    for (uint32_t i = 0; i < n; i++) h = hash_seq(h, toks[i].hash);
    free(toks);
    const act_slot *sl = n ? act_table_find(&lex->table, h) : NULL;
    for (uint32_t c = 0; sl && c < sl->count; c++) {
        const act_name *nm = &lex->names[sl->first + c];
        if (nm->kind != NK_COUNTRY || nm->ntok != n) continue;
        memcpy(out, lex->countries[nm->target].code, 4);
        return 1;
    }
    out[0] = 0;
    return 0;
}
/* The gazetteer, and each place's country index for composition
 * ("Chicago police" -> USA + COP).  Without libgeonames data the stage
 * works on, without city names. */
static void load_places(actors_lexicon *lex)
{
    char err[256];
    lex->gaz = gazetteer_load(gaz_country, lex, err, sizeof err);
    if (!lex->gaz) { fprintf(stderr, "dyad: gazetteer: %s; city names will not be places\n", err); return; }
    uint32_t n = gazetteer_count(lex->gaz);
    lex->place_country = malloc((n ? n : 1) * sizeof *lex->place_country);
    if (!lex->place_country) { fputs("dyad: out of memory\n", stderr); abort(); }
    /* One-word places that are first of all English words ("Western"
     * province, Mobile, Independence): never a country for composition. */
    static const char *const common[] = {
        "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
        "upper", "lower", "greater", "capital", "coast", "delta", "bay", "lakes", "islands", "island",
        "mountain", "valley", "river", "lake", "plateau", "centre", "center", "midlands", "national",
        "mobile", "independence", "union", "liberal", "young", "mary", "hope", "split", "nice", "bath",
        "reading", "orange", "surprise", "enterprise", "eagle", "normal", "pride", "friendship",
        "concord", "harmony", "marathon", "eureka", "price", "commerce", "progress", "victory",
        "liberty", "freedom", "justice", "unity", "providence", "paradise", "garden", "grove",
        "highland", "highlands", "spring", "springs", "summit", "march", "may", "florida", "santa",
        "san", "saint", "st.", "la", "el", "los", "las", "san", "sale", "bury", "wells", "bolton",
        "derby", "chester", "lincoln", "jackson", "madison", "washington", "franklin", "clinton",
        "monroe", "burlington", "georgetown", "university", NULL,
    };
    act_table stop = {0};
    for (const char *const *w = common; *w; w++) act_words_add(&stop, hash_folded(*w, strlen(*w)), 1);
    int16_t *by_code = calloc(26 * 26 * 26, sizeof *by_code);     /* code -> country index + 1 */
    if (!by_code) { fputs("dyad: out of memory\n", stderr); abort(); }
    for (uint32_t c = 0; c < lex->n_countries; c++) {
        const char *k = lex->countries[c].code;
        if (k[0] >= 'A' && k[0] <= 'Z' && k[1] >= 'A' && k[1] <= 'Z' && k[2] >= 'A' && k[2] <= 'Z' && !by_code[((k[0] - 'A') * 26 + (k[1] - 'A')) * 26 + (k[2] - 'A')])
            by_code[((k[0] - 'A') * 26 + (k[1] - 'A')) * 26 + (k[2] - 'A')] = (int16_t)(c + 1);
    }
    for (uint32_t i = 0; i < n; i++) {
        const gaz_place *pl = gazetteer_place(lex->gaz, i);
        lex->place_country[i] = -1;
        if (!strchr(pl->name, ' ') && !strchr(pl->name, '-') && act_words_get(&stop, pl->key ? hash_folded(pl->name, strlen(pl->name)) : 0))
            continue;
        const char *k = pl->country;
        if (k[0] >= 'A' && k[0] <= 'Z' && k[1] >= 'A' && k[1] <= 'Z' && k[2] >= 'A' && k[2] <= 'Z') lex->place_country[i] = (int16_t)(by_code[((k[0] - 'A') * 26 + (k[1] - 'A')) * 26 + (k[2] - 'A')] - 1);
    }
    free(by_code);
    act_table_free(&stop);
}

const gazetteer *act_places(const actors_lexicon *lex)
{
    /* The one part of the lexicon written after actors_load: guarded by a
     * lock and published with a release store, so threads sharing the
     * lexicon see either nothing or the whole table. */
    actors_lexicon *l = (actors_lexicon *)lex;
    if (atomic_load_explicit(&l->places_ready, memory_order_acquire)) return l->gaz;
    pthread_mutex_lock(&l->places_lock);
    if (!atomic_load_explicit(&l->places_ready, memory_order_relaxed)) {
        load_places(l);
        atomic_store_explicit(&l->places_ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&l->places_lock);
    return l->gaz;
}

const gazetteer *actors_gazetteer(const actors_lexicon *lex) { return lex ? act_places(lex) : NULL; }

static actors_lexicon *load(const char *data_dir, int with_imported, char *err, size_t errlen)
{
    actors_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex) { snprintf(err, errlen, "out of memory"); return NULL; }
    lex->strings = dyad_arena_new(64 * 1024);
    pthread_mutex_init(&lex->places_lock, NULL);
    build_words(lex);
    if (load_file(lex, data_dir, "countries.txt", 1, country_record, err, errlen) ||
        load_file(lex, data_dir, "people.txt", 0, person_record, err, errlen) ||
        load_file(lex, data_dir, "orgs.txt", 0, org_record, err, errlen) ||
        load_file(lex, data_dir, "agents.txt", 0, NULL, err, errlen)) {
        actors_free(lex);
        return NULL;
    }
    if (with_imported && load_people_extra(lex, data_dir, err, errlen)) {
        actors_free(lex);
        return NULL;
    }
    add_blockers(lex);
    undated_codes(lex);
    act_table_build(lex);
    seed_titles(lex);
    load_offices(lex, data_dir);
    index_surnames(lex);
    free(lex->scratch);
    lex->scratch = NULL;
    lex->scratch_cap = 0;
    return lex;
}

void actors_free(actors_lexicon *lex)
{
    if (!lex) return;
    dyad_arena_free(lex->strings);
    free(lex->text);
    free(lex->countries); free(lex->people); free(lex->roles); free(lex->orgs); free(lex->agents);
    free(lex->offices);
    free(lex->by_surname);
    free(lex->names); free(lex->ltoks); free(lex->scratch);
    act_table_free(&lex->table);
    act_table_free(&lex->words);
    act_table_free(&lex->seen);
    gazetteer_free(lex->gaz);
    free(lex->place_country);
    pthread_mutex_destroy(&lex->places_lock);
    free(lex);
}

/* ------------------------------------------------------------ queries */

int32_t actors_person_named(const actors_lexicon *lex, const char *name)
{
    dyad_token *toks = NULL;
    uint32_t n = 0, cap = 0;
    dyad_tokenize(name, (uint32_t)strlen(name), &toks, &n, &cap);
    uint32_t h = HASH_SEED;
    for (uint32_t i = 0; i < n; i++) h = hash_seq(h, toks[i].hash);
    int32_t found = -1;
    const act_slot *sl = n ? act_table_find(&lex->table, h) : NULL;
    for (uint32_t c = 0; sl && c < sl->count && found < 0; c++) {
        const act_name *nm = &lex->names[sl->first + c];
        if (nm->kind != NK_PERSON || nm->ntok != n) continue;
        uint32_t q = 0;
        while (q < n && lex->ltoks[nm->ltok + q].hash == toks[q].hash) q++;
        if (q == n) found = (int32_t)nm->target;
    }
    free(toks);
    return found;
}

void actors_person_describe(const actors_lexicon *lex, uint32_t pi, char *out, size_t cap)
{
    const act_person *p = &lex->people[pi];
    size_t n = (size_t)snprintf(out, cap, "%s:", p->name);
    for (uint32_t i = 0; i < p->nroles && n < cap; i++) {
        const act_role *r = &lex->roles[p->role0 + i];
        char f[11], t[11];
        dyad_date_format(r->from, f);
        dyad_date_format(r->to, t);
        n += (size_t)snprintf(out + n, cap - n, "%s %s %s..%s", i ? "," : "", r->code, f, t);
    }
}

int actors_country_known(const actors_lexicon *lex, const char *code)
{
    return country_known(code, (void *)lex);
}
