/*
 * actors_int.h - the inside of the actors stage, shared by its files.
 *
 *   lexicon.c     reads the four lexicon files into the tables below
 *   table.c       the phrase table: open addressing on token-sequence hashes
 *   match.c       per sentence: lexicon atoms, then composition into mentions
 *   coref.c       per mention: entity, antecedent and salience
 *   actors.c      actors_process: the date, then match + coref per sentence
 *   candidates.c  unknown names placed by context, gathered over a corpus
 *
 * Every name the lexicon knows (country name, adjective, capital, seat,
 * person name, surname, organisation, agent noun singular and plural) is
 * tokenised with dyad_tokenize and stored as an act_name: the sequence hash
 * of its folded tokens, plus per token the case rule.  The phrase table maps
 * a sequence hash to the names that have it, and also marks every proper
 * prefix of a name, so the matcher can extend a match token by token and stop
 * as soon as no longer name can follow.
 *
 * Everything here is read-only after actors_load, so documents in several
 * threads share one lexicon.
 */
#ifndef DYAD_ACTORS_INT_H
#define DYAD_ACTORS_INT_H

#include "actors.h"
#include "gazetteer.h"
#include "../core/core.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define ACT_MAX_NAME_TOKS 16   /* longer lexicon names are reported and skipped */
#define ACT_CODE 16
#define ACT_DECAY 0.85f        /* salience kept from one sentence to the next */

/* What a name stands for. */
enum act_name_kind {
    NK_COUNTRY = 1,     /* country name, alias or nickname -> CCC */
    NK_ADJ,             /* adjective / demonym -> country word for composition */
    NK_CAPITAL,         /* capital used as metonym -> CCCGOV */
    NK_SEAT,            /* seat of power -> CCCGOV */
    NK_PERSON,          /* a person's full name or alias */
    NK_SURNAME,         /* a person's surname: coreference and titles */
    NK_ORG,             /* an organisation */
    NK_AGENT,           /* a role noun: composes with a country word */
};

/* Case rule of one lexicon token. */
enum { CASE_ANY = 0, CASE_CAP = 1, CASE_EXACT = 2 };

typedef struct {
    uint32_t hash;          /* hash_folded of the token */
    uint32_t off;           /* its bytes in lex->text, for CASE_EXACT */
    uint16_t len;
    uint8_t rule;           /* CASE_* */
} act_ltok;

typedef struct {
    uint32_t hash;          /* sequence hash over the folded tokens */
    uint32_t ltok;          /* first token in lex->ltoks */
    uint8_t ntok;
    uint8_t kind;           /* act_name_kind */
    uint8_t plural;         /* agent plural, demonym plural */
    uint8_t pad;
    uint32_t target;        /* index into countries / people / orgs / agents */
} act_name;

typedef struct {
    uint32_t hash;          /* 0 = empty */
    uint32_t first;         /* first name with this hash in lex->names (sorted) */
    uint16_t count;         /* names with this hash (0: only a prefix) */
    uint8_t prefix;         /* some longer name starts with this sequence */
    uint8_t pad;
} act_slot;

typedef struct {
    act_slot *slots;
    uint32_t mask;          /* size - 1, size a power of two */
    uint32_t used;
} act_table;

typedef struct {
    const char *name;       /* canonical: "North Korea" */
    const char *adj;        /* first adjective: "North Korean", or NULL */
    const char *capital;    /* first capital or seat, or NULL */
    char code[8];           /* "PRK" */
} act_country;

/* A dated role: code holds from `from` (inclusive) to `to` (exclusive);
 * year 0 means open. */
typedef struct {
    char code[ACT_CODE];
    dyad_date from, to;
} act_role;

typedef struct {
    const char *name;       /* canonical: "Kim Jong Un" */
    const char *surname;    /* for messages */
    const char *title;      /* "President of South Korea": display, and a hint for descriptors */
    char base[ACT_CODE];    /* `code:` when given: the code when no dated role holds; else "" */
    char undated[ACT_CODE]; /* the code without a date: base, else the country all the
                               dated roles share (Trump: USA), else "" */
    uint32_t role0, nroles; /* in lex->roles */
    uint8_t gender;         /* 'm', 'f' or 0 */
    uint8_t head;           /* title: names a head of state or government (not "Former") */
    int32_t title_agent;    /* the agent noun in title:, or -1 */
    uint8_t imported;       /* from an office-holder list: its surname alone never names it */
    uint32_t surname_hash;  /* imported: hash of the one-word surname (not a lexicon name), or 0 */
} act_person;

