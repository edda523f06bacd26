/*
 * lemma.c - the rule and exception-list lemmatizer.
 *
 * syn_lemma(form, tag) -> lemma, the UD English way: lower case except
 * proper nouns (and NNP-tagged or capitalised adjectives: "American"), and
 * "I"; verbs to the base form, nouns to the singular, comparatives to the
 * positive.  Exceptions (lemma_tables.c) are looked up in one hash table
 * built once (pthread_once) and then only read; the rules work on a copy
 * in the caller's buffer, so nothing is allocated per token.
 */
#include "syntax.h"
#include "../core/core.h"

#include <pthread.h>
#include <string.h>

extern const char *const syn_irregular_verbs[][3];
extern const char *const syn_lemma_any[][2];
extern const char *const syn_lemma_noun[][2];
extern const char *const syn_lemma_adj[][2];
extern const char *const syn_e_stems[];
extern const char *const syn_no_e_stems[];

/* Which table a form is looked up in. */
enum { LX_ANY, LX_VERB, LX_NOUN, LX_ADJ, LX_E, LX_NO_E, LX_KINDS };

typedef struct { const char *form, *lemma; uint32_t hash; uint8_t kind; } lex_entry;

#define LEX_SLOTS 2048u             /* power of two, > 2 x the entries */
static lex_entry lex[LEX_SLOTS];
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static void lex_add(const char *form, const char *lemma, int kind)
{
    if (!form || !*form) return;
    uint32_t h = hash_bytes(form, strlen(form), HASH_SEED + (uint32_t)kind);
    for (uint32_t i = h & (LEX_SLOTS - 1);; i = (i + 1) & (LEX_SLOTS - 1)) {
        if (!lex[i].form) { lex[i] = (lex_entry){form, lemma, h, (uint8_t)kind}; return; }
        if (lex[i].hash == h && lex[i].kind == kind && !strcmp(lex[i].form, form)) return;  /* first wins */
    }
}

static void lex_build(void)
{
    for (int i = 0; syn_lemma_any[i][0]; i++) lex_add(syn_lemma_any[i][0], syn_lemma_any[i][1], LX_ANY);
    for (int i = 0; syn_irregular_verbs[i][0]; i++) {
        lex_add(syn_irregular_verbs[i][1], syn_irregular_verbs[i][0], LX_VERB);
        lex_add(syn_irregular_verbs[i][2], syn_irregular_verbs[i][0], LX_VERB);
    }
    for (int i = 0; syn_lemma_noun[i][0]; i++) lex_add(syn_lemma_noun[i][0], syn_lemma_noun[i][1], LX_NOUN);
    for (int i = 0; syn_lemma_adj[i][0]; i++) lex_add(syn_lemma_adj[i][0], syn_lemma_adj[i][1], LX_ADJ);
    for (int i = 0; syn_e_stems[i]; i++) lex_add(syn_e_stems[i], syn_e_stems[i], LX_E);
    for (int i = 0; syn_no_e_stems[i]; i++) lex_add(syn_no_e_stems[i], syn_no_e_stems[i], LX_NO_E);
}

