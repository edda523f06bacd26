/*
 * dict/tabari_actors.c - the machinery shared by the TABARI / PETRARCH readers
 * (arena, interning, line reader with comment handling, phrases, dates) and the
 * actor-dictionary reader.  See tabari.h for the contract and
 * docs/tabari-dictionaries.md for the formats.
 */
#include "dict/tabari.h"

#include <errno.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ======================================================================== */
/* Arena and interning                                                       */

/* Dictionaries are loaded once and freed as a whole, so everything a loader
 * keeps goes into big chunks: no per-word malloc, one walk to free. */
typedef struct tabari__chunk {
    struct tabari__chunk *next;
    size_t cap, used;
    alignas(max_align_t) unsigned char data[];
} tabari__chunk;

typedef struct {
    uint32_t hash;
    uint32_t len;
    const char *s;
} tabari__slot;

struct tabari__store {
    tabari__chunk *chunks;
    tabari__slot *slots;  /* open addressing, power-of-two size */
    size_t nslots, nused;
    int oom;
};

enum { CHUNK_MIN = 64 * 1024 };

tabari__store *tabari__store_new(void)
{
    return calloc(1, sizeof(tabari__store));
}

void tabari__store_free(tabari__store *st)
{
    if (!st) return;
    tabari__chunk *c = st->chunks;
    while (c) {
        tabari__chunk *n = c->next;
        free(c);
        c = n;
    }
    free(st->slots);
    free(st);
}

void *tabari__alloc(tabari__store *st, size_t n)
{
    const size_t al = alignof(max_align_t);
    n = (n + al - 1) & ~(al - 1);
    if (n == 0) n = al;
    tabari__chunk *c = st->chunks;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > CHUNK_MIN ? n : CHUNK_MIN;
        c = calloc(1, sizeof(tabari__chunk) + cap);
        if (!c) {
            st->oom = 1;
            return NULL;
        }
        c->cap = cap;
        c->next = st->chunks;
        st->chunks = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

int tabari__store_failed(const tabari__store *st)
{
    return st->oom;
}

static inline char upc(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* FNV-1a over the (optionally upper-cased) bytes. */
static uint32_t hash_str(const char *s, size_t n, int fold)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)(fold ? upc(s[i]) : s[i]);
        h *= 16777619u;
    }
    return h;
}

