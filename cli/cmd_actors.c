/*
 * cmd_actors.c - `dyad actors`: the actor mentions of each document, with
 * span, surface text, entity, CAMEO code at the document's date and how each
 * was resolved; or, with --candidates, the unknown names that context placed,
 * over all the inputs, with a suggested lexicon record for each.
 *
 * Only the stages the actors need run: text, the publication date, actors,
 * and only the actors lexicon is loaded (not the whole model): the later
 * stages (time expressions, quotes, events) cannot change what this command
 * shows, a broken verb dictionary should not stop it, and leaving them out
 * keeps `--count` a measure of the actors stage.
 */
#include "cli.h"
#include "cmd_store.h"
#include "../core/core.h"
#include "../emit/emit.h"
#include "../actors/actors.h"
#include "../time/timex.h"
#include "../actors/candidates.h"
#include "../syntax/syntax.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    cli_opts *o;
    const actors_lexicon *lex;
    dyad_options opt;
    int candidates;
    actors_candidates *cands;
    const syntax_model *syntax;      /* --parse: names from the parse too */
} actors_ctx;

static int want_candidates, want_parse;   /* set by the option callback, read once by cmd_actors */

/* The named entities of the document being printed (the command is
 * single-threaded; the emitters get only the document). */
static actors_name *cur_names;
static uint32_t n_cur_names;

enum { OPT_CANDIDATES = CLI_O_OWN, OPT_PARSE };

const cli_option actors_options[] = {
    {"json", 0, NULL, CLI_O_JSON, "one JSON object per document (with --candidates, per candidate)"},
    CLI_OPT_DATE,
    {"candidates", 0, NULL, OPT_CANDIDATES, "the unknown names that context placed, over all the inputs,\nwith a suggested lexicon record for each"},
    {"parse", 0, NULL, OPT_PARSE, "tag first: names no lexicon knows come from the tagger\n(proper-noun runs; see \"names\" in the output)"},
    CLI_OPT_DATA, CLI_OPT_COUNT, CLI_OPT_QUIET, CLI_OPT_VERBOSE, CLI_OPT_PEOPLE,
    CLI_OPT_END,
};

static int extra_option(cli_opts *o, int id, const char *arg)
{
    (void)o; (void)arg;
    if (id == OPT_CANDIDATES) { want_candidates = 1; return 0; }
    if (id == OPT_PARSE) { want_parse = 1; return 0; }
    return -1;
}

/* Print s padded to `width` columns (UTF-8 continuation bytes take none). */
static void padded(FILE *out, const char *s, uint32_t len, int width)
{
    int cols = 0;
    for (uint32_t i = 0; i < len; i++) cols += ((unsigned char)s[i] & 0xC0) != 0x80;
    fwrite(s, 1, len, out);
    for (; cols < width; cols++) fputc(' ', out);
}

static const char *pub_source(int s)
{
    static const char *const n[] = {"none", "metadata", "option", "dateline", "inferred"};
    return s >= 0 && s <= 4 ? n[s] : "none";
}

