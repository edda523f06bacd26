/*
 * html_score.c - find the main text of a page in a Gumbo tree and render it.
 *
 * Method (one linear pass per stage, no quadratic walks):
 *
 *  1. Flatten.  The tree is copied into an array in document (pre-)order;
 *     every element records its parent, its nearest block ancestor and the
 *     end of its subtree, so "descendant of" is a range test and bottom-up
 *     sums are one reverse loop.  Invisible elements (script, style, head,
 *     media, forms controls, nav, aside, footer, figure, buttons ...) are not
 *     copied at all.  Each element gets a hint from its class, id, role,
 *     itemprop, hidden/style attributes and (for custom elements) tag name:
 *     positive words (article, content, story, body, entry, post, main ...)
 *     raise the score, "debris" words (comment, share, social, related,
 *     cookie, newsletter, advert, sidebar, nav, menu ...) mark the element as
 *     junk, milder ones (teaser, paywall, header, meta ...) only lower it.
 *
 *  2. Junk with guards.  A junk-marked element is dropped with its subtree,
 *     unless it wraps the element the publisher marked as the article body
 *     (itemprop=articleBody, class article-body ...) or most of the page's
 *     text - sites put words like "has-sidebar" on their page wrapper.
 *
 *  3. Units.  Text belongs to its nearest block ancestor; a block's inline
 *     text, cut at <br>, is a "unit".  A unit of at least 25 characters
 *     scores  (1 + commas + min(chars/100, 3) + sentence ends/2)
 *     * (1 - link density)^2 * tag weight * position factor
 *     (CJK characters count double; units in the last quarter of the page
 *     fade to 0.6).  The score goes to the unit's container (the parent for
 *     <p>-like blocks, the block itself for divs holding text) in full, then
 *     half to the next block up and a quarter to the one after.
 *
 *  4. Choice.  container score = sum * tag weight * hint * (1 - link
 *     density of its subtree).  The best container is lifted to a common
 *     ancestor when two other strong candidates sit under it (live blogs,
 *     bodies split by ad slots), and sibling blocks of the winner that are
 *     good enough on their own (strong candidates, or real paragraphs with
 *     few links) are added in document order.
 *
 *  5. Render.  Each block is a paragraph; <br> splits paragraphs.  Inside
 *     the chosen range, blocks whose text is mostly links (related lists,
 *     teaser headings), <h1> (it is the title), weak-negative boxes that are
 *     small next to the article (paywall prompts), and short boilerplate
 *     lines ("Advertisement", "Share this article", "Sign up", "By Name",
 *     "Photo: ...") are left out.
 *
 *  6. Sanity.  A page whose best container is link-heavy or made of teaser
 *     headings plus blurbs (a section front) yields no text at all: giving
 *     the event coder an index page as an "article" is worse than nothing.
 */
#include "html.h"

#include <gumbo.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ buffers */

static int buf_reserve(html_buf *b, size_t extra)
{
    if (b->oom) return -1;
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) { b->oom = 1; return -1; }
        cap *= 2;
    }
    char *s = realloc(b->s, cap);
    if (!s) { b->oom = 1; return -1; }
    b->s = s;
    b->cap = cap;
    return 0;
}

void html_buf_put(html_buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n)) return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void html_buf_put_collapsed(html_buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n)) return;
    char *o = b->s + b->len;
    /* A space is written lazily, only when something visible follows, and
     * never at the start of the buffer or after another space. */
    int space = 0;
    int last_space = b->len == 0 || b->s[b->len - 1] == ' ';
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        unsigned c = *p;
        int skip = 0, ws = 0;   /* bytes to drop / bytes that are a space */
        if (c < 0x80) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') ws = 1;
            else if (c < 0x20 || c == 0x7f) skip = 1;
        } else if (c == 0xC2 && p + 1 < e) {
            if (p[1] == 0xA0) ws = 2;                    /* NBSP */
            else if (p[1] == 0xAD || p[1] < 0xA0) skip = 2; /* soft hyphen, C1 */
        } else if (c == 0xE2 && p + 2 < e) {
            unsigned c1 = p[1], c2 = p[2];
            if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) ws = 3;
            else if (c1 == 0x80 && c2 == 0x8B) skip = 3;   /* zero width space */
            else if (c1 == 0x81 && c2 == 0x9F) ws = 3;     /* medium math space */
            else if (c1 == 0x81 && c2 == 0xA0) skip = 3;   /* word joiner */
        } else if (c == 0xE3 && p + 2 < e && p[1] == 0x80 && p[2] == 0x80) {
            ws = 3;                                        /* ideographic space */
        } else if (c == 0xEF && p + 2 < e && p[1] == 0xBB && p[2] == 0xBF) {
            skip = 3;                                      /* BOM */
        }
        if (ws) { space = 1; p += ws; continue; }
        if (skip) { p += skip; continue; }
        if (space && !last_space) *o++ = ' ';
        space = 0;
        last_space = 0;
        /* copy one whole character (input is UTF-8 from Gumbo or jansson) */
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k > (size_t)(e - p)) k = (size_t)(e - p);
        while (k--) *o++ = (char)*p++;
    }
    /* trailing whitespace is remembered as a space so that "a" + " " + "b"
     * joins as "a b"; paragraph flushes trim it again */
    if (space && !last_space && o > b->s) *o++ = ' ';
    b->len = (size_t)(o - b->s);
    b->s[b->len] = 0;
}

static void buf_rtrim(html_buf *b)
{
    while (b->len && b->s[b->len - 1] == ' ') b->len--;
    if (b->s) b->s[b->len] = 0;
}

size_t html_utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* ------------------------------------------------------------ tag classes */

enum {
    TK_INLINE = 1,   /* phrasing content: text flows through it */
    TK_SKIP = 2,     /* never visible or always debris: not flattened */
    TK_SOFT = 4,     /* <header>, <form>: debris unless they wrap the page */
    TK_PLIKE = 8,    /* leaf text block: its score goes to its parent */
    TK_HEAD = 16,    /* h1-h6 */
    TK_BR = 32,
};