static int same(const char *stored, const char *s, size_t n, int fold)
{
    if (!fold) return memcmp(stored, s, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (stored[i] != upc(s[i])) return 0;
    return 1;
}

static int rehash(tabari__store *st)
{
    size_t nn = st->nslots ? st->nslots * 2 : 1024;
    tabari__slot *ns = calloc(nn, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < st->nslots; i++) {
        if (!st->slots[i].s) continue;
        size_t j = st->slots[i].hash & (nn - 1);
        while (ns[j].s) j = (j + 1) & (nn - 1);
        ns[j] = st->slots[i];
    }
    free(st->slots);
    st->slots = ns;
    st->nslots = nn;
    return 0;
}

static const char *intern(tabari__store *st, const char *s, size_t n, int fold)
{
    if (n > UINT32_MAX) return NULL;
    if ((st->nused + 1) * 2 > st->nslots && rehash(st) < 0) {
        st->oom = 1;
        return NULL;
    }
    uint32_t h = hash_str(s, n, fold);
    size_t j = h & (st->nslots - 1);
    while (st->slots[j].s) {
        if (st->slots[j].hash == h && st->slots[j].len == n && same(st->slots[j].s, s, n, fold))
            return st->slots[j].s;
        j = (j + 1) & (st->nslots - 1);
    }
    char *p = tabari__alloc(st, n + 1);
    if (!p) return NULL;
    for (size_t i = 0; i < n; i++) p[i] = fold ? upc(s[i]) : s[i];
    p[n] = 0;
    st->slots[j].hash = h;
    st->slots[j].len = (uint32_t)n;
    st->slots[j].s = p;
    st->nused++;
    return p;
}

const char *tabari__intern(tabari__store *st, const char *s, size_t n)
{
    return intern(st, s, n, 0);
}

const char *tabari__intern_upper(tabari__store *st, const char *s, size_t n)
{
    return intern(st, s, n, 1);
}

int tabari__grow(void **arr, size_t *cap, size_t n, size_t el)
{
    if (n < *cap) return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc <= n) nc *= 2;
    if (nc > SIZE_MAX / el) return -1;
    void *p = realloc(*arr, nc * el);
    if (!p) return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

/* ======================================================================== */
/* Reporting                                                                 */

void tabari_print_issue(void *ctx, const char *path, int line, tabari_severity sev,
                        const char *reason, const char *text)
{
    FILE *f = ctx ? (FILE *)ctx : stderr;
    fprintf(f, "%s:%d: %s: %s", path ? path : "(text)", line,
            sev == TABARI_UNUSABLE ? "unusable" : "warning", reason);
    if (text && *text) fprintf(f, ": %s", text);
    fputc('\n', f);
}

void tabari__issue(tabari__src *s, int line, const char *raw, tabari_severity sev,
                   const char *fmt, ...)
{
    if (s->quiet) return;
    if (sev == TABARI_UNUSABLE) s->unusable++;
    else s->warnings++;
    if (!s->report) return;
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    s->report(s->ctx, s->path, line, sev, reason, raw ? raw : "");
}

/* ======================================================================== */
/* Line reader                                                               */

static int src_setup(tabari__src *s)
{
    s->pos = 0;
    s->lineno = 0;
    s->in_xml = 0;
    s->cap = 256;
    s->raw = malloc(s->cap);
    s->scratch = malloc(s->cap);
    return s->raw && s->scratch ? 0 : -1;
}

int tabari__src_open(tabari__src *s, const char *path, tabari_report_fn report, void *ctx)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->report = report;
    s->ctx = ctx;
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        tabari__issue(s, 0, NULL, TABARI_UNUSABLE, "cannot open the file: %s",
                      errno ? strerror(errno) : "unknown error");
        return -1;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = cap > SIZE_MAX / 4 ? NULL : realloc(buf, 2 * cap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int bad = !buf || ferror(f);
    fclose(f);
    if (bad) {
        tabari__issue(s, 0, NULL, TABARI_UNUSABLE, buf ? "read error" : "out of memory");
        free(buf);
        return -1;
    }
    buf[n] = 0;
    s->buf = buf;
    s->size = n;
    if (src_setup(s) < 0) {
        tabari__issue(s, 0, NULL, TABARI_UNUSABLE, "out of memory");
        return -1;
    }
    return 0;
}

int tabari__src_text(tabari__src *s, const char *name, const char *text, size_t len,
                     tabari_report_fn report, void *ctx)
{
    memset(s, 0, sizeof *s);
    s->path = name;
    s->report = report;
    s->ctx = ctx;
    s->buf = malloc(len + 1);
    if (!s->buf || src_setup(s) < 0) {
        tabari__issue(s, 0, NULL, TABARI_UNUSABLE, "out of memory");
        return -1;
    }
    if (len) memcpy(s->buf, text, len);
    s->buf[len] = 0;
    s->size = len;
    return 0;
}

void tabari__src_close(tabari__src *s)
{
    free(s->buf);
    free(s->raw);
    free(s->scratch);
    s->buf = s->raw = s->scratch = NULL;
}

void tabari__src_rewind(tabari__src *s)
{
    s->pos = 0;
    s->lineno = 0;
    s->in_xml = 0;
}

/* Length of a valid UTF-8 sequence starting at p, or 0. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000;
    else return 0;
    if ((size_t)(end - p) < n) return 0;
    unsigned cp = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static int ensure_cap(tabari__src *s, size_t need)
{
    if (need <= s->cap) return 0;
    size_t nc = s->cap;
    while (nc < need) nc *= 2;
    char *a = realloc(s->raw, nc);
    if (!a) return -1;
    s->raw = a;
    char *b = realloc(s->scratch, nc);
    if (!b) return -1;
    s->scratch = b;
    s->cap = nc;
    return 0;
}

int tabari__next(tabari__src *s, tabari__line *ln)
{
    while (!s->failed && s->pos < s->size) {
        const char *line = s->buf + s->pos;
        size_t rest = s->size - s->pos;
        const char *nl = memchr(line, '\n', rest);
        size_t len = nl ? (size_t)(nl - line) : rest;
        s->pos += len + (nl != NULL);
        s->lineno++;
        if (len && line[len - 1] == '\r') len--;
        if (ensure_cap(s, len + 1) < 0) {
            s->failed = 1;
            tabari__issue(s, s->lineno, NULL, TABARI_UNUSABLE, "out of memory");
            return 0;
        }
        char *raw = s->raw;
        memcpy(raw, line, len);
        raw[len] = 0;
        if (memchr(line, 0, len)) {
            tabari__issue(s, s->lineno, raw, TABARI_UNUSABLE, "NUL byte in the line");
            continue;
        }

        /* Odd bytes do not stop the line from being used, but the dictionary
         * author should hear about them (they are usually mojibake). */
        const unsigned char *u = (const unsigned char *)raw, *end = u + len;
        for (const unsigned char *p = u; p < end;) {
            if (*p < 0x20 && *p != '\t') {
                tabari__issue(s, s->lineno, raw, TABARI_WARNING,
                              "control character 0x%02X in the line", *p);
                break;
            }
            if (*p >= 0x80) {
                size_t k = utf8_len(p, end);
                if (!k) {
                    tabari__issue(s, s->lineno, raw, TABARI_WARNING,
                                  "bytes that are not UTF-8 in the line");
                    break;
                }
                p += k;
            } else {
                p++;
            }
        }

        /* Comments: ';' (KEDS/TABARI), '#' (PETRARCH) and <!-- --> (PETRARCH),
         * except inside [...], where '#' is the discard code [###]. */
        const char *p = raw;
        char *o = s->scratch;
        const char *comment = NULL;
        if (s->in_xml) {
            const char *q = strstr(p, "-->");
            if (!q) continue;
            s->in_xml = 0;
            p = q + 3;
        }
        int inb = 0;
        while (*p) {
            char c = *p;
            if (!inb && c == '<' && p[1] == '!' && p[2] == '-' && p[3] == '-') {
                const char *q = strstr(p + 4, "-->");
                if (!comment) comment = p + 4;
                if (q) {
                    *o++ = ' ';
                    p = q + 3;
                    continue;
                }
                s->in_xml = 1;
                break;
            }
            /* Only a '[' that is closed on this line protects what it holds:
             * "DOCKER [~LAB  # note" still has a comment. */
            if (c == '[' && !inb && strchr(p + 1, ']')) inb = 1;
            else if (c == ']') inb = 0;
            if (!inb && (c == '#' || c == ';')) {
                comment = p + 1;
                break;
            }
            *o++ = c;
            p++;
        }
        *o = 0;
        char *b = s->scratch;
        while (is_blank(*b)) b++;
        while (o > b && is_blank(o[-1])) *--o = 0;
        if (o == b) continue;
        ln->no = s->lineno;
        ln->raw = raw;
        ln->body = b;
        ln->len = (size_t)(o - b);
        ln->comment = comment;
        ln->indented = is_blank(raw[0]);
        return 1;
    }
    s->lines = s->lineno;
    return 0;
}

