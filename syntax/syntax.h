/*
 * syntax/syntax.h - the syntax stage inside libdyad: a tagger and a
 * dependency parser of dyad's own (averaged perceptrons over hashed
 * features), the lemmatizer, the model files, treebanks and training.
 *
 *   names.c      UPOS / deprel / XPOS name tables
 *   lemma.c      rule + exception lemmatizer (tables in lemma_tables.c)
 *   guess.c      closed-class and suffix tags when no model is loaded
 *   words.c      per-word feature hashes (form, lower case, affixes, shape)
 *   weights.c    a perceptron weight table: training, averaging, int16 quantising, I/O
 *   modelfile.c  the model file envelope: magic, version, length, CRC-32
 *   tagger.c     the tagger: features, greedy decoding, one training pass
 *   parser.c     the arc-hybrid parser: features, labeller, dynamic oracle
 *   conllu.c     CoNLL-U treebank reader
 *   train.c      training loops (tagger; parser with jackknifed tags)
 *   eval.c       CoNLL 2018 style scores over a treebank
 *   stage.c      the pipeline stage: doc tokens -> words -> doc->syn
 *   tree.c       the tree queries of dyad.h
 *
 * Inside a sentence, words are numbered from 0 and heads are word indexes
 * (-1: the root); the stage maps them to document token indexes.
 */
#ifndef DYAD_SYNTAX_H
#define DYAD_SYNTAX_H

#include <stdio.h>

#include "dyad.h"
#include "../core/core.h"

#define SYN_MAX_WORD 96              /* longer words are their own lemma */
/* UAS the committed parser must reach on the first 200 EWT dev sentences
 * (tests/unit/test_syntax_model.c), so that a broken model cannot land. */
#define SYN_DEV_FLOOR_UAS 0.82

/* ------------------------------------------------------------ names */

int syn_deprel_main(int deprel);     /* "nsubj:pass" -> nsubj */

/* ------------------------------------------------------------ lemmas */

/* The lemma of a word with its tags.  buf has room for n + 2 bytes; the
 * result is either buf or a static string; its length goes to *len. */
const char *syn_lemma(const char *form, uint32_t n, int upos, int xpos, char *buf, uint32_t *len);

/* Tags from word lists and suffixes alone (no model). */
void syn_guess_tags(const char *form, uint32_t n, int first, uint8_t *upos, uint8_t *xpos);

/* ------------------------------------------------------------ words */

typedef struct {
    uint32_t form, lower, shape;     /* hashes */
    uint32_t pre[3], suf[4];         /* lower-case prefixes and suffixes of 1..3 / 1..4 bytes */
} syn_word;

void syn_word_init(syn_word *w, const char *s, uint32_t n);

/* Mix values into a feature hash (template id first). */
static inline uint32_t syn_mix(uint32_t h, uint32_t v)
{
    uint64_t x = ((uint64_t)h << 32 | v) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32) ^ (uint32_t)x;
}

/* ------------------------------------------------------------ weights */

/* Rows of per-class weights addressed by feature hash.  At run time only
 * q (int16, averaged and scaled) exists; training keeps w and the
 * averaging sums u (w_avg = w - u / step, Daume's trick). */
typedef struct {
    uint32_t bits, nclass, stride;   /* rows = 1 << bits; stride: 4, or nclass rounded up to 8 */
    int16_t *q;
    float *w;
    double *u;
    uint64_t step;
} syn_weights;

int syn_weights_init(syn_weights *W, uint32_t bits, uint32_t nclass, int training);
void syn_weights_free(syn_weights *W);
static inline uint32_t syn_row(const syn_weights *W, uint32_t h) { return h >> (32 - W->bits); }
/* scores[c] = sum over features of q[row][c]; rows are feature hashes. */
void syn_weights_score(const syn_weights *W, const uint32_t *f, int nf, int32_t *scores);
void syn_weights_score_train(const syn_weights *W, const uint32_t *f, int nf, float *scores);
void syn_weights_update(syn_weights *W, const uint32_t *f, int nf, int cls, float delta);
/* Averaged training weights -> q. */
void syn_weights_quantize(syn_weights *W);
void syn_weights_write(dbuf *b, const syn_weights *W);

/* A bounds-checked reader over a model payload. */
typedef struct { const unsigned char *p, *end; int bad; } syn_reader;
uint32_t syn_read_u32(syn_reader *r);
uint64_t syn_read_varint(syn_reader *r);
void syn_put_u32(dbuf *b, uint32_t v);
void syn_put_varint(dbuf *b, uint64_t v);
int syn_weights_read(syn_reader *r, syn_weights *W);