static const unsigned char tag_kind[GUMBO_TAG_LAST + 1] = {
    [GUMBO_TAG_A] = TK_INLINE, [GUMBO_TAG_EM] = TK_INLINE, [GUMBO_TAG_STRONG] = TK_INLINE,
    [GUMBO_TAG_SMALL] = TK_INLINE, [GUMBO_TAG_S] = TK_INLINE, [GUMBO_TAG_CITE] = TK_INLINE,
    [GUMBO_TAG_Q] = TK_INLINE, [GUMBO_TAG_DFN] = TK_INLINE, [GUMBO_TAG_ABBR] = TK_INLINE,
    [GUMBO_TAG_DATA] = TK_INLINE, [GUMBO_TAG_TIME] = TK_INLINE, [GUMBO_TAG_CODE] = TK_INLINE,
    [GUMBO_TAG_VAR] = TK_INLINE, [GUMBO_TAG_SAMP] = TK_INLINE, [GUMBO_TAG_KBD] = TK_INLINE,
    [GUMBO_TAG_SUB] = TK_INLINE, [GUMBO_TAG_SUP] = TK_INLINE, [GUMBO_TAG_I] = TK_INLINE,
    [GUMBO_TAG_B] = TK_INLINE, [GUMBO_TAG_U] = TK_INLINE, [GUMBO_TAG_MARK] = TK_INLINE,
    [GUMBO_TAG_RUBY] = TK_INLINE, [GUMBO_TAG_RT] = TK_INLINE, [GUMBO_TAG_RB] = TK_INLINE,
    [GUMBO_TAG_RTC] = TK_INLINE, [GUMBO_TAG_BDI] = TK_INLINE, [GUMBO_TAG_BDO] = TK_INLINE,
    [GUMBO_TAG_SPAN] = TK_INLINE, [GUMBO_TAG_INS] = TK_INLINE, [GUMBO_TAG_DEL] = TK_INLINE,
    [GUMBO_TAG_ACRONYM] = TK_INLINE, [GUMBO_TAG_STRIKE] = TK_INLINE, [GUMBO_TAG_BIG] = TK_INLINE,
    [GUMBO_TAG_BLINK] = TK_INLINE, [GUMBO_TAG_FONT] = TK_INLINE, [GUMBO_TAG_NOBR] = TK_INLINE,
    [GUMBO_TAG_TT] = TK_INLINE, [GUMBO_TAG_LABEL] = TK_INLINE, [GUMBO_TAG_OUTPUT] = TK_INLINE,
    [GUMBO_TAG_WBR] = TK_INLINE, [GUMBO_TAG_BASEFONT] = TK_INLINE,
    [GUMBO_TAG_BR] = TK_BR,
    [GUMBO_TAG_RP] = TK_SKIP,
    [GUMBO_TAG_HEAD] = TK_SKIP, [GUMBO_TAG_TITLE] = TK_SKIP, [GUMBO_TAG_BASE] = TK_SKIP,
    [GUMBO_TAG_LINK] = TK_SKIP, [GUMBO_TAG_META] = TK_SKIP, [GUMBO_TAG_STYLE] = TK_SKIP,
    [GUMBO_TAG_SCRIPT] = TK_SKIP, [GUMBO_TAG_NOSCRIPT] = TK_SKIP, [GUMBO_TAG_TEMPLATE] = TK_SKIP,
    [GUMBO_TAG_NAV] = TK_SKIP, [GUMBO_TAG_ASIDE] = TK_SKIP, [GUMBO_TAG_FOOTER] = TK_SKIP,
    [GUMBO_TAG_FIGURE] = TK_SKIP, [GUMBO_TAG_FIGCAPTION] = TK_SKIP, [GUMBO_TAG_IMAGE] = TK_SKIP,
    [GUMBO_TAG_IMG] = TK_SKIP, [GUMBO_TAG_IFRAME] = TK_SKIP, [GUMBO_TAG_EMBED] = TK_SKIP,
    [GUMBO_TAG_OBJECT] = TK_SKIP, [GUMBO_TAG_PARAM] = TK_SKIP, [GUMBO_TAG_VIDEO] = TK_SKIP,
    [GUMBO_TAG_AUDIO] = TK_SKIP, [GUMBO_TAG_SOURCE] = TK_SKIP, [GUMBO_TAG_TRACK] = TK_SKIP,
    [GUMBO_TAG_CANVAS] = TK_SKIP, [GUMBO_TAG_MAP] = TK_SKIP, [GUMBO_TAG_AREA] = TK_SKIP,
    [GUMBO_TAG_MATH] = TK_SKIP, [GUMBO_TAG_SVG] = TK_SKIP, [GUMBO_TAG_FIELDSET] = TK_SKIP,
    [GUMBO_TAG_LEGEND] = TK_SKIP, [GUMBO_TAG_INPUT] = TK_SKIP, [GUMBO_TAG_BUTTON] = TK_SKIP,
    [GUMBO_TAG_SELECT] = TK_SKIP, [GUMBO_TAG_DATALIST] = TK_SKIP, [GUMBO_TAG_OPTGROUP] = TK_SKIP,
    [GUMBO_TAG_OPTION] = TK_SKIP, [GUMBO_TAG_TEXTAREA] = TK_SKIP, [GUMBO_TAG_KEYGEN] = TK_SKIP,
    [GUMBO_TAG_PROGRESS] = TK_SKIP, [GUMBO_TAG_METER] = TK_SKIP, [GUMBO_TAG_MENU] = TK_SKIP,
    [GUMBO_TAG_MENUITEM] = TK_SKIP, [GUMBO_TAG_APPLET] = TK_SKIP, [GUMBO_TAG_BGSOUND] = TK_SKIP,
    [GUMBO_TAG_FRAME] = TK_SKIP, [GUMBO_TAG_FRAMESET] = TK_SKIP, [GUMBO_TAG_NOFRAMES] = TK_SKIP,
    [GUMBO_TAG_ISINDEX] = TK_SKIP, [GUMBO_TAG_NOEMBED] = TK_SKIP, [GUMBO_TAG_MARQUEE] = TK_SKIP,
    [GUMBO_TAG_SPACER] = TK_SKIP, [GUMBO_TAG_COLGROUP] = TK_SKIP, [GUMBO_TAG_COL] = TK_SKIP,
    [GUMBO_TAG_CAPTION] = TK_SKIP, [GUMBO_TAG_HR] = TK_SKIP, [GUMBO_TAG_NEXTID] = TK_SKIP,
    [GUMBO_TAG_HEADER] = TK_SOFT, [GUMBO_TAG_FORM] = TK_SOFT,
    [GUMBO_TAG_P] = TK_PLIKE, [GUMBO_TAG_PRE] = TK_PLIKE, [GUMBO_TAG_LISTING] = TK_PLIKE,
    [GUMBO_TAG_XMP] = TK_PLIKE, [GUMBO_TAG_PLAINTEXT] = TK_PLIKE, [GUMBO_TAG_DT] = TK_PLIKE,
    [GUMBO_TAG_DD] = TK_PLIKE, [GUMBO_TAG_ADDRESS] = TK_PLIKE, [GUMBO_TAG_SUMMARY] = TK_PLIKE,
    [GUMBO_TAG_H1] = TK_PLIKE | TK_HEAD, [GUMBO_TAG_H2] = TK_PLIKE | TK_HEAD,
    [GUMBO_TAG_H3] = TK_PLIKE | TK_HEAD, [GUMBO_TAG_H4] = TK_PLIKE | TK_HEAD,
    [GUMBO_TAG_H5] = TK_PLIKE | TK_HEAD, [GUMBO_TAG_H6] = TK_PLIKE | TK_HEAD,
};

/* How likely a block is to be the article container; 0 = never chosen. */
static const float tag_cand[GUMBO_TAG_LAST + 1] = {
    [GUMBO_TAG_DIV] = 1.0f, [GUMBO_TAG_ARTICLE] = 1.3f, [GUMBO_TAG_SECTION] = 1.0f,
    [GUMBO_TAG_MAIN] = 1.2f, [GUMBO_TAG_BODY] = 0.6f, [GUMBO_TAG_TD] = 0.8f,
    [GUMBO_TAG_TH] = 0.4f, [GUMBO_TAG_BLOCKQUOTE] = 0.6f, [GUMBO_TAG_LI] = 0.5f,
    [GUMBO_TAG_UL] = 0.4f, [GUMBO_TAG_OL] = 0.4f, [GUMBO_TAG_DL] = 0.4f,
    [GUMBO_TAG_TABLE] = 0.3f, [GUMBO_TAG_TBODY] = 0.3f, [GUMBO_TAG_TR] = 0.3f,
    [GUMBO_TAG_FORM] = 0.8f, [GUMBO_TAG_HEADER] = 0.5f, [GUMBO_TAG_CENTER] = 0.9f,
    [GUMBO_TAG_DETAILS] = 0.6f, [GUMBO_TAG_UNKNOWN] = 1.0f, [GUMBO_TAG_HTML] = 0.3f,
};

/* Weight of a unit of text by the block that holds it. */
static float unit_weight(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: return 1.0f;
    case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: return 0.8f;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: return 0.5f;
    case GUMBO_TAG_TD: return 0.6f;
    case GUMBO_TAG_TH: return 0.3f;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: return 0.0f;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_SUMMARY: return 0.3f;
    default: return 0.9f;
    }
}

/* ------------------------------------------------------------ class hints */

enum { J_NONE = 0, J_GUARD = 1, J_DEBRIS = 2 };   /* junk strength */

typedef struct { const char *w; signed char v; } word;

/* Whole tokens of class/id (split at non-alphanumerics and camelCase).
 * v: 3 = debris (dropped unless it wraps nearly the whole page),
 *    2 = junk (dropped unless it wraps most of the page),
 *   -1 = mild penalty, 1 = positive.  Sorted for bsearch. */