const char *tabari__comment(tabari__store *st, const char *c)
{
    if (!c) return NULL;
    while (is_blank(*c)) c++;
    size_t n = strlen(c);
    while (n && is_blank(c[n - 1])) n--;
    if (n >= 3 && !memcmp(c + n - 3, "-->", 3)) {  /* <!-- comment --> */
        n -= 3;
        while (n && is_blank(c[n - 1])) n--;
    }
    if (!n) return NULL;
    return tabari__intern(st, c, n);
}

/* ======================================================================== */
/* Phrases                                                                   */

int tabari__phrase(tabari__store *st, const char *s, size_t n, const char *forbid,
                   tabari_phrase *out, char *why, size_t whycap)
{
    memset(out, 0, sizeof *out);
    while (n && is_blank(*s)) s++, n--;
    while (n && is_blank(s[n - 1])) n--;
    size_t nw = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] && forbid && strchr(forbid, s[i])) {
            snprintf(why, whycap, "unexpected '%c' in a phrase", s[i]);
            return -1;
        }
        if (!is_blank(s[i]) && s[i] != '_' && (i == 0 || is_blank(s[i - 1]) || s[i - 1] == '_'))
            nw++;
    }
    if (!nw) {
        snprintf(why, whycap, "empty phrase");
        return -1;
    }
    tabari_elem *w = tabari__alloc(st, nw * sizeof *w);
    if (!w) {
        snprintf(why, whycap, "out of memory");
        return -1;
    }
    size_t k = 0, i = 0;
    while (i < n) {
        if (is_blank(s[i])) {
            i++;
            continue;
        }
        if (s[i] == '_') {
            snprintf(why, whycap, "'_' does not follow a word");
            return -1;
        }
        size_t j = i;
        while (j < n && !is_blank(s[j]) && s[j] != '_') j++;
        w[k].text = tabari__intern_upper(st, s + i, j - i);
        w[k].synset = -1;
        w[k].kind = TABARI_EL_STEM;
        if (!w[k].text) {
            snprintf(why, whycap, "out of memory");
            return -1;
        }
        if (j < n && s[j] == '_') {
            /* WORD_ is a whole word; WORD_NEXT also has to be followed at once. */
            w[k].kind = TABARI_EL_WORD;
            w[k].flags |= TABARI_EF_EXACT;
            while (j < n && s[j] == '_') j++;
            if (j < n && !is_blank(s[j])) w[k].flags |= TABARI_EF_JOIN;
        }
        k++;
        i = j;
    }
    out->words = w;
    out->nwords = (uint32_t)k;
    out->text = tabari__intern_upper(st, s, n);
    if (!out->text) {
        snprintf(why, whycap, "out of memory");
        return -1;
    }
    return 0;
}

