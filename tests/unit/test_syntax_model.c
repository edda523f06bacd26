/*
 * test_syntax_model.c - the tagger and parser as models: the trainer
 * learns a hand-written treebank (tests/fixtures/syntax/tiny.conllu) to
 * 100%; saved models load back identical and broken files are refused with
 * a clear message; the committed models (data/syntax) parse written news
 * sentences right on the arcs that matter for event coding, and reach the
 * floor accuracy on the first 200 sentences of EWT dev (needs ../shared).
 */
#include "../check.h"
#include "dyad.h"
#include "../../syntax/syntax.h"
#include "../../pipeline/hooks.h"

#include <unistd.h>

#define TINY "tests/fixtures/syntax/tiny.conllu"

static char tmpdir[] = "/tmp/dyad-syntax-XXXXXX";

static syn_train_opts tiny_opts(void)
{
    syn_train_opts o = {.iters = 15, .seed = 7, .jackknife = 0, .bits = 14, .label_bits = 12,
                        .explore = 0.9, .min_count = 1, .quiet = 1};
    return o;
}

static void test_learns_tiny_treebank(void)
{
    char err[1024];
    syn_treebank tb;
    if (syn_treebank_read(TINY, &tb, err, sizeof err)) { CHECK_NOTE("%s", err); return; }
    CHECK_INT(tb.n_sent, 20);
    syn_train_opts o = tiny_opts();
    syn_tagger T;
    syn_parser P;
    CHECK_INT(syn_train_tagger(&tb, &tb, &o, &T, err, sizeof err), 0);
    CHECK_INT(syn_train_parser(&tb, &tb, &T, &o, &P, err, sizeof err), 0);
    syn_scores s;
    syn_eval_gold(&T, &P, &tb, &s);
    CHECK_INT(s.words, 134);
    CHECK_INT(s.upos, s.words);
    CHECK_INT(s.xpos, s.words);
    CHECK_INT(s.uas, s.words);
    CHECK_INT(s.las, s.words);
    CHECK_INT(s.lemma, s.words);

    /* Saved and loaded: the same scores. */
    char tp[256], pp[256];
    snprintf(tp, sizeof tp, "%s/tagger.bin", tmpdir);
    snprintf(pp, sizeof pp, "%s/parser.bin", tmpdir);
    CHECK_INT(syn_tagger_save(&T, tp, err, sizeof err), 0);
    CHECK_INT(syn_parser_save(&P, pp, err, sizeof err), 0);
    syn_tagger T2;
    syn_parser P2;
    CHECK_INT(syn_tagger_load(&T2, tp, err, sizeof err), 0);
    CHECK_INT(syn_parser_load(&P2, pp, err, sizeof err), 0);
    syn_scores s2;
    syn_eval_gold(&T2, &P2, &tb, &s2);
    CHECK_INT(s2.uas, s.uas);
    CHECK_INT(s2.upos, s.upos);

    /* Same seed, same model. */
    syn_tagger T3;
    CHECK_INT(syn_train_tagger(&tb, &tb, &o, &T3, err, sizeof err), 0);
    CHECK(!memcmp(T3.W.q, T.W.q, ((size_t)1 << T.W.bits) * T.W.stride * sizeof *T.W.q));
    syn_tagger_free(&T); syn_tagger_free(&T2); syn_tagger_free(&T3);
    syn_parser_free(&P); syn_parser_free(&P2);
    syn_treebank_free(&tb);
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    rewind(f);
    unsigned char *b = malloc(*n);
    if (b && fread(b, 1, *n, f) != *n) { free(b); b = NULL; }
    fclose(f);
    return b;
}

static void spit(const char *path, const unsigned char *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f) { fwrite(b, 1, n, f); fclose(f); }
}

/* Load path as a parser and expect an error containing `want`. */
static void refused(const char *path, const char *want)
{
    char err[1024] = "";
    syn_parser P;
    if (!syn_parser_load(&P, path, err, sizeof err)) { CHECK_NOTE("%s loaded, expected '%s'", path, want); syn_parser_free(&P); return; }
    if (!strstr(err, want) || !strstr(err, path)) CHECK_NOTE("error '%s' does not say '%s' and the file", err, want);
}

