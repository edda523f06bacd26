/*
 * dict/tabari_verbs.c - reader for TABARI, PETRARCH-1 and PETRARCH-2 verb
 * dictionaries: verb roots/blocks, irregular forms, synsets, patterns and
 * (PETRARCH-2) transformations.  See tabari.h for the contract and
 * docs/tabari-dictionaries.md for the syntax and its meaning.
 *
 * The file is read twice from memory: a quiet first pass decides the dialect
 * (when asked to) and collects synset names, because patterns may use a synset
 * defined further down and a synset name may itself contain '_' (so a
 * reference like &PORT_OF_CALL can only be split once the names are known).
 */
#include "dict/tabari.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    tabari__src src;
    tabari__store *st;
    tabari_verbs *v;
    size_t cap_blocks, cap_verbs, cap_patterns, cap_synsets, cap_members, cap_forms,
        cap_transforms;
    tabari_dialect d;
    long cur_block;     /* block receiving verbs and patterns, -1 none */
    long cur_verb;      /* last verb line of that block, -1 none */
    int block_bad;      /* line of a rejected root/header whose lines follow */
    long cur_syn;       /* synset receiving '+' members, -1 none */
    int syn_state;      /* 0: no synset open; 1: members go to cur_syn; 2: ignored */
    int syn_line;       /* line of the synset header (for messages) */
    tabari_elem *tmp;
    size_t tmpcap;
    char why[256];
} vctx;

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static int alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static const char *trim(const char *s, size_t *n)
{
    while (*n && blank(*s)) s++, (*n)--;
    while (*n && blank(s[*n - 1])) (*n)--;
    return s;
}

#define ISSUE(x, ln, sev, ...) tabari__issue(&(x)->src, (ln)->no, (ln)->raw, sev, __VA_ARGS__)

/* ------------------------------------------------------------------------ */
/* Codes                                                                     */

static int one_code(vctx *x, const char *s, size_t n, tabari_evcode *c, int *other)
{
    memset(c, 0, sizeof *c);
    s = trim(s, &n);
    if (!n) return 0;  /* empty half of a pair: no event that way */
    if (s[n - 1] == '!') c->mod = TABARI_CM_DOMINANT, n--;
    else if (s[n - 1] == '?') c->mod = TABARI_CM_SUBORD, n--;
    s = trim(s, &n);
    if (!n) {
        snprintf(x->why, sizeof x->why, "code has only a '!' or '?'");
        return -1;
    }
    if (n == 3 && !memcmp(s, "---", 3)) c->kind = TABARI_CODE_NULL;
    else if (n == 3 && !memcmp(s, "###", 3)) c->kind = TABARI_CODE_DISCARD;
    else if (n == 3 && !memcmp(s, "+++", 3)) c->kind = TABARI_CODE_COMPLEX;
    else {
        size_t digits = 0;
        for (size_t i = 0; i < n; i++) {
            if (!alnum(s[i])) {
                snprintf(x->why, sizeof x->why, "unexpected '%c' in code '%.*s'", s[i],
                         (int)n, s);
                return -1;
            }
            digits += s[i] >= '0' && s[i] <= '9';
        }
        c->kind = (digits == n && n >= 2 && n <= 4) ? TABARI_CODE_EVENT : TABARI_CODE_OTHER;
        if (c->kind == TABARI_CODE_OTHER) *other = 1;
    }
    c->text = tabari__intern_upper(x->st, s, n);
    if (!c->text) {
        snprintf(x->why, sizeof x->why, "out of memory");
        return -1;
    }
    return 0;
}

/* The inside of [...]: CODE, CODE:CODE (paired), with ! or ? modifiers; an
 * empty first half ([:110], PETRARCH-2) means only the reversed event. */
static int event_code(vctx *x, const tabari__line *ln, const char *s, size_t n,
                      tabari_evcode *c, tabari_evcode *pair, int *paired)
{
    const char *t = trim(s, &n);
    memset(pair, 0, sizeof *pair);
    *paired = 0;
    if (!n) {
        snprintf(x->why, sizeof x->why, "empty code []");
        return -1;
    }
    const char *colon = memchr(t, ':', n);
    int other = 0;
    if (colon) {
        if (memchr(colon + 1, ':', n - (size_t)(colon - t) - 1)) {
            snprintf(x->why, sizeof x->why, "more than one ':' in code '%.*s'", (int)n, t);
            return -1;
        }
        if (one_code(x, t, (size_t)(colon - t), c, &other) < 0 ||
            one_code(x, colon + 1, n - (size_t)(colon - t) - 1, pair, &other) < 0)
            return -1;
        if (!pair->text) {
            snprintf(x->why, sizeof x->why, "nothing after ':' in code '%.*s'", (int)n, t);
            return -1;
        }
        *paired = 1;
    } else if (one_code(x, t, n, c, &other) < 0) {
        return -1;
    }
    if (other)
        ISSUE(x, ln, TABARI_WARNING, "code '%.*s' is not a CAMEO event code", (int)n, t);
    return 0;
}

/* Finds "[...]" at s (which must start there); returns the inside via *in and *inn
 * and the position after ']' in *after.  -1 with x->why set on error. */
