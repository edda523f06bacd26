/*
 * test_parse_select.c - the pipeline parses only the sentences the events
 * coder can code (include/dyad.h, dyad_syn; events/candidates.c): a
 * dictionary verb form with an actor mention, or inside a quotation whose
 * speaker is known.  A sentence with neither a dictionary verb nor an actor,
 * one with a verb but no actor, and one with an actor but no verb keep their
 * tags and lemmas but no parse; `dyad parse` (syntax_process) still parses
 * every sentence; and what the coder finds is what it found with every
 * sentence parsed.
 */
#include "../check.h"
#include "dyad.h"
#include "../../syntax/syntax.h"
#include "../../pipeline/hooks.h"

static dyad_model *model;
static dyad_doc *doc;

static const char STORY[] =
    "Border dispute\n\n"
    "France accused Germany on Tuesday of breaking the border agreement.\n\n"
    "The rain fell on the northern valley again, and the river rose.\n\n"
    "The storm will hit the northern coast again tonight, forecasters said.\n\n"
    "Germany is a large country in the middle of Europe.\n\n"
    "\"We condemn this attack. We will punish those who did it,\" the Russian foreign minister said.\n";

static void run(void)
{
    dyad_options opt = {.date = {2024, 3, 5}};
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, STORY, sizeof STORY - 1);
    dyad_process(model, doc, &opt);
}

/* The sentence starting with `start`, or -1. */
static int32_t sentence(const char *start)
{
    for (uint32_t s = 0; s < doc->n_sents; s++)
        if (doc->sents[s].len >= strlen(start) && !memcmp(doc->text + doc->sents[s].off, start, strlen(start)))
            return (int32_t)s;
    return -1;
}

static int32_t token(uint32_t s, const char *word)
{
    const dyad_sentence *st = &doc->sents[s];
    for (uint32_t t = st->tok; t < st->tok + st->ntok; t++)
        if (doc->toks[t].len == strlen(word) && !memcmp(doc->text + doc->toks[t].off, word, doc->toks[t].len))
            return (int32_t)t;
    return -1;
}

static void test_only_candidates_parsed(void)
{
    run();
    int32_t accused = sentence("France accused"), rain = sentence("The rain"), storm = sentence("The storm"),
            country = sentence("Germany is"), quote = sentence("\"We condemn"), forget = sentence("We will punish");
    CHECK(accused >= 0 && rain >= 0 && storm >= 0 && country >= 0 && quote >= 0 && forget >= 0);
    if (check_failed_now) return;
    CHECK(dyad_sent_parsed(doc, (uint32_t)accused));      /* verb and actors */
    CHECK(!dyad_sent_parsed(doc, (uint32_t)rain));        /* no dictionary verb, no actor */
    CHECK(!dyad_sent_parsed(doc, (uint32_t)storm));       /* "hit", but no actor */
    CHECK(!dyad_sent_parsed(doc, (uint32_t)country));     /* an actor, no dictionary verb */
    CHECK(dyad_sent_parsed(doc, (uint32_t)quote));        /* "condemn" said by the minister */
    CHECK_INT(doc->n_parsed, 3);                          /* and the quote's second sentence */
    CHECK(dyad_sent_parsed(doc, (uint32_t)forget));    /* "punish", said by him too */
    /* Unparsed: tags and lemmas, no tree. */
    int32_t g = token((uint32_t)country, "Germany"), is = token((uint32_t)country, "is");
    CHECK(g >= 0 && is >= 0);
    if (g < 0 || is < 0) return;
    CHECK(doc->sents[country].flags & DYAD_SENT_TAGGED);
    CHECK_INT(doc->syn[g].upos, DYAD_UPOS_PROPN);
    CHECK_INT(doc->syn[g].deprel, DYAD_DEP_NONE);
    CHECK_INT(doc->syn[g].head, -1);
    CHECK_SPAN(doc->syn[is].lemma, doc->syn[is].lemma_len, "be");
    CHECK_INT(dyad_syn_subject(doc, (uint32_t)is), -1);
    /* Parsed: the tree. */
    int32_t acc = token((uint32_t)accused, "accused"), fr = token((uint32_t)accused, "France");
    CHECK(acc >= 0 && dyad_syn_subject(doc, (uint32_t)acc) == fr);
}

static void test_events_from_the_parse(void)
{
    run();
    int found = 0;
    for (uint32_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        if (strcmp(e->source_code, "FRA") || strcmp(e->target_code, "DEU") || strncmp(e->cameo, "112", 3)) continue;
        found = 1;
        CHECK(!(e->flags & DYAD_EV_SHALLOW));              /* coded from the tree */
    }
    CHECK(found);
}

static void events_text(char *out, size_t cap)
{
    out[0] = 0;
    for (uint32_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%u %s>%s:%s %x;", e->sent, e->source_code, e->target_code, e->cameo, e->flags);
    }
}

/* Coded again with every sentence parsed (as `dyad parse` parses): the
 * same events, so leaving the other sentences unparsed lost nothing. */
static void test_same_as_all_parsed(void)
{
    run();
    char some[512], all[512];
    events_text(some, sizeof some);
    syntax_process(model->syntax, doc);
    CHECK_INT(doc->n_parsed, doc->n_sents);
    for (uint32_t s = 0; s < doc->n_sents; s++) CHECK(dyad_sent_parsed(doc, s));
    events_process(model->events, doc);
    events_text(all, sizeof all);
    CHECK_STR(some, all);
    CHECK(doc->n_events > 0);
}

int main(void)
{
    char err[1024] = "";
    model = dyad_model_load(NULL, err, sizeof err);
    if (!model) { printf("FAIL main: %s\n", err); return 1; }
    doc = dyad_doc_new();
    RUN(test_only_candidates_parsed);
    RUN(test_events_from_the_parse);
    RUN(test_same_as_all_parsed);
    dyad_doc_free(doc);
    dyad_model_free(model);
    return check_done();
}