static const word hint_words[] = {
    {"ad", 3}, {"adcontainer", 3}, {"addthis", 3}, {"ads", 3}, {"adslot", 3},
    {"adunit", 3}, {"advert", 3}, {"advertisement", 3}, {"advertising", 3},
    {"adverts", 3}, {"alert", -1}, {"article", 1}, {"aside", 2}, {"author", -1},
    {"banner", 2}, {"bio", 2}, {"blog", 1}, {"body", 1}, {"breadcrumb", 2},
    {"breadcrumbs", 2}, {"byline", 2}, {"caption", 2}, {"card", -1}, {"cmp", 3},
    {"comment", 3}, {"commentlist", 3}, {"comments", 3}, {"consent", 3},
    {"content", 1}, {"cookie", 3}, {"cookies", 3}, {"credit", 2}, {"credits", 2},
    {"date", -1}, {"dfp", 3}, {"disclaimer", -1}, {"disqus", 3}, {"entry", 1},
    {"figcaption", 2}, {"flyout", 2}, {"footer", 2}, {"gdpr", 3}, {"header", 2}, {"hentry", 1},
    {"hovercard", 2},
    {"keywords", 2}, {"legal", -1}, {"main", 1}, {"masthead", 2},
    {"menu", 2}, {"meta", -1}, {"modal", 2}, {"mostread", 3}, {"nav", 2},
    {"navbar", 2}, {"navigation", 2}, {"newsletter", 3}, {"newsletters", 3},
    {"outbrain", 3}, {"overlay", 2}, {"pager", 2}, {"pagination", 2},
    {"paywall", -1}, {"popular", 2}, {"popup", 2}, {"post", 1}, {"promo", 3},
    {"promos", 3}, {"promotion", 3}, {"prose", 1}, {"pullquote", 2}, {"rail", 2},
    {"recirc", 3}, {"recommend", 3}, {"recommendations", 3}, {"recommended", 3},
    {"related", 3}, {"replies", 3}, {"reply", 3}, {"respond", 3}, {"share", 3},
    {"sharebar", 3}, {"shares", 3}, {"sharing", 3}, {"sidebar", 2}, {"signup", 3},
    {"skip", 2}, {"social", 3}, {"sponsor", 3}, {"sponsored", 3}, {"sronly", 2},
    {"story", 1}, {"subnav", 2}, {"subscribe", 3}, {"subscription", 3},
    {"taboola", 3}, {"tag", 2}, {"tags", 2}, {"teaser", -1}, {"teasers", -1},
    {"text", 1}, {"thumb", -1}, {"thumbnail", -1}, {"toolbar", 2}, {"tools", -1}, {"tooltip", 2},
    {"trending", 3}, {"utility", -1}, {"widget", 2}, {"widgets", 2},
};

/* Substrings of the class/id with separators removed ("article-body" ->
 * "articlebody").  v: 4 = the publisher's article body, others as above. */
static const word hint_subs[] = {
    {"articlebody", 4}, {"articletext", 4}, {"articlecontent", 4}, {"articlecopy", 4},
    {"storybody", 4}, {"storytext", 4}, {"storycontent", 4}, {"entrycontent", 4},
    {"entrybody", 4}, {"postbody", 4}, {"postcontent", 4}, {"posttext", 4},
    {"bodytext", 4}, {"maincontent", 4}, {"richtext", 4}, {"newsbody", 4},
    {"advert", 3}, {"newsletter", 3}, {"cookie", 3}, {"consent", 3}, {"related", 3},
    {"recommend", 3}, {"outbrain", 3}, {"taboola", 3}, {"sponsor", 3},
    {"sharebutton", 3}, {"sharetool", 3}, {"sharelink", 3}, {"shareicon", 3},
    {"socialshare", 3}, {"socialmedia", 3}, {"morestories", 3}, {"mostpopular", 3},
    {"mostread", 3}, {"readnext", 3}, {"alsoread", 3}, {"youmayalso", 3},
    {"commentsection", 3}, {"commentlist", 3}, {"breadcrumb", 2}, {"sidebar", 2},
    {"hovercard", 2}, {"tooltip", 2}, {"popover", 2},
    {"visuallyhidden", 2}, {"srhidden", 2}, {"screenreader", 2},
};

static int word_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const word *)e)->w);
}

typedef struct {
    float mult;       /* score multiplier */
    unsigned char junk;   /* J_NONE, J_GUARD, J_DEBRIS */
    unsigned char body;   /* publisher-marked article body */
} hint;

static void hint_token(hint *h, const char *tok, int *pos, int *neg)
{
    const word *w = bsearch(tok, hint_words, sizeof hint_words / sizeof *hint_words,
                            sizeof *hint_words, word_cmp);
    if (!w) return;
    if (w->v == 1) (*pos)++;
    else if (w->v == -1) (*neg)++;
    else if (w->v == 3) h->junk = J_DEBRIS;
    else if (h->junk < J_GUARD) h->junk = J_GUARD;
}

/* Feed one attribute value (class, id or tag name) into the hint. */
static void hint_scan(hint *h, const char *s, char *flat, size_t *flen, size_t fcap,
                      int *pos, int *neg)
{
    char tok[40];
    size_t tl = 0;
    int prev_lower = 0;
    for (const char *p = s;; p++) {
        /* WordPress-style taxonomy classes on the story wrapper itself
         * ("category-comment", "tag-social-media") describe the story's
         * subject, not the box: skip the whole class name */
        if ((p == s || p[-1] == ' ') && (!strncmp(p, "category-", 9) || !strncmp(p, "tag-", 4))) {
            while (*p && *p != ' ') p++;
            tl = 0;
            if (!*p) break;
            continue;
        }
        unsigned char c = (unsigned char)*p;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        int upper = c >= 'A' && c <= 'Z';
        /* a token ends at a separator or at a lower->upper camelCase step */
        if (!alnum || (upper && prev_lower)) {
            if (tl && tl < sizeof tok) { tok[tl] = 0; hint_token(h, tok, pos, neg); }
            tl = 0;
        }
        if (!c) break;
        if (alnum) {
            char l = (char)(upper ? c + 32 : c);
            if (tl < sizeof tok) tok[tl] = l;
            tl++;
            if (*flen + 1 < fcap) flat[(*flen)++] = l;
        }
        prev_lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}

static const char *attr(const GumboElement *e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
    return a ? a->value : NULL;
}

/* Name of a custom element ("bsp-related-links") from its source text. */
static size_t unknown_tag_name(const GumboElement *e, char *out, size_t cap)
{
    const char *s = e->original_tag.data;
    size_t n = e->original_tag.length, k = 0;
    if (!s || n < 2 || s[0] != '<') return 0;
    for (size_t i = 1; i < n && k + 1 < cap; i++) {
        char c = s[i];
        if (c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r') break;
        out[k++] = c;
    }
    out[k] = 0;
    return k;
}

/* A block that is HTML, not one of the SVG/MathML names Gumbo also has
 * enums for (and not an unknown element such as <g> or <path>). */
static int html_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_UNKNOWN: case GUMBO_TAG_MI: case GUMBO_TAG_MO: case GUMBO_TAG_MN:
    case GUMBO_TAG_MS: case GUMBO_TAG_MTEXT: case GUMBO_TAG_MGLYPH: case GUMBO_TAG_MALIGNMARK:
    case GUMBO_TAG_ANNOTATION_XML: case GUMBO_TAG_FOREIGNOBJECT: case GUMBO_TAG_DESC:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
        return 0;
    default:
        return 1;
    }
}

static int ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) return 0;
    }
    return *a == *b;
}