/* ======================================================================== */
/* Dates                                                                     */

int tabari_parse_date(const char *s, size_t n, int32_t *yyyymmdd)
{
    if (n != 6 && n != 8) return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    int32_t y, m, d;
    if (n == 6) {
        y = v / 10000;
        /* KEDS, TABARI and PETRARCH all read 00-30 as 20xx, the rest as 19xx;
         * the public actor files rely on it (1931-1999 and 2000-2014 occur). */
        y += y <= 30 ? 2000 : 1900;
    } else {
        y = v / 10000;
        if (y < 1000) return -1;
    }
    m = (v / 100) % 100;
    d = v % 100;
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > dim[m - 1] + (m == 2 && leap)) return -1;
    *yyyymmdd = y * 10000 + m * 100 + d;
    return 0;
}

/* ======================================================================== */
/* Actors                                                                    */

typedef struct {
    tabari__src src;
    tabari__store *st;
    tabari_actors *a;
    size_t cap_actors, cap_names, cap_codes;
    long cur;        /* actor receiving synonyms and codes, -1 none */
    int rejected;    /* line of the rejected entry the following lines belong to */
} actx;

static int code_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == ':' || c == '/' || c == '-' || c == '~' || c == '_' || c == '.';
}

/* Parses the inside of one [...] group of an actor file. */
static int actor_code(actx *x, const char *s, size_t n, tabari_actor_code *c, char *why,
                      size_t whycap)
{
    memset(c, 0, sizeof *c);
    while (n && is_blank(*s)) s++, n--;
    while (n && is_blank(s[n - 1])) n--;
    if (!n) {
        snprintf(why, whycap, "empty code []");
        return -1;
    }
    size_t i = 0;
    while (i < n && !is_blank(s[i])) {
        if (!code_char(s[i])) {
            snprintf(why, whycap, "unexpected '%c' in code '%.*s'", s[i], (int)n, s);
            return -1;
        }
        i++;
    }
    c->code = tabari__intern_upper(x->st, s, i);
    if (!c->code) {
        snprintf(why, whycap, "out of memory");
        return -1;
    }
    while (i < n && is_blank(s[i])) i++;
    if (i == n) {
        c->when = TABARI_WHEN_ALWAYS;
        return 0;
    }
    const char *r = s + i;
    size_t rn = n - i;
    if (r[0] == '<' || r[0] == '>') {
        size_t k = 1;
        while (k < rn && is_blank(r[k])) k++;
        int32_t d;
        if (tabari_parse_date(r + k, rn - k, &d) < 0) {
            snprintf(why, whycap, "bad date '%.*s' (dates are YYMMDD or YYYYMMDD)",
                     (int)(rn - k), r + k);
            return -1;
        }
        if (r[0] == '<') c->when = TABARI_WHEN_BEFORE, c->to = d;
        else c->when = TABARI_WHEN_AFTER, c->from = d;
        return 0;
    }
    const char *dash = memchr(r, '-', rn);
    if (!dash) {
        snprintf(why, whycap,
                 "date restriction '%.*s' has no '<', '>' or '-' (write >DATE, <DATE or "
                 "FROM-TO)", (int)rn, r);
        return -1;
    }
    const char *a = r, *ae = dash, *b = dash + 1, *be = r + rn;
    while (ae > a && is_blank(ae[-1])) ae--;
    while (b < be && is_blank(*b)) b++;
    int32_t d1, d2;
    if (tabari_parse_date(a, (size_t)(ae - a), &d1) < 0) {
        snprintf(why, whycap, "bad start date '%.*s' (dates are YYMMDD or YYYYMMDD)",
                 (int)(ae - a), a);
        return -1;
    }
    if (tabari_parse_date(b, (size_t)(be - b), &d2) < 0) {
        snprintf(why, whycap, "bad end date '%.*s' (dates are YYMMDD or YYYYMMDD)",
                 (int)(be - b), b);
        return -1;
    }
    if (d2 < d1) {
        snprintf(why, whycap, "end date %ld is before start date %ld", (long)d2, (long)d1);
        return -1;
    }
    c->when = TABARI_WHEN_BETWEEN;
    c->from = d1;
    c->to = d2;
    return 0;
}

