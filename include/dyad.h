/*
 * dyad.h - the one public header of libdyad.
 *
 * dyad turns news text into political event data.  A document flows one way
 * through the stages:
 *
 *   ingest -> text -> actors -> quotes / time -> events -> store / emit
 *
 * Every stage reads and writes one dyad_doc.  A document owns one normalised
 * UTF-8 buffer, `text`, holding the story paragraphs only (debris removed);
 * every span a stage reports (tokens, sentences, mentions, quotes, events)
 * is a byte offset and length into that buffer, so nothing is copied.
 *
 * Memory: a dyad_doc is meant to be reused for document after document
 * (dyad_doc_reset keeps its arrays and arena blocks), so that steady-state
 * processing allocates nothing per token or per sentence.  Strings that a
 * stage attaches to a document live in the document's arena and die with
 * the next reset.
 *
 * Threads: a dyad_model (lexicons, patterns) is read-only after loading and
 * may be shared; a dyad_doc belongs to one thread at a time.
 *
 * Building with it: `make install` puts this header in PREFIX/include,
 * libdyad.so.0 (soname; libdyad.so links to it) and libdyad.a in
 * PREFIX/lib, and dyad.pc in PREFIX/lib/pkgconfig, so
 *
 *   cc prog.c $(pkg-config --cflags --libs dyad)                 # shared
 *   cc prog.c $(pkg-config --cflags dyad) -Wl,-Bstatic -ldyad -Wl,-Bdynamic \
 *      -Wl,--as-needed $(pkg-config --static --libs dyad)        # static
 *
 * (the static form needs the private dependencies dyad.pc lists:
 * libutf8proc, jansson, sqlite3, zlib, libzstd, gumbo, -lpthread -lm).
 * dyad_model_load(NULL, ...) finds the data installed beside the library
 * (PREFIX/share/dyad) or $DYAD_DATA.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#define DYAD_VERSION "0.1.0"

/* ---------------------------------------------------------------- arena */

/* A bump allocator: many small allocations, one free.  Blocks are kept on
 * reset, so a reused arena stops calling malloc once it has grown to the
 * size of the largest document seen. */
typedef struct dyad_arena dyad_arena;

dyad_arena *dyad_arena_new(size_t block_size);
void *dyad_arena_alloc(dyad_arena *a, size_t n);          /* 8-byte aligned, zeroed */
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
char *dyad_arena_strdup(dyad_arena *a, const char *s);
char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void dyad_arena_reset(dyad_arena *a);
void dyad_arena_free(dyad_arena *a);
size_t dyad_arena_used(const dyad_arena *a);

/* Grow a reusable array so that it holds at least `need` elements.
 * Returns the (possibly moved) array; aborts on out-of-memory, because a
 * coder that silently drops documents is worse than one that stops. */
void *dyad_grow(void *array, uint32_t *cap, uint32_t need, size_t elem);

/* ---------------------------------------------------------------- dates */

/* A calendar date at day, month or year granularity: month == 0 means the
 * whole year, day == 0 the whole month.  year == 0 means unknown. */
typedef struct {
    int16_t year;
    int8_t month, day;
} dyad_date;

int dyad_date_parse(const char *s, dyad_date *out);       /* YYYY[-MM[-DD]]; 0 ok */
void dyad_date_format(dyad_date d, char out[11]);        /* "2018-07-06", "2019-06", "2019", "" */
int dyad_date_valid(dyad_date d);
int dyad_days_in_month(int year, int month);
int dyad_weekday(dyad_date d);                           /* 0 = Monday .. 6 = Sunday */
long dyad_date_to_days(dyad_date d);                     /* days since 1970-01-01 */
dyad_date dyad_date_from_days(long days);
int dyad_date_cmp(dyad_date a, dyad_date b);

/* ---------------------------------------------------------------- text */

