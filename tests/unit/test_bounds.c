/*
 * test_bounds.c - hostile sizes: what a document costs stays proportional
 * to its size.  Each test generates its input (a long run with no sentence
 * end, thousands of speech cues in one sentence, a document of many
 * megabytes) and asserts on the result's shape - sentence sizes, quote
 * spans, output bytes - not on time, so the test states the bound that
 * failed rather than being slow.
 */
#include "../check.h"
#include "dyad.h"
#include "../../core/core.h"
#include "../../emit/emit.h"

static dyad_model *model;
static dyad_doc *doc;

/* `n` copies of `unit`, between `head` and `tail`, as a malloc'd string. */
static char *repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * n + tl + 1);
    memcpy(s, head, hl);
    for (size_t i = 0; i < n; i++) memcpy(s + hl + ul * i, unit, ul);
    memcpy(s + hl + ul * n, tail, tl + 1);
    *len = hl + ul * n + tl;
    return s;
}

static void process(const char *text, size_t len)
{
    dyad_options opt = {0};
    dyad_date_parse("2019-02-26", &opt.date);
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, text, len);
    dyad_process(model, doc, &opt);
}

static int has_diag(const char *needle)
{
    for (uint32_t i = 0; i < doc->n_diags; i++)
        if (strstr(doc->diags[i].message, needle)) return 1;
    return 0;
}

/* A 110 KB paragraph with no sentence end is cut into pieces no longer
 * than the cap, each flagged, covering every token once; the ordinary
 * sentence after it is neither cut nor flagged. */
static void test_overlong_sentence_is_cut(void)
{
    size_t len;
    char *s = repeat("Talks\n\n", "the delegations argued over the wording of the draft, ", 2000,
                     "\n\nTrump met Kim in Hanoi on Tuesday.\n", &len);
    process(s, len);
    CHECK(doc->n_sents > 20);
    uint32_t covered = 0, cut = 0;
    for (uint32_t i = 0; i < doc->n_sents; i++) {
        const dyad_sentence *st = &doc->sents[i];
        if (st->len > DYAD_SENT_MAX_BYTES) CHECK_NOTE("sentence %u is %u bytes", i, st->len);
        if (i && st->tok != doc->sents[i - 1].tok + doc->sents[i - 1].ntok && st->para == doc->sents[i - 1].para)
            CHECK_NOTE("sentence %u does not start where %u ended", i, i - 1);
        covered += st->ntok;
        cut += (st->flags & DYAD_SENT_SPLIT) != 0;
    }
    CHECK_INT(covered, doc->n_toks);
    CHECK_INT(cut, doc->n_sents - 2);                 /* all but the headline and the last sentence */
    /* Cut at a clause boundary: every piece but the run's last ends in a comma. */
    const dyad_sentence *first = &doc->sents[1];
    CHECK(first->flags & DYAD_SENT_SPLIT);
    CHECK(doc->text[first->off + first->len - 1] == ',');
    const dyad_sentence *last = &doc->sents[doc->n_sents - 1];
    CHECK_SPAN(doc->text + last->off, last->len, "Trump met Kim in Hanoi on Tuesday.");
    CHECK(!(last->flags & DYAD_SENT_SPLIT));
    CHECK(has_diag("over-long sentences"));
    free(s);
}

/* No space at all: still cut, between tokens. */
static void test_overlong_run_without_spaces(void)
{
    size_t len;
    char *s = repeat("", "x,", 30000, "\n", &len);
    process(s, len);
    for (uint32_t i = 0; i < doc->n_sents; i++)
        if (doc->sents[i].len > DYAD_SENT_MAX_BYTES) CHECK_NOTE("sentence %u is %u bytes", i, doc->sents[i].len);
    free(s);
}

/* Finding 1 of issue 18: one sentence of 10,000 "Trump said" (110 KB)
 * made every cue's indirect quote run to the sentence end - 540 MB of
 * JSON.  The quotes now stop at the next speaker's cue and at a bound, so
 * the quoted bytes and the record stay a small multiple of the input. */
static void test_many_cues_in_one_sentence(void)
{
    size_t len;
    char *s = repeat("Talks\n\n", "Trump said ", 10000, "the talks would go on.\n", &len);
    process(s, len);
    CHECK(doc->n_quotes > 1000);
    uint64_t quoted = 0;
    for (uint32_t i = 0; i < doc->n_quotes; i++) quoted += doc->quotes[i].len;
    if (quoted > 4 * (uint64_t)len) CHECK_NOTE("%llu quoted bytes from %zu", (unsigned long long)quoted, len);
    dbuf b = {0};
    emit_doc_json(&b, doc, ~0u);
    if (b.len > 64 * len) CHECK_NOTE("a %zu-byte record from %zu bytes in", b.len, len);
    dbuf_free(&b);
    free(s);
}

/* The bound keeps ordinary reported speech whole: a nested report ("X
 * said Y said ...") and a second speaker after a comma-less clause. */
static void test_indirect_bounds_keep_real_quotes(void)
{
    const char *t = "Moon said Trump said the summit in Hanoi would take place as planned.\n\n"
                    "Trump said the talks with North Korea had gone very well Kim Jong Un said the sanctions must end first.\n";
    process(t, strlen(t));
    int nested = 0, first = 0, second = 0;
    for (uint32_t i = 0; i < doc->n_quotes; i++) {
        const dyad_quote *q = &doc->quotes[i];
        const char *qt = doc->text + q->off;
        if (q->len >= 15 && !memcmp(qt, "Trump said the summit", 21)) nested = 1;
        if (q->len == strlen("the talks with North Korea had gone very well") &&
            !memcmp(qt, "the talks with North Korea had gone very well", q->len)) first = 1;
        if (q->len == strlen("the sanctions must end first") && !memcmp(qt, "the sanctions must end first", q->len))
            second = 1;
    }
    CHECK(nested);
    CHECK(first);
    CHECK(second);
}

int main(void)
{
    char err[256];
    model = dyad_model_load(NULL, err, sizeof err);
    if (!model) { printf("FAIL load: %s\n", err); return 1; }
    doc = dyad_doc_new();
    RUN(test_overlong_sentence_is_cut);
    RUN(test_overlong_run_without_spaces);
    RUN(test_many_cues_in_one_sentence);
    RUN(test_indirect_bounds_keep_real_quotes);
    dyad_doc_free(doc);
    dyad_model_free(model);
    return check_done();
}