static int bracket(vctx *x, const char *s, const char **in, size_t *inn, const char **after)
{
    const char *e = strchr(s, ']');
    if (!e) {
        snprintf(x->why, sizeof x->why, "missing ']'");
        return -1;
    }
    if (memchr(s + 1, '[', (size_t)(e - s - 1))) {
        snprintf(x->why, sizeof x->why, "'[' inside [code]");
        return -1;
    }
    *in = s + 1;
    *inn = (size_t)(e - s - 1);
    *after = e + 1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Storage                                                                   */

static long new_block(vctx *x, const char *name, tabari_evcode code, tabari_evcode pair,
                      int line)
{
    tabari_verbs *v = x->v;
    if (tabari__grow((void **)&v->blocks, &x->cap_blocks, v->nblocks, sizeof *v->blocks) < 0) {
        x->src.failed = 1;
        return -1;
    }
    tabari_block *b = &v->blocks[v->nblocks];
    memset(b, 0, sizeof *b);
    b->name = name;
    b->code = code;
    b->pair = pair;
    b->line = line;
    b->first_verb = (uint32_t)v->nverbs;
    b->first_pattern = (uint32_t)v->npatterns;
    return (long)v->nblocks++;
}

static long find_synset_n(const tabari_verbs *v, const char *s, size_t n)
{
    for (size_t i = 0; i < v->nsynsets; i++)
        if (strlen(v->synsets[i].name) == n && !memcmp(v->synsets[i].name, s, n))
            return (long)i;
    return -1;
}

static int synset_name_char(char c)
{
    return alnum(c) || c == '_' || c == '-';
}

/* The name of a synset header "&NAME_" at b: start and length without the
 * trailing '_'s; *noplural when there were some.  -1 if malformed. */
static int synset_header(const char *b, size_t len, size_t *nlen, int *noplural, size_t *end)
{
    size_t j = 1;
    while (j < len && synset_name_char(b[j])) j++;
    *end = j;
    size_t k = j;
    while (k > 1 && b[k - 1] == '_') k--;
    *noplural = k < j;
    *nlen = k - 1;
    return k > 1 ? 0 : -1;
}

/* ------------------------------------------------------------------------ */
/* Patterns                                                                  */

static int push(vctx *x, size_t k, uint8_t kind, const char *text)
{
    if (tabari__grow((void **)&x->tmp, &x->tmpcap, k, sizeof *x->tmp) < 0) {
        x->src.failed = 1;
        snprintf(x->why, sizeof x->why, "out of memory");
        return -1;
    }
    x->tmp[k].kind = kind;
    x->tmp[k].flags = 0;
    x->tmp[k].text = text;
    x->tmp[k].synset = -1;
    return 0;
}

static int group_kind(char c, int p2)
{
    if (p2) {
        switch (c) {
        case '{': return TABARI_EL_NP_OPEN;
        case '}': return TABARI_EL_NP_CLOSE;
        case '(': return TABARI_EL_PP_OPEN;
        case ')': return TABARI_EL_PP_CLOSE;
        default: return 0;
        }
    }
    switch (c) {
    case '{': return TABARI_EL_ALT_OPEN;
    case '|': return TABARI_EL_ALT_OR;
    case '}': return TABARI_EL_ALT_CLOSE;
    default: return 0;
    }
}

/* Characters a pattern word may contain besides letters and digits:
 * apostrophes (JAPAN'S), hyphens (CEASE-FIRE), periods (U.N.), quotes and
 * commas that occur in the public files, '&' inside a word, and any byte of
 * a non-ASCII character. */
static int word_char(char c)
{
    return alnum(c) || c == '\'' || c == '-' || c == '.' || c == '"' || c == ',' ||
           c == '&' || c == '/' || (unsigned char)c >= 0x80;
}

static int word_ok(vctx *x, const char *a, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (!word_char(a[i])) {
            snprintf(x->why, sizeof x->why, "unexpected '%c' in '%.*s'", a[i], (int)n, a);
            return -1;
        }
        letters += alnum(a[i]) || (unsigned char)a[i] >= 0x80;
    }
    if (!letters) {
        snprintf(x->why, sizeof x->why, "stray '%.*s' in the pattern", (int)n, a);
        return -1;
    }
    return 0;
}

/* Splits the pattern text (between '-' and '[') into x->tmp.  Returns the
 * number of elements, or -1 with x->why set. */
