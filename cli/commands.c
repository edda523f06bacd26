/*
 * commands.c - the table of dyad's commands: name, summary, synopsis and
 * description of each, and its option table (defined beside the command's
 * code, in cli/cmd_*.c).  `COMMAND --help` and the man page are printed
 * from this table (help.c), and cli_parse accepts exactly these options.
 */
#include "cli.h"
#include "cmd_store.h"

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
int cmd_lexicon(cli_opts *o);
int cmd_eval(cli_opts *o);
int cmd_serve(cli_opts *o);

int cmd_parse(cli_opts *o);
int cmd_train(cli_opts *o);

extern const cli_option text_options[], actors_options[], time_options[], quotes_options[], code_options[],
    ingest_options[], events_options[], search_options[], timeline_options[], export_options[], dict_options[],
    eval_options[], parse_options[], train_options[], lexicon_options[], serve_options[];

const cli_command cli_commands[] = {
    {"text", "clean text, paragraphs and sentence boundaries of each document",
     "text [OPTIONS] [FILE...|-]",
     "Reads plain-text articles (a first line followed by a blank line is the\n"
     "headline), JSON lines (id, url, title, published, source, text), HTML pages\n"
     "or WARC/ARC archives and prints each story sentence with its byte span, and\n"
     "the debris that was removed.",
     text_options, cmd_text, NULL},
    {"actors", "actor mentions with CAMEO codes, how each was resolved, and candidates",
     "actors [OPTIONS] [FILE...|-]",
     "Each actor mention with its span, the entity it names, its CAMEO code at the\n"
     "document's date (a role held then; undated documents leave dated roles\n"
     "unresolved and say so) and how it was resolved (lexicon, composition,\n"
     "coreference, context).",
     actors_options, cmd_actors, &store_actors_cmd},
    {"time", "publication date, time expressions and each sentence's reference date",
     "time [OPTIONS] [FILE...|-]",
     "The publication date and where it came from (metadata, --date, the dateline\n"
     "or inferred from the text), every time expression with its TIMEX3 value and\n"
     "date, and each sentence's reference date.",
     time_options, cmd_time, NULL},
    {"quotes", "quotations with their speakers",
     "quotes [OPTIONS] [FILE...|-]",
     "Direct, partial, indirect and scare quotes with their speaker (name and\n"
     "CAMEO code), cue verb and sentence date.",
     quotes_options, cmd_quotes, &store_quotes_cmd},
    {"code", "code events in CAMEO and PLOVER: one JSON record per document",
     "code [OPTIONS] [FILE...|-]",
     "The whole pipeline: one JSON record per document (actors, time, quotes,\n"
     "events with CAMEO, Goldstein, quad class, PLOVER, evidence and rule), or\n"
     "--tsv one GDELT-style line per event, or --explain what fired and why.\n"
     "With --verbs, --actors, --agents or --discards it codes with TABARI /\n"
     "PETRARCH dictionaries instead of dyad's own of that kind (see\n"
     "docs/tabari-dictionaries.md).",
     code_options, cmd_code, NULL},
    {"ingest", "code documents into the event store (SQLite, --db PATH, default dyad.db)",
     "ingest [OPTIONS] [FILE...|-]",
     "Codes each document and stores it with its sentences, actors, quotes and\n"
     "events.  A document already in the store (same id) is skipped, so running\n"
     "again after an interruption completes the rest.  Commits every --batch\n"
     "documents or every second.  -j N codes on N threads while one more writes\n"
     "the store, in input order.",
     ingest_options, cmd_ingest, NULL},
    {"events", "events in the store: one row per event, however many reports",
     "events [OPTIONS]",
     "One row per event, however many documents reported it (reports, articles,\n"
     "sources).  Actors (X) are CAMEO codes or prefixes (USA matches USAGOV) or\n"
     "whole words of a name (Kim matches Kim Jong Un); dates are YYYY, YYYY-MM\n"
     "or YYYY-MM-DD, inclusive.  The table stops at 1000 rows unless --limit is\n"
     "given (0: all).",
     events_options, cmd_events, NULL},
    {"search", "full-text search over the stored documents and quotes, with snippets",
     "search [OPTIONS] WORDS...",
     "Finds documents and quotations containing all the words (no operators:\n"
     "every character is searched for as typed); best matches first, 50 unless\n"
     "--limit.",
     search_options, cmd_search, NULL},
    {"timeline", "events between two actors per period, both directions, with a chart",
     "timeline [OPTIONS] A B",
     "A and B are actor codes, code prefixes or names, as in 'dyad events\n"
     "--actor'.  Per period: events A->B and B->A, Goldstein sum and mean,\n"
     "quad-class mix, sparklines.",
     timeline_options, cmd_timeline, NULL},
    {"export", "export the store's events as JSON lines, CSV, GDELT 1.0, PLOVER, ICEWS or Phoenix",
     "export [OPTIONS]",
     "jsonl: one event per line with all its reports and evidence (the default);\n"
     "csv: one event per line, with a header, codes as text (044); gdelt: the\n"
     "GDELT 1.0 event table, 58 tab-separated columns, empty where unknown;\n"
     "plover: PLOVER JSON records, one per line; icews: ICEWS-style TSV with its\n"
     "header (Event ID, Event Date, Source Name ...); phoenix: Phoenix TSV, 26\n"
     "columns, no header.  gdelt, plover, icews and phoenix leave out negated and\n"
     "undated events (and plover CAMEO 01-02 and events missing a required\n"
     "recipient), and say how many; dates are the first day of the event's\n"
     "period.  The filters are those of 'dyad events'.  See docs/exports.md.",
     export_options, cmd_export, NULL},
    {"dict", "check TABARI / PETRARCH dictionaries: every line that cannot be used",
     "dict check [OPTIONS] FILE...",
     "Loads each verb, actor, agent or discard dictionary (the kind is read from\n"
     "the content), prints every line it cannot use as FILE:LINE: unusable: WHY:\n"
     "TEXT (and every warning), then a summary line per file.  Exit 0 when every\n"
     "line was usable, 1 when some was not (or a file is unreadable), 2 on usage\n"
     "errors.  To code with the dictionaries: dyad code --verbs F --actors F...\n"
     "--agents F [--discards F] [--add]; see docs/tabari-dictionaries.md.",
     dict_options, cmd_dict, NULL},
    {"lexicon", "import office-holder lists into the people lexicon; lexicon sizes; places",
     "lexicon import FILE.tsv... -o DIR | lexicon stats | lexicon places NAME... [OPTIONS]",
     "import: office-holder TSVs (docs/officeholders.md) -> DIR/people.txt in the people\n"
     "lexicon format, with dated CAMEO roles; people the hand-written lexicon already\n"
     "names are left to it and listed in DIR/conflicts.tsv.\n"
     "stats: sizes of the actors lexicon as the other commands load it, and load time.\n"
     "places: the cities and regions (libgeonames) of each name, most populous first:\n"
     "name, feature, country, region, GeoNames country, lat, lon, population; exit 1 if\n"
     "some name is no place (docs/gazetteer.md).\n"
     "Commands that code take --people FILE (or DYAD_PEOPLE=FILE[:FILE...]): an\n"
     "office-holders TSV read at load time, e.g. the non-commercial Peppercat set.",
     lexicon_options, cmd_lexicon, NULL},
    {"eval", "score the coder against a hand-coded gold set: precision, recall, F1",
     "eval events GOLD.tsv [CORPUS...] [OPTIONS]",
     "Codes every document the gold file names (tests/gold/events.tsv; format in\n"
     "tests/gold/README.md), each at the publication date the gold file gives, and\n"
     "prints precision, recall and F1 at four levels: exact (CAMEO code, source,\n"
     "target), root (CAMEO root, source, target), countries (root and the sides'\n"
     "countries) and sentence (an event or none); then duplicates and dates.\n"
     "Corpora are read from the paths the gold file names under ../shared (or\n"
     "--shared DIR, or $DYAD_SHARED); a CORPUS argument ending in such a path is\n"
     "read instead.  Exit 1 when a corpus or gold document is missing.\n"
     "'dyad eval tabari DIR|FILE.project [--one-coder] [--list]' codes TABARI's\n"
     "validation suite (Validate.project in DIR names the text and dictionaries)\n"
     "and prints the share of its expected events reproduced.\n"
     "'dyad eval places GOLD.tsv' scores events' places (eval/places.c);\n"
     "'dyad eval entities GOLD.tsv' scores named entities (tests/gold/entities.tsv,\n"
     "format in eval/entities.c): P/R/F1 typed, PER/ORG/LOC coarse, and spans.",
     eval_options, cmd_eval, NULL},
    {"serve", "the store over HTTP: a JSON API and a web page (timelines, events, evidence)",
     "serve [OPTIONS]",
     "Serves the store read-only (a 'dyad ingest' may write meanwhile) on\n"
     "127.0.0.1:8080 unless --listen says; open the address in a browser.  The\n"
     "address is printed on standard error (port 0: any free port).  The API is\n"
     "described at /api/openapi.json and in docs/serve.md.  Stops on Ctrl-C or\n"
     "SIGTERM.",
     serve_options, cmd_serve, NULL},
    {"parse", "tags, lemmas and dependency parse as CoNLL-U, or scores against a treebank",
     "parse [OPTIONS] [FILE...|-]\n       parse --eval GOLD.conllu [--tokenize]",
     "Prints each document's sentences as CoNLL-U with dyad's own tokens: form,\n"
     "lemma, UPOS, XPOS, head and label (MISC: SpaceAfter=No, Neg=Yes for a\n"
     "contracted negation).  With --eval, tags and parses the gold words of a\n"
     "treebank and prints one line: UPOS XPOS LEMMA UAS LAS sentences tokens,\n"
     "the CoNLL 2018 way (punctuation included, LAS on the label before ':').\n"
     "See docs/syntax.md.",
     parse_options, cmd_parse, NULL},
    {"train", "train the syntax models (tagger, parser) on a CoNLL-U treebank",
     "train tagger|parser --train F.conllu [--dev F.conllu] -o MODEL [OPTIONS]",
     "Averaged perceptrons over hashed features; the iteration with the best dev\n"
     "score is kept; the same options give the same model.  The parser learns\n"
     "from tags predicted by --jackknife fold taggers.  See docs/syntax.md.",
     train_options, cmd_train, NULL},
    {0, 0, 0, 0, 0, 0, 0},
};

const cli_command *cli_find(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (!strcmp(c->name, name)) return c;
    return NULL;
}
