/*
 * dict/tc.h - the inside of the TABARI-mode coder (tabari_code.h), shared
 * by its files; not API.
 *
 *   tc_words.c    dictionary words as document tokens; the phrase trie
 *   tc_load.c     tabari_coder_load: readers -> compiled tables; discards
 *   tc_actors.c   actor and agent files -> trie + dated code lists
 *   tc_verbs.c    verb files -> verb trie, patterns expanded and ordered
 *   tc_index.c    big blocks: their variants filed under a required word
 *   tc_discard.c  discard lists: compile, and drop discarded sentences' events
 *   tc_mentions.c per document: actor / agent phrases -> doc->mentions
 *   tc_view.c     per sentence: folded tokens, mentions, compounds, clauses
 *   tc_match.c    one pattern against one clause around one verb
 *   tc_coder.c    per clause: verbs, pattern precedence, codes, dominance
 *   tc_events.c   slots, defaults, passive, compounds -> doc->events
 *
 * Words.  A dictionary word is tokenised with dyad_tokenize, the document
 * tokenizer, so "U.S.", "SANKT-PETERBURG" and "D'ETAT" split as the same
 * words do in text and token hashes (hash_folded) can be compared.  A word
 * then matches a token in one of three ways (tc_word.kind):
 *   EXACT  the token's hash equals the word's;
 *   STEM   the token's folded text begins with the word (TABARI's bare words);
 *   FORMS  the token is the word or one of the regular forms PETRARCH
 *          generates: +S (+ES, Y -> IES), +ED (+D, Y -> IED), +ING (final E
 *          dropped); kept as hashes, so matching is a few integer compares.
 *
 * The phrase trie maps token sequences to payloads (actor, agent, verb or
 * discard indexes).  Edges are EXACT (token hash) or STEM (a prefix of the
 * folded token, keyed by its hash and length, behind a Bloom filter so that
 * a token whose prefixes start no stem costs a few bit tests).  FORMS are
 * expanded into EXACT phrases when a trie is built.
 */
#ifndef DYAD_DICT_TC_H
#define DYAD_DICT_TC_H

#include "tabari_code.h"
#include "../core/core.h"
#include "../events/model.h"

#include <stdint.h>

#define TC_CODE 16                    /* actor codes, as dyad_mention.code */
#define TC_MAX_FOLD 64                /* folded bytes kept per token */

/* ------------------------------------------------------------ strings */

typedef struct { char *p; uint32_t n, cap; } tc_pool;
/* Copies s[0..n) and a NUL; returns the offset. */
uint32_t tc_pool_add(tc_pool *p, const char *s, size_t n);
/* "RUSSIAN_FEDERATION_" -> "Russian Federation" (for entity names). */
uint32_t tc_pool_pretty(tc_pool *p, const char *s);

/* ------------------------------------------------------------ words */

enum { TC_EXACT = 1, TC_STEM, TC_FORMS };

typedef struct {
    uint32_t hash;                    /* hash_folded of the word */
    uint32_t text;                    /* its folded text in the pool */
    uint32_t forms;                   /* FORMS: nforms hashes (uint32) in the pool */
    uint16_t len;
    uint8_t kind;                     /* TC_EXACT / STEM / FORMS */
    uint8_t join;                     /* the next word must follow at once */
    uint8_t nforms;
} tc_word;

typedef struct { tc_word *w; uint32_t n, cap; } tc_words;

/* Appends the words of one dictionary word `text` (upper case as read) to
 * ws: its dyad tokens, joined, the last of kind `kind` and join `join`, the
 * others EXACT.  scratch is a reusable token array.  Returns how many words
 * were added (0: the text has no token). */
uint32_t tc_words_add(tc_words *ws, tc_pool *pool, const char *text, int kind, int join,
                      dyad_token **scratch, uint32_t *scratch_cap);

/* Does word w match a token whose folded text is f[0..fn) and hash h? */
int tc_word_match(const char *pool, const tc_word *w, uint32_t h, const char *f, uint32_t fn);

/* Regular forms of a folded word (PETRARCH): base, +s / +es / y->ies, and
 * with verbs also +ed / +d / y->ied and +ing (final e dropped).  Writes up
 * to 8 NUL-separated forms into out; returns how many. */
int tc_regular_forms(const char *w, size_t n, int verb, char out[8][TC_MAX_FOLD]);

/* ------------------------------------------------------------ the trie */

typedef struct { uint32_t node, hash, child; uint16_t stem; uint16_t used; } tc_edge;
typedef struct { uint32_t head, tail; uint8_t stems; } tc_tnode;
typedef struct { uint32_t value, next; } tc_pay;

typedef struct {
    uint64_t *first;                  /* filter on the hashes of first words (tc_trie_finish) */
    uint32_t first_mask;              /* its size in bits - 1 */
    tc_tnode *nodes;  uint32_t n_nodes, cap_nodes;
    tc_edge *edges;   uint32_t mask, n_edges;
    tc_pay *pays;     uint32_t n_pays, cap_pays;
    uint64_t *bloom;                  /* stem edges, TC_BLOOM_BITS bits */
    uint16_t stem_min, stem_max;
    uint32_t n_phrases;
} tc_trie;

