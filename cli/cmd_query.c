/*
 * cmd_query.c - the store's other questions: `dyad search WORDS`, and the
 * store forms of `dyad quotes` and `dyad actors` (store_cmd_quotes and
 * store_cmd_actors, reached from those commands when --db is given and no
 * FILE is).
 */
#include "cmd_store.h"

#include <stdlib.h>
#include <string.h>

static const cli_option store_quotes_options[] = {
    CLI_OPT_DB,
    {"speaker", 0, "NAME|CODE", STORE_O_SPEAKER, "the speaker's name (whole words: Kim) or actor code prefix"},
    {"actor", 0, "CODE", STORE_O_ACTOR, "the speaker's actor code or prefix (USA matches USAGOV)"},
    {"text", 0, "WORDS", STORE_O_TEXT, "words that must all be in the quotation (full-text; no operators)"},
    STORE_OPT_FROM, STORE_OPT_TO, STORE_OPT_DOC,
    {"limit", 0, "N", STORE_O_LIMIT, "at most N quotations (the table stops at 1000 unless given; 0: all)"},
    STORE_OPT_JSON, STORE_OPT_CSV, STORE_OPT_TSV, CLI_OPT_END,
};
static const cli_option store_actors_options[] = {
    CLI_OPT_DB,
    {"actor", 0, "CODE|NAME", STORE_O_ACTOR, "only actors whose code starts with CODE or whose name has NAME"},
    STORE_OPT_FROM, STORE_OPT_TO,
    {"limit", 0, "N", STORE_O_LIMIT, "at most N actors (the table shows 50 unless given; 0: all)"},
    STORE_OPT_JSON, STORE_OPT_CSV, STORE_OPT_TSV, CLI_OPT_END,
};
const cli_option search_options[] = {
    CLI_OPT_DB,
    {"limit", 0, "N", STORE_O_LIMIT, "at most N matches (default 50)"},
    STORE_OPT_JSON, STORE_OPT_CSV, STORE_OPT_TSV, CLI_OPT_END,
};

/* The store forms of quotes and actors: --help of those commands prints
 * them after the per-document form. */
const cli_command store_quotes_cmd = {
    "quotes", "quotations in the store, by speaker, speaker's actor code, words and date",
    "quotes --db PATH [OPTIONS]", NULL, store_quotes_options, NULL, NULL};
const cli_command store_actors_cmd = {
    "actors", "the most active actors in the store, with event and mention counts",
    "actors --db PATH [OPTIONS]",
    "Per actor: events the actor is source or target of (as_source, as_target),\n"
    "reports of those events, and mentions and documents in the text.",
    store_actors_options, NULL, NULL};

int store_cmd_quotes(cli_opts *o)
{
    store_cli sc = {0};
    int r = store_cli_parse(o, &sc, &store_quotes_cmd);
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
    store_cli sc = {0};
    int r = store_cli_parse(o, &sc, &store_actors_cmd);
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
    store_cli sc = {0};
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