enum {
    DYAD_TOK_WORD      = 1u << 0,   /* letters (maybe with digits, hyphens, apostrophes) */
    DYAD_TOK_NUM       = 1u << 1,   /* starts with a digit */
    DYAD_TOK_PUNCT     = 1u << 2,
    DYAD_TOK_CAP       = 1u << 3,   /* first letter upper case */
    DYAD_TOK_UPPER     = 1u << 4,   /* two or more letters, all upper case */
    DYAD_TOK_LOWER     = 1u << 5,   /* first letter lower case */
    DYAD_TOK_ABBR      = 1u << 6,   /* abbreviation carrying its period: U.S. Mr. Jan. a.m. */
    DYAD_TOK_INITIAL   = 1u << 7,   /* a single capital and period: F. */
    DYAD_TOK_QOPEN     = 1u << 8,   /* opening quotation mark */
    DYAD_TOK_QCLOSE    = 1u << 9,   /* closing quotation mark */
    DYAD_TOK_QAMBIG    = 1u << 10,  /* " or ' or ’: direction decided by context */
    DYAD_TOK_QSINGLE   = 1u << 11,  /* a single quotation mark: ‘ ’ ' ‹ › */
    DYAD_TOK_POSS      = 1u << 12,  /* possessive 's, ’s or a bare trailing apostrophe */
    DYAD_TOK_DASH      = 1u << 13,  /* — – -- and a free-standing - */
    DYAD_TOK_ELLIPSIS  = 1u << 14,  /* … .. ... */
    DYAD_TOK_TERM      = 1u << 15,  /* . ! ? */
    DYAD_TOK_SPACE     = 1u << 16,  /* preceded by white space (or paragraph start) */
    DYAD_TOK_PARA      = 1u << 17,  /* first token of a paragraph */
    DYAD_TOK_HYPHEN    = 1u << 18,  /* word with an inner hyphen: test-fired */
    DYAD_TOK_OPEN      = 1u << 19,  /* ( [ { */
    DYAD_TOK_CLOSE     = 1u << 20,  /* ) ] } */
    DYAD_TOK_COMMA     = 1u << 21,  /* , ; : */
    DYAD_TOK_NOCASE    = 1u << 22,  /* in a story all in capitals: case unknown (flagged LOWER) */
};

/* A token is a view into doc->text.  `hash` is the hash of its folded form
 * (lower case, typographic apostrophes as '), which is what lexicons key on. */
typedef struct {
    uint32_t off, len;
    uint32_t flags;
    uint32_t hash;
} dyad_token;

enum {
    DYAD_PARA_HEADING = 1u << 0,    /* a crosshead: short, no final punctuation */
    DYAD_PARA_LIST    = 1u << 1,    /* a list item */
    DYAD_SENT_SPLIT   = 1u << 8,    /* sentence flag: a piece of a run longer than DYAD_SENT_MAX_BYTES
                                       with no sentence end, cut at a clause or word boundary */
    DYAD_SENT_TAGGED  = 1u << 9,    /* sentence flag: the tagger model tagged it (else doc->syn's
                                       tags, if any, are guesses from word lists and suffixes) */
};
/* No sentence of a real article comes near this; a longer run of text with
 * no sentence end (a scraped table, hostile input) is split, so that every
 * stage's work per sentence stays bounded. */
#define DYAD_SENT_MAX_BYTES 4096u

typedef struct {
    uint32_t off, len;              /* in doc->text */
    uint32_t sent, nsent;           /* its sentences */
    uint32_t flags;
} dyad_para;

typedef struct {
    uint32_t off, len;              /* in doc->text */
    uint32_t tok, ntok;             /* its tokens */
    uint32_t para;
    uint32_t flags;                 /* DYAD_PARA_* of its paragraph, DYAD_SENT_SPLIT */
} dyad_sentence;

/* Text recognised as scraping debris and kept out of the clean text. */
typedef struct {
    uint32_t off, len;              /* in doc->norm (the text before removal) */
    const char *rule;               /* "related-block", "read-time", "contributor", ... */
} dyad_debris;

/* A warning about the input: invalid UTF-8, NUL bytes, a guessed date ... */
typedef struct {
    uint64_t offset;                /* byte offset in the document's input */
    const char *message;            /* arena string */
} dyad_diag;

/* ---------------------------------------------------------------- syntax */