static long scan_pattern(vctx *x, const char *b, size_t n)
{
    int p2 = x->d == TABARI_DIALECT_PETRARCH2;
    size_t k = 0, i = 0;
    int gap = 1;        /* blank since the last element */
    int tilde = 0;      /* the last element ended in '~' (a stem joined by '~_') */
    while (i < n) {
        char c = b[i];
        if (blank(c)) {
            gap = 1;
            i++;
            continue;
        }
        if (c == '_') {
            /* WORD_ is a whole word; X_Y means Y follows X at once. */
            if (!k || gap) {
                snprintf(x->why, sizeof x->why, "'_' does not follow a word or marker");
                return -1;
            }
            tabari_elem *e = &x->tmp[k - 1];
            if (!tilde && e->kind == TABARI_EL_STEM) e->kind = TABARI_EL_WORD;
            if (!tilde && (e->kind == TABARI_EL_WORD || e->kind == TABARI_EL_SYNSET))
                e->flags |= TABARI_EF_EXACT;
            tilde = 0;
            while (i < n && b[i] == '_') i++;
            if (i < n && !blank(b[i])) e->flags |= TABARI_EF_JOIN;
            gap = 0;
            continue;
        }
        if (tilde) {
            snprintf(x->why, sizeof x->why, "'~' must be followed by '_'");
            return -1;
        }
        int g = group_kind(c, p2);
        if (g) {
            if (push(x, k, (uint8_t)g, NULL) < 0) return -1;
            k++;
            i++;
            gap = 0;
            continue;
        }
        if (c == '(' || c == ')') {
            snprintf(x->why, sizeof x->why,
                     "'%c' is PETRARCH-2 syntax, not used in %s patterns", c,
                     tabari_dialect_name(x->d));
            return -1;
        }
        if (c == '|') {
            snprintf(x->why, sizeof x->why,
                     "'|' alternatives are not PETRARCH-2 syntax (use A/B or a synset)");
            return -1;
        }
        if (c == '&') {
            /* The longest defined synset name wins: &PORT_OF_CALL may be a name,
             * &VESSEL_FLEET is &VESSEL followed at once by FLEET. */
            size_t j = i + 1;
            while (j < n && synset_name_char(b[j])) j++;
            size_t run = j - i - 1, end = run;
            long found = -1;
            size_t flen = 0;
            while (end > 0) {
                size_t m = end;
                while (m > 0 && b[i + m] == '_') m--;
                if (m) {
                    found = find_synset_n(x->v, b + i + 1, m);
                    if (found >= 0) {
                        flen = m;
                        break;
                    }
                }
                do end--; while (end > 0 && b[i + 1 + end] != '_');
            }
            if (found < 0) {
                size_t m = 0;
                while (m < run && b[i + 1 + m] != '_') m++;
                if (!m)
                    snprintf(x->why, sizeof x->why, "'&' without a synset name");
                else
                    snprintf(x->why, sizeof x->why, "undefined synset &%.*s", (int)m,
                             b + i + 1);
                return -1;
            }
            if (push(x, k, TABARI_EL_SYNSET, x->v->synsets[found].name) < 0) return -1;
            x->tmp[k].synset = (int32_t)found;
            k++;
            i += 1 + flen;
            gap = 0;
            if (i < n && !blank(b[i]) && b[i] != '_' && !group_kind(b[i], p2) &&
                b[i] != '(' && b[i] != ')' && b[i] != '|') {
                snprintf(x->why, sizeof x->why, "unexpected '%c' after &%s", b[i],
                         x->v->synsets[found].name);
                return -1;
            }
            continue;
        }
        size_t j = i;
        while (j < n && !blank(b[j]) && b[j] != '_' && !group_kind(b[j], p2) &&
               b[j] != '(' && b[j] != ')' && b[j] != '|')
            j++;
        const char *a = b + i;
        size_t an = j - i;
        int eq = 0;
        if (an > 1 && a[an - 1] == '~') tilde = 1, an--;
        else if (an > 1 && a[an - 1] == '=') eq = 1, an--;
        uint8_t mk = 0;
        if (an == 1) {
            switch (a[0]) {
            case '*': mk = TABARI_EL_VERB; break;
            case '$': mk = TABARI_EL_SOURCE; break;
            case '+': mk = TABARI_EL_TARGET; break;
            case '%': mk = TABARI_EL_COMPOUND; break;
            case '^': mk = TABARI_EL_SKIP; break;
            default: break;
            }
        }
        if (mk) {
            if (eq) {
                snprintf(x->why, sizeof x->why, "'=' after a marker");
                return -1;
            }
            if (push(x, k, mk, NULL) < 0) return -1;
            k++;
        } else {
            if (word_ok(x, a, an) < 0) return -1;
            const char *slash = p2 ? memchr(a, '/', an) : NULL;
            if (slash) {
                /* PETRARCH-2 writes word alternatives as BY/WITH. */
                if (push(x, k++, TABARI_EL_ALT_OPEN, NULL) < 0) return -1;
                const char *q = a, *e = a + an;
                while (q <= e) {
                    const char *z = memchr(q, '/', (size_t)(e - q));
                    if (!z) z = e;
                    if (z == q) {
                        snprintf(x->why, sizeof x->why, "empty alternative in '%.*s'",
                                 (int)an, a);
                        return -1;
                    }
                    const char *w = tabari__intern_upper(x->st, q, (size_t)(z - q));
                    if (!w || push(x, k++, TABARI_EL_STEM, w) < 0) return -1;
                    if (z < e && push(x, k++, TABARI_EL_ALT_OR, NULL) < 0) return -1;
                    q = z + 1;
                }
                if (push(x, k++, TABARI_EL_ALT_CLOSE, NULL) < 0) return -1;
            } else {
                const char *w = tabari__intern_upper(x->st, a, an);
                if (!w || push(x, k, eq ? TABARI_EL_WORD : TABARI_EL_STEM, w) < 0) {
                    snprintf(x->why, sizeof x->why, "out of memory");
                    return -1;
                }
                if (eq) x->tmp[k].flags |= TABARI_EF_EXACT;
                k++;
            }
        }
        i = j;
        gap = 0;
        if (tilde && (i >= n || b[i] != '_')) {
            snprintf(x->why, sizeof x->why, "'~' must be followed by '_'");
            return -1;
        }
    }
    if (k > UINT16_MAX) {
        snprintf(x->why, sizeof x->why, "pattern too long");
        return -1;
    }
    return (long)k;
}

static const char *kind_sym(int kind)
{
    switch (kind) {
    case TABARI_EL_SOURCE: return "$";
    case TABARI_EL_TARGET: return "+";
    case TABARI_EL_COMPOUND: return "%";
    case TABARI_EL_SKIP: return "^";
    case TABARI_EL_VERB: return "*";
    default: return "?";
    }
}