/* An office a person holds between dates (data/actors/offices.txt): the
 * holder of "the prime minister" in a British story of 2005. */
typedef struct {
    int32_t country;        /* country index */
    int32_t agent;          /* agent index of a noun naming the office */
    dyad_date from, to;     /* from <= D < to; to.year 0: still holds */
    uint32_t person;
} act_office;

typedef struct {
    const char *name;
    char code[ACT_CODE];
    uint8_t media;          /* kind: media */
    uint32_t last;          /* hash of the last word of its name: "the agency" */
} act_org;

typedef struct {
    const char *name;       /* singular: "foreign minister" */
    char code[4];           /* "GOV" */
    uint8_t gender;
    uint8_t person;         /* denotes a person (minister), not a body (ministry) */
    uint8_t pejorative;     /* dictator, despot, tyrant ...: used of foreign rulers */
    uint8_t head;           /* head of state or government: president, leader ... */
    uint32_t last;          /* hash of its last (head) word: "minister" */
} act_agent;

/* Hashes of the function words the matcher and coreference look at. */
typedef struct {
    uint32_t the, and_, or_, of, a, an;
    uint32_t he, him, his, himself, she, her, hers, herself;
    uint32_t it, its, itself, they, them, their, theirs, themselves;
} act_words;

struct actors_lexicon {
    dyad_arena *strings;    /* every string the lexicon owns */
    char *text;             /* token bytes for CASE_EXACT tokens */
    uint32_t text_len, text_cap;

    act_country *countries; uint32_t n_countries, cap_countries;
    act_person *people;     uint32_t n_people, cap_people;
    act_role *roles;        uint32_t n_roles, cap_roles;
    act_org *orgs;          uint32_t n_orgs, cap_orgs;
    act_agent *agents;      uint32_t n_agents, cap_agents;
    act_office *offices;    uint32_t n_offices, cap_offices;
    /* imported people by surname_hash: (hash << 32 | person), sorted; for
     * "Mr Davis" in a story with no Davis yet (coref.c, link_surname) */
    uint64_t *by_surname;   uint32_t n_by_surname;

    act_name *names;        uint32_t n_names, cap_names;
    act_ltok *ltoks;        uint32_t n_ltoks, cap_ltoks;
    act_table table;
    uint64_t first_bits[1024];  /* 65536-bit filter on a name's first token hash */
    uint64_t lower_bits[1024];  /* the same for names whose first token matches lower case */

    /* words recognised by small fixed lists (modifiers, speech verbs ...) */
    act_table words;
    act_words w;
    float decay[64];        /* ACT_DECAY^k: salience fading over k sentences */

    /* places: libgeonames' cities and regions; place_country[i] is the
     * country index of place i, or -1.  Built on first use (act_places),
     * under places_lock: a run that never meets a place does not pay for
     * reading 24,000 cities. */
    gazetteer *gaz;
    int16_t *place_country;
    pthread_mutex_t places_lock;
    atomic_int places_ready;

    /* counts for `dyad actors --stats` and the report */
    uint32_t n_country_names;
    int warnings;
    uint32_t n_imported, n_imported_dup;  /* office-holders added / left out as already known */
    uint8_t loading_imported;   /* loader only: records now read are office-holders */
    act_table seen;         /* loader only: name hash -> bits 1 << NK_* of the names so far */
    dyad_token *scratch;    /* loader only: tokens of the name being added */
    uint32_t scratch_cap;
};

/* The gazetteer, built on the first call (thread-safe); NULL without
 * libgeonames data. */
const gazetteer *act_places(const actors_lexicon *lex);