/* Parses every [...] group in s (nothing else may be there) and appends them
 * to the current actor.  All or nothing: one bad group rejects the line. */
static int actor_codes(actx *x, const tabari__line *ln, const char *s, int *got)
{
    char why[256];
    size_t start = x->a->ncodes;
    *got = 0;
    while (*s) {
        if (is_blank(*s)) {
            s++;
            continue;
        }
        if (*s != '[') {
            if (*got) {
                /* PETRARCH takes the first [...] and ignores what follows; the
                 * public files have spreadsheet columns there. */
                tabari__issue(&x->src, ln->no, ln->raw, TABARI_WARNING,
                              "text after the codes is ignored: '%s'", s);
                return 0;
            }
            tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE,
                          "text '%s' outside [code]", s);
            goto fail;
        }
        const char *e = strchr(s, ']');
        if (!e) {
            tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE, "missing ']'");
            goto fail;
        }
        if (memchr(s + 1, '[', (size_t)(e - s - 1))) {
            tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE, "'[' inside [code]");
            goto fail;
        }
        tabari_actor_code c;
        if (actor_code(x, s + 1, (size_t)(e - s - 1), &c, why, sizeof why) < 0) {
            tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE, "%s", why);
            goto fail;
        }
        c.line = ln->no;
        if (tabari__grow((void **)&x->a->codes, &x->cap_codes, x->a->ncodes,
                         sizeof c) < 0) {
            x->src.failed = 1;
            goto fail;
        }
        x->a->codes[x->a->ncodes++] = c;
        (*got)++;
        s = e + 1;
    }
    return 0;
fail:
    x->a->ncodes = start;
    *got = 0;
    return -1;
}

static int add_name(actx *x, const tabari__line *ln, const char *s, size_t n)
{
    tabari_phrase ph;
    char why[128];
    if (tabari__phrase(x->st, s, n, "[]{}|", &ph, why, sizeof why) < 0) {
        tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE, "%s", why);
        return -1;
    }
    ph.line = ln->no;
    if (tabari__grow((void **)&x->a->names, &x->cap_names, x->a->nnames, sizeof ph) < 0) {
        x->src.failed = 1;
        return -1;
    }
    x->a->names[x->a->nnames++] = ph;
    return 0;
}