/* Does an inline style hide the element?  Spaces and case are ignored. */
static int style_hidden(const char *st)
{
    char flat[128];
    size_t k = 0;
    for (; *st && k + 1 < sizeof flat; st++) {
        char c = *st;
        if (c == ' ' || c == '\t' || c == '\n') continue;
        flat[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    flat[k] = 0;
    return strstr(flat, "display:none") || strstr(flat, "visibility:hidden");
}

static hint element_hint(const GumboElement *e)
{
    hint h = {1.0f, J_NONE, 0};
    char flat[256];
    size_t flen = 0;
    int pos = 0, neg = 0;
    /* One pass over the attributes instead of a lookup per name (each a
     * walk with strcasecmp): this runs for every element of the page. */
    enum { A_CLASS, A_ID, A_COMPONENT, A_TESTID, A_MODULE, A_NAME, A_ITEMPROP, A_ROLE, A_HIDDEN, A_ARIA, A_STYLE, A_N };
    static const char *const names[A_N] = {"class", "id", "data-component", "data-testid", "data-module", "name",
                                            "itemprop", "role", "hidden", "aria-hidden", "style"};
    const char *av[A_N] = {0};
    for (unsigned i = 0; i < e->attributes.length; i++) {
        const GumboAttribute *a = e->attributes.data[i];
        int c = a->name[0] | 0x20;
        for (int k = 0; k < A_N; k++)
            if (names[k][0] == c && !av[k] && ieq(a->name, names[k])) { av[k] = a->value; break; }
    }
    const char *cls = av[A_CLASS], *id = av[A_ID];
    if (cls) hint_scan(&h, cls, flat, &flen, sizeof flat, &pos, &neg);
    if (id) hint_scan(&h, id, flat, &flen, sizeof flat, &pos, &neg);
    /* component names some CMSs use instead of classes */
    for (int k = A_COMPONENT; k <= A_NAME; k++)
        if (av[k]) hint_scan(&h, av[k], flat, &flen, sizeof flat, &pos, &neg);
    if (e->tag == GUMBO_TAG_UNKNOWN) {
        char name[64];
        if (unknown_tag_name(e, name, sizeof name)) {
            if (ieq(name, "dialog")) h.junk = J_GUARD;
            hint_scan(&h, name, flat, &flen, sizeof flat, &pos, &neg);
        }
    }
    flat[flen] = 0;
    if (flen) {
        for (size_t i = 0; i < sizeof hint_subs / sizeof *hint_subs; i++) {
            if (!strstr(flat, hint_subs[i].w)) continue;
            int v = hint_subs[i].v;
            if (v == 4) h.body = 1;
            else if (v == 3) h.junk = J_DEBRIS;
            else if (h.junk < J_GUARD) h.junk = J_GUARD;
        }
    }
    const char *ip = av[A_ITEMPROP];
    if (ip && strstr(ip, "articleBody")) h.body = 1;
    const char *role = av[A_ROLE];
    if (role) {
        if (ieq(role, "main") || ieq(role, "article")) pos++;
        else if (ieq(role, "navigation") || ieq(role, "banner") || ieq(role, "contentinfo") ||
                 ieq(role, "complementary") || ieq(role, "menu") || ieq(role, "menubar") ||
                 ieq(role, "search") || ieq(role, "dialog") || ieq(role, "alertdialog") ||
                 ieq(role, "toolbar"))
            if (h.junk < J_GUARD) h.junk = J_GUARD;
    }
    if (av[A_HIDDEN]) { if (h.junk < J_GUARD) h.junk = J_GUARD; }
    const char *ah = av[A_ARIA];
    if (ah && ieq(ah, "true") && h.junk < J_GUARD) h.junk = J_GUARD;
    const char *st = av[A_STYLE];
    if (st && style_hidden(st) && h.junk < J_GUARD) h.junk = J_GUARD;

    if (h.body) { h.junk = J_NONE; h.mult = 2.5f; return h; }
    if (pos) h.mult *= 1.35f;
    if (neg) h.mult *= 0.5f;
    return h;
}

/* ------------------------------------------------------------ flattening */

enum { IT_BLOCK, IT_INLINE, IT_TEXT, IT_SPACE, IT_BR };

typedef struct {
    const GumboNode *node;
    int parent;          /* enclosing element item, -1 for the root */
    int bparent;         /* nearest enclosing block item, -1 for the root */
    int end;             /* one past the last item of the subtree */
    unsigned char kind, tkind, junk, in_link;
    unsigned char body;  /* publisher-marked body, or contains one */
    unsigned char dead;  /* dropped with its subtree */
    unsigned char unclosed;  /* end tag missing in the source */
    unsigned char has_h1;    /* an <h1> in the subtree */
    unsigned char svg;       /* 1: inside renamed SVG/MathML, text hidden;
                              * 2: an HTML block inside it, text shown */
    unsigned char marked;    /* the publisher's body mark is on this element itself */
    unsigned char in_quote;  /* inside a <blockquote> (embedded posts, quoted text) */
    int longp;           /* <p> with 80+ characters in the subtree */
    int links;           /* <a> elements in the subtree */
    float rawlink;       /* link text in the subtree, junk included */
    GumboTag tag;
    float mult;          /* class/id hint multiplier */
    float len, link, commas, stops;   /* text: its own; block: current unit */
    float raw;           /* visible text in subtree, junk included */
    float sub, sublink;  /* text (and link text) in subtree, junk excluded */
    float acc;           /* propagated unit scores */
    float score;         /* final container score */
} item;

typedef struct {
    item *it;
    int n, cap;
    int oom;
} flat;

static int flat_push(flat *f)
{
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 1024;
        item *it = realloc(f->it, (size_t)cap * sizeof *it);
        if (!it) { f->oom = 1; return -1; }
        f->it = it;
        f->cap = cap;
    }
    item *x = &f->it[f->n];
    memset(x, 0, sizeof *x);
    x->parent = x->bparent = -1;
    x->mult = 1.0f;
    return f->n++;
}

/* Character statistics of a text node.  CJK ideographs and Hangul count
 * double: one of them carries about as much as a short word. */
static void text_stats(item *x, const char *s)
{
    float len = 0, commas = 0, stops = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c < 0x80) {
            if (c <= ' ') continue;
            len += 1;
            if (c == ',') commas += 1;
            else if (c == '.' || c == '!' || c == '?') stops += 1;
        } else if (c >= 0xC0) {
            if (c >= 0xE3 && c <= 0xED) len += 2;
            else len += 1;
            if (c == 0xEF && p[1] == 0xBC && (p[2] == 0x8C)) commas += 1;       /* ， */
            else if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x81) commas += 1;    /* 、 */
            else if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x82) stops += 1;     /* 。 */
            else if (c == 0xD8 && p[1] == 0x8C) commas += 1;                    /* ، */
            else if (c == 0xC2 && p[1] == 0xA0) len -= 1;                       /* nbsp */
        }
    }
    x->len = len;
    x->commas = commas;
    x->stops = stops;
}

typedef struct { const GumboNode *node; unsigned idx; int item; } frame;

