/*
 * dict/tabari_agents.c - readers for PETRARCH/TABARI agent dictionaries and
 * discard lists, format sniffing, and tabari_check().  See tabari.h for the
 * contract and docs/tabari-dictionaries.md for the formats.
 */
#include "dict/tabari.h"

#include <stdlib.h>
#include <string.h>

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static const char *trim(const char *s, size_t *n)
{
    while (*n && blank(*s)) s++, (*n)--;
    while (*n && blank(s[*n - 1])) (*n)--;
    return s;
}

static int code_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

#define ISSUE(src, ln, sev, ...) tabari__issue((src), (ln)->no, (ln)->raw, sev, __VA_ARGS__)

/* ======================================================================== */
/* Plurals                                                                   */

size_t tabari_regular_plural(const char *phrase, char *out, size_t cap)
{
    /* PETRARCH's agent reader: Y -> IES, S -> +ES, otherwise +S, applied to the
     * end of the phrase; a trailing '_' (whole word) is kept after the ending. */
    size_t n = strlen(phrase), u = 0;
    while (n > u && phrase[n - 1 - u] == '_') u++;
    size_t stem = n - u;
    const char *add = "S";
    size_t keep = stem;
    if (stem && (phrase[stem - 1] == 'Y' || phrase[stem - 1] == 'y')) keep = stem - 1, add = "IES";
    else if (stem && (phrase[stem - 1] == 'S' || phrase[stem - 1] == 's')) add = "ES";
    size_t need = keep + strlen(add) + u;
    if (cap) {
        size_t k = 0;
        for (size_t i = 0; i < keep && k + 1 < cap; i++) out[k++] = phrase[i];
        for (const char *a = add; *a && k + 1 < cap; a++) out[k++] = *a;
        for (size_t i = 0; i < u && k + 1 < cap; i++) out[k++] = '_';
        out[k] = 0;
    }
    return need;
}

/* ======================================================================== */
/* Agents                                                                    */

typedef struct {
    tabari__src src;
    tabari__store *st;
    tabari_agents *a;
    size_t cap_agents, cap_substs;
    char why[256];
} gctx;

/* "!NAME! = A, B, C": 0 with the parts, -1 with g->why. */
static int subst_def(gctx *g, const char *b, size_t n, const char **name, size_t *namen,
                     const char **list, size_t *listn)
{
    const char *e = memchr(b + 1, '!', n - 1);
    if (!e) {
        snprintf(g->why, sizeof g->why, "substitution marker has no closing '!'");
        return -1;
    }
    *name = b + 1;
    *namen = (size_t)(e - b - 1);
    if (!*namen) {
        snprintf(g->why, sizeof g->why, "empty substitution marker '!!'");
        return -1;
    }
    for (size_t i = 0; i < *namen; i++)
        if (!code_char((*name)[i]) && (*name)[i] != '_') {
            snprintf(g->why, sizeof g->why, "unexpected '%c' in substitution marker",
                     (*name)[i]);
            return -1;
        }
    size_t rest = n - (size_t)(e + 1 - b);
    const char *r = trim(e + 1, &rest);
    if (!rest || *r != '=') {
        snprintf(g->why, sizeof g->why, "'=' expected after !%.*s!", (int)*namen, *name);
        return -1;
    }
    r++;
    rest--;
    *list = trim(r, &rest);
    *listn = rest;
    if (!rest) {
        snprintf(g->why, sizeof g->why, "empty substitution list");
        return -1;
    }
    return 0;
}

static long find_subst(const tabari_agents *a, const char *s, size_t n)
{
    for (size_t i = 0; i < a->nsubsts; i++)
        if (strlen(a->substs[i].name) == n && !strncmp(a->substs[i].name, s, n))
            return (long)i;
    return -1;
}

static int is_subst_line(const tabari__line *ln)
{
    return ln->body[0] == '!' && strchr(ln->body, '=') && !strchr(ln->body, '[');
}