/* ---- table.c */
void act_table_build(actors_lexicon *lex);
const act_slot *act_table_find(const act_table *t, uint32_t hash);
/* A set of single-word hashes with a small value (the word lists). */
void act_words_add(act_table *t, uint32_t hash, uint16_t value);
uint16_t act_words_get(const act_table *t, uint32_t hash);
void act_table_free(act_table *t);

static inline int act_first_maybe(const actors_lexicon *lex, uint32_t h)
{
    return (int)((lex->first_bits[(h >> 6) & 1023] >> (h & 63)) & 1);
}

/* The filter for a text token: a lower-case word can only start a name
 * whose first token is lower case ("president", "foreign ministry"), which
 * keeps "may", "turkey" and "chad" out of the table. */
static inline int act_token_maybe(const actors_lexicon *lex, const dyad_token *t)
{
    /* a caseless word (an all-capitals story) may start any name */
    const uint64_t *bits = (t->flags & (DYAD_TOK_LOWER | DYAD_TOK_NOCASE)) == DYAD_TOK_LOWER ? lex->lower_bits : lex->first_bits;
    return (int)((bits[(t->hash >> 6) & 1023] >> (t->hash & 63)) & 1);
}

/* Word classes (values of lex->words). */
enum {
    WC_PREMOD = 1 << 0,     /* senior, top, former: may stand before a country word or agent */
    WC_SPEECH = 1 << 1,     /* said, told, says: marks the speaker of a quote */
    WC_NOTNAME = 1 << 2,    /* capitalised but not a name: days, months, I, The */
    WC_PARTICLE = 1 << 4,   /* bin, al, de, van: lower-case parts of names */
    WC_HONORIFIC = 1 << 5,  /* Mr. Mrs. Ms. Dr. */
    WC_FEMALE = 1 << 8,     /* Mrs. Ms. Madam */
    WC_ORGISH = 1 << 9,     /* Department, Motors, Theatre: not in a person's name */
};

/* ------------------------------------------------------------ per document */

/* An atom: what the lexicon (or capitalisation) says about a token run,
 * before composition.  Atoms of one sentence, in text order. */
enum { AT_NAME = 1, AT_CAPS, AT_PRON };
typedef struct {
    uint32_t tok, ntok;
    uint8_t type;           /* AT_* */
    uint8_t quoted;         /* starts inside a quotation */
    uint8_t used;           /* consumed by a composition */
    uint8_t pron;           /* AT_PRON: PR_* */
    uint16_t kinds;         /* bit 1 << NK_* of the names that passed */
    uint32_t first;         /* AT_NAME: the slot's names, lex->names[first ..] */
    uint64_t pass;          /* bit c: names[first + c] matched here (case rules) */
} act_atom;

enum { PR_HE = 1, PR_SHE, PR_IT, PR_THEY };

/* A proto-mention: a recognised span with what composition learnt about
 * it; coreference turns it into a dyad_mention and an entity. */
typedef struct {
    uint32_t tok, ntok;
    uint8_t kind;           /* DYAD_ACTOR_* */
    uint8_t how;            /* DYAD_HOW_* before coreference */
    uint8_t plural, gender;
    uint8_t desc;           /* descriptor ("the despot"): find its referent */
    uint8_t foreign;        /* a person titled with a nationality word */
    uint8_t home_title;     /* a person titled without one: "President Trump" */
    uint8_t pron;           /* PR_* */
    uint8_t quoted;
    uint8_t surname;        /* surname alone: the person comes from coreference */
    uint8_t metonym;        /* capital / seat for the government */
    uint8_t credit;
    uint8_t fallback;       /* surname link that, failing, is a new actor (cand_name) */
    uint8_t is_org;         /* candidate named after a body's noun: an organisation */
    int32_t country, agent, person, org;
    int32_t atom;           /* surname: the atom with the candidate people */
    int32_t poss_of;        /* agent owned by an earlier pm ("Kim Jong Un's government") */
    int32_t title_agent;    /* agent noun seen with a person */
    int32_t emitted;        /* its index in doc->mentions, -1 if left out */
    uint32_t ag_tok, ag_ntok;   /* the agent noun's tokens (roles), for the entity name */
    char code[ACT_CODE];    /* code known at match time (composition) */
    const char *cand_name;  /* DYAD_ACTOR_CANDIDATE: the name, arena string */
} act_pm;

