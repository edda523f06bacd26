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
    if (!*v || *end || x < lo || x > hi) { cli_usage_error("--%s: '%s' is not a number in %ld..%ld", opt, v, lo, hi); return -1; }
    *out = x;
    return 0;
}

enum { OPT_TRAIN = CLI_O_OWN, OPT_DEV, OPT_OUT, OPT_TAGGER, OPT_ITERS, OPT_SEED, OPT_JACKKNIFE,
       OPT_TAGGER_ITERS, OPT_BITS, OPT_LABEL_BITS, OPT_EXPLORE, OPT_MIN_COUNT };

const cli_option train_options[] = {
    {"train", 0, "F.conllu", OPT_TRAIN, "the training treebank"},
    {"dev", 0, "F.conllu", OPT_DEV, "the treebank that chooses the iteration (never the test set)"},
    {"output", 'o', "MODEL", OPT_OUT, "the model file to write"},
    {"iters", 0, "N", OPT_ITERS, "passes over the training set (tagger 10, parser 12)"},
    {"seed", 0, "S", OPT_SEED, "shuffling and exploration seed (1): same seed, same model"},
    {"tagger", 0, "MODEL", OPT_TAGGER, "parser: the tagger that tags the dev set"},
    {"jackknife", 0, "K", OPT_JACKKNIFE, "parser: learn from tags predicted by K fold taggers (4; 0: gold tags)"},
    {"tagger-iters", 0, "N", OPT_TAGGER_ITERS, "parser: iterations of each fold tagger (5)"},
    {"bits", 0, "B", OPT_BITS, "2^B weight rows (tagger 17, parser moves 20)"},
    {"label-bits", 0, "B", OPT_LABEL_BITS, "parser: 2^B rows of label weights (16)"},
    {"min-count", 0, "N", OPT_MIN_COUNT, "tagger: a (UPOS, XPOS) class and a lexicon word need N uses (5)"},
    {"explore", 0, "P", OPT_EXPLORE, "parser: chance of following its own move from iteration 2 (0.7)"},
    {"quiet", 'q', NULL, CLI_O_QUIET, "no progress on standard error"},
    CLI_OPT_END,
};

static struct {
    const char *train, *dev, *out, *tagger;
    syn_train_opts t;
} T_ = {NULL, NULL, NULL, NULL, {.iters = 0, .seed = 1, .jackknife = 4, .tagger_iters = 5, .explore = 0.7}};

static int train_option(cli_opts *o, int id, const char *v)
{
    (void)o;
    long x;
    const char *name = NULL;
    for (const cli_option *r = train_options; r->name; r++) if (r->id == id) name = r->name;
    switch (id) {
    case OPT_TRAIN: T_.train = v; return 0;
    case OPT_DEV: T_.dev = v; return 0;
    case OPT_OUT: T_.out = v; return 0;
    case OPT_TAGGER: T_.tagger = v; return 0;
    case OPT_ITERS: if (parse_num(name, v, 1, 100, &x)) return -1; T_.t.iters = (int)x; return 0;
    case OPT_SEED: if (parse_num(name, v, 0, 0x7fffffff, &x)) return -1; T_.t.seed = (uint64_t)x; return 0;
    case OPT_JACKKNIFE: if (parse_num(name, v, 0, 20, &x)) return -1; T_.t.jackknife = (int)x; return 0;
    case OPT_TAGGER_ITERS: if (parse_num(name, v, 1, 100, &x)) return -1; T_.t.tagger_iters = (int)x; return 0;
    case OPT_BITS: if (parse_num(name, v, 10, 24, &x)) return -1; T_.t.bits = (uint32_t)x; return 0;
    case OPT_MIN_COUNT: if (parse_num(name, v, 1, 1000, &x)) return -1; T_.t.min_count = (uint32_t)x; return 0;
    case OPT_LABEL_BITS: if (parse_num(name, v, 10, 24, &x)) return -1; T_.t.label_bits = (uint32_t)x; return 0;
    case OPT_EXPLORE: {
        char *end;
        T_.t.explore = strtod(v, &end);
        if (!*v || *end || T_.t.explore < 0 || T_.t.explore > 1) { cli_usage_error("--explore: '%s' is not a probability", v); return -1; }
        return 0;
    }
    }
    return -1;
}

int cmd_train(cli_opts *o);
int cmd_train(cli_opts *o)
{
    const cli_command *cmd = cli_find("train");
    if (o->argc < 2 || !strcmp(o->argv[1], "--help") || !strcmp(o->argv[1], "-h")) {
        cli_print_help(o->argc < 2 ? stderr : stdout, cmd);
        return o->argc < 2 ? 2 : 0;
    }
    const char *what = o->argv[1];
    int tagger = !strcmp(what, "tagger"), parser = !strcmp(what, "parser");
    if (!tagger && !parser) { cli_usage_error("train: say 'tagger' or 'parser', not '%s'", what); return 2; }
    /* "tagger" / "parser" stands where getopt_long expects the program name. */
    int r = cli_parse(o, o->argc - 1, o->argv + 1, cmd, train_option);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (o->n_files) { cli_usage_error("train: unexpected '%s'", o->files[0]); free(o->files); return 2; }
    free(o->files);
    syn_train_opts t = T_.t;
    t.quiet = o->quiet;
    const char *train = T_.train, *dev = T_.dev, *out = T_.out, *tagger_path = T_.tagger;
    if (!train || !out) { cli_usage_error("train: --train FILE and -o MODEL are needed"); return 2; }
    if (!t.iters) t.iters = tagger ? 10 : 12;
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