/* First pass: substitution sets, so that entries may use one defined later. */
static void agents_prescan(gctx *g)
{
    tabari__line ln;
    g->src.quiet = 1;
    while (!g->src.failed && tabari__next(&g->src, &ln)) {
        if (!is_subst_line(&ln)) continue;
        const char *name, *list;
        size_t namen, listn;
        if (subst_def(g, ln.body, ln.len, &name, &namen, &list, &listn) < 0) continue;
        if (find_subst(g->a, name, namen) >= 0) continue;
        size_t items = 1;
        for (size_t i = 0; i < listn; i++) items += list[i] == ',';
        const char **it = tabari__alloc(g->st, items * sizeof *it);
        if (!it || tabari__grow((void **)&g->a->substs, &g->cap_substs, g->a->nsubsts,
                                sizeof *g->a->substs) < 0) {
            g->src.failed = 1;
            break;
        }
        tabari_subst *s = &g->a->substs[g->a->nsubsts];
        memset(s, 0, sizeof *s);
        s->name = tabari__intern_upper(g->st, name, namen);
        s->items = it;
        s->line = ln.no;
        const char *p = list, *end = list + listn;
        while (p <= end) {
            const char *c = memchr(p, ',', (size_t)(end - p));
            if (!c) c = end;
            size_t in = (size_t)(c - p);
            const char *t = trim(p, &in);
            /* "spaces are stripped from the elements of the list" */
            char buf[256];
            size_t k = 0;
            for (size_t i = 0; i < in && k + 1 < sizeof buf; i++)
                if (!blank(t[i])) buf[k++] = t[i];
            if (k) it[s->nitems++] = tabari__intern_upper(g->st, buf, k);
            p = c + 1;
        }
        if (s->nitems) g->a->nsubsts++;
    }
    g->src.quiet = 0;
    tabari__src_rewind(&g->src);
}

static int add_agent(gctx *g, const tabari__line *ln, const char *name, size_t namen,
                     const char *plural, size_t pluraln, int has_plural, const char *code,
                     int code_after, const char *subst)
{
    tabari_agent ag;
    memset(&ag, 0, sizeof ag);
    if (tabari__phrase(g->st, name, namen, "[]{}|!", &ag.name, g->why, sizeof g->why) < 0) {
        ISSUE(&g->src, ln, TABARI_UNUSABLE, "%s", g->why);
        return -1;
    }
    ag.name.line = ag.line = ln->no;
    ag.code = code;
    ag.code_after = (uint8_t)code_after;
    ag.subst = subst;
    if (subst) {
        /* "no additional plural formation" for substituted forms */
        ag.plural_kind = TABARI_PLURAL_NONE;
    } else if (has_plural) {
        size_t pn = pluraln;
        trim(plural, &pn);
        if (!pn) {
            ag.plural_kind = TABARI_PLURAL_NONE;
        } else {
            ag.plural_kind = TABARI_PLURAL_EXPLICIT;
            if (tabari__phrase(g->st, plural, pluraln, "[]{}|!", &ag.plural, g->why,
                               sizeof g->why) < 0) {
                ISSUE(&g->src, ln, TABARI_UNUSABLE, "plural: %s", g->why);
                return -1;
            }
        }
    } else {
        ag.plural_kind = TABARI_PLURAL_REGULAR;
        char buf[512];
        size_t need = tabari_regular_plural(ag.name.text, buf, sizeof buf);
        if (need >= sizeof buf ||
            tabari__phrase(g->st, buf, need, NULL, &ag.plural, g->why, sizeof g->why) < 0) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE, "cannot form the plural");
            return -1;
        }
    }
    if (ag.plural.nwords) ag.plural.line = ln->no;
    tabari_agents *a = g->a;
    if (tabari__grow((void **)&a->agents, &g->cap_agents, a->nagents, sizeof ag) < 0) {
        g->src.failed = 1;
        return -1;
    }
    a->agents[a->nagents++] = ag;
    return 0;
}

