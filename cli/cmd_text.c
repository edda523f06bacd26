/*
 * cmd_text.c - `dyad text`: the text stage on its own: clean text, sentence
 * boundaries and what was removed.
 */
#include "cli.h"
#include "../core/core.h"
#include "../emit/emit.h"

#include <stdlib.h>

static void text_json(dbuf *b, const dyad_doc *d)
{
    emit_doc_json(b, d, EMIT_TEXT | EMIT_SENTENCES | EMIT_DEBRIS | EMIT_WARNINGS);
}

static int text_one(dyad_doc *d, void *ctx)
{
    cli_opts *o = ctx;
    dyad_text_process(d);
    cli_emit_doc(o, d, text_json, emit_text_human);
    return 0;
}

const cli_option text_options[] = {
    {"json", 0, NULL, CLI_O_JSON, "one JSON object per document"},
    CLI_OPT_COUNT, CLI_OPT_QUIET, CLI_OPT_VERBOSE, CLI_OPT_END,
};

int cmd_text(cli_opts *o);
int cmd_text(cli_opts *o)
{
    int r = cli_parse(o, o->argc, o->argv, cli_find("text"), NULL);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    r = cli_each_doc(o, text_one, o);
    if (o->count) cli_print_count(o);
    free(o->files);
    return r;
}
