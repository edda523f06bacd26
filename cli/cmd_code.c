/*
 * cmd_code.c - `dyad code`: the whole pipeline, one JSON record per
 * document (actors, time, quotes, events), or one GDELT-style TSV line per
 * event, or --explain: per sentence, which verb pattern fired and why.
 * --require-target drops events without a target.
 */
#include "cli.h"
#include "code_dict.h"
#include "../emit/emit.h"
#include "../events/events.h"
#include "../pipeline/pipeline.h"

#include <stdlib.h>

enum { CODE_O_CODED = CLI_O_OWN + 50, CODE_O_REQUIRE_TARGET, CODE_O_NO_PLACES };

typedef struct {
    cli_opts *o;
    dyad_model *model;
    dyad_options opt;
    code_dict *dict;                  /* --verbs / --actors ...: TABARI dictionaries */
} code_ctx;

static int require_target;            /* --require-target */
static int no_places;                 /* --no-places */

static int code_one(dyad_doc *d, dbuf *out, void *p)
{
    code_ctx *c = p;
    if (c->dict) code_dict_process(c->dict, d, &c->opt);
    else dyad_process(c->model, d, &c->opt);
    if (require_target) events_require_target(d);
    if (c->o->count) return 0;
    if (c->o->explain) {
        /* Explanations go straight to stdout: --explain runs on one thread. */
        printf("== %s%s%s\n", d->id, d->title ? "  " : "", d->title ? d->title : "");
        if (c->dict) code_dict_explain(c->dict, d, stdout);
        else events_explain(c->model->events, d, stdout);
        return 0;
    }
    if (c->o->tsv) emit_events_tsv(out, d);
    else if (c->o->coded) {
        emit_doc_coded_json(out, d);
        dbuf_putc(out, '\n');
    } else {
        emit_doc_json(out, d, EMIT_TIME | EMIT_ACTORS | EMIT_QUOTES | EMIT_EVENTS | EMIT_WARNINGS);
        dbuf_putc(out, '\n');
    }
    return 0;
}

const cli_option code_options[] = {
    {"tsv", 0, NULL, CLI_O_TSV, "one GDELT-style line per event instead of the JSON record"},
    {"explain", 0, NULL, CLI_O_EXPLAIN, "per sentence, which verb pattern fired and why (one thread)"},
    {"json", 0, NULL, CLI_O_JSON, "the JSON record (the default)"},
    {"coded", 0, NULL, CODE_O_CODED, "the record with a \"coded\" member: what the store needs, so that 'dyad ingest' "
                                     "stores it without coding it again (code on many machines, store on one)"},
    {"require-target", 0, NULL, CODE_O_REQUIRE_TARGET, "drop events without a target"},
    {"no-places", 0, NULL, CODE_O_NO_PLACES, "skip the where stage: events carry no place (what it costs: make bench)"},
    CLI_OPT_DATE,
    {"jobs", 'j', "N", CLI_O_JOBS, "N threads; the output stays in input order"},
    CLI_OPT_DATA, CODE_DICT_OPTIONS, CLI_OPT_COUNT, CLI_OPT_QUIET, CLI_OPT_VERBOSE, CLI_OPT_PEOPLE,
    CLI_OPT_END,
};

static int code_option(cli_opts *o, int id, const char *arg)
{
    if (id == CODE_O_CODED) { o->coded = 1; return 0; }
    if (id == CODE_O_REQUIRE_TARGET) { require_target = 1; return 0; }
    if (id == CODE_O_NO_PLACES) { no_places = 1; return 0; }
    return code_dict_option(o, id, arg);
}

int cmd_code(cli_opts *o);
int cmd_code(cli_opts *o)
{
    int r = cli_parse(o, o->argc, o->argv, cli_find("code"), code_option);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (o->tsv + o->explain + o->coded > 1) {
        cli_usage_error("code: --tsv, --coded and --explain are different outputs; choose one");
        free(o->files);
        return 2;
    }
    int failed;
    code_dict *dict = code_dict_open(o, &failed);
    if (failed) { free(o->files); return 1; }
    code_ctx c = {o, dict ? code_dict_model(dict) : cli_load_model(o), cli_pipeline_options(o), dict};
    if (!c.model) { free(o->files); return 1; }
    /* --no-places: a model without the where stage ("NULL: no places"). */
    if (no_places) { where_free(c.model->where); c.model->where = NULL; }
    if (o->explain) { o->jobs = 1; c.opt.parse_all = 1; }  /* explain names verbs outside the dictionary too */
    if (o->tsv && !o->count)
        printf("date\tsource\ttarget\tcameo\troot\tquad\tgoldstein\tdoc_id\turl\n");
    r = cli_each_doc_parallel(o, code_one, &c);
    if (o->count) cli_print_count(o);
    if (dict) code_dict_close(dict);
    else dyad_model_free(c.model);
    free(o->files);
    return r;
}