/* Structure checks; fills counts.  -1 with x->why set. */
static int check_pattern(vctx *x, const tabari_elem *e, size_t n, tabari_pattern *p,
                         int counts[4])
{
    long alt = -1, np = -1, pp = -1;
    int nverb = 0;
    memset(counts, 0, 4 * sizeof *counts);
    for (size_t i = 0; i < n; i++) {
        int prev = i ? e[i - 1].kind : 0;
        switch (e[i].kind) {
        case TABARI_EL_VERB:
            if (alt >= 0 || np >= 0 || pp >= 0) {
                snprintf(x->why, sizeof x->why, "'*' inside a group");
                return -1;
            }
            nverb++;
            p->verb_at = (uint16_t)i;
            break;
        case TABARI_EL_SOURCE:
        case TABARI_EL_TARGET:
        case TABARI_EL_COMPOUND:
        case TABARI_EL_SKIP:
            if (alt >= 0) {
                snprintf(x->why, sizeof x->why, "'%s' inside { | } alternatives",
                         kind_sym(e[i].kind));
                return -1;
            }
            counts[e[i].kind == TABARI_EL_SOURCE ? 0 : e[i].kind == TABARI_EL_TARGET ? 1
                   : e[i].kind == TABARI_EL_COMPOUND ? 2 : 3]++;
            break;
        case TABARI_EL_WORD:
        case TABARI_EL_STEM:
            p->nliterals++;
            break;
        case TABARI_EL_SYNSET:
            p->nliterals++;
            break;
        case TABARI_EL_ALT_OPEN:
            if (alt >= 0) {
                snprintf(x->why, sizeof x->why, "'{' inside { }");
                return -1;
            }
            alt = (long)i;
            p->flags |= TABARI_PF_ALT;
            break;
        case TABARI_EL_ALT_OR:
        case TABARI_EL_ALT_CLOSE:
            if (alt < 0) {
                snprintf(x->why, sizeof x->why, "'%c' without '{'",
                         e[i].kind == TABARI_EL_ALT_OR ? '|' : '}');
                return -1;
            }
            if (prev == TABARI_EL_ALT_OPEN || prev == TABARI_EL_ALT_OR) {
                snprintf(x->why, sizeof x->why, "empty alternative in { | }");
                return -1;
            }
            if (e[i].kind == TABARI_EL_ALT_CLOSE) alt = -1;
            break;
        case TABARI_EL_NP_OPEN:
            if (np >= 0) {
                snprintf(x->why, sizeof x->why, "'{' inside { }");
                return -1;
            }
            np = (long)i;
            p->flags |= TABARI_PF_GROUPS;
            break;
        case TABARI_EL_NP_CLOSE:
            if (np < 0) {
                snprintf(x->why, sizeof x->why, "'}' without '{'");
                return -1;
            }
            if (prev == TABARI_EL_NP_OPEN) {
                snprintf(x->why, sizeof x->why, "empty { }");
                return -1;
            }
            np = -1;
            break;
        case TABARI_EL_PP_OPEN:
            if (pp >= 0 || np >= 0) {
                snprintf(x->why, sizeof x->why, "'(' inside %s", pp >= 0 ? "( )" : "{ }");
                return -1;
            }
            pp = (long)i;
            p->flags |= TABARI_PF_GROUPS;
            break;
        case TABARI_EL_PP_CLOSE:
            if (pp < 0) {
                snprintf(x->why, sizeof x->why, "')' without '('");
                return -1;
            }
            if (np >= 0) {
                snprintf(x->why, sizeof x->why, "')' before the '}' of a { } inside ( )");
                return -1;
            }
            if (prev == TABARI_EL_PP_OPEN) {
                snprintf(x->why, sizeof x->why, "empty ( )");
                return -1;
            }
            pp = -1;
            break;
        default:
            break;
        }
    }
    if (alt >= 0 || np >= 0) {
        snprintf(x->why, sizeof x->why, "missing '}'");
        return -1;
    }
    if (pp >= 0) {
        snprintf(x->why, sizeof x->why, "missing ')'");
        return -1;
    }
    if (nverb != 1) {
        snprintf(x->why, sizeof x->why,
                 nverb ? "more than one '*' verb marker" : "no '*' verb marker");
        return -1;
    }
    if (counts[0]) p->flags |= TABARI_PF_SOURCE;
    if (counts[1]) p->flags |= TABARI_PF_TARGET;
    if (counts[2]) p->flags |= TABARI_PF_COMPOUND;
    if (counts[3]) p->flags |= TABARI_PF_SKIP;
    return 0;
}

/* TABARI's pattern length (RootsClass::lengthPattern), from the pattern text:
 * it counts letters, digits, '_' and apostrophes -- TABARI turns inner '-'
 * into '_' first, so those count too -- and for each { | } group only its
 * longest alternative. */
static uint32_t tabari_length(const char *b, size_t n, int tabari, uint32_t *alt)
{
    uint32_t len = 0, best = 0, cur = 0;
    int in_alt = 0;
    *alt = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)b[i];
        int counts = c == '_' || c == '\'' || (tabari && c == '-') || alnum((char)c) ||
                     c >= 0x80;
        if (tabari && c == '{') {
            in_alt = 1;
            best = cur = 0;
        } else if (in_alt && c == '|') {
            if (cur > best) best = cur;
            cur = 0;
        } else if (in_alt && c == '}') {
            if (cur > best) best = cur;
            *alt += best;
            in_alt = 0;
        } else if (counts) {
            if (in_alt) cur++;
            else len++;
        }
    }
    return len + *alt;
}

static void pattern_line(vctx *x, tabari__line *ln)
{
    tabari_verbs *v = x->v;
    if (x->cur_block < 0) {
        if (x->block_bad)
            ISSUE(x, ln, TABARI_UNUSABLE,
                  "pattern of the verb or block at line %d, which was not used", x->block_bad);
        else
            ISSUE(x, ln, TABARI_UNUSABLE, "pattern before any verb");
        return;
    }
    if (x->cur_verb < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "pattern before the first verb of its block");
        return;
    }
    const char *b = ln->body + 1;
    const char *br = strchr(b, '[');
    if (!br) {
        ISSUE(x, ln, TABARI_UNUSABLE, "pattern has no [code]");
        return;
    }
    const char *in, *after;
    size_t inn;
    if (bracket(x, br, &in, &inn, &after) < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
        return;
    }
    size_t an = strlen(after);
    const char *at = trim(after, &an);
    if (an) {
        ISSUE(x, ln, TABARI_UNUSABLE, "text after the [code]: '%.*s'", (int)an, at);
        return;
    }
    long n = scan_pattern(x, b, (size_t)(br - b));
    if (n < 0) {
        if (!x->src.failed) ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
        return;
    }
    tabari_pattern p;
    memset(&p, 0, sizeof p);
    int counts[4];
    if (check_pattern(x, x->tmp, (size_t)n, &p, counts) < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
        return;
    }
    int paired;
    if (event_code(x, ln, in, inn, &p.code, &p.pair, &paired) < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
        return;
    }
    if (paired) p.flags |= TABARI_PF_PAIRED;
    p.litchars = tabari_length(b, (size_t)(br - b), x->d != TABARI_DIALECT_PETRARCH2,
                               &p.altchars);
    static const char sym[4] = {'$', '+', '%', '^'};
    for (int i = 0; i < 3; i++)
        if (counts[i] > 1)
            ISSUE(x, ln, TABARI_WARNING,
                  "more than one '%c' slot: TABARI fills it from the text after the verb "
                  "first, then before it, and keeps the last actor it finds", sym[i]);
    if ((p.flags & TABARI_PF_ALT) && x->d == TABARI_DIALECT_PETRARCH1)
        ISSUE(x, ln, TABARI_WARNING, "PETRARCH-1 skips patterns with { | } alternatives");
    if (counts[2] && (counts[0] || counts[1]))
        ISSUE(x, ln, TABARI_WARNING,
              "'%%' together with '$' or '+': the compound fills both slots");

    tabari_elem *e = tabari__alloc(x->st, (size_t)n * sizeof *e);
    if (!e) {
        x->src.failed = 1;
        return;
    }
    memcpy(e, x->tmp, (size_t)n * sizeof *e);
    for (long i = 0; i < n; i++)
        if (e[i].kind == TABARI_EL_SYNSET) v->synsets[e[i].synset].uses++;
    p.elems = e;
    p.nelems = (uint16_t)n;
    p.block = (uint32_t)x->cur_block;
    p.verb = (uint32_t)x->cur_verb;
    p.line = ln->no;
    p.comment = tabari__comment(x->st, ln->comment);
    if (tabari__grow((void **)&v->patterns, &x->cap_patterns, v->npatterns, sizeof p) < 0) {
        x->src.failed = 1;
        return;
    }
    v->patterns[v->npatterns++] = p;
    v->blocks[x->cur_block].npatterns++;
}

