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
int cmd_ingest(cli_opts *o);
int cmd_events(cli_opts *o);
int cmd_search(cli_opts *o);
int cmd_timeline(cli_opts *o);
int cmd_export(cli_opts *o);
int cmd_dict(cli_opts *o);
int cmd_serve(cli_opts *o);
int cmd_eval(cli_opts *o);

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
     "code [--tsv] [--explain] [--date YYYY-MM-DD] [-j N] [FILE...|-]\n"
     "     [--verbs FILE] [--actors FILE...] [--agents FILE] [--discards FILE] [--add]\n\n"
     "  --verbs, --actors, --agents, --discards  code with TABARI / PETRARCH\n"
     "           dictionaries instead of dyad's own of that kind (--actors may be\n"
     "           repeated or followed by more actor files)\n"
     "  --add    use them on top of dyad's own dictionaries", cmd_code},
    {"ingest", "code documents into the event store (SQLite, --db PATH, default dyad.db)",
     "ingest [--db PATH] [--date YYYY-MM-DD] [--batch N] [-q] [FILE...|-]\n\n"
     "Codes each document and stores it with its sentences, actors, quotes and\n"
     "events.  A document already in the store (same id) is skipped, so running\n"
     "again after an interruption completes the rest.  Commits every --batch\n"
     "documents (200) or every second.", cmd_ingest},
    {"events", "events in the store: one row per event, however many reports",
     "events [--db PATH] [--actor X] [--source X] [--target X] [--cameo 04|042] [--plover TYPE]\n"
     "       [--quad 1-4] [--from D] [--to D] [--doc ID] [--limit N] [--json|--csv|--tsv]\n\n"
     "  --actor X   X as source or target: a CAMEO code or prefix (USA matches USAGOV)\n"
     "              or whole words of the actor's name (Kim matches Kim Jong Un)\n"
     "  --from, --to  YYYY[-MM[-DD]], inclusive\n"
     "  --limit N   at most N events (the table stops at 1000 unless given; 0: all)", cmd_events},
    {"search", "full-text search over the stored documents and quotes, with snippets",
     "search [--db PATH] [--limit N] [--json|--csv|--tsv] WORDS...\n\n"
     "Finds documents and quotations containing all the words (no operators:\n"
     "every character is searched for as typed); best matches first, 50 unless --limit.", cmd_search},
    {"timeline", "events between two actors per period, both directions, with a chart",
     "timeline A B [--db PATH] [--by day|week|month|year] [--from D] [--to D] [--svg FILE]\n"
     "         [--json|--csv|--tsv]\n\n"
     "A and B are actor codes, code prefixes or names, as in 'dyad events --actor'.\n"
     "Per period: events A->B and B->A, Goldstein sum and mean, quad-class mix.\n"
     "  --svg FILE  also write an SVG chart of the timeline", cmd_timeline},
    {"export", "export the store's events as JSON lines, CSV, GDELT 1.0 or PLOVER",
     "export [--format jsonl|csv|gdelt|plover] [--db PATH] [the filters of 'dyad events']\n\n"
     "  jsonl   one event per line with all its reports and evidence (the default)\n"
     "  csv     one event per line, with a header\n"
     "  gdelt   the GDELT 1.0 event table: 58 tab-separated columns, empty where unknown\n"
     "  plover  PLOVER JSON records, one per line", cmd_export},
    {"dict", "check TABARI / PETRARCH dictionaries: every line that cannot be used",
     "dict check [--quiet] [--no-warnings] FILE...\n\n"
     "Loads each verb, actor, agent or discard dictionary (the kind is read from\n"
     "the content), prints every line it cannot use as FILE:LINE: unusable: WHY:\n"
     "TEXT (and every warning), then a summary line per file.  Exit 0 when every\n"
     "line was usable, 1 when some was not (or a file is unreadable), 2 on usage\n"
     "errors.  To code with the dictionaries: dyad code --verbs F --actors F...\n"
     "--agents F [--discards F] [--add]; see docs/tabari-dictionaries.md.\n"
     "  --quiet        only the summaries\n"
     "  --no-warnings  only the unusable lines", cmd_dict},
    {"serve", "the store over HTTP: a JSON API and a web page (timelines, events, evidence)",
     "serve [--db PATH] [--listen HOST:PORT] [--threads N] [--allow-code] [--web DIR] [--query-ms N] [-q]\n\n"
     "Serves the store read-only (a 'dyad ingest' may write meanwhile) on\n"
     "127.0.0.1:8080 unless --listen says (port 0: any free port, printed on\n"
     "stderr); open the address in a browser.  The API is described at\n"
     "/api/openapi.json.  Stops on Ctrl-C or SIGTERM.\n"
     "  --threads N    threads answering requests (4)\n"
     "  --allow-code   POST /api/code codes a posted text (not stored)\n"
     "  --web DIR      the page's files (default: web/ beside the data folder)\n"
     "  --query-ms N   time limit of one query (3000); longer ones get 503", cmd_serve},
    {"eval", "score the coder against a hand-coded gold set: precision, recall, F1",
     "eval events GOLD.tsv [CORPUS...] [--shared DIR] [--list] [--data DIR]\n"
     "     [--verbs FILE] [--actors FILE...] [--agents FILE] [--discards FILE] [--add]\n\n"
     "Codes every document the gold file names (tests/gold/events.tsv; format in\n"
     "tests/gold/README.md), each at the publication date the gold file gives, and\n"
     "prints precision, recall and F1 at four levels: exact (CAMEO code, source,\n"
     "target), root (CAMEO root, source, target), countries (root and the sides'\n"
     "countries) and sentence (an event or none); then duplicates and dates.\n"
     "Corpora are read from the paths the gold file names under ../shared (or\n"
     "--shared DIR, or $DYAD_SHARED); a CORPUS argument ending in such a path is\n"
     "read instead.  Exit 1 when a corpus or gold document is missing.\n"
     "  --list   also list every missed, spurious and wrongly dated event\n"
     "  --verbs ... --add  score the coder with TABARI / PETRARCH dictionaries", cmd_eval},
    {0, 0, 0, 0},
};

const cli_command *cli_find(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (!strcmp(c->name, name)) return c;
    return NULL;
}
