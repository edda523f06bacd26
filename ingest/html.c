/*
 * html.c - HTML news page -> html_article (see html.h for the contract).
 *
 * Steps: find the charset (BOM, UTF-8 validity, HTTP hint, <meta> prescan
 * done by Gumbo on the first 4 KB) and convert to UTF-8 with iconv; prepare
 * the bytes for Gumbo (drop script/style/SVG bodies we never read, which
 * are most of a news page; rename SVG/MathML, on which Gumbo 0.10.1 can
 * abort; refuse absurd nesting, on which it is quadratic); parse with
 * Gumbo into a bump arena (the tree is thrown away in one go, much cheaper
 * than Gumbo's node-by-node free); collect <meta>, <link>, <title>, <h1>,
 * <time>, microdata and JSON-LD in one walk; run the content scorer
 * (html_score.c); then decide between the publisher's articleBody and the
 * scored text, and pick the metadata by priority.
 */
#include "html.h"

#include <errno.h>
#include <gumbo.h>
#include <iconv.h>
#include <jansson.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ small utils */

static char *xstrndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static int lc(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (lc((unsigned char)*a) != lc((unsigned char)*b)) return 0;
    return *a == *b;
}

static int istarts(const char *s, const char *pre)
{
    for (; *pre; s++, pre++)
        if (lc((unsigned char)*s) != lc((unsigned char)*pre)) return 0;
    return 1;
}

static const char *istrstr(const char *h, const char *n)
{
    for (; *h; h++)
        if (istarts(h, n)) return h;
    return NULL;
}

static const char *find_bytes(const char *h, size_t hl, const char *n, size_t nl)
{
    if (!nl) return h;
    if (nl > hl) return NULL;
    const char *end = h + hl - nl;
    for (const char *p = h; p <= end; p++) {
        p = memchr(p, n[0], (size_t)(end - p) + 1);
        if (!p) return NULL;
        if (!memcmp(p, n, nl)) return p;
    }
    return NULL;
}

/* Collapsed, trimmed copy; NULL when nothing visible is left. */
static char *clean_dup(const char *s)
{
    if (!s) return NULL;
    html_buf b = {0};
    html_buf_put_collapsed(&b, s, strlen(s));
    if (b.oom || !b.len) { free(b.s); return NULL; }
    while (b.len && b.s[b.len - 1] == ' ') b.s[--b.len] = 0;
    if (!b.len) { free(b.s); return NULL; }
    return b.s;
}

static void set_err(char *err, size_t errlen, const char *msg)
{
    if (err && errlen) snprintf(err, errlen, "%s", msg);
}

/* ------------------------------------------------------------ Gumbo arena */

/* Gumbo allocates many small blocks and frees them one by one at the end;
 * a bump arena released at once is several times cheaper for both. */
typedef struct chunk {
    struct chunk *next;
    size_t cap, used;
    alignas(max_align_t) unsigned char data[];
} chunk;

typedef struct {
    chunk *head;
    size_t chunk_size;
    char *copy;        /* private copy of an input that parse() may rewrite */
} arena;

static void *arena_alloc(void *ud, size_t n)
{
    arena *a = ud;
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    if (a->head && a->head->cap - a->head->used >= n) {
        void *p = a->head->data + a->head->used;
        a->head->used += n;
        return p;
    }
    int big = n > a->chunk_size / 4;
    size_t cap = big ? n : a->chunk_size;
    chunk *c = malloc(sizeof *c + cap);
    if (!c) {
        /* Gumbo cannot handle a failed allocation; stop loudly rather than
         * let it write through NULL. */
        fputs("html: out of memory in parser\n", stderr);
        abort();
    }
    c->cap = cap;
    c->used = n;
    if (big && a->head) {          /* keep filling the current chunk */
        c->next = a->head->next;
        a->head->next = c;
    } else {
        c->next = a->head;
        a->head = c;
    }
    return c->data;
}

static void arena_free_noop(void *ud, void *p) { (void)ud; (void)p; }

static void arena_release(arena *a)
{
    for (chunk *c = a->head, *nx; c; c = nx) { nx = c->next; free(c); }
    a->head = NULL;
    free(a->copy);
    a->copy = NULL;
}

static size_t elide_raw_text(char *s, size_t n);
static void defuse_foreign(char *s, size_t n);
static long nesting_depth(const char *s, size_t n);

/* Prepare buf for Gumbo (in place: drop raw-text bodies we never read,
 * take SVG/MathML out of the picture) and parse it.  Returns NULL with *why
 * set when the page is refused.  buf must outlive the tree. */
static GumboOutput *parse(arena *a, char *buf, size_t n, const char **why)
{
    n = elide_raw_text(buf, n);
    defuse_foreign(buf, n);
    if (nesting_depth(buf, n) > HTML_MAX_DEPTH) {
        if (why) *why = "markup nested too deeply";
        return NULL;
    }
    GumboOptions o = kGumboDefaultOptions;
    o.allocator = arena_alloc;
    o.deallocator = arena_free_noop;
    o.userdata = a;
    o.max_errors = 0;   /* recording parse errors costs time and memory */
    /* Gumbo's tree takes a few times the input: size chunks to match so
     * that small pages make one small allocation */
    size_t cs = n < (4u << 10) ? (16u << 10) : n > (1u << 20) ? (4u << 20) : 4 * n;
    a->chunk_size = cs;
    return gumbo_parse_with_options(&o, buf, n);
}

/* ------------------------------------------------------------ charsets */

/* Map a charset label to an iconv name following the WHATWG encoding
 * standard where it matters (latin1 means windows-1252, gb2312 means gbk ...).
 * Returns NULL for UTF-8. */
static const char *iconv_name(const char *label, char *buf, size_t cap)
{
    static const char *const map[][2] = {
        {"utf-8", NULL}, {"utf8", NULL}, {"unicode-1-1-utf-8", NULL}, {"x-unicode20utf8", NULL},
        {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
        {"latin1", "WINDOWS-1252"}, {"latin-1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"},
        {"ascii", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
        {"windows-1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"},
        {"ibm819", "WINDOWS-1252"}, {"iso-ir-100", "WINDOWS-1252"}, {"x-user-defined", "WINDOWS-1252"},
        {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"}, {"iso-8859-11", "WINDOWS-874"},
        {"tis-620", "WINDOWS-874"}, {"windows-874", "WINDOWS-874"}, {"gb2312", "GB18030"},
        {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"gb_2312-80", "GB18030"}, {"chinese", "GB18030"},
        {"csgb2312", "GB18030"}, {"gb18030", "GB18030"}, {"shift_jis", "CP932"},
        {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"}, {"ms_kanji", "CP932"},
        {"windows-31j", "CP932"}, {"csshiftjis", "CP932"}, {"euc-kr", "CP949"},
        {"ks_c_5601-1987", "CP949"}, {"windows-949", "CP949"}, {"cp949", "CP949"},
        {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
        {"cn-big5", "BIG5-HKSCS"}, {"iso-8859-8-i", "ISO-8859-8"}, {"x-mac-cyrillic", "MAC-CYRILLIC"},
        {"x-mac-roman", "MACINTOSH"}, {"utf-16", "UTF-16LE"},
    };
    if (!label) return NULL;
    while (*label == ' ' || *label == '"' || *label == '\'' || *label == '\t') label++;
    size_t k = 0;
    for (; label[k] && k + 1 < cap; k++) {
        char c = label[k];
        if (c == ' ' || c == '"' || c == '\'' || c == ';' || c == ',' || c == '\t') break;
        buf[k] = (char)lc((unsigned char)c);
    }
    buf[k] = 0;
    if (!k) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(buf, map[i][0])) return map[i][1];
    for (size_t i = 0; i < k; i++) buf[i] = (char)(buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i]);
    return buf;
}

/* Length of a valid UTF-8 sequence at p (1..4), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;          /* overlong */
        if (c == 0xED && p[1] >= 0xA0) return 0;         /* surrogates */
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;
        if (c == 0xF4 && p[1] >= 0x90) return 0;
        return 4;
    }
    return 0;
}

static uint64_t load8(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);   /* unaligned-safe; compiles to one load */
    return v;
}

/* Count invalid and valid multi-byte sequences (to spot mislabelled latin1). */
static void utf8_census(const char *s, size_t n, size_t *bad, size_t *multi)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    *bad = *multi = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            while (i + 8 <= n && !(load8(p + i) & 0x8080808080808080ull)) i += 8;
            continue;
        }
        size_t k = utf8_seq(p + i, n - i);
        if (k) { (*multi)++; i += k; } else { (*bad)++; i++; }
    }
}

static void put_fffd(html_buf *b) { html_buf_put(b, "\xEF\xBF\xBD", 3); }