/* Copy the visible part of the tree under root into f. */
static void flatten(flat *f, const GumboNode *root)
{
    frame *st = NULL;
    size_t sp = 0, scap = 0;
    if (root->type != GUMBO_NODE_ELEMENT && root->type != GUMBO_NODE_DOCUMENT) return;

    int r = flat_push(f);
    if (r < 0) return;
    f->it[r].node = root;
    f->it[r].kind = IT_BLOCK;
    f->it[r].tag = root->type == GUMBO_NODE_ELEMENT ? root->v.element.tag : GUMBO_TAG_HTML;

    scap = 64;
    st = malloc(scap * sizeof *st);
    if (!st) { f->oom = 1; return; }
    st[sp++] = (frame){root, 0, r};

    while (sp) {
        frame *top = &st[sp - 1];
        const GumboVector *kids = top->node->type == GUMBO_NODE_DOCUMENT
            ? &top->node->v.document.children : &top->node->v.element.children;
        if (top->idx >= kids->length) {
            f->it[top->item].end = f->n;
            sp--;
            continue;
        }
        const GumboNode *c = kids->data[top->idx++];
        int pi = top->item;
        item *par = &f->it[pi];
        int bpar = par->kind == IT_BLOCK ? pi : par->bparent;
        unsigned char in_link = par->in_link, psvg = par->svg, in_quote = par->in_quote;   /* par dies at the next push */

        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
            c->type == GUMBO_NODE_CDATA) {
            if (psvg == 1) continue;   /* SVG text: labels, not prose */
            int k = flat_push(f);
            if (k < 0) break;
            item *x = &f->it[k];
            x->node = c;
            x->parent = pi;
            x->bparent = bpar;
            x->end = k + 1;
            x->in_link = in_link;
            x->in_quote = in_quote;
            x->kind = c->type == GUMBO_NODE_WHITESPACE ? IT_SPACE : IT_TEXT;
            if (x->kind == IT_TEXT) text_stats(x, c->v.text.text);
            continue;
        }
        if (c->type != GUMBO_NODE_ELEMENT) continue;   /* comments, templates */
        const GumboElement *e = &c->v.element;
        if (e->tag_namespace != GUMBO_NAMESPACE_HTML) continue;
        unsigned char tk = tag_kind[e->tag];
        if (tk & TK_SKIP) continue;

        int k = flat_push(f);
        if (k < 0) break;
        item *x = &f->it[k];
        x->node = c;
        x->parent = pi;
        x->bparent = bpar;
        x->tag = e->tag;
        x->tkind = tk;
        x->in_link = in_link || e->tag == GUMBO_TAG_A;
        x->in_quote = in_quote || e->tag == GUMBO_TAG_BLOCKQUOTE;
        x->kind = (tk & TK_BR) ? IT_BR : (tk & TK_INLINE) ? IT_INLINE : IT_BLOCK;
        if (e->attributes.length) {
            hint h = element_hint(e);
            x->mult = h.mult;
            x->junk = h.junk;
            x->body = x->marked = h.body;
        }
        if (tk & TK_SOFT && x->junk < J_GUARD) x->junk = J_GUARD;
        /* html.c renames <svg>/<math> to <rtc> (Gumbo must not see foreign
         * content); their text stays hidden, except inside real HTML
         * blocks, which a browser would show after leaving the SVG */
        x->svg = psvg;
        if (e->tag == GUMBO_TAG_RTC) x->svg = 1;
        else if (x->svg == 1 && x->kind == IT_BLOCK && html_block(e->tag)) x->svg = 2;
        else if (x->svg == 1 && x->kind == IT_BLOCK) x->kind = IT_INLINE;   /* <g>, <path>: no breaks */
        x->unclosed = (c->parse_flags & GUMBO_INSERTION_IMPLICIT_END_TAG) != 0;
        if (e->children.length == 0 || x->kind == IT_BR) {
            x->end = k + 1;
            continue;
        }
        if (sp == scap) {
            frame *ns = realloc(st, scap * 2 * sizeof *st);
            if (!ns) { f->oom = 1; break; }
            st = ns;
            scap *= 2;
        }
        st[sp++] = (frame){c, 0, k};
    }
    /* on error, close whatever is still open so ranges stay valid */
    while (sp) { f->it[st[sp - 1].item].end = f->n; sp--; }
    free(st);
}

/* ------------------------------------------------------------ scoring */

/* A link cluster inside running text: an inline element (not a link) with
 * three or more links and next to no words of its own.  Prose does not put
 * links side by side; hover cards and entity pop-ups that CSS hides do
 * (the name, then the card's quote, sector, news and watchlist links).
 * Only the cluster's first link is what a reader sees; the others are
 * dropped, so they count neither as text nor as link density. */
static int link_cluster(const item *x)
{
    return x->kind == IT_INLINE && x->tag != GUMBO_TAG_A && x->links >= 3 &&
           x->raw - x->rawlink <= 0.1f * x->raw + 2;
}

static void hide_link_clusters(flat *f)
{
    item *it = f->it;
    for (int i = 1; i < f->n; i++) {
        if (!link_cluster(&it[i]) || link_cluster(&it[it[i].parent])) continue;
        int first = 1;
        for (int j = i + 1; j < it[i].end; j++) {
            if (it[j].tag != GUMBO_TAG_A || it[j].kind != IT_INLINE) continue;
            if (!first) it[j].dead = 1;
            first = 0;
            j = it[j].end - 1;
        }
        i = it[i].end - 1;
    }
}

/* Raw text sizes and "contains the publisher's body" flags, bottom-up;
 * then the junk decision top-down, with the guards described above. */
static void decide_junk(flat *f)
{
    item *it = f->it;
    int n = f->n;
    for (int i = n - 1; i > 0; i--) {
        item *x = &it[i];
        if (x->kind == IT_TEXT) { x->raw = x->len; x->rawlink = x->in_link ? x->len : 0; }
        if (x->tag == GUMBO_TAG_A && x->kind == IT_INLINE) x->links++;
        if (x->tag == GUMBO_TAG_P && x->kind == IT_BLOCK && x->raw >= 80) x->longp++;
        if (x->tag == GUMBO_TAG_H1 && x->kind == IT_BLOCK) x->has_h1 = 1;
        if (x->parent >= 0) {
            it[x->parent].raw += x->raw;
            it[x->parent].longp += x->longp;
            it[x->parent].links += x->links;
            it[x->parent].rawlink += x->rawlink;
            if (x->body) it[x->parent].body = 1;
            if (x->has_h1) it[x->parent].has_h1 = 1;
        }
    }
    hide_link_clusters(f);
    float total = n ? it[0].raw : 0;
    for (int i = 0; i < n; i++) {
        item *x = &it[i];
        if (x->parent >= 0 && it[x->parent].dead) { x->dead = 1; continue; }
        if (!x->junk || x->body) continue;
        /* An unclosed junk element (say <div class=pullquote> missing its
         * </div>) swallows the paragraphs after it: keep it when it holds
         * real paragraphs, since dropping it would cut the story. */
        if (x->unclosed && x->longp >= 2) continue;
        /* comment boxes, share bars and related lists never hold the
         * headline; a "debris" word on an element that does is a subject
         * tag ("section-comment") on the story wrapper */
        if (x->junk == J_DEBRIS && x->has_h1 && x->longp >= 2) continue;
        float share = total > 0 ? x->raw / total : 0;
        if (x->junk == J_DEBRIS ? share < 0.85f : share < 0.5f) x->dead = 1;
    }
}

/* Turn a block's pending unit into a score and pass it up. */
static void flush_unit(flat *f, int b, float posfac)
{
    item *it = f->it, *x = &it[b];
    float len = x->len, link = x->link, commas = x->commas, stops = x->stops;
    x->len = x->link = x->commas = x->stops = 0;
    if (len < 25) return;
    float w = unit_weight(x->tag);
    if (w <= 0) return;
    float ld = link / len;
    float s = 1 + (commas > 10 ? 10 : commas) + (len / 100 > 3 ? 3 : len / 100) +
              (stops > 6 ? 6 : stops) * 0.5f;
    s *= (1 - ld) * (1 - ld) * w * posfac;
    /* leaf blocks (<p>, <li> ...) feed their container; a div holding text
     * is itself the container */
    int c = (x->tkind & TK_PLIKE) || x->tag == GUMBO_TAG_LI ? x->bparent : b;
    float share = 1.0f;
    for (int lvl = 0; lvl < 3 && c >= 0; lvl++, c = it[c].bparent) {
        it[c].acc += s * share;
        share *= 0.5f;
    }
}

static float posfactor(int i, int n)
{
    float pos = n ? (float)i / (float)n : 0;
    return pos > 0.75f ? 1.0f - 1.6f * (pos - 0.75f) : 1.0f;
}

static void score_all(flat *f)
{
    item *it = f->it;
    int n = f->n;
    /* subtree sums, junk excluded */
    for (int i = n - 1; i >= 0; i--) {
        item *x = &it[i];
        if (x->dead) continue;
        if (x->kind == IT_TEXT) {
            x->sub = x->len;
            x->sublink = x->in_link ? x->len : 0;
        }
        if (x->parent >= 0) {
            it[x->parent].sub += x->sub;
            it[x->parent].sublink += x->sublink;
        }
    }
    /* units: block stats are reset (text items keep theirs) */
    for (int i = 0; i < n; i++)
        if (it[i].kind == IT_BLOCK) it[i].len = it[i].link = it[i].commas = it[i].stops = 0;
    for (int i = 0; i < n; i++) {
        item *x = &it[i];
        if (x->dead) { i = x->end - 1; continue; }
        if (x->kind == IT_TEXT && x->bparent >= 0) {
            item *b = &it[x->bparent];
            b->len += x->len;
            if (x->in_link) b->link += x->len;
            b->commas += x->commas;
            b->stops += x->stops;
        } else if (x->kind == IT_BR && x->bparent >= 0) {
            flush_unit(f, x->bparent, posfactor(i, n));
        } else if (x->kind == IT_BLOCK && x->end == i + 1) {
            /* nothing inside */
        }
    }
    for (int i = 0; i < n; i++)
        if (it[i].kind == IT_BLOCK && !it[i].dead && it[i].len > 0) flush_unit(f, i, posfactor(i, n));
    for (int i = 0; i < n; i++) {
        item *x = &it[i];
        x->score = 0;
        if (x->kind != IT_BLOCK || x->dead || x->acc <= 0) continue;
        float w = tag_cand[x->tag];
        if (w <= 0) continue;
        float ld = x->sub > 0 ? x->sublink / x->sub : 0;
        x->score = x->acc * w * x->mult * (1 - ld);
    }
}

