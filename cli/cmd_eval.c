/*
 * cmd_eval.c - `dyad eval events GOLD.tsv [CORPUS...]`: code the documents
 * a gold file names and score the events (eval/eval.h).
 *
 * Corpora are found by the path the gold file gives them under ../shared:
 * a CORPUS argument whose path ends with it, else --shared DIR, else
 * $DYAD_SHARED, else ../shared.  A gold document that cannot be found is an
 * error: a score over part of the set would not be comparable.
 *
 * `dyad eval tabari DIR|PROJECT` codes TABARI's validation suite (the
 * project file names the text and dictionaries; eval/tabari_suite.h) with
 * the dictionaries it names, unless --verbs/--actors/--agents are given.
 *
 * Exit: 0 scored, 1 a corpus or document missing, 2 usage or gold file error.
 */
#include "cli.h"
#include "code_dict.h"
#include "../eval/eval.h"
#include "../eval/tabari_suite.h"
#include "../ingest/ingest.h"
#include "../pipeline/pipeline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *eval_shared;
static int eval_list;

enum { OPT_LIST = CLI_O_OWN, OPT_SHARED };

const cli_option eval_options[] = {
    {"shared", 0, "DIR", OPT_SHARED, "the shared corpora (default $DYAD_SHARED, else ../shared)"},
    {"list", 0, NULL, OPT_LIST, "also list every missed, spurious and wrongly dated event"},
    CLI_OPT_DATA, CODE_DICT_OPTIONS, CLI_OPT_PEOPLE,
    CLI_OPT_END,
};

static int eval_option(cli_opts *o, int id, const char *arg)
{
    if (id == OPT_LIST) { eval_list = 1; return 0; }
    if (id == OPT_SHARED) { eval_shared = arg; return 0; }
    return code_dict_option(o, id, arg);
}

static int ends_with_path(const char *path, const char *tail)
{
    size_t n = strlen(path), t = strlen(tail);
    if (n < t || strcmp(path + n - t, tail)) return 0;
    return n == t || path[n - t - 1] == '/';
}

/* The file to read for a gold corpus path, in buf. */
static const char *corpus_file(const cli_opts *o, const char *corpus, char *buf, size_t cap)
{
    for (int i = 2; i < o->n_files; i++)
        if (ends_with_path(o->files[i], corpus)) return o->files[i];
    const char *shared = eval_shared ? eval_shared : getenv("DYAD_SHARED");
    snprintf(buf, cap, "%s/%s", shared && *shared ? shared : "../shared", corpus);
    return buf;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) { free(b); b = NULL; }
            else b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

typedef struct {
    dyad_model *model;
    code_dict *dict;
    eval_score score;
    unsigned char *done;
} eval_run;

static void code_and_score(eval_run *r, const eval_gold *g, int gd, dyad_doc *doc, const char *raw, size_t n)
{
    dyad_options opt;
    memset(&opt, 0, sizeof opt);
    opt.date = g->docs[gd].pubdate;
    if (r->dict) code_dict_process(r->dict, doc, &opt);
    else dyad_process(r->model, doc, &opt);
    eval_score_doc(g, gd, raw, n, doc, &r->score, eval_list ? stdout : NULL);
    r->done[gd] = 1;
}

