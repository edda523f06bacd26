/*
 * cmd_quotes.c - `dyad quotes`: the quotations of each document, with
 * kind, speaker (name and CAMEO code), cue verb, sentence date and text.
 *
 * Only the stages quotations need run: text, the publication date,
 * actors, time (for the sentence dates) and quotes; only the actors
 * lexicon is loaded, so `--count` measures what this command costs and a
 * broken verb dictionary does not stop it.
 *
 * --json writes one object per document: the metadata members and the
 * "quotes" array exactly as in the `dyad code` record.
 */
#include "cli.h"
#include "cmd_store.h"
#include "../core/core.h"
#include "../emit/emit.h"
#include "../actors/actors.h"
#include "../quotes/quotes.h"
#include "../time/timex.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    cli_opts *o;
    const actors_lexicon *lex;
    dyad_options opt;
} quotes_ctx;

static const char *kind_name(int k)
{
    static const char *const n[] = {"?", "direct", "partial", "indirect", "scare"};
    return k >= 1 && k <= 4 ? n[k] : n[0];
}

static void quotes_json(dbuf *b, const dyad_doc *d)
{
    dbuf_putc(b, '{');
    emit_meta_json(b, d);
    emit_quotes_json(b, d);
    dbuf_putc(b, '}');
}

static void human(FILE *out, const dyad_doc *d)
{
    char day[11];
    dyad_date_format(d->pubdate, day);
    fprintf(out, "== %s", d->id ? d->id : "?");
    if (d->origin) fprintf(out, "  (%s)", d->origin);
    fputc('\n', out);
    if (d->title) fprintf(out, "title: %s\n", d->title);
    fprintf(out, "date: %s (%s)\n%u quotations\n\n", day[0] ? day : "unknown", time_source_name(d->pubdate_source),
            d->n_quotes);
    for (uint32_t i = 0; i < d->n_quotes; i++) {
        const dyad_quote *q = &d->quotes[i];
        const char *name = "-", *code = "-";
        int name_len = 1;
        if (q->speaker >= 0 && (uint32_t)q->speaker < d->n_mentions) {
            const dyad_mention *m = &d->mentions[q->speaker];
            if (m->entity >= 0 && (uint32_t)m->entity < d->n_entities && d->entities[m->entity].name) {
                name = d->entities[m->entity].name;
                name_len = (int)strlen(name);
            } else {
                name = d->text + m->off;
                name_len = (int)m->len;
            }
            if (m->code[0]) code = m->code;
        }
        day[0] = 0;
        if (d->sent_dates && q->sent < d->cap_sent_dates) dyad_date_format(d->sent_dates[q->sent], day);
        fprintf(out, "[%u] %-8s %-28.*s %-9s %-12.*s %-10s %.*s\n", q->sent + 1, kind_name(q->kind), name_len, name, code,
                q->cue_len ? (int)q->cue_len : 1, q->cue_len ? d->text + q->cue_off : "-", day[0] ? day : "-",
                (int)q->len, d->text + q->off);
    }
    fputc('\n', out);
}

static int quotes_one(dyad_doc *d, void *ctxp)
{
    quotes_ctx *c = ctxp;
    cli_opts *o = c->o;
    dyad_text_process(d);
    time_pubdate(d, c->opt.date);
    actors_process(c->lex, d);
    time_process(d);
    quotes_process(d);
    cli_emit_doc(o, d, quotes_json, human);
    return 0;
}

const cli_option quotes_options[] = {
    {"json", 0, NULL, CLI_O_JSON, "one JSON object per document"},
    CLI_OPT_DATE, CLI_OPT_DATA, CLI_OPT_COUNT, CLI_OPT_QUIET, CLI_OPT_VERBOSE, CLI_OPT_PEOPLE,
    CLI_OPT_END,
};

int cmd_quotes(cli_opts *o);
int cmd_quotes(cli_opts *o)
{
    /* With --db and no inputs, the question is about the store. */
    if (store_cli_claims(o->argc, o->argv, cli_find("quotes"))) return store_cmd_quotes(o);
    int r = cli_parse(o, o->argc, o->argv, cli_find("quotes"), NULL);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    quotes_ctx c = {o, NULL, cli_pipeline_options(o)};
    char err[1024] = "";
    actors_lexicon *lex = actors_load(o->data ? o->data : dyad_default_data_dir(), err, sizeof err);
    if (!lex) { fprintf(stderr, "dyad: %s\n", err[0] ? err : "cannot load the actors lexicon"); free(o->files); return 1; }
    c.lex = lex;
    r = cli_each_doc(o, quotes_one, &c);
    if (o->count) cli_print_count(o);
    actors_free(lex);
    free(o->files);
    return r;
}
