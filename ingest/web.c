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
#include <stdlib.h>
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

/* What an archive record adds to its page's document: the target URI when
 * the page names no URL, the WARC-Date when it gives no date, the reader's
 * warning. */
static void record_fallbacks(dyad_doc *d, const char *target_uri, const char *date, const char *warning)
{
    /* Header values are raw bytes of the archive: repaired, as the
     * body is, so that no record carries invalid UTF-8. */
    if (!d->url && target_uri && *target_uri)
        d->url = utf8_valid_dup(d->arena, target_uri, strlen(target_uri), NULL);
    if (!d->published && date && *date) {
        d->published = utf8_valid_dup(d->arena, date, strlen(date), NULL);
        dyad_doc_diag(d, 0, "no date in the page; WARC-Date %s used as the publication date", d->published);
    }
    if (warning) dyad_doc_diag(d, 0, "%s", without_place(warning));
}

static char *dup_or_null(const char *s)
{
    if (!s) return NULL;
    char *c = strdup(s);
    if (!c) { fputs("dyad: out of memory\n", stderr); abort(); }
    return c;
}

void web_page_clear(struct ingest_page *p)
{
    free(p->charset);
    free(p->target_uri);
    free(p->date);
    free(p->warning);
    p->charset = p->target_uri = p->date = p->warning = NULL;
    p->len = 0;
    p->archive = 0;
}

static int next_record(web_archive *w, dyad_doc *d, struct ingest_page *page, char *err, size_t errlen)
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
        d->origin_inner = rec.inner;
        d->origin_record = 1;
        const char *ct = rec.http_content_type && *rec.http_content_type ? rec.http_content_type : rec.content_type;
        char why[512];
        if (conversion || (ct && find_ci(ct, "text/plain"))) {
            dyad_doc_set_raw(d, rec.body, rec.body_len);
        } else if (is_html_type(ct) || looks_like_html(rec.body, rec.body_len)) {
            if (page) {
                /* Extraction is the caller's, later (web_page_finish),
                 * and so is counting the page as a document or not. */
                web_page_clear(page);
                if (rec.body_len + 1 > page->cap) {
                    char *h = realloc(page->html, rec.body_len + 1);
                    if (!h) { fputs("dyad: out of memory\n", stderr); abort(); }
                    page->html = h;
                    page->cap = rec.body_len + 1;
                }
                memcpy(page->html, rec.body, rec.body_len);
                page->html[rec.body_len] = 0;
                page->len = rec.body_len;
                page->archive = 1;
                page->charset = dup_or_null(charset_of(ct));
                page->target_uri = dup_or_null(rec.target_uri);
                page->date = dup_or_null(rec.date);
                page->warning = dup_or_null(rec.warning);
                return 2;
            }
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
        record_fallbacks(d, rec.target_uri, rec.date, rec.warning);
        w->documents++;
        return 1;
    }
}

int web_warc_next(web_archive *w, dyad_doc *d, char *err, size_t errlen)
{
    return next_record(w, d, NULL, err, errlen);
}

int web_warc_next_page(web_archive *w, dyad_doc *d, struct ingest_page *page, char *err, size_t errlen)
{
    return next_record(w, d, page, err, errlen);
}

int web_page_finish(struct ingest_page *p, dyad_doc *d, char *why, size_t whylen)
{
    if (!p->archive) return web_html_document(d, p->html, p->len, why, whylen);
    /* the record's place survives the extraction's resets */
    uint64_t off = d->origin_offset, inner = d->origin_inner;
    int rec = d->origin_record;
    int h = from_html(d, p->html, p->len, p->charset, why, whylen);
    if (h != 0) return 1;
    d->origin_offset = off;
    d->origin_inner = inner;
    d->origin_record = rec;
    record_fallbacks(d, p->target_uri, p->date, p->warning);
    return 0;
}

void web_archive_report(const web_archive *w, const char *path)
{
    fprintf(stderr, "dyad: %s: %llu records, %llu documents; skipped %llu non-page records, "
                    "%llu non-2xx, %llu not HTML or text, %llu pages without article text; %llu errors\n",
            path, w->records, w->documents, w->skipped_other, w->skipped_status, w->skipped_type,
            w->skipped_empty, w->errors);
}