static int is_desc(const item *it, int anc, int d) { return d > anc && d < it[anc].end; }

static const char *class_of(const item *x)
{
    if (x->kind != IT_BLOCK || !x->node || x->node->type != GUMBO_NODE_ELEMENT) return NULL;
    return attr(&x->node->v.element, "class");
}

static int by_index(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

/* Chunks of the same body elsewhere in the page: sites cut a story into
 * several containers (ad slots, newsletter boxes between them) that carry
 * the publisher's body mark, or the same tag and class as the winner.
 * Each one not inside or around what is selected, with real text and few
 * links, is added; sel[] is then put in document order. */
static int add_body_chunks(const flat *f, int best, int *sel, int ns, int maxsel)
{
    const item *it = f->it;
    const char *cls = class_of(&it[best]);
    int marked = 0;
    for (int a = best; a >= 0 && !marked; a = it[a].parent) marked = it[a].marked;
    if (!marked && (!cls || !*cls)) return ns;
    for (int i = 0; i < f->n && ns < maxsel; i++) {
        const item *x = &it[i];
        if (x->dead || x->kind != IT_BLOCK || x->sub < 50) continue;
        /* a class twin must also score like a story chunk (sidebar columns
         * share classes too) */
        int same = (marked && x->marked) ||
                   (cls && *cls && x->tag == it[best].tag && x->score >= 0.25f * it[best].score &&
                    class_of(x) && !strcmp(class_of(x), cls));
        if (!same || x->sublink > 0.3f * x->sub) continue;
        int overlaps = 0;
        for (int k = 0; k < ns && !overlaps; k++)
            overlaps = sel[k] == i || is_desc(it, sel[k], i) || is_desc(it, i, sel[k]);
        if (overlaps) { i = x->end - 1; continue; }
        sel[ns++] = i;
        i = x->end - 1;
    }
    qsort(sel, (size_t)ns, sizeof *sel, by_index);
    return ns;
}

/* Pick the container; fills sel[] with the items to render, in order. */
static int choose(flat *f, int *sel, int maxsel)
{
    item *it = f->it;
    int n = f->n, best = -1;
    for (int i = 0; i < n; i++)
        if (it[i].score > 0 && (best < 0 || it[i].score > it[best].score)) best = i;
    if (best < 0) return 0;
    float sb = it[best].score;

    /* Other strong candidates that are neither inside nor around best. */
    enum { K = 8 };
    int alt[K], na = 0;
    for (int i = 0; i < n && na < K; i++) {
        if (i == best || it[i].score < 0.6f * sb) continue;
        if (is_desc(it, best, i) || is_desc(it, i, best)) continue;
        alt[na++] = i;
    }
    /* Lift to the lowest ancestor holding two of them: the story is split. */
    if (na >= 2) {
        int a = it[best].parent;
        for (int lvl = 0; lvl < 5 && a > 0; lvl++, a = it[a].parent) {
            int inside = 0;
            for (int j = 0; j < na; j++) inside += is_desc(it, a, alt[j]);
            if (inside >= 2) {
                float ld = it[a].sub > 0 ? it[a].sublink / it[a].sub : 1;
                if (ld < 0.35f && it[a].tag != GUMBO_TAG_BODY && it[a].tag != GUMBO_TAG_HTML) {
                    best = a;
                    sb = it[a].score > sb ? it[a].score : sb;
                }
                break;
            }
        }
    }

    /* Siblings that are good enough on their own join the winner. */
    int p = it[best].parent, ns = 0;
    if (p < 0 || it[best].tag == GUMBO_TAG_BODY) {
        sel[ns++] = best;
        return add_body_chunks(f, best, sel, ns, maxsel);
    }
    for (int c = p + 1; c < it[p].end && ns < maxsel; c = it[c].end) {
        item *x = &it[c];
        if (c == best) { sel[ns++] = c; continue; }
        if (x->dead || x->kind != IT_BLOCK || x->sub <= 0) continue;
        float ld = x->sublink / x->sub;
        if (x->score >= 0.2f * sb && x->score > 3 && ld < 0.3f) { sel[ns++] = c; continue; }
        if (x->tag == GUMBO_TAG_P || (x->tag == GUMBO_TAG_DIV && x->end - c <= 8)) {
            if ((x->sub >= 80 && ld < 0.25f) || (x->sub >= 25 && ld == 0 && c > best)) sel[ns++] = c;
        }
    }
    return add_body_chunks(f, best, sel, ns, maxsel);
}

/* ------------------------------------------------------------ rendering */

typedef struct {
    html_buf out, para;
    float plen, plink;
    int cur;            /* block the paragraph belongs to, -1 none */
    size_t last_off;    /* offset of the last paragraph in out, for dedup */
    size_t last_len;
    int paras, teasers;
    int keep_h1;
    int dup_checks;
    float kept_chars, kept_link;   /* over the paragraphs written */
    /* The paragraphs written, for trimming what ends a story: where each
     * starts in out, its characters and link characters, heading or not. */
    struct para_info { size_t off; float chars, link; unsigned char head; } *info;
    int ninfo, capinfo;
    int title_last;     /* the last paragraph looks like a list's title */
    int root;           /* the block being rendered */
} render;

/* A data cell's text belongs to its row: one paragraph per row, cells
 * joined by " | ".  A cell that is the rendered container, or holds more
 * than a data cell does, is a layout table's column and stays a block. */
static int row_of(const render *r, const flat *f, int b)
{
    if (b < 0 || b == r->root) return b;
    const item *x = &f->it[b];
    if ((x->tag == GUMBO_TAG_TD || x->tag == GUMBO_TAG_TH) && x->bparent >= 0 && x->raw < 200 &&
        f->it[x->bparent].tag == GUMBO_TAG_TR)
        return x->bparent;
    return b;
}

/* Drops the last written paragraph. */
static void unwrite_last(render *r)
{
    if (!r->ninfo || !r->paras) return;
    struct para_info *p = &r->info[--r->ninfo];
    r->out.len = p->off >= 2 ? p->off - 2 : 0;
    if (r->out.s) r->out.s[r->out.len] = 0;
    r->paras--;
    r->kept_chars -= p->chars;
    r->kept_link -= p->link;
    r->last_len = 0;
    r->title_last = 0;
}

/* What ends a story but is not part of it, by structure: headings left
 * with nothing after them, and short paragraphs with a link (calls to
 * action: "follow our coverage", "send us a tip", "read the report here").
 * At least two paragraphs always stay. */
static void trim_tail(render *r)
{
    while (r->ninfo > 2 && r->paras > 2) {
        const struct para_info *p = &r->info[r->ninfo - 1];
        if (!(p->head || (p->chars < 160 && p->link > 0))) break;
        unwrite_last(r);
    }
}

/* Length of a quotation mark, space or dash at p (0 if none). */
static size_t quote_char(const char *p, size_t n)
{
    unsigned char c = (unsigned char)p[0];
    if (c == '"' || c == '\'' || c == ' ' || c == '-') return 1;
    if (n >= 2 && c == 0xC2 && ((unsigned char)p[1] == 0xAB || (unsigned char)p[1] == 0xBB)) return 2;
    if (n >= 3 && c == 0xE2 && (unsigned char)p[1] == 0x80) {
        unsigned char d = (unsigned char)p[2];
        if ((d >= 0x98 && d <= 0x9F) || d == 0x93 || d == 0x94) return 3;   /* ‘’‚‛“”„‟ – — */
    }
    return 0;
}

/* Same, for the character that ends at p + z. */
static size_t quote_end(const char *p, size_t z)
{
    if (z >= 3 && quote_char(p + z - 3, 3) == 3) return 3;
    if (z >= 2 && quote_char(p + z - 2, 2) == 2) return 2;
    if (z >= 1 && quote_char(p + z - 1, 1) == 1) return 1;
    return 0;
}

static const char *find_sub(const char *h, size_t hl, const char *n, size_t nl)
{
    if (nl > hl) return NULL;
    for (const char *q = h, *end = h + hl - nl; q <= end; q++) {
        q = memchr(q, n[0], (size_t)(end - q) + 1);
        if (!q) return NULL;
        if (!memcmp(q, n, nl)) return q;
    }
    return NULL;
}

static int lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Case-insensitive prefix match that must end at a word boundary. */
static int starts_word(const char *s, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (lower_ascii((unsigned char)s[i]) != w[i]) return 0;
    unsigned char c = (unsigned char)s[i];
    int wl = lower_ascii(w[i - 1]);
    int wordchar = (wl >= 'a' && wl <= 'z') || (wl >= '0' && wl <= '9');
    if (!wordchar) return 1;
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80);
}