/* Universal POS tags (UD v2), in this order.  DYAD_UPOS_NONE: not tagged. */
enum dyad_upos {
    DYAD_UPOS_NONE = 0,
    DYAD_UPOS_ADJ, DYAD_UPOS_ADP, DYAD_UPOS_ADV, DYAD_UPOS_AUX, DYAD_UPOS_CCONJ,
    DYAD_UPOS_DET, DYAD_UPOS_INTJ, DYAD_UPOS_NOUN, DYAD_UPOS_NUM, DYAD_UPOS_PART,
    DYAD_UPOS_PRON, DYAD_UPOS_PROPN, DYAD_UPOS_PUNCT, DYAD_UPOS_SCONJ, DYAD_UPOS_SYM,
    DYAD_UPOS_VERB, DYAD_UPOS_X,
    DYAD_UPOS_COUNT
};

/* UD dependency relations as English EWT 2.x uses them, subtypes included.
 * DYAD_DEP_NONE: not parsed.  A label the model does not know reads DEP. */
enum dyad_deprel {
    DYAD_DEP_NONE = 0,
    DYAD_DEP_ROOT, DYAD_DEP_PUNCT, DYAD_DEP_CASE, DYAD_DEP_NSUBJ, DYAD_DEP_NSUBJ_PASS,
    DYAD_DEP_NSUBJ_OUTER, DYAD_DEP_CSUBJ, DYAD_DEP_CSUBJ_PASS, DYAD_DEP_CSUBJ_OUTER,
    DYAD_DEP_OBJ, DYAD_DEP_IOBJ, DYAD_DEP_OBL, DYAD_DEP_OBL_AGENT, DYAD_DEP_OBL_UNMARKED,
    DYAD_DEP_DET, DYAD_DEP_DET_PREDET, DYAD_DEP_AMOD, DYAD_DEP_ADVMOD, DYAD_DEP_NMOD,
    DYAD_DEP_NMOD_POSS, DYAD_DEP_NMOD_UNMARKED, DYAD_DEP_NMOD_DESC, DYAD_DEP_NUMMOD,
    DYAD_DEP_APPOS, DYAD_DEP_COMPOUND, DYAD_DEP_COMPOUND_PRT, DYAD_DEP_FLAT, DYAD_DEP_FIXED,
    DYAD_DEP_CONJ, DYAD_DEP_CC, DYAD_DEP_CC_PRECONJ, DYAD_DEP_AUX, DYAD_DEP_AUX_PASS,
    DYAD_DEP_COP, DYAD_DEP_MARK, DYAD_DEP_CCOMP, DYAD_DEP_XCOMP, DYAD_DEP_ADVCL,
    DYAD_DEP_ADVCL_RELCL, DYAD_DEP_ACL, DYAD_DEP_ACL_RELCL, DYAD_DEP_PARATAXIS,
    DYAD_DEP_DISCOURSE, DYAD_DEP_EXPL, DYAD_DEP_LIST, DYAD_DEP_VOCATIVE, DYAD_DEP_GOESWITH,
    DYAD_DEP_REPARANDUM, DYAD_DEP_ORPHAN, DYAD_DEP_DISLOCATED, DYAD_DEP_DEP,
    DYAD_DEP_COUNT
};

/* The parse of one token, in doc->syn parallel to doc->toks.  Heads are
 * document token indexes (not sentence-relative), so a stage never has to
 * know where a sentence starts; the root of a sentence has head -1.  The
 * pipeline tags every sentence, and parses the sentences the events coder
 * can code: no heading, a form of a dictionary verb outside the actor
 * mentions, and an actor mention or a quotation with a speaker (every
 * sentence in TABARI mode, and in `dyad parse`).  An unparsed sentence has
 * its tags and lemmas, heads -1 and deprel NONE on all tokens:
 * dyad_sent_parsed() says which, doc->n_parsed how many.  Without a parser
 * model (data/syntax/ empty) no sentence is parsed; without a tagger model
 * tags are guessed from word lists and suffixes.  The lemma is lower case (except proper
 * nouns, capitalised adjectives and "I", the UD way) and lives either
 * in doc->text (a prefix of the token) or in the model (an irregular form,
 * or a stem plus suffix built in the document's arena); lemma_hash is its
 * folded hash, the same function tokens and lexicon entries use, so
 * patterns can key on it. */
