/*
 * debris.c - recognise text that came with the page but is not the story.
 *
 * Rules are general shapes of scraped news pages, each with a name that is
 * reported with what it removed:
 *
 *   related-block   a "Related Posts" / "Read more" / "You may also like"
 *                   header and the teaser paragraphs after it (headline-like
 *                   lines, paragraphs cut off with an ellipsis, badges);
 *   read-time       a "5 min read" badge: the badge alone is cut from a
 *                   paragraph, a paragraph that is only a badge goes;
 *   contributor     "X contributed to this report.", "Reporting by ...";
 *   byline          "By Jane Doe" lines;
 *   boilerplate     short share / subscribe / newsletter / advert / cookie
 *                   / copyright lines;
 *   caption         photo credits and captions;
 *   allcaps-headline an ALL-CAPS line of several words: another story's
 *                   headline dropped into the body (not in a story that is
 *                   all capitals: caseless.c);
 *   title-repeat    the headline repeated as the first paragraph.
 *
 * Each rule looks only at one paragraph and its neighbours, so it cannot
 * run away with the story; the related block is the only rule that spans
 * paragraphs, and it stops at the first paragraph that reads like story.
 */
#include "text.h"
#include "../core/core.h"

#include <ctype.h>
#include <string.h>

/* ASCII case-insensitive search of a lower-case needle in [s, s+n). */
static const char *find_ci(const char *s, uint32_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m > n) return NULL;
    unsigned char first = (unsigned char)needle[0];
    for (uint32_t i = 0; i + m <= n; i++) {
        if (((unsigned char)s[i] | 0x20) != first && (unsigned char)s[i] != first) continue;
        size_t k = 1;
        while (k < m && tolower((unsigned char)s[i + k]) == needle[k]) k++;
        if (k == m) return s + i;
    }
    return NULL;
}

static int starts_ci(const char *s, uint32_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    if (m > n) return 0;
    for (size_t k = 0; k < m; k++)
        if (tolower((unsigned char)s[k]) != prefix[k]) return 0;
    return 1;
}

static uint32_t words(const char *s, uint32_t n)
{
    uint32_t w = 0;
    int in = 0;
    for (uint32_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\n';
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

/* Compare the paragraph, minus trailing punctuation and spaces, with a phrase. */
static int is_phrase(const char *s, uint32_t n, const char *const *phrases)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ':' || s[n - 1] == '.' ||
                 s[n - 1] == '>' || s[n - 1] == '|'))
        n--;
    for (const char *const *p = phrases; *p; p++)
        if (strlen(*p) == n && starts_ci(s, n, *p)) return 1;
    return 0;
}

static const char *const related_headers[] = {
    "related posts", "related articles", "related stories", "related news", "related",
    "related content", "related coverage", "related topics", "read more", "read also",
    "also read", "read next", "more from", "more stories", "more news", "more on this story",
    "you may also like", "you might also like", "you may be interested in",
    "recommended", "recommended for you", "recommended stories", "most read", "most popular",
    "most viewed", "trending", "trending now", "see also", "latest news", "latest stories",
    "top stories", "popular posts", "popular stories", "editor's picks", "don't miss",
    "what to read next", "further reading", "in other news", NULL
};

static const char *const boilerplate_words[] = {
    "share this", "share on", "share article", "share via", "click here", "subscribe to",
    "subscribe now", "subscribe for", "subscribe here", "sign up for", "sign up to", "sign up now",
    "sign up here", "newsletter", "advertisement", "sponsored content", "follow us",
    "download the app", "download our app", "accept all cookies", "cookie policy",
    "we use cookies", "all rights reserved", "copyright \xC2\xA9", "\xC2\xA9 20",
    "print this", "email this", "copy link", "skip to content", "skip advertisement",
    "story continues below", "continue reading", "watch the video", "listen to this article",
    "join our whatsapp", "join our telegram", NULL
};

/* Returns the length of a read-time badge starting at s, else 0:
 * "5 min read", "5 min(s) read", "12 minute read", "3 mins read". */
static uint32_t badge_at(const char *s, uint32_t n)
{
    uint32_t i = 0;
    while (i < n && i < 3 && isdigit((unsigned char)s[i])) i++;
    if (!i || i >= n) return 0;
    if (s[i] == ' ') i++;
    static const char *const units[] = {"min(s)", "minutes", "minute", "mins", "min", NULL};
    for (const char *const *u = units; *u; u++) {
        size_t m = strlen(*u);
        if (i + m + 5 <= n && starts_ci(s + i, (uint32_t)m, *u) &&
            s[i + m] == ' ' && starts_ci(s + i + m + 1, 4, "read")) {
            uint32_t e = i + (uint32_t)m + 5;
            if (e < n && isalpha((unsigned char)s[e])) return 0;   /* "reader" */
            return e;
        }
    }
    return 0;
}