/* ------------------------------------------------------------ model files */

enum { SYN_KIND_TAGGER = 1, SYN_KIND_PARSER = 2 };
#define SYN_FORMAT_VERSION 1u

/* Write payload with the envelope; 0 ok, else errno-like and a message. */
int syn_model_save(const char *path, int kind, const dbuf *payload, char *err, size_t errlen);
/* Read and check the envelope; on success *data / *len is the payload
 * (malloc'd: free it).  Truncation, a bad magic, version, kind or CRC is an
 * error naming the file. */
int syn_model_read(const char *path, int kind, unsigned char **data, size_t *len, char *err, size_t errlen);

/* ------------------------------------------------------------ tagger */

#define SYN_TAG_MAX 128              /* tag classes: (UPOS, XPOS) pairs */

typedef struct {
    uint32_t nclass;
    uint8_t upos[SYN_TAG_MAX], xpos[SYN_TAG_MAX];
    /* Word lexicon: the commonest class of each frequent training word
     * (lower-case hash), a feature for the word and its right neighbours,
     * whose tags are not known yet when a word is tagged. */
    uint32_t lex_bits, lex_n;
    uint32_t *lex_key;
    uint8_t *lex_cls;
    syn_weights W;
} syn_tagger;

#define SYN_TAG_FEATS 40
#define SYN_NO_CLASS 255u
uint32_t syn_tagger_lexicon(const syn_tagger *T, uint32_t lower);   /* class or SYN_NO_CLASS */
/* Build the lexicon from (lower hash, class) pairs of the training words:
 * words seen at least min_count times. */
int syn_tagger_build_lexicon(syn_tagger *T, const uint32_t *lower, const uint8_t *cls, uint32_t n, uint32_t min_count);
int syn_tagger_features(const syn_tagger *T, const syn_word *w, uint32_t n, uint32_t i, const uint8_t *tags, uint32_t *f);
/* Greedy left to right; tags[i] are class indexes. */
void syn_tag(const syn_tagger *T, const syn_word *w, uint32_t n, uint8_t *tags);
int syn_tagger_load(syn_tagger *T, const char *path, char *err, size_t errlen);
int syn_tagger_save(const syn_tagger *T, const char *path, char *err, size_t errlen);
void syn_tagger_free(syn_tagger *T);
int syn_tagger_class(const syn_tagger *T, int upos, int xpos);   /* nearest class of a gold pair */

/* ------------------------------------------------------------ parser */

enum { SYN_SHIFT, SYN_LEFT, SYN_RIGHT, SYN_MOVES };

typedef struct {
    syn_weights T;                   /* SHIFT / LEFT / RIGHT */
    syn_weights L;                   /* labels: dyad_deprel */
} syn_parser;

/* Per-sentence working memory, grown as needed; one per thread.  With an
 * arena, syn_state_reserve takes the memory from it (nothing to free). */
typedef struct {
    uint32_t cap;
    void *block;
    int32_t *stack, *head, *lc1, *lc2, *rc1, *rc2;
    int32_t *gold_head, *gold_left_in_buf, *gold_kids_on_stack;   /* training only */
    uint64_t *lset;
    uint8_t *nl, *nr, *on_stack, *label;
    uint64_t rng;
} syn_state;

int syn_state_reserve(syn_state *s, uint32_t n, dyad_arena *arena);
void syn_state_free(syn_state *s);
/* Parse one sentence: ptag[i] = upos | xpos << 5.  head[i] word index or -1. */
void syn_parse(const syn_parser *P, syn_state *st, const syn_word *w, const uint16_t *ptag, uint32_t n,
               int32_t *head, uint8_t *label);
/* One training pass over a sentence (gold head / label); explore: follow
 * the model's own moves with this probability.  Returns correct heads. */
uint32_t syn_parse_train(syn_parser *P, syn_state *st, const syn_word *w, const uint16_t *ptag, uint32_t n,
                         const int32_t *gold_head, const uint8_t *gold_label, double explore,
                         int32_t *head, uint8_t *label);
int syn_parser_load(syn_parser *P, const char *path, char *err, size_t errlen);
int syn_parser_save(const syn_parser *P, const char *path, char *err, size_t errlen);
void syn_parser_free(syn_parser *P);
static inline uint16_t syn_ptag(int upos, int xpos) { return (uint16_t)(upos | xpos << 5); }

/* ------------------------------------------------------------ treebanks */

