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
    const char *by, *svg, *format, *near;
    long batch;
    int limit_set;
} store_cli;

/* The store's own options (ids of cli_option rows; store_cli_parse sets
 * the store_cli members they name). */
enum {
    STORE_O_ACTOR = CLI_O_OWN + 50, STORE_O_SOURCE, STORE_O_TARGET, STORE_O_CAMEO, STORE_O_PLOVER,
    STORE_O_QUAD, STORE_O_FROM, STORE_O_TO, STORE_O_DOC, STORE_O_LIMIT, STORE_O_SPEAKER, STORE_O_TEXT,
    STORE_O_BY, STORE_O_SVG, STORE_O_FORMAT, STORE_O_BATCH, STORE_O_NEAR, STORE_O_KM, STORE_O_COUNTRY,
};
#define STORE_OPT_FROM   {"from", 0, "D", STORE_O_FROM, "from date D (YYYY, YYYY-MM or YYYY-MM-DD), inclusive"}
#define STORE_OPT_TO     {"to", 0, "D", STORE_O_TO, "to date D, inclusive"}
#define STORE_OPT_LIMIT  {"limit", 0, "N", STORE_O_LIMIT, "at most N rows (0: all)"}
#define STORE_OPT_DOC    {"doc", 0, "ID", STORE_O_DOC, "only document ID"}
#define STORE_OPT_JSON   {"json", 0, NULL, CLI_O_JSON, "one JSON object per line"}
#define STORE_OPT_CSV    {"csv", 0, NULL, CLI_O_CSV, "CSV with a header"}
#define STORE_OPT_TSV    {"tsv", 0, NULL, CLI_O_TSV, "tab-separated with a header"}
/* Where the events happened (events, export, timeline). */
#define STORE_OPT_PLACE_FILTERS \
    {"near", 0, "PLACE", STORE_O_NEAR, "placed within --km (default 50) of PLACE, on the sphere: a city,\nregion, landmark, country name or code"}, \
    {"km", 0, "N", STORE_O_KM, "the radius of --near, in km"}, \
    {"country", 0, "CODE", STORE_O_COUNTRY, "placed in country CODE (dyad's: PRK, USA)"}
/* The event filters of events and export. */
#define STORE_OPT_EVENT_FILTERS \
    {"actor", 0, "X", STORE_O_ACTOR, "X as source or target: a CAMEO code or prefix (USA matches\nUSAGOV) or whole words of the actor's name (Kim matches Kim Jong Un)"}, \
    {"source", 0, "X", STORE_O_SOURCE, "X as source"}, \
    {"target", 0, "X", STORE_O_TARGET, "X as target"}, \
    {"cameo", 0, "CODE", STORE_O_CAMEO, "a CAMEO code or its prefix (04 or 042)"}, \
    {"plover", 0, "TYPE", STORE_O_PLOVER, "a PLOVER event type"}, \
    {"quad", 0, "N", STORE_O_QUAD, "quad class 1-4"}, \
    STORE_OPT_PLACE_FILTERS, \
    STORE_OPT_FROM, STORE_OPT_TO, STORE_OPT_DOC, STORE_OPT_LIMIT

/* The store forms of quotes and actors (cmd_query.c), the `also` of those
 * commands. */
extern const cli_command store_quotes_cmd, store_actors_cmd;

/* Parse the common options and the store options of `cmd`.
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
int store_cli_claims(int argc, char **argv, const cli_command *cmd);
/* `dyad quotes --db PATH [--speaker X] [--actor CODE] [--text WORDS]
 * [--from D] [--to D] [--doc ID] [--limit N] [--json|--csv|--tsv]` */
int store_cmd_quotes(cli_opts *o);
/* `dyad actors --db PATH [--actor X] [--from D] [--to D] [--limit N] [...]` */
int store_cmd_actors(cli_opts *o);

#endif
