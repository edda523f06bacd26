/*
 * tokenize.c - split doc->text into tokens (offset, length, flags, hash).
 *
 * Words keep what belongs to them in news copy: inner hyphens (test-fired,
 * inter-Korean), inner apostrophes (weren't, O'Brien, d'Ivoire), decimals and
 * thousands (3.5, 1,000), times and dates (10:30, 2018-07-06), dotted
 * acronyms (U.S., a.m., D.P.R.K.), known abbreviations with their period
 * (Mr., Gen., Jan.) and initials (F.).  A possessive 's is a token of its own
 * so that "Pyongyang's Foreign Ministry" composes.  Quotation marks get a
 * direction from the spaces around them; the quote stage settles the rest.
 * Nothing is allocated per token: tokens go into the document's reusable
 * array.
 */
#include "text.h"
#include "../core/core.h"

#include <string.h>

typedef struct {
    const char *s;
    uint32_t end;
    dyad_token **toks;
    uint32_t *n, *cap;
} tokenizer;

static uint32_t cp_at(const char *s, uint32_t i, uint32_t end, int *len)
{
    uint32_t cp;
    int l = utf8_decode((const unsigned char *)s + i, end - i, &cp);
    if (!l) { *len = 1; return 0xFFFD; }
    *len = l;
    return cp;
}

static int is_alnum_cp(uint32_t cp) { return uc_is_letter(cp) || uc_is_digit(cp); }

static int is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

static void emit(tokenizer *t, uint32_t off, uint32_t len, uint32_t flags)
{
    *t->toks = dyad_grow(*t->toks, t->cap, *t->n + 1, sizeof **t->toks);
    dyad_token *k = &(*t->toks)[(*t->n)++];
    k->off = off;
    k->len = len;
    k->flags = flags;
    k->hash = hash_folded(t->s + off, len);
}

/* Case flags of a word token. */
static uint32_t case_flags(const char *s, uint32_t b, uint32_t e)
{
    uint32_t flags = 0, letters = 0, upper = 0;
    int first = 1;
    for (uint32_t i = b; i < e;) {
        unsigned char a = (unsigned char)s[i];
        if (a < 0x80) {                                   /* ASCII inline */
            i++;
            int up = a >= 'A' && a <= 'Z', low = a >= 'a' && a <= 'z';
            if (!up && !low) continue;
            letters++;
            upper += (uint32_t)up;
            if (first) { flags |= up ? DYAD_TOK_CAP : DYAD_TOK_LOWER; first = 0; }
            continue;
        }
        int l;
        uint32_t cp = cp_at(s, i, e, &l);
        i += (uint32_t)l;
        if (!uc_is_letter(cp)) continue;
        letters++;
        int up = uc_is_upper(cp);
        upper += (uint32_t)up;
        if (first) { flags |= up ? DYAD_TOK_CAP : (uc_is_lower(cp) ? DYAD_TOK_LOWER : 0); first = 0; }
    }
    if (letters >= 2 && upper == letters) flags |= DYAD_TOK_UPPER;
    return flags;
}

static int next_nonspace_is_digit(const char *s, uint32_t i, uint32_t end)
{
    while (i < end && s[i] == ' ') i++;
    return i < end && s[i] >= '0' && s[i] <= '9';
}

