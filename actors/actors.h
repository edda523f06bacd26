/*
 * actors.h - the actors stage: lexicons compiled once, then per document
 * recognition of mentions, CAMEO codes at the document's date, and
 * coreference.
 *
 * actors_load reads data_dir/actors/{countries,people,orgs,agents}.txt into
 * hash tables keyed by folded token sequences; the result is read-only and
 * shared by threads.  Lines it cannot use are reported on stderr as
 * "dyad: FILE:LINE: why" and skipped; only an unreadable countries.txt is an
 * error (NULL, reason in err).  After them come the office-holders:
 * data_dir/actors/officeholders/people.txt (written by `dyad lexicon
 * import`) and every office-holder TSV named in DYAD_PEOPLE (colon-separated,
 * read directly; one that cannot be read is an error).  An office-holder
 * whose name the lexicon already has is left out (hand-written wins), and
 * an office-holder's surname alone names them only once the story has
 * named them in full (docs/officeholders.md).
 *
 * actors_process fills doc->mentions and doc->entities from doc->toks /
 * doc->sents, resolving dated roles with doc->pubdate (which must be set
 * before; when unknown, dated roles stay unresolved, the mentions carry
 * ACTORS_MF_UNDATED and a diag says so: never the clock's date).  It allocates nothing per token: arrays
 * are the document's reusable ones and scratch lives in doc->arena.
 *
 * Results:
 *   dyad_mention  span, sentence, entity (-1: none), antecedent (the
 *                 entity's previous mention for coreference, else -1), code
 *                 at the date, kind (DYAD_ACTOR_*), how (DYAD_HOW_*), flags
 *                 (ACTORS_MF_*).
 *   dyad_entity   canonical name (lexicon string or arena string), code at
 *                 the date, kind, gender, plural, first_mention.  An entity
 *                 named only in the credit line ("Fox News' Adam Shaw
 *                 contributed to this report", removed from the text as
 *                 debris) has first_mention == ACTORS_CREDIT_ONLY.
 */
#ifndef DYAD_ACTORS_H
#define DYAD_ACTORS_H

#include "dyad.h"

typedef struct actors_lexicon actors_lexicon;

actors_lexicon *actors_load(const char *data_dir, char *err, size_t errlen);
void actors_free(actors_lexicon *lex);
/* Only the four hand-written files: no data/actors/officeholders/people.txt
 * and no DYAD_PEOPLE (the reference `dyad lexicon import` merges against). */
actors_lexicon *actors_load_handwritten(const char *data_dir, char *err, size_t errlen);

/* The person a full name or alias names, or -1. */
int32_t actors_person_named(const actors_lexicon *lex, const char *name);
/* "Name: CODE FROM..TO, ..." of person p, for reports. */
void actors_person_describe(const actors_lexicon *lex, uint32_t p, char *out, size_t cap);
int actors_country_known(const actors_lexicon *lex, const char *code);

/* The places (cities and regions with their country) loaded with the
 * lexicon from libgeonames (actors/gazetteer.h), or NULL without them. */
struct gazetteer;
const struct gazetteer *actors_gazetteer(const actors_lexicon *lex);
void actors_process(const actors_lexicon *lex, dyad_doc *doc);

/* After the time stage: a mention that took its person's code is coded
 * again at its sentence's reference date when that is before the
 * publication date ("In 2018, Trump met Kim" in a 2022 story: USAGOV).
 * Entities keep their codes at the publication date. */
void actors_redate(const actors_lexicon *lex, dyad_doc *doc);

/* dyad_mention.flags */
/* ACTORS_MF_UNDATED: a person whose code depends on the date, in a story
 * with no publication date: coded only as far as no date is needed (the
 * country all the person's roles share, or nothing), never at today's. */
/* ACTORS_MF_ORG: a new actor named after a body's role noun ("civil rights
 * group Liberty"): an organisation, not a person. */
enum { ACTORS_MF_QUOTED = 1, ACTORS_MF_PLURAL = 2, ACTORS_MF_UNDATED = 4, ACTORS_MF_ORG = 8 };
#define ACTORS_CREDIT_ONLY UINT32_MAX

/* Sizes of the loaded lexicon, for reports and tests. */
typedef struct {
    uint32_t countries, country_names, people, roles, surnames, orgs, agents, names, warnings;
    uint32_t imported, imported_dup;    /* office-holders added; left out as already named */
} actors_stats;
void actors_lexicon_stats(const actors_lexicon *lex, actors_stats *out);

/* Named entities (actors/names.c): the mentions that are names, and -
 * when doc->syn holds a parse - every proper-noun run no mention covers,
 * typed PER / ORG / LOC / GPE / NORP.  mention is the actor mention
 * (its code and how), or -1 for a name known only from the parse (no
 * code).  The array lives in doc->arena; returns its length. */
enum { ACTORS_PER = 1, ACTORS_ORG, ACTORS_LOC, ACTORS_GPE, ACTORS_NORP };
typedef struct {
    uint32_t tok, ntok;
    uint8_t type;
    int32_t mention;
} actors_name;
uint32_t actors_names(const actors_lexicon *lex, dyad_doc *doc, actors_name **out);
const char *actors_name_type(int type);

/* Human names for the enums ("person", "coref-name" ...). */
const char *actors_kind_name(int kind);
const char *actors_how_name(int how);

#endif
