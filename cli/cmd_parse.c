/*
 * cmd_parse.c - `dyad parse`: the text and syntax stages, printed as
 * CoNLL-U per document; `dyad parse --eval GOLD` scores the syntax models
 * on a treebank (gold words, or with --tokenize dyad's own tokens of each
 * `# text =` line aligned by characters).
 */
#include "cli.h"
#include "../pipeline/hooks.h"
#include "../syntax/syntax.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    cli_opts *o;
    const syntax_model *syntax;
    const char *eval;
    int tokenize;
} parse_ctx;

static void conllu_field(dbuf *b, const char *s, size_t n)
{
    if (!n) { dbuf_putc(b, '_'); return; }
    for (size_t i = 0; i < n; i++) dbuf_putc(b, s[i] == '\t' || s[i] == '\n' ? ' ' : s[i]);
}

static void print_conllu(dbuf *b, const dyad_doc *d)
{
    dbuf_printf(b, "# newdoc id = %s\n", d->id ? d->id : "-");
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *sent = &d->sents[s];
        dbuf_printf(b, "# sent_id = %s-%u\n# text = ", d->id ? d->id : "-", s + 1);
        conllu_field(b, d->text + sent->off, sent->len);
        dbuf_putc(b, '\n');
        for (uint32_t t = sent->tok; t < sent->tok + sent->ntok; t++) {
            const dyad_token *k = &d->toks[t];
            const dyad_syn *y = &d->syn[t];
            dbuf_printf(b, "%u\t", t - sent->tok + 1);
            conllu_field(b, d->text + k->off, k->len);
            dbuf_putc(b, '\t');
            conllu_field(b, y->lemma, y->lemma_len);
            dbuf_printf(b, "\t%s\t%s\t_\t", dyad_upos_name(y->upos), dyad_xpos_name(y->xpos));
            if (y->deprel == DYAD_DEP_NONE) dbuf_puts(b, "_\t_");
            else dbuf_printf(b, "%d\t%s", y->head < 0 ? 0 : y->head - (int32_t)sent->tok + 1, dyad_deprel_name(y->deprel));
            int space_after = t + 1 < d->n_toks && (d->toks[t + 1].flags & DYAD_TOK_SPACE);
            const char *misc = !space_after && t + 1 < sent->tok + sent->ntok ? "SpaceAfter=No" : "_";
            if (y->flags & DYAD_SYN_NEG) misc = space_after ? "Neg=Yes" : "Neg=Yes|SpaceAfter=No";
            dbuf_printf(b, "\t_\t%s\n", misc);
        }
        dbuf_putc(b, '\n');
    }
}

static int parse_one(dyad_doc *d, void *ctx)
{
    parse_ctx *c = ctx;
    dyad_text_process(d);
    syntax_process(c->syntax, d);
    if (c->o->count) return 0;                     /* cli_each_doc counts */
    dbuf_clear(&c->o->out);
    print_conllu(&c->o->out, d);
    fwrite(c->o->out.ptr, 1, c->o->out.len, stdout);
    return 0;
}

enum { OPT_EVAL = CLI_O_OWN, OPT_TOKENIZE };

const cli_option parse_options[] = {
    {"eval", 0, "GOLD.conllu", OPT_EVAL, "score the models on the treebank's gold words: one line of figures"},
    {"tokenize", 0, NULL, OPT_TOKENIZE, "with --eval: dyad's own tokens of each `# text =`, aligned by characters"},
    CLI_OPT_DATA, CLI_OPT_COUNT, CLI_OPT_QUIET, CLI_OPT_VERBOSE, CLI_OPT_END,
};

static parse_ctx *parse_ctx_now;

static int parse_option(cli_opts *o, int id, const char *arg)
{
    (void)o;
    if (id == OPT_EVAL) { parse_ctx_now->eval = arg; return 0; }
    if (id == OPT_TOKENIZE) { parse_ctx_now->tokenize = 1; return 0; }
    return -1;
}

int cmd_parse(cli_opts *o);
int cmd_parse(cli_opts *o)
{
    parse_ctx c = {o, NULL, NULL, 0};
    parse_ctx_now = &c;
    int r = cli_parse(o, o->argc, o->argv, cli_find("parse"), parse_option);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    if (c.tokenize && !c.eval) { cli_usage_error("parse: --tokenize goes with --eval"); free(o->files); return 2; }
    char err[1024] = "";
    dyad_model *m = dyad_model_load_parts(o->data, 0, 0, err, sizeof err);
    if (!m) { fprintf(stderr, "dyad: %s\n", err); free(o->files); return 1; }
    c.syntax = m->syntax;
    if (c.eval) {
        if (o->n_files) { cli_usage_error("parse --eval takes no input files"); dyad_model_free(m); free(o->files); return 2; }
        syn_treebank tb;
        if (syn_treebank_read(c.eval, &tb, err, sizeof err)) {
            fprintf(stderr, "dyad: %s\n", err);
            dyad_model_free(m); free(o->files);
            return 1;
        }
        if (!m->syntax->tagger || !m->syntax->parser)
            fprintf(stderr, "dyad: warning: no %s model in %s/syntax\n", m->syntax->tagger ? "parser" : "tagger",
                    o->data ? o->data : dyad_default_data_dir());
        syn_scores s;
        if (c.tokenize) syn_eval_tokenized(m->syntax, &tb, &s);
        else syn_eval_gold(m->syntax->tagger, m->syntax->parser, &tb, &s);
        syn_scores_print(stdout, &s);
        syn_treebank_free(&tb);
        dyad_model_free(m);
        free(o->files);
        return 0;
    }
    r = cli_each_doc(o, parse_one, &c);
    if (o->count) cli_print_count(o);
    dyad_model_free(m);
    free(o->files);
    return r;
}