static void actor_line(actx *x, tabari__line *ln)
{
    tabari_actors *a = x->a;
    char *b = ln->body;

    if (b[0] == '[') {  /* dated (or default) codes for the current entry */
        if (x->cur < 0) {
            if (x->rejected)
                tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE,
                              "codes for the entry at line %d, which was not used",
                              x->rejected);
            else
                tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE,
                              "codes with no actor name before them");
            return;
        }
        size_t before = a->ncodes;
        int got;
        if (actor_codes(x, ln, b, &got) == 0 && got) {
            tabari_actor *ac = &a->actors[x->cur];
            if (!ac->ncodes) ac->first_code = (uint32_t)before;
            ac->ncodes += (uint32_t)got;
        }
        return;
    }

    if (b[0] == '+') {  /* synonym of the current entry */
        if (x->cur < 0) {
            if (x->rejected)
                tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE,
                              "synonym of the entry at line %d, which was not used",
                              x->rejected);
            else
                tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE,
                              "synonym with no actor name before it");
            return;
        }
        if (strchr(b, '[')) {
            tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE,
                          "a '+' synonym carries no code: codes go on the first line of the "
                          "entry or on indented lines");
            return;
        }
        if (add_name(x, ln, b + 1, ln->len - 1) == 0) a->actors[x->cur].nnames++;
        return;
    }

    if (ln->indented) {
        /* PETRARCH reads every tab-indented line as a date restriction of the
         * entry above; a name there is ambiguous, so it is not guessed at. */
        tabari__issue(&x->src, ln->no, ln->raw, TABARI_UNUSABLE,
                      "indented line is neither a [code] line nor a '+' synonym");
        return;
    }

    /* A new entry: NAME [code] [code ...] */
    x->cur = -1;
    x->rejected = ln->no;
    char *br = strchr(b, '[');
    size_t nlen = br ? (size_t)(br - b) : ln->len;
    if (tabari__grow((void **)&a->actors, &x->cap_actors, a->nactors, sizeof(tabari_actor)) < 0) {
        x->src.failed = 1;
        return;
    }
    size_t names0 = a->nnames, codes0 = a->ncodes;
    if (add_name(x, ln, b, nlen) < 0) return;
    int got = 0;
    if (br && actor_codes(x, ln, br, &got) < 0) {
        a->nnames = names0;
        a->ncodes = codes0;
        return;
    }
    tabari_actor *ac = &a->actors[a->nactors];
    memset(ac, 0, sizeof *ac);
    ac->first_name = (uint32_t)names0;
    ac->nnames = 1;
    ac->first_code = (uint32_t)codes0;
    ac->ncodes = (uint32_t)got;
    ac->line = ln->no;
    x->cur = (long)a->nactors++;
    x->rejected = 0;
}

/* TABARI's <NOUN>/<ADJ> sections (and any other tag) are not read; every
 * line up to the closing tag is reported as unusable. */
int tabari__skip_section(tabari__src *src, tabari__line *ln, const char *what)
{
    char tag[64];
    size_t k = 0;
    int closing_tag = ln->body[1] == '/';
    const char *p = ln->body + 1 + closing_tag;
    while (*p && *p != '>' && *p != '/' && !is_blank(*p) && k + 1 < sizeof tag)
        tag[k++] = upc(*p++);
    tag[k] = 0;
    int self_closing = ln->len >= 2 && ln->body[ln->len - 2] == '/';
    /* PETRARCH's agent rules are one-line tags: <Combine rule = "...">. */
    int one_line = !strcmp(tag, "COMBINE");
    if (closing_tag || !k || self_closing || one_line) {
        tabari__issue(src, ln->no, ln->raw, TABARI_UNUSABLE, "%s tag <%s> is not supported",
                      what, tag);
        return 0;
    }
    int open_line = ln->no;
    tabari__issue(src, ln->no, ln->raw, TABARI_UNUSABLE,
                  "%s section <%s> is not supported; its lines are skipped", what, tag);
    while (tabari__next(src, ln)) {
        int closing = ln->body[0] == '<' && ln->body[1] == '/';
        if (closing) {
            size_t m = 0;
            const char *q = ln->body + 2;
            while (tag[m] && *q && upc(*q) == tag[m]) q++, m++;
            closing = !tag[m];
        }
        tabari__issue(src, ln->no, ln->raw, TABARI_UNUSABLE,
                      closing ? "end of the skipped <%s> section (line %d)"
                              : "inside the skipped <%s> section (line %d)",
                      tag, open_line);
        if (closing) return 0;
    }
    return 0;
}