static void test_broken_models_refused(void)
{
    char pp[256], bad[256];
    snprintf(pp, sizeof pp, "%s/parser.bin", tmpdir);
    snprintf(bad, sizeof bad, "%s/bad.bin", tmpdir);
    size_t n;
    unsigned char *b = slurp(pp, &n);
    if (!b) { CHECK_NOTE("no model at %s (test_learns_tiny_treebank failed?)", pp); return; }
    CHECK(n > 100);
    spit(bad, b, n / 2);
    refused(bad, "truncated");
    spit(bad, b, 10);
    refused(bad, "truncated header");
    b[n - 3] ^= 0x40;
    spit(bad, b, n);
    refused(bad, "CRC-32 mismatch");
    b[n - 3] ^= 0x40;
    b[0] = 'X';
    spit(bad, b, n);
    refused(bad, "bad magic");
    b[0] = 'D';
    b[8] = 99;                                      /* format version */
    spit(bad, b, n);
    refused(bad, "version");
    b[8] = 1;
    spit(bad, b, n);
    char tp[256], err[1024] = "";
    snprintf(tp, sizeof tp, "%s/tagger.bin", tmpdir);
    syn_tagger T;                                   /* a parser is not a tagger */
    CHECK(syn_tagger_load(&T, bad, err, sizeof err) != 0);
    CHECK(strstr(err, "wrong kind") != NULL);
    refused(tp, "wrong kind");
    refused("/nonexistent/parser.bin", "cannot open");
    free(b);
    unlink(bad);
}

/* The committed models over written news sentences. */
static dyad_model *model;
static dyad_doc *doc;

static void parse_text(const char *t)
{
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, t, strlen(t));
    dyad_text_process(doc);
    syntax_process(model->syntax, doc);
}

static int32_t tok(const char *word)
{
    for (uint32_t i = 0; i < doc->n_toks; i++)
        if (doc->toks[i].len == strlen(word) && !memcmp(dyad_tok_str(doc, i), word, doc->toks[i].len)) return (int32_t)i;
    return -2;
}

/* dependent --label--> head, by the words' first occurrences */
#define ARC(DEP, LABEL, HEAD) do { \
    int32_t d_ = tok(DEP), h_ = tok(HEAD); \
    int root_ = !strcmp(HEAD, "ROOT"); \
    if (d_ < 0 || (h_ < 0 && !root_)) { CHECK_NOTE("%s:%d: no token %s or %s", __FILE__, __LINE__, DEP, HEAD); break; } \
    if (doc->syn[d_].head != (root_ ? -1 : h_) || doc->syn[d_].deprel != (LABEL)) \
        CHECK_NOTE("%s:%d: %s is %s of %s, expected %s of %s", __FILE__, __LINE__, DEP, \
                   dyad_deprel_name(doc->syn[d_].deprel), doc->syn[d_].head >= 0 ? \
                   dyad_tok_str(doc, (uint32_t)doc->syn[d_].head) : "ROOT", dyad_deprel_name(LABEL), HEAD); \
  } while (0)

static int have_models(void)
{
    if (model->syntax && model->syntax->tagger && model->syntax->parser) return 1;
    CHECK_NOTE("no syntax models in %s/syntax", dyad_default_data_dir());
    return 0;
}