typedef struct {
    int32_t head;                   /* document token index, -1 for the root */
    uint8_t upos;                   /* dyad_upos */
    uint8_t deprel;                 /* dyad_deprel */
    uint8_t xpos;                   /* Penn tag index: dyad_xpos_name() */
    uint8_t flags;                  /* DYAD_SYN_* */
    const char *lemma; uint32_t lemma_len;
    uint32_t lemma_hash;
} dyad_syn;

/* Penn tags as English EWT uses them, in this order (dyad_xpos_name). */
enum dyad_xpos {
    DYAD_XPOS_NONE = 0,
    DYAD_XPOS_NN, DYAD_XPOS_IN, DYAD_XPOS_DT, DYAD_XPOS_NNP, DYAD_XPOS_PRP, DYAD_XPOS_JJ,
    DYAD_XPOS_RB, DYAD_XPOS_PERIOD, DYAD_XPOS_VB, DYAD_XPOS_NNS, DYAD_XPOS_COMMA, DYAD_XPOS_CC,
    DYAD_XPOS_VBD, DYAD_XPOS_VBP, DYAD_XPOS_VBZ, DYAD_XPOS_CD, DYAD_XPOS_VBN, DYAD_XPOS_VBG,
    DYAD_XPOS_MD, DYAD_XPOS_TO, DYAD_XPOS_PRPS, DYAD_XPOS_RRB, DYAD_XPOS_LRB, DYAD_XPOS_WDT,
    DYAD_XPOS_COLON, DYAD_XPOS_WRB, DYAD_XPOS_LQUOTE, DYAD_XPOS_RQUOTE, DYAD_XPOS_WP, DYAD_XPOS_RP,
    DYAD_XPOS_UH, DYAD_XPOS_POS, DYAD_XPOS_HYPH, DYAD_XPOS_NNPS, DYAD_XPOS_JJR, DYAD_XPOS_JJS,
    DYAD_XPOS_EX, DYAD_XPOS_NFP, DYAD_XPOS_RBR, DYAD_XPOS_ADD, DYAD_XPOS_GW, DYAD_XPOS_DOLLAR,
    DYAD_XPOS_SYM, DYAD_XPOS_PDT, DYAD_XPOS_LS, DYAD_XPOS_FW, DYAD_XPOS_RBS, DYAD_XPOS_AFX,
    DYAD_XPOS_WPS, DYAD_XPOS_XX,
    DYAD_XPOS_COUNT
};

/* dyad_syn.flags */
enum {
    DYAD_SYN_NEG = 1u << 0,         /* the token carries a negation: don't, can't, cannot */
    DYAD_SYN_SPLIT = 1u << 1,       /* the parser saw the token as two words (don't = do + n't,
                                       I'm = I + 'm); the token has the first word's parse */
};

const char *dyad_upos_name(int upos);            /* "NOUN"; "_" for NONE */
const char *dyad_deprel_name(int deprel);        /* "nsubj:pass"; "_" for NONE */
const char *dyad_xpos_name(int xpos);            /* "NNS"; "_" when unknown */
int dyad_upos_from_name(const char *s, size_t n);      /* 0 if unknown */
int dyad_deprel_from_name(const char *s, size_t n);    /* DEP if unknown, 0 if empty */
int dyad_xpos_from_name(const char *s, size_t n);      /* 0 if unknown */

/* ---------------------------------------------------------------- actors */

enum dyad_actor_kind {
    DYAD_ACTOR_COUNTRY = 1, DYAD_ACTOR_PERSON, DYAD_ACTOR_ORG, DYAD_ACTOR_ROLE,
    DYAD_ACTOR_PRONOUN, DYAD_ACTOR_CANDIDATE,
};
enum dyad_actor_how {
    DYAD_HOW_LEXICON = 1,           /* a lexicon entry matched */
    DYAD_HOW_COMPOSED,              /* country word + role noun: "North Korean leader" */
    DYAD_HOW_COREF_NAME,            /* surname after a full mention */
    DYAD_HOW_COREF_DESC,            /* "the despot", "the North Korean leader" */
    DYAD_HOW_COREF_PRONOUN,         /* he, him, his, they */
    DYAD_HOW_CONTEXT,               /* an unknown name placed by its context */
};

