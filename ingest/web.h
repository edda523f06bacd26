/*
 * web.h - HTML pages and WARC/ARC archives as documents (used by source.c).
 */
#ifndef DYAD_INGEST_WEB_H
#define DYAD_INGEST_WEB_H

#include "dyad.h"

struct warc_reader;

typedef struct {
    struct warc_reader *reader;
    unsigned long long records, documents, errors;
    unsigned long long skipped_other, skipped_status, skipped_type, skipped_empty;
} web_archive;

/* One HTML page into doc (title, url, date ... and the article as raw);
 * 0 ok, -1 error (why): unreadable, or no article text in the page. */
int web_html_document(dyad_doc *d, const char *html, size_t len, char *why, size_t whylen);
/* The next document of an archive: 1, 0 at end, -1 a bad record (err). */
int web_warc_next(web_archive *w, dyad_doc *d, char *err, size_t errlen);
void web_archive_report(const web_archive *w, const char *path);

/* A page handed on unextracted (see ingest_next_page): its bytes, the
 * charset the HTTP header gave, and for an archive record the header
 * values that stand in for what the page does not say. */
struct ingest_page {
    char *html;
    size_t len, cap;
    char *charset, *target_uri, *date, *warning;   /* malloc'd, or NULL */
    int archive;            /* from a web archive: no article text = skipped */
};
/* As web_warc_next, but an HTML record is not extracted: it is copied into
 * page and 2 returned (d has the record's place); web_page_finish extracts
 * it later, on any thread. */
int web_warc_next_page(web_archive *w, dyad_doc *d, struct ingest_page *page, char *err, size_t errlen);
/* The page into d: 0 a document, 1 an archive page without article text
 * (skipped, counted by the caller), -1 a page file without it (why). */
int web_page_finish(struct ingest_page *page, dyad_doc *d, char *why, size_t whylen);
void web_page_clear(struct ingest_page *page);

#endif