char *html_to_utf8(const char *in, size_t len, const char *charset, size_t *outlen)
{
    char nb[64];
    const char *name = iconv_name(charset, nb, sizeof nb);
    html_buf b = {0};
    iconv_t cd = (iconv_t)-1;
    if (name) cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1) {
        /* UTF-8 (or an unknown label): copy, repairing invalid sequences */
        const unsigned char *p = (const unsigned char *)in;
        size_t i = 0, start = 0;
        html_buf_put(&b, "", 0);
        while (i < len) {
            if (p[i] >= 0x80) {
                size_t k = utf8_seq(p + i, len - i);
                if (k) { i += k; continue; }
            } else if (p[i]) {
                /* skip 8 ASCII bytes at a time while none is NUL or high */
                i++;
                while (i + 8 <= len) {
                    uint64_t v = load8(p + i);
                    if ((v & 0x8080808080808080ull) || ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull)) break;
                    i += 8;
                }
                continue;
            }
            html_buf_put(&b, in + start, i - start);
            if (p[i]) put_fffd(&b);            /* NUL bytes are just dropped */
            i++;
            start = i;
        }
        html_buf_put(&b, in + start, i - start);
    } else {
        char *ip = (char *)in;   /* iconv's prototype is not const-correct */
        size_t il = len;
        html_buf_put(&b, "", 0);
        while (il && !b.oom) {
            /* room for the worst case of what is left (3 bytes per input
             * byte covers every converter we map to), plus a U+FFFD */
            size_t want = il * 3 + 8;
            if (b.cap - b.len - 1 < want) {
                if (want > (SIZE_MAX - b.len) / 2) { b.oom = 1; break; }
                size_t cap = b.len + want + 1;
                char *ns = realloc(b.s, cap);
                if (!ns) { b.oom = 1; break; }
                b.s = ns;
                b.cap = cap;
            }
            char *op = b.s + b.len;
            size_t ol = b.cap - b.len - 1;
            size_t r = iconv(cd, &ip, &il, &op, &ol);
            b.len = (size_t)(op - b.s);
            b.s[b.len] = 0;
            if (r != (size_t)-1) break;
            if (errno == E2BIG) continue;
            /* EILSEQ or EINVAL (truncated at the end): mark and move on */
            put_fffd(&b);
            ip++;
            il--;
        }
        iconv_close(cd);
        /* converters may emit U+0000 for NUL bytes: drop them */
        if (!b.oom && b.s && memchr(b.s, 0, b.len)) {
            size_t w = 0;
            for (size_t r = 0; r < b.len; r++) if (b.s[r]) b.s[w++] = b.s[r];
            b.len = w;
            b.s[w] = 0;
        }
    }
    if (b.oom) { free(b.s); return NULL; }
    if (outlen) *outlen = b.len;
    return b.s;
}

/* Value of charset= in a Content-Type, or the string itself if it has none. */
static const char *charset_param(const char *ct)
{
    const char *p = istrstr(ct, "charset");
    if (!p) return strchr(ct, '/') || strchr(ct, ';') ? NULL : ct;
    p += 7;
    while (*p == ' ') p++;
    if (*p != '=') return NULL;
    p++;
    while (*p == ' ' || *p == '"' || *p == '\'') p++;
    return *p ? p : NULL;
}

/* Charset declared in the first bytes: Gumbo parses the prefix and we read
 * <meta charset>, <meta http-equiv=Content-Type content=...>, or the XML
 * declaration (a bogus comment to an HTML parser). */
static int prescan(const char *s, size_t n, char *out, size_t cap)
{
    arena a = {0};
    a.copy = malloc(n + 1);
    if (!a.copy) return 0;
    memcpy(a.copy, s, n);
    a.copy[n] = 0;
    GumboOutput *g = parse(&a, a.copy, n, NULL);
    int found = 0;
    if (g) {
        const GumboVector *dk = &g->document->v.document.children;
        for (unsigned i = 0; i < dk->length && !found; i++) {
            const GumboNode *c = dk->data[i];
            if (c->type != GUMBO_NODE_COMMENT) continue;
            const char *t = c->v.text.text;
            if (!istarts(t, "?xml")) continue;
            const char *e = istrstr(t, "encoding");
            if (!e) continue;
            e += 8;
            while (*e == ' ' || *e == '=' || *e == '"' || *e == '\'') e++;
            snprintf(out, cap, "%s", e);
            found = 1;
        }
        /* iterative walk over the prefix tree */
        const GumboNode *node = g->root;
        while (node && !found) {
            if (node->type == GUMBO_NODE_ELEMENT) {
                const GumboElement *e = &node->v.element;
                if (e->tag == GUMBO_TAG_META) {
                    const GumboAttribute *cs = gumbo_get_attribute(&e->attributes, "charset");
                    const GumboAttribute *he = gumbo_get_attribute(&e->attributes, "http-equiv");
                    const GumboAttribute *ct = gumbo_get_attribute(&e->attributes, "content");
                    if (cs && *cs->value) { snprintf(out, cap, "%s", cs->value); found = 1; }
                    else if (he && ct && ieq(he->value, "content-type")) {
                        const char *v = charset_param(ct->value);
                        if (v && strchr(ct->value, '=')) { snprintf(out, cap, "%s", v); found = 1; }
                    }
                }
                if (e->children.length && e->tag != GUMBO_TAG_SCRIPT && e->tag != GUMBO_TAG_STYLE) {
                    node = e->children.data[0];
                    continue;
                }
            }
            /* next in document order */
            for (;;) {
                const GumboNode *p = node->parent;
                if (!p || p->type != GUMBO_NODE_ELEMENT) { node = NULL; break; }
                if (node->index_within_parent + 1 < p->v.element.children.length) {
                    node = p->v.element.children.data[node->index_within_parent + 1];
                    break;
                }
                node = p;
            }
        }
    }
    arena_release(&a);
    return found;
}

static int usable(const char *label, char *nb, size_t cap, const char **name)
{
    *name = iconv_name(label, nb, cap);
    if (!*name) return 1;                       /* UTF-8 */
    if (*name != nb) return 1;                  /* from our table: glibc has them all */
    iconv_t cd = iconv_open("UTF-8", *name);
    if (cd == (iconv_t)-1) return 0;
    iconv_close(cd);
    return 1;
}

/* 7-bit encodings that look like plain ASCII to a byte check. */
static int seven_bit(const char *name)
{
    return name && (!strncmp(name, "ISO-2022", 8) || !strcmp(name, "HZ-GB-2312") || !strcmp(name, "UTF-7"));
}

/* Decide the charset label of the input (NULL = UTF-8) and how many BOM
 * bytes to skip.  Order: BOM; then the bytes themselves when they are valid
 * UTF-8 with non-ASCII characters (legacy text essentially never is, while
 * stale "iso-8859-1" labels on UTF-8 pages are common, and reading UTF-8 as
 * latin1 garbles every accented name); then the HTTP hint; then the page's
 * own declaration; then windows-1252, the web's default for undeclared bytes.
 * The <meta> prescan parses only the first 4 KB, and only when needed. */
static const char *detect_charset(const char *s, size_t n, const char *hint, char *buf,
                                  size_t cap, size_t *skip)
{
    const unsigned char *u = (const unsigned char *)s;
    *skip = 0;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) { *skip = 3; return NULL; }
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) { *skip = 2; return "UTF-16LE"; }
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) { *skip = 2; return "UTF-16BE"; }

    char nb[64];
    const char *name = NULL, *hlabel = hint ? charset_param(hint) : NULL;
    if (hlabel && !usable(hlabel, nb, sizeof nb, &name)) hlabel = NULL;
    if (hlabel && name && (!strncmp(name, "UTF-16", 6) || !strncmp(name, "UTF-32", 6))) {
        snprintf(buf, cap, "%s", hlabel);
        return buf;
    }
    size_t bad, multi;
    utf8_census(s, n, &bad, &multi);
    if (!bad) {
        if (multi) return NULL;
        /* pure ASCII: only a 7-bit encoding changes anything */
        if (hlabel && seven_bit(name)) { snprintf(buf, cap, "%s", hlabel); return buf; }
        size_t pre = n < 4096 ? n : 4096;
        if ((find_bytes(s, pre, "2022", 4) || find_bytes(s, pre, "utf-7", 5) ||
             find_bytes(s, pre, "UTF-7", 5) || find_bytes(s, pre, "hz-gb", 5)) &&
            prescan(s, pre, buf, cap) && usable(buf, nb, sizeof nb, &name) && seven_bit(name))
            return buf;
        return NULL;
    }
    int declared_utf8 = 0;
    if (hlabel) {
        if (name) { snprintf(buf, cap, "%s", hlabel); return buf; }
        declared_utf8 = 1;
    } else if (prescan(s, n < 4096 ? n : 4096, buf, cap) && usable(buf, nb, sizeof nb, &name)) {
        /* a page that reached us as bytes cannot be UTF-16 (spec rule) */
        if (name && strncmp(name, "UTF-16", 6) && strncmp(name, "UTF-32", 6)) return buf;
        declared_utf8 = 1;
    }
    /* broken UTF-8: repair it if it is mostly UTF-8, else it is latin1 */
    if (declared_utf8 ? multi > 0 : multi >= 4 * bad) return NULL;
    return "windows-1252";
}

/* ------------------------------------------------------------ raw text */

static int ci_at(const char *s, size_t n, size_t i, const char *w)
{
    for (size_t k = 0; w[k]; k++)
        if (i + k >= n || lc((unsigned char)s[i + k]) != w[k]) return 0;
    return 1;
}

