/*
 * quotes_int.h - the quotations stage from inside: shared types and the
 * contracts of its parts (not part of the public API).
 *
 *   lexicon.c    word classes (cue verbs, prepositions, document nouns ...)
 *                looked up by the token's folded hash, built once.
 *   pair.c       quotation marks -> quoted spans: direction settled by
 *                pairing, nesting, quotes running across paragraphs.
 *   context.c    per-document scratch: token -> sentence, mention, quote
 *                span, word class, and the "aside" regions (relative
 *                clauses, fronted subordinate clauses, parentheses).
 *   subject.c    the subject of a cue verb: which mention said it.
 *   author.c     who wrote a letter or issued a statement.
 *   attribute.c  kind and speaker of each quoted span.
 *   indirect.c   reported speech without quotation marks.
 *   quotes.c     quotes_process: runs the parts, writes doc->quotes.
 *
 * Everything per token lives in arrays allocated once per document from
 * doc->arena (reused across documents), so the stage calls malloc only
 * while doc->quotes grows to its high-water mark.
 */
#ifndef DYAD_QUOTES_INT_H
#define DYAD_QUOTES_INT_H

#include "dyad.h"

#define QNONE UINT32_MAX

/* ------------------------------------------------------------ lexicon */

/* Word classes of a token (bit set). */
enum {
    QW_SPEECH    = 1u << 0,   /* say, tell, add, warn: introduces speech, direct or reported */
    QW_STANCE    = 1u << 1,   /* praise, thank, want, agree: a quoted phrase under it is the subject's wording */
    QW_CHARACT   = 1u << 2,   /* call, describe, accuse, label: reported speech about an object */
    QW_RECIPIENT = 1u << 3,   /* tell, inform, urge: an addressee may come before the content */
    QW_READ      = 1u << 4,   /* read: a cue only after a document noun ("the letter read") */
    QW_PREP      = 1u << 5,   /* of, to, with: a mention after it is no subject */
    QW_DET       = 1u << 6,   /* a, the, his: a cue word after it is a noun ("a call") */
    QW_SUBORD    = 1u << 7,   /* after, while, if: opens an adverbial clause */
    QW_RELPRON   = 1u << 8,   /* who, whose, which */
    QW_OBJPRON   = 1u << 9,   /* him, them, his, its: never a subject */
    QW_AUTHOR    = 1u << 10,  /* send, write, issue: makes a document */
    QW_RECIPNOUN = 1u << 11,  /* reporters, journalists: an addressee */
    QW_CONJ      = 1u << 12,  /* and, but, or */
    QW_TIMENOUN  = 1u << 13,  /* days, hours: "..., days after X did Y" ends reported content */
    QW_PARTICLE  = 1u << 14,  /* off, up, back, out: "called off" is no speech */
    QW_THAT      = 1u << 15,
    QW_ACCORDING = 1u << 16,
    QW_NEG       = 1u << 17,  /* not, never, didn't */
    QW_ADVERB    = 1u << 18,  /* also, later, reportedly: skipped between subject and verb */
    QW_FRONTED   = 1u << 19,  /* speaking, asked, meanwhile: opens a fronted phrase */
    QW_NEEDTHAT  = 1u << 20,  /* announced, denied, wrote: reports speech only before a clause */
    QW_TIMEWORD  = 1u << 21,  /* yesterday, Monday, July, ago: a time phrase's head */
    QW_SUBJPRON  = 1u << 22,  /* he, it, they: starts a clause */
    QW_INGNOUN   = 1u << 23,  /* something, morning: -ing but no participle */
    QW_AUX       = 1u << 27,  /* would, had, was: a finite verb follows its subject */
    QW_TIMEMOD   = 1u << 28,  /* six, last, this: a time phrase only before a time noun */
    QW_DOC_SHIFT = 24,        /* bits 24-26: document-noun group (letter, statement ...), 0 none */
};
#define QW_DOC_MASK (7u << QW_DOC_SHIFT)
#define QW_CUE (QW_SPEECH | QW_STANCE | QW_CHARACT)

/* Build the table (once per process; thread-safe). */
void qlex_init(void);
/* Class bits of a word given its folded hash and text (any case); after
 * qlex_init. */
uint32_t qlex_class(uint32_t hash, const char *s, uint32_t len);

/* ------------------------------------------------------------ spans */

/* One quoted span found by pairing.  Token indexes are into doc->toks;
 * content is [b, e).  A span cut by a paragraph end has close == QNONE; a
 * span continuing one from the paragraph before has open == QNONE. */
