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
    int json, tsv, csv, explain, help, quiet, count, verbose;
    int coded;                        /* dyad code --coded: records the store can take back */
    /* --count totals */
    uint64_t n_docs, n_sents, n_toks, n_bytes, n_events, n_parsed;
    dbuf out;                         /* cli_emit_doc's buffer, freed by cli_each_doc */
    const char *date;                 /* --date YYYY-MM-DD */
    dyad_date date_value;
    int jobs;
    const char *db;
    const char *data;                 /* --data DIR: lexicons and dictionaries */
    const char **files;
    int n_files;
    /* the command's words (argv[0] its name); cli_parse permutes them */
    int argc;
    char **argv;
    int stdout_idle;                  /* the command prints nothing on stdout (ingest) */
    struct cli_progress *progress;    /* the running loop's progress and warnings */
} cli_opts;

/*
 * One row of a command's option table.  The table is the single source of
 * the command's options: cli_parse builds getopt_long's from it, and
 * `COMMAND --help` and the man page (`dyad --man`) are printed from it, so
 * the three never disagree.  Rows with a common id (CLI_O_*) are handled
 * by cli_parse into cli_opts; the others go to the command's callback.
 */
typedef struct cli_option {
    const char *name;        /* long name, without "--" */
    char short_name;         /* one-letter form, 0 if none */
    const char *arg;         /* placeholder of the value ("PATH"); NULL for a flag */
    int id;                  /* CLI_O_* or the command's own (>= CLI_O_OWN) */
    const char *help;        /* one line (or more, split by '\n') of help */
} cli_option;

enum {
    CLI_O_JSON = 1, CLI_O_TSV, CLI_O_CSV, CLI_O_EXPLAIN, CLI_O_QUIET, CLI_O_VERBOSE, CLI_O_COUNT,
    CLI_O_DATE, CLI_O_DB, CLI_O_DATA, CLI_O_JOBS, CLI_O_PEOPLE,
    CLI_O_OWN = 100,
};

/* The rows most commands share. */
#define CLI_OPT_DATE  {"date", 0, "YYYY-MM-DD", CLI_O_DATE, "publication date of documents that carry none"}
#define CLI_OPT_DATA  {"data", 0, "DIR", CLI_O_DATA, "lexicons and patterns from DIR instead of the installed data"}
#define CLI_OPT_COUNT {"count", 0, NULL, CLI_O_COUNT, "only one line of totals (documents, sentences, tokens, events, bytes, sentences parsed)"}
#define CLI_OPT_QUIET {"quiet", 'q', NULL, CLI_O_QUIET, "no warnings and no progress on standard error"}
#define CLI_OPT_VERBOSE {"verbose", 'v', NULL, CLI_O_VERBOSE, "every warning of every document (else repeated ones are summarised)"}
#define CLI_OPT_DB    {"db", 0, "PATH", CLI_O_DB, "the store (SQLite; default dyad.db)"}
#define CLI_OPT_PEOPLE {"people", 0, "FILE", CLI_O_PEOPLE, "also the office-holders of this TSV (docs/officeholders.md; repeatable; or DYAD_PEOPLE)"}
#define CLI_OPT_END   {0, 0, 0, 0, 0}

typedef struct cli_command {
    const char *name;
    const char *summary;              /* one line, in `dyad --help` */
    const char *synopsis;             /* after "usage: dyad " */
    const char *description;          /* paragraphs, or NULL */
    const cli_option *options;
    int (*run)(cli_opts *o);
    const struct cli_command *also;   /* a second form (the store form of quotes, actors) */
} cli_command;

/* A command's own options: id is the row's, arg its value (NULL for a
 * flag).  Returns 0, or -1 after printing a usage error.  The callback may
 * take further words: o->argv[optind] is the next one (advance optind). */
typedef int (*cli_option_fn)(cli_opts *o, int id, const char *arg);

/* Parse argv (argv[0] the command name) with getopt_long against the
 * command's table: --opt=value and --opt value, bundled short options
 * (-qj2), "--" ends options, "-" is standard input; words are o->files.
 * Returns 0 to run, 1 after --help (exit 0), -1 on a usage error (exit 2). */
int cli_parse(cli_opts *o, int argc, char **argv, const cli_command *cmd, cli_option_fn own);

/* `COMMAND --help` and the man page, both from the command table. */
void cli_print_help(FILE *out, const cli_command *cmd);
void cli_print_man(FILE *out);

/* 1 when argv (argv[0] the command name) gives --db and no FILE, judged by
 * the options of `cmd` and its second form: `dyad quotes --db P` reads the
 * store. */
int cli_claims_db(int argc, char **argv, const cli_command *cmd);

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

/* Non-zero once writing standard output failed (a full disk, a closed
 * pipe): the document loops stop, main reports it with cli_stdout_error. */
int cli_stdout_failed(void);
/* The errno of that failure (0 if unknown). */
int cli_stdout_error(void);

/* --people FILE: one more office-holders TSV for the actors lexicon
 * (appended to DYAD_PEOPLE, which actors_load reads). */
void cli_add_people(const char *file);

void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A document's warnings on stderr: through the running loop's progress
 * (first of each kind, the rest summarised at the end), all of them with
 * --verbose, none with -q. */
void cli_doc_warnings(const cli_opts *o, const dyad_doc *d);

/* A document with no text at all (an HTML page with no article, an empty
 * record) failed: the run exits 1.  Says so unless a warning did. */
int cli_doc_failed(const cli_opts *o, const dyad_doc *d);

/* progress.c: the progress line and the warning summary of one loop over
 * the inputs (o->files). */
typedef struct cli_progress cli_progress;
struct ingest_source;
cli_progress *cli_progress_new(const cli_opts *o, const char *verb, int stdout_idle);
/* The input being read (finished == 0), or done with (finished == 1). */
void cli_progress_source(cli_progress *p, const struct ingest_source *src, const char *path, int finished);
void cli_progress_warnings(cli_progress *p, const dyad_doc *d);
/* One more document; redraws at most 4 times a second. */
void cli_progress_doc(cli_progress *p, const dyad_doc *d);
/* Erase the line, print the summaries, free. */
void cli_progress_done(cli_progress *p);
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