static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Index just past the '>' closing a tag whose name ends at i; n if the tag
 * never closes.  This follows the tokenizer's attribute states: only a
 * quote right after "name=" opens a quoted value (so "<a =\">" is an
 * attribute named =", not a value), quotes elsewhere are plain text.
 * *cut receives where attribute number HTML_MAX_ATTRS + 1 starts, n if
 * the tag has no more than that. */
static size_t tag_close_counting(const char *s, size_t n, size_t i, size_t *cut)
{
    enum { BEFORE_NAME, NAME, AFTER_NAME, BEFORE_VALUE, UNQUOTED } st = BEFORE_NAME;
    size_t attrs = 0;
    *cut = n;
    while (i < n) {
        char c = s[i];
        switch (st) {
        case BEFORE_NAME:
            if (c == '>') return i + 1;
            if (!is_space(c) && c != '/') {                /* even '=' starts a name here */
                st = NAME;
                if (++attrs == HTML_MAX_ATTRS + 1) *cut = i;
            }
            i++;
            break;
        case NAME:
            if (c == '>') return i + 1;
            if (is_space(c)) st = AFTER_NAME;
            else if (c == '/') st = BEFORE_NAME;
            else if (c == '=') st = BEFORE_VALUE;
            i++;
            break;
        case AFTER_NAME:
            if (c == '>') return i + 1;
            if (c == '=') st = BEFORE_VALUE;
            else if (c == '/') st = BEFORE_NAME;
            else if (!is_space(c)) {
                st = NAME;
                if (++attrs == HTML_MAX_ATTRS + 1) *cut = i;
            }
            i++;
            break;
        case BEFORE_VALUE:
            if (is_space(c)) { i++; break; }
            if (c == '>') return i + 1;
            if (c == '"' || c == '\'') {
                const char *q = memchr(s + i + 1, c, n - i - 1);
                if (!q) return n;
                i = (size_t)(q - s) + 1;
                st = BEFORE_NAME;
                break;
            }
            st = UNQUOTED;
            i++;
            break;
        case UNQUOTED:
            if (c == '>') return i + 1;
            if (is_space(c)) st = BEFORE_NAME;
            i++;
            break;
        }
    }
    return n;
}

static size_t tag_close(const char *s, size_t n, size_t i)
{
    size_t cut;
    return tag_close_counting(s, n, i, &cut);
}

/* tag_close for the pass that prepares the page: attributes past the
 * HTML_MAX_ATTRS-th become spaces, because Gumbo checks each attribute
 * against all earlier ones of its tag (100,000 distinct attributes took
 * 112 s); no real tag comes near the bound. */
static size_t tag_close_bounded(char *s, size_t n, size_t i)
{
    size_t cut, close = tag_close_counting(s, n, i, &cut);
    if (cut < close) {
        size_t end = close <= n && s[close - 1] == '>' ? close - 1 : close;
        memset(s + cut, ' ', end - cut);
    }
    return close;
}

/* Start of the "</name" (followed by space, '/' or '>') that ends a raw
 * text element whose content starts at i; n if none. */
static size_t raw_end(const char *s, size_t n, size_t i, const char *name)
{
    size_t nl = strlen(name);
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt) return n;
        i = (size_t)(lt - s);
        if (i + 2 + nl < n && s[i + 1] == '/' && ci_at(s, n, i + 2, name)) {
            char c = s[i + 2 + nl];
            if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return i;
        }
        i++;
    }
    return n;
}

/* Elements that never nest on the open-element stack: void ones and those a
 * sibling closes implicitly (an unclosed <p> or <li> costs nothing). */
static int flat_tag(const char *n)
{
    /* by first letter: this runs for every tag of every page, and a walk
     * over the whole list with strcmp was 4% of `dyad text` on HTML */
#define IS(w) (!strcmp(n, w))
    switch (n[0]) {
    case 'a': return IS("a") || IS("area");
    case 'b': return IS("br") || IS("body") || IS("base") || IS("basefont") || IS("bgsound");
    case 'c': return IS("col") || IS("colgroup") || IS("caption");
    case 'd': return IS("dd") || IS("dt");
    case 'e': return IS("embed");
    case 'f': return IS("frame");
    case 'h': return IS("hr") || IS("html") || IS("head");
    case 'i': return IS("img") || IS("input") || IS("image");
    case 'k': return IS("keygen");
    case 'l': return IS("li") || IS("link");
    case 'm': return IS("meta");
    case 'o': return IS("option") || IS("optgroup");
    case 'p': return IS("p") || IS("param");
    case 'r': return IS("rp") || IS("rt");
    case 's': return IS("source");
    case 't': return IS("td") || IS("tr") || IS("th") || IS("tbody") || IS("thead") || IS("tfoot") || IS("track");
    case 'w': return IS("wbr");
    default: return 0;
    }
#undef IS
}

/* Deepest running excess of start over end tags.  Gumbo's scope checks walk
 * the whole open-element stack for every tag, so parse time grows with the
 * square of the depth (about 30 s for 100,000 unclosed <div>s): pages that
 * deep are refused.  A rough count is enough; scripts are already gone. */
static long nesting_depth(const char *s, size_t n)
{
    long depth = 0, max = 0;
    const char *p = s, *e = s + n;
    while ((p = memchr(p, '<', (size_t)(e - p)))) {
        p++;
        int end = p < e && *p == '/';
        if (end) p++;
        if (p >= e || !is_alpha((unsigned char)*p)) continue;
        char name[12];
        size_t k = 0;
        while (p < e && k < sizeof name - 1 && (is_alpha((unsigned char)*p) || (*p >= '0' && *p <= '9')))
            name[k++] = (char)lc((unsigned char)*p++);
        name[k] = 0;
        if (flat_tag(name)) continue;
        if (!end) {
            /* <div/> does not self-close in HTML, so it still counts */
            if (++depth > max) max = depth;
        } else if (depth > 0) {
            depth--;
        }
    }
    return max;
}

/* Input with C0 control bytes in it is not a text document. */
static int looks_binary(const char *s, size_t n)
{
    size_t lim = n < 65536 ? n : 65536, ctl = 0;
    for (size_t i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ctl++;
    }
    return ctl > 8 && ctl * 200 > lim;
}

/* Is the content [a, n) of an <svg> or <math> plain, well-formed markup
 * that Gumbo reads as one foreign element up to the "</svg" at n, so that
 * dropping it cannot change the rest of the tree?  Every '<' must open a
 * tag that closes before n with no other '<' in it; start and end tags must
 * nest exactly; no tag may be an HTML name that would take the parser out
 * of SVG (<p>, <div>, the end tags </p> and </br> ...) or into something
 * else (<svg>, foreignObject, <math>, comments, CDATA, tags inside <title>
 * or <desc>). */
static int foreign_plain(const char *s, size_t a, size_t n)
{
    static const char *const out[] = {"b", "big", "blockquote", "body", "br", "center", "code", "dd",
        "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img",
        "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font", "svg",
        "foreignobject", "math", "script", "style", "a", "annotation-xml", NULL};
    char stack[32][16];
    int depth = 0;
    for (const char *q = memchr(s + a, '<', n - a); q; q = memchr(q, '<', (size_t)(s + n - q))) {
        size_t i = (size_t)(q - s), j = i + 1;
        int end_tag = j < n && s[j] == '/';
        if (end_tag) j++;
        if (j >= n || !is_alpha((unsigned char)s[j])) return 0;
        char name[16];
        size_t k = 0;
        while (j < n && !is_space(s[j]) && s[j] != '/' && s[j] != '>') {
            if (k < sizeof name - 1) name[k] = (char)lc((unsigned char)s[j]);
            k++;
            j++;
        }
        if (k >= sizeof name) return 0;
        name[k] = 0;
        size_t close = tag_close(s, n, j);
        if (close > n || s[close - 1] != '>' || memchr(s + i + 1, '<', close - i - 1)) return 0;
        if (end_tag) {
            if (!depth || strcmp(stack[depth - 1], name)) return 0;
            depth--;
        } else {
            for (int t = 0; out[t]; t++) if (!strcmp(name, out[t])) return 0;
            if (depth && (!strcmp(stack[depth - 1], "title") || !strcmp(stack[depth - 1], "desc"))) return 0;
            if (s[close - 2] != '/') {               /* not self-closing: it nests */
                if (depth == 32) return 0;
                memcpy(stack[depth++], name, k + 1);
            }
        }
        q = s + close;
    }
    return depth == 0;
}

/*
 * Gumbo 0.10.1 aborts the process (failed asserts in its tree builder) on
 * some SVG/MathML ("foreign content") inside tables and selects, e.g.
 * "<table><svg><title><![CDATA[x]]>y" or "<table><svg><select><title>
 * <select><td>".  So Gumbo never sees foreign content: every "<svg",
 * "</svg", "<math" and "</math" followed by a tag delimiter is renamed in
 * place, whatever the context, to <rtc> (padded with a space for math).
 * rtc is a real HTML element that nobody uses outside ruby annotations, so
 * Gumbo closes it properly at its end tag, popping the unknown elements
 * (g, path ...) inside; it does not close an open <p>; and it is no
 * formatting element.  (An unknown name would not do: Gumbo 0.10 matches
 * unknown end tags to whatever unknown element is innermost.)  A
 * self-closing <svg/> or <math/> becomes the void <img>, which cannot
 * swallow what follows.  Elsewhere - in scripts, comments, attribute
 * values - the rename only changes text nobody reads.  CDATA sections exist
 * only in foreign content, but "<![CDATA[" is also turned into the bogus
 * comment "<!-CDATA[" (the same tree in HTML content) in case one slips
 * through.  html_score.c hides the text of <rtc> the way SVG text was.
 */
static void defuse_foreign(char *s, size_t n)
{
    for (char *p = memchr(s, '<', n); p; p = memchr(p, '<', n - (size_t)(p - s))) {
        size_t i = (size_t)(p - s) + 1;
        int end = i < n && s[i] == '/';
        if (end) i++;
        size_t k = ci_at(s, n, i, "svg") ? 3 : ci_at(s, n, i, "math") ? 4 : 0;
        if (k && (i + k == n || is_space(s[i + k]) || s[i + k] == '/' || s[i + k] == '>')) {
            size_t close = tag_close(s, n, i + k);
            int self = !end && close <= n && close >= 2 && s[close - 1] == '>' && s[close - 2] == '/';
            memcpy(s + i, self ? "img " : "rtc ", k);
        } else if (!end && ci_at(s, n, i - 1, "<![cdata[")) {
            s[i + 1] = '-';                        /* "<![" -> "<!-" */
        }
        p = s + i;
    }
}

/* Start of the "</script" that ends a script whose content starts at i, or
 * n.  This is the tokenizer's script data state machine: after "<!--" a
 * "<script" opens a double-escaped section in which "</script>" does not
 * end the script, and "-->" returns to plain script data. */