/* One entity of the document: a person, country, organisation ... that one
 * or more mentions refer to. */
typedef struct {
    const char *name;               /* canonical name: "Kim Jong Un" */
    char code[16];                  /* CAMEO code at the document's date: "PRKGOV" */
    uint8_t kind;                   /* dyad_actor_kind */
    uint8_t gender;                 /* 'm', 'f' or 0 */
    uint8_t plural;
    uint32_t first_mention;
    int32_t person;                 /* the person's index in the actors lexicon, or -1: its
                                       mentions are coded again at their sentence's date */
} dyad_entity;

typedef struct {
    uint32_t off, len;              /* in doc->text */
    uint32_t tok, ntok;
    uint32_t sent;
    int32_t entity;                 /* index into doc->entities, or -1 */
    int32_t antecedent;             /* mention it corefers with, or -1 */
    char code[16];                  /* CAMEO actor code of this mention */
    uint8_t kind, how;
    uint16_t flags;
} dyad_mention;

/* ---------------------------------------------------------------- time */

enum dyad_timex_kind { DYAD_TIMEX_DATE = 1, DYAD_TIMEX_TIME, DYAD_TIMEX_DURATION, DYAD_TIMEX_SET };
enum dyad_pubdate_source {
    DYAD_PUB_NONE = 0, DYAD_PUB_METADATA, DYAD_PUB_OPTION, DYAD_PUB_DATELINE, DYAD_PUB_INFERRED,
};

typedef struct {
    uint32_t off, len;              /* in doc->text */
    uint32_t sent;
    uint8_t kind;                   /* dyad_timex_kind */
    uint8_t flags;
    char value[24];                 /* TIMEX3 value: 2018-07-06, 2019, 2025-06, P6Y, XXXX */
    dyad_date date;                 /* the resolved date, when a DATE */
} dyad_timex;

/* ---------------------------------------------------------------- quotes */

enum dyad_quote_kind { DYAD_QUOTE_DIRECT = 1, DYAD_QUOTE_PARTIAL, DYAD_QUOTE_INDIRECT, DYAD_QUOTE_SCARE };

typedef struct {
    uint32_t off, len;              /* the quoted words, in doc->text */
    uint32_t sent;
    uint8_t kind;                   /* dyad_quote_kind */
    int32_t speaker;                /* mention index, or -1 */
    uint32_t cue_off, cue_len;      /* the cue verb ("said"), len 0 if none */
} dyad_quote;

/* ---------------------------------------------------------------- where */

enum dyad_place_type {
    DYAD_PLACE_NONE = 0, DYAD_PLACE_COUNTRY, DYAD_PLACE_ADM1, DYAD_PLACE_CITY,
    DYAD_PLACE_LANDMARK, DYAD_PLACE_SEA, DYAD_PLACE_REGION,
};
/* How an event's place was chosen (where/where.h gives the order). */
enum dyad_where_how {
    DYAD_WHERE_NONE = 0,
    DYAD_WHERE_VERB,                /* a place modifying the event's verb or clause: "met Xi in Beijing" */
    DYAD_WHERE_SENTENCE,            /* a locative place elsewhere in the sentence: "In Seoul, ..." */
    DYAD_WHERE_DATELINE,            /* the story's dateline: "SEOUL, Oct. 29 (Reuters) -" */
    DYAD_WHERE_DESTINATION,         /* implied: a visit's destination, a meeting's host */
    DYAD_WHERE_ACTOR,               /* an actor's country (actor geography, or the last resort) */
    DYAD_WHERE_TEXT,                /* actor geography: a place named in the actor's own words ("Chicago police") */
};

/* A place: name and coordinates.  name NULL means none.  Strings live in
 * the model (tables, gazetteer) or the document's arena. */
typedef struct {
    const char *name;               /* "Pyongyang" */
    const char *adm1;               /* first-level region, "" when unknown */
    char country[4];                /* dyad's country code: "PRK"; "" for international waters */
    char fips[3];                   /* FIPS 10-4 country code (GDELT 1.0's): "KN"; "" when none */
    uint8_t type;                   /* dyad_place_type */
    uint8_t how;                    /* dyad_where_how */
    uint8_t guess;                  /* the name had several places and nothing in the story chose one */
    double lat, lon;
    uint32_t off, len;              /* evidence span in doc->text; len 0 when none */
} dyad_location;