static int find_badge(const char *s, uint32_t n, uint32_t *at, uint32_t *len)
{
    for (uint32_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]) || (i && isalnum((unsigned char)s[i - 1]))) continue;
        uint32_t b = badge_at(s + i, n - i);
        if (b) { *at = i; *len = b; return 1; }
    }
    return 0;
}

static int ends_truncated(const char *s, uint32_t n)
{
    while (n && s[n - 1] == ' ') n--;
    return (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3)) ||
           (n >= 3 && !memcmp(s + n - 3, "...", 3)) ||
           (n >= 4 && !memcmp(s + n - 4, "[\xE2\x80\xA6", 4));
}

static int is_allcaps_headline(const char *s, uint32_t n)
{
    uint32_t upper = 0, lower = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') upper++;
        else if (c >= 'a' && c <= 'z') lower++;
    }
    return upper >= 12 && words(s, n) >= 3 && lower * 20 <= upper;
}

static int is_contributor(const char *s, uint32_t n)
{
    if (find_ci(s, n, "contribut") && (find_ci(s, n, "contributed to this report") || find_ci(s, n, "contributed reporting") ||
        find_ci(s, n, "contributed to this story") || find_ci(s, n, "contributed to this article")))
        return 1;
    const char *const starts[] = {"reporting by ", "(reporting by ", "writing by ",
                                  "editing by ", "additional reporting by ", "compiled by ", NULL};
    for (const char *const *p = starts; *p; p++)
        if (starts_ci(s, n, *p)) return 1;
    return 0;
}

static int is_byline(const char *s, uint32_t n, uint32_t w)
{
    if (w > 10 || !starts_ci(s, n, "by ")) return 0;
    if (n < 4 || !isupper((unsigned char)s[3])) return 0;
    char last = s[n - 1];
    return last != '.' && last != '?' && last != '!' && last != '"';
}

static int is_boilerplate(const char *s, uint32_t n, uint32_t w)
{
    if (w > 12) return 0;
    for (const char *const *p = boilerplate_words; *p; p++)
        if (find_ci(s, n, *p)) return 1;
    return 0;
}

static int is_caption(const char *s, uint32_t n)
{
    const char *const starts[] = {"image caption", "image copyright", "image source",
                                  "photo:", "photograph:", "picture:", "file photo", "(photo", NULL};
    for (const char *const *p = starts; *p; p++)
        if (starts_ci(s, n, *p)) return 1;
    if (!memchr(s, '/', n) && !memchr(s, '(', n)) return 0;
    return find_ci(s, n, "/getty images") || find_ci(s, n, "(ap photo") ||
           find_ci(s, n, "/ getty images") || find_ci(s, n, "/reuters)");
}

/* A teaser inside a related block: headline-like, cut off, or badged. */
static int is_teaser(const text_para *p, const char *s)
{
    uint32_t a, l;
    return (p->flags & DYAD_PARA_HEADING) || ends_truncated(s, p->len) ||
           find_badge(s, p->len, &a, &l) || (words(s, p->len) <= 20 && s[p->len - 1] != '.');
}

void text_debris(dyad_doc *d, text_paras *ps)
{
    const char *norm = d->norm;
    size_t title_len = d->title ? strlen(d->title) : 0;
    int in_related = 0;
    /* A story all in capitals is no headline dropped into another story. */
    int allcaps_story = text_allcaps(norm, d->norm_len);

    for (uint32_t i = 0; i < ps->n; i++) {
        text_para *p = &ps->v[i];
        const char *s = norm + p->off;
        uint32_t n = p->len;

        if (in_related) {
            if (is_teaser(p, s)) { p->debris = "related-block"; continue; }
            in_related = 0;
        }
        if (words(s, n) <= 6 && is_phrase(s, n, related_headers) && i + 1 < ps->n) {
            p->debris = "related-block";
            in_related = 1;
            continue;
        }
        uint32_t at, blen, w = words(s, n);
        if (find_badge(s, n, &at, &blen)) {
            if (w <= 4) { p->debris = "read-time"; continue; }
            p->cut_off = p->off + at;
            p->cut_len = blen;
        }
        /* Every other rule is about short lines: story paragraphs skip them. */
        if (w > 40) continue;
        if (i == 0 && title_len && title_len == n && !memcmp(s, d->title, n)) p->debris = "title-repeat";
        else if (is_contributor(s, n)) p->debris = "contributor";
        else if (is_byline(s, n, w)) p->debris = "byline";
        else if (is_caption(s, n)) p->debris = "caption";
        else if (is_boilerplate(s, n, w)) p->debris = "boilerplate";
        else if (!allcaps_story && is_allcaps_headline(s, n)) p->debris = "allcaps-headline";
    }
}
