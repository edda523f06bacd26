/*
 * dict/tabari.h - readers for the field's TABARI / PETRARCH dictionary formats.
 *
 * What this module does: it reads the public event-coding dictionaries that
 * TABARI (C++, 2000-2012) and PETRARCH-1/-2 (Python, 2014-2016) use -- verb
 * pattern files, actor files with dated codes, agent files and discard lists --
 * into plain C structures that a coder can walk.  It does not code text.  The
 * formats, the representation and the coding semantics a coder must honour
 * are described in docs/tabari-dictionaries.md.
 *
 * Contract
 *
 *  - tabari_load_<kind>(path, out, report, ctx) reads the whole file into *out,
 *    which it initialises first (there is nothing to set up beforehand) and
 *    which the caller releases with tabari_<kind>_free() whatever the result.
 *    It returns the number of entries loaded (patterns for a verb file, actors,
 *    agents or discard phrases) or -1 when the file cannot be read or memory
 *    runs out; that failure is also reported, with line number 0.
 *    tabari_parse_<kind>() does the same from a buffer already in memory.
 *
 *  - Never silent: every non-blank, non-comment line the reader cannot use is
 *    passed to report() with TABARI_UNUSABLE, its 1-based line number and the
 *    reason; it is left out of *out and counted in out->unusable.  A line that
 *    is used but looks wrong (stray control bytes, a non-CAMEO event code, a
 *    synset never used ...) is passed with TABARI_WARNING and counted in
 *    out->warnings.  report may be NULL; the counts are kept regardless.  The
 *    `text` handed to report is the raw line (without its line break), valid
 *    only during the call.  Malformed input never crashes the reader.
 *
 *  - Everything in *out (strings, element arrays) is owned by *out and lives
 *    until tabari_<kind>_free().  Words are folded to upper case (ASCII letters
 *    only; other bytes are kept as they are), as TABARI and PETRARCH do.
 *
 *  - Loading is a single pass over the file held in memory (a second, cheap pass
 *    collects forward definitions such as synsets); memory comes from an arena
 *    owned by *out and words are interned, so equal words share one pointer.
 *
 *  - Every non-static symbol of the module starts with tabari_.  Names starting
 *    with tabari__ are shared between the module's .c files and are not API.
 *
 * Files: tabari_actors.c holds the shared machinery (arena, interning, line
 * reader, comments, phrases, dates) and the actor reader; tabari_verbs.c the
 * verb/synset reader; tabari_agents.c agents, discards, format sniffing and
 * tabari_check().
 */
#ifndef DYAD_DICT_TABARI_H
#define DYAD_DICT_TABARI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Reporting                                                                 */

typedef enum {
    TABARI_WARNING = 1,  /* the line was used, but something about it is odd */
    TABARI_UNUSABLE = 2  /* the line was not used */
} tabari_severity;

/* Called once per reported line.  path is the name given to the loader. */
typedef void (*tabari_report_fn)(void *ctx, const char *path, int line,
                                 tabari_severity sev, const char *reason,
                                 const char *text);

/* A ready-made report function: ctx is a FILE * (stderr when NULL); prints
 * "path:line: unusable|warning: reason: text". */
void tabari_print_issue(void *ctx, const char *path, int line,
                        tabari_severity sev, const char *reason, const char *text);

/* ------------------------------------------------------------------------ */
/* Pattern and phrase elements                                               */

