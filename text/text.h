/*
 * text.h - the text stage, step by step (dyad_text_process runs them all).
 *
 *   text_normalize      raw -> norm: valid UTF-8, no NUL or control bytes,
 *                       Unicode spaces folded, NFC; problems become diags.
 *   text_paragraphs     norm -> paragraph spans (blank-line, line-per-
 *                       paragraph or hard-wrapped layouts), with headings.
 *   text_debris         marks paragraphs (or parts) that are not the story.
 *   text_build_clean    norm minus debris -> text, paragraphs re-based.
 *   text_tokenize       text -> tokens.
 *   text_sentences      tokens -> sentences.
 *   text_caseless       an all-capitals story: its words flagged NOCASE.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "dyad.h"

/* A paragraph of norm during cleaning, before text exists. */
typedef struct {
    uint32_t off, len;          /* in norm */
    uint32_t flags;             /* DYAD_PARA_* */
    uint32_t cut_off, cut_len;  /* an inline span to drop (a read-time badge), len 0 if none */
    const char *debris;         /* rule name when the whole paragraph is debris */
    uint8_t wrapped;            /* lines inside are joined with spaces */
} text_para;

typedef struct {
    text_para *v;
    uint32_t n, cap;
} text_paras;

void text_normalize(dyad_doc *doc);
void text_paragraphs(dyad_doc *doc, text_paras *out);
void text_debris(dyad_doc *doc, text_paras *paras);
void text_build_clean(dyad_doc *doc, const text_paras *paras);
void text_tokenize(dyad_doc *doc);
void text_sentences(dyad_doc *doc);
void text_caseless(dyad_doc *doc);
/* Is [s, s+n) written in capitals only (at least 40 letters)? */
int text_allcaps(const char *s, size_t n);

/* True when the token (already folded to lower case, without its period)
 * is an abbreviation that takes a period: "mr", "gen", "jan", "inc". */
int text_is_abbreviation(const char *folded, size_t n);
/* Titles never end a sentence ("Mr." "Gen."): the next word is a name. */
int text_is_title_abbreviation(const char *folded, size_t n);

#endif