void tc_trie_init(tc_trie *t);
void tc_trie_free(tc_trie *t);
/* Adds the phrase w[0..n) (EXACT and STEM words only) with a payload; the
 * payloads of one phrase stay in insertion order. */
void tc_trie_add(tc_trie *t, const tc_word *w, uint32_t n, uint32_t value);
/* Sizes and fills the first-word filter once every phrase is in (a trie
 * that was not finished works, without the filter). */
void tc_trie_finish(tc_trie *t);
/* The best phrase starting at token i (tokens before end): most tokens,
 * then fewest stem words, then longest stems.  Returns its token count and
 * sets *node (payloads: t->nodes[*node].head, then .next), or 0. */
uint32_t tc_trie_longest(const tc_trie *t, const dyad_doc *d, uint32_t i, uint32_t end, uint32_t *node);

/* Fold token k of d into buf (TC_MAX_FOLD); returns the length. */
uint32_t tc_fold_token(const dyad_doc *d, uint32_t k, char *buf);

/* ------------------------------------------------------------ compiled model */

typedef struct { char code[8]; uint8_t kind, mod; } tc_code;   /* kind: TABARI_CODE_* */

typedef struct {
    char code[TC_CODE];
    uint8_t when;                     /* tabari_when */
    int32_t from, to;                 /* YYYYMMDD, inclusive */
} tc_acode;

typedef struct {
    uint32_t code_at, n_codes;        /* in c->acodes; none: the null code */
    uint32_t name;                    /* pretty primary name, in the pool */
    uint8_t dated;                    /* some code is dated: a person or an office */
} tc_actor;

typedef struct {
    char code[TC_CODE];               /* without the '~' */
    uint8_t after;                    /* [~MIL]: after the actor's code; [IGO~]: before */
    uint32_t name;                    /* pretty name, in the pool */
} tc_agent;

/* Pattern items, after { | } alternatives were expanded into variants. */
enum { TI_WORDS = 1, TI_SYN, TI_SRC, TI_TGT, TI_CMP, TI_SKIP };
typedef struct {
    uint8_t kind, join;               /* join: the next item (text order) must follow at once */
    uint16_t n;                       /* WORDS: word count */
    uint32_t a;                       /* WORDS: first word in c->pw; SYN: synset */
} tc_item;

typedef struct { uint32_t word_at, n; } tc_run;       /* a synset member, words in c->pw */
typedef struct {
    uint32_t run_at, n_runs;
    uint64_t first[8];                /* 512-bit filter on the hashes of its members'
                                         first tokens (all their forms) */
    uint8_t unfiltered;               /* a member starts with a stem: no filter */
} tc_syn;

enum { TC_S_SRC = 1, TC_S_TGT = 2, TC_S_CMP = 4 };

/* One way a pattern can match: the pattern itself, or one choice for each
 * of its { | } groups.  Variants of a block are sorted by TABARI's order. */
typedef struct {
    uint32_t item_at;
    uint16_t n_lo, n_up;              /* items before the verb, then after it, text order */
    uint8_t join_up;                  /* the first item after the verb must touch it */
    uint8_t slots;                    /* TC_S_* */
    uint16_t len;                     /* TABARI's length of this variant */
    uint16_t litchars;                /* of the whole pattern (longest alternatives) */
    uint32_t order;                   /* file order, then alternative order */
    tc_code code, pair;
    uint64_t sig[12];                 /* 256 bits each: required words, stem prefixes, FORMS bases */
    const char *id;                   /* "FILE:LINE" */
    const char *text;                 /* the pattern as written */
} tc_var;

/* Big blocks (SAID has 1,467 patterns) are not scanned pattern by pattern:
 * each variant is filed under one word it requires (an exact word's hash,
 * or the first three letters of a stem), and the coder looks up only the
 * words of the clause.  Variants that require no word are "keyless". */
typedef struct {
    uint32_t var_at, n_var;
    uint32_t keyless_at, n_keyless;   /* in c->vidx, when indexed */
    uint8_t indexed;
} tc_block;

enum { TC_KEY_WORD = 1, TC_KEY_PRE3 = 2 };
typedef struct { uint32_t block, hash, first, n; uint8_t kind, used; } tc_vkey;
typedef struct {
    uint32_t block;
    tc_code code, pair;               /* the verb's own code (else the block's) */
    const char *id, *text;
} tc_verb;

typedef struct { uint8_t story; } tc_discard;

/* Hashes of the function words the coder looks at. */
typedef struct {
    uint32_t and_, comma, amp, of, from, in, the, poss, former, by, but, while_, whereas, semi, colon;
    uint32_t aux[8]; int n_aux;
    uint32_t neg[6]; int n_neg;
} tc_fw;