/* ------------------------------------------------------------------------ */
/* Verb lines                                                                */

static int add_forms(vctx *x, tabari__line *ln, tabari_verb *vb, const char *s, size_t n)
{
    tabari_verbs *v = x->v;
    size_t i = 0;
    if (vb->nforms && vb->first_form + vb->nforms != v->nforms) {
        ISSUE(x, ln, TABARI_UNUSABLE, "verb forms must follow their verb");
        return -1;
    }
    size_t first = v->nforms;
    char buf[256];
    while (i < n) {
        if (blank(s[i])) {
            i++;
            continue;
        }
        size_t j = i, k = 0, e = i;
        while (e < n && !blank(s[e])) e++;
        for (; j < e; j++) {
            char c = s[j];
            if (c == '+') continue;  /* the head marker of a multi-word form */
            if (c == '_') c = ' ';
            else if (!word_char(c) || c == '/') {
                ISSUE(x, ln, TABARI_UNUSABLE, "unexpected '%c' in verb form '%.*s'", c,
                      (int)(e - i), s + i);
                v->nforms = first;
                return -1;
            }
            if (k + 1 >= sizeof buf) {
                ISSUE(x, ln, TABARI_UNUSABLE, "verb form too long");
                v->nforms = first;
                return -1;
            }
            buf[k++] = c;
        }
        while (k && buf[k - 1] == ' ') k--;
        if (k) {
            const char *f = tabari__intern_upper(x->st, buf, k);
            if (!f || tabari__grow((void **)&v->forms, &x->cap_forms, v->nforms,
                                   sizeof *v->forms) < 0) {
                x->src.failed = 1;
                return -1;
            }
            v->forms[v->nforms++] = f;
        }
        i = j;
    }
    if (!vb->nforms) vb->first_form = (uint32_t)first;
    vb->nforms += (uint32_t)(v->nforms - first);
    vb->forms_declared = 1;
    return 0;
}

static void verb_line(vctx *x, tabari__line *ln)
{
    tabari_verbs *v = x->v;
    int tabari = x->d == TABARI_DIALECT_TABARI;
    if (!tabari && x->cur_block < 0) {
        if (x->block_bad)
            ISSUE(x, ln, TABARI_UNUSABLE, "verb of the block at line %d, which was not used",
                  x->block_bad);
        else
            ISSUE(x, ln, TABARI_UNUSABLE, "verb line before any '--- NAME [code] ---' header");
        return;
    }
    if (tabari) {
        /* A rejected root takes its patterns with it. */
        x->cur_block = -1;
        x->cur_verb = -1;
        x->block_bad = ln->no;
    }

    const char *b = ln->body;
    size_t plen = strcspn(b, "{[");
    const char *forms = NULL, *code = NULL;
    size_t formsn = 0, coden = 0;
    const char *r = b + plen;
    while (*r) {
        if (blank(*r)) {
            r++;
            continue;
        }
        if (*r == '{' && !forms) {
            const char *e = strchr(r, '}');
            if (!e) {
                ISSUE(x, ln, TABARI_UNUSABLE, "missing '}' after the verb forms");
                return;
            }
            forms = r + 1;
            formsn = (size_t)(e - r - 1);
            r = e + 1;
        } else if (*r == '[' && !code) {
            if (bracket(x, r, &code, &coden, &r) < 0) {
                ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
                return;
            }
        } else {
            ISSUE(x, ln, TABARI_UNUSABLE, "unexpected text after the verb: '%s'", r);
            return;
        }
    }

    /* '+' marks the word that inflects in a multi-word verb (RE_+FLOAT). */
    char buf[512];
    size_t k = 0;
    long head = -1, words = 0;
    for (size_t i = 0; i < plen; i++) {
        char c = b[i];
        int starts = i == 0 || blank(b[i - 1]) || b[i - 1] == '_' || b[i - 1] == '+';
        if (!blank(c) && c != '_' && c != '+' && starts) words++;
        if (c == '+') {
            if (!(i == 0 || blank(b[i - 1]) || b[i - 1] == '_') || head >= 0) {
                ISSUE(x, ln, TABARI_UNUSABLE,
                      "'+' may only mark the start of one word of the verb");
                return;
            }
            head = words;  /* index of the word that follows */
            continue;
        }
        if (k + 1 >= sizeof buf) {
            ISSUE(x, ln, TABARI_UNUSABLE, "verb too long");
            return;
        }
        buf[k++] = c;
    }
    tabari_verb vb;
    memset(&vb, 0, sizeof vb);
    if (tabari__phrase(x->st, buf, k, "$*%^&{}()[]|", &vb.phrase, x->why, sizeof x->why) < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
        return;
    }
    if (head >= (long)vb.phrase.nwords) {
        ISSUE(x, ln, TABARI_UNUSABLE, "'+' does not mark a word");
        return;
    }
    if (head >= 0) ((tabari_elem *)vb.phrase.words)[head].flags |= TABARI_EF_HEAD;
    vb.phrase.line = ln->no;
    vb.line = ln->no;
    {
        char t[512];
        size_t tk = 0;
        for (uint32_t w = 0; w < vb.phrase.nwords; w++) {
            const char *s = vb.phrase.words[w].text;
            size_t sl = strlen(s);
            if (tk + sl + 2 >= sizeof t) break;
            if (w) t[tk++] = ' ';
            memcpy(t + tk, s, sl);
            tk += sl;
        }
        vb.text = tabari__intern(x->st, t, tk);
        if (!vb.text) {
            x->src.failed = 1;
            return;
        }
    }

    int paired = 0;
    if (code) {
        if (event_code(x, ln, code, coden, &vb.code, &vb.pair, &paired) < 0) {
            ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
            return;
        }
        vb.own_code = 1;
    } else if (tabari) {
        ISSUE(x, ln, TABARI_UNUSABLE, "verb root has no [code]");
        return;
    }

    if (tabari) {
        long bi = new_block(x, vb.text, vb.code, vb.pair, ln->no);
        if (bi < 0) return;
        x->cur_block = bi;
        x->block_bad = 0;
    } else if (!code) {
        vb.code = v->blocks[x->cur_block].code;
        vb.pair = v->blocks[x->cur_block].pair;
    }
    vb.block = (uint32_t)x->cur_block;
    if (tabari__grow((void **)&v->verbs, &x->cap_verbs, v->nverbs, sizeof vb) < 0) {
        x->src.failed = 1;
        return;
    }
    v->verbs[v->nverbs] = vb;
    if (forms && add_forms(x, ln, &v->verbs[v->nverbs], forms, formsn) < 0) {
        if (tabari) {  /* the root's block goes with it, and its patterns */
            v->nblocks--;
            x->cur_block = -1;
            x->block_bad = ln->no;
        }
        return;
    }
    x->cur_verb = (long)v->nverbs++;
    v->blocks[x->cur_block].nverbs++;
}

