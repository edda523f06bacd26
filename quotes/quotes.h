/*
 * quotes.h - the quotations stage: direct, partial, indirect and scare
 * quotes with their speaker (an actor mention), cue verb and sentence.
 * Runs after actors and time; fills doc->quotes.
 *
 * quotes_process(doc) reads doc->text, toks, sents, paras and mentions
 * (entities for gender and number) and replaces doc->quotes with, in text
 * order, one dyad_quote per quotation:
 *
 *   off, len      the quoted words without their marks (and without the
 *                 comma that hands over to "he said"); for INDIRECT the
 *                 reported clause;
 *   sent          the sentence of the first quoted word;
 *   kind          DIRECT     an utterance in quotation marks;
 *                 PARTIAL    a quoted phrase inside reported speech;
 *                 INDIRECT   reported speech without marks;
 *                 SCARE      a quoted phrase with no speech context, or a
 *                            pull quote (crosshead) that names no speaker;
 *   speaker       the mention index of who said it (coreference included:
 *                 "he said" is a pronoun mention), or -1 when unknown;
 *   cue_off/len   the cue verb ("said", "told", "according to"), len 0
 *                 when none.  An inherited speaker ("Trump told
 *                 reporters. ¶ “...”") carries the cue it came from.
 *
 * The sentence's reference date is doc->sent_dates[sent] (the emitters
 * print it).  docs/quotes.md describes the rules and their limits.
 *
 * Cost: one pass of word-class lookups over the tokens, then work per
 * quotation mark and per cue verb; scratch comes from doc->arena, so no
 * malloc per token.  Thread-safe for distinct documents.
 */
#ifndef DYAD_QUOTES_H
#define DYAD_QUOTES_H

#include "dyad.h"

void quotes_process(dyad_doc *doc);

#endif