static const char *lex_get(const char *s, size_t n, int kind)
{
    uint32_t h = hash_bytes(s, n, HASH_SEED + (uint32_t)kind);
    for (uint32_t i = h & (LEX_SLOTS - 1); lex[i].form; i = (i + 1) & (LEX_SLOTS - 1))
        if (lex[i].hash == h && lex[i].kind == kind && strlen(lex[i].form) == n && !memcmp(lex[i].form, s, n))
            return lex[i].lemma;
    return NULL;
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
static int is_cons(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }
static int ends(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n > k && !memcmp(s + n - k, suf, k);
}

/* After a suffix came off: undo a doubled consonant (stopp -> stop) or put
 * back a silent e (mak -> make).  s has room for one more byte. */
static size_t restore_stem(char *s, size_t n)
{
    if (n < 2) return n;
    char a = s[n - 1], b = s[n - 2], c = n >= 3 ? s[n - 3] : 0;
    if (lex_get(s, n, LX_NO_E)) return n;
    if (lex_get(s, n, LX_E)) { s[n] = 'e'; return n + 1; }
    if (a == b && is_cons(a) && a != 'l' && a != 's' && a != 'z' && a != 'f' && n >= 4) return n - 1;
    int add_e = 0;
    switch (a) {
    case 'v': case 'c': case 'u': add_e = 1; break;
    case 'z': add_e = b != 'z'; break;
    case 'e': add_e = 1; break;                                      /* agre(ed) */
    case 's': add_e = (is_vowel(b) && b != 'u') || b == 'n' || b == 'p' || b == 'r'; break;
    case 'g': add_e = b == 'r' || b == 'd' || b == 'l' || ((b == 'n') && (c == 'a' || c == 'e')); break;
    case 'l': add_e = is_cons(b) && b != 'l' && b != 'r' && b != 'w'; break;
    case 't': add_e = (b == 'a' && c != 'e' && c != 'o' && c != 'a') || ((b == 'u' || b == 'o') && is_cons(c)); break;
    case 'd': case 'k': case 'm': case 'b':
        add_e = (b == 'a' || b == 'i' || b == 'o' || b == 'u') && is_cons(c); break;
    case 'n': add_e = (b == 'i' || b == 'o' || b == 'u') && is_cons(c); break;
    case 'r': add_e = (b == 'a' || b == 'i' || b == 'o' || b == 'u' || b == 'y') && is_cons(c); break;
    case 'p': add_e = (b == 'a' || b == 'i' || b == 'y') && is_cons(c); break;
    }
    if (add_e) s[n++] = 'e';
    return n;
}

static size_t verb_lemma(char *s, size_t n, int xpos)
{
    if (xpos == DYAD_XPOS_VBZ) {
        if (ends(s, n, "ies") && n > 4) { n -= 3; s[n++] = 'y'; return n; }
        if (ends(s, n, "sses") || ends(s, n, "ches") || ends(s, n, "shes") || ends(s, n, "xes") ||
            ends(s, n, "zzes") || ends(s, n, "oes")) return n - 2;
        if (ends(s, n, "s") && !ends(s, n, "ss")) return n - 1;
        return n;
    }
    if (xpos == DYAD_XPOS_VBG) {
        if (!ends(s, n, "ing") || n < 5) return n;
        n -= 3;
        if (s[n - 1] == 'y' || (s[n - 1] == 'e' && n >= 3)) return n;  /* play(ing), agree(ing) */
        return restore_stem(s, n);
    }
    if (xpos == DYAD_XPOS_VBD || xpos == DYAD_XPOS_VBN) {
        if (ends(s, n, "ied") && n > 4) { n -= 3; s[n++] = 'y'; return n; }
        if (ends(s, n, "eed") && n <= 5) return n - 1;                 /* freed, agreed below */
        if (!ends(s, n, "ed") || n < 4) return n;
        n -= 2;
        if (s[n - 1] == 'y') return n;                                 /* play(ed) */
        return restore_stem(s, n);
    }
    return n;
}

static size_t noun_lemma(char *s, size_t n)
{
    if (n < 3 || s[n - 1] != 's') return n;
    if (ends(s, n, "ss") || ends(s, n, "us") || ends(s, n, "is") || ends(s, n, "'s")) return n;
    if (ends(s, n, "ies") && n > 4) { n -= 3; s[n++] = 'y'; return n; }
    if (ends(s, n, "sses") || ends(s, n, "ches") || ends(s, n, "shes") || ends(s, n, "xes") ||
        ends(s, n, "zzes") || ends(s, n, "oes")) return n - 2;
    return n - 1;
}

static size_t adj_lemma(char *s, size_t n, int xpos)
{
    int comp = xpos == DYAD_XPOS_JJR || xpos == DYAD_XPOS_RBR;
    const char *suf = comp ? "er" : "est";
    size_t k = comp ? 2 : 3;
    if (!ends(s, n, suf) || n < k + 3) return n;
    n -= k;
    if (s[n - 1] == 'i') { s[n - 1] = 'y'; return n; }                  /* happi(er) */
    if (s[n - 1] == 'e') return n;                                     /* fre(er) */
    return restore_stem(s, n);
}

const char *syn_lemma(const char *form, uint32_t n, int upos, int xpos, char *buf, uint32_t *len)
{
    pthread_once(&lex_once, lex_build);
    if (n > SYN_MAX_WORD) { *len = n; return form; }
    /* Lower-case copy (ASCII letters only: the rules are about English). */
    int upper_seen = 0;
    for (uint32_t i = 0; i < n; i++) {
        char c = form[i];
        if (c >= 'A' && c <= 'Z') { c = (char)(c + 32); upper_seen = 1; }
        buf[i] = c;
    }
    size_t m = n;
    /* Typographic apostrophes fold to ' so "n’t" and "n't" meet. */
    if (m >= 3 && memchr(buf, '\xe2', m)) {
        size_t o = 0;
        for (size_t i = 0; i < m; i++) {
            if ((unsigned char)buf[i] == 0xE2 && i + 2 < m && (unsigned char)buf[i + 1] == 0x80 &&
                (unsigned char)buf[i + 2] == 0x99 && m > 3) { buf[o++] = '\''; i += 2; }
            else buf[o++] = buf[i];
        }
        m = o;
    }
    const char *hit = lex_get(buf, m, LX_ANY);
    if (hit && !(upos == DYAD_UPOS_PROPN || (m == 2 && !strcmp(hit, "a.m.") && upos != DYAD_UPOS_NOUN))) {
        if (!((!strcmp(hit, "be") || !strcmp(hit, "have") || !strcmp(hit, "do")) &&
              upos != DYAD_UPOS_VERB && upos != DYAD_UPOS_AUX) &&
            !(!strcmp(hit, "she") && upos != DYAD_UPOS_PRON)) {
            *len = (uint32_t)strlen(hit);
            return hit;
        }
    }
    if (m == 1 && buf[0] == 'i' && upos == DYAD_UPOS_PRON) { *len = 1; return "I"; }
    if (upos == DYAD_UPOS_PROPN || xpos == DYAD_XPOS_NNP || xpos == DYAD_XPOS_NNPS ||
        upos == DYAD_UPOS_NUM || upos == DYAD_UPOS_PUNCT || upos == DYAD_UPOS_SYM ||
        (upos == DYAD_UPOS_ADJ && upper_seen && form[0] >= 'A' && form[0] <= 'Z')) {
        /* Case kept; a plural proper noun still loses its s (Americans). */
        memcpy(buf, form, n);
        m = n;
        if (xpos == DYAD_XPOS_NNPS) m = noun_lemma(buf, m);
        *len = (uint32_t)m;
        return buf;
    }
    switch (upos) {
    case DYAD_UPOS_VERB: case DYAD_UPOS_AUX:
        if ((hit = lex_get(buf, m, LX_VERB))) { *len = (uint32_t)strlen(hit); return hit; }
        if (buf[m - 1] == '\'' || m == 1) break;
        m = verb_lemma(buf, m, xpos);
        break;
    case DYAD_UPOS_NOUN:
        if ((hit = lex_get(buf, m, LX_NOUN))) { *len = (uint32_t)strlen(hit); return hit; }
        if (xpos == DYAD_XPOS_NNS) m = noun_lemma(buf, m);
        break;
    case DYAD_UPOS_ADJ: case DYAD_UPOS_ADV:
        if (xpos == DYAD_XPOS_JJR || xpos == DYAD_XPOS_JJS || xpos == DYAD_XPOS_RBR || xpos == DYAD_XPOS_RBS) {
            if ((hit = lex_get(buf, m, LX_ADJ))) {
                if (upos == DYAD_UPOS_ADV && !strcmp(hit, "good")) hit = "well";
                *len = (uint32_t)strlen(hit);
                return hit;
            }
            m = adj_lemma(buf, m, xpos);
        }
        break;
    }
    *len = (uint32_t)m;
    return buf;
}