/* TABARI: a line "{FORM FORM ...}" gives the irregular forms of the root above. */
static void forms_line(vctx *x, tabari__line *ln)
{
    if (x->cur_verb < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "verb forms with no verb before them");
        return;
    }
    const char *e = strchr(ln->body, '}');
    if (!e) {
        ISSUE(x, ln, TABARI_UNUSABLE, "missing '}' after the verb forms");
        return;
    }
    size_t an = strlen(e + 1);
    trim(e + 1, &an);
    if (an) {
        ISSUE(x, ln, TABARI_UNUSABLE, "text after the verb forms");
        return;
    }
    add_forms(x, ln, &x->v->verbs[x->cur_verb], ln->body + 1, (size_t)(e - ln->body - 1));
}

static void block_header(vctx *x, tabari__line *ln)
{
    /* --- NAME [code] ---   (also "--- NAME [code]---" and no code at all) */
    const char *b = ln->body;
    size_t n = ln->len;
    while (n && *b == '-') b++, n--;
    while (n && (b[n - 1] == '-' || blank(b[n - 1]))) n--;
    b = trim(b, &n);
    x->cur_block = -1;
    x->cur_verb = -1;
    x->block_bad = ln->no;
    const char *br = memchr(b, '[', n);
    size_t nn = br ? (size_t)(br - b) : n;
    const char *name = trim(b, &nn);
    if (!nn) {
        ISSUE(x, ln, TABARI_UNUSABLE, "block header has no name");
        return;
    }
    for (size_t i = 0; i < nn; i++)
        if (strchr("{}()|]", name[i])) {
            ISSUE(x, ln, TABARI_UNUSABLE, "unexpected '%c' in block name", name[i]);
            return;
        }
    tabari_evcode code = {0}, pair = {0};
    if (br) {
        const char *in, *after;
        size_t inn;
        int paired;
        if (bracket(x, br, &in, &inn, &after) < 0 ||
            event_code(x, ln, in, inn, &code, &pair, &paired) < 0) {
            ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
            return;
        }
        size_t an = (size_t)(b + n - after);
        trim(after, &an);
        if (an) {
            ISSUE(x, ln, TABARI_UNUSABLE, "text after the block's [code]");
            return;
        }
    } else {
        /* PETRARCH: no code means the null code. */
        code.kind = TABARI_CODE_NULL;
        code.text = tabari__intern(x->st, "---", 3);
    }
    const char *nm = tabari__intern_upper(x->st, name, nn);
    if (!nm) {
        x->src.failed = 1;
        return;
    }
    long bi = new_block(x, nm, code, pair, ln->no);
    if (bi < 0) return;
    x->cur_block = bi;
    x->block_bad = 0;
}

static void synset_line(vctx *x, tabari__line *ln)
{
    size_t nlen, end;
    int noplural;
    x->syn_state = 2;
    x->syn_line = ln->no;
    if (synset_header(ln->body, ln->len, &nlen, &noplural, &end) < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "'&' without a synset name");
        return;
    }
    size_t rest = ln->len - end;
    trim(ln->body + end, &rest);
    if (rest) {
        ISSUE(x, ln, TABARI_UNUSABLE, "text after the synset name");
        return;
    }
    long i = find_synset_n(x->v, ln->body + 1, nlen);
    if (i < 0) return;  /* cannot happen: the first pass saw every header */
    tabari_synset *sy = &x->v->synsets[i];
    if (sy->line != ln->no) {
        ISSUE(x, ln, TABARI_UNUSABLE,
              "synset &%s is already defined at line %d; this definition is ignored",
              sy->name, sy->line);
        return;
    }
    sy->first_member = (uint32_t)x->v->nmembers;
    x->cur_syn = i;
    x->syn_state = 1;
}

static void member_line(vctx *x, tabari__line *ln)
{
    if (x->syn_state == 2) {
        ISSUE(x, ln, TABARI_UNUSABLE, "member of the synset at line %d, which was not used",
              x->syn_line);
        return;
    }
    tabari_phrase ph;
    if (tabari__phrase(x->st, ln->body + 1, ln->len - 1, "$*%^&+{}()[]|", &ph, x->why,
                       sizeof x->why) < 0) {
        ISSUE(x, ln, TABARI_UNUSABLE, "%s", x->why);
        return;
    }
    ph.line = ln->no;
    tabari_verbs *v = x->v;
    if (tabari__grow((void **)&v->members, &x->cap_members, v->nmembers, sizeof ph) < 0) {
        x->src.failed = 1;
        return;
    }
    v->members[v->nmembers++] = ph;
    v->synsets[x->cur_syn].nmembers++;
}

