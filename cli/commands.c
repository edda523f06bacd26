/*
 * commands.c - the table of dyad's commands.
 */
#include "cli.h"

#include <string.h>

int cmd_text(cli_opts *o);
int cmd_actors(cli_opts *o);
int cmd_time(cli_opts *o);
int cmd_quotes(cli_opts *o);
int cmd_code(cli_opts *o);

const cli_command cli_commands[] = {
    {"text", "clean text, paragraphs and sentence boundaries of each document",
     "text [--json] [FILE...|-]\n\n"
     "Reads plain-text articles (a first line followed by a blank line is the\n"
     "headline) or JSON lines (id, url, title, published, source, text) and prints\n"
     "each story sentence with its byte span, and the debris that was removed.\n"
     "  --json   one JSON object per document\n"
     "  --count  only a line of totals (documents, sentences, tokens, bytes)", cmd_text},
    {"actors", "actor mentions with CAMEO codes, how each was resolved, and candidates",
     "actors [--json] [--date YYYY-MM-DD] [--candidates] [FILE...|-]", cmd_actors},
    {"time", "publication date, time expressions and each sentence's reference date",
     "time [--json] [--date YYYY-MM-DD] [FILE...|-]", cmd_time},
    {"quotes", "quotations with their speakers",
     "quotes [--json] [--date YYYY-MM-DD] [FILE...|-]", cmd_quotes},
    {"code", "code events in CAMEO and PLOVER: one JSON record per document",
     "code [--tsv] [--explain] [--date YYYY-MM-DD] [-j N] [FILE...|-]", cmd_code},
    {0, 0, 0, 0},
};

const cli_command *cli_find(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (!strcmp(c->name, name)) return c;
    return NULL;
}