typedef enum {
    TABARI_EL_WORD = 1,  /* a word followed by '_': matches that whole word only */
    TABARI_EL_STEM,      /* a word with no '_' after it: TABARI matches any word
                            beginning with it ("lemma, any form": HAGGL matches
                            HAGGLE, HAGGLED, HAGGLING); PETRARCH matches the word and
                            the regular forms/plurals it generates */
    TABARI_EL_SYNSET,    /* &NAME: any member phrase of synset NAME */
    TABARI_EL_SOURCE,    /* $  the source actor slot */
    TABARI_EL_TARGET,    /* +  the target actor slot */
    TABARI_EL_COMPOUND,  /* %  one compound actor fills source and target */
    TABARI_EL_SKIP,      /* ^  skip over one whole actor phrase */
    TABARI_EL_VERB,      /* *  where the verb itself sits */
    TABARI_EL_ALT_OPEN,  /* {  TABARI alternatives { A | B C } (also A/B in PETRARCH-2) */
    TABARI_EL_ALT_OR,    /* |  */
    TABARI_EL_ALT_CLOSE, /* }  */
    TABARI_EL_NP_OPEN,   /* {  PETRARCH-2 noun phrase {MODIFIERS HEAD} */
    TABARI_EL_NP_CLOSE,  /* }  */
    TABARI_EL_PP_OPEN,   /* (  PETRARCH-2 prepositional phrase (PREP OBJECT) */
    TABARI_EL_PP_CLOSE   /* )  */
} tabari_elem_kind;

enum {
    /* The next element must follow immediately ('_' between them, or '~_'):
     * no other words may come in between.  Without it, words may intervene. */
    TABARI_EF_JOIN = 1,
    /* Written with a trailing '_' (or '='): whole word only; for synsets and
     * synset members also "generate no plural". */
    TABARI_EF_EXACT = 2,
    /* The head word of a multi-word verb: the word that inflects ('+' before
     * it in PETRARCH, e.g. RE_+FLOAT, +DRAG_OFF). */
    TABARI_EF_HEAD = 4
};

typedef struct tabari_elem {
    const char *text;  /* WORD/STEM: the word; SYNSET: the name without '&' and
                          trailing '_'; NULL for markers */
    int32_t synset;    /* SYNSET: index into tabari_verbs.synsets, else -1 */
    uint8_t kind;      /* tabari_elem_kind */
    uint8_t flags;     /* TABARI_EF_* */
} tabari_elem;

/* A phrase: actor and agent names, synset members, verb roots, discards. */
typedef struct tabari_phrase {
    const char *text;          /* as written (upper case), e.g. "FREEDONIA_" */
    const tabari_elem *words;  /* WORD/STEM elements only */
    uint32_t nwords;
    int line;
} tabari_phrase;

/* ------------------------------------------------------------------------ */
/* Verb dictionaries                                                         */

typedef enum {
    TABARI_DIALECT_AUTO = 0,  /* decide from the content (see tabari_load_verbs) */
    TABARI_DIALECT_TABARI,    /* CAMEO.*.verbs: ROOT [code] lines, '-' patterns, ';' comments,
                                 { A | B } alternatives, stems */
    TABARI_DIALECT_PETRARCH1, /* CAMEO.verbpatterns.*: --- NAME [code] --- blocks, verb
                                 lines with {forms}, &synsets, '#' comments */
    TABARI_DIALECT_PETRARCH2  /* CAMEO.2.0: like PETRARCH-1 but patterns use {noun phrases}
                                 and (prepositional phrases) over a parse */
} tabari_dialect;

typedef enum {
    TABARI_CODE_NONE = 0,  /* no code given */
    TABARI_CODE_EVENT,     /* a CAMEO event code: 2 to 4 digits, e.g. 0874 */
    TABARI_CODE_NULL,      /* ---  matches, but produces no event */
    TABARI_CODE_DISCARD,   /* ###  the sentence is not coded at all */
    TABARI_CODE_COMPLEX,   /* +++  the sentence is flagged complex, not coded */
    TABARI_CODE_OTHER      /* anything else (e.g. an actor code by mistake); warned */
} tabari_code_kind;

enum {
    TABARI_CM_DOMINANT = 1,  /* code!  the event overrides others in the sentence */
    TABARI_CM_SUBORD = 2     /* code?  the event yields to others */
};

typedef struct tabari_evcode {
    const char *text;  /* without the ! / ? modifier; NULL when kind is NONE */
    uint8_t kind;      /* tabari_code_kind */
    uint8_t mod;       /* TABARI_CM_* */
} tabari_evcode;