/* Short lines that are page furniture, not story text. */
static int boilerplate(const char *p, size_t len, size_t chars, int heading)
{
    static const char *const tiny[] = {   /* whole paragraph under 40 chars */
        "advertisement", "advertisements", "ad", "sponsored", "share", "tweet", "email",
        "print", "subscribe", "comments", "comment", "loading", "menu", "search",
        "close", "continue reading", "show more", "read more", "more", "skip",
        "listen", "save", "copy link", "link copied", "whatsapp", "facebook",
        "twitter", "linkedin", "reddit", "pinterest", "gift this article", NULL};
    static const char *const lines[] = {  /* paragraphs under 140 chars */
        "share this", "share on", "share via", "share the story", "share article",
        "sign up", "sign in", "log in", "subscribe to", "subscribe now",
        "subscribers only", "to continue reading", "continue reading", "already a subscriber",
        "read more:", "read next", "read also", "also read", "see also", "related:",
        "related articles", "related stories", "related coverage", "related news",
        "related topics", "related content", "recommended", "you may also like",
        "you might also like", "more from", "more on this", "more stories", "most read",
        "most popular", "follow us", "follow @", "click here", "copyright", "©",
        "all rights reserved", "image:", "photo:", "photograph:", "image caption",
        "media caption", "image source", "photo by", "(photo", "file photo", "credit:",
        "getty images", "listen to this article", "skip to", "leave a comment",
        "join the conversation", "we use cookies", "this site uses cookies",
        "this website uses cookies", "by continuing to", "accept cookies", "topics:",
        "tags:", "filed under", "min read", "minute read", "reading time",
        "don't miss", "trending", "watch:", "video:", "newsletter", "get our",
        "download our app", "download the", "advertisement", "story continues below",
        "scroll to continue", "our standards:", "support our journalism", "support independent",
        "article continues below", "report an error", "comments (", NULL};
    if (chars < 40)
        for (int i = 0; tiny[i]; i++)
            if (starts_word(p, tiny[i]) && strlen(tiny[i]) + 2 >= len) return 1;
    if (chars < 140 || heading)
        for (int i = 0; lines[i]; i++)
            if (starts_word(p, lines[i])) return 1;
    /* bylines: "By Jane Doe and John Roe" without sentence punctuation */
    if (chars < 70 && (p[0] == 'B' || p[0] == 'b') && p[1] == 'y' && p[2] == ' ' &&
        p[3] >= 'A' && p[3] <= 'Z' && p[len - 1] != '.')
        return 1;
    /* dates and times on their own: "Updated 10:42 GMT" */
    if (chars < 60 && (starts_word(p, "updated") || starts_word(p, "published") ||
                       starts_word(p, "posted") || starts_word(p, "last updated"))) {
        for (size_t i = 0; i < len; i++) if (p[i] >= '0' && p[i] <= '9') return 1;
    }
    return 0;
}

static void flush_para(render *r, const flat *f)
{
    html_buf *pb = &r->para;
    buf_rtrim(pb);
    int tag_head = r->cur >= 0 && (f->it[r->cur].tkind & TK_HEAD);
    int row = r->cur >= 0 && f->it[r->cur].tag == GUMBO_TAG_TR;
    int quoted = r->cur >= 0 && f->it[r->cur].in_quote;
    const char *p = pb->s;
    size_t len = pb->len;
    float plen = r->plen, plink = r->plink;
    /* the buffer is emptied on every path, after p has been used */
    pb->len = 0;
    r->plen = r->plink = 0;
    if (!len) return;
    int alnum = 0;
    for (size_t i = 0; i < len && !alnum; i++) {
        unsigned char c = (unsigned char)p[i];
        alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    }
    if (!alnum) return;
    /* "03.10.2023 14:37", "1/4", "12" on their own: layout, not prose */
    if (len < 40 && !row) {
        int letter = 0;
        for (size_t i = 0; i < len && !letter; i++) {
            unsigned char c = (unsigned char)p[i];
            letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC3;
        }
        if (!letter) return;
    }
    if (plen > 0 && plink / plen > 0.6f) { if (tag_head) r->teasers++; return; }
    size_t chars = html_utf8_chars(p, len);
    if (boilerplate(p, len, chars, tag_head)) return;
    /* the same line twice in a row is a layout duplicate (mobile/desktop) */
    if (r->paras && r->last_len == len && !memcmp(r->out.s + r->last_off, p, len)) return;
    /* a short line already said in the story is a pull quote; the search is
     * capped so that huge pages stay linear */
    if (len < 300 && r->out.len && r->dup_checks < 64) {
        r->dup_checks++;
        size_t a = 0, z = len;
        while (a < z && quote_char(p + a, z - a)) a += quote_char(p + a, z - a);
        while (z > a && quote_end(p, z)) z -= quote_end(p, z);
        if (z - a >= 30 && find_sub(r->out.s, r->out.len, p + a, z - a)) return;
    }
    if (r->out.len) html_buf_put(&r->out, "\n\n", 2);
    if (r->ninfo == r->capinfo) {
        int cap = r->capinfo ? r->capinfo * 2 : 32;
        struct para_info *ni = realloc(r->info, (size_t)cap * sizeof *ni);
        if (!ni) { r->out.oom = 1; return; }
        r->info = ni;
        r->capinfo = cap;
    }
    r->info[r->ninfo++] = (struct para_info){r->out.len, (float)chars, plink, (unsigned char)tag_head};
    /* a short heading or a short line without a sentence end may be the
     * title of a link list that follows */
    r->title_last = tag_head || (chars < 80 && p[len - 1] != '.' && p[len - 1] != '"');
    r->last_off = r->out.len;
    r->last_len = len;
    /* A blockquote is a quotation (an embedded post, a quoted letter):
     * its paragraphs are written in quotation marks, so that the quote
     * stage sees them as what someone said; its attribution line ("- Name
     * (@handle) date") is not. */
    int mark = quoted && !quote_char(p, len) && !(len >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80);
    if (mark) html_buf_put(&r->out, "\xE2\x80\x9C", 3);
    html_buf_put(&r->out, p, len);
    if (mark) html_buf_put(&r->out, "\xE2\x80\x9D", 3);
    r->paras++;
    r->kept_chars += plen;
    r->kept_link += plink;
    pb->s[0] = 0;
}