static void agent_line(gctx *g, tabari__line *ln)
{
    const char *b = ln->body;
    if (is_subst_line(ln)) {
        const char *name, *list;
        size_t namen, listn;
        if (subst_def(g, b, ln->len, &name, &namen, &list, &listn) < 0) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE, "%s", g->why);
            return;
        }
        long i = find_subst(g->a, name, namen);
        if (i < 0) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE, "substitution list is empty");
        } else if (g->a->substs[i].line != ln->no) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE,
                  "substitution marker !%.*s! is already defined at line %d", (int)namen,
                  name, g->a->substs[i].line);
        }
        return;
    }
    const char *br = strchr(b, '[');
    if (!br) {
        ISSUE(&g->src, ln, TABARI_UNUSABLE, "agent has no [~CODE]");
        return;
    }
    const char *e = strchr(br, ']');
    if (!e) {
        ISSUE(&g->src, ln, TABARI_UNUSABLE, "missing ']'");
        return;
    }
    size_t an = strlen(e + 1);
    trim(e + 1, &an);
    if (an) {
        ISSUE(&g->src, ln, TABARI_UNUSABLE, "text after the [code]");
        return;
    }
    size_t cn = (size_t)(e - br - 1);
    const char *c = trim(br + 1, &cn);
    int after;
    if (cn >= 2 && c[0] == '~' && c[cn - 1] != '~') after = 1, c++, cn--;
    else if (cn >= 2 && c[cn - 1] == '~' && c[0] != '~') after = 0, cn--;
    else {
        ISSUE(&g->src, ln, TABARI_UNUSABLE,
              "agent code needs one '~', before it ([~MAR]) or after it ([IGO~])");
        return;
    }
    for (size_t i = 0; i < cn; i++)
        if (!code_char(c[i])) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE, "unexpected '%c' in agent code", c[i]);
            return;
        }
    const char *code = tabari__intern_upper(g->st, c, cn);
    if (!code) {
        g->src.failed = 1;
        return;
    }

    size_t nn = (size_t)(br - b);
    const char *plural = NULL;
    size_t pluraln = 0;
    int has_plural = 0;
    const char *ob = memchr(b, '{', nn);
    if (ob) {
        const char *cb = memchr(ob, '}', (size_t)(br - ob));
        if (!cb) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE, "missing '}' after the plural");
            return;
        }
        size_t tn = (size_t)(br - cb - 1);
        trim(cb + 1, &tn);
        if (tn) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE, "text between the {plural} and the [code]");
            return;
        }
        has_plural = 1;
        plural = ob + 1;
        pluraln = (size_t)(cb - ob - 1);
        nn = (size_t)(ob - b);
    }

    const char *bang = memchr(b, '!', nn);
    if (!bang) {
        add_agent(g, ln, b, nn, plural, pluraln, has_plural, code, after, NULL);
        return;
    }
    const char *bang2 = memchr(bang + 1, '!', (size_t)(b + nn - bang - 1));
    if (!bang2) {
        ISSUE(&g->src, ln, TABARI_UNUSABLE, "substitution marker has no closing '!'");
        return;
    }
    if (memchr(bang2 + 1, '!', (size_t)(b + nn - bang2 - 1))) {
        ISSUE(&g->src, ln, TABARI_UNUSABLE, "more than one substitution marker");
        return;
    }
    long si = find_subst(g->a, bang + 1, (size_t)(bang2 - bang - 1));
    if (si < 0) {
        ISSUE(&g->src, ln, TABARI_UNUSABLE, "undefined substitution marker !%.*s!",
              (int)(bang2 - bang - 1), bang + 1);
        return;
    }
    const tabari_subst *s = &g->a->substs[si];
    size_t pre = (size_t)(bang - b), post = (size_t)(b + nn - bang2 - 1);
    for (uint32_t i = 0; i < s->nitems; i++) {
        char buf[512];
        size_t il = strlen(s->items[i]);
        if (pre + il + post >= sizeof buf) {
            ISSUE(&g->src, ln, TABARI_UNUSABLE, "agent phrase too long");
            return;
        }
        memcpy(buf, b, pre);
        memcpy(buf + pre, s->items[i], il);
        memcpy(buf + pre + il, bang2 + 1, post);
        if (add_agent(g, ln, buf, pre + il + post, NULL, 0, 0, code, after, s->name) < 0)
            return;
    }
}