static size_t script_end(const char *s, size_t n, size_t i)
{
    enum { DATA, ESC, DESC } st = DATA;
    int dashes = 0;            /* consecutive '-' just seen in ESC/DESC */
    while (i < n) {
        char c = s[i];
        if (c == '<') {
            int delim_end = i + 8 <= n && ci_at(s, n, i, "</script") &&
                            (i + 8 == n || is_space(s[i + 8]) || s[i + 8] == '/' || s[i + 8] == '>');
            if (st != DESC && delim_end) return i;
            if (st == DESC && delim_end) { st = ESC; i += 8; dashes = 0; continue; }
            if (st == DATA && ci_at(s, n, i, "<!--")) { st = ESC; i += 4; dashes = 2; continue; }
            if (st == ESC && i + 7 <= n && ci_at(s, n, i, "<script") &&
                (i + 7 == n || is_space(s[i + 7]) || s[i + 7] == '/' || s[i + 7] == '>')) {
                st = DESC;
                i += 7;
                dashes = 0;
                continue;
            }
            dashes = 0;
        } else if (c == '-') {
            dashes++;
        } else {
            if (c == '>' && dashes >= 2 && st != DATA) st = DATA;
            dashes = 0;
        }
        i++;
    }
    return n;
}

/* Move the kept run [keep, pos) down to the write position. */
static void keep_run(char *s, size_t *w, size_t keep, size_t pos)
{
    if (*w != keep) memmove(s + *w, s + keep, pos - keep);
    *w += pos - keep;
}

/*
 * Drop the contents of <script> (except JSON-LD), <style>, plain inline
 * <svg> and comments before Gumbo sees the page.  News pages are mostly
 * inline JavaScript and JSON state by size, and Gumbo tokenizes those byte
 * by byte just as slowly as text, for nothing: we never read them.  This is
 * not a parser: it follows just the HTML5 tokenizer states that decide where
 * such an element starts and ends (comments, bogus comments, quoted
 * attribute values, the script escape states, the RCDATA and RAWTEXT
 * elements), keeps every tag, and stops at a construct that runs to the end
 * of the input (nothing after it is markup).  SVG is dropped only when it is
 * plain markup (see foreign_plain); the pass after this one turns what is
 * left of it into HTML (defuse_foreign).  Returns the new length; s is
 * compacted in place.
 */
static size_t elide_raw_text(char *s, size_t n)
{
    size_t r = 0, w = 0;          /* read and write positions */
    size_t keep = 0;              /* start of the pending kept run */
    /* Inside <select> the tree builder ignores <style>, <title>, <xmp> ...
     * start tags, so the tokenizer does not switch to raw text for them. */
    int in_select = 0;
    while (r < n) {
        const char *lt = memchr(s + r, '<', n - r);
        if (!lt) break;
        size_t i = (size_t)(lt - s);
        if (i + 1 >= n) break;
        char c = s[i + 1];
        if (c == '!') {
            if (ci_at(s, n, i, "<!--")) {
                if (ci_at(s, n, i, "<!-->")) { r = i + 5; continue; }
                if (ci_at(s, n, i, "<!--->")) { r = i + 6; continue; }
                size_t k = i + 4;
                for (;;) {
                    const char *d = find_bytes(s + k, n - k, "--", 2);
                    if (!d) goto done;
                    k = (size_t)(d - s);
                    if (k + 2 < n && s[k + 2] == '>') { r = k + 3; break; }
                    if (k + 3 < n && s[k + 2] == '!' && s[k + 3] == '>') { r = k + 4; break; }
                    k++;
                }
                /* comments become empty ones: "<!--" + "-->" */
                if (k > i + 4) {
                    keep_run(s, &w, keep, i + 4);
                    keep = k;
                }
                continue;
            }
            /* "<!DOCTYPE ...>", and "<![CDATA[" too outside SVG/MathML, is
             * a bogus comment that ends at the first '>' */
            const char *gt = memchr(s + i, '>', n - i);
            if (!gt) goto done;
            r = (size_t)(gt - s) + 1;
            continue;
        }
        if (c == '?') {
            const char *gt = memchr(s + i, '>', n - i);
            if (!gt) goto done;
            r = (size_t)(gt - s) + 1;
            continue;
        }
        if (c == '/') {
            if (in_select && ci_at(s, n, i, "</select")) in_select = 0;
            if (i + 2 < n && is_alpha((unsigned char)s[i + 2])) r = tag_close_bounded(s, n, i + 2);
            else {
                const char *gt = memchr(s + i, '>', n - i);
                if (!gt) goto done;
                r = (size_t)(gt - s) + 1;
            }
            if (r >= n) goto done;
            continue;
        }
        if (!is_alpha((unsigned char)c)) { r = i + 1; continue; }
        /* a start tag: read its name */
        size_t j = i + 1;
        char name[12];
        size_t nl = 0;
        while (j < n && s[j] != '>' && s[j] != '/' && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' &&
               s[j] != '\r' && s[j] != '\f') {
            if (nl < sizeof name - 1) name[nl] = (char)lc((unsigned char)s[j]);
            nl++;
            j++;
        }
        if (nl >= sizeof name) nl = 0;   /* long names are never special */
        name[nl] = 0;
        size_t body = tag_close_bounded(s, n, j);
        if (body >= n) goto done;
        r = body;
        if (!strcmp(name, "plaintext")) goto done;
        if (!strcmp(name, "select")) { in_select = !in_select; continue; }   /* a nested one closes it */
        if (in_select && (!strcmp(name, "input") || !strcmp(name, "keygen") || !strcmp(name, "textarea")))
            in_select = 0;
        if (in_select && strcmp(name, "script")) continue;
        if (!strcmp(name, "script")) {
            size_t end = script_end(s, n, body);
            if (end >= n) goto done;
            int ld = 0;
            for (size_t k = j; k + 7 <= body && !ld; k++) ld = ci_at(s, body, k, "ld+json");
            if (!ld && end > body) {
                keep_run(s, &w, keep, body);
                keep = end;
            }
            r = end;
            continue;
        }
        if (!strcmp(name, "svg") || !strcmp(name, "math")) {
            /* Inline icons and charts: path data we never read.  Only
             * plain SVG/MathML is dropped (see foreign_plain); anything
             * else - nested, unclosed, HTML tags, comments inside - is left
             * in place and read on as HTML, which it becomes once
             * defuse_foreign has renamed the element. */
            size_t end = raw_end(s, n, body, name);
            if (end < n && foreign_plain(s, body, end)) {
                /* the whole element goes, tags included: an icon inside a
                 * <p> then leaves no trace in the paragraph */
                size_t after = tag_close(s, n, end + 2 + strlen(name));
                if (after >= n && !(after == n && s[n - 1] == '>')) goto done;
                keep_run(s, &w, keep, i);
                keep = after;
                r = after;
            }
            continue;
        }
        static const char *const raw[] = {"style", "textarea", "title", "xmp", "iframe",
                                          "noembed", "noframes", NULL};
        for (int k = 0; raw[k]; k++) {
            if (strcmp(name, raw[k])) continue;
            size_t end = raw_end(s, n, body, raw[k]);
            if (end >= n) goto done;
            if (k == 0 && end > body) {
                keep_run(s, &w, keep, body);
                keep = end;
            }
            r = end;
            break;
        }
    }
done:
    keep_run(s, &w, keep, n);
    s[w] = 0;
    return w;
}

/* ------------------------------------------------------------ metadata */

enum { F_TITLE, F_URL, F_OGURL, F_PUB, F_AUTHOR, F_SITE, F_LANG, F_DESC, F_OGTYPE, F_NFIELDS };

typedef struct {
    char *v[F_NFIELDS];
    int rank[F_NFIELDS];
    const GumboNode *title;            /* <title> */
    const GumboNode *h1[16];
    int nh1;
    const GumboNode *ld[32];           /* application/ld+json scripts */
    int nld;
    const GumboNode *times[16];        /* <time datetime> candidates */
    int ntimes;
    int oom;
} meta;

/* Keep the value with the best (lowest) rank; the first one wins ties. */
static void meta_set(meta *m, int f, int rank, const char *val)
{
    if (!val || (m->v[f] && m->rank[f] <= rank)) return;
    char *c = clean_dup(val);
    if (!c) return;
    free(m->v[f]);
    m->v[f] = c;
    m->rank[f] = rank;
}

static void meta_set_own(meta *m, int f, int rank, char *val)
{
    if (!val) return;
    if (m->v[f] && m->rank[f] <= rank) { free(val); return; }
    free(m->v[f]);
    m->v[f] = val;
    m->rank[f] = rank;
}

static int looks_url(const char *s)
{
    return istarts(s, "http://") || istarts(s, "https://") || istarts(s, "//") || istarts(s, "www.");
}

typedef struct { const char *key; int field, rank; } metakey;