/* PETRARCH-2:  ~ A (B C VERB) OUTER = S T CODE */
static void transform_line(vctx *x, tabari__line *ln)
{
    char buf[512];
    size_t n = ln->len - 1;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, ln->body + 1, n);
    buf[n] = 0;
    const char *tok[16];
    size_t ntok = 0;
    char *p = buf;
    /* Parentheses and '=' become their own tokens. */
    char spaced[1100];
    size_t sk = 0;
    for (; *p && sk + 4 < sizeof spaced; p++) {
        if (*p == '(' || *p == ')' || *p == '=') {
            spaced[sk++] = ' ';
            spaced[sk++] = *p;
            spaced[sk++] = ' ';
        } else {
            spaced[sk++] = *p;
        }
    }
    spaced[sk] = 0;
    for (char *t = strtok(spaced, " \t"); t && ntok < 16; t = strtok(NULL, " \t")) tok[ntok++] = t;
    /* expected: A ( B C V ) W = S T CODE */
    if (ntok != 11 || strcmp(tok[1], "(") || strcmp(tok[5], ")") || strcmp(tok[7], "=")) {
        ISSUE(x, ln, TABARI_UNUSABLE,
              "transformation is not of the form '~ A (B C VERB) VERB = S T CODE'");
        return;
    }
    tabari_transform t;
    memset(&t, 0, sizeof t);
    const char **dst[] = {&t.outer_source, &t.inner_source, &t.inner_target, &t.inner_verb,
                          &t.outer_verb, &t.source, &t.target, &t.code};
    const int at[] = {0, 2, 3, 4, 6, 8, 9, 10};
    for (int i = 0; i < 8; i++) {
        *dst[i] = tabari__intern_upper(x->st, tok[at[i]], strlen(tok[at[i]]));
        if (!*dst[i]) {
            x->src.failed = 1;
            return;
        }
    }
    t.line = ln->no;
    tabari_verbs *v = x->v;
    if (tabari__grow((void **)&v->transforms, &x->cap_transforms, v->ntransforms, sizeof t) < 0) {
        x->src.failed = 1;
        return;
    }
    v->transforms[v->ntransforms++] = t;
}

/* ------------------------------------------------------------------------ */
/* Driver                                                                    */

static int is_header(const tabari__line *ln)
{
    if (strncmp(ln->body, "---", 3)) return 0;
    for (size_t i = 3; i < ln->len; i++)
        if (alnum(ln->body[i])) return 1;
    return 0;
}

/* First pass: dialect evidence and synset names. */
static void prescan(vctx *x, tabari_dialect asked)
{
    tabari__line ln;
    long headers = 0, groups = 0, patterns = 0;
    x->src.quiet = 1;
    while (!x->src.failed && tabari__next(&x->src, &ln)) {
        const char *b = ln.body;
        if (is_header(&ln)) {
            headers++;
        } else if (b[0] == '-') {
            patterns++;
            if (strpbrk(b, "()")) groups++;
        } else if (b[0] == '&') {
            size_t nlen, end;
            int noplural;
            if (synset_header(b, ln.len, &nlen, &noplural, &end) < 0) continue;
            if (find_synset_n(x->v, b + 1, nlen) >= 0) continue;
            tabari_verbs *v = x->v;
            if (tabari__grow((void **)&v->synsets, &x->cap_synsets, v->nsynsets,
                             sizeof *v->synsets) < 0) {
                x->src.failed = 1;
                break;
            }
            tabari_synset *sy = &v->synsets[v->nsynsets];
            memset(sy, 0, sizeof *sy);
            sy->name = tabari__intern_upper(x->st, b + 1, nlen);
            if (!sy->name) {
                x->src.failed = 1;
                break;
            }
            sy->noplural = (uint8_t)noplural;
            sy->line = ln.no;
            v->nsynsets++;
        }
    }
    x->src.quiet = 0;
    tabari__src_rewind(&x->src);
    if (asked != TABARI_DIALECT_AUTO) x->d = asked;
    /* A stray '(' in an older file must not switch the whole file over:
     * PETRARCH-2 uses ( ) in about a quarter of its patterns. */
    else if (groups && groups * 10 >= patterns) x->d = TABARI_DIALECT_PETRARCH2;
    else if (headers) x->d = TABARI_DIALECT_PETRARCH1;
    else x->d = TABARI_DIALECT_TABARI;
}

static int verbs_run(vctx *x, tabari_dialect asked)
{
    tabari_verbs *v = x->v;
    tabari__line ln;
    prescan(x, asked);
    v->dialect = x->d;
    x->cur_block = x->cur_verb = x->cur_syn = -1;
    while (!x->src.failed && tabari__next(&x->src, &ln)) {
        char c = ln.body[0];
        if (c == '+' && x->syn_state) {
            member_line(x, &ln);
            continue;
        }
        x->syn_state = 0;
        if (is_header(&ln)) block_header(x, &ln);
        else if (c == '-') pattern_line(x, &ln);
        else if (c == '&') synset_line(x, &ln);
        else if (c == '{') forms_line(x, &ln);
        else if (c == '~' && x->d == TABARI_DIALECT_PETRARCH2) transform_line(x, &ln);
        /* TABARI wraps its synsets in <SYNSETS> ... </SYNSETS>: the lines
         * inside are ordinary &NAME / +MEMBER lines. */
        else if (c == '<' && (!strncasecmp(ln.body, "<SYNSETS>", 9) || !strncasecmp(ln.body, "</SYNSETS>", 10)))
            continue;
        else if (c == '<') tabari__skip_section(&x->src, &ln, "verb");
        else if (c == '+' && x->d == TABARI_DIALECT_TABARI)
            ISSUE(x, &ln, TABARI_UNUSABLE, "'+' line outside a synset");
        else verb_line(x, &ln);
    }
    if (!x->src.failed) {
        for (size_t i = 0; i < v->nsynsets; i++) {
            tabari_synset *sy = &v->synsets[i];
            if (!sy->nmembers)
                tabari__issue(&x->src, sy->line, NULL, TABARI_WARNING,
                              "synset &%s has no members", sy->name);
            else if (!sy->uses)
                tabari__issue(&x->src, sy->line, NULL, TABARI_WARNING,
                              "synset &%s is not used by any pattern", sy->name);
        }
    }
    v->lines = x->src.lineno;
    v->unusable = x->src.unusable;
    v->warnings = x->src.warnings;
    if (x->src.failed || tabari__store_failed(x->st)) {
        tabari__issue(&x->src, 0, NULL, TABARI_UNUSABLE, "out of memory");
        return -1;
    }
    return (int)v->npatterns;
}

