/*
 * cmd_events.c - `dyad events`: the store's events, filtered.
 *
 * One row per event (reports of the same event by several documents are
 * merged; `reports`, `articles` and `sources` count them).  The table
 * shows the first report's sentence as evidence; --json, --csv and --tsv
 * add the mode, negation, first document, verb, rule and confidence.
 * The table is for reading, so without --limit it stops at 1000 rows and
 * says so; the machine formats are never cut unless asked.
 */
#include "cmd_store.h"

#include <stdlib.h>

#define TABLE_ROWS 1000

const cli_option events_options[] = {
    CLI_OPT_DB, STORE_OPT_EVENT_FILTERS, STORE_OPT_JSON, STORE_OPT_CSV, STORE_OPT_TSV, CLI_OPT_END,
};

int cmd_events(cli_opts *o);
int cmd_events(cli_opts *o)
{
    store_cli sc = {0};
    int r = store_cli_parse(o, &sc, cli_find("events"));
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (o->n_files) {
        cli_usage_error("events: unexpected argument '%s' (events reads the store: --db PATH)", o->files[0]);
        free(o->files);
        return 2;
    }
    int fmt = store_cli_format(o);
    if (fmt == OUT_TABLE && !sc.limit_set) sc.f.limit = TABLE_ROWS;
    store *s = store_cli_open(o, 0);
    if (!s) { free(o->files); return 1; }
    char err[512];
    /* id date source target cameo plover goldstein reports sources place evidence */
    static const int maxw[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 24, 80};
    long rows = 0;
    r = store_cli_print(s, store_query_events(s, &sc.f, fmt != OUT_TABLE, err, sizeof err), o, "events",
                        fmt == OUT_TABLE ? maxw : NULL, &rows, err);
    if (!r && fmt == OUT_TABLE && !sc.limit_set && rows == TABLE_ROWS)
        fprintf(stderr, "dyad: events: showing the first %d; --limit N (0 for all) or --json for more\n", TABLE_ROWS);
    store_close(s);
    free(o->files);
    return r;
}