/* <meta> names and properties we use, by field and priority. */
static const metakey meta_keys[] = {
    {"og:title", F_TITLE, 10}, {"headline", F_TITLE, 15}, {"twitter:title", F_TITLE, 12}, {"dc.title", F_TITLE, 16},
    {"citation_title", F_TITLE, 14}, {"sailthru.title", F_TITLE, 17}, {"parsely-title", F_TITLE, 17},
    {"og:url", F_OGURL, 1}, {"twitter:url", F_OGURL, 2},
    {"article:published_time", F_PUB, 1}, {"og:published_time", F_PUB, 2},
    {"og:article:published_time", F_PUB, 2}, {"article:published", F_PUB, 2},
    {"citation_publication_date", F_PUB, 3}, {"citation_date", F_PUB, 3},
    {"citation_online_date", F_PUB, 4}, {"dc.date", F_PUB, 5}, {"dc.date.issued", F_PUB, 5},
    {"dcterms.issued", F_PUB, 5}, {"dcterms.date", F_PUB, 5}, {"dc.date.created", F_PUB, 6},
    {"dcterms.created", F_PUB, 6}, {"datepublished", F_PUB, 7}, {"pubdate", F_PUB, 9},
    {"publishdate", F_PUB, 9}, {"publish-date", F_PUB, 9}, {"publish_date", F_PUB, 9},
    {"published_time", F_PUB, 9}, {"publication_date", F_PUB, 9}, {"sailthru.date", F_PUB, 9},
    {"parsely-pub-date", F_PUB, 9}, {"article.published", F_PUB, 9}, {"original-publish-date", F_PUB, 9},
    {"date", F_PUB, 10}, {"dc.date.published", F_PUB, 5}, {"release_date", F_PUB, 10},
    {"author", F_AUTHOR, 1}, {"article:author", F_AUTHOR, 2}, {"dc.creator", F_AUTHOR, 4},
    {"dcterms.creator", F_AUTHOR, 4}, {"parsely-author", F_AUTHOR, 5}, {"sailthru.author", F_AUTHOR, 5},
    {"byl", F_AUTHOR, 6},
    {"og:site_name", F_SITE, 0}, {"application-name", F_SITE, 2}, {"al:ios:app_name", F_SITE, 3},
    {"og:locale", F_LANG, 1}, {"content-language", F_LANG, 2}, {"dc.language", F_LANG, 3},
    {"language", F_LANG, 3},
    {"og:description", F_DESC, 0}, {"description", F_DESC, 1}, {"twitter:description", F_DESC, 2},
    {"dc.description", F_DESC, 3},
    {"og:type", F_OGTYPE, 0},
};

static const char *gattr(const GumboElement *e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
    return a ? a->value : NULL;
}

static void meta_tag(meta *m, const GumboElement *e)
{
    const char *content = gattr(e, "content");
    if (!content) return;
    const char *keys[4] = {gattr(e, "property"), gattr(e, "name"), gattr(e, "itemprop"),
                           gattr(e, "http-equiv")};
    for (int k = 0; k < 4; k++) {
        if (!keys[k]) continue;
        if (ieq(keys[k], "citation_author")) {
            /* one tag per author: join them */
            if (m->v[F_AUTHOR] && m->rank[F_AUTHOR] == 3) {
                size_t a = strlen(m->v[F_AUTHOR]), b = strlen(content);
                char *j = malloc(a + b + 3);
                if (!j) { m->oom = 1; return; }
                memcpy(j, m->v[F_AUTHOR], a);
                memcpy(j + a, ", ", 2);
                memcpy(j + a + 2, content, b + 1);
                char *c = clean_dup(j);
                free(j);
                if (c) { free(m->v[F_AUTHOR]); m->v[F_AUTHOR] = c; }
            } else {
                meta_set(m, F_AUTHOR, 3, content);
            }
            continue;
        }
        for (size_t i = 0; i < sizeof meta_keys / sizeof *meta_keys; i++) {
            if (!ieq(keys[k], meta_keys[i].key)) continue;
            int f = meta_keys[i].field;
            if (f == F_AUTHOR && looks_url(content)) break;
            /* itemprop on <meta> is microdata: rank it below explicit metas */
            int rank = meta_keys[i].rank;
            meta_set(m, f, rank, content);
            break;
        }
    }
}

/* Does the element's class/id mention a byline? */
static int is_byline(const GumboElement *e)
{
    const char *c = gattr(e, "class");
    if (c && (istrstr(c, "byline") || istrstr(c, "author-name") || istrstr(c, "authorname"))) return 1;
    const char *r = gattr(e, "rel");
    return r && ieq(r, "author");
}

static char *strip_by(char *s)
{
    if (!s) return NULL;
    if (istarts(s, "by ")) memmove(s, s + 3, strlen(s + 3) + 1);
    if (!*s || strlen(s) > 120) { free(s); return NULL; }
    return s;
}

enum { CX_ARTICLE = 1, CX_HEADER = 2 };

typedef struct { const GumboNode *node; unsigned idx; unsigned cx; } mframe;

/* One walk over the whole document collecting metadata. */
static void collect_meta(meta *m, const GumboOutput *g)
{
    const GumboNode *root = g->root;
    if (!root || root->type != GUMBO_NODE_ELEMENT) return;
    const char *lang = gattr(&root->v.element, "lang");
    if (!lang) lang = gattr(&root->v.element, "xml:lang");
    meta_set(m, F_LANG, 0, lang);

    size_t cap = 64, sp = 0;
    mframe *st = malloc(cap * sizeof *st);
    if (!st) { m->oom = 1; return; }
    st[sp++] = (mframe){root, 0, 0};
    while (sp) {
        mframe *top = &st[sp - 1];
        const GumboVector *kids = &top->node->v.element.children;
        if (top->idx >= kids->length) { sp--; continue; }
        const GumboNode *c = kids->data[top->idx++];
        unsigned cx = top->cx;
        if (c->type != GUMBO_NODE_ELEMENT) continue;
        const GumboElement *e = &c->v.element;
        if (e->tag_namespace != GUMBO_NAMESPACE_HTML) continue;
        /* renamed <svg>/<math> (see defuse_foreign): an icon's <title> is
         * not the page's */
        if (e->tag == GUMBO_TAG_RTC) continue;
        switch (e->tag) {
        case GUMBO_TAG_META:
            meta_tag(m, e);
            continue;
        case GUMBO_TAG_LINK: {
            const char *rel = gattr(e, "rel"), *href = gattr(e, "href");
            if (rel && href && ieq(rel, "canonical")) meta_set(m, F_URL, 0, href);
            continue;
        }
        case GUMBO_TAG_TITLE:
            if (!m->title) m->title = c;
            continue;
        case GUMBO_TAG_SCRIPT: {
            const char *t = gattr(e, "type");
            if (t && istarts(t, "application/ld+json") && m->nld < 32) m->ld[m->nld++] = c;
            continue;
        }
        case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NOSCRIPT:
            continue;
        case GUMBO_TAG_H1:
            if (m->nh1 < 16) m->h1[m->nh1++] = c;
            break;
        case GUMBO_TAG_ARTICLE:
            cx |= CX_ARTICLE;
            break;
        case GUMBO_TAG_HEADER:
            cx |= CX_HEADER;
            break;
        case GUMBO_TAG_TIME:
            /* judged later, once we know where the story is */
            if (gattr(e, "datetime") && (cx || gattr(e, "pubdate")) && m->ntimes < 16)
                m->times[m->ntimes++] = c;
            break;
        default:
            break;
        }
        const char *ip = gattr(e, "itemprop");
        if (ip) {
            if (ieq(ip, "headline")) {
                if (!m->v[F_TITLE] || m->rank[F_TITLE] > 15) meta_set_own(m, F_TITLE, 15, html_node_text(c));
            } else if (ieq(ip, "datePublished")) {
                const char *v = gattr(e, "datetime");
                if (!v) v = gattr(e, "content");
                if (v) meta_set(m, F_PUB, 7, v);
                else if (!m->v[F_PUB] || m->rank[F_PUB] > 7) meta_set_own(m, F_PUB, 7, html_node_text(c));
            } else if (ieq(ip, "author") || ieq(ip, "creator")) {
                /* the name is either a nested itemprop=name or the text */
                const char *v = gattr(e, "content");
                if (v) meta_set(m, F_AUTHOR, 6, v);
                else if (!m->v[F_AUTHOR] || m->rank[F_AUTHOR] > 6)
                    meta_set_own(m, F_AUTHOR, 6, strip_by(html_node_text(c)));
            }
        }
        if ((!m->v[F_AUTHOR] || m->rank[F_AUTHOR] > 8) && is_byline(e))
            meta_set_own(m, F_AUTHOR, 8, strip_by(html_node_text(c)));
        if (e->children.length) {
            if (sp == cap) {
                mframe *ns = realloc(st, cap * 2 * sizeof *st);
                if (!ns) { m->oom = 1; break; }
                st = ns;
                cap *= 2;
            }
            st[sp++] = (mframe){c, 0, cx};
        }
    }
    free(st);
}

/* ------------------------------------------------------------ JSON-LD */

/* Make the messy JSON found in real pages acceptable to jansson: cut
 * wrappers (HTML comments, CDATA) outside the outermost brackets, escape
 * raw control characters inside strings (raw newlines in articleBody are
 * common), and drop trailing commas. */