struct tabari_coder {
    tc_pool pool;
    dyad_arena *strings;
    tc_trie actors_t, agents_t, verbs_t, discards_t;
    tc_actor *actors;    uint32_t n_actors, cap_actors;
    tc_acode *acodes;    uint32_t n_acodes, cap_acodes;
    tc_agent *agents;    uint32_t n_agents, cap_agents;
    tc_verb *verbs;      uint32_t n_verbs, cap_verbs;
    tc_block *blocks;    uint32_t n_blocks, cap_blocks;
    tc_var *vars;        uint32_t n_vars, cap_vars;
    tc_item *items;      uint32_t n_items, cap_items;
    tc_words pw;                      /* words of patterns and synset members */
    tc_run *runs;        uint32_t n_runs, cap_runs;
    tc_syn *syns;        uint32_t n_syns, cap_syns;
    tc_discard *discards; uint32_t n_discards, cap_discards;
    tc_vkey *vkeys;      uint32_t vkey_mask, n_vkeys;
    uint64_t vkey_bits[1024];         /* filter on (block, key) before probing vkeys */
    uint32_t *vidx;      uint32_t n_vidx, cap_vidx;
    uint32_t max_items;               /* the most items of any variant */
    int has_verbs, has_actors, has_discards;
    int dialect;                      /* tabari_dialect of the verb file */
    events_model *ontology;
    tc_fw fw;
    tabari_coder_stats stats;
};

/* Loading (tc_actors.c, tc_verbs.c): 0, or -1 with err set. */
int tc_load_actors(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                   char *err, size_t errlen);
int tc_load_agents(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                   char *err, size_t errlen);
int tc_load_verbs(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                  char *err, size_t errlen);
int tc_load_discards(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                     char *err, size_t errlen);

/* ------------------------------------------------------------ per sentence */

typedef struct {
    const tabari_coder *c;
    dyad_doc *d;
    uint32_t s, a, b;                 /* sentence, its tokens [a, b) */
    uint32_t ca, cb;                  /* the clause being coded */
    int32_t *inside;                  /* usable mention covering token a + k, or -1 */
    uint32_t m0, nm;                  /* the sentence's mentions: m0 .. m0 + nm - 1 */
    int32_t *ghead, *gnext;           /* per mention - m0: its compound group's first
                                         mention, the next member (or -1) */
    char *fold;                       /* folded tokens, TC_MAX_FOLD bytes each */
    uint8_t *flen;
    uint32_t *pre3;                   /* hash of the first three folded bytes (0: shorter) */
    uint64_t sig[12];                 /* of the clause (tc_var.sig) */
    /* Failures already seen while matching one variant: (item, token) pairs
     * stamped with the match's number, so backtracking never repeats work
     * (patterns of common words would otherwise take exponential time). */
    uint32_t *memo;                   /* 2 * (max_items + 1) * (sentence tokens + 1) stamps */
    uint32_t *stamp;                  /* the current match's number */
    FILE *explain;
} tc_sent;

static inline int32_t tc_in(const tc_sent *v, uint32_t k) { return k >= v->a && k < v->b ? v->inside[k - v->a] : -1; }

/* What a pattern matched: slot mentions (-1 when the pattern has none) and
 * the token span it covered. */
typedef struct {
    int32_t src, tgt, cmp;
    uint32_t lo, hi;
} tc_slots;

/* tc_index.c: index block bi (after its variants were sorted), when big;
 * the variants of an indexed block filed under key (kind, hash), in order. */
void tc_index_block(tabari_coder *c, uint32_t bi);
const tc_vkey *tc_vkey_find(const tabari_coder *c, uint32_t block, uint8_t kind, uint32_t hash);

/* tc_view.c: the view of sentence v->s (mi: the first mention not before
 * it, advanced); groups; clauses; the clause's signature. */
void tc_view_build(tc_sent *v, uint32_t *mi);
int32_t tc_group_of(const tc_sent *v, int32_t mi);
int tc_group_size(const tc_sent *v, int32_t head);
uint32_t tc_clause_end(const tc_sent *v, uint32_t from, uint32_t *next);
void tc_clause_sig(tc_sent *v);

/* tc_events.c: the events of a verb at [vb, ve) with its code; returns how
 * many were made.  carry is the source carried from clause to clause. */
enum { TC_EV_DOMINANT = EVENTS_EV_DOMINANT, TC_EV_SUBORD = EVENTS_EV_SUBORD };   /* events_resolve_modifiers */
int tc_make_events(tc_sent *v, uint32_t vb, uint32_t ve, const tc_slots *sl, const tc_code *code,
                   const tc_code *pair, const char *rule, uint32_t flags, int32_t *carry);

/* Does variant p match around the verb at tokens [vb, ve) of the clause? */
int tc_match(const tc_sent *v, const tc_var *p, uint32_t vb, uint32_t ve, tc_slots *out);
/* Does the run of words w[0..n) match at token k?  Returns tokens used, or 0. */
uint32_t tc_run_at(const tc_sent *v, const tc_word *w, uint32_t n, uint32_t k, uint32_t end);

/* Quotation marks are skipped wherever words must touch. */
int tc_is_quote(const dyad_doc *d, uint32_t k);
int tc_fw_in(const uint32_t *set, int n, uint32_t h);

#endif