static int agents_load(tabari__src *src, int opened, tabari_agents *out)
{
    gctx g;
    memset(&g, 0, sizeof g);
    g.src = *src;
    g.a = out;
    int r = -1;
    if (opened == 0) {
        g.st = out->store_ = tabari__store_new();
        if (!g.st) {
            tabari__issue(&g.src, 0, NULL, TABARI_UNUSABLE, "out of memory");
        } else {
            tabari__line ln;
            agents_prescan(&g);
            while (!g.src.failed && tabari__next(&g.src, &ln)) {
                if (ln.body[0] == '<') tabari__skip_section(&g.src, &ln, "agent");
                else agent_line(&g, &ln);
            }
            if (g.src.failed || tabari__store_failed(g.st))
                tabari__issue(&g.src, 0, NULL, TABARI_UNUSABLE, "out of memory");
            else
                r = (int)out->nagents;
        }
    }
    out->lines = g.src.lineno;
    out->unusable = g.src.unusable;
    out->warnings = g.src.warnings;
    tabari__src_close(&g.src);
    if (r < 0) {
        long u = out->unusable, w = out->warnings, l = out->lines;
        tabari_agents_free(out);
        out->unusable = u;
        out->warnings = w;
        out->lines = l;
    }
    return r;
}

int tabari_load_agents(const char *path, tabari_agents *out, tabari_report_fn report,
                       void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_open(&src, path, report, ctx);
    return agents_load(&src, o, out);
}

int tabari_parse_agents(const char *name, const char *text, size_t len, tabari_agents *out,
                        tabari_report_fn report, void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_text(&src, name, text, len, report, ctx);
    return agents_load(&src, o, out);
}

void tabari_agents_free(tabari_agents *a)
{
    if (!a) return;
    free(a->agents);
    free(a->substs);
    tabari__store_free(a->store_);
    memset(a, 0, sizeof *a);
}

/* ======================================================================== */
/* Discards                                                                  */

static void discard_line(tabari__src *src, tabari__store *st, tabari_discards *d, size_t *cap,
                         tabari__line *ln)
{
    const char *b = ln->body;
    size_t n = ln->len;
    tabari_discard x;
    memset(&x, 0, sizeof x);
    if (*b == '+') {
        x.story = 1;
        b++;
        n--;
    }
    /* TABARI kept discards in its .actors/.verbs files as PHRASE [###]. */
    const char *br = memchr(b, '[', n);
    if (br) {
        const char *e = memchr(br, ']', (size_t)(b + n - br));
        size_t an = e ? (size_t)(b + n - e - 1) : 0;
        if (e) trim(e + 1, &an);
        size_t cn = e ? (size_t)(e - br - 1) : 0;
        const char *c = e ? trim(br + 1, &cn) : NULL;
        if (!e || an || cn != 3 || memcmp(c, "###", 3)) {
            ISSUE(src, ln, TABARI_UNUSABLE,
                  "a discard phrase takes no code, or only the discard code [###]");
            return;
        }
        n = (size_t)(br - b);
    }
    char why[128];
    if (tabari__phrase(st, b, n, "[]{}|", &x.phrase, why, sizeof why) < 0) {
        ISSUE(src, ln, TABARI_UNUSABLE, "%s", why);
        return;
    }
    size_t tn = n;
    const char *t = trim(b, &tn);
    x.whole_word = tn && t[tn - 1] == '_';
    x.phrase.line = x.line = ln->no;
    if (tabari__grow((void **)&d->discards, cap, d->ndiscards, sizeof x) < 0) {
        src->failed = 1;
        return;
    }
    d->discards[d->ndiscards++] = x;
}

static int discards_load(tabari__src *src, int opened, tabari_discards *out)
{
    int r = -1;
    size_t cap = 0;
    if (opened == 0) {
        tabari__store *st = out->store_ = tabari__store_new();
        if (!st) {
            tabari__issue(src, 0, NULL, TABARI_UNUSABLE, "out of memory");
        } else {
            tabari__line ln;
            while (!src->failed && tabari__next(src, &ln)) {
                if (ln.body[0] == '<') tabari__skip_section(src, &ln, "discard");
                else discard_line(src, st, out, &cap, &ln);
            }
            if (src->failed || tabari__store_failed(st))
                tabari__issue(src, 0, NULL, TABARI_UNUSABLE, "out of memory");
            else
                r = (int)out->ndiscards;
        }
    }
    out->lines = src->lineno;
    out->unusable = src->unusable;
    out->warnings = src->warnings;
    tabari__src_close(src);
    if (r < 0) {
        long u = out->unusable, w = out->warnings, l = out->lines;
        tabari_discards_free(out);
        out->unusable = u;
        out->warnings = w;
        out->lines = l;
    }
    return r;
}

