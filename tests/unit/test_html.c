/*
 * test_html.c - HTML article extraction (ingest/html.c, ingest/html_score.c).
 *
 * The fixtures in tests/fixtures/html/ are invented wire-style stories laid
 * out like real news sites, each with the debris that site type carries.
 * Every page test checks the metadata, that the story's first and last
 * paragraphs are in the text, and that none of the debris is.
 */
#include "../check.h"
#include "../../ingest/html.h"

#include <stdint.h>

/* ------------------------------------------------------------ helpers */

typedef struct {
    html_article a;
    int rc;
    char err[256];
} result;

static int load(const char *name, const char *hint, result *r)
{
    char path[512];
    snprintf(path, sizeof path, "tests/fixtures/html/%s", name);
    size_t n = 0;
    char *buf = check_slurp(path, &n);
    if (!buf) {
        memset(r, 0, sizeof *r);
        CHECK_NOTE("cannot read %.200s", path);
        return -1;
    }
    r->rc = html_extract(buf, n, hint, &r->a, r->err, sizeof r->err);
    free(buf);
    return r->rc;
}

static result run_str(const char *html, const char *hint)
{
    result r;
    r.rc = html_extract(html, strlen(html), hint, &r.a, r.err, sizeof r.err);
    return r;
}

static int has(const char *text, const char *needle) { return text && strstr(text, needle) != NULL; }

static int count(const char *text, const char *needle)
{
    int k = 0;
    for (const char *p = text; p && (p = strstr(p, needle)); p += strlen(needle)) k++;
    return k;
}

static int starts(const char *text, const char *prefix)
{
    return text && !strncmp(text, prefix, strlen(prefix));
}

static int ends(const char *text, const char *suffix)
{
    size_t a = text ? strlen(text) : 0, b = strlen(suffix);
    return text && a >= b && !strcmp(text + a - b, suffix);
}

/* Strict UTF-8 check (no overlongs, surrogates or values past U+10FFFF). */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (!k) return 0;
        for (size_t i = 1; i < k; i++) if ((p[i] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;
        if (c == 0xED && p[1] >= 0xA0) return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;
        if (c == 0xF4 && p[1] >= 0x90) return 0;
        p += k;
    }
    return 1;
}

/* The text format of the contract: paragraphs joined by exactly "\n\n",
 * no other newlines or tabs, no space at paragraph edges, no double spaces. */
static int well_formed(const char *t)
{
    if (!t) return 0;
    if (!valid_utf8(t)) return 0;
    size_t n = strlen(t);
    if (n && (t[0] == ' ' || t[0] == '\n' || t[n - 1] == ' ' || t[n - 1] == '\n')) return 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '\t' || t[i] == '\r') return 0;
        if (t[i] == ' ' && t[i + 1] == ' ') return 0;
        if (t[i] == '\n') {
            if (t[i + 1] != '\n' || t[i + 2] == '\n' || t[i + 2] == ' ' || (i && t[i - 1] == ' ')) return 0;
            i++;
        }
    }
    return 1;
}

static int paragraphs(const char *t) { return t && *t ? count(t, "\n\n") + 1 : 0; }

/* ------------------------------------------------------------ fixture pages */