static int actors_run(actx *x, tabari_actors *out)
{
    tabari__line ln;
    x->cur = -1;
    while (!x->src.failed && tabari__next(&x->src, &ln)) {
        if (strncmp(ln.body, "---STOP---", 10) == 0) {
            /* PETRARCH stops reading the file here; say how much that hides. */
            int stop = ln.no;
            long more = 0;
            while (tabari__next(&x->src, &ln)) more++;
            tabari__issue(&x->src, stop, "---STOP---", TABARI_WARNING,
                          "---STOP---: reading stops here; %ld later lines with content "
                          "are ignored", more);
            break;
        }
        if (ln.body[0] == '<') {
            x->cur = -1;
            x->rejected = 0;
            tabari__skip_section(&x->src, &ln, "actor");
            continue;
        }
        actor_line(x, &ln);
    }
    out->lines = x->src.lineno;
    out->unusable = x->src.unusable;
    out->warnings = x->src.warnings;
    if (x->src.failed || x->st->oom) {
        tabari__issue(&x->src, 0, NULL, TABARI_UNUSABLE, "out of memory");
        return -1;
    }
    return (int)out->nactors;
}

static int actors_load(tabari__src *src, int opened, tabari_actors *out)
{
    actx x;
    memset(&x, 0, sizeof x);
    x.src = *src;
    x.a = out;
    if (opened < 0) {
        out->unusable = x.src.unusable;
        tabari__src_close(&x.src);
        return -1;
    }
    x.st = out->store_ = tabari__store_new();
    int r = -1;
    if (!x.st) tabari__issue(&x.src, 0, NULL, TABARI_UNUSABLE, "out of memory");
    else r = actors_run(&x, out);
    tabari__src_close(&x.src);
    if (r < 0) {
        long u = x.src.unusable, w = x.src.warnings, l = x.src.lineno;
        tabari_actors_free(out);
        out->unusable = u;
        out->warnings = w;
        out->lines = l;
    }
    return r;
}

int tabari_load_actors(const char *path, tabari_actors *out, tabari_report_fn report,
                       void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_open(&src, path, report, ctx);
    return actors_load(&src, o, out);
}

int tabari_parse_actors(const char *name, const char *text, size_t len, tabari_actors *out,
                        tabari_report_fn report, void *ctx)
{
    memset(out, 0, sizeof *out);
    tabari__src src;
    int o = tabari__src_text(&src, name, text, len, report, ctx);
    return actors_load(&src, o, out);
}

void tabari_actors_free(tabari_actors *a)
{
    if (!a) return;
    free(a->actors);
    free(a->names);
    free(a->codes);
    tabari__store_free(a->store_);
    memset(a, 0, sizeof *a);
}

const tabari_actor_code *tabari_actor_code_at(const tabari_actors *a, size_t i,
                                              int32_t date)
{
    if (!a || i >= a->nactors) return NULL;
    const tabari_actor *ac = &a->actors[i];
    const tabari_actor_code *c = a->codes + ac->first_code;
    for (uint32_t k = 0; k < ac->ncodes; k++) {
        switch (c[k].when) {
        case TABARI_WHEN_BEFORE:
            if (date <= c[k].to) return &c[k];
            break;
        case TABARI_WHEN_AFTER:
            if (date >= c[k].from) return &c[k];
            break;
        case TABARI_WHEN_BETWEEN:
            if (date >= c[k].from && date <= c[k].to) return &c[k];
            break;
        default:
            break;
        }
    }
    for (uint32_t k = 0; k < ac->ncodes; k++)
        if (c[k].when == TABARI_WHEN_ALWAYS) return &c[k];
    return NULL;
}