/* Scan a word or number starting at b; returns its end and sets flags. */
static uint32_t scan_word(tokenizer *t, uint32_t b, uint32_t *flags)
{
    const char *s = t->s;
    uint32_t end = t->end, i = b;
    int numeric = s[b] >= '0' && s[b] <= '9';
    int dots = 0, seg = 0;            /* dotted-acronym state: letters in current segment */
    uint32_t f = numeric ? DYAD_TOK_NUM : DYAD_TOK_WORD;
    for (;;) {
        if (i >= end) break;
        unsigned char a = (unsigned char)s[i];
        if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9')) {
            i++; seg++; continue;                          /* the common case, inline */
        }
        if (a == ' ' || a == '\n') break;
        int l;
        uint32_t cp = cp_at(s, i, end, &l);
        if (is_alnum_cp(cp) || (cp >= 0x300 && cp < 0x370)) { i += (uint32_t)l; seg++; continue; }
        uint32_t nl = 0, next = 0;
        int nlen = 0;
        if (i + (uint32_t)l < end) { next = cp_at(s, i + (uint32_t)l, end, &nlen); nl = (uint32_t)nlen; }
        (void)nl;
        if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && is_alnum_cp(next)) {
            f |= DYAD_TOK_HYPHEN; i += (uint32_t)l; seg = 0; dots = 0; continue;
        }
        if ((cp == ',' || cp == ':' || cp == '/') && numeric && uc_is_digit(next)) { i++; seg = 0; continue; }
        if (cp == '.') {
            if (numeric && uc_is_digit(next)) { i++; seg = 0; continue; }
            if (seg == 1 && uc_is_letter(next) && !numeric) {
                /* U.S / a.m / D.P.R.K: only if the next segment is one letter too */
                int l2;
                uint32_t after = i + 1 + (uint32_t)nlen < end ? cp_at(s, i + 1 + (uint32_t)nlen, end, &l2) : ' ';
                if (after == '.') { i++; dots++; seg = 0; continue; }
            }
            if (dots && seg == 1) { i++; f |= DYAD_TOK_ABBR; break; }
            if (!numeric && i - b == (uint32_t)seg && seg == 1 && uc_is_upper((unsigned char)s[b])) {
                i++; f |= DYAD_TOK_ABBR | DYAD_TOK_INITIAL; break;
            }
            if (!numeric && !(f & DYAD_TOK_HYPHEN)) {
                char w[16];
                uint32_t wl = i - b;
                if (wl < sizeof w) {
                    fold_word(s + b, wl, w, sizeof w);
                    int capital = s[b] >= 'A' && s[b] <= 'Z';
                    int lower_ok = !strcmp(w, "etc") || !strcmp(w, "vs") || !strcmp(w, "al") ||
                                   !strcmp(w, "approx") || !strcmp(w, "est") || !strcmp(w, "cf");
                    int no_needs_digit = (!strcmp(w, "no") || !strcmp(w, "nos")) &&
                                         !next_nonspace_is_digit(s, i + 1, end);
                    if ((capital || lower_ok) && !no_needs_digit && text_is_abbreviation(w, wl)) {
                        i++; f |= DYAD_TOK_ABBR; break;
                    }
                }
            }
            break;
        }
        if (is_apostrophe(cp)) {
            /* Possessive 's stays outside; weren't, O'Brien, d'Ivoire stay inside. */
            if ((next == 's' || next == 'S') && !numeric) {
                int l3;
                uint32_t after = i + (uint32_t)l + 1 < end ? cp_at(s, i + (uint32_t)l + 1, end, &l3) : ' ';
                if (!is_alnum_cp(after)) break;
            }
            if (uc_is_letter(next)) { i += (uint32_t)l; seg = 0; continue; }
            break;
        }
        if (cp == '&' && uc_is_upper(next) && i > b && uc_is_upper((unsigned char)s[i - 1])) { i++; continue; }
        break;
    }
    if (!numeric) f |= case_flags(s, b, i);
    *flags = f;
    return i;
}

static uint32_t quote_flags(uint32_t cp, int space_before, int space_after)
{
    switch (cp) {
    case 0x201C: case 0x201E: case 0xAB: return DYAD_TOK_QOPEN;
    case 0x201D: case 0xBB: return DYAD_TOK_QCLOSE;
    case 0x2018: case 0x201A: case 0x2039: return DYAD_TOK_QOPEN | DYAD_TOK_QSINGLE;
    case 0x203A: return DYAD_TOK_QCLOSE | DYAD_TOK_QSINGLE;
    case '"': case '\'': case 0x2019: {
        uint32_t f = DYAD_TOK_QAMBIG | (cp == '"' ? 0 : DYAD_TOK_QSINGLE);
        if (space_before && !space_after) f |= DYAD_TOK_QOPEN;
        else if (!space_before && space_after) f |= DYAD_TOK_QCLOSE;
        return f;
    }
    }
    return 0;
}

