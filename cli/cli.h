/*
 * cli.h - the dyad command: shared option parsing and the document loop.
 *
 * Every command that reads documents takes the same inputs ([FILE...|-])
 * and common options; cli_each_doc runs ingest for each input, gives each
 * document to the command's callback, reports per-document failures on
 * stderr as "dyad: FILE:LINE: message" and carries on.
 *
 * Exit codes: 0 success, 1 some document or input failed (the rest were
 * processed), 2 usage error.
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdio.h>

#include "dyad.h"
#include "../core/core.h"

typedef struct {
    int json, tsv, csv, explain, help, quiet, count;
    /* --count totals */
    uint64_t n_docs, n_sents, n_toks, n_bytes, n_events;
    dbuf out;                         /* cli_emit_doc's buffer, freed by cli_each_doc */
    const char *date;                 /* --date YYYY-MM-DD */
    dyad_date date_value;
    int jobs;
    const char *db;
    const char *data;                 /* --data DIR: lexicons and dictionaries */
    const char **files;
    int n_files;
    /* free-form extra options a command parses itself */
    int argc;
    char **argv;
} cli_opts;

typedef struct cli_command {
    const char *name;
    const char *summary;
    const char *usage;                /* printed by COMMAND --help */
    int (*run)(cli_opts *o);
} cli_command;

/* Parse the common options; unknown options are a usage error unless the
 * command's `extra` callback takes them (returns the number of argv words
 * consumed, 0 if not its option). */
int cli_parse(cli_opts *o, int argc, char **argv, const cli_command *cmd,
              int (*extra)(cli_opts *o, int argc, char **argv, int i));

typedef int (*cli_doc_fn)(dyad_doc *doc, void *ctx);
/* Returns 0 if every document went through, 1 otherwise. */
int cli_each_doc(cli_opts *o, cli_doc_fn fn, void *ctx);

/* The per-document job of a parallel command: process doc, append its
 * output to out; non-zero marks the document failed. */
typedef int (*cli_work_fn)(dyad_doc *doc, dbuf *out, void *ctx);
/* Like cli_each_doc on o->jobs threads, output in input order. */
int cli_each_doc_parallel(cli_opts *o, cli_work_fn work, void *ctx);
/* The in-order tail of a parallel command (the store, for ingest): runs on
 * one thread, in input order, after work; gets work's return and gives the
 * document's: 0 ok, 1 failed, CLI_SKIPPED (done before: no warnings). */
#define CLI_SKIPPED 2
typedef int (*cli_sink_fn)(dyad_doc *doc, int work_result, dbuf *out, void *ctx);
/* Reading, work on o->jobs threads and the sink, all at once (parallel.c). */
int cli_each_doc_ordered(cli_opts *o, cli_work_fn work, cli_sink_fn sink, void *ctx);

void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_doc_warnings(const dyad_doc *d);
/* The tail of every per-document command: warnings on stderr (unless
 * --quiet), nothing more with --count, else one JSON line (--json) or the
 * human view on stdout.  The output buffer is o->out, reused. */
typedef void (*cli_json_fn)(dbuf *b, const dyad_doc *d);
typedef void (*cli_human_fn)(FILE *out, const dyad_doc *d);
void cli_emit_doc(cli_opts *o, const dyad_doc *d, cli_json_fn json, cli_human_fn human);

/* --count: one line of totals, for benchmarks and quick looks. */
void cli_print_count(const cli_opts *o);

/* Load the model (lexicons ...) named by --data or the default; on
 * failure prints the reason and returns NULL. */
dyad_model *cli_load_model(const cli_opts *o);
/* The options the pipeline takes from the command line. */
dyad_options cli_pipeline_options(const cli_opts *o);

extern const cli_command cli_commands[];
const cli_command *cli_find(const char *name);

#endif
