/*
 * cmd_train.c - `dyad train tagger|parser`: train a syntax model on a
 * CoNLL-U treebank, choosing the iteration by the dev set, and write it.
 */
#include "cli.h"
#include "../syntax/syntax.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int parse_num(const char *opt, const char *v, long lo, long hi, long *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (*end || x < lo || x > hi) { cli_usage_error("%s: '%s' is not a number in %ld..%ld", opt, v, lo, hi); return -1; }
    *out = x;
    return 0;
}

int cmd_train(cli_opts *o);
int cmd_train(cli_opts *o)
{
    const char *what = NULL, *train = NULL, *dev = NULL, *out = NULL, *tagger_path = NULL;
    syn_train_opts t = {.iters = 0, .seed = 1, .jackknife = 4, .tagger_iters = 5, .explore = 0.9};
    for (int i = 1; i < o->argc; i++) {
        const char *a = o->argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            printf("usage: dyad %s\n\n%s\n", cli_find("train")->usage, cli_find("train")->summary);
            return 0;
        }
        if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) { t.quiet = 1; continue; }
        if (a[0] != '-') {
            if (what) { cli_usage_error("train: one model at a time ('%s'?)", a); return 2; }
            what = a;
            continue;
        }
        if (i + 1 >= o->argc) { cli_usage_error("train: %s needs a value", a); return 2; }
        const char *v = o->argv[++i];
        long x;
        if (!strcmp(a, "--train")) train = v;
        else if (!strcmp(a, "--dev")) dev = v;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output")) out = v;
        else if (!strcmp(a, "--tagger")) tagger_path = v;
        else if (!strcmp(a, "--iters")) { if (parse_num(a, v, 1, 100, &x)) return 2; t.iters = (int)x; }
        else if (!strcmp(a, "--seed")) { if (parse_num(a, v, 0, 0x7fffffff, &x)) return 2; t.seed = (uint64_t)x; }
        else if (!strcmp(a, "--jackknife")) { if (parse_num(a, v, 0, 20, &x)) return 2; t.jackknife = (int)x; }
        else if (!strcmp(a, "--tagger-iters")) { if (parse_num(a, v, 1, 100, &x)) return 2; t.tagger_iters = (int)x; }
        else if (!strcmp(a, "--bits")) { if (parse_num(a, v, 10, 24, &x)) return 2; t.bits = (uint32_t)x; }
        else if (!strcmp(a, "--explore")) {
            char *end;
            t.explore = strtod(v, &end);
            if (*end || t.explore < 0 || t.explore > 1) { cli_usage_error("--explore: '%s' is not a probability", v); return 2; }
        }
        else if (!strcmp(a, "--label-bits")) { if (parse_num(a, v, 10, 24, &x)) return 2; t.label_bits = (uint32_t)x; }
        else { cli_usage_error("train: unknown option '%s'", a); return 2; }
    }
    int tagger = what && !strcmp(what, "tagger"), parser = what && !strcmp(what, "parser");
    if (!tagger && !parser) { cli_usage_error("train: say 'tagger' or 'parser'"); return 2; }
    if (!train || !out) { cli_usage_error("train: --train FILE and -o MODEL are needed"); return 2; }
    if (!t.iters) t.iters = tagger ? 8 : 12;
    char err[1024];
    syn_treebank tr, dv;
    int have_dev = 0;
    if (syn_treebank_read(train, &tr, err, sizeof err)) { fprintf(stderr, "dyad: %s\n", err); return 1; }
    if (dev) {
        if (syn_treebank_read(dev, &dv, err, sizeof err)) { fprintf(stderr, "dyad: %s\n", err); syn_treebank_free(&tr); return 1; }
        have_dev = 1;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = 0;
    if (tagger) {
        syn_tagger T;
        rc = syn_train_tagger(&tr, have_dev ? &dv : NULL, &t, &T, err, sizeof err);
        if (!rc) rc = syn_tagger_save(&T, out, err, sizeof err);
        if (!rc || T.nclass) syn_tagger_free(&T);
    } else {
        syn_tagger T;
        int have_tagger = 0;
        if (tagger_path) {
            if (syn_tagger_load(&T, tagger_path, err, sizeof err)) rc = -1;
            else have_tagger = 1;
        }
        syn_parser P;
        if (!rc) rc = syn_train_parser(&tr, have_dev ? &dv : NULL, have_tagger ? &T : NULL, &t, &P, err, sizeof err);
        if (!rc) { rc = syn_parser_save(&P, out, err, sizeof err); syn_parser_free(&P); }
        if (have_tagger) syn_tagger_free(&T);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc) fprintf(stderr, "dyad: %s\n", err);
    else if (!t.quiet)
        fprintf(stderr, "dyad: wrote %s (%.1f s)\n", out,
                (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
    syn_treebank_free(&tr);
    if (have_dev) syn_treebank_free(&dv);
    return rc ? 1 : 0;
}
