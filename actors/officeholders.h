/*
 * officeholders.h - people in political office, read from the office-holder
 * TSV layout, with their dated CAMEO roles.
 *
 * The layout (docs/officeholders.md) has one tenure per line:
 *
 *   name  aliases  country_iso3  office  office_kind  start  end  qid  party  source_id
 *
 * oh_read adds a file's tenures to a set; rows of one person (same Wikidata
 * QID, else the same source person id, else the same name and country) are
 * gathered into one oh_person.  oh_finish then turns each person's tenures
 * into roles that do not overlap: on any day the highest office held wins
 * (head of state or government > minister > military > opposition >
 * junior minister > judiciary > legislator), and a former head of state or
 * government is ELI after the last office until death (when known) or for
 * good.  Office kinds map to agents as docs/officeholders.md says (central
 * bank governors are GOV, as agents.txt codes "central bank").
 *
 * A sibling file FILE.persons.tsv (qid name gender birth_date death_date ...),
 * when present, gives gender and date of death by QID.
 *
 * Rows that cannot be used (no start date, a country the lexicon does not
 * know, an office kind that is not political) are counted, not reported one
 * by one; a line with the wrong number of columns is reported as
 * "FILE:LINE: why" on stderr and skipped.  A file that does not start with
 * the layout's header is an error.
 */
#ifndef DYAD_OFFICEHOLDERS_H
#define DYAD_OFFICEHOLDERS_H

#include "dyad.h"

#include <stdio.h>

typedef struct {
    char code[16];              /* "GBRGOV" */
    dyad_date from, to;         /* to.year == 0: still holds */
} oh_role;

typedef struct {
    const char *name;           /* the name on the person's latest row */
    const char **aliases;       /* other names: earlier rows' names, the aliases column */
    uint32_t n_aliases;
    char gender;                /* 'm', 'f' or 0 */
    const char *title;          /* the highest, latest office, for display */
    const char *source;         /* source of the first row: "ifg", "uscongress" ... */
    oh_role *roles;             /* sorted, never overlapping; set by oh_finish */
    uint32_t n_roles;
} oh_person;

typedef struct {
    uint32_t rows, used, no_start, bad_dates, unknown_country, not_political, bad_lines;
} oh_stats;

typedef struct oh_set oh_set;

/* Does the lexicon know this three-letter country code? */
typedef int (*oh_country_fn)(const char *code, void *ctx);

oh_set *oh_new(void);
void oh_free(oh_set *s);
/* Add the tenures of one TSV file; 0, or -1 with the reason in err. */
int oh_read(oh_set *s, const char *path, oh_country_fn known, void *ctx, char *err, size_t errlen);
/* Resolve every person's roles (once, after the last oh_read). */
void oh_finish(oh_set *s);
uint32_t oh_count(const oh_set *s);
const oh_person *oh_get(const oh_set *s, uint32_t i);
const oh_stats *oh_get_stats(const oh_set *s);

/* One person as a people-lexicon record (docs/lexicon-format-people.md),
 * followed by a blank line; aliases for which skip_alias returns non-zero
 * are left out. */
void oh_write_record(FILE *out, const oh_person *p, int (*skip_alias)(const char *alias, void *ctx), void *ctx);
/* "GBRLEG 1997-05-01..2001-06-07, GBRGOV 2001-06-07.." for messages. */
void oh_format_roles(const oh_person *p, char *out, size_t cap);

#endif
