/*
 * ingest.h - documents in: one source per input, documents out one by one.
 *
 * A source is opened on a path ("-" for standard input) and sniffed by
 * content, on a pipe as on a file (source.c, stream.h): JSON lines (first
 * byte '{'), HTML, WARC/ARC (plain or gzip), or a plain-text article, each
 * possibly inside gzip or zstd.  ingest_next fills a (reset) document with
 * metadata and its raw body; the text stage does the rest.
 *
 * Errors are per document: ingest_next returns -1 with a message naming the
 * input and position (ingest_error), and the next call carries on with the
 * next document.  ingest_open fails for a source that cannot be opened and
 * for one that holds no document dyad can read: empty input, binary data,
 * a compression dyad does not decode (xz, bzip2, lz4), UTF-16.
 */
#ifndef DYAD_INGEST_H
#define DYAD_INGEST_H

#include "dyad.h"

typedef struct ingest_source ingest_source;

enum ingest_format { INGEST_TEXT = 1, INGEST_JSONL, INGEST_HTML, INGEST_WARC };

ingest_source *ingest_open(const char *path, char *err, size_t errlen);
/* 1: a document; 0: end of input; -1: this document failed (see ingest_error). */
int ingest_next(ingest_source *src, dyad_doc *doc);
const char *ingest_error(const ingest_source *src);
/* JSON lines only: the next non-blank line, unparsed, copied into *buf (grown
 * as needed), so that parsing can happen on another thread with
 * ingest_json_record.  1: a line; 0: end of input; -1: the input failed
 * after its last line (corrupt compressed data ...: see ingest_error). */
int ingest_next_line(ingest_source *src, char **buf, size_t *cap, size_t *len, uint64_t *line);
/* Web pages (HTML files, the HTML records of web archives) handed on
 * unextracted, so that extraction can happen on another thread:
 * ingest_next_page is ingest_next, except that it returns 2 for a page,
 * with doc holding only the page's place and page its bytes; then
 * ingest_page_finish extracts it into doc (0; 1 an archive page without
 * article text, which is skipped; -1 an error message in err, naming the
 * input), and ingest_page_counted(src, kept) counts it, in input order,
 * into the archive's summary (before src is closed). */
typedef struct ingest_page ingest_page;
ingest_page *ingest_page_new(void);
void ingest_page_free(ingest_page *page);
int ingest_next_page(ingest_source *src, dyad_doc *doc, ingest_page *page);
int ingest_page_finish(ingest_page *page, dyad_doc *doc, char *err, size_t errlen);
void ingest_page_counted(ingest_source *src, int kept);
size_t ingest_page_size(const ingest_page *page);
const char *ingest_path(const ingest_source *src);
int ingest_format(const ingest_source *src);
void ingest_close(ingest_source *src);
/* Bytes read so far, for progress: of the compressed file for a web
 * archive, of the decoded text for other inputs. */
uint64_t ingest_bytes_read(const ingest_source *src);

/* Parse one JSON-lines record into doc (exposed for tests). 0 ok, -1 error. */
int ingest_json_record(const char *line, size_t len, dyad_doc *doc, char *err, size_t errlen);
/* Restore a coded record (`dyad code --coded`, emit/coded.c) into doc, its
 * stages done (doc->coded).  0 ok, -1 error in err. */
int ingest_coded_record(const char *line, size_t len, dyad_doc *doc, char *err, size_t errlen);
/* Split a plain-text article into headline and body (exposed for tests). */
void ingest_plain_text(const char *buf, size_t len, dyad_doc *doc);

#endif
