/*
 * cmd_query.c - the store's other questions: `dyad search WORDS`, and the
 * store forms of `dyad quotes` and `dyad actors` (store_cmd_quotes and
 * store_cmd_actors, reached from those commands when --db is given and no
 * FILE is).
 */
#include "cmd_store.h"

#include <stdlib.h>
#include <string.h>

/* Usage of the store forms, printed by --help after --db. */
static const cli_command quotes_cmd = {
    "quotes", "quotations in the store, by speaker, speaker's actor code, words and date",
    "quotes --db PATH [--speaker NAME|CODE] [--actor CODE] [--text WORDS] [--from D] [--to D]\n"
    "            [--doc ID] [--limit N] [--json|--csv|--tsv]\n\n"
    "  --speaker  the speaker's name (whole words: Kim) or actor code prefix\n"
    "  --actor    the speaker's actor code or prefix (USA matches USAGOV)\n"
    "  --text     words that must all be in the quotation (full-text; no operators)\n"
    "  --from, --to  dates YYYY[-MM[-DD]], inclusive", NULL};
static const cli_command actors_cmd = {
    "actors", "the most active actors in the store, with event and mention counts",
    "actors --db PATH [--actor CODE|NAME] [--from D] [--to D] [--limit N] [--json|--csv|--tsv]\n\n"
    "  events     events the actor is source or target of (as_source, as_target)\n"
    "  reports    reports of those events; mentions, documents: in the text", NULL};

int store_cmd_quotes(cli_opts *o)
{
    store_cli sc = {.allowed = "actor speaker text from to doc limit"};
    int r = store_cli_parse(o, &sc, &quotes_cmd);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (o->n_files) { cli_usage_error("quotes: with --db, no FILE ('%s')", o->files[0]); free(o->files); return 2; }
    /* The table is for reading (and is buffered): 1000 rows unless asked. */
    if (!sc.limit_set && store_cli_format(o) == OUT_TABLE) sc.f.limit = 1000;
    store *s = store_cli_open(o, 0);
    if (!s) { free(o->files); return 1; }
    char err[512];
    /* date speaker code kind quote doc; the machine formats add title,
     * url, sentence and cue */
    static const int maxw[] = {0, 24, 0, 0, 80, 24};
    int fmt = store_cli_format(o);
    r = store_cli_print(s, store_query_quotes(s, &sc.f, fmt != OUT_TABLE, err, sizeof err), o, "quotes",
                        fmt == OUT_TABLE ? maxw : NULL, NULL, err);
    store_close(s);
    free(o->files);
    return r;
}

int store_cmd_actors(cli_opts *o)
{
    store_cli sc = {.allowed = "actor from to limit"};
    int r = store_cli_parse(o, &sc, &actors_cmd);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (o->n_files) { cli_usage_error("actors: with --db, no FILE ('%s')", o->files[0]); free(o->files); return 2; }
    if (!sc.limit_set && store_cli_format(o) == OUT_TABLE) sc.f.limit = 50;
    store *s = store_cli_open(o, 0);
    if (!s) { free(o->files); return 1; }
    char err[512];
    r = store_cli_print(s, store_query_actors(s, &sc.f, err, sizeof err), o, "actors", NULL, NULL, err);
    store_close(s);
    free(o->files);
    return r;
}

int cmd_search(cli_opts *o);
int cmd_search(cli_opts *o)
{
    store_cli sc = {.allowed = "limit"};
    int r = store_cli_parse(o, &sc, cli_find("search"));
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    /* The words arrive as what cli_parse takes for files. */
    size_t len = 1;
    for (int i = 0; i < o->n_files; i++) len += strlen(o->files[i]) + 1;
    char *text = calloc(1, len);
    if (!text) { free(o->files); return 1; }
    for (int i = 0; i < o->n_files; i++) {
        if (i) strcat(text, " ");
        strcat(text, o->files[i]);
    }
    char *fts = store_fts_query(text);
    if (!fts) {
        cli_usage_error("search: what to search for? (dyad search WORDS)");
        free(text);
        free(o->files);
        return 2;
    }
    free(fts);
    store *s = store_cli_open(o, 0);
    if (!s) { free(text); free(o->files); return 1; }
    char err[512];
    /* kind doc date title speaker snippet */
    static const int maxw[] = {0, 18, 0, 36, 20, 90};
    r = store_cli_print(s, store_query_search(s, text, sc.limit_set ? sc.f.limit : 50, err, sizeof err), o,
                        "matches", store_cli_format(o) == OUT_TABLE ? maxw : NULL, NULL, err);
    store_close(s);
    free(text);
    free(o->files);
    return r;
}
