/*
 * html.h - main-text and metadata extraction from one HTML news page.
 *
 * Contract
 *   html_extract() takes the raw bytes of one HTML document (any charset) and
 *   fills an html_article with the headline, the main text and metadata.
 *
 *   - Charset: a BOM wins.  Bytes that are valid UTF-8 and contain non-ASCII
 *     characters are read as UTF-8 whatever the labels say (stale latin1
 *     labels on UTF-8 pages are common; the reverse essentially never
 *     happens).  Otherwise charset_hint (the HTTP Content-Type header, whole
 *     or just the label) wins, then <meta charset>, <meta http-equiv=
 *     Content-Type> or an XML declaration in the first 4096 bytes; undeclared
 *     non-UTF-8 input is windows-1252 (WHATWG labels: latin1 = windows-1252,
 *     gb2312 = GB18030 ...).  Everything is converted to UTF-8 with iconv
 *     before parsing; invalid sequences become U+FFFD.  All output strings
 *     are valid UTF-8 without NUL bytes.
 *   - Parsing is done by Gumbo (HTML5); malformed HTML never fails.  Before
 *     parsing, the contents of <script> (except JSON-LD), <style>, comments
 *     and plain inline SVG are dropped (most of a news page's bytes, none
 *     of them read), and <svg>/<math> are renamed so that Gumbo never sees
 *     foreign content, on which Gumbo 0.10.1 can abort the process.  Pages
 *     nested deeper than HTML_MAX_DEPTH are refused (Gumbo is quadratic in
 *     depth), and attributes of a tag past the HTML_MAX_ATTRS-th dropped.
 *     See elide_raw_text and defuse_foreign in html.c.
 *   - text: paragraphs separated by "\n\n", no other newlines, entities
 *     decoded, whitespace runs collapsed to one space, no leading/trailing
 *     space.  Never NULL after a successful call; "" when the page has no
 *     article text (index pages, link lists, binary garbage), in which case
 *     err holds a short note saying so.
 *   - method says where the text came from:
 *       "json-ld"          schema.org articleBody (plain or HTML)
 *       "json-ld+dom"      page paragraphs confirmed by articleBody (used when
 *                          articleBody has lost its paragraph breaks)
 *       "json-ld-liveblog" LiveBlogPosting.liveBlogUpdate bodies, in order
 *       "scored"           the DOM content scorer (html_score.c)
 *       "description"      only the meta description (article page whose
 *                          body could not be found)
 *       "none"             nothing found
 *   - Other fields are NULL when absent.  Values are "as found" (dates are not
 *     normalised), but whitespace-collapsed and entity-decoded.
 *
 *   Returns 0 on success, -1 on a hard error (NULL arguments, empty or
 *   oversized input, binary input, nesting deeper than HTML_MAX_DEPTH, out
 *   of memory); err (if errlen > 0) then says why.  On both paths *out is
 *   fully initialised, so html_article_free() is always safe.  The function
 *   is re-entrant: no global state is kept.
 *
 * Non-static symbols of this module all start with html_ because every
 * module links into one library.
 */
#ifndef DYAD_INGEST_HTML_H
#define DYAD_INGEST_HTML_H

#include <stddef.h>

typedef struct {
    char *title;        /* JSON-LD headline > og:title > itemprop=headline >
                           <h1> near the article > <title> minus site suffix */
    char *text;         /* main text, see the contract above */
    char *url;          /* canonical link or og:url (absolute preferred) */
    char *published;    /* publication date as found in the page */
    char *author;       /* "A, B" when several */
    char *site_name;    /* og:site_name > JSON-LD publisher.name > ... */
    char *lang;         /* <html lang> > og:locale > content-language > JSON-LD */
    char *description;  /* og:description or meta description */
    const char *method; /* static string, see above */
} html_article;

/* Largest input accepted; Gumbo keeps offsets in 32 bits. */
#define HTML_MAX_INPUT ((size_t)256 << 20)
/* Deepest element nesting accepted (Gumbo slows down with its square). */
#define HTML_MAX_DEPTH 10000
/* Attributes of one tag passed to Gumbo (its duplicate check is quadratic
 * in them); further ones are blanked before parsing. */
#define HTML_MAX_ATTRS 64

int html_extract(const char *html, size_t len, const char *charset_hint,
                 html_article *out, char *err, size_t errlen);
void html_article_free(html_article *a);

/* Convert len bytes in the given charset label (WHATWG labels understood,
 * NULL or unknown = UTF-8) to a malloc'd NUL-terminated UTF-8 string with
 * invalid sequences replaced by U+FFFD and NUL bytes dropped.  Exposed
 * because the WARC reader needs the same thing.  NULL only when out of memory. */
char *html_to_utf8(const char *in, size_t len, const char *charset, size_t *outlen);

/* ---- internal: shared by html.c and html_score.c, not for other modules ---- */

struct GumboInternalNode;

/* Growable byte buffer.  On allocation failure `oom` is set and further
 * appends are ignored, so callers check once at the end. */
typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} html_buf;

void html_buf_put(html_buf *b, const char *s, size_t n);
/* Append text collapsing whitespace (ASCII, NBSP, Unicode spaces) into single
 * spaces and dropping control characters, zero-width spaces, BOMs and soft
 * hyphens.  A leading space is only kept when the buffer does not already
 * end in one (or is empty). */
void html_buf_put_collapsed(html_buf *b, const char *s, size_t n);

/* Collapsed, trimmed text content of a subtree (scripts, styles and other
 * invisible elements skipped); malloc'd, NULL if empty. */
char *html_node_text(const struct GumboInternalNode *n);

/* Result of the DOM content scorer. */
typedef struct {
    char *text;                             /* malloc'd, "" if nothing */
    size_t chars;                           /* characters in text */
    int paragraphs;                         /* paragraphs in text */
    const struct GumboInternalNode *container;  /* chosen element or NULL */
    const char *why;                        /* note when text is empty */
} html_scored;

/* Score the document under root and render the best container's paragraphs.
 * keep_h1: keep <h1> blocks in the text (used for HTML inside articleBody).
 * Returns 0, or -1 when out of memory. */
int html_score_extract(const struct GumboInternalNode *root, int keep_h1,
                       html_scored *res);

/* Render every visible paragraph under root, no scoring (HTML articleBody). */
int html_render_all(const struct GumboInternalNode *root, html_scored *res);

/* Number of characters (code points) in a UTF-8 string. */
size_t html_utf8_chars(const char *s, size_t n);

#endif