static char *json_repair(const char *s, size_t n, size_t *outlen)
{
    size_t a = 0, z = n;
    /* skip a "//<![CDATA[" wrapper (seen here as "<!-CDATA[", see
     * defuse_cdata), then take the first '{', or a '[' that opens a real
     * array */
    const char *cd = find_bytes(s, n < 64 ? n : 64, "CDATA[", 6);
    if (cd) a = (size_t)(cd - s) + 6;
    for (; a < n; a++) {
        if (s[a] == '{') break;
        if (s[a] != '[') continue;
        size_t k = a + 1;
        while (k < n && (s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '\t')) k++;
        if (k < n && (s[k] == '{' || s[k] == '[' || s[k] == '"' || s[k] == ']')) break;
    }
    while (z > a && s[z - 1] != '}' && s[z - 1] != ']') z--;
    if (z <= a) return NULL;
    html_buf b = {0};
    int in_str = 0, esc = 0;
    size_t run = a;
    for (size_t i = a; i < z; i++) {
        unsigned char c = (unsigned char)s[i];
        if (in_str) {
            if (esc) { esc = 0; continue; }
            if (c == '\\') { esc = 1; continue; }
            if (c == '"') { in_str = 0; continue; }
            if (c < 0x20) {
                html_buf_put(&b, s + run, i - run);
                html_buf_put(&b, c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "" : " ",
                             c == '\n' || c == '\t' ? 2 : c == '\r' ? 0 : 1);
                run = i + 1;
            }
            continue;
        }
        if (c == '"') { in_str = 1; continue; }
        if (c == ',') {
            size_t j = i + 1;
            while (j < z && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t')) j++;
            if (j < z && (s[j] == '}' || s[j] == ']')) {
                html_buf_put(&b, s + run, i - run);
                run = i + 1;
            }
        }
    }
    html_buf_put(&b, s + run, z - run);
    if (b.oom) { free(b.s); return NULL; }
    *outlen = b.len;
    return b.s;
}

static const char *const article_types[] = {
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle",
    "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle",
    "SatiricalArticle", "Blog", NULL};

/* "https://schema.org/NewsArticle" and "schema:NewsArticle" name the type too. */
static int type_is(const char *t, const char *want)
{
    const char *s = strrchr(t, '/');
    const char *c = strrchr(t, ':');
    if (c && (!s || c > s)) s = c;
    return ieq(s ? s + 1 : t, want);
}

static int json_type_in(json_t *o, const char *const *types)
{
    json_t *t = json_object_get(o, "@type");
    if (!t) t = json_object_get(o, "type");
    for (size_t i = 0; t && i < (json_is_array(t) ? json_array_size(t) : 1); i++) {
        json_t *v = json_is_array(t) ? json_array_get(t, i) : t;
        if (!json_is_string(v)) continue;
        for (int k = 0; types[k]; k++)
            if (type_is(json_string_value(v), types[k])) return k + 1;
    }
    return 0;
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_array(v)) v = json_array_get(v, 0);
    return json_is_string(v) && *json_string_value(v) ? json_string_value(v) : NULL;
}

typedef struct {
    json_t *best;      /* borrowed from one of roots[] */
    double best_score;
    json_t *roots[32];
    int nroots;
    const char *site;  /* WebSite / Organization name, a fallback */
} ldstate;

static void ld_visit(ldstate *st, json_t *v, int depth, int in_list)
{
    if (depth > 10 || !v) return;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) ld_visit(st, json_array_get(v, i), depth + 1, in_list);
        return;
    }
    if (!json_is_object(v)) return;
    static const char *const site_types[] = {"WebSite", "NewsMediaOrganization", "Organization", NULL};
    if (json_type_in(v, article_types)) {
        /* articles listed in an ItemList are other pages' teasers */
        double s = (jstr(v, "articleBody") ? 8 : 0) + (jstr(v, "headline") ? 2 : 0) +
                   (jstr(v, "datePublished") ? 1 : 0) + (json_object_get(v, "liveBlogUpdate") ? 4 : 0) -
                   depth * 0.25;
        if (!in_list && (!st->best || s > st->best_score)) { st->best = v; st->best_score = s; }
    } else if (!st->site && json_type_in(v, site_types) && depth <= 2) {
        st->site = jstr(v, "name");
    }
    const char *key;
    json_t *val;
    json_object_foreach(v, key, val) {
        if (!json_is_object(val) && !json_is_array(val)) continue;
        /* liveBlogUpdate entries are parts of the blog, not rival articles */
        if (!strcmp(key, "liveBlogUpdate")) continue;
        int list = in_list || !strcmp(key, "itemListElement") || !strcmp(key, "relatedLink") ||
                   !strcmp(key, "citation") || !strcmp(key, "isPartOf");
        ld_visit(st, val, depth + 1, list);
    }
}

static void ld_load(ldstate *st, const char *text, size_t n)
{
    size_t rl = 0;
    char *fixed = json_repair(text, n, &rl);
    if (!fixed) return;
    size_t off = 0;
    while (off < rl && st->nroots < 32) {
        while (off < rl && (fixed[off] == ' ' || fixed[off] == '\n' || fixed[off] == '\t' ||
                            fixed[off] == '\r' || fixed[off] == ',' || fixed[off] == ';'))
            off++;
        if (off >= rl) break;
        json_error_t je;
        json_t *j = json_loadb(fixed + off, rl - off, JSON_DISABLE_EOF_CHECK, &je);
        if (!j || je.position <= 0) { json_decref(j); break; }
        off += (size_t)je.position;
        st->roots[st->nroots++] = j;
        ld_visit(st, j, 0, 0);
    }
    free(fixed);
}

/* Decode character references in a string that came out of JSON (publishers
 * often HTML-escape JSON-LD values).  Gumbo does it for us: in <title> the
 * tokenizer decodes references but builds no tags. */
static void put_cp(html_buf *b, unsigned long cp)
{
    /* HTML maps these C1 references to windows-1252 characters */
    static const unsigned short c1[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    if (cp >= 0x80 && cp < 0xA0) cp = c1[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD;
    char o[4];
    size_t k;
    if (cp < 0x80) { o[0] = (char)cp; k = 1; }
    else if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 63)); k = 2; }
    else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 63));
        o[2] = (char)(0x80 | (cp & 63)); k = 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 63));
        o[2] = (char)(0x80 | ((cp >> 6) & 63)); o[3] = (char)(0x80 | (cp & 63)); k = 4;
    }
    html_buf_put(b, o, k);
}

/* The references publishers put in JSON-LD, decoded without a parser.
 * Returns 0 and leaves the rest to Gumbo when it meets any other name. */
static int decode_common_refs(const char *s, html_buf *b)
{
    static const struct { const char *name; unsigned short cp; } names[] = {
        {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''},
        {"nbsp;", 0xA0}, {"rsquo;", 0x2019}, {"lsquo;", 0x2018}, {"rdquo;", 0x201D},
        {"ldquo;", 0x201C}, {"ndash;", 0x2013}, {"mdash;", 0x2014}, {"hellip;", 0x2026},
        {"eacute;", 0xE9}, {"aacute;", 0xE1}, {"oacute;", 0xF3}, {"iacute;", 0xED},
        {"uacute;", 0xFA}, {"ntilde;", 0xF1}, {"ccedil;", 0xE7}, {"euro;", 0x20AC},
    };
    const char *run = s, *p = s;
    while ((p = strchr(p, '&'))) {
        html_buf_put(b, run, (size_t)(p - run));
        const char *q = p + 1;
        if (*q == '#') {
            int hex = q[1] == 'x' || q[1] == 'X';
            q += hex ? 2 : 1;
            unsigned long cp = 0;
            int digits = 0;
            for (;; q++, digits++) {
                int d = *q >= '0' && *q <= '9' ? *q - '0'
                      : hex && *q >= 'a' && *q <= 'f' ? *q - 'a' + 10
                      : hex && *q >= 'A' && *q <= 'F' ? *q - 'A' + 10 : -1;
                if (d < 0) break;
                if (cp < 0x110000) cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            }
            if (!digits) return 0;
            if (*q == ';') q++;
            put_cp(b, cp);
        } else {
            size_t k = 0, cnt = sizeof names / sizeof *names;
            for (; k < cnt; k++)
                if (!strncmp(q, names[k].name, strlen(names[k].name))) break;
            if (k == cnt) {
                /* "AT&T", "R&D": an ampersand that starts no reference */
                if (!is_alpha((unsigned char)*q)) { html_buf_put(b, "&", 1); run = p = q; continue; }
                return 0;
            }
            put_cp(b, names[k].cp);
            q += strlen(names[k].name);
        }
        run = p = q;
    }
    html_buf_put(b, run, strlen(run));
    return !b->oom;
}

static char *decode_refs(const char *s)
{
    if (!strchr(s, '&')) return clean_dup(s);
    {
        html_buf f = {0};
        if (decode_common_refs(s, &f)) {
            char *r = clean_dup(f.s);
            free(f.s);
            return r;
        }
        free(f.s);
    }
    html_buf b = {0};
    html_buf_put(&b, "<title>", 7);
    for (const char *p = s; *p; p++) {
        const char *q = p;
        while (*q && *q != '<') q++;
        html_buf_put(&b, p, (size_t)(q - p));
        if (!*q) break;
        html_buf_put(&b, "&lt;", 4);
        p = q;
    }
    html_buf_put(&b, "</title>", 8);
    if (b.oom) { free(b.s); return NULL; }
    arena a = {0};
    GumboOutput *g = parse(&a, b.s, b.len, NULL);
    char *r = NULL;
    const GumboNode *head = g && g->root->v.element.children.length ? g->root->v.element.children.data[0] : NULL;
    if (head && head->type == GUMBO_NODE_ELEMENT && head->v.element.children.length) {
        const GumboNode *t = head->v.element.children.data[0];
        if (t->type == GUMBO_NODE_ELEMENT && t->v.element.tag == GUMBO_TAG_TITLE)
            r = html_node_text(t);
    }
    arena_release(&a);
    free(b.s);
    return r;
}

/* "Jane Doe", {"name": "Jane Doe"} or a list of them -> "Jane Doe, John Roe". */
static char *ld_author(json_t *v)
{
    html_buf b = {0};
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < n && i < 8; i++) {
        json_t *x = json_is_array(v) ? json_array_get(v, i) : v;
        const char *name = json_is_string(x) ? json_string_value(x) : json_is_object(x) ? jstr(x, "name") : NULL;
        if (!name || looks_url(name)) continue;
        char *d = decode_refs(name);
        if (!d) continue;
        if (!b.s || !find_bytes(b.s, b.len, d, strlen(d))) {
            if (b.len) html_buf_put(&b, ", ", 2);
            html_buf_put(&b, d, strlen(d));
        }
        free(d);
    }
    if (b.oom || !b.len) { free(b.s); return NULL; }
    return b.s;
}

