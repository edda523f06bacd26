/*
 * code_dict.c - the dictionary options of `dyad code` (code_dict.h).
 */
#include "code_dict.h"
#include "../dict/tabari_code.h"
#include "../events/events.h"
#include "../events/tabari_compile.h"
#include "../pipeline/hooks.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_ACTOR_FILES 32

static struct {
    const char *verbs, *agents, *discards;
    const char *actors[MAX_ACTOR_FILES];
    int n_actors, add, any, one_coder, literal;
} opt;

struct code_dict {
    dyad_model *model;
    tabari_coder *coder;
    long compiled_unusable;         /* TABARI patterns dyad's model cannot hold */
};

/* A further argument after --actors FILE that is itself an actor file
 * ("--actors A.txt B.txt"): a readable regular file, not a document format,
 * that reads as an actor dictionary. */
static int another_actor_file(const char *a)
{
    if (a[0] == '-') return 0;
    size_t n = strlen(a);
    static const char *const docs[] = {".jsonl", ".json", ".gz", ".warc", ".arc", ".html", ".htm", NULL};
    for (const char *const *s = docs; *s; s++) {
        size_t l = strlen(*s);
        if (n >= l && !strcmp(a + n - l, *s)) return 0;
    }
    struct stat st;
    if (stat(a, &st) || !S_ISREG(st.st_mode)) return 0;
    return tabari_sniff(a) == TABARI_KIND_ACTORS;
}

int code_dict_option(cli_opts *o, int id, const char *arg)
{
    if (id == CODE_DICT_O_ADD) { opt.add = 1; return 0; }
    if (id == CODE_DICT_O_ONE) { opt.one_coder = 1; return 0; }
    if (id == CODE_DICT_O_LITERAL) { opt.literal = 1; return 0; }
    const char **slot = id == CODE_DICT_O_VERBS ? &opt.verbs : id == CODE_DICT_O_AGENTS ? &opt.agents :
                        id == CODE_DICT_O_DISCARDS ? &opt.discards : NULL;
    if (!slot && id != CODE_DICT_O_ACTORS) return -1;
    opt.any = 1;
    if (slot) {
        if (*slot) { cli_usage_error("--%s given twice", id == CODE_DICT_O_VERBS ? "verbs" : id == CODE_DICT_O_AGENTS ? "agents" : "discards"); return -1; }
        *slot = arg;
        return 0;
    }
    /* "--actors A.txt B.txt": the words after the value that are actor
     * dictionaries are taken too (getopt_long goes on after them). */
    const char *f = arg;
    for (;;) {
        if (opt.n_actors == MAX_ACTOR_FILES) { cli_usage_error("more than %d actor files", MAX_ACTOR_FILES); return -1; }
        opt.actors[opt.n_actors++] = f;
        if (optind >= o->argc || !another_actor_file(o->argv[optind])) break;
        f = o->argv[optind++];
    }
    return 0;
}

static void after_actors(void *ctx, dyad_doc *d) { tabari_coder_actors(ctx, d); }
static void after_events(void *ctx, dyad_doc *d)
{
    if (tabari_coder_has_verbs(ctx)) tabari_coder_events(ctx, d, NULL);
    tabari_coder_discard(ctx, d);
}

int code_dict_given(void) { return opt.any; }

code_dict *code_dict_open(const cli_opts *o, int *failed)
{
    *failed = 0;
    if (!opt.any) {
        if (opt.add) { cli_usage_error("--add goes with --verbs, --actors, --agents or --discards"); *failed = 1; }
        return NULL;
    }
    *failed = 1;
    code_dict *cd = calloc(1, sizeof *cd);
    if (!cd) return NULL;
    int own_actors = opt.add || (!opt.n_actors && !opt.agents);
    int own_events = opt.add || !opt.verbs;
    char err[1024] = "";
    cd->model = dyad_model_load_parts(o->data, own_actors, own_events, err, sizeof err);
    /* --one-coder: the verb patterns compiled into dyad's own model
     * (events/tabari_compile.c) for events/coder.c; else the token matcher
     * (dict/tc_*), which still reproduces more of TABARI's validation suite. */
    int compile = opt.verbs && !opt.add && opt.one_coder;
    if (cd->model && compile) {
        tabari_verbs tv;
        const char *dir = o->data ? o->data : dyad_default_data_dir();
        if (tabari_load_verbs(opt.verbs, &tv, NULL, NULL) < 0)
            snprintf(err, sizeof err, "%s: cannot read the verb dictionary", opt.verbs);
        else if ((cd->model->events = events_from_tabari(dir, &tv, err, sizeof err))) {
            cd->compiled_unusable = tv.unusable + (long)events_unusable(cd->model->events);
            events_set_literal(cd->model->events, opt.literal);
        }
        tabari_verbs_free(&tv);
        if (!cd->model->events) { dyad_model_free(cd->model); cd->model = NULL; }
    }
    tabari_files f = {compile ? NULL : opt.verbs, opt.actors, opt.n_actors, opt.agents, opt.discards, o->data};
    if (cd->model) cd->coder = tabari_coder_load(&f, NULL, NULL, err, sizeof err);
    if (!cd->model || !cd->coder) {
        fprintf(stderr, "dyad: %s\n", err[0] ? err : "cannot load the model");
        code_dict_close(cd);
        return NULL;
    }
    tabari_coder_stats st;
    tabari_coder_stats_get(cd->coder, &st);
    st.unusable += cd->compiled_unusable;
    if (st.unusable && !o->quiet)
        fprintf(stderr, "dyad: %ld dictionary lines could not be used; 'dyad dict check FILE...' lists them\n",
                st.unusable);
    *failed = 0;
    return cd;
}

dyad_model *code_dict_model(const code_dict *cd) { return cd->model; }

void code_dict_process(code_dict *cd, dyad_doc *d, const dyad_options *o)
{
    dyad_hooks h = {after_actors, after_events, cd->coder};
    dyad_process_hooked(cd->model, d, o, &h);
}

void code_dict_explain(code_dict *cd, dyad_doc *d, FILE *out)
{
    if (cd->model->events) events_explain(cd->model->events, d, out);
    else d->n_events = 0;
    if (tabari_coder_has_verbs(cd->coder)) {
        fprintf(out, "-- with the TABARI / PETRARCH verb patterns\n");
        tabari_coder_events(cd->coder, d, out);
    }
    tabari_coder_discard(cd->coder, d);
}

void code_dict_close(code_dict *cd)
{
    if (!cd) return;
    dyad_model_free(cd->model);
    tabari_coder_free(cd->coder);
    free(cd);
}