enum {
    TABARI_PF_SOURCE = 1,     /* has a $ slot */
    TABARI_PF_TARGET = 2,     /* has a + slot */
    TABARI_PF_COMPOUND = 4,   /* has a % slot */
    TABARI_PF_SKIP = 8,       /* has a ^ skip */
    TABARI_PF_ALT = 16,       /* has { | } alternatives */
    TABARI_PF_GROUPS = 32,    /* has PETRARCH-2 {NP} or (PP) groups */
    TABARI_PF_PAIRED = 64     /* code is [A:B]: a second event B with the roles reversed */
};

typedef struct tabari_pattern {
    const tabari_elem *elems;  /* the whole pattern, left to right, verb included */
    uint16_t nelems;
    uint16_t verb_at;          /* index of the TABARI_EL_VERB element */
    uint16_t nliterals;        /* WORD/STEM/SYNSET elements */
    uint16_t flags;            /* TABARI_PF_* */
    uint32_t litchars;         /* TABARI's length, by which it orders a verb's patterns
                                  (longest first, file order among equals): letters,
                                  digits, '_' and apostrophes of the pattern text, with
                                  only the longest alternative of each { | } counted */
    uint32_t altchars;         /* the part of litchars that came from { | } groups */
    tabari_evcode code;        /* the event code */
    tabari_evcode pair;        /* PAIRED: the code of the reversed event */
    uint32_t block;            /* owning block (index into blocks) */
    uint32_t verb;             /* the verb line it was listed under */
    int line;
    const char *comment;       /* text after ';' or '#', or NULL */
} tabari_pattern;

/* One verb: a TABARI root or one synonym line of a PETRARCH block. */
typedef struct tabari_verb {
    const char *text;          /* words joined by blanks: "DRAG OFF", "HAGGL" */
    tabari_phrase phrase;      /* the words, with JOIN/EXACT/HEAD flags */
    uint32_t block;
    uint32_t first_form, nforms;  /* declared forms, in tabari_verbs.forms */
    uint8_t forms_declared;    /* a {...} list was given (possibly empty: {} means
                                  "no forms besides the root") */
    uint8_t own_code;          /* code came from this line, not from the block */
    tabari_evcode code;        /* code of the verb alone (own, else the block's) */
    tabari_evcode pair;        /* [A:B]: the reversed event's code (text NULL if none) */
    int line;
} tabari_verb;

/* A block of synonymous verbs sharing one pattern list.  PETRARCH: one per
 * --- NAME [code] --- header; TABARI: one per root line. */
typedef struct tabari_block {
    const char *name;
    tabari_evcode code;        /* default code ([---] when the header has none) */
    tabari_evcode pair;        /* [A:B]: the reversed event's code (text NULL if none) */
    uint32_t first_verb, nverbs;
    uint32_t first_pattern, npatterns;
    int line;
} tabari_block;

typedef struct tabari_synset {
    const char *name;          /* without '&' and trailing '_' */
    uint8_t noplural;          /* defined as &NAME_: no plurals for its members */
    uint32_t first_member, nmembers;  /* in tabari_verbs.members */
    uint32_t uses;             /* references from patterns */
    int line;
} tabari_synset;

/* A PETRARCH-2 verb transformation, e.g.  ~ x (x y RALLY) GATHER = x y 141 :
 * "x GATHERs (x RALLYs y)" becomes the single event x -> y 141.  Letters are
 * variables naming actors; PETRARCH-2 writes '_' for "no actor" and '.' for
 * "any actor"; Q as the inner verb stands for any verb and as the resulting
 * code for that verb's own code.  The parts are kept as written (upper case). */
typedef struct tabari_transform {
    const char *outer_source;                 /* "X" */
    const char *inner_source, *inner_target;  /* "X", "Y" */
    const char *inner_verb;                   /* block name(s): "RALLY", "WILL_RALLY" */
    const char *outer_verb;                   /* "GATHER" */
    const char *source, *target;              /* of the resulting event: "X", "Y" */
    const char *code;                         /* "141" or "Q" */
    int line;
} tabari_transform;

