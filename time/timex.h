/*
 * timex.h - the time stage.
 *
 * time_pubdate sets doc->pubdate and doc->pubdate_source, in this order:
 * the input's metadata (doc->published), the --date option, a dateline in
 * the text, an inference from the text (flagged, with evidence); never
 * silently today's date.  It runs before the actors stage, which resolves
 * dated roles with it.
 *
 * time_process finds time expressions (doc->timexes) normalised against the
 * publication date and gives every sentence a reference date
 * (doc->sent_dates[i]).
 */
#ifndef DYAD_TIMEX_H
#define DYAD_TIMEX_H

#include "dyad.h"

/* option_date: the --date value, or year 0 when not given. */
void time_pubdate(dyad_doc *doc, dyad_date option_date);
void time_process(dyad_doc *doc);

#endif
