/*
 * tabari_suite.h - TABARI's validation suite as a test of dyad's coder.
 *
 * A suite text (TABARI's Validate.text format) is a run of records: a line
 * "YYMMDD ID [FBIS-ID]" (or YYYYMMDD), the record's text, then a comment
 * "/ * ... * /" whose {SOURCE / TARGET / CODE} items are the events TABARI
 * must code from it ({---} none, {+++} complex: no event, "-{...}" an item
 * switched off).  The records up to the one whose id is FINAL-01 are the
 * standard ones; later records test options and error handling and are not
 * read.  OPTION records ({ OPTION: ... }) switch TABARI options; they carry
 * no events and are counted apart.
 *
 * tabari_suite_score_doc compares the coded document's events with the
 * record's as multisets of (source, target, code) on the full codes,
 * as TABARI's validation mode does.
 */
#ifndef DYAD_EVAL_TABARI_SUITE_H
#define DYAD_EVAL_TABARI_SUITE_H

#include <stdio.h>

#include "dyad.h"

typedef struct { char source[24], target[24], code[8]; } tabari_suite_event;

typedef struct {
    char id[48];
    dyad_date date;
    char *text;                     /* the record's text, lines joined by blanks */
    int first_event, n_events;      /* in tabari_suite.events */
    int option;                     /* an OPTION record */
    int line;                       /* of the id line */
} tabari_suite_record;

typedef struct {
    tabari_suite_record *recs; int n_recs;
    tabari_suite_event *events; int n_events;
} tabari_suite;

typedef struct {
    long records, options, expected, reproduced, extra, perfect;
} tabari_suite_score;

/* Read a suite text; -1 with "FILE:LINE: why" in err on failure. */
int tabari_suite_load(const char *path, tabari_suite *s, char *err, size_t errlen);
void tabari_suite_free(tabari_suite *s);

/* Score the coded record r; misses and extras listed on list (may be NULL). */
void tabari_suite_score_doc(const tabari_suite *s, int r, const dyad_doc *d,
                            tabari_suite_score *sc, FILE *list);
void tabari_suite_print(const tabari_suite_score *sc, FILE *out);

#endif