static void tokenize_span(tokenizer *t, uint32_t b, int para_start)
{
    const char *s = t->s;
    uint32_t end = t->end, i = b;
    int space = 1, first = para_start;
    while (i < end) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t') { space = 1; i++; continue; }
        uint32_t base = (space ? DYAD_TOK_SPACE : 0) | (first ? DYAD_TOK_PARA : 0);
        first = 0;
        int l;
        uint32_t cp = cp_at(s, i, end, &l);
        uint32_t flags;
        if (is_alnum_cp(cp)) {
            uint32_t e = scan_word(t, i, &flags);
            emit(t, i, e - i, base | flags);
            i = e;
            space = 0;
            continue;
        }
        /* ’90s: an apostrophe opening a decade is part of the number. */
        if (is_apostrophe(cp) && i + (uint32_t)l < end && s[i + l] >= '0' && s[i + l] <= '9') {
            uint32_t e = scan_word(t, i + (uint32_t)l, &flags);
            emit(t, i, e - i, base | flags);
            i = e;
            space = 0;
            continue;
        }
        uint32_t e = i + (uint32_t)l;
        int space_after = e >= end || s[e] == ' ' || s[e] == '\n';
        /* For quote direction, punctuation after a mark counts as a gap:
         * 'gangster-like', closes. */
        int gap_after = space_after || strchr(",.;:!?)", s[e]) != NULL;
        if (is_apostrophe(cp) && !space && (s[e] == 's' || s[e] == 'S') &&
            (e + 1 >= end || !is_alnum_cp((unsigned char)s[e + 1]))) {
            emit(t, i, (uint32_t)l + 1, base | DYAD_TOK_POSS | DYAD_TOK_PUNCT);   /* 's */
            i = e + 1;
            space = 0;
            continue;
        }
        if (cp == '.' && e < end && s[e] == '.') {                             /* .. ... */
            while (e < end && s[e] == '.') e++;
            flags = DYAD_TOK_ELLIPSIS;
        } else if (cp == '-' && e < end && s[e] == '-') {
            while (e < end && s[e] == '-') e++;
            flags = DYAD_TOK_DASH;
        } else if (cp == 0x2026) flags = DYAD_TOK_ELLIPSIS;
        else if (cp == 0x2014 || cp == 0x2013 || cp == 0x2012 || cp == 0x2015 ||
                 (cp == '-' && space && space_after))
            flags = DYAD_TOK_DASH;
        else if (cp == '.' || cp == '!' || cp == '?') flags = DYAD_TOK_TERM;
        else if (cp == ',' || cp == ';' || cp == ':') flags = DYAD_TOK_COMMA;
        else if (cp == '(' || cp == '[' || cp == '{') flags = DYAD_TOK_OPEN;
        else if (cp == ')' || cp == ']' || cp == '}') flags = DYAD_TOK_CLOSE;
        else {
            flags = quote_flags(cp, space, gap_after);
            /* A bare apostrophe after a plural is a possessive: leaders' summit. */
            if (is_apostrophe(cp) && !space && i > b && (s[i - 1] == 's' || s[i - 1] == 'S') &&
                space_after && e < end)
                flags |= DYAD_TOK_POSS;
        }
        emit(t, i, e - i, base | DYAD_TOK_PUNCT | flags);
        i = e;
        space = 0;
    }
}

void text_tokenize(dyad_doc *d)
{
    tokenizer t = {d->text, 0, &d->toks, &d->n_toks, &d->cap_toks};
    d->n_toks = 0;
    for (uint32_t p = 0; p < d->n_paras; p++) {
        t.end = d->paras[p].off + d->paras[p].len;
        tokenize_span(&t, d->paras[p].off, 1);
    }
}

uint32_t dyad_tokenize(const char *s, uint32_t len, dyad_token **toks, uint32_t *n, uint32_t *cap)
{
    tokenizer t = {s, len, toks, n, cap};
    *n = 0;
    tokenize_span(&t, 0, 1);
    return *n;
}
