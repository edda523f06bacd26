/*
 * eval.h - scoring dyad's events against a hand-coded gold set.
 *
 * A gold file (tests/gold/events.tsv; format in tests/gold/README.md) names
 * documents of corpora by id and the sentences of each by byte spans into the
 * record's text, with the events a careful coder finds there.  It never holds
 * the text: the evaluator reads the corpora, codes each gold document with
 * the pipeline, maps dyad's sentences onto the gold spans by their words (the
 * clean text is not byte-identical to the raw text), and matches events per
 * sentence at four levels:
 *
 *   exact           CAMEO code, source and target
 *   root            CAMEO root (two digits), source and target
 *   countries       CAMEO root, the sides' country (first three characters)
 *   sentence        an event or none, per sentence
 *
 * Actors are compared on their first six characters (country and primary
 * role) against the gold alternatives.  Matching is greedy in document
 * order; a second dyad event matching an already matched gold event is a
 * duplicate, counted apart.
 */
#ifndef DYAD_EVAL_H
#define DYAD_EVAL_H

#include <stdint.h>
#include <stdio.h>

#include "dyad.h"

#define EVAL_MAX_ALT 12

typedef struct {
    uint32_t off, len;
} eval_span;

typedef struct {
    char text[EVAL_MAX_ALT][12];
    int n;
} eval_alts;

typedef struct {
    int doc;                        /* index into eval_gold.docs */
    eval_span spans[8];
    int n_spans;
    eval_alts source, target, cameo, date;   /* "-" in an alternative: none */
    int line;
} eval_event;

typedef struct {
    char corpus[256];               /* path under ../shared: "corpus/bbc.jsonl" */
    char id[128];                   /* record id, or the file name for a plain file */
    dyad_date pubdate;
    int n_sents;
    int line;
} eval_doc;

typedef struct {
    eval_doc *docs;    int n_docs;
    eval_event *events; int n_events;
} eval_gold;

/* Parse a gold file; on error returns -1 with "FILE:LINE: why" in err. */
int eval_gold_load(const char *path, eval_gold *g, char *err, size_t errlen);
void eval_gold_free(eval_gold *g);

/* Read the document named id ("-": the first) from file into d: 1 found,
 * 0 not there, -1 the file cannot be read (err says why).  Gold sets name
 * a handful of documents, so a scan from the start is enough. */
int eval_doc_find(const char *file, const char *id, dyad_doc *d, char *err, size_t errlen);

enum { EVAL_EXACT, EVAL_ROOT, EVAL_COUNTRIES, EVAL_SENTENCE, EVAL_LEVELS };

typedef struct {
    uint64_t tp[EVAL_LEVELS], fp[EVAL_LEVELS], fn[EVAL_LEVELS];
    uint64_t duplicates;            /* at the root level */
    uint64_t dated, dates_right;    /* root-level matches with a gold date */
    uint64_t emitted, untargeted;
    uint64_t docs, sents;
} eval_score;

/* Score one coded document against its gold events (doc index `gd`);
 * `raw` is the record's text the gold spans index.  Misses and spurious
 * events are listed on `list` when it is not NULL. */
void eval_score_doc(const eval_gold *g, int gd, const char *raw, size_t raw_len,
                    const dyad_doc *d, eval_score *s, FILE *list);
void eval_print(const eval_score *s, FILE *out);

/* places.c: `dyad eval places GOLD.tsv`; the figures on stdout, each miss
 * on `list` when not NULL.  -1 with the reason in err. */
/* Words of s reduced to lower-case letters and digits (clean text and raw
 * body differ in whitespace and quotes); the length written. */
size_t eval_norm_key(const char *s, size_t n, char *out, size_t cap);
/* Two reduced texts are the same sentence: the start of one lies in the other. */
int eval_same_words(const char *a, size_t na, const char *b, size_t nb);
int eval_places(const dyad_model *m, const char *gold, FILE *list, char *err, size_t errlen);
/* entities.c: named entities against tests/gold/entities.tsv; corpora
 * under `shared`.  Prints P/R/F1 (typed, coarse, span); 0 or -1 with err. */
int eval_entities(const dyad_model *m, const char *gold, const char *shared, FILE *list, char *err, size_t errlen);

#endif