/* Score every gold document of one corpus file. */
static int eval_corpus(eval_run *r, const eval_gold *g, const char *corpus, const char *path)
{
    char err[1024];
    ingest_source *src = ingest_open(path, err, sizeof err);
    if (!src) {
        fprintf(stderr, "dyad: %s (the gold set reads corpora under ../shared; see --shared)\n", err);
        return 1;
    }
    int failed = 0;
    dyad_doc *doc = dyad_doc_new();
    if (ingest_format(src) == INGEST_JSONL) {
        int r1;
        while ((r1 = ingest_next(src, doc)) != 0) {
            if (r1 < 0) { dyad_doc_reset(doc); continue; }
            int gd = -1;
            for (int i = 0; i < g->n_docs && doc->id; i++)
                if (!r->done[i] && !strcmp(g->docs[i].corpus, corpus) && !strcmp(g->docs[i].id, doc->id)) gd = i;
            if (gd >= 0) {
                /* The spans index the record's text, which is the raw body. */
                size_t n = doc->raw_len;
                char *raw = malloc(n + 1);
                memcpy(raw, doc->raw, n);
                raw[n] = 0;
                code_and_score(r, g, gd, doc, raw, n);
                free(raw);
            }
            dyad_doc_reset(doc);
        }
    } else {
        size_t n = 0;
        char *raw = read_file(path, &n);
        int r1 = raw ? ingest_next(src, doc) : -1;
        const char *base = strrchr(corpus, '/') ? strrchr(corpus, '/') + 1 : corpus;
        int gd = -1;
        for (int i = 0; i < g->n_docs; i++)
            if (!strcmp(g->docs[i].corpus, corpus) && !strcmp(g->docs[i].id, base)) gd = i;
        if (r1 == 1 && gd >= 0) code_and_score(r, g, gd, doc, raw, n);
        else if (r1 != 1) { fprintf(stderr, "dyad: %s: cannot read the document\n", path); failed = 1; }
        free(raw);
    }
    dyad_doc_free(doc);
    ingest_close(src);
    return failed;
}

/* The value of <tag> in a TABARI project file, joined to its folder. */
static int project_path(const char *proj, const char *text, const char *tag, char *out, size_t cap)
{
    const char *p = strstr(text, tag);
    if (!p) return 0;
    p += strlen(tag);
    while (*p == ' ' || *p == '\t') p++;
    size_t n = strcspn(p, " \t\r\n");
    if (!n) return 0;
    const char *slash = strrchr(proj, '/');
    int dn = slash ? (int)(slash - proj) : 1;
    snprintf(out, cap, "%.*s/%.*s", dn, slash ? proj : ".", (int)n, p);
    return 1;
}

/* dyad eval tabari DIR|PROJECT */
static int eval_tabari(cli_opts *o)
{
    char proj[4096], text[4096], verbs[4096], actors[4096], agents[4096];
    const char *arg = o->files[1];
    size_t al = strlen(arg);
    if (al > 8 && !strcmp(arg + al - 8, ".project")) snprintf(proj, sizeof proj, "%s", arg);
    else snprintf(proj, sizeof proj, "%s/Validate.project", arg);
    size_t pn = 0;
    char *pt = read_file(proj, &pn);
    if (!pt) { fprintf(stderr, "dyad: %s: cannot read the project file\n", proj); return 1; }
    char *z = realloc(pt, pn + 1);
    if (!z) { free(pt); return 1; }
    pt = z;
    pt[pn] = 0;
    int ok = project_path(proj, pt, "<textfile>", text, sizeof text);
    code_dict_option(o, CODE_DICT_O_LITERAL, NULL);       /* TABARI's semantics */
    if (!code_dict_given()) {
        if (project_path(proj, pt, "<verbsfile>", verbs, sizeof verbs)) code_dict_option(o, CODE_DICT_O_VERBS, verbs);
        if (project_path(proj, pt, "<actorsfile>", actors, sizeof actors)) code_dict_option(o, CODE_DICT_O_ACTORS, actors);
        if (project_path(proj, pt, "<agentsfile>", agents, sizeof agents)) code_dict_option(o, CODE_DICT_O_AGENTS, agents);
    }
    free(pt);
    if (!ok) { fprintf(stderr, "dyad: %s: no <textfile>\n", proj); return 1; }
    tabari_suite s;
    char err[1024];
    if (tabari_suite_load(text, &s, err, sizeof err)) { fprintf(stderr, "dyad: %s\n", err); return 2; }
    int failed = 0;
    code_dict *cd = code_dict_open(o, &failed);
    dyad_model *m = cd ? code_dict_model(cd) : failed ? NULL : cli_load_model(o);
    if (!m) { tabari_suite_free(&s); return 1; }
    tabari_suite_score sc;
    memset(&sc, 0, sizeof sc);
    dyad_doc *doc = dyad_doc_new();
    for (int i = 0; i < s.n_recs; i++) {
        dyad_doc_reset(doc);
        dyad_doc_set_raw(doc, s.recs[i].text, strlen(s.recs[i].text));
        dyad_options opt;
        memset(&opt, 0, sizeof opt);
        opt.date = s.recs[i].date;
        if (cd) code_dict_process(cd, doc, &opt);
        else dyad_process(m, doc, &opt);
        tabari_suite_score_doc(&s, i, doc, &sc, eval_list ? stdout : NULL);
    }
    dyad_doc_free(doc);
    tabari_suite_print(&sc, stdout);
    if (cd) code_dict_close(cd);
    else dyad_model_free(m);
    tabari_suite_free(&s);
    return 0;
}