typedef struct tabari_verbs {
    tabari_dialect dialect;    /* the one used (detected when AUTO was asked) */
    tabari_block *blocks;     size_t nblocks;
    tabari_verb *verbs;       size_t nverbs;
    tabari_pattern *patterns; size_t npatterns;
    tabari_synset *synsets;   size_t nsynsets;
    tabari_phrase *members;   size_t nmembers;
    const char **forms;       size_t nforms;   /* blank-separated words */
    tabari_transform *transforms; size_t ntransforms;  /* PETRARCH-2 only */
    long lines, unusable, warnings;
    struct tabari__store *store_;  /* private */
} tabari_verbs;

/* Dialect AUTO: PETRARCH2 when at least a tenth of the patterns use ( ), else
 * PETRARCH1 when the file has --- NAME --- block headers, else TABARI. */
int tabari_load_verbs(const char *path, tabari_verbs *out,
                      tabari_report_fn report, void *ctx);
int tabari_load_verbs_as(const char *path, tabari_dialect dialect, tabari_verbs *out,
                         tabari_report_fn report, void *ctx);
int tabari_parse_verbs(const char *name, const char *text, size_t len,
                       tabari_dialect dialect, tabari_verbs *out,
                       tabari_report_fn report, void *ctx);
void tabari_verbs_free(tabari_verbs *v);

/* Index of synset NAME (with or without '&' / trailing '_'), or -1. */
long tabari_find_synset(const tabari_verbs *v, const char *name);
/* Index of the first verb whose text or a declared form equals word (blank-
 * separated, upper case), or -1.  Linear: build an index for coding. */
long tabari_find_verb(const tabari_verbs *v, const char *word);
/* Renders a pattern's parsed structure in dictionary syntax, e.g.
 * "$ AND_ + * AT_LENGTH [046:046]" or "* { TRADE | ARMS } DEAL [061]"; returns
 * the length it needed (snprintf-like: at most cap bytes are written). */
int tabari_pattern_render(const tabari_pattern *p, char *buf, size_t cap);

/* ------------------------------------------------------------------------ */
/* Actor dictionaries                                                        */

typedef enum {
    TABARI_WHEN_ALWAYS = 0,  /* [CODE]              the default code */
    TABARI_WHEN_BEFORE,      /* [CODE <YYMMDD]      up to `to` */
    TABARI_WHEN_AFTER,       /* [CODE >YYMMDD]      from `from` on */
    TABARI_WHEN_BETWEEN      /* [CODE YYMMDD-YYMMDD] from `from` to `to` */
} tabari_when;

typedef struct tabari_actor_code {
    const char *code;   /* "AFGGOV", "---" (null); TABARI may write ABC:DEF (actor:agent)
                           or ABC/DEF (coded compound): kept as written */
    uint8_t when;       /* tabari_when */
    int32_t from, to;   /* YYYYMMDD, 0 when unused; limits are inclusive */
    int line;
} tabari_actor_code;

typedef struct tabari_actor {
    uint32_t first_name, nnames;  /* in tabari_actors.names; the first is the primary */
    uint32_t first_code, ncodes;  /* in tabari_actors.codes, in file order; none = null */
    int line;
} tabari_actor;

typedef struct tabari_actors {
    tabari_actor *actors;      size_t nactors;
    tabari_phrase *names;      size_t nnames;
    tabari_actor_code *codes;  size_t ncodes;
    long lines, unusable, warnings;
    struct tabari__store *store_;
} tabari_actors;

int tabari_load_actors(const char *path, tabari_actors *out,
                       tabari_report_fn report, void *ctx);
int tabari_parse_actors(const char *name, const char *text, size_t len,
                        tabari_actors *out, tabari_report_fn report, void *ctx);
void tabari_actors_free(tabari_actors *a);

/* The code actor i carries on date yyyymmdd: the first dated code (file order)
 * whose range contains the date, else the first undated one, else NULL (the
 * null code).  This is TABARI's rule: defaults are tried last. */
const tabari_actor_code *tabari_actor_code_at(const tabari_actors *a, size_t i,
                                              int32_t yyyymmdd);

