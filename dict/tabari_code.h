/*
 * dict/tabari_code.h - code documents with the field's TABARI / PETRARCH
 * dictionaries instead of (or on top of) dyad's own.
 *
 * The readers in tabari.h turn the files into structures; this module
 * compiles those structures into lookup tables once, and then, per document,
 * (1) finds actor and agent phrases and adds them to doc->mentions, and
 * (2) codes events with the verb patterns the way TABARI does -- pattern
 * precedence by TABARI's length, `$` / `+` / `%` / `^` slots on both sides of
 * the verb, `&` synsets, `{ | }` alternatives, `[---]` null codes, `[###]`
 * discards, `!` / `?` dominance, `[A:B]` paired events, TABARI's passive rule
 * and default source / target rules -- and (3) drops the events of sentences
 * or stories that match a discard phrase.  docs/tabari-dictionaries.md says
 * where this differs from dyad's own coder, and why.
 *
 * Contract
 *
 *  - tabari_coder_load reads the named files (any may be NULL; actors may be
 *    several) and the CAMEO ontology from data_dir/events/cameo.txt (for the
 *    Goldstein score, quad class and PLOVER type of each event code).  Every
 *    dictionary line it cannot use goes to report (see tabari.h) and is
 *    counted; they never stop the load.  It returns NULL, with the reason in
 *    err, only when a file cannot be read or is not of the kind its option
 *    says, or memory runs out.
 *  - The result is read-only afterwards: threads may share it.  Per document
 *    nothing is allocated except from doc->arena and doc's reusable arrays.
 *  - tabari_coder_actors needs doc after the text stage and the publication
 *    date (time_pubdate): dated codes are chosen by doc->pubdate, else today.
 *    Mentions already in doc (from dyad's actors stage) are kept and win
 *    where phrases overlap; the new ones are merged in token order (the order
 *    every later stage expects), with antecedent indexes remapped.
 *  - tabari_coder_events appends to doc->events (dyad's events, if any, stay;
 *    an event equal to one already there is not added twice).  With a
 *    non-NULL explain it prints, per sentence, the verb, the pattern that won
 *    and the slots, like `dyad code --explain`.
 *  - tabari_coder_discard removes every event of a sentence (or, for '+'
 *    phrases, of the whole story) that matches a discard phrase, whichever
 *    coder made it.
 */
#ifndef DYAD_DICT_TABARI_CODE_H
#define DYAD_DICT_TABARI_CODE_H

#include <stdio.h>

#include "dyad.h"
#include "tabari.h"

typedef struct tabari_coder tabari_coder;

typedef struct {
    const char *verbs;                /* verb pattern file, or NULL */
    const char *const *actors;        /* actor files, in priority order */
    int n_actors;
    const char *agents;               /* agent file, or NULL */
    const char *discards;             /* discard list, or NULL */
    const char *data_dir;             /* for events/cameo.txt; NULL: dyad_default_data_dir() */
} tabari_files;

tabari_coder *tabari_coder_load(const tabari_files *files, tabari_report_fn report, void *ctx,
                                char *err, size_t errlen);
void tabari_coder_free(tabari_coder *c);

int tabari_coder_has_verbs(const tabari_coder *c);
int tabari_coder_has_actors(const tabari_coder *c);   /* actors or agents */

void tabari_coder_actors(const tabari_coder *c, dyad_doc *doc);
void tabari_coder_events(const tabari_coder *c, dyad_doc *doc, FILE *explain);
void tabari_coder_discard(const tabari_coder *c, dyad_doc *doc);

/* What was compiled, for `dyad dict` and the tests. */
typedef struct {
    long actors, actor_names, actor_codes;   /* actor entries, phrases (with forms), codes */
    long agents, agent_names;
    long verbs, verb_forms, patterns, variants, synsets, skipped_patterns;
    long discards;
    long unusable, warnings;                  /* reported by the readers */
    double load_ms;
} tabari_coder_stats;
void tabari_coder_stats_get(const tabari_coder *c, tabari_coder_stats *out);

#endif