static int verbs_load(tabari__src *src, int opened, tabari_dialect asked, tabari_verbs *out)
{
    vctx x;
    memset(&x, 0, sizeof x);
    x.src = *src;
    x.v = out;
    int r = -1;
    if (opened == 0) {
        x.st = out->store_ = tabari__store_new();
        if (!x.st) tabari__issue(&x.src, 0, NULL, TABARI_UNUSABLE, "out of memory");
        else r = verbs_run(&x, asked);
    }
    free(x.tmp);
    tabari__src_close(&x.src);
    if (r < 0) {
        long u = x.src.unusable, w = x.src.warnings, l = x.src.lineno;
        tabari_verbs_free(out);
        out->unusable = u;
        out->warnings = w;
        out->lines = l;
    }
    return r;
}

int tabari_load_verbs_as(const char *path, tabari_dialect dialect, tabari_verbs *out,
                         tabari_report_fn report, void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_open(&src, path, report, ctx);
    return verbs_load(&src, o, dialect, out);
}

int tabari_load_verbs(const char *path, tabari_verbs *out, tabari_report_fn report, void *ctx)
{
    return tabari_load_verbs_as(path, TABARI_DIALECT_AUTO, out, report, ctx);
}

int tabari_parse_verbs(const char *name, const char *text, size_t len, tabari_dialect dialect,
                       tabari_verbs *out, tabari_report_fn report, void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_text(&src, name, text, len, report, ctx);
    return verbs_load(&src, o, dialect, out);
}

void tabari_verbs_free(tabari_verbs *v)
{
    if (!v) return;
    free(v->blocks);
    free(v->verbs);
    free(v->patterns);
    free(v->synsets);
    free(v->members);
    free(v->forms);
    free(v->transforms);
    tabari__store_free(v->store_);
    memset(v, 0, sizeof *v);
}

long tabari_find_synset(const tabari_verbs *v, const char *name)
{
    if (!v || !name) return -1;
    if (*name == '&') name++;
    size_t n = strlen(name);
    while (n && name[n - 1] == '_') n--;
    return find_synset_n(v, name, n);
}

long tabari_find_verb(const tabari_verbs *v, const char *word)
{
    if (!v || !word) return -1;
    for (size_t i = 0; i < v->nverbs; i++) {
        const tabari_verb *vb = &v->verbs[i];
        if (!strcmp(vb->text, word)) return (long)i;
        for (uint32_t f = 0; f < vb->nforms; f++)
            if (!strcmp(v->forms[vb->first_form + f], word)) return (long)i;
    }
    return -1;
}

static void put(char *buf, size_t cap, size_t *k, const char *s)
{
    for (; *s; s++, (*k)++)
        if (*k + 1 < cap) buf[*k] = *s;
}

static void put_code(char *buf, size_t cap, size_t *k, const tabari_evcode *c)
{
    if (c->text) put(buf, cap, k, c->text);
    if (c->mod == TABARI_CM_DOMINANT) put(buf, cap, k, "!");
    else if (c->mod == TABARI_CM_SUBORD) put(buf, cap, k, "?");
}

int tabari_pattern_render(const tabari_pattern *p, char *buf, size_t cap)
{
    size_t k = 0;
    for (uint16_t i = 0; i < p->nelems; i++) {
        const tabari_elem *e = &p->elems[i];
        switch (e->kind) {
        case TABARI_EL_WORD:
        case TABARI_EL_STEM:
            put(buf, cap, &k, e->text);
            break;
        case TABARI_EL_SYNSET:
            put(buf, cap, &k, "&");
            put(buf, cap, &k, e->text);
            break;
        case TABARI_EL_ALT_OPEN: case TABARI_EL_NP_OPEN: put(buf, cap, &k, "{"); break;
        case TABARI_EL_ALT_OR: put(buf, cap, &k, "|"); break;
        case TABARI_EL_ALT_CLOSE: case TABARI_EL_NP_CLOSE: put(buf, cap, &k, "}"); break;
        case TABARI_EL_PP_OPEN: put(buf, cap, &k, "("); break;
        case TABARI_EL_PP_CLOSE: put(buf, cap, &k, ")"); break;
        default: put(buf, cap, &k, kind_sym(e->kind)); break;
        }
        int word = e->kind == TABARI_EL_WORD || e->kind == TABARI_EL_STEM ||
                   e->kind == TABARI_EL_SYNSET;
        if (e->flags & TABARI_EF_JOIN)
            put(buf, cap, &k, word && !(e->flags & TABARI_EF_EXACT) ? "~_" : "_");
        else if (word && (e->flags & TABARI_EF_EXACT))
            put(buf, cap, &k, "_");
        if (!(e->flags & TABARI_EF_JOIN) && i + 1 < p->nelems) put(buf, cap, &k, " ");
    }
    put(buf, cap, &k, k ? " [" : "[");
    put_code(buf, cap, &k, &p->code);
    if (p->flags & TABARI_PF_PAIRED) {
        put(buf, cap, &k, ":");
        put_code(buf, cap, &k, &p->pair);
    }
    put(buf, cap, &k, "]");
    if (cap) buf[k < cap ? k : cap - 1] = 0;
    return (int)k;
}