int tabari_load_discards(const char *path, tabari_discards *out, tabari_report_fn report,
                         void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_open(&src, path, report, ctx);
    return discards_load(&src, o, out);
}

int tabari_parse_discards(const char *name, const char *text, size_t len,
                          tabari_discards *out, tabari_report_fn report, void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_text(&src, name, text, len, report, ctx);
    return discards_load(&src, o, out);
}

void tabari_discards_free(tabari_discards *d)
{
    if (!d) return;
    free(d->discards);
    tabari__store_free(d->store_);
    memset(d, 0, sizeof *d);
}

/* ======================================================================== */
/* Sniffing                                                                  */

static int has_word(const char *name, const char *w)
{
    if (!name) return 0;
    size_t n = strlen(w);
    for (const char *p = name; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && (p[i] | 0x20) == w[i]) i++;
        if (i == n) return 1;
    }
    return 0;
}

static tabari_kind sniff_src(tabari__src *s, const char *name)
{
    /* Each kind has lines no other kind has: verb files '-' patterns with a
     * '*', '--- NAME ---' headers and '&' synsets; agent files [~CODE]; actor
     * files [CODE] on names and indented date lines; discard lists none of
     * these.  Count them and let the most frequent evidence decide. */
    tabari__line ln;
    long pat = 0, hdr = 0, syn = 0, tilde = 0, code = 0, bare = 0, subst = 0;
    s->quiet = 1;
    while (tabari__next(s, &ln)) {
        const char *b = ln.body;
        if (!strncmp(b, "---", 3)) {
            hdr++;
            continue;
        }
        if (b[0] == '-' && strchr(b, '*')) {
            pat++;
            continue;
        }
        if (b[0] == '&') {
            syn++;
            continue;
        }
        if (b[0] == '!' && strchr(b, '=')) {
            subst++;
            continue;
        }
        const char *br = strchr(b, '[');
        if (!br) {
            bare++;
            continue;
        }
        const char *e = strchr(br, ']');
        size_t cn = e ? (size_t)(e - br - 1) : strlen(br + 1);
        const char *c = trim(br + 1, &cn);
        if (cn && (c[0] == '~' || c[cn - 1] == '~')) tilde++;
        else if (!(cn == 3 && !memcmp(c, "###", 3))) code++;
    }
    s->quiet = 0;
    long verbs = 2 * pat + 4 * hdr + 2 * syn;
    long agents = 2 * tilde + 10 * subst;
    if (pat && verbs >= agents && verbs >= code) return TABARI_KIND_VERBS;
    if (tilde && agents >= code) return TABARI_KIND_AGENTS;
    /* Actor files name most entries with a code nearby; a discard list is
     * bare phrases, perhaps with a stray [###] or a mistaken code. */
    if (code && code * 2 >= bare) return TABARI_KIND_ACTORS;
    if (bare) {
        if (has_word(name, "actor")) return TABARI_KIND_ACTORS;
        if (has_word(name, "agent")) return TABARI_KIND_AGENTS;
        if (has_word(name, "verb")) return TABARI_KIND_VERBS;
        return TABARI_KIND_DISCARDS;
    }
    if (has_word(name, "verb")) return TABARI_KIND_VERBS;
    if (has_word(name, "actor")) return TABARI_KIND_ACTORS;
    if (has_word(name, "agent")) return TABARI_KIND_AGENTS;
    if (has_word(name, "discard")) return TABARI_KIND_DISCARDS;
    return TABARI_KIND_UNKNOWN;
}

tabari_kind tabari_sniff_text(const char *name, const char *text, size_t len)
{
    tabari__src s;
    tabari_kind k = TABARI_KIND_UNKNOWN;
    if (tabari__src_text(&s, name, text, len, NULL, NULL) == 0) k = sniff_src(&s, name);
    tabari__src_close(&s);
    return k;
}

tabari_kind tabari_sniff(const char *path)
{
    tabari__src s;
    tabari_kind k = TABARI_KIND_UNKNOWN;
    if (tabari__src_open(&s, path, NULL, NULL) == 0) k = sniff_src(&s, path);
    tabari__src_close(&s);
    return k;
}

/* ======================================================================== */
/* Checking                                                                  */