static void test_jsonld_article(void)
{
    result r;
    if (load("jsonld_article.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.method, "json-ld");
    /* JSON-LD headline beats the shorter og:title */
    CHECK_STR(r.a.title, "Finland and Estonia agree joint Baltic cable patrols after pipeline damage");
    CHECK_STR(r.a.url, "https://www.northernwire.com/world/europe/finland-estonia-cable-patrols-2024-03-14/");
    CHECK_STR(r.a.published, "2024-03-14T09:32:00Z");
    CHECK_STR(r.a.author, "Anna Korhonen");
    CHECK_STR(r.a.site_name, "Northern Wire");
    CHECK_STR(r.a.lang, "en-GB");
    CHECK(well_formed(t));
    CHECK_INT(paragraphs(t), 8);
    CHECK(starts(t, "HELSINKI, March 14 (Northern Wire) - Finland and Estonia agreed on Thursday"));
    CHECK(ends(t, "(Reporting by Anna Korhonen in Helsinki; additional reporting by Martin Tamm in Tallinn; Editing by Helen Price)"));
    CHECK(has(t, "Antti H\xC3\xA4kk\xC3\xA4nen"));
    CHECK(!has(t, "Advertisement"));
    CHECK(!has(t, "Sweden formally joins NATO"));
    CHECK(!has(t, "Share on"));
    CHECK(!has(t, "Juha Lehto"));
    CHECK(!has(t, "min read"));
    CHECK(!has(t, "All rights reserved"));
    html_article_free(&r.a);
}

static void test_jsonld_without_body(void)
{
    result r;
    if (load("jsonld_nobody.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.method, "scored");
    /* "&#039;" inside the JSON-LD headline is decoded */
    CHECK_STR(r.a.title, "Chile's Senate approves pension overhaul after marathon session");
    CHECK_STR(r.a.author, "Luc\xC3\xAD" "a Ferreyra, Tom\xC3\xA1s Ibarra");
    CHECK_STR(r.a.published, "2024-01-25T03:14:00-03:00");
    CHECK_STR(r.a.site_name, "Andes Daily Post");
    CHECK_STR(r.a.url, "https://andesdailypost.com/politics/chile-senate-pension-reform/");
    CHECK_STR(r.a.lang, "en-US");
    CHECK(well_formed(t));
    CHECK(starts(t, "SANTIAGO, Jan 25 - Chile\xE2\x80\x99s Senate approved President Gabriel Boric"));
    CHECK(ends(t, "after voters rejected two proposed new constitutions."));
    /* in-article heading and bullet list are kept, each on its own paragraph */
    CHECK(has(t, "\n\nWhat changes for workers\n\n"));
    CHECK(has(t, "\n\nEmployers will contribute an extra 6% of wages, phased in over nine years.\n\n"));
    CHECK(has(t, "\xE2\x80\x9CIt is a patch, not a new system,\xE2\x80\x9D said David Acu\xC3\xB1" "a"));
    CHECK(!has(t, "Advertisement"));
    CHECK(!has(t, "Read more"));
    CHECK(!has(t, "Boric reshuffles cabinet"));
    CHECK(!has(t, "cookies"));
    CHECK(!has(t, "Trending"));
    CHECK(!has(t, "Peru's Congress"));
    CHECK(!has(t, "Tagged"));
    CHECK(!has(t, "Previous:"));
    html_article_free(&r.a);
}

static void test_debris_page(void)
{
    result r;
    if (load("no_jsonld_debris.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.method, "scored");
    /* <title> minus its " | Site" suffix; the suffix names the site */
    CHECK_STR(r.a.title, "Kenya recalls ambassador to Uganda over Lake Victoria island arrests");
    CHECK_STR(r.a.site_name, "East Africa Ledger");
    CHECK_STR(r.a.author, "Wanjiru Kamau");
    CHECK_STR(r.a.published, "2024-02-19T14:05:00+03:00");
    CHECK_STR(r.a.url, "https://www.eastafricaledger.com/news/kenya-recalls-ambassador-uganda-migingo");
    CHECK(well_formed(t));
    CHECK_INT(paragraphs(t), 7);
    CHECK(starts(t, "NAIROBI (EAL) \xE2\x80\x94 Kenya on Monday recalled its ambassador"));
    CHECK(ends(t, "expected to return to Kampala within days if the fishermen were released."));
    CHECK(!has(t, "cookies"));
    CHECK(!has(t, "Share"));
    CHECK(!has(t, "Subscribe"));
    CHECK(!has(t, "Morning Briefing"));
    CHECK(!has(t, "Sign up"));
    CHECK(!has(t, "Related Posts"));
    CHECK(!has(t, "Tanzania and Kenya agree"));
    CHECK(!has(t, "waiting times at the Namanga crossing"));
    CHECK(!has(t, "Most popular"));
    CHECK(!has(t, "shilling"));
    CHECK(!has(t, "Log in"));
    html_article_free(&r.a);
}

static void test_liveblog(void)
{
    result r;
    if (load("liveblog.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.title, "EU summit live: leaders clash over how to pay for defence");
    CHECK_STR(r.a.published, "2024-03-21T09:55:00+01:00");
    CHECK_STR(r.a.url, "https://www.continentaltimes.eu/live/eu-summit-defence-march-2024");
    CHECK(well_formed(t));
    /* every post, in page order */
    const char *posts[] = {
        "European Council President Charles Michel has closed the meeting.",
        "Hungarian Prime Minister Viktor Orb\xC3\xA1n told reporters",
        "Ukrainian President Volodymyr Zelenskiy urged EU leaders",
        "French President Emmanuel Macron said Europe needed",
        "Good morning and welcome to our live coverage",
    };
    const char *prev = t;
    for (size_t i = 0; i < sizeof posts / sizeof *posts; i++) {
        const char *p = t ? strstr(t, posts[i]) : NULL;
        CHECK(p != NULL);
        CHECK(p == NULL || p >= prev);
        if (p) prev = p;
    }
    CHECK(ends(t, "NATO that Russia could test the alliance within a few years."));
    CHECK(!has(t, "Share this post"));
    CHECK(!has(t, "Load earlier posts"));
    CHECK(!has(t, "Key events"));
    CHECK(!has(t, "Posted by"));
    CHECK(!has(t, "Germany's coalition"));
    html_article_free(&r.a);
}

static void test_comments_section(void)
{
    result r;
    if (load("comments.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.title, "Lula meets Milei in Buenos Aires as Brazil and Argentina reset ties");
    CHECK_STR(r.a.author, "Pablo Gim\xC3\xA9nez");
    CHECK_STR(r.a.published, "2024-06-11T18:20:00-03:00");
    CHECK(well_formed(t));
    CHECK_INT(paragraphs(t), 6);
    CHECK(starts(t, "BUENOS AIRES \xE2\x80\x93 Brazilian President Luiz In\xC3\xA1" "cio Lula da Silva met"));
    CHECK(ends(t, "is expected to dominate discussions."));
    /* the comments hold more text than the story: none of it may leak */
    CHECK(!has(t, "Finally some adults"));
    CHECK(!has(t, "Handshakes for the cameras"));
    CHECK(!has(t, "Uruguayan"));
    CHECK(!has(t, "thoughts on"));
    CHECK(!has(t, "Leave a Reply"));
    CHECK(!has(t, "Reply"));
    CHECK(!has(t, "By Pablo"));
    html_article_free(&r.a);
}

static void test_paywall_teaser(void)
{
    result r;
    if (load("paywall.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.title, "Japan's ruling LDP picks Ishiba as leader, clearing way for snap election");
    CHECK_STR(r.a.author, "Kenji Watanabe");
    CHECK_STR(r.a.published, "2024-09-27T16:48:00+09:00");
    CHECK_STR(r.a.site_name, "Pacific Ledger");
    CHECK(well_formed(t));
    CHECK_INT(paragraphs(t), 3);
    CHECK(starts(t, "TOKYO -- Former defence minister Shigeru Ishiba won the leadership"));
    CHECK(ends(t, "that he would not seek re-election as party leader."));
    CHECK(!has(t, "Subscribe"));
    CHECK(!has(t, "Already a subscriber"));
    CHECK(!has(t, "Cancel anytime"));
    CHECK(!has(t, "Lorem ipsum"));
    CHECK(!has(t, "Yen slides"));
    CHECK(!has(t, "Recommended"));
    CHECK(!has(t, "Tokyo correspondent"));
    html_article_free(&r.a);
}

static void test_latin1_meta(void)
{
    result r;
    if (load("latin1.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    /* ISO-8859-1 from <meta http-equiv>; 0x92 is read as windows-1252 ’ */
    CHECK_STR(r.a.title, "Macron re\xC3\xA7oit Lula \xC3\xA0 l\xE2\x80\x99\xC3\x89lys\xC3\xA9" "e pour une visite d\xE2\x80\x99\xC3\x89tat");
    CHECK_STR(r.a.site_name, "Le Quotidien R\xC3\xA9gional");
    CHECK_STR(r.a.author, "H\xC3\xA9l\xC3\xA8ne Dubois");
    CHECK_STR(r.a.published, "2024-03-26");
    CHECK_STR(r.a.lang, "fr");
    CHECK(well_formed(t));
    CHECK_INT(paragraphs(t), 6);
    CHECK(starts(t, "PARIS, 26 mars (LQR) - Emmanuel Macron a re\xC3\xA7u mardi \xC3\xA0 l\xE2\x80\x99\xC3\x89lys\xC3\xA9" "e"));
    CHECK(has(t, "S\xC3\xA3o Paulo"));
    CHECK(has(t, "\xC2\xAB Le Br\xC3\xA9sil et la France"));
    CHECK(has(t, "Itagua\xC3\xAD"));
    CHECK(ends(t, "un niveau inf\xC3\xA9rieur \xC3\xA0 celui d\xE2\x80\x99" "avant la pand\xC3\xA9mie."));
    CHECK(!has(t, "Partager"));
    CHECK(!has(t, "lire aussi"));
    CHECK(!has(t, "Mentions"));
    CHECK(!has(t, "\xEF\xBF\xBD"));   /* no replacement characters */
    html_article_free(&r.a);
}

static void test_nested_sidebar(void)
{
    result r;
    if (load("nested_sidebar.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.title, "Indonesia, Malaysia sign maritime boundary treaties after 19 years of talks");
    CHECK_STR(r.a.author, "Siti Rahmawati");
    CHECK_STR(r.a.published, "2024-08-08T13:22:41+07:00");
    CHECK_STR(r.a.url, "https://apmonitor.net/2024/08/08/indonesia-malaysia-maritime-boundary/");
    CHECK(well_formed(t));
    CHECK_INT(paragraphs(t), 6);
    CHECK(starts(t, "JAKARTA, Aug 8 (APM) - Indonesia and Malaysia signed two treaties"));
    CHECK(ends(t, "after the inauguration of President-elect Prabowo Subianto in October, a government spokesman said."));
    CHECK(!has(t, "Most Read"));
    CHECK(!has(t, "Second Thomas Shoal"));
    CHECK(!has(t, "Latest News"));
    CHECK(!has(t, "Markets: Jakarta"));
    CHECK(!has(t, "UNCLOS"));
    CHECK(!has(t, "Careers"));
    html_article_free(&r.a);
}

static void test_malformed(void)
{
    result r;
    if (load("malformed.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK_STR(r.a.title, "Ghana opposition rejects electoral commission audit");
    CHECK_STR(r.a.site_name, "Accra Standard");
    CHECK_STR(r.a.author, "Kwame Mensah");
    CHECK_STR(r.a.published, "2024-11-02T10:00:00Z");
    CHECK(well_formed(t));
    CHECK(starts(t, "ACCRA, Nov 2 \xE2\x80\x94 Ghana's main opposition party on Saturday rejected"));
    /* misnested <b><i> and a bare "&" come out as plain text */
    CHECK(has(t, "the Electoral Commission had failed to explain"));
    CHECK(has(t, "polling stations & ignored complaints"));
    /* the paragraphs swallowed by an unclosed <div class=pullquote> survive,
     * the pull quote itself (a repeat) does not */
    CHECK(has(t, "Vice President Mahamudu Bawumia"));
    CHECK(ends(t, "was challenged in the Supreme Court by Mahama, who lost the case."));
    CHECK_INT(count(t, "nobody trusts"), 1);
    CHECK(!has(t, "Copyright"));
    CHECK(!has(t, "Home"));
    CHECK(!has(t, "tracking pixel"));
    html_article_free(&r.a);
}

static void test_index_page(void)
{
    result r;
    if (load("index_page.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    /* a section front: no article, and the teaser list must not pose as one */
    CHECK_STR(r.a.text, "");
    CHECK_STR(r.a.method, "none");
    CHECK(r.err[0] != 0);
    CHECK_STR(r.a.title, "World News");
    CHECK_STR(r.a.url, "https://www.globaldispatch.com/world/");
    CHECK(r.a.published == NULL);   /* teaser timestamps are not the page's date */
    html_article_free(&r.a);
}

static void test_http_charset_hint(void)
{
    /* windows-1252 bytes with no declaration in the page: the HTTP header's
     * charset (and the latin1 = windows-1252 rule) decodes them */
    const char *hints[] = {"text/html; charset=windows-1252", "text/html;charset=\"ISO-8859-1\"", NULL};
    for (int i = 0; i < 3; i++) {
        result r;
        if (load("table_br_cp1252.html", hints[i], &r)) { CHECK_INT(r.rc, 0); return; }
        const char *t = r.a.text;
        CHECK_STR(r.a.title, "Vucic denies plans to move troops to Kosovo border");
        CHECK(well_formed(t));
        /* <br><br> paragraphs in one table cell */
        CHECK_INT(paragraphs(t), 4);
        CHECK(starts(t, "BELGRADE, Oct 3 (Balkan Wire Service) \xE2\x80\x93 Serbia\xE2\x80\x99s President Aleksandar Vu\xC4\x8Di\xC4\x87"));
        CHECK(has(t, "\xE2\x80\x9Cunprecedented\xE2\x80\x9D"));
        CHECK(ends(t, "normalising relations between the two neighbours."));
        CHECK(!has(t, "03.10.2023"));
        CHECK(!has(t, "Send to a friend"));
        CHECK(!has(t, "Kosovo police take over"));
        CHECK(!has(t, "Latest news"));
        html_article_free(&r.a);
    }
}

/* ------------------------------------------------------------ JSON-LD cases */

static void test_jsonld_messy(void)
{
    /* CDATA wrapper, @graph, raw newlines inside strings, trailing commas,
     * HTML-escaped headline, author as a plain string, a second object
     * concatenated in the same script */
    const char *html =
        "<html><head><title>x</title><script type=\"application/ld+json\">//<![CDATA[\n"
        "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Wire Daily\"},"
        "{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"Talks &quot;collapse&quot; in Doha\","
        "\"datePublished\":\"2024-05-06\",\"author\":\"Omar Haddad\",\"articleBody\":\"DOHA (WD) - Ceasefire talks broke down on Monday, mediators said.\n"
        "Qatar's prime minister said both sides would be invited back, without giving a date.\",},]}\n"
        "{\"@type\":\"BreadcrumbList\"}\n//]]></script></head><body><p>short</p></body></html>";
    result r = run_str(html, NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.method, "json-ld");
    CHECK_STR(r.a.title, "Talks \"collapse\" in Doha");
    CHECK_STR(r.a.author, "Omar Haddad");
    CHECK_STR(r.a.published, "2024-05-06");
    CHECK_STR(r.a.site_name, "Wire Daily");
    CHECK_STR(r.a.text, "DOHA (WD) - Ceasefire talks broke down on Monday, mediators said.\n\n"
                        "Qatar's prime minister said both sides would be invited back, without giving a date.");
    html_article_free(&r.a);
}

static void test_jsonld_html_body(void)
{
    const char *html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"A One\"},{\"name\":\"B Two\"},\"A One\"],"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Pub &amp; Co\"},"
        "\"articleBody\":\"&lt;p&gt;LIMA - Peru&#8217;s Congress voted on Friday to censure the interior minister, "
        "the third cabinet member removed this year.&lt;/p&gt;&lt;p&gt;The motion passed with 71 votes.&lt;/p&gt;\"}"
        "</script></head><body></body></html>";
    result r = run_str(html, NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.method, "json-ld");
    CHECK_STR(r.a.author, "A One, B Two");
    CHECK_STR(r.a.site_name, "Pub & Co");
    CHECK_STR(r.a.text, "LIMA - Peru\xE2\x80\x99s Congress voted on Friday to censure the interior minister, "
                        "the third cabinet member removed this year.\n\nThe motion passed with 71 votes.");
    html_article_free(&r.a);
}

static void test_jsonld_flat_body_takes_dom_paragraphs(void)
{
    /* articleBody without line breaks: the page's own paragraphs, confirmed
     * by the body, give the structure back */
    const char *p1 = "KYIV - Ukraine and Poland agreed on Wednesday to reopen two border crossings closed by protesting farmers, officials said.";
    const char *p2 = "The agreement followed talks between the two agriculture ministers in Warsaw, which lasted more than six hours.";
    const char *p3 = "Polish farmers say cheap Ukrainian grain has driven down prices, and they have blocked the border on and off since November.";
    char html[4096];
    snprintf(html, sizeof html,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Border deal\","
             "\"articleBody\":\"%s %s %s\"}</script></head><body><div class=\"story-body\"><p>%s</p><p>%s</p>"
             "<p>%s</p></div><div class=\"related\"><p>Other story with enough words in it to look like a paragraph, really.</p></div></body></html>",
             p1, p2, p3, p1, p2, p3);
    result r = run_str(html, NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.method, "json-ld+dom");
    CHECK_INT(paragraphs(r.a.text), 3);
    CHECK(starts(r.a.text, p1));
    CHECK(ends(r.a.text, p3));
    html_article_free(&r.a);
}

static void test_jsonld_liveblog_updates(void)
{
    const char *html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Election night live\","
        "\"liveBlogUpdate\":[{\"@type\":\"BlogPosting\",\"headline\":\"Polls close\",\"articleBody\":\"Polls have closed across the country and counting has begun in all districts.\"},"
        "{\"@type\":\"BlogPosting\",\"headline\":\"Turnout\",\"articleBody\":\"The election commission put turnout at 61 percent, up four points on the last vote.\"}]}"
        "</script></head><body><p>Loading...</p></body></html>";
    result r = run_str(html, NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.method, "json-ld-liveblog");
    CHECK_STR(r.a.text, "Polls close\n\nPolls have closed across the country and counting has begun in all districts.\n\n"
                        "Turnout\n\nThe election commission put turnout at 61 percent, up four points on the last vote.");
    html_article_free(&r.a);
}

/* ------------------------------------------------------------ charsets */

static void test_charset_rules(void)
{
    const char *body = "<p>Lula visited S\xE3o Paulo and Bras\xEDlia on Monday, then flew to Par\xE1 for talks with governors about the Amazon.</p>";
    char html[1024];

    /* the HTTP hint beats a wrong <meta> */
    snprintf(html, sizeof html, "<html><head><meta charset=\"windows-1251\"></head><body>%s</body></html>", body);
    result r = run_str(html, "text/html; charset=iso-8859-1");
    CHECK_INT(r.rc, 0);
    CHECK(has(r.a.text, "S\xC3\xA3o Paulo and Bras\xC3\xAD" "lia"));
    html_article_free(&r.a);

    /* undeclared non-UTF-8 bytes are windows-1252 */
    snprintf(html, sizeof html, "<html><body>%s</body></html>", body);
    r = run_str(html, NULL);
    CHECK_INT(r.rc, 0);
    CHECK(has(r.a.text, "Par\xC3\xA1 for talks"));
    html_article_free(&r.a);

    /* valid UTF-8 stays UTF-8 even under a stale latin1 label */
    r = run_str("<html><head><meta charset=\"iso-8859-1\"></head><body><p>The mayor of S\xC3\xA3o Paulo said on Tuesday, "
                "after a long meeting, that the city would build two new hospitals.</p></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK(has(r.a.text, "S\xC3\xA3o Paulo said"));
    html_article_free(&r.a);

    /* GB2312 label (read as GB18030): "北京" */
    r = run_str("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
                "<p>\xB1\xB1\xBE\xA9, reported the agency on Monday, citing officials, after the meeting in the capital ended.</p></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK(starts(r.a.text, "\xE5\x8C\x97\xE4\xBA\xAC, reported"));
    html_article_free(&r.a);

    /* UTF-16LE with a BOM */
    const char *ascii = "<html><body><p>Kigali, Rwanda - The president, speaking on Monday, said the talks would continue next week.</p></body></html>";
    size_t n = strlen(ascii);
    char *u16 = malloc(2 * n + 2);
    if (u16) {
        u16[0] = (char)0xFF;
        u16[1] = (char)0xFE;
        for (size_t i = 0; i < n; i++) { u16[2 + 2 * i] = ascii[i]; u16[3 + 2 * i] = 0; }
        r.rc = html_extract(u16, 2 * n + 2, NULL, &r.a, r.err, sizeof r.err);
        CHECK_INT(r.rc, 0);
        CHECK(starts(r.a.text, "Kigali, Rwanda - The president"));
        html_article_free(&r.a);
        free(u16);
    }
}

static void test_to_utf8(void)
{
    size_t n = 0;
    char *s = html_to_utf8("a\xFF" "b\0c\xC3", 6, NULL, &n);
    CHECK(s != NULL);
    CHECK_STR(s, "a\xEF\xBF\xBD" "bc\xEF\xBF\xBD");
    CHECK_INT(n, strlen(s ? s : ""));
    free(s);
    s = html_to_utf8("Z\xFCrich \x80", 8, "latin1", &n);
    CHECK_STR(s, "Z\xC3\xBCrich \xE2\x82\xAC");   /* latin1 label = windows-1252: 0x80 is the euro */
    free(s);
    s = html_to_utf8("x\x81y", 3, "windows-1252", &n);   /* unmapped byte */
    CHECK_STR(s, "x\xEF\xBF\xBDy");
    free(s);
    s = html_to_utf8("ok", 2, "no-such-charset", &n);
    CHECK_STR(s, "ok");
    free(s);
}

/* ------------------------------------------------------------ small rules */

static void test_text_normalisation(void)
{
    result r = run_str("<html><body><article><h1>Title of the piece</h1>"
                       "<p>  Ministers&nbsp;&nbsp;met\n\tin   <b>Geneva</b>&#160;on <a href=\"/x\">Friday</a>, "
                       "officials said, adding that talks would resume.\xE2\x80\x8B</p>"
                       "<p>A second paragraph<br>with a line break, and more text, to make it count as prose.</p>"
                       "</article></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.title, "Title of the piece");
    CHECK_STR(r.a.text, "Ministers met in Geneva on Friday, officials said, adding that talks would resume.\n\n"
                        "A second paragraph\n\nwith a line break, and more text, to make it count as prose.");
    html_article_free(&r.a);
}

static void test_title_rules(void)
{
    result r = run_str("<html><head><title>Army chief sacked after coup rumours - The Daily Wire</title>"
                       "<meta property=\"og:site_name\" content=\"The Daily Wire\">"
                       "<meta property=\"og:title\" content=\"Army chief sacked after coup rumours | The Daily Wire\">"
                       "</head><body></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.title, "Army chief sacked after coup rumours");
    CHECK_STR(r.a.text, "");
    html_article_free(&r.a);

    /* canonical links that are relative lose to an absolute og:url */
    r = run_str("<html><head><link rel=canonical href=\"/a/1\"><meta property=\"og:url\" content=\"https://x.example/a/1\">"
                "</head><body></body></html>", NULL);
    CHECK_STR(r.a.url, "https://x.example/a/1");
    html_article_free(&r.a);
}

static void test_description_fallback(void)
{
    /* an article page whose body is rendered by script: the description is
     * all there is, and it is said so */
    result r = run_str("<html><head><meta property=\"og:type\" content=\"article\">"
                       "<meta name=\"description\" content=\"The central bank raised its main rate by half a point on "
                       "Thursday, its third increase this year, citing stubborn inflation.\"></head>"
                       "<body><div id=\"root\"></div><script>render()</script></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.method, "description");
    CHECK(starts(r.a.text, "The central bank raised its main rate"));
    html_article_free(&r.a);
}

/* ------------------------------------------------------------ real-site patterns */

static const char *const story[] = {
    "The prime minister said on Tuesday that the government would hold a referendum on the new constitution before the end of the year, despite objections from opposition parties.",
    "Speaking to parliament, she said the draft, which limits presidents to two terms and creates a constitutional court, had been approved by a commission of legal experts.",
    "Opposition leaders said the timetable left too little time for public debate and called for the vote to be postponed until after local elections in the spring.",
    "Analysts said the government was trying to capitalise on its strong showing in recent opinion polls, which put its approval rating at its highest level since 2019.",
};

/* Build a page from printf-style pieces into a static buffer. */
static char page_buf[32768];
static size_t page_len;
static void page(const char *s)
{
    size_t n = strlen(s);
    if (page_len + n < sizeof page_buf) { memcpy(page_buf + page_len, s, n); page_len += n; }
    page_buf[page_len] = 0;
}
static void page_links(int n)
{
    char b[128];
    for (int i = 0; i < n; i++) {
        snprintf(b, sizeof b, "<li><a href=\"/n/%d\">Another fairly long headline number %d</a></li>", i, i);
        page(b);
    }
}
static void page_story(const char *before, const char *after)
{
    for (size_t i = 0; i < sizeof story / sizeof *story; i++) {
        page(before);
        page(story[i]);
        page(after);
    }
}

static void check_story(const char *t)
{
    CHECK(well_formed(t));
    CHECK_INT(paragraphs(t), 4);
    CHECK(starts(t, story[0]));
    CHECK(ends(t, story[3]));
}

static void test_wordpress_taxonomy_classes(void)
{
    /* the story wrapper carries "category-comment", "tag-social-media":
     * subject tags, not a comment box or a share bar */
    page_len = 0;
    page("<html><body class=\"single single-post tag-advertising\"><header><nav><ul>");
    page_links(20);
    page("</ul></nav></header><div id=\"content\"><article class=\"post-1 post type-post hentry "
         "category-comment category-related-news tag-social-media tag-share\"><h1 class=\"entry-title\">PM sets "
         "referendum date</h1><div class=\"entry-content\">");
    page_story("<p>", "</p>");
    page("</div></article><div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">");
    for (int i = 0; i < 10; i++)
        page("<li class=\"comment\"><div class=\"comment-body\"><p>I think this is a terrible idea, honestly, and "
             "the government should listen to the people for once, not to the lobbyists.</p></div></li>");
    page("</ol></div></div></body></html>");
    result r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    check_story(r.a.text);
    CHECK(!has(r.a.text, "lobbyists"));
    html_article_free(&r.a);
}

static void test_component_blocks(void)
{
    /* one paragraph per block, link blocks in between (BBC-like) */
    page_len = 0;
    page("<html><body><main><article><header><h1>PM sets referendum date</h1></header>"
         "<div data-component=\"byline-block\"><p>By Jane Doe, Political correspondent</p></div>");
    page_story("<div data-component=\"text-block\"><p>", "</p></div>"
               "<div data-component=\"links-block\"><ul><li><a href=\"/x\">Constitution: what changes</a></li></ul></div>");
    page("</article><section data-component=\"related-content\"><h2>More on this story</h2><ul>");
    page_links(12);
    page("</ul></section></main></body></html>");
    result r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    check_story(r.a.text);
    CHECK(!has(r.a.text, "Jane Doe"));
    html_article_free(&r.a);

    /* the body split into columns with ad slots between them, under a
     * <section name="articleBody"> (NYT-like) */
    page_len = 0;
    page("<html><body><header><ul>");
    page_links(15);
    page("</ul></header><article><h1>PM sets referendum date</h1><section name=\"articleBody\">");
    page_story("<div class=\"css-1 StoryBodyCompanionColumn\"><div class=\"css-2\"><p class=\"css-at9\">",
               "</p></div></div><div class=\"css-3\"><div id=\"mid\" class=\"ad\">Advertisement</div></div>");
    page("</section></article><div class=\"bottom-of-article\"><ul>");
    page_links(15);
    page("</ul></div></body></html>");
    r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    check_story(r.a.text);
    html_article_free(&r.a);

    /* Bootstrap's hidden-xs hides a column on phones only */
    page_len = 0;
    page("<html><body><div class=\"row\"><div class=\"col-md-8 hidden-xs\"><h1>PM sets referendum date</h1>");
    page_story("<p>", "</p>");
    page("</div><div class=\"col-md-4\"><ul>");
    page_links(25);
    page("</ul></div></div></body></html>");
    r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    check_story(r.a.text);
    html_article_free(&r.a);
}

static void test_jsonld_item_list_is_not_the_article(void)
{
    /* a section front describing its teasers as NewsArticles */
    page_len = 0;
    page("<html><head><script type=\"application/ld+json\">{\"@type\":\"ItemList\",\"itemListElement\":["
         "{\"@type\":\"ListItem\",\"item\":{\"@type\":\"NewsArticle\",\"headline\":\"Teaser\","
         "\"articleBody\":\"A teaser body that is long enough to be taken for an article if nobody looked at where it came from.\"}}]}"
         "</script></head><body><ul>");
    page_links(30);
    page("</ul></body></html>");
    result r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.text, "");
    CHECK(r.a.title == NULL || strcmp(r.a.title, "Teaser"));
    html_article_free(&r.a);
}

/* ------------------------------------------------------------ robustness */

static void test_bad_input(void)
{
    result r;
    char err[64];
    r.rc = html_extract("", 0, NULL, &r.a, err, sizeof err);
    CHECK_INT(r.rc, -1);
    CHECK(err[0] != 0);
    CHECK(r.a.text == NULL && r.a.title == NULL);
    html_article_free(&r.a);

    r.rc = html_extract(NULL, 10, NULL, &r.a, err, sizeof err);
    CHECK_INT(r.rc, -1);
    html_article_free(&r.a);

    CHECK_INT(html_extract("<p>x</p>", 8, NULL, NULL, err, sizeof err), -1);
    /* a zero-length error buffer is allowed */
    r.rc = html_extract("", 0, NULL, &r.a, NULL, 0);
    CHECK_INT(r.rc, -1);
    html_article_free(&r.a);

    /* markup only, or text without any element */
    r = run_str("<", NULL);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.a.text, "");
    html_article_free(&r.a);
    r = run_str("Just a sentence of plain text, with no markup at all, that goes on for a while to be long enough.", NULL);
    CHECK_INT(r.rc, 0);
    CHECK(well_formed(r.a.text));
    html_article_free(&r.a);
}

/* Deterministic pseudo-random bytes. */
static uint32_t rng(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void test_garbage_never_crashes(void)
{
    uint32_t seed = 12345;
    size_t n = 1 << 16;
    char *buf = malloc(n);
    if (!buf) return;
    /* raw binary */
    for (size_t i = 0; i < n; i++) buf[i] = (char)rng(&seed);
    result r;
    r.rc = html_extract(buf, n, NULL, &r.a, r.err, sizeof r.err);
    CHECK(r.rc == -1 || well_formed(r.a.text));
    CHECK(r.rc == 0 || r.err[0]);
    html_article_free(&r.a);

    /* tag soup: random pieces of markup, text, entities and high bytes */
    static const char *const bits[] = {"<div class=\"article-body\">", "</div>", "<p>", "</p>", "<a href=x>",
        "</a>", "<script>", "</script>", "<!--", "-->", "<style>", "<br>", "&amp;", "&#x41;", "&",
        "<svg>", "</svg>", "<table><td>", "<h2>", "\xC3\xA9", "\xE2\x80", "\xFF", " words, more words. ",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"",
        "\"}", "<title>", "</title>", "<meta charset=koi8-r>", "<plaintext>", "<![CDATA[", "]]>",
        "<textarea>", "<li>", "<select>", "<template>", "<math>", "\n", "<nav>"};
    size_t nb = sizeof bits / sizeof *bits;
    for (int round = 0; round < 300; round++) {
        size_t len = 0, want = 1 + rng(&seed) % 8000;
        while (len < want) {
            const char *b = bits[rng(&seed) % nb];
            size_t k = strlen(b);
            if (len + k > n) break;
            memcpy(buf + len, b, k);
            len += k;
        }
        r.rc = html_extract(buf, len, NULL, &r.a, r.err, sizeof r.err);
        CHECK(r.rc == -1 || well_formed(r.a.text));
        CHECK(!r.a.title || valid_utf8(r.a.title));
        html_article_free(&r.a);
    }
    free(buf);
}

static void test_pathological_nesting(void)
{
    /* Gumbo's time grows with the square of the depth: very deep pages are
     * refused quickly instead of stalling a worker for minutes */
    size_t depth = 200000, n = depth * 5 + 64;
    char *buf = malloc(n);
    if (!buf) return;
    size_t len = 0;
    for (size_t i = 0; i < depth; i++) { memcpy(buf + len, "<div>", 5); len += 5; }
    memcpy(buf + len, "text", 4);
    len += 4;
    result r;
    r.rc = html_extract(buf, len, NULL, &r.a, r.err, sizeof r.err);
    CHECK_INT(r.rc, -1);
    CHECK(has(r.err, "nested"));
    html_article_free(&r.a);

    /* a few thousand unclosed paragraphs and cells are normal sloppiness */
    len = 0;
    for (size_t i = 0; i < 20000 && len + 80 < n; i++) {
        const char *p = "<p>Unclosed paragraph, with words in it. ";
        memcpy(buf + len, p, strlen(p));
        len += strlen(p);
    }
    r.rc = html_extract(buf, len, NULL, &r.a, r.err, sizeof r.err);
    CHECK_INT(r.rc, 0);
    CHECK(well_formed(r.a.text));
    html_article_free(&r.a);
    free(buf);
}

static void test_gumbo_crashers(void)
{
    /* Inputs that make Gumbo 0.10.1 abort the process (failed asserts in
     * its foreign-content handling); html.c keeps SVG/MathML away from it */
    static const char *const bombs[] = {
        "<table><svg><title><![CDATA[x]]>y",
        "<table><svg><select><title><select><td>",
        "<table><svg><td><desc><select></table>",
        "<table><math><mi><![CDATA[x]]>y<select><td></table>",
        "<TABLE><SVG><TITLE><![CDATA[x]]>y",
    };
    for (size_t i = 0; i < sizeof bombs / sizeof *bombs; i++) {
        result r = run_str(bombs[i], NULL);
        CHECK_INT(r.rc, 0);
        CHECK(well_formed(r.a.text));
        html_article_free(&r.a);
    }
}

static void test_svg_handling(void)
{
    /* an inline icon inside a paragraph leaves no trace; an SVG title is not
     * the page title; an unclosed <svg> does not hide the story after it */
    result r = run_str("<html><body><article><p>The minister <svg viewBox=\"0 0 10 10\"><title>Twitter</title>"
                       "<path d=\"M0 0\"/></svg>said on Monday that talks would resume next week, officials said.</p>"
                       "<p>Both delegations will meet in Geneva, a spokesman for the mediators said on Tuesday.</p>"
                       "</article></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK(r.a.title == NULL);
    CHECK(starts(r.a.text, "The minister said on Monday that talks would resume"));
    CHECK_INT(paragraphs(r.a.text), 2);
    CHECK(!has(r.a.text, "Twitter"));
    html_article_free(&r.a);

    r = run_str("<html><body><div class=\"story\"><svg class=\"icon\"><use href=\"#i\"><text>ICON</text>"
                "<p>The minister said on Monday that talks would resume next week, officials said.</p>"
                "<p>Both delegations will meet in Geneva, a spokesman for the mediators said on Tuesday.</p>"
                "</div></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK_INT(paragraphs(r.a.text), 2);
    CHECK(!has(r.a.text, "ICON"));
    html_article_free(&r.a);
}

static void test_scripts_do_not_leak(void)
{
    /* script and style bodies are never text, including tricky endings */
    result r = run_str("<html><head><style>p{color:red}</style></head><body><div class=\"story\">"
                       "<script>var s = \"</scr\" + \"ipt>\"; if (a < b) document.write('<p>FAKE</p>');</script>"
                       "<p>The senate voted 60 to 40 on Tuesday to approve the budget, ending a month of deadlock.</p>"
                       "<script><!-- var x = \"<script>\"; --></script>"
                       "<p title=\"<script>\">Lawmakers from both parties said the deal was the best available, for now.</p>"
                       "<svg><text>SVGTEXT</text></svg>"
                       "</div></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK(has(r.a.text, "approve the budget, ending a month of deadlock."));
    CHECK(has(r.a.text, "the best available, for now."));
    CHECK(!has(r.a.text, "FAKE"));
    CHECK(!has(r.a.text, "var "));
    CHECK(!has(r.a.text, "color"));
    CHECK(!has(r.a.text, "SVGTEXT"));
    html_article_free(&r.a);

    /* what the pre-parse elision must not get wrong: "<script" inside a
     * comment, a textarea or an attribute; a double-escaped script (where
     * "</script>" does not end it); a comment ended by "--!>" */
    r = run_str("<html><body><div class=\"story\"><!-- <script> --><p>The senate voted 60 to 40 on Tuesday "
                "to approve the budget, ending a month of deadlock.</p><textarea><script></textarea>"
                "<script><!-- document.write('<script>x</script>'); HIDDEN1 --></script>"
                "<p>Lawmakers from both parties said the deal was the best available, for now.</p>"
                "<!-- x --!><p>The bill now goes to the president, who is expected to sign it this week.</p>"
                "</div></body></html>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK_INT(paragraphs(r.a.text), 3);
    CHECK(ends(r.a.text, "who is expected to sign it this week."));
    CHECK(!has(r.a.text, "HIDDEN1"));
    CHECK(!has(r.a.text, "document.write"));
    html_article_free(&r.a);

    /* unterminated script or comment: the rest of the page is theirs */
    r = run_str("<p>The senate voted 60 to 40 on Tuesday to approve the budget, ending a month of deadlock.</p>"
                "<script>var never_closed = 1;", NULL);
    CHECK_INT(r.rc, 0);
    CHECK(!has(r.a.text, "never_closed"));
    html_article_free(&r.a);
    r = run_str("<p>The senate voted 60 to 40 on Tuesday to approve the budget, ending a month of deadlock.</p>"
                "<!-- <p>COMMENTED OUT</p>", NULL);
    CHECK_INT(r.rc, 0);
    CHECK(!has(r.a.text, "COMMENTED"));
    html_article_free(&r.a);
}

/* ------------------------------------------------- structure rules (17.2) */

static void test_hover_card_links(void)
{
    result r;
    if (load("hovercard.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    /* the lead keeps the visible name; the card's links are neither text
     * nor link density */
    CHECK(starts(t, "DRESDEN, March 12 (The Ledger) - Silvertrace Semiconductor agreed on Tuesday to sell"));
    CHECK(!has(t, "watchlist") && !has(t, "STR.DE") && !has(t, "Filings"));
    CHECK_INT(paragraphs(t), 5);
    CHECK(ends(t, "Talks with the new owner are expected to start in April."));
    html_article_free(&r.a);
}

static void test_split_body_chunks(void)
{
    result r;
    if (load("split_body.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK(starts(t, "When the foreign minister of Tuvalu arrived in Canberra"));
    CHECK(has(t, "Within a week they had accepted most of it.\n\nThe agreement signed in November"));
    CHECK(ends(t, "\"Everyone in the Pacific is reading this treaty line by line,\" one of them said."));
    CHECK_INT(paragraphs(t), 6);
    CHECK(!has(t, "Advertisement"));
    html_article_free(&r.a);

    /* two containers marked itemprop=articleBody with a newsletter box
     * between them, in German */
    page_len = 0;
    page("<html lang=de><body><article><h1>Regierung einigt sich auf Haushalt</h1>"
         "<div itemprop=\"articleBody\"><p>BERLIN - Die Bundesregierung hat sich in der Nacht auf einen Haushalt "
         "für das kommende Jahr geeinigt, wie Regierungssprecher am Mittwoch mitteilten.</p>"
         "<p>Der Entwurf sieht Ausgaben von rund 480 Milliarden Euro vor, etwas weniger als im laufenden Jahr.</p></div>"
         "<div class=\"nl-box\"><p>Jeden Morgen die wichtigsten Nachrichten</p><a href=\"/nl\">Jetzt anmelden</a></div>"
         "<div class=\"zweiter-teil\" itemprop=\"articleBody\"><p>Die Opposition kritisierte die Einigung als "
         "unzureichend und kündigte an, im Bundestag Änderungen zu verlangen.</p>"
         "<p>Das Kabinett soll den Entwurf in der kommenden Woche beschließen.</p></div></article></body></html>");
    r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    CHECK(starts(r.a.text, "BERLIN - Die Bundesregierung"));
    CHECK(ends(r.a.text, "Das Kabinett soll den Entwurf in der kommenden Woche beschließen."));
    CHECK(!has(r.a.text, "anmelden"));
    html_article_free(&r.a);
}

static void test_embedded_post_is_a_quote(void)
{
    result r;
    if (load("tweet_embed.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK(has(t, "\n\n\xE2\x80\x9C" "After eighteen years, I have decided not to seek another term."));
    CHECK(has(t, "until my last. pic.twitter.com/Xy12abCD\xE2\x80\x9D\n\n"));
    CHECK(has(t, "\xE2\x80\x94 Maria Delgado (@SenDelgado) January 8, 2024"));
    CHECK(!has(t, "\xE2\x80\x9C\xE2\x80\x94"));   /* the attribution is not quoted */
    CHECK(ends(t, "in a statement on Monday evening."));
    CHECK_INT(paragraphs(t), 6);
    html_article_free(&r.a);

    /* a long quotation: its items outgrow the first item array (a use
     * after free once, under ASan) */
    page_len = 0;
    page("<html><body><article><h1>Letter read out in parliament</h1><p>The speaker read the letter from the "
         "president of the assembly to the chamber on Thursday, before the vote on the budget.</p><blockquote><p>");
    for (int i = 0; i < 1200; i++) page("<b>we</b> ");
    page("</p></blockquote><p>Members then voted on the budget, which passed by a wide margin late in the evening.</p>"
         "</article></body></html>");
    r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    CHECK(has(r.a.text, "\n\n\xE2\x80\x9Cwe we we"));
    html_article_free(&r.a);
}

static void test_end_of_story_promos(void)
{
    result r;
    if (load("promo_tail.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK(ends(t, "but gave no precise figure."));
    CHECK(!has(t, "More Great") && !has(t, "Have a tip") && !has(t, "Follow our coverage"));
    CHECK_INT(paragraphs(t), 4);
    html_article_free(&r.a);

    /* the same structure in French: no English word is needed */
    page_len = 0;
    page("<html lang=fr><body><div class=\"contenu\"><h1>Les dockers reprennent le travail</h1>"
         "<p>ANVERS - Les dockers du port d'Anvers ont repris le travail mercredi, après un accord salarial qui met fin "
         "à neuf jours de grève, a annoncé le syndicat.</p>"
         "<p>L'accord prévoit une hausse des salaires de 7,5 % sur deux ans, selon le syndicat, qui a consulté ses membres.</p>"
         "<p>Les opérateurs des terminaux estiment qu'il faudra une semaine pour résorber le retard.</p>"
         "<h3>À lire aussi</h3><ul><li><a href=\"/a\">Le port investit dans les grues automatiques</a></li>"
         "<li><a href=\"/b\">Pourquoi le transport maritime mise sur l'ammoniac</a></li></ul>"
         "<p>Suivez notre couverture du transport maritime : <a href=\"/dossier\">notre dossier</a></p>"
         "</div></body></html>");
    r = run_str(page_buf, NULL);
    CHECK_INT(r.rc, 0);
    CHECK(ends(r.a.text, "pour résorber le retard."));
    CHECK(!has(r.a.text, "lire aussi") && !has(r.a.text, "Suivez"));
    html_article_free(&r.a);
}

static void test_tables_kept_as_rows(void)
{
    result r;
    if (load("table_rows.html", NULL, &r)) { CHECK_INT(r.rc, 0); return; }
    const char *t = r.a.text;
    CHECK(has(t, "provisional results.\n\nState | Turnout 2018 | Turnout 2023 | Change\n\nBavaria | 72.3 | 73.3 | +1.0\n\n"));
    CHECK(has(t, "\n\n2018 | 1,204 | 998 | -206\n\n"));   /* a row of numbers only */
    CHECK(ends(t, "coalition talks with his current partner later this week."));
    html_article_free(&r.a);
}

int main(void)
{
    RUN(test_jsonld_article);
    RUN(test_jsonld_without_body);
    RUN(test_debris_page);
    RUN(test_liveblog);
    RUN(test_comments_section);
    RUN(test_paywall_teaser);
    RUN(test_latin1_meta);
    RUN(test_nested_sidebar);
    RUN(test_malformed);
    RUN(test_index_page);
    RUN(test_http_charset_hint);
    RUN(test_jsonld_messy);
    RUN(test_jsonld_html_body);
    RUN(test_jsonld_flat_body_takes_dom_paragraphs);
    RUN(test_jsonld_liveblog_updates);
    RUN(test_charset_rules);
    RUN(test_to_utf8);
    RUN(test_text_normalisation);
    RUN(test_title_rules);
    RUN(test_description_fallback);
    RUN(test_wordpress_taxonomy_classes);
    RUN(test_component_blocks);
    RUN(test_hover_card_links);
    RUN(test_split_body_chunks);
    RUN(test_embedded_post_is_a_quote);
    RUN(test_end_of_story_promos);
    RUN(test_tables_kept_as_rows);
    RUN(test_jsonld_item_list_is_not_the_article);
    RUN(test_bad_input);
    RUN(test_garbage_never_crashes);
    RUN(test_pathological_nesting);
    RUN(test_scripts_do_not_leak);
    RUN(test_gumbo_crashers);
    RUN(test_svg_handling);
    return check_done();
}
