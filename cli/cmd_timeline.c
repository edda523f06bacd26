/*
 * cmd_timeline.c - `dyad timeline A B`: the events between two actors per
 * period, both directions, as a table with sparklines (or --json, --csv,
 * --tsv), and with --svg FILE a chart for a report.
 */
#include "cmd_store.h"

#include <stdlib.h>
#include <string.h>

const cli_option timeline_options[] = {
    CLI_OPT_DB,
    {"by", 0, "PERIOD", STORE_O_BY, "day, week, month (the default) or year"},
    STORE_OPT_FROM, STORE_OPT_TO, STORE_OPT_PLACE_FILTERS,
    {"svg", 0, "FILE", STORE_O_SVG, "also write an SVG chart of the timeline to FILE"},
    STORE_OPT_JSON, STORE_OPT_CSV, STORE_OPT_TSV, CLI_OPT_QUIET, CLI_OPT_END,
};

int cmd_timeline(cli_opts *o);
int cmd_timeline(cli_opts *o)
{
    store_cli sc = {0};
    int r = store_cli_parse(o, &sc, cli_find("timeline"));
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (o->n_files != 2) {
        cli_usage_error("timeline: give two actors, e.g. 'dyad timeline USA PRK' (%d given)", o->n_files);
        free(o->files);
        return 2;
    }
    if (!o->files[0][strspn(o->files[0], " \t")] || !o->files[1][strspn(o->files[1], " \t")]) {
        cli_usage_error("timeline: an actor is empty");
        free(o->files);
        return 2;
    }
    int by = store_by_parse(sc.by ? sc.by : "month");
    if (by < 0) {
        cli_usage_error("timeline: --by '%s': day, week, month or year", sc.by);
        free(o->files);
        return 2;
    }
    store *s = store_cli_open(o, 0);
    if (!s) { free(o->files); return 1; }
    timeline tl;
    char err[512];
    if (store_timeline_filtered(s, o->files[0], o->files[1], by, &sc.f, &tl, err, sizeof err)) {
        fprintf(stderr, "dyad: %s\n", err);
        store_close(s);
        free(o->files);
        return 1;
    }
    timeline_print(stdout, store_cli_format(o), &tl);
    if (sc.svg) {
        dbuf b = {0};
        timeline_svg(&b, &tl);
        /* Written whole to a temporary name and renamed: a reader never
         * sees half a chart. */
        size_t n = strlen(sc.svg) + 8;
        char *tmp = malloc(n);
        FILE *f = NULL;
        if (tmp) { snprintf(tmp, n, "%s.tmp", sc.svg); f = fopen(tmp, "wb"); }
        if (!f || fwrite(b.ptr, 1, b.len, f) != b.len || fclose(f) || rename(tmp, sc.svg)) {
            fprintf(stderr, "dyad: %s: cannot write the chart\n", sc.svg);
            if (tmp) remove(tmp);
            r = 1;
        } else if (!o->quiet)
            fprintf(stderr, "dyad: timeline: chart written to %s\n", sc.svg);
        free(tmp);
        dbuf_free(&b);
    }
    timeline_free(&tl);
    store_close(s);
    free(o->files);
    return r;
}