/* A place named in the text. */
typedef struct {
    uint32_t off, len;              /* in doc->text */
    uint32_t tok, ntok, sent;
    dyad_location loc;              /* how is 0 */
} dyad_place;

const char *dyad_place_type_name(int type);      /* "country", "adm1", "city", "landmark", "sea", "region"; "" */
const char *dyad_where_how_name(int how);        /* "verb-modifier", "sentence", ...; "" */
int dyad_place_type_from_name(const char *s);    /* 0 if unknown */
int dyad_where_how_from_name(const char *s);     /* 0 if unknown */

/* ---------------------------------------------------------------- events */

enum {
    DYAD_EV_NEGATED = 1, DYAD_EV_MODAL = 2, DYAD_EV_QUOTED = 4, DYAD_EV_PASSIVE = 8,
    DYAD_EV_HISTORICAL = 16,        /* dated more than a year before the story: background */
    DYAD_EV_FUTURE = 32,            /* announced for after the story's date (intent) */
    DYAD_EV_SHALLOW = 64,           /* coded by the token matcher, not from a parse */
};

typedef struct {
    uint32_t sent;
    int32_t source, target;         /* mention indexes, -1 when absent */
    char source_code[16], target_code[16];
    char cameo[8];                  /* "036" */
    float goldstein;
    uint8_t quad;                   /* 1 verbal coop .. 4 material conflict */
    const char *plover_type, *plover_mode;
    uint32_t verb_off, verb_len;    /* evidence: the verb phrase */
    const char *rule;               /* id of the pattern that fired */
    uint32_t flags;                 /* DYAD_EV_* */
    float confidence;
    dyad_date date;
    uint32_t reports;               /* sentences of the story that tell it (1 + merged retellings) */
    uint32_t also_sent;             /* the latest other sentence that told it, when reports > 1 */
    dyad_location where;            /* where it happened (where/ stage); name NULL when unknown */
    dyad_location source_geo, target_geo;  /* actor geography, as GDELT's Actor1Geo / Actor2Geo */
} dyad_event;

/* ---------------------------------------------------------------- document */

typedef struct dyad_doc {
    /* Identity and metadata: arena strings, NULL when absent. */
    const char *id, *url, *title, *published, *source, *author, *site, *lang;
    const char *extra;              /* unknown JSON fields, as a JSON object text */
    const char *origin;             /* input name, for messages */
    uint64_t origin_line;           /* 1-based line (JSON lines), else 0 */
    uint64_t origin_offset;         /* byte offset of the record in its input */
    int origin_record;              /* 1: origin_offset is where its web-archive record starts */
    uint64_t origin_inner;          /* record: bytes into its gzip member's data (one-stream .warc.gz) */
    int id_generated;               /* id is a hash of the content */
    int coded;                      /* restored from a coded record: every stage has run */
    char content_hash[17];          /* a coded record's: the hash of the body it was made from */

    /* The body as it came in (raw), normalised (norm), and clean (text). */
    char *raw;  uint32_t raw_len,  raw_cap;
    char *norm; uint32_t norm_len, norm_cap;
    char *text; uint32_t text_len, text_cap;

    dyad_para *paras;       uint32_t n_paras, cap_paras;
    dyad_sentence *sents;   uint32_t n_sents, cap_sents;
    dyad_token *toks;       uint32_t n_toks, cap_toks;
    dyad_debris *debris;    uint32_t n_debris, cap_debris;
    dyad_syn *syn;          uint32_t n_syn, cap_syn;   /* parallel to toks when n_syn == n_toks */
    uint32_t n_parsed;              /* sentences with a dependency parse (dyad_sent_parsed) */
    dyad_diag *diags;       uint32_t n_diags, cap_diags;

    dyad_date pubdate;
    int pubdate_source;             /* dyad_pubdate_source */
    const char *pubdate_evidence;

    dyad_entity *entities;  uint32_t n_entities, cap_entities;
    dyad_mention *mentions; uint32_t n_mentions, cap_mentions;
    dyad_timex *timexes;    uint32_t n_timexes, cap_timexes;
    dyad_date *sent_dates;  uint32_t cap_sent_dates;   /* one per sentence */
    dyad_quote *quotes;     uint32_t n_quotes, cap_quotes;
    dyad_event *events;     uint32_t n_events, cap_events;
    dyad_place *places;     uint32_t n_places, cap_places;     /* place names in the text (where/) */

    dyad_arena *arena;
} dyad_doc;

