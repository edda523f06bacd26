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

#endif