/* What the stage keeps about an entity besides dyad_entity. */
enum { E_PERSON = 1, E_COUNTRY, E_METONYM, E_ROLE, E_ORG, E_CAND };
#define ENT_TITLES 4
typedef struct {
    uint8_t ekind;          /* E_* */
    uint8_t foreign, home_title, head;
    int32_t target;         /* person / country / org index; candidate: -1 */
    int32_t country;        /* country index or -1 */
    int32_t agent;          /* agent index (roles) or -1 */
    int32_t key_agent;      /* the agent part of the key (with a plural bit) */
    uint32_t key;
    uint32_t last_sent;
    int32_t last_mention;
    uint32_t n_mentions;
    float sal;              /* salience at last_sent */
    uint32_t titles[ENT_TITLES];    /* head words of the agent nouns used with it */
    uint32_t first_word, last_word;  /* candidates: hashes of the first and last name tokens */
    uint8_t undated;        /* a person whose code depends on a date the story lacks */
    int32_t home;           /* the country of its code (persons, organisations too), or -1:
                               what the story is about (story_country) */
} act_ent;

#define ACT_MRU 128

typedef struct {
    const actors_lexicon *lex;
    dyad_doc *doc;
    dyad_date date;
    int undated;            /* no publication date: dated roles stay unresolved */
    int flagged;            /* ... and some person's code depended on one */

    act_atom *atoms; uint32_t n_atoms, cap_atoms;
    act_pm *pms;     uint32_t n_pms, cap_pms;
    act_ent *ents;   uint32_t cap_ents;            /* parallel to doc->entities */
    uint32_t *emap;  uint32_t emap_mask, emap_used; /* key -> entity + 1 */
    uint32_t mru[ACT_MRU]; uint32_t n_mru;         /* recently mentioned entities, newest first */

    uint32_t sent;          /* the sentence being processed */
    int in_quote;
    uint32_t quote_para;
    int32_t last_speaker;   /* entity last seen next to a speech verb */
    uint32_t n_cands;       /* candidate entities so far: short names may refer to them */
} act_doc;

/* Grow an array kept in the document arena (no malloc once the arena has
 * grown to the document size); the old copy is simply abandoned. */
void *act_avec(dyad_arena *a, void *p, uint32_t *cap, uint32_t need, size_t elem);

/* ---- match.c: atoms and proto-mentions of sentence s into ad->atoms / ad->pms */
void act_match_sentence(act_doc *ad, uint32_t s);
/* The longest lexicon match at token i (< end): its length (0: none), the
 * first name of its slot and a bit per name (up to 64) that matched. */
uint32_t act_longest(const actors_lexicon *lex, const dyad_doc *doc, uint32_t i, uint32_t end,
                     uint32_t *first, uint64_t *pass);

/* Can the agent alone ("ministers", "the government") stand for the story
 * country's actors of that kind? */
int act_bare_kind(const act_agent *ag);

/* ---- coref.c: turn ad->pms into doc->mentions and doc->entities */
void act_resolve_sentence(act_doc *ad);
/* An organisation named only in the credit line: an entity, no mention. */
void act_credit_org(act_doc *ad, uint32_t org);

/* ---- lexicon.c */
/* Tokenise `s` and add it as a name; returns 0, or -1 with *why set. */
int act_add_name(actors_lexicon *lex, const char *s, uint8_t kind, uint32_t target,
                 uint8_t plural, const char **why);
/* The code of person p at date d: a dated role, else the base code (may be ""). */
int act_person_dated(const actors_lexicon *lex, uint32_t pi);
const char *act_person_code(const actors_lexicon *lex, uint32_t p, dyad_date d, int *dated);
/* The person holding the office named by agent noun `agent` in country c on
 * date d (data/actors/offices.txt), or -1. */
int32_t act_office_holder(const actors_lexicon *lex, int32_t c, int32_t agent, dyad_date d);
/* The imported people whose one-word surname hashes to h: *first into
 * lex->by_surname, returns how many. */
uint32_t act_imported_surname(const actors_lexicon *lex, uint32_t h, uint32_t *first);

#endif
