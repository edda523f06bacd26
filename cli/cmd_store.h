/*
 * cmd_store.h - what the store's commands share: the query options, the
 * output format, opening the store named by --db (default dyad.db).
 *
 * `dyad quotes` and `dyad actors` are per-document commands of their
 * stages; given --db and no FILE they query the store instead, through
 * store_cmd_quotes / store_cmd_actors (dispatch with store_cli_claims).
 */
#ifndef DYAD_CMD_STORE_H
#define DYAD_CMD_STORE_H

#include "cli.h"
#include "../store/store.h"

#define STORE_DEFAULT_DB "dyad.db"

typedef struct {
    store_filter f;
    const char *by, *svg, *format;
    long batch;
    int limit_set;
    const char *allowed;    /* the store options this command takes, space-separated */
} store_cli;

/* Parse the common options and the allowed store options of `cmd`.
 * Returns 0 to run, 1 after --help (exit 0), -1 on a usage error (exit 2);
 * the caller frees o->files. */
int store_cli_parse(cli_opts *o, store_cli *sc, const cli_command *cmd);
/* OUT_TABLE, OUT_JSON, OUT_CSV or OUT_TSV from --json / --csv / --tsv. */
int store_cli_format(const cli_opts *o);
const char *store_cli_path(const cli_opts *o);
/* Open the store, printing why not; create only for ingest. */
store *store_cli_open(const cli_opts *o, int create);
/* Columns of the terminal on standard output, 0 when it is not one. */
int store_cli_width(void);
/* Run a query statement to standard output; the exit status. */
int store_cli_print(store *s, sqlite3_stmt *st, const cli_opts *o, const char *noun, const int *maxw,
                    long *rows, const char *err);

/* 1 when argv (argv[0] the command name) asks for the store: --db is given
 * and no FILE or '-' is, so `dyad quotes --db P ...` reads the database. */
int store_cli_claims(int argc, char **argv);
/* `dyad quotes --db PATH [--speaker X] [--actor CODE] [--text WORDS]
 * [--from D] [--to D] [--doc ID] [--limit N] [--json|--csv|--tsv]` */
int store_cmd_quotes(cli_opts *o);
/* `dyad actors --db PATH [--actor X] [--from D] [--to D] [--limit N] [...]` */
int store_cmd_actors(cli_opts *o);

#endif