dyad_doc *dyad_doc_new(void);
void dyad_doc_reset(dyad_doc *doc);
void dyad_doc_free(dyad_doc *doc);
/* Copy `len` bytes as the document's raw body. */
void dyad_doc_set_raw(dyad_doc *doc, const char *body, size_t len);
/* Record a warning about the input at byte `offset`. */
void dyad_doc_diag(dyad_doc *doc, uint64_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Give the document a stable id when it has none: a hash of title and body. */
void dyad_doc_ensure_id(dyad_doc *doc);
/* The content hash (16 hex digits) of title and body as they came in: what
 * tells a second document under a known id apart. */
void dyad_doc_content_hash(const dyad_doc *doc, char out[17]);

/* The text stage: normalise doc->raw, find paragraphs, remove debris,
 * tokenise and split sentences.  Always succeeds; problems become diags. */
void dyad_text_process(dyad_doc *doc);

/* ---------------------------------------------------------------- pipeline */

/* Everything loaded once: lexicons, ontology, verb patterns.  Read-only
 * after dyad_model_load, shared by threads. */
typedef struct dyad_model dyad_model;

/* Options of one run.  Fields may be added at the end: zero the whole
 * struct (memset, `= {0}` or designated initializers). */
typedef struct {
    dyad_date date;                 /* --date: the publication date when metadata has none */
    int parse_all;                  /* parse every sentence, not only those the coder can code
                                     * (--explain: so it can name verbs the dictionary lacks) */
} dyad_options;

/* data_dir NULL: dyad_default_data_dir(): $DYAD_DATA, else found beside
 * the library or program (PREFIX/share/dyad when installed, data/ in the
 * build tree), never a path compiled in. */
dyad_model *dyad_model_load(const char *data_dir, char *err, size_t errlen);
void dyad_model_free(dyad_model *m);
const char *dyad_default_data_dir(void);

/* All stages in order: text, syntax, publication date, actors, time, quotes, events, where. */
void dyad_process(const dyad_model *m, dyad_doc *doc, const dyad_options *opt);

/* Token tokenizer over any buffer (lexicon entries are tokenised with the
 * same rules as documents, so their hashes agree). */
uint32_t dyad_tokenize(const char *s, uint32_t len, dyad_token **toks, uint32_t *n, uint32_t *cap);

/* Tree queries over doc->syn (all O(sentence length) or better; every one
 * returns -1 when the answer is absent or the sentence was not parsed). */
int dyad_sent_parsed(const dyad_doc *d, uint32_t sent);
int32_t dyad_syn_child(const dyad_doc *d, uint32_t tok, int deprel);   /* first dependent with that label */
int32_t dyad_syn_subject(const dyad_doc *d, uint32_t verb);  /* nsubj / nsubj:pass / csubj of the verb, following
                                                                conj to a shared subject and acl:relcl to its antecedent */
int32_t dyad_syn_object(const dyad_doc *d, uint32_t verb);   /* obj, else iobj */
int32_t dyad_syn_agent(const dyad_doc *d, uint32_t verb);    /* the `by` noun of a passive (obl:agent) */
int32_t dyad_syn_clause_head(const dyad_doc *d, uint32_t tok);  /* nearest verb/predicate ancestor-or-self */
int32_t dyad_syn_modal(const dyad_doc *d, uint32_t verb);    /* aux child that is a modal (could, may, might, would, will, should, must, can) */
int dyad_syn_negated(const dyad_doc *d, uint32_t verb);      /* an advmod/aux child "not", "n't", "never" */
int dyad_syn_is_lemma(const dyad_doc *d, uint32_t tok, const char *lemma);

/* Token and sentence helpers. */
static inline const char *dyad_tok_str(const dyad_doc *d, uint32_t i) { return d->text + d->toks[i].off; }

#endif
