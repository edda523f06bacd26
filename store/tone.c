/*
 * tone.c - a document's tone, for GDELT's AvgTone.
 *
 * GDELT 1.0 scores a document's tone as (positive words - negative words)
 * / all words x 100, from -100 to +100, most news between -10 and +10.
 * dyad does the same with its own short list of English news words that
 * carry a clear polarity in reporting (written for dyad, not taken from a
 * sentiment lexicon): it is a rough measure, like GDELT's, and says
 * nothing of what a sentence means (negation is not seen).  Words are the
 * document's tokens that start with a letter, compared in lower case.
 */
#include "store.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* In strcmp order, so a word is found by binary search (test_store_migrate
 * checks the order). */
static const char *const POSITIVE[] = {
    "accord", "achieve", "achieved", "agree", "agreed", "agreement", "aid", "applauded", "approve", "approved",
    "benefit", "benefits", "best", "boost", "breakthrough", "calm", "ceasefire", "celebrate", "celebrated",
    "commend", "commended", "compromise", "confident", "congratulated", "constructive", "cooperate",
    "cooperation", "deal", "democracy", "dialogue", "easing", "encouraging", "enjoy", "friendly", "friendship",
    "gain", "gains", "generous", "good", "great", "grow", "growth", "happy", "help", "helped", "helping",
    "hope", "hopeful", "hopes", "improve", "improved", "improvement", "improving", "optimism", "optimistic",
    "partner", "partnership", "peace", "peaceful", "pledge", "pledged", "positive", "praise", "praised",
    "progress", "promising", "prosper", "prosperity", "protect", "reconciliation", "recover", "recovery",
    "relief", "rescue", "rescued", "resolve", "resolved", "restore", "restored", "safe", "safety", "secure",
    "settle", "settlement", "stability", "stable", "strengthen", "strong", "succeed", "success", "successful",
    "support", "supported", "thank", "thanked", "together", "truce", "trust", "unity", "victory", "warm",
    "welcome", "welcomed", "win", "won",
};
static const char *const NEGATIVE[] = {
    "abuse", "accuse", "accused", "aggression", "alarm", "angry", "arrest", "arrested", "assault", "attack",
    "attacked", "attacks", "ban", "bomb", "bombing", "casualties", "clash", "clashes", "collapse", "condemn",
    "condemned", "conflict", "corruption", "crime", "crisis", "criticism", "criticize", "criticized", "dead",
    "deadly", "death", "deaths", "decline", "defeat", "denied", "deny", "destroy", "destroyed", "detained",
    "disaster", "dispute", "explosion", "fail", "failed", "failure", "fear", "fears", "fight", "fighting",
    "fire", "fraud", "fury", "hostile", "hurt", "illegal", "injured", "invasion", "jail", "kill", "killed",
    "killing", "loss", "losses", "massacre", "militants", "missile", "murder", "oppose", "opposed", "protest",
    "protests", "punish", "refuse", "refused", "reject", "rejected", "riot", "sanction", "sanctions", "scandal",
    "shooting", "strike", "suffer", "suspect", "tension", "tensions", "terror", "terrorism", "terrorist",
    "threat", "threaten", "threatened", "threats", "torture", "troops", "unrest", "victims", "violence",
    "violent", "war", "warn", "warned", "warning", "weak", "worse", "worst", "wounded",
};

static int cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

int store_tone_sorted(void)
{
    for (size_t i = 1; i < sizeof POSITIVE / sizeof *POSITIVE; i++)
        if (strcmp(POSITIVE[i - 1], POSITIVE[i]) >= 0) return 0;
    for (size_t i = 1; i < sizeof NEGATIVE / sizeof *NEGATIVE; i++)
        if (strcmp(NEGATIVE[i - 1], NEGATIVE[i]) >= 0) return 0;
    return 1;
}

static int in(const char *const *list, size_t n, const char *w)
{
    return bsearch(&w, list, n, sizeof *list, cmp) != NULL;
}

int store_doc_tone(const dyad_doc *d, double *tone)
{
    long words = 0, pos = 0, neg = 0;
    for (uint32_t i = 0; i < d->n_toks; i++) {
        const dyad_token *t = &d->toks[i];
        if (t->off >= d->text_len || !isalpha((unsigned char)d->text[t->off])) continue;
        words++;
        char w[24];
        if (t->len >= sizeof w) continue;
        for (uint32_t k = 0; k < t->len; k++) w[k] = (char)tolower((unsigned char)d->text[t->off + k]);
        w[t->len] = 0;
        if (in(POSITIVE, sizeof POSITIVE / sizeof *POSITIVE, w)) pos++;
        else if (in(NEGATIVE, sizeof NEGATIVE / sizeof *NEGATIVE, w)) neg++;
    }
    if (!words) return 0;
    *tone = (double)(pos - neg) / (double)words * 100.0;
    return 1;
}