/* Parses a dictionary date, YYMMDD or YYYYMMDD, into YYYYMMDD.  Two-digit
 * years 00-30 are 2000-2030 and 31-99 are 1931-1999 (KEDS/TABARI/PETRARCH
 * convention).  Checks month and day (leap years too).  0 on success, -1 if
 * s[0..n) is not such a date. */
int tabari_parse_date(const char *s, size_t n, int32_t *yyyymmdd);

/* ------------------------------------------------------------------------ */
/* Agent dictionaries                                                        */

typedef enum {
    TABARI_PLURAL_REGULAR = 0,  /* generated: +S, Y -> IES, S -> +ES (last word) */
    TABARI_PLURAL_EXPLICIT,     /* given in {...} */
    TABARI_PLURAL_NONE          /* {} or a substitution expansion: no plural */
} tabari_plural_kind;

typedef struct tabari_agent {
    tabari_phrase name;
    tabari_phrase plural;       /* nwords == 0 when there is none */
    const char *code;           /* without '~', e.g. "GOV" */
    uint8_t code_after;         /* 1 for [~MAR]: appended after the actor's code;
                                   0 for [IGO~]: put before it */
    uint8_t plural_kind;        /* tabari_plural_kind */
    const char *subst;          /* marker (!CREW!) this entry expanded, or NULL */
    int line;
} tabari_agent;

typedef struct tabari_subst {
    const char *name;           /* CREW for !CREW! */
    const char **items;  uint32_t nitems;
    int line;
} tabari_subst;

typedef struct tabari_agents {
    tabari_agent *agents;  size_t nagents;
    tabari_subst *substs;  size_t nsubsts;
    long lines, unusable, warnings;
    struct tabari__store *store_;
} tabari_agents;

int tabari_load_agents(const char *path, tabari_agents *out,
                       tabari_report_fn report, void *ctx);
int tabari_parse_agents(const char *name, const char *text, size_t len,
                        tabari_agents *out, tabari_report_fn report, void *ctx);
void tabari_agents_free(tabari_agents *a);

/* The regular plural of a phrase as the agent reader makes it (only the last
 * word changes; a trailing '_' stays): writes at most cap bytes including the
 * NUL, returns the length needed. */
size_t tabari_regular_plural(const char *phrase, char *out, size_t cap);

/* ------------------------------------------------------------------------ */
/* Discard lists                                                             */

typedef struct tabari_discard {
    tabari_phrase phrase;
    uint8_t story;       /* '+PHRASE': discard the whole story, not just the sentence */
    uint8_t whole_word;  /* ends with '_': the last word must end there (else a stem) */
    int line;
} tabari_discard;

typedef struct tabari_discards {
    tabari_discard *discards;  size_t ndiscards;
    long lines, unusable, warnings;
    struct tabari__store *store_;
} tabari_discards;

int tabari_load_discards(const char *path, tabari_discards *out,
                         tabari_report_fn report, void *ctx);
int tabari_parse_discards(const char *name, const char *text, size_t len,
                          tabari_discards *out, tabari_report_fn report, void *ctx);
void tabari_discards_free(tabari_discards *d);

/* ------------------------------------------------------------------------ */
/* Sniffing and checking                                                     */

typedef enum {
    TABARI_KIND_UNKNOWN = 0,
    TABARI_KIND_VERBS,
    TABARI_KIND_ACTORS,
    TABARI_KIND_AGENTS,
    TABARI_KIND_DISCARDS
} tabari_kind;

/* Decides what kind of dictionary a text is from its lines (the name, if any,
 * only breaks ties). */
tabari_kind tabari_sniff_text(const char *name, const char *text, size_t len);
tabari_kind tabari_sniff(const char *path);  /* UNKNOWN also when unreadable */