typedef struct {
    uint32_t n_sent, n_word;
    uint32_t *sent;                  /* n_sent + 1 word offsets */
    uint32_t *text_off, *text_len;   /* `# text =` of each sentence in str, len 0 if none */
    uint32_t *form_off, *form_len, *lemma_off, *lemma_len;
    uint8_t *upos, *xpos, *deprel;
    int32_t *head;                   /* sentence word index, -1 root */
    uint8_t *space_after;
    char *str; size_t str_len, str_cap;
    uint32_t cap_sent, cap_word;
} syn_treebank;

int syn_treebank_read(const char *path, syn_treebank *tb, char *err, size_t errlen);
void syn_treebank_free(syn_treebank *tb);
syn_word *syn_treebank_words(const syn_treebank *tb);   /* malloc'd, one per word */

/* ------------------------------------------------------------ training */

typedef struct {
    int iters;
    uint64_t seed;
    int jackknife;                   /* parser: folds for predicted training tags (0: gold tags) */
    int tagger_iters;                /* parser: iterations of each fold tagger */
    uint32_t bits;                   /* tagger / parser moves: 2^bits weight rows, 0: default */
    uint32_t label_bits;             /* parser labels: 2^label_bits rows, 0: default */
    double explore;                  /* parser: chance of following its own move from iteration 2 */
    uint32_t min_count;              /* tagger: classes and lexicon words seen this often (0: 5) */
    int quiet;
} syn_train_opts;

int syn_train_tagger(const syn_treebank *train, const syn_treebank *dev, const syn_train_opts *o,
                     syn_tagger *out, char *err, size_t errlen);
int syn_train_parser(const syn_treebank *train, const syn_treebank *dev, const syn_tagger *dev_tagger,
                     const syn_train_opts *o, syn_parser *out, char *err, size_t errlen);

/* ------------------------------------------------------------ evaluation */

typedef struct {
    uint64_t sentences, words, upos, xpos, lemma, uas, las;
} syn_scores;

/* Tag and parse the treebank's gold words (tagger or parser may be NULL). */
void syn_eval_gold(const syn_tagger *T, const syn_parser *P, const syn_treebank *tb, syn_scores *s);
void syn_scores_print(FILE *out, const syn_scores *s);

/* ------------------------------------------------------------ the stage */

typedef struct {
    syn_tagger *tagger;
    syn_parser *parser;
} syntax_model;

/* Load data_dir/syntax/{tagger,parser}.bin.  A missing file is no error
 * (the stage then guesses tags and leaves sentences unparsed); a broken
 * one is.  Returns NULL with a message on error. */
syntax_model *syntax_load(const char *data_dir, char *err, size_t errlen);
void syntax_free(syntax_model *m);
/* The syntactic words of one sentence (contractions split), tagged and
 * parsed; heads are word indexes.  Arrays of at least twice the
 * sentence's tokens, from syn_words_alloc. */
typedef struct {
    syn_word *w;
    uint32_t *tok;                   /* word -> doc token */
    uint32_t *off, *len;             /* word text in doc->text */
    uint8_t *tags, *upos, *xpos, *label, *neg;
    uint16_t *ptag;
    int32_t *head;
} syn_words;

void syn_words_alloc(syn_words *W, uint32_t max_words, dyad_arena *a);
uint32_t syn_sentence_words(const syntax_model *m, const dyad_doc *d, uint32_t sent, syn_words *W, syn_state *st);

/* The stage in two steps, so that the pipeline tags every sentence early
 * (the actors stage reads the tags) and parses later only the sentences
 * the events coder can use.
 * syntax_tag: doc->syn for every token: tags, lemmas, flags; heads -1 and
 * deprel NONE (no sentence parsed).  m may be NULL (guessed tags).
 * syntax_parse: after syntax_tag, parse the sentences s with want[s] != 0
 * (want NULL: all) with the tags syntax_tag gave; the others keep deprel
 * NONE, which dyad_sent_parsed() reads as unparsed.  Returns the number of
 * sentences parsed (0 without a parser model).
 * syntax_process: both, every sentence (dyad parse). */
void syntax_tag(const syntax_model *m, dyad_doc *doc);
uint32_t syntax_parse(const syntax_model *m, dyad_doc *doc, const uint8_t *want);
void syntax_process(const syntax_model *m, dyad_doc *doc);

/* Like syn_eval_gold over dyad's own tokens of each `# text =` line,
 * aligned to the gold words by non-space character spans: a gold word
 * counts as right only if a system word has exactly its span (and the
 * right tag, lemma, or head word and label). */
void syn_eval_tokenized(const syntax_model *m, const syn_treebank *tb, syn_scores *s);

#endif