static void render_range(render *r, const flat *f, int root, float root_sub)
{
    const item *it = f->it;
    r->root = root;
    for (int i = root; i < it[root].end; i++) {
        const item *x = &it[i];
        if (x->dead) { i = x->end - 1; continue; }
        switch (x->kind) {
        case IT_BLOCK:
            if (i != root) {
                float ld = x->sub > 0 ? x->sublink / x->sub : 0;
                int skip = 0;
                if (x->tag == GUMBO_TAG_H1 && !r->keep_h1) skip = 1;
                else if (x->sub > 0 && ld > 0.5f) {
                    skip = 1;
                    if (x->tkind & TK_HEAD) r->teasers++;
                    /* a link list after a title-like line: the line is the
                     * list's heading ("More stories", "Lire aussi") */
                    if (r->para.len) flush_para(r, f);
                    if (r->title_last && x->links >= 2) unwrite_last(r);
                }
                /* mild-negative boxes (paywall prompt, teaser) small next to the story */
                else if (x->mult < 1.0f && x->sub < 0.2f * root_sub) skip = 1;
                if (skip) { i = x->end - 1; continue; }
            }
            if ((x->tag == GUMBO_TAG_TD || x->tag == GUMBO_TAG_TH) && row_of(r, f, i) == r->cur) {
                if (r->para.len) html_buf_put(&r->para, " | ", 3);   /* next cell, same row */
                break;
            }
            if (r->para.len) flush_para(r, f);
            r->cur = row_of(r, f, i);
            break;
        case IT_BR:
            if (r->para.len) flush_para(r, f);
            break;
        case IT_TEXT:
            if (row_of(r, f, x->bparent) != r->cur) {
                if (r->para.len) flush_para(r, f);
                r->cur = row_of(r, f, x->bparent);
            }
            html_buf_put_collapsed(&r->para, x->node->v.text.text, strlen(x->node->v.text.text));
            r->plen += x->len;
            if (x->in_link) r->plink += x->len;
            break;
        case IT_SPACE:
            if (row_of(r, f, x->bparent) == r->cur && r->para.len) html_buf_put(&r->para, " ", 1);
            break;
        default:
            break;
        }
        /* collapse double spaces created by IT_SPACE next to trailing spaces */
        if (r->para.len >= 2 && r->para.s[r->para.len - 1] == ' ' && r->para.s[r->para.len - 2] == ' ')
            r->para.s[--r->para.len] = 0;
    }
    if (r->para.len) flush_para(r, f);
}

/* Count the blocks under c (looking through single wrappers) and those that
 * are "link-led": short, with a real link and some text besides, and whose
 * first words are that link - a headline teaser with its blurb.  Story
 * paragraphs rarely start with a link. */
static void link_led(const flat *f, int c, int *items, int *teasers)
{
    const item *it = f->it;
    for (int depth = 0; depth < 4; depth++) {
        int only = -1, nb = 0;
        for (int k = c + 1; k < it[c].end; k = it[k].end) {
            if (it[k].dead || it[k].kind != IT_BLOCK || it[k].sub < 20) continue;
            nb++;
            only = k;
        }
        if (nb != 1) break;
        c = only;
    }
    for (int k = c + 1; k < it[c].end; k = it[k].end) {
        const item *x = &it[k];
        if (x->dead || x->kind != IT_BLOCK || x->sub < 20) continue;
        (*items)++;
        /* a teaser is a headline link plus a blurb; bare link blocks are
         * dropped by rendering anyway */
        if (x->sublink < 15 || x->sublink < 0.2f * x->sub || x->sub > 600 || x->sub - x->sublink < 20)
            continue;
        for (int j = k + 1; j < x->end; j++) {
            if (it[j].dead) { j = it[j].end - 1; continue; }
            if (it[j].kind != IT_TEXT) continue;
            if (it[j].in_link) (*teasers)++;
            break;
        }
    }
}

static int finish(render *r, html_scored *res)
{
    free(r->para.s);
    free(r->info);
    if (r->out.oom) { free(r->out.s); return -1; }
    if (!r->out.s) {
        r->out.s = calloc(1, 1);
        if (!r->out.s) return -1;
    }
    res->text = r->out.s;
    res->chars = html_utf8_chars(r->out.s, r->out.len);
    res->paragraphs = r->paras;
    return 0;
}

static int run(const GumboNode *root, int keep_h1, int score, html_scored *res)
{
    memset(res, 0, sizeof *res);
    flat f = {0};
    if (root) flatten(&f, root);
    if (f.oom) { free(f.it); return -1; }
    render r = {0};
    r.cur = -1;
    r.keep_h1 = keep_h1;
    if (f.n) {
        decide_junk(&f);
        score_all(&f);
    }
    if (!score) {
        if (f.n) render_range(&r, &f, 0, f.it[0].sub);
        free(f.it);
        return finish(&r, res);
    }
    enum { MAXSEL = 64 };
    int sel[MAXSEL];
    int ns = f.n ? choose(&f, sel, MAXSEL) : 0;
    if (!ns) {
        res->why = f.n ? "no text block found" : "empty document";
        free(f.it);
        return finish(&r, res);
    }
    int best = sel[0];
    float sub = 0, link = 0;
    for (int k = 0; k < ns; k++) {
        sub += f.it[sel[k]].sub;
        link += f.it[sel[k]].sublink;
        if (f.it[sel[k]].score > f.it[best].score) best = sel[k];
    }
    for (int k = 0; k < ns; k++) render_range(&r, &f, sel[k], sub);
    trim_tail(&r);
    res->container = f.it[best].node;

    /* Sanity: section fronts and link farms are not articles. */
    const char *why = NULL;
    float ld = sub > 0 ? link / sub : 1;
    size_t chars = html_utf8_chars(r.out.s ? r.out.s : "", r.out.len);
    int items = 0, teasers = 0;
    for (int k = 0; k < ns; k++) link_led(&f, sel[k], &items, &teasers);
    float rld = r.kept_chars > 0 ? r.kept_link / r.kept_chars : 0;
    if (ld > 0.65f || rld > 0.5f) why = "best block is mostly links";
    else if (teasers >= 4 && teasers * 2 >= items) why = "page is a list of teasers";
    else if (r.teasers >= 3 && r.paras <= r.teasers * 3 / 2 + 1) why = "page is a list of teasers";
    else if (chars < 80) why = "too little text";
    if (why) {
        r.out.len = 0;
        if (r.out.s) r.out.s[0] = 0;
        r.paras = 0;
        res->why = why;
        res->container = NULL;
    }
    free(f.it);
    return finish(&r, res);
}

int html_score_extract(const struct GumboInternalNode *root, int keep_h1, html_scored *res)
{
    return run(root, keep_h1, 1, res);
}

int html_render_all(const struct GumboInternalNode *root, html_scored *res)
{
    return run(root, 1, 0, res);
}

/* ------------------------------------------------------------ plain text */

char *html_node_text(const struct GumboInternalNode *node)
{
    html_buf b = {0};
    if (!node) return NULL;
    /* iterative walk through parent links; no recursion on deep trees */
    const GumboNode *n = node;
    for (;;) {
        int descend = 0;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
            html_buf_put_collapsed(&b, n->v.text.text, strlen(n->v.text.text));
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            unsigned char tk = tag_kind[t];
            int invisible = t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
                            t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH ||
                            t == GUMBO_TAG_RTC;
            if (!invisible) {
                if (!(tk & TK_INLINE) && b.len && b.s[b.len - 1] != ' ') html_buf_put(&b, " ", 1);
                descend = n->v.element.children.length > 0;
            }
        }
        if (descend) { n = n->v.element.children.data[0]; continue; }
        /* next sibling, climbing up as needed, never above node */
        while (n != node) {
            const GumboNode *p = n->parent;
            const GumboVector *kids = &p->v.element.children;
            if (p->type == GUMBO_NODE_DOCUMENT) kids = &p->v.document.children;
            size_t k = n->index_within_parent + 1;
            if (k < kids->length) { n = kids->data[k]; break; }
            n = p;
            if (p->type == GUMBO_NODE_ELEMENT && !(tag_kind[p->v.element.tag] & TK_INLINE) &&
                b.len && b.s[b.len - 1] != ' ')
                html_buf_put(&b, " ", 1);
        }
        if (n == node) break;
    }
    if (b.oom) { free(b.s); return NULL; }
    if (b.s) {
        buf_rtrim(&b);
        size_t i = 0;
        while (b.s[i] == ' ') i++;
        if (i) memmove(b.s, b.s + i, b.len - i + 1), b.len -= i;
    }
    if (!b.len) { free(b.s); return NULL; }
    return b.s;
}