static void human(FILE *out, const dyad_doc *d)
{
    char day[11];
    dyad_date_format(d->pubdate, day);
    fprintf(out, "== %s", d->id ? d->id : "?");
    if (d->origin) fprintf(out, "  (%s)", d->origin);
    fputc('\n', out);
    if (d->title) fprintf(out, "title: %s\n", d->title);
    fprintf(out, "date: %s (%s)\n", day[0] ? day : "unknown: dated roles unresolved", pub_source(d->pubdate_source));
    fprintf(out, "%u mentions of %u actors\n\n", d->n_mentions, d->n_entities);
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        const dyad_entity *e = m->entity >= 0 ? &d->entities[m->entity] : NULL;
        char span[32];
        snprintf(span, sizeof span, "%u+%u", m->off, m->len);
        fprintf(out, "[%u] %-10s ", m->sent + 1, span);
        padded(out, d->text + m->off, m->len, 34);
        fputs(" -> ", out);
        const char *name = e && e->name ? e->name : "-";
        padded(out, name, (uint32_t)strlen(name), 26);
        fprintf(out, " %-10s %s", m->code[0] ? m->code : "-", actors_how_name(m->how));
        if (m->antecedent >= 0) fprintf(out, " (of %u+%u)", d->mentions[m->antecedent].off, d->mentions[m->antecedent].len);
        if (m->flags & ACTORS_MF_QUOTED) fputs(" quoted", out);
        if (m->flags & ACTORS_MF_UNDATED) fputs(" undated", out);
        fputc('\n', out);
    }
    if (d->n_entities) fputs("\nactors:\n", out);
    for (uint32_t i = 0; i < d->n_entities; i++) {
        const dyad_entity *e = &d->entities[i];
        uint32_t n = 0;
        for (uint32_t k = 0; k < d->n_mentions; k++) n += d->mentions[k].entity == (int32_t)i;
        fputs("  ", out);
        padded(out, e->name ? e->name : "?", e->name ? (uint32_t)strlen(e->name) : 1, 30);
        fprintf(out, " %-10s %-9s %u mention%s%s\n", e->code[0] ? e->code : "-",
                actors_kind_name(e->kind), n, n == 1 ? "" : "s",
                e->first_mention == ACTORS_CREDIT_ONLY ? " (named in the credit line)" : "");
    }
    if (n_cur_names) fputs("\nnames:\n", out);
    for (uint32_t i = 0; i < n_cur_names; i++) {
        const actors_name *nm = &cur_names[i];
        const dyad_token *f = &d->toks[nm->tok], *l = &d->toks[nm->tok + nm->ntok - 1];
        fprintf(out, "  %-4s ", actors_name_type(nm->type));
        padded(out, d->text + f->off, l->off + l->len - f->off, 34);
        const char *code = nm->mention >= 0 ? d->mentions[nm->mention].code : "";
        fprintf(out, " %-10s %s\n", code[0] ? code : "-", nm->mention >= 0 ? actors_how_name(d->mentions[nm->mention].how) : "parse");
    }
    for (uint32_t i = 0; i < d->n_diags; i++)
        fprintf(out, "warning: byte %llu: %s\n", (unsigned long long)d->diags[i].offset, d->diags[i].message);
    fputc('\n', out);
}