typedef struct {
    uint32_t open, close;     /* mark tokens, or QNONE */
    uint32_t b, e;            /* content tokens */
    uint32_t para;
    int32_t parent;           /* enclosing span, or -1 */
    int32_t cont_prev;        /* span this one continues (previous paragraph), or -1 */
    int32_t cont_next;        /* span continuing this one, or -1 */
    uint8_t single;           /* single marks (‘ ’ ' ‹ ›) */
    /* filled by attribution */
    uint8_t kind;             /* dyad_quote_kind, 0 = not emitted */
    uint8_t own;              /* speaker found in its own sentence, not inherited */
    int32_t speaker;
    uint32_t cue;             /* cue token, or QNONE */
    uint32_t cue_ntok;
} qspan;

/* ------------------------------------------------------------ context */

typedef struct {
    dyad_doc *d;
    uint32_t *tsent;          /* token -> sentence */
    int32_t *tmention;        /* token -> mention covering it, or -1 */
    int32_t *tspan;           /* token -> innermost quoted span covering it (marks included), or -1 */
    uint32_t *tclass;         /* token -> QW_* bits */
    uint16_t *taside;         /* token -> aside region id (0: main clause) */
    uint8_t *tcue_used;       /* cue token already used by a direct quote */
    qspan *spans;
    uint32_t n_spans, cap_spans;
} qctx;

/* Build the per-token arrays (everything but tspan and spans). */
void qctx_init(qctx *c, dyad_doc *d);
/* Mark tspan from c->spans. */
void qctx_mark_spans(qctx *c);

/* Helpers over the context. */
static inline uint32_t qsent_first(const qctx *c, uint32_t s) { return c->d->sents[s].tok; }
static inline uint32_t qsent_end(const qctx *c, uint32_t s) { return c->d->sents[s].tok + c->d->sents[s].ntok; }
static inline int qtok_is(const qctx *c, uint32_t i, uint32_t bits) { return (c->tclass[i] & bits) != 0; }
int qtok_text_is(const qctx *c, uint32_t i, const char *word);        /* case-insensitive */
int qtok_is_mark(const qctx *c, uint32_t i);                           /* a quotation mark token */
int qtok_ends_ing(const qctx *c, uint32_t i);
/* Is token i a cue verb of one of `classes`, used as a verb (not "a call",
 * not "called off"), outside any quotation at the level of span `within`
 * (-1: top level)?  "read" needs a document noun just before it. */
int qcue_at(const qctx *c, uint32_t i, uint32_t classes, int32_t within);
/* Number of tokens of the cue at i: 2 for "according to", else 1. */
uint32_t qcue_len(const qctx *c, uint32_t i);

/* ------------------------------------------------------------ parts */

/* pair.c: fill c->spans from the quotation marks of every paragraph. */
void quote_pair(qctx *c);

/* subject.c: the speaker mention of cue token `cue`, searching no further
 * left than token `from` (a quotation edge, or the sentence start when
 * QNONE).  Returns a mention index or -1.  Document nouns ("the letter
 * read", "a statement accusing") are resolved to their author. */
int32_t quote_subject(const qctx *c, uint32_t cue, uint32_t from);
/* Is mention m usable as a subject: not a possessor, not governed by a
 * preposition, not an object pronoun, not inside a quotation of level
 * `within`, not in an aside other than `region`? */
int quote_mention_eligible(const qctx *c, int32_t m, int32_t within, uint16_t region);

/* author.c: the mention that wrote or issued the document named by the
 * noun at token `noun` (letter, statement, note ...), looking at the
 * noun's own phrase and then backwards through the story; -1 if unknown.
 * depth bounds the recursion through quote_subject. */
int32_t quote_doc_author(const qctx *c, uint32_t noun, int depth);
int32_t quote_subject_depth(const qctx *c, uint32_t cue, uint32_t from, int depth);

/* attribute.c: kind, speaker and cue of every span, in text order. */
void quote_attribute(qctx *c);
/* The speaker and cue of the speech reported by sentence s outside its
 * quotations (its last speech cue with a subject), for inheritance; -1 if
 * none.  *cue receives the cue token. */
int32_t quote_sentence_speaker(const qctx *c, uint32_t s, uint32_t *cue);

/* indirect.c: append INDIRECT quotes (reported speech) to doc->quotes. */
void quote_indirect(qctx *c);

/* quotes.c: append one quote to doc->quotes. */
void quote_emit(qctx *c, uint32_t off, uint32_t len, uint32_t sent, int kind, int32_t speaker,
                uint32_t cue, uint32_t cue_ntok);

#endif