int tabari_check(const char *path, tabari_summary *sum, tabari_report_fn report, void *ctx)
{
    tabari_summary z;
    if (!sum) sum = &z;
    memset(sum, 0, sizeof *sum);
    tabari__src s;
    if (tabari__src_open(&s, path, report, ctx) < 0) {
        sum->unusable = s.unusable;
        tabari__src_close(&s);
        return -1;
    }
    sum->kind = sniff_src(&s, path);
    tabari__src_close(&s);
    int r = -1;
    switch (sum->kind) {
    case TABARI_KIND_VERBS: {
        tabari_verbs v;
        r = tabari_load_verbs(path, &v, report, ctx);
        sum->dialect = v.dialect;
        sum->entries = (long)v.nblocks;
        sum->verbs = (long)v.nverbs;
        sum->patterns = (long)v.npatterns;
        sum->synsets = (long)v.nsynsets;
        sum->lines = v.lines;
        sum->unusable = v.unusable;
        sum->warnings = v.warnings;
        tabari_verbs_free(&v);
        break;
    }
    case TABARI_KIND_ACTORS: {
        tabari_actors a;
        r = tabari_load_actors(path, &a, report, ctx);
        sum->entries = (long)a.nactors;
        sum->names = (long)a.nnames;
        sum->codes = (long)a.ncodes;
        sum->lines = a.lines;
        sum->unusable = a.unusable;
        sum->warnings = a.warnings;
        tabari_actors_free(&a);
        break;
    }
    case TABARI_KIND_AGENTS: {
        tabari_agents a;
        r = tabari_load_agents(path, &a, report, ctx);
        sum->entries = (long)a.nagents;
        for (size_t i = 0; i < a.nagents; i++)
            sum->names += 1 + (a.agents[i].plural.nwords > 0);
        sum->lines = a.lines;
        sum->unusable = a.unusable;
        sum->warnings = a.warnings;
        tabari_agents_free(&a);
        break;
    }
    case TABARI_KIND_DISCARDS: {
        tabari_discards d;
        r = tabari_load_discards(path, &d, report, ctx);
        sum->entries = (long)d.ndiscards;
        sum->lines = d.lines;
        sum->unusable = d.unusable;
        sum->warnings = d.warnings;
        tabari_discards_free(&d);
        break;
    }
    default:
        if (report) report(ctx, path, 0, TABARI_UNUSABLE,
                           "not recognisable as a verb, actor, agent or discard dictionary", "");
        sum->unusable = 1;
        return -1;
    }
    return r < 0 ? -1 : (int)sum->unusable;
}

const char *tabari_kind_name(tabari_kind k)
{
    switch (k) {
    case TABARI_KIND_VERBS: return "verbs";
    case TABARI_KIND_ACTORS: return "actors";
    case TABARI_KIND_AGENTS: return "agents";
    case TABARI_KIND_DISCARDS: return "discards";
    default: return "unknown";
    }
}

const char *tabari_dialect_name(tabari_dialect d)
{
    switch (d) {
    case TABARI_DIALECT_TABARI: return "TABARI";
    case TABARI_DIALECT_PETRARCH1: return "PETRARCH-1";
    case TABARI_DIALECT_PETRARCH2: return "PETRARCH-2";
    default: return "auto";
    }
}

void tabari_summary_print(FILE *f, const char *path, const tabari_summary *s)
{
    fprintf(f, "%s: %s", path, tabari_kind_name(s->kind));
    switch (s->kind) {
    case TABARI_KIND_VERBS:
        fprintf(f, " (%s): %ld blocks, %ld verbs, %ld patterns, %ld synsets",
                tabari_dialect_name(s->dialect), s->entries, s->verbs, s->patterns,
                s->synsets);
        break;
    case TABARI_KIND_ACTORS:
        fprintf(f, ": %ld actors, %ld names, %ld codes", s->entries, s->names, s->codes);
        break;
    case TABARI_KIND_AGENTS:
        fprintf(f, ": %ld agents, %ld phrases with plurals", s->entries, s->names);
        break;
    case TABARI_KIND_DISCARDS:
        fprintf(f, ": %ld phrases", s->entries);
        break;
    default:
        break;
    }
    fprintf(f, "; %ld lines, %ld unusable, %ld warnings\n", s->lines, s->unusable,
            s->warnings);
}
