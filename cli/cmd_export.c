/*
 * cmd_export.c - `dyad export --format jsonl|csv|gdelt|plover|icews|phoenix`: the store's
 * events for other tools, on standard output, with the filters of
 * `dyad events`.
 */
#include "cmd_store.h"

#include <stdlib.h>

const cli_option export_options[] = {
    {"format", 0, "F", STORE_O_FORMAT, "jsonl (the default), csv, gdelt, plover, icews, phoenix or map (placed events: id, date, source, target,\ncameo, lat, lon, place, country, how)"},
    CLI_OPT_DB, STORE_OPT_EVENT_FILTERS, CLI_OPT_END,
};

int cmd_export(cli_opts *o);
int cmd_export(cli_opts *o)
{
    store_cli sc = {0};
    int r = store_cli_parse(o, &sc, cli_find("export"));
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    int format = store_export_parse(sc.format ? sc.format : "jsonl");
    if (format < 0 || o->n_files) {
        if (format < 0) cli_usage_error("export: --format '%s': jsonl, csv, gdelt, plover, icews, phoenix or map", sc.format);
        else cli_usage_error("export: unexpected argument '%s'", o->files[0]);
        free(o->files);
        return 2;
    }
    store *s = store_cli_open(o, 0);
    if (!s) { free(o->files); return 1; }
    char err[512];
    store_export_opts eo = {.data_dir = o->data};
    r = store_export_to(s, &sc.f, format, &eo, stdout, err, sizeof err);
    if (r) fprintf(stderr, "dyad: export: %s\n", err);
    else if (eo.left_out && !o->quiet)
        fprintf(stderr, "dyad: export: %ld events left out: negated, undated or without what the format requires\n",
                eo.left_out);
    fflush(stdout);
    store_close(s);
    free(o->files);
    return r ? 1 : 0;
}