static void json(dbuf *b, const dyad_doc *d)
{
    char day[11];
    dyad_date_format(d->pubdate, day);
    dbuf_putc(b, '{');
    emit_meta_json(b, d);
    dbuf_puts(b, ",\"date\":");
    json_str(b, day[0] ? day : NULL);
    dbuf_printf(b, ",\"date_source\":\"%s\",\"actors\":[", pub_source(d->pubdate_source));
    for (uint32_t i = 0; i < d->n_entities; i++) {
        const dyad_entity *e = &d->entities[i];
        uint32_t n = 0;
        for (uint32_t k = 0; k < d->n_mentions; k++) n += d->mentions[k].entity == (int32_t)i;
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"i\":%u,\"name\":", i);
        json_str(b, e->name);
        dbuf_puts(b, ",\"code\":");
        json_str(b, e->code);
        dbuf_printf(b, ",\"kind\":\"%s\"", actors_kind_name(e->kind));
        if (e->gender) dbuf_printf(b, ",\"gender\":\"%c\"", e->gender);
        if (e->plural) dbuf_puts(b, ",\"plural\":true");
        dbuf_printf(b, ",\"mentions\":%u", n);
        if (e->first_mention == ACTORS_CREDIT_ONLY) dbuf_puts(b, ",\"first_mention\":null,\"credit\":true}");
        else dbuf_printf(b, ",\"first_mention\":%u}", e->first_mention);
    }
    dbuf_puts(b, "],\"mentions\":[");
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"i\":%u,\"sent\":%u,\"off\":%u,\"len\":%u,\"text\":", i, m->sent + 1, m->off, m->len);
        json_strn(b, d->text + m->off, m->len);
        dbuf_printf(b, ",\"entity\":%d", m->entity);
        if (m->entity >= 0) { dbuf_puts(b, ",\"name\":"); json_str(b, d->entities[m->entity].name); }
        dbuf_puts(b, ",\"code\":");
        json_str(b, m->code);
        dbuf_printf(b, ",\"kind\":\"%s\",\"how\":\"%s\",\"antecedent\":%d", actors_kind_name(m->kind),
                    actors_how_name(m->how), m->antecedent);
        if (m->flags & ACTORS_MF_QUOTED) dbuf_puts(b, ",\"quoted\":true");
        if (m->flags & ACTORS_MF_UNDATED) dbuf_puts(b, ",\"undated\":true");
        dbuf_putc(b, '}');
    }
    dbuf_puts(b, "],\"names\":[");
    for (uint32_t i = 0; i < n_cur_names; i++) {
        const actors_name *nm = &cur_names[i];
        const dyad_token *f = &d->toks[nm->tok], *l = &d->toks[nm->tok + nm->ntok - 1];
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"type\":\"%s\",\"off\":%u,\"len\":%u,\"text\":", actors_name_type(nm->type), f->off,
                    l->off + l->len - f->off);
        json_strn(b, d->text + f->off, l->off + l->len - f->off);
        if (nm->mention >= 0) {
            const dyad_mention *m = &d->mentions[nm->mention];
            dbuf_printf(b, ",\"mention\":%d,\"code\":", nm->mention);
            json_str(b, m->code[0] ? m->code : NULL);
            dbuf_printf(b, ",\"how\":\"%s\"}", actors_how_name(m->how));
        } else
            dbuf_puts(b, ",\"mention\":null,\"code\":null,\"how\":\"parse\"}");
    }
    dbuf_putc(b, ']');
    emit_warnings_json(b, d);
    dbuf_putc(b, '}');
}

static int actors_one(dyad_doc *d, void *ctxp)
{
    actors_ctx *c = ctxp;
    cli_opts *o = c->o;
    dyad_text_process(d);
    if (c->syntax) syntax_tag(c->syntax, d);          /* names read the tags only */
    time_pubdate(d, c->opt.date);
    actors_process(c->lex, d);
    if (c->candidates) { actors_candidates_add(c->cands, d); return 0; }
    n_cur_names = actors_names(c->lex, d, &cur_names);
    cli_emit_doc(o, d, json, human);
    return 0;
}

int cmd_actors(cli_opts *o);
int cmd_actors(cli_opts *o)
{
    /* With --db and no inputs, the question is about the store. */
    if (store_cli_claims(o->argc, o->argv, cli_find("actors"))) return store_cmd_actors(o);
    want_candidates = want_parse = 0;
    int r = cli_parse(o, o->argc, o->argv, cli_find("actors"), extra_option);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    actors_ctx c = {o, NULL, cli_pipeline_options(o), want_candidates, NULL, NULL};
    char err[1024] = "";
    actors_lexicon *lex = actors_load(o->data ? o->data : dyad_default_data_dir(), err, sizeof err);
    if (!lex) { fprintf(stderr, "dyad: %s\n", err[0] ? err : "cannot load the actors lexicon"); free(o->files); return 1; }
    c.lex = lex;
    syntax_model *syn = NULL;
    if (want_parse && !(syn = syntax_load(o->data ? o->data : dyad_default_data_dir(), err, sizeof err))) {
        fprintf(stderr, "dyad: %s\n", err);
        actors_free(lex);
        free(o->files);
        return 1;
    }
    c.syntax = syn;
    if (c.candidates && !(c.cands = actors_candidates_new())) { actors_free(lex); free(o->files); return 1; }
    r = cli_each_doc(o, actors_one, &c);
    if (c.candidates) actors_candidates_write(c.cands, stdout, o->json);
    else if (o->count) cli_print_count(o);
    actors_candidates_free(c.cands);
    syntax_free(syn);
    actors_free(lex);
    free(o->files);
    return r;
}
