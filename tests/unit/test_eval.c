/*
 * test_eval.c - the gold-set reader and the event scorer on a document whose
 * events are set by hand, so every count below is known.
 */
#include "../check.h"
#include "../../eval/eval.h"

#include <unistd.h>

static const char story[] =
    "French President Emmanuel Macron criticised Russia on Monday over its troops.\n\n"
    "The weather in Paris was mild, with light rain expected later in the week.\n\n"
    "German Chancellor Olaf Scholz met Polish President Andrzej Duda in Warsaw on Tuesday.\n\n"
    "The Kremlin rejected the criticism and accused France of meddling.\n";

static const char *write_tmp(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-test-eval-%d.tsv", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static void add_event(dyad_doc *d, uint32_t sent, const char *src, const char *tgt, const char *cameo,
                      const char *date)
{
    d->events = dyad_grow(d->events, &d->cap_events, d->n_events + 1, sizeof *d->events);
    dyad_event *e = &d->events[d->n_events++];
    memset(e, 0, sizeof *e);
    e->sent = sent;
    snprintf(e->source_code, sizeof e->source_code, "%s", src);
    snprintf(e->target_code, sizeof e->target_code, "%s", tgt);
    snprintf(e->cameo, sizeof e->cameo, "%s", cameo);
    e->source = e->target = -1;
    if (date) dyad_date_parse(date, &e->date);
}

/* Offsets of the story's sentences in `story`. */
static uint32_t off_of(const char *s) { return (uint32_t)(strstr(story, s) - story); }

static void test_score_levels(void)
{
    char gold[2048];
    snprintf(gold, sizeof gold,
             "# a gold file for the test story\n"
             "doc eval/story.txt story.txt 2022-02-16 4\n"
             "ev story.txt %u:77 FRAGOV RUS|RUSGOV 111 2022-02-14\n"
             "ev story.txt %u:85 DEUGOV POLGOV 043|040 2022-02-15\n"
             "ev story.txt %u:66 RUSGOV FRA|FRAGOV 112 -\n",
             off_of("French"), off_of("German"), off_of("The Kremlin"));
    eval_gold g;
    char err[256];
    CHECK_INT(eval_gold_load(write_tmp(gold), &g, err, sizeof err), 0);
    CHECK_INT(g.n_docs, 1);
    CHECK_INT(g.n_events, 3);

    dyad_doc *d = dyad_doc_new();
    dyad_doc_set_raw(d, story, sizeof story - 1);
    dyad_text_process(d);
    CHECK_INT(d->n_sents, 4);
    add_event(d, 0, "FRAGOV", "RUS", "111", "2022-02-14");        /* exact */
    add_event(d, 0, "FRAGOV", "RUS", "111", "2022-02-14");        /* the same again */
    add_event(d, 1, "FRA", "", "010", NULL);                      /* in a negative sentence */
    add_event(d, 2, "DEUGOV", "POLGOV", "040", "2022-02-16");     /* wrong date */
    add_event(d, 3, "RUSGOV", "", "016", NULL);                   /* no target: spurious */
    add_event(d, 3, "RUSGOVKRM", "FRAGOV", "1123", NULL);         /* root right, code not */

    eval_score s;
    memset(&s, 0, sizeof s);
    eval_score_doc(&g, 0, story, sizeof story - 1, d, &s, NULL);
    CHECK_INT(s.tp[EVAL_EXACT], 2);
    CHECK_INT(s.fp[EVAL_EXACT], 3);
    CHECK_INT(s.fn[EVAL_EXACT], 1);
    CHECK_INT(s.tp[EVAL_ROOT], 3);
    CHECK_INT(s.fp[EVAL_ROOT], 2);
    CHECK_INT(s.fn[EVAL_ROOT], 0);
    CHECK_INT(s.duplicates, 1);
    CHECK_INT(s.tp[EVAL_SENTENCE], 3);
    CHECK_INT(s.fp[EVAL_SENTENCE], 1);
    CHECK_INT(s.fn[EVAL_SENTENCE], 0);
    CHECK_INT(s.dated, 2);
    CHECK_INT(s.dates_right, 1);
    CHECK_INT(s.emitted, 6);
    CHECK_INT(s.untargeted, 2);
    dyad_doc_free(d);
    eval_gold_free(&g);
}

static void test_countries_level(void)
{
    eval_gold g;
    char err[256];
    char gold[512];
    snprintf(gold, sizeof gold, "doc eval/story.txt story.txt 2022-02-16 4\n"
                                "ev story.txt %u:77 FRAGOV RUSGOV 111 -\n", off_of("French"));
    CHECK_INT(eval_gold_load(write_tmp(gold), &g, err, sizeof err), 0);
    dyad_doc *d = dyad_doc_new();
    dyad_doc_set_raw(d, story, sizeof story - 1);
    dyad_text_process(d);
    add_event(d, 0, "FRA", "RUSMIL", "112", NULL);     /* countries right, roles not */
    eval_score s;
    memset(&s, 0, sizeof s);
    eval_score_doc(&g, 0, story, sizeof story - 1, d, &s, NULL);
    CHECK_INT(s.tp[EVAL_ROOT], 0);
    CHECK_INT(s.tp[EVAL_COUNTRIES], 1);
    dyad_doc_free(d);
    eval_gold_free(&g);
}

static void test_gold_errors(void)
{
    static const struct { const char *text, *why; } bad[] = {
        {"doc eval/story.txt story.txt 2022-02 4\n", "PUBDATE"},
        {"doc eval/story.txt story.txt 2022-02-16 4\nev story.txt 0:77 FRAGOV RUS 11x -\n", "CAMEO"},
        {"doc eval/story.txt story.txt 2022-02-16 4\nev story.txt 0-77 FRAGOV RUS 111 -\n", "SENTENCES"},
        {"doc eval/story.txt story.txt 2022-02-16 4\nev other.txt 0:77 FRAGOV RUS 111 -\n", "not the last doc"},
        {"doc eval/story.txt story.txt 2022-02-16 4\nev story.txt 0:77 - RUS 111 -\n", "SOURCE"},
        {"doc eval/story.txt story.txt 2022-02-16 4\nev story.txt 0:77 FRAGOV RUS 111 2022-13-01\n", "DATE"},
        {"event story.txt\n", "starts with"},
        {"# nothing\n", "no documents"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        eval_gold g;
        char err[256] = "";
        int r = eval_gold_load(write_tmp(bad[i].text), &g, err, sizeof err);
        CHECK_INT(r, -1);
        if (!strstr(err, bad[i].why)) CHECK_NOTE("gold error %zu: '%s' lacks '%s'", i, err, bad[i].why);
    }
    unlink(write_tmp(""));
}

int main(void)
{
    RUN(test_score_levels);
    RUN(test_countries_level);
    RUN(test_gold_errors);
    return check_done();
}