/* Plain-text articleBody -> paragraphs: every line break is a paragraph break. */
static void body_paragraphs(html_buf *out, const char *s)
{
    const char *p = s;
    while (*p) {
        const char *q = p;
        while (*q && *q != '\n' && *q != '\r') q++;
        html_buf line = {0};
        html_buf_put_collapsed(&line, p, (size_t)(q - p));
        while (line.len && line.s[line.len - 1] == ' ') line.len--;
        if (line.len) {
            if (out->len) html_buf_put(out, "\n\n", 2);
            html_buf_put(out, line.s, line.len);
        }
        if (line.oom) out->oom = 1;
        free(line.s);
        p = *q ? q + 1 : q;
    }
}

static int looks_html(const char *s)
{
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        char c = p[1];
        if (c == '/') c = p[2];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (istarts(p, "<p") || istarts(p, "</p") || istarts(p, "<br") || istarts(p, "<div") ||
                istarts(p, "</") || istarts(p, "<h2") || istarts(p, "<li") || istarts(p, "<span") ||
                istarts(p, "<a ") || istarts(p, "<em") || istarts(p, "<strong"))
                return 1;
        }
    }
    return 0;
}

/* articleBody (plain text or HTML) -> our paragraph format. */
static int ld_body_text(const char *raw, html_buf *out)
{
    if (looks_html(raw)) {
        arena a = {0};
        size_t rl = strlen(raw);
        a.copy = malloc(rl + 1);
        if (!a.copy) return -1;
        memcpy(a.copy, raw, rl + 1);
        GumboOutput *g = parse(&a, a.copy, rl, NULL);
        html_scored r;
        int rc = g ? html_render_all(g->root, &r) : -1;
        arena_release(&a);
        if (rc) return -1;
        html_buf_put(out, r.text, strlen(r.text));
        free(r.text);
        return 0;
    }
    char *d = NULL;
    if (strchr(raw, '&')) {
        /* decode_refs collapses whitespace, so line breaks travel through it
         * as U+FFFF (a noncharacter no publisher uses) and come back after */
        html_buf t = {0};
        for (const char *p = raw; *p; p++) {
            if (*p == '\n') html_buf_put(&t, "\xEF\xBF\xBF", 3);
            else html_buf_put(&t, p, 1);
        }
        if (t.oom) { free(t.s); return -1; }
        char *dec = decode_refs(t.s);
        free(t.s);
        if (dec) {
            char *w = dec;
            for (char *p = dec; *p; p++) {
                if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBF && (unsigned char)p[2] == 0xBF) {
                    *w++ = '\n';
                    p += 2;
                } else {
                    *w++ = *p;
                }
            }
            *w = 0;
            d = dec;
            if (looks_html(d)) {       /* it was escaped HTML */
                int rc = ld_body_text(d, out);
                free(d);
                return rc;
            }
        }
    }
    body_paragraphs(out, d ? d : raw);
    free(d);
    return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------ titles */

/* Remove a " | Site" style suffix (or "Site | " prefix) from a page title.
 * With no site name, only <title> suffixes that are short next to the
 * headline are removed; *suffix receives the removed part when asked. */
static void strip_site(char *t, const char *site, int from_title_tag, char **suffix)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                       " \xC2\xB7 ", " // ", " \xC2\xBB ", " \xC2\xAB ", NULL};
    size_t n = strlen(t);
    const char *best = NULL;
    size_t bl = 0;
    for (int i = 0; seps[i]; i++) {
        const char *p = NULL;
        for (const char *q = strstr(t, seps[i]); q; q = strstr(q + 1, seps[i])) p = q;
        if (p && (!best || p > best)) { best = p; bl = strlen(seps[i]); }
    }
    if (best) {
        const char *suf = best + bl;
        int words = 1;
        for (const char *p = suf; *p; p++) words += *p == ' ';
        int strip = (site && ieq(suf, site)) ||
                    (from_title_tag && (size_t)(best - t) >= 10 && strlen(suf) * 10 <= n * 4 && words <= 5);
        if (!strip && !site) {
            /* "example.com" style suffixes are site names too */
            strip = strchr(suf, '.') && !strchr(suf, ' ') && strlen(suf) < 40;
        }
        if (strip) {
            if (suffix && !*suffix) *suffix = clean_dup(suf);
            t[best - t] = 0;
            return;
        }
    }
    /* "Site | Headline" */
    if (site) {
        size_t sl = strlen(site);
        if (n > sl + 3 && istarts(t, site)) {
            for (int i = 0; seps[i]; i++) {
                size_t k = strlen(seps[i]);
                if (!strncmp(t + sl, seps[i], k)) { memmove(t, t + sl + k, n - sl - k + 1); return; }
            }
        }
    }
}

static int has_ancestor(const GumboNode *n, const GumboNode *anc)
{
    for (; n; n = n->parent) if (n == anc) return 1;
    return 0;
}

static int in_article_tag(const GumboNode *n)
{
    for (n = n->parent; n; n = n->parent)
        if (n->type == GUMBO_NODE_ELEMENT &&
            (n->v.element.tag == GUMBO_TAG_ARTICLE || n->v.element.tag == GUMBO_TAG_MAIN))
            return 1;
    return 0;
}

/* The <h1> that is the article's headline, if one can be told apart. */
static char *pick_h1(const meta *m, const GumboNode *container, const char *title_tag)
{
    int pick = -1;
    for (int i = 0; i < m->nh1 && pick < 0; i++)
        if (container && has_ancestor(m->h1[i], container->parent)) pick = i;
    for (int i = 0; i < m->nh1 && pick < 0; i++)
        if (in_article_tag(m->h1[i])) pick = i;
    if (pick < 0 && m->nh1 == 1) pick = 0;
    if (pick >= 0) return html_node_text(m->h1[pick]);
    for (int i = 0; i < m->nh1 && title_tag; i++) {
        char *t = html_node_text(m->h1[i]);
        if (t && strlen(t) > 10 && strstr(title_tag, t)) return t;
        free(t);
    }
    return NULL;
}

/* The publication <time>: marked pubdate, or outside the story body and
 * either in a <header> or in the <article> that holds the story.  Times in
 * teaser cards, comments and live-blog posts do not qualify. */
static void pick_time(meta *m, const GumboNode *container)
{
    for (int i = 0; i < m->ntimes; i++) {
        const GumboNode *t = m->times[i];
        const GumboElement *e = &t->v.element;
        int ok = gattr(e, "pubdate") != NULL;
        if (!ok && (!container || !has_ancestor(t, container))) {
            for (const GumboNode *a = t->parent; a && a->type == GUMBO_NODE_ELEMENT && !ok; a = a->parent) {
                GumboTag tag = a->v.element.tag;
                if (tag == GUMBO_TAG_HEADER) ok = 1;
                else if (tag == GUMBO_TAG_ARTICLE) { ok = container && has_ancestor(container, a); break; }
            }
        }
        if (ok) { meta_set(m, F_PUB, 8, gattr(e, "datetime")); return; }
    }
}

/* Drop a paragraph among the first three that only repeats the headline. */
static void drop_title_para(char *text, const char *title)
{
    if (!text || !title || !*title) return;
    size_t tl = strlen(title);
    char *p = text;
    for (int k = 0; k < 3 && *p; k++) {
        char *q = strstr(p, "\n\n");
        size_t n = q ? (size_t)(q - p) : strlen(p);
        int same = n == tl;
        for (size_t i = 0; same && i < n; i++) same = lc((unsigned char)p[i]) == lc((unsigned char)title[i]);
        if (same) {
            char *from = q ? q + 2 : p + n;
            if (!q && p > text) p -= 2;     /* last paragraph: eat the separator before it */
            memmove(p, from, strlen(from) + 1);
            return;
        }
        if (!q) return;
        p = q + 2;
    }
}

/* ------------------------------------------------------------ assembly */

/* Keep the scored paragraphs that articleBody confirms: articleBody gives the
 * precise text, the page gives the paragraph breaks it has lost. */
static char *align_with_body(const char *scored, const char *body, size_t body_chars)
{
    html_buf out = {0};
    size_t bl = strlen(body), matched = 0;
    const char *p = scored;
    while (*p) {
        const char *q = strstr(p, "\n\n");
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n >= 20 && find_bytes(body, bl, p, n)) {
            if (out.len) html_buf_put(&out, "\n\n", 2);
            html_buf_put(&out, p, n);
            matched += html_utf8_chars(p, n);
        }
        p = q ? q + 2 : p + n;
    }
    if (out.oom || matched * 10 < body_chars * 8) { free(out.s); return NULL; }
    return out.s;
}

void html_article_free(html_article *a)
{
    if (!a) return;
    free(a->title);
    free(a->text);
    free(a->url);
    free(a->published);
    free(a->author);
    free(a->site_name);
    free(a->lang);
    free(a->description);
    memset(a, 0, sizeof *a);
    a->method = "none";
}

static void meta_free(meta *m)
{
    for (int i = 0; i < F_NFIELDS; i++) free(m->v[i]);
}

static char *take(meta *m, int f)
{
    char *v = m->v[f];
    m->v[f] = NULL;
    return v;
}

