/*
 * where.h - the where stage: place names in the text, and where each event
 * happened.
 *
 * where_load compiles, once, dyad's own tables (data/places/countries.tsv:
 * a centre per country with its FIPS code; data/places/landmarks.tsv:
 * regions, seas, borders, bases that a city list lacks) into one hash
 * table keyed like the gazetteer (folded token sequence); cities and
 * first-level regions come from the actors' gazetteer (libgeonames,
 * compiled at load too), so no lookup ever calls libgeonames.  A data
 * folder without places/ gives a model of the gazetteer alone.
 *
 * where_process (after the events stage) fills doc->places with the place
 * names of the text and gives each event:
 *   where       the first that applies of
 *                 verb-modifier  a place in an obl / nmod of the event's
 *                                verb or clause with in, at, near, off,
 *                                outside ... ("met Xi in Beijing"), or named
 *                                by such a noun ("in a Moscow mansion"); a
 *                                coast, border or waters with no place of
 *                                its own is its owner's country ("off its
 *                                western coast" -> the source's country)
 *                 sentence       a locative place elsewhere in the event's
 *                                clause or the main clause (not a relative
 *                                clause or clausal modifier)
 *                 destination    a visit (042) or a visiting source's act
 *                                ("the visiting minister urged Iran") at
 *                                its target's country, a host (043) at its
 *                                source's: before the dateline, which is
 *                                where the writer was
 *                 dateline       the story's "SEOUL, Oct. 29 (Reuters) -", when
 *                                the source is of that country or of none,
 *                                or the target is and the act reaches it
 *                                (force, posture, a visit: not sanctions
 *                                or words from abroad); and a
 *                                meeting, statement of intent or accord of
 *                                two foreign parties (03-05), a guess
 *                 destination    with no dateline, a meeting of parties of
 *                                two countries at the one met's (a guess:
 *                                news makes the visitor the subject)
 *                 actor-country  both sides' shared country, else the
 *                                source's (a guess)
 *   source_geo / target_geo   the side's place when its own words name
 *                 one ("Chicago police", "Pyongyang"), else its country.
 * A name with places in several countries is chosen by a qualifier
 * ("Paris, Texas"), then by the story's countries (actors and unambiguous
 * places), then dyad's own entries, countries, cities before regions, and
 * the most populous; guess is set when only the last decided.
 *
 * The model is read-only after loading (shared between threads).
 */
#ifndef DYAD_WHERE_H
#define DYAD_WHERE_H

#include "dyad.h"

struct gazetteer;
typedef struct where_model where_model;

/* gaz may be NULL (countries and landmarks only). */
where_model *where_load(const char *data_dir, const struct gazetteer *gaz, char *err, size_t errlen);
void where_free(where_model *w);
void where_process(const where_model *w, dyad_doc *doc);

/* The place a name means out of context (--near PLACE): 0 and *out filled,
 * -1 when unknown. */
int where_resolve(const where_model *w, const char *name, dyad_location *out);
/* A country's centre by dyad code: 0, or -1 when the table lacks it. */
int where_country(const where_model *w, const char *code, dyad_location *out);

/* Great-circle distance in km. */
double where_km(double lat1, double lon1, double lat2, double lon2);

#endif
