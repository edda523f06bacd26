/*
 * entities.c - scoring named entities against a hand-annotated gold set
 * (`dyad eval entities GOLD.tsv`; tests/gold/entities.tsv).
 *
 *   doc  CORPUS  DOC_ID  PUBDATE      a document: every name in its text is gold
 *   en   DOC_ID  OFF:LEN  TYPE        one name: a byte span of the record's "text"
 *
 * CORPUS is a path under the shared folder (as in events.tsv), PUBDATE
 * YYYY-MM-DD or '-'; TYPE is PER, ORG, LOC, GPE or NORP.  The scorer runs
 * the whole pipeline (with the parse) on each document and takes the names
 * of actors_names.  A gold name and a dyad name match when their words are
 * the same (the clean text and the raw body differ in quotation marks and
 * spacing, never in a name's letters), each used once, in text order; it
 * prints precision, recall and F1 three ways:
 *   typed   the five types as they are
 *   coarse  PER / ORG / LOC, GPE counted as LOC and NORP left out (the
 *           CoNLL-style measure of issue 15's target)
 *   span    the words alone, whatever the type
 * With --list, every missed and spurious name.
 */
#include "eval.h"
#include "../ingest/ingest.h"
#include "../pipeline/pipeline.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char id[128];
    uint32_t off, len;
    int type;               /* ACTORS_PER .. ACTORS_NORP */
    int line;
} gold_name;

typedef struct {
    char corpus[256], id[128];
    dyad_date pubdate;
    int line;
} gold_doc;

typedef struct { long tp, fp, fn; } prf;

static int type_of(const char *s)
{
    for (int t = ACTORS_PER; t <= ACTORS_NORP; t++)
        if (!strcmp(s, actors_name_type(t))) return t;
    return 0;
}

static int split(char *s, char **f, int max)
{
    int n = 0;
    s[strcspn(s, "\r\n")] = 0;
    for (char *p = s; n < max;) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = 0;
        p = t + 1;
    }
    return n;
}

static int coarse(int t) { return t == ACTORS_GPE ? ACTORS_LOC : t == ACTORS_NORP ? 0 : t; }

/* The same words: equal bytes, or equal once runs of white space count as one. */
static int same_words(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0, k = 0;
    while (i < na && k < nb) {
        int sa = a[i] == ' ' || a[i] == '\n' || a[i] == '\t', sb = b[k] == ' ' || b[k] == '\n' || b[k] == '\t';
        if (sa && sb) {
            while (i < na && (a[i] == ' ' || a[i] == '\n' || a[i] == '\t')) i++;
            while (k < nb && (b[k] == ' ' || b[k] == '\n' || b[k] == '\t')) k++;
            continue;
        }
        if (a[i] != b[k]) return 0;
        i++;
        k++;
    }
    return i == na && k == nb;
}

/* Score one document's names: mode 0 typed, 1 coarse, 2 span. */
static void score(const gold_name *g, int ng, const char *raw, const dyad_doc *d, const actors_name *v, uint32_t nv,
                  int mode, prf *s, FILE *out, const char *path)
{
    char *used = calloc(nv + 1, 1);
    for (int i = 0; i < ng; i++) {
        int gt = mode == 1 ? coarse(g[i].type) : mode == 2 ? 1 : g[i].type;
        if (!gt) continue;
        int hit = -1;
        for (uint32_t k = 0; k < nv && hit < 0; k++) {
            int dt = mode == 1 ? coarse(v[k].type) : mode == 2 ? 1 : v[k].type;
            if (used[k] || dt != gt) continue;
            const dyad_token *b = &d->toks[v[k].tok], *e = &d->toks[v[k].tok + v[k].ntok - 1];
            if (same_words(raw + g[i].off, g[i].len, d->text + b->off, e->off + e->len - b->off)) hit = (int)k;
        }
        if (hit >= 0) { used[hit] = 1; s->tp++; }
        else {
            s->fn++;
            if (out && mode == 0)
                fprintf(out, "missed\t%s:%d\t%s\t%.*s\n", path, g[i].line, actors_name_type(g[i].type), (int)g[i].len, raw + g[i].off);
        }
    }
    for (uint32_t k = 0; k < nv; k++) {
        int dt = mode == 1 ? coarse(v[k].type) : mode == 2 ? 1 : v[k].type;
        if (used[k] || !dt) continue;
        s->fp++;
        if (out && mode == 0) {
            const dyad_token *b = &d->toks[v[k].tok], *e = &d->toks[v[k].tok + v[k].ntok - 1];
            fprintf(out, "spurious\t%s\t%s\t%.*s\n", g && ng ? g[0].id : "?", actors_name_type(v[k].type),
                    (int)(e->off + e->len - b->off), d->text + b->off);
        }
    }
    free(used);
}

