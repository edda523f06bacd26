/*
 * timex.h - the time stage.
 *
 * time_pubdate sets doc->pubdate, doc->pubdate_source and
 * doc->pubdate_evidence, in this order: the input's metadata
 * (doc->published: ISO dates and datetimes, RFC 822, "July 12, 2018" ...),
 * the --date option, a dateline in the text ("SEOUL, Oct. 29 (Reuters) -"),
 * an inference from the text (DYAD_PUB_INFERRED, with the evidence, at the
 * granularity the evidence supports: a dyad_date with month or day 0).
 * Never today's date: with no evidence pubdate stays year 0 and a diag says
 * so.  A `published` value that cannot be read gets a diag naming it and the
 * next source is tried.  It runs before the actors stage, which resolves
 * dated roles with it.
 *
 * time_process fills doc->timexes (in text order; spans in doc->text) with
 * each expression's kind, TIMEX3 value and resolved date, normalised against
 * the publication date, and gives every sentence a reference date in
 * doc->sent_dates[i] (i < n_sents): the date its own governing expression
 * names, else the one carried from the previous sentence of the paragraph,
 * else the publication date (docs/time.md has the rule).
 *
 * Values: 2018-07-06, 2018-07, 2018, 2025-W44, 2025-W43-WE, 2025-SU,
 * 2025-Q1, 199X, 19XX, 2025-10-29TNI, 2025-10-29T10:00, PAST_REF,
 * PRESENT_REF, FUTURE_REF, durations P6Y P2W PXD PT24H P2DE, sets P1Y and
 * XXXX-WXX-1; what could not be resolved keeps X's (XXXX-07-06).
 *
 * Neither function allocates per token; both may run on many documents in
 * parallel threads.
 */
#ifndef DYAD_TIMEX_H
#define DYAD_TIMEX_H

#include "dyad.h"

/* dyad_timex.flags */
enum {
    DYAD_TIMEX_FUTURE      = 1u << 0,  /* resolved after the publication date */
    DYAD_TIMEX_RELATIVE    = 1u << 1,  /* relative to another event ("days after"): no absolute value */
    DYAD_TIMEX_ANCHORED    = 1u << 2,  /* resolved against the narrative anchor ("six years later") */
    DYAD_TIMEX_UNRESOLVED  = 1u << 3,  /* needed a publication date (or its day) that is unknown */
    DYAD_TIMEX_GOVERNS     = 1u << 4,  /* its date is its sentence's reference date */
    DYAD_TIMEX_SUBORDINATE = 1u << 5,  /* in a relative clause (", who took office in June,") */
    DYAD_TIMEX_ATTRIBUTIVE = 1u << 6,  /* modifies a noun ("the 2020 election") */
    DYAD_TIMEX_DATELINE    = 1u << 7,  /* part of the dateline */
};

/* option_date: the --date value, or year 0 when not given. */
void time_pubdate(dyad_doc *doc, dyad_date option_date);
void time_process(dyad_doc *doc);

/* Names for output: "DATE", "TIME", "DURATION", "SET"; "metadata",
 * "option", "dateline", "inferred", "none"; the flag of bit b of
 * dyad_timex.flags ("future", "relative" ...), NULL past the last. */
const char *time_kind_name(int kind);
const char *time_source_name(int source);
const char *time_flag_name(int bit);

#endif
