/*
 * web.c - documents from web pages and web archives.
 *
 * An HTML page becomes one document through html_extract (headline, main
 * text, canonical URL, date, author, site, language).  A WARC/ARC file is
 * streamed record by record: HTML responses and resources go through the
 * same extraction, WET conversion records and plain-text resources are
 * taken as text, and everything else (requests, metadata, revisits, images,
 * pages with no article text) is skipped and counted, never silently
 * dropped: ingest_close reports the counts.  WARC-Target-URI is the URL
 * when the page declares none; WARC-Date is the publication date of last
 * resort (the time stage still prefers the page's own date).
 */
#include "web.h"
#include "html.h"
#include "warc.h"
#include "../core/core.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Give doc the extracted article; returns 0 when there is article text. */
static int from_html(dyad_doc *d, const char *html, size_t len, const char *charset_hint,
                     char *why, size_t whylen)
{
    html_article a;
    memset(&a, 0, sizeof a);
    char err[512] = "";
    if (html_extract(html, len, charset_hint, &a, err, sizeof err) < 0) {
        snprintf(why, whylen, "HTML could not be read: %s", err[0] ? err : "unknown error");
        html_article_free(&a);
        return -1;
    }
    d->title = dyad_arena_strdup(d->arena, a.title);
    d->url = dyad_arena_strdup(d->arena, a.url);
    d->published = dyad_arena_strdup(d->arena, a.published);
    d->author = dyad_arena_strdup(d->arena, a.author);
    d->site = dyad_arena_strdup(d->arena, a.site_name);
    d->lang = dyad_arena_strdup(d->arena, a.lang);
    size_t n = a.text ? strlen(a.text) : 0;
    dyad_doc_set_raw(d, a.text ? a.text : "", n);
    int ok = n > 0;
    if (!ok) snprintf(why, whylen, "no article text found (%s)", err[0] ? err : a.method ? a.method : "extraction");
    html_article_free(&a);
    return ok ? 0 : 1;
}

int web_html_document(dyad_doc *d, const char *html, size_t len, char *why, size_t whylen)
{
    /* A page with no article text (an index page, a link list, a consent
     * wall) is an error, not an empty document: coding nothing and exiting
     * 0 would hide that the input was not what the user thought. */
    int r = from_html(d, html, len, NULL, why, whylen);
    return r > 0 ? -1 : r;
}

/* ASCII case-insensitive substring search (strcasestr is not standard C). */
static const char *find_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; hay && *hay; hay++)
        if (!strncasecmp(hay, needle, n)) return hay;
    return NULL;
}

static int is_html_type(const char *ct)
{
    return ct && (find_ci(ct, "text/html") || find_ci(ct, "application/xhtml"));
}

static const char *charset_of(const char *ct)
{
    const char *c = ct ? find_ci(ct, "charset=") : NULL;
    return c ? c + 8 : NULL;
}

static int looks_like_html(const char *body, size_t n)
{
    size_t i = 0;
    while (i < n && i < 64 && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) i++;
    return i < n && body[i] == '<' &&
           (n - i >= 5 && (!strncasecmp(body + i, "<!doc", 5) || !strncasecmp(body + i, "<html", 5) ||
                           !strncasecmp(body + i, "<head", 5) || !strncasecmp(body + i, "<!--", 4)));
}

/* A reader warning without its "path: offset N: " head: the document's
 * messages name the input and the record already. */
static const char *without_place(const char *warning)
{
    const char *at = strstr(warning, ": offset ");
    const char *rest = at ? strstr(at + 9, ": ") : NULL;
    return rest ? rest + 2 : warning;
}

int web_warc_next(web_archive *w, dyad_doc *d, char *err, size_t errlen)
{
    warc_record rec;
    for (;;) {
        int r = warc_next(w->reader, &rec);
        if (r == 0) return 0;
        w->records++;
        if (r < 0) {
            w->errors++;
            snprintf(err, errlen, "%s", warc_error(w->reader));
            return -1;
        }
        const char *type = rec.type ? rec.type : "";
        int response = !strcmp(type, "response") || !strcmp(type, "resource");
        int conversion = !strcmp(type, "conversion");
        if (!response && !conversion) { w->skipped_other++; continue; }
        if (response && rec.http_status && (rec.http_status < 200 || rec.http_status >= 300)) {
            w->skipped_status++;
            continue;
        }
        d->origin_offset = rec.offset;
        d->origin_record = 1;
        const char *ct = rec.http_content_type && *rec.http_content_type ? rec.http_content_type : rec.content_type;
        char why[512];
        if (conversion || (ct && find_ci(ct, "text/plain"))) {
            dyad_doc_set_raw(d, rec.body, rec.body_len);
        } else if (is_html_type(ct) || looks_like_html(rec.body, rec.body_len)) {
            int h = from_html(d, rec.body, rec.body_len, charset_of(ct), why, sizeof why);
            if (h != 0) {
                w->skipped_empty++;
                dyad_doc_reset(d);
                continue;
            }
        } else {
            w->skipped_type++;
            continue;
        }
        if (!d->url && rec.target_uri && *rec.target_uri) d->url = dyad_arena_strdup(d->arena, rec.target_uri);
        if (!d->published && rec.date && *rec.date) {
            d->published = dyad_arena_strdup(d->arena, rec.date);
            dyad_doc_diag(d, 0, "no date in the page; WARC-Date %s used as the publication date", rec.date);
        }
        if (rec.warning) dyad_doc_diag(d, 0, "%s", without_place(rec.warning));
        w->documents++;
        return 1;
    }
}

void web_archive_report(const web_archive *w, const char *path)
{
    fprintf(stderr, "dyad: %s: %llu records, %llu documents; skipped %llu non-page records, "
                    "%llu non-2xx, %llu not HTML or text, %llu pages without article text; %llu errors\n",
            path, w->records, w->documents, w->skipped_other, w->skipped_status, w->skipped_type,
            w->skipped_empty, w->errors);
}