static void print_prf(const char *label, const prf *s)
{
    double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
    double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%-40s %6.3f %6.3f %6.3f %6ld %4ld %4ld\n", label, p, r, f, s->tp, s->fp, s->fn);
}

int eval_entities(const dyad_model *m, const char *path, const char *shared, FILE *out, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return -1; }
    gold_doc *docs = NULL;
    gold_name *gs = NULL;
    int nd = 0, capd = 0, n = 0, cap = 0, line = 0, rc = 0;
    char buf[2048];
    while (!rc && fgets(buf, sizeof buf, f)) {
        line++;
        if (buf[0] == '#' || buf[0] == '\n') continue;
        char *w[6];
        int nf = split(buf, w, 6);
        if (nf == 4 && !strcmp(w[0], "doc")) {
            if (nd == capd) {
                capd = capd ? capd * 2 : 16;
                if (!(docs = realloc(docs, (size_t)capd * sizeof *docs))) abort();
            }
            gold_doc *gd = &docs[nd];
            memset(gd, 0, sizeof *gd);
            snprintf(gd->corpus, sizeof gd->corpus, "%s", w[1]);
            snprintf(gd->id, sizeof gd->id, "%s", w[2]);
            if (strcmp(w[3], "-") && (dyad_date_parse(w[3], &gd->pubdate) || !gd->pubdate.day)) {
                snprintf(err, errlen, "%s:%d: PUBDATE is not YYYY-MM-DD or '-'", path, line);
                rc = -1;
                break;
            }
            gd->line = line;
            nd++;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            if (!(gs = realloc(gs, (size_t)cap * sizeof *gs))) abort();
        }
        gold_name *g = &gs[n];
        if (nf != 4 || strcmp(w[0], "en") || sscanf(w[2], "%u:%u", &g->off, &g->len) != 2 || !g->len ||
            !(g->type = type_of(w[3])) || !nd || strcmp(w[1], docs[nd - 1].id)) {
            snprintf(err, errlen, "%s:%d: expected 'en DOC_ID OFF:LEN TYPE' (TYPE PER ORG LOC GPE NORP) after its 'doc' line",
                     path, line);
            rc = -1;
            break;
        }
        snprintf(g->id, sizeof g->id, "%s", w[1]);
        g->line = line;
        n++;
    }
    fclose(f);
    prf s[3] = {{0}};
    long names = 0;
    dyad_doc *d = dyad_doc_new();
    for (int i = 0; !rc && i < nd; i++) {
        char file[4096];
        snprintf(file, sizeof file, "%s/%s", shared, docs[i].corpus);
        int found = eval_doc_find(file, docs[i].id, d, err, errlen);
        if (found < 0) { rc = -1; break; }
        if (!found) { snprintf(err, errlen, "%s:%d: no document %s in %s", path, docs[i].line, docs[i].id, file); rc = -1; break; }
        char *raw = malloc(d->raw_len + 1);
        if (!raw) abort();
        memcpy(raw, d->raw, d->raw_len);
        raw[d->raw_len] = 0;
        int k0 = 0;
        while (k0 < n && strcmp(gs[k0].id, docs[i].id)) k0++;
        int k1 = k0;
        while (k1 < n && !strcmp(gs[k1].id, docs[i].id)) {
            if (gs[k1].off + gs[k1].len > d->raw_len) {
                snprintf(err, errlen, "%s:%d: span outside the document", path, gs[k1].line);
                rc = -1;
            }
            k1++;
        }
        if (!rc) {
            dyad_options opt;
            memset(&opt, 0, sizeof opt);
            opt.date = docs[i].pubdate;
            dyad_process(m, d, &opt);
            actors_name *v = NULL;
            uint32_t nv = actors_names(m->actors, d, &v);
            names += k1 - k0;
            for (int mode = 0; mode < 3; mode++) score(gs + k0, k1 - k0, raw, d, v, nv, mode, &s[mode], out, path);
        }
        free(raw);
        dyad_doc_reset(d);
    }
    dyad_doc_free(d);
    free(gs);
    free(docs);
    if (rc) return -1;
    printf("%d documents, %ld gold names\n", nd, names);
    printf("%-40s %6s %6s %6s %6s %4s %4s\n", "level", "P", "R", "F1", "tp", "fp", "fn");
    print_prf("typed (PER ORG LOC GPE NORP)", &s[0]);
    print_prf("coarse (PER ORG LOC; GPE as LOC)", &s[1]);
    print_prf("span (the words, any type)", &s[2]);
    return 0;
}