typedef struct tabari_summary {
    tabari_kind kind;
    tabari_dialect dialect;  /* verbs only */
    long lines;              /* physical lines in the file */
    long entries;            /* verb blocks, actors, agents or discards */
    long patterns;           /* verbs: patterns */
    long verbs;              /* verbs: verb lines (roots and synonyms) */
    long synsets;            /* verbs: synsets */
    long names;              /* actors: names incl. synonyms; agents: phrases incl. plurals */
    long codes;              /* actors: code lines/groups */
    long unusable, warnings;
} tabari_summary;

/* Sniffs path, loads it with the matching reader (each problem goes to report)
 * and fills *sum.  Returns the number of unusable lines, or -1 when the file is
 * unreadable or of unknown kind. */
int tabari_check(const char *path, tabari_summary *sum,
                 tabari_report_fn report, void *ctx);
/* One line: "PATH: verbs (TABARI): 1216 entries, 15582 patterns, ... 3 unusable". */
void tabari_summary_print(FILE *f, const char *path, const tabari_summary *sum);

const char *tabari_kind_name(tabari_kind k);
const char *tabari_dialect_name(tabari_dialect d);

/* ------------------------------------------------------------------------ */
/* Shared between the module's .c files -- not API.                          */

typedef struct tabari__store tabari__store;

tabari__store *tabari__store_new(void);
void tabari__store_free(tabari__store *st);
void *tabari__alloc(tabari__store *st, size_t n);          /* aligned, zeroed */
int tabari__store_failed(const tabari__store *st);         /* ran out of memory */
const char *tabari__intern(tabari__store *st, const char *s, size_t n);
const char *tabari__intern_upper(tabari__store *st, const char *s, size_t n);
/* Grows *arr (elements of size el) so that index n fits; 0 or -1 (no memory). */
int tabari__grow(void **arr, size_t *cap, size_t n, size_t el);

/* One logical line of a dictionary, comments removed. */
typedef struct tabari__line {
    int no;                /* 1-based */
    const char *raw;       /* the physical line, NUL-terminated, no CR/LF; valid
                              until the next tabari__next() */
    char *body;            /* content without comments, trimmed, NUL-terminated */
    size_t len;            /* strlen(body) */
    const char *comment;   /* start of the comment text in raw (after # ; or <!--), or NULL */
    int indented;          /* raw starts with a blank or tab */
} tabari__line;

typedef struct tabari__src {
    const char *path;
    char *buf;  size_t size;   /* private copy of the text (never modified) */
    size_t pos;
    int lineno;
    int in_xml;                /* inside a multi-line <!-- --> comment */
    int quiet;                 /* a pre-scan: report and count nothing */
    char *raw, *scratch;       /* the current line, and its comment-free body */
    size_t cap;                /* capacity of each of raw and scratch */
    tabari_report_fn report; void *ctx;
    long lines, unusable, warnings;
    int failed;                /* out of memory */
} tabari__src;

int tabari__src_open(tabari__src *s, const char *path, tabari_report_fn report, void *ctx);
int tabari__src_text(tabari__src *s, const char *name, const char *text, size_t len,
                     tabari_report_fn report, void *ctx);
void tabari__src_close(tabari__src *s);
void tabari__src_rewind(tabari__src *s);
/* Next line that has content (blank and comment-only lines are skipped). 1 or 0 at end. */
int tabari__next(tabari__src *s, tabari__line *ln);
void tabari__issue(tabari__src *s, int line, const char *raw, tabari_severity sev,
                   const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Splits a phrase (words separated by blanks or '_') into out.  Returns 0, or
 * -1 with the reason in why[whycap] when a character in `forbid` appears, a
 * '_' starts a word or the phrase is empty. */
int tabari__phrase(tabari__store *st, const char *s, size_t n, const char *forbid,
                   tabari_phrase *out, char *why, size_t whycap);
/* ln starts with '<' (not a comment): reports it, and when it opens a section
 * (<NOUN> ... </NOUN>), every line up to the closing tag, as unusable. */
int tabari__skip_section(tabari__src *src, tabari__line *ln, const char *what);
/* Trimmed copy of a comment (NULL stays NULL). */
const char *tabari__comment(tabari__store *st, const char *c);

#ifdef __cplusplus
}
#endif

#endif