int cmd_eval(cli_opts *o);
int cmd_eval(cli_opts *o)
{
    int r = cli_parse(o, o->argc, o->argv, cli_find("eval"), eval_option);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (o->n_files == 2 && !strcmp(o->files[0], "places")) {
        dyad_model *m = cli_load_model(o);
        char e[1024];
        int rp = m ? eval_places(m, o->files[1], eval_list ? stdout : NULL, e, sizeof e) : -1;
        if (m && rp) fprintf(stderr, "dyad: eval places: %s\n", e);
        dyad_model_free(m);
        free(o->files);
        return rp ? 1 : 0;
    }
    if (o->n_files == 2 && !strcmp(o->files[0], "tabari")) {
        int rt = eval_tabari(o);
        free(o->files);
        return rt;
    }
    if (o->n_files == 2 && !strcmp(o->files[0], "entities")) {
        dyad_model *m = cli_load_model(o);
        char e[1024];
        const char *shared = eval_shared ? eval_shared : getenv("DYAD_SHARED");
        int rp = m ? eval_entities(m, o->files[1], shared && *shared ? shared : "../shared", eval_list ? stdout : NULL, e, sizeof e) : -1;
        if (m && rp) fprintf(stderr, "dyad: eval entities: %s\n", e);
        dyad_model_free(m);
        free(o->files);
        return rp ? 1 : 0;
    }
    if (o->n_files < 2 || strcmp(o->files[0], "events")) {
        cli_usage_error("eval: usage: dyad eval events GOLD.tsv [CORPUS...] | dyad eval places GOLD.tsv | "
                        "dyad eval entities GOLD.tsv | dyad eval tabari DIR (see 'dyad eval --help')");
        free(o->files);
        return 2;
    }
    eval_gold g;
    char err[1024];
    if (eval_gold_load(o->files[1], &g, err, sizeof err)) {
        fprintf(stderr, "dyad: %s\n", err);
        free(o->files);
        return 2;
    }
    eval_run run;
    memset(&run, 0, sizeof run);
    int failed = 0;
    run.dict = code_dict_open(o, &failed);
    if (failed) { eval_gold_free(&g); free(o->files); return 1; }
    run.model = run.dict ? code_dict_model(run.dict) : cli_load_model(o);
    if (!run.model) { eval_gold_free(&g); free(o->files); return 1; }
    run.done = calloc((size_t)g.n_docs, 1);

    /* One pass per corpus file, in the gold file's order. */
    for (int i = 0; i < g.n_docs; i++) {
        int seen = 0;
        for (int k = 0; k < i; k++)
            if (!strcmp(g.docs[k].corpus, g.docs[i].corpus)) seen = 1;
        if (seen) continue;
        char buf[4096];
        const char *path = corpus_file(o, g.docs[i].corpus, buf, sizeof buf);
        if (eval_corpus(&run, &g, g.docs[i].corpus, path)) failed = 1;
    }
    for (int i = 0; i < g.n_docs; i++)
        if (!run.done[i]) {
            fprintf(stderr, "dyad: %s:%d: document %s not found in %s\n", o->files[1], g.docs[i].line,
                    g.docs[i].id, g.docs[i].corpus);
            failed = 1;
        }
    if (!failed) eval_print(&run.score, stdout);
    free(run.done);
    if (run.dict) code_dict_close(run.dict);
    else dyad_model_free(run.model);
    eval_gold_free(&g);
    free(o->files);
    return failed;
}