int html_extract(const char *html, size_t len, const char *charset_hint, html_article *out,
                 char *err, size_t errlen)
{
    if (err && errlen) err[0] = 0;
    if (!out) { set_err(err, errlen, "no output struct"); return -1; }
    memset(out, 0, sizeof *out);
    out->method = "none";
    if (!html && len) { set_err(err, errlen, "NULL input"); return -1; }
    if (!len) { set_err(err, errlen, "empty input"); return -1; }
    if (len > HTML_MAX_INPUT) { set_err(err, errlen, "input too large"); return -1; }

    /* 1. charset */
    char csbuf[64];
    size_t skip = 0;
    const char *cs = detect_charset(html, len, charset_hint, csbuf, sizeof csbuf, &skip);
    if ((!cs || strncmp(cs, "UTF-16", 6)) && looks_binary(html, len)) {
        set_err(err, errlen, "input looks binary, not HTML");
        return -1;
    }
    size_t ulen = 0;
    char *utf = html_to_utf8(html + skip, len - skip, cs, &ulen);
    if (!utf) { set_err(err, errlen, "out of memory"); return -1; }

    /* 2. parse */
    arena a = {0};
    const char *why = "parser failed";
    GumboOutput *g = parse(&a, utf, ulen, &why);
    if (!g || !g->root) {
        arena_release(&a);
        free(utf);
        set_err(err, errlen, why);
        return -1;
    }

    /* 3. metadata, JSON-LD */
    meta m;
    memset(&m, 0, sizeof m);
    collect_meta(&m, g);
    ldstate ld;
    memset(&ld, 0, sizeof ld);
    for (int i = 0; i < m.nld; i++) {
        const GumboNode *s = m.ld[i];
        if (!s->v.element.children.length) continue;
        const GumboNode *t = s->v.element.children.data[0];
        if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA) continue;
        ld_load(&ld, t->v.text.text, strlen(t->v.text.text));
    }
    char *title_tag = m.title ? html_node_text(m.title) : NULL;
    if (title_tag && strlen(title_tag) > 500) {
        /* an unclosed <title> swallowed the page: not a title */
        free(title_tag);
        title_tag = NULL;
    }

    /* 4. the scorer, always: it also tells how long the visible story is */
    html_scored sc;
    int rc = html_score_extract(g->root, 0, &sc);
    if (rc) memset(&sc, 0, sizeof sc);

    json_t *art = ld.best;
    html_buf body = {0};
    const char *body_method = "json-ld";
    if (art) {
        json_t *ab = json_object_get(art, "articleBody");
        if (json_is_string(ab)) {
            ld_body_text(json_string_value(ab), &body);
        } else if (json_is_array(ab)) {
            for (size_t i = 0; i < json_array_size(ab); i++) {
                json_t *x = json_array_get(ab, i);
                if (!json_is_string(x)) continue;
                html_buf part = {0};
                ld_body_text(json_string_value(x), &part);
                if (part.len) {
                    if (body.len) html_buf_put(&body, "\n\n", 2);
                    html_buf_put(&body, part.s, part.len);
                }
                free(part.s);
            }
        }
        json_t *upd = json_object_get(art, "liveBlogUpdate");
        if (!body.len && upd) {
            /* live blog: each update's headline and body, in the given order */
            size_t n = json_is_array(upd) ? json_array_size(upd) : 1;
            for (size_t i = 0; i < n; i++) {
                json_t *u = json_is_array(upd) ? json_array_get(upd, i) : upd;
                if (!json_is_object(u)) continue;
                const char *h = jstr(u, "headline"), *b = jstr(u, "articleBody");
                if (!b) continue;
                char *hd = h ? decode_refs(h) : NULL;
                if (hd) {
                    if (body.len) html_buf_put(&body, "\n\n", 2);
                    html_buf_put(&body, hd, strlen(hd));
                }
                free(hd);
                html_buf part = {0};
                ld_body_text(b, &part);
                if (part.len) {
                    if (body.len) html_buf_put(&body, "\n\n", 2);
                    html_buf_put(&body, part.s, part.len);
                }
                free(part.s);
            }
            body_method = "json-ld-liveblog";
        }
    }

    /* 5. choose the text */
    size_t bchars = body.len && !body.oom ? html_utf8_chars(body.s, body.len) : 0;
    /* The publisher's articleBody is the most precise text there is; the
     * scored text wins only when the body is clearly a cut-down teaser. */
    if (bchars >= 80 && (bchars * 20 >= sc.chars * 7 || sc.chars < 200)) {
        char *aligned = NULL;
        if (!memchr(body.s, '\n', body.len) && bchars > 300 && sc.paragraphs >= 3)
            aligned = align_with_body(sc.text, body.s, bchars);
        if (aligned) {
            out->text = aligned;
            out->method = "json-ld+dom";
            free(body.s);
        } else {
            out->text = body.s;
            out->method = body_method;
        }
        body.s = NULL;
        free(sc.text);
    } else {
        free(body.s);
        body.s = NULL;
        if (sc.text && sc.text[0]) {
            out->text = sc.text;
            out->method = "scored";
        } else {
            free(sc.text);
        }
    }
    sc.text = NULL;

    /* 6. metadata by priority */
    if (art) {
        const char *h = jstr(art, "headline");
        if (!h) h = jstr(art, "name");
        if (h) meta_set_own(&m, F_TITLE, 0, decode_refs(h));
        const char *d = jstr(art, "datePublished");
        if (!d) d = jstr(art, "dateCreated");
        if (d) meta_set(&m, F_PUB, 0, d);
        json_t *au = json_object_get(art, "author");
        if (!au) au = json_object_get(art, "creator");
        if (au) meta_set_own(&m, F_AUTHOR, 0, ld_author(au));
        json_t *pub = json_object_get(art, "publisher");
        if (json_is_array(pub)) pub = json_array_get(pub, 0);
        const char *pn = json_is_object(pub) ? jstr(pub, "name") : json_is_string(pub) ? json_string_value(pub) : NULL;
        if (pn) meta_set_own(&m, F_SITE, 1, decode_refs(pn));
        json_t *il = json_object_get(art, "inLanguage");
        if (json_is_object(il)) {
            const char *x = jstr(il, "alternateName");
            if (!x) x = jstr(il, "name");
            meta_set(&m, F_LANG, 4, x);
        } else if (json_is_string(il)) {
            meta_set(&m, F_LANG, 4, json_string_value(il));
        }
        const char *ds = jstr(art, "description");
        if (ds) meta_set_own(&m, F_DESC, 5, decode_refs(ds));
    }
    if (ld.site) meta_set_own(&m, F_SITE, 3, decode_refs(ld.site));

    /* A JSON-LD headline cut at ~110 characters ("...") loses to the
     * page's <h1> that it is the start of. */
    char *full = NULL;
    if (m.v[F_TITLE] && m.rank[F_TITLE] == 0) {
        size_t tl = strlen(m.v[F_TITLE]);
        const char *t = m.v[F_TITLE];
        int cut = (tl >= 3 && !strcmp(t + tl - 3, "...")) || (tl >= 3 && !strcmp(t + tl - 3, "\xE2\x80\xA6"));
        if (cut) {
            for (int i = 0; i < m.nh1; i++) {
                char *h = html_node_text(m.h1[i]);
                if (h && strlen(h) > tl - 3 && !strncmp(h, t, tl - 3)) { full = h; break; }
                free(h);
            }
            if (full) { free(m.v[F_TITLE]); m.v[F_TITLE] = full; }
        }
    }
    int title_from_tag = 0;
    if (!m.v[F_TITLE] || m.rank[F_TITLE] > 15) {
        char *h = pick_h1(&m, sc.container, title_tag);
        if (h) meta_set_own(&m, F_TITLE, 20, h);
    }
    if (!m.v[F_TITLE] && title_tag) {
        m.v[F_TITLE] = clean_dup(title_tag);
        m.rank[F_TITLE] = 30;
        title_from_tag = 1;
    }
    char *suffix = NULL;
    if (m.v[F_TITLE] && m.rank[F_TITLE] >= 10)
        strip_site(m.v[F_TITLE], m.v[F_SITE], title_from_tag, &suffix);
    if (!m.v[F_SITE] && suffix) { m.v[F_SITE] = suffix; suffix = NULL; }
    free(suffix);
    if (title_tag && !m.v[F_SITE]) {
        /* the <title> suffix still names the site when the headline came
         * from somewhere else */
        char *t = clean_dup(title_tag);
        if (t && m.v[F_TITLE] && !strncmp(t, m.v[F_TITLE], strlen(m.v[F_TITLE])) &&
            strlen(t) > strlen(m.v[F_TITLE]) + 3)
            strip_site(t, NULL, 1, &m.v[F_SITE]);
        free(t);
    }

    pick_time(&m, sc.container);
    drop_title_para(out->text, m.v[F_TITLE]);

    /* canonical URL: prefer an absolute one */
    if (m.v[F_URL] && !looks_url(m.v[F_URL]) && m.v[F_OGURL] && looks_url(m.v[F_OGURL])) {
        free(m.v[F_URL]);
        m.v[F_URL] = NULL;
    }
    if (!m.v[F_URL]) m.v[F_URL] = take(&m, F_OGURL);

    /* last resort for an article page whose body we could not find */
    int is_article = art || (m.v[F_OGTYPE] && ieq(m.v[F_OGTYPE], "article"));
    if (!out->text && is_article && m.v[F_DESC] && strlen(m.v[F_DESC]) >= 80) {
        out->text = xstrndup(m.v[F_DESC], strlen(m.v[F_DESC]));
        out->method = "description";
    }
    if (!out->text) {
        out->text = calloc(1, 1);
        out->method = "none";
        set_err(err, errlen, sc.why ? sc.why : "no article text found");
    }

    out->title = take(&m, F_TITLE);
    out->url = take(&m, F_URL);
    out->published = take(&m, F_PUB);
    out->author = take(&m, F_AUTHOR);
    out->site_name = take(&m, F_SITE);
    out->lang = take(&m, F_LANG);
    out->description = take(&m, F_DESC);

    int oom = m.oom || body.oom || rc != 0 || !out->text;
    free(title_tag);
    meta_free(&m);
    for (int i = 0; i < ld.nroots; i++) json_decref(ld.roots[i]);
    arena_release(&a);
    free(utf);
    if (oom) {
        html_article_free(out);
        set_err(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}