static void test_news_arcs(void)
{
    if (!have_models()) return;
    parse_text("Russian forces attacked the port city on Tuesday.");
    ARC("forces", DYAD_DEP_NSUBJ, "attacked");
    ARC("attacked", DYAD_DEP_ROOT, "ROOT");
    ARC("city", DYAD_DEP_OBJ, "attacked");
    ARC("Tuesday", DYAD_DEP_OBL, "attacked");
    CHECK(dyad_syn_is_lemma(doc, (uint32_t)tok("attacked"), "attack"));

    /* passive with agent */
    parse_text("The embassy was attacked by protesters.");
    ARC("embassy", DYAD_DEP_NSUBJ_PASS, "attacked");
    ARC("was", DYAD_DEP_AUX_PASS, "attacked");
    ARC("protesters", DYAD_DEP_OBL_AGENT, "attacked");
    CHECK_INT(dyad_syn_agent(doc, (uint32_t)tok("attacked")), tok("protesters"));

    /* relative clause: "who" stands for its antecedent; the main verb is passive */
    parse_text("The soldiers who attacked the village were arrested.");
    ARC("attacked", DYAD_DEP_ACL_RELCL, "soldiers");
    ARC("village", DYAD_DEP_OBJ, "attacked");
    ARC("soldiers", DYAD_DEP_NSUBJ_PASS, "arrested");
    ARC("were", DYAD_DEP_AUX_PASS, "arrested");
    CHECK_INT(dyad_syn_subject(doc, (uint32_t)tok("attacked")), tok("soldiers"));

    /* reported speech */
    parse_text("The minister said that the government would not negotiate with the rebels.");
    ARC("minister", DYAD_DEP_NSUBJ, "said");
    ARC("negotiate", DYAD_DEP_CCOMP, "said");
    ARC("government", DYAD_DEP_NSUBJ, "negotiate");
    ARC("would", DYAD_DEP_AUX, "negotiate");
    CHECK(dyad_syn_negated(doc, (uint32_t)tok("negotiate")));
    CHECK_INT(dyad_syn_modal(doc, (uint32_t)tok("negotiate")), tok("would"));

    /* coordination: a shared subject */
    parse_text("The president met the leaders and signed an agreement.");
    ARC("president", DYAD_DEP_NSUBJ, "met");
    ARC("leaders", DYAD_DEP_OBJ, "met");
    ARC("signed", DYAD_DEP_CONJ, "met");
    ARC("agreement", DYAD_DEP_OBJ, "signed");
    CHECK_INT(dyad_syn_subject(doc, (uint32_t)tok("signed")), tok("president"));

    /* a question */
    parse_text("Will China impose sanctions on Japan?");
    ARC("China", DYAD_DEP_NSUBJ, "impose");
    ARC("Will", DYAD_DEP_AUX, "impose");
    ARC("sanctions", DYAD_DEP_OBJ, "impose");

    /* a contraction is split for the parser and keeps its negation */
    parse_text("The rebels don't accept the offer.");
    ARC("rebels", DYAD_DEP_NSUBJ, "accept");
    ARC("offer", DYAD_DEP_OBJ, "accept");
    CHECK(dyad_syn_negated(doc, (uint32_t)tok("accept")));
    CHECK(doc->syn[tok("don't")].flags & DYAD_SYN_SPLIT);
}

static void test_dev_floor(void)
{
    const char *dev = check_shared("ud/en_ewt/en_ewt-ud-dev.conllu");
    if (access(dev, R_OK)) { printf("skip test_dev_floor: needs ../shared (%s)\n", dev); return; }
    if (!have_models()) return;
    char err[1024];
    syn_treebank tb;
    if (syn_treebank_read(dev, &tb, err, sizeof err)) { CHECK_NOTE("%s", err); return; }
    if (tb.n_sent > 200) { tb.n_sent = 200; tb.n_word = tb.sent[200]; }
    syn_scores s;
    syn_eval_gold(model->syntax->tagger, model->syntax->parser, &tb, &s);
    double uas = (double)s.uas / (double)s.words, upos = (double)s.upos / (double)s.words;
    if (uas < SYN_DEV_FLOOR_UAS || upos < 0.94)
        CHECK_NOTE("first 200 dev sentences: UAS %.4f (floor %.2f), UPOS %.4f (floor 0.94)", uas, SYN_DEV_FLOOR_UAS, upos);
    syn_treebank_free(&tb);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 1; }
    char err[1024] = "";
    model = dyad_model_load_parts(NULL, 0, 0, err, sizeof err);
    if (!model) { printf("FAIL main: %s\n", err); return 1; }
    doc = dyad_doc_new();
    RUN(test_learns_tiny_treebank);
    RUN(test_broken_models_refused);
    RUN(test_news_arcs);
    RUN(test_dev_floor);
    dyad_doc_free(doc);
    dyad_model_free(model);
    char p[300];
    snprintf(p, sizeof p, "%s/tagger.bin", tmpdir); unlink(p);
    snprintf(p, sizeof p, "%s/parser.bin", tmpdir); unlink(p);
    rmdir(tmpdir);
    return check_done();
}
