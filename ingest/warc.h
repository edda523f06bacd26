/*
 * warc.h - streaming reader for web archives: WARC (1.0/1.1, also 0.1x) and
 * ARC v1/v2, plain or gzip-compressed (one member per record as Common Crawl
 * and CC-NEWS publish, or one gzip stream holding many records).  WET files
 * are WARC files of "conversion" records and need nothing special.
 *
 * Contract
 *  - The format is found by content sniffing (gzip magic, then "WARC/<n>" or
 *    an ARC header line), never by file extension.
 *  - Memory is bounded whatever the file size: the file is read in 256 KiB
 *    chunks and only the current record is held.  A record whose block is
 *    longer than the payload limit (WARC_DEFAULT_MAX_PAYLOAD, change it with
 *    warc_set_max_payload) is skipped without being loaded: it is still
 *    returned, with an empty body and a warning.
 *  - warc_next() returns 1 and fills *rec for each record, 0 at the end, and
 *    -1 when THIS record is truncated or corrupt.  After -1 the message is in
 *    warc_error() ("path: offset N: what") and the reader has already
 *    resynchronised (next "WARC/<n>." line, next ARC header line, or next
 *    gzip member), so calling warc_next() again continues with the next
 *    complete record.  Every call consumes input, so a loop that runs until
 *    warc_next() returns 0 always terminates, whatever the input.
 *  - Problems that still leave a usable record (undecodable Content-Encoding,
 *    bad chunking, oversized payload, missing WARC-Type) are reported in
 *    rec->warning and the record is returned with 1.
 *  - Every string in *rec is non-NULL and NUL-terminated ("" when absent);
 *    body is never NULL.  They point into the reader and stay valid until
 *    the next warc_next() or warc_close().
 *
 * Not thread-safe per reader; separate readers are independent.
 */
#ifndef DYAD_INGEST_WARC_H
#define DYAD_INGEST_WARC_H

#include <stddef.h>

/* Default cap on a record block and on a decoded HTTP body. */
#define WARC_DEFAULT_MAX_PAYLOAD ((size_t)64 << 20)

/* Bits returned by warc_sniff() / warc_sniff_file(). */
enum {
    WARC_SNIFF_WARC = 1,   /* starts with a WARC record */
    WARC_SNIFF_ARC = 2,    /* starts with an ARC header line */
    WARC_SNIFF_GZIP = 4    /* ... inside gzip compression */
};

typedef struct warc_reader warc_reader;

typedef struct {
    /* WARC-Type: "warcinfo", "response", "resource", "request", "metadata",
     * "revisit", "conversion", "continuation".  ARC: "response" for captures,
     * "warcinfo" for the filedesc:// file header record. */
    const char *type;
    const char *target_uri;   /* WARC-Target-URI without <> and outer blanks; ARC URL */
    const char *date;         /* WARC-Date as given; ARC date as YYYY-MM-DDThh:mm:ssZ */
    const char *record_id;    /* WARC-Record-ID as given, e.g. "<urn:uuid:...>"; ARC: "" */
    const char *content_type; /* Content-Type of the record block; ARC: header mime field */
    const char *http_content_type; /* Content-Type from the HTTP header, "" if not HTTP */
    int http_status;          /* HTTP status code, 0 when the block is not an HTTP response */
    /* The payload.  HTTP responses (WARC response/revisit, ARC captures):
     * the HTTP body after removing chunked transfer encoding and decoding
     * Content-Encoding gzip/deflate.  Every other record: the whole block.
     * body[body_len] is always a NUL (the body itself may contain NULs). */
    const char *body;
    size_t body_len;
    unsigned long long content_length; /* declared length of the record block */
    /* Where the record starts in the file: for gzip input the offset of the
     * gzip member holding the start of the record (what CDX indexes store). */
    unsigned long long offset;
    /* Bytes from the start of that member's decompressed data to the
     * record: 0 when each record is its own member, the record's place
     * when one gzip stream holds the whole archive. */
    unsigned long long inner;
    const char *warning;      /* NULL, or "path: offset N: what; what" */
} warc_record;

/* Opens path ("-" = stdin) and checks that it holds WARC or ARC data.
 * NULL on failure, with a message in err (may be NULL).  An empty file is a
 * valid archive with no records. */
warc_reader *warc_open(const char *path, char *err, size_t errlen);

/* The same on a stream already open (see stream.h), e.g. one whose first
 * bytes were peeked at to sniff it; the reader takes the raw bytes (gzip is
 * inflated here, member by member).  name is for messages ("-" shows as
 * "<stdin>"); with own the reader closes the stream. */
struct in_stream;
warc_reader *warc_open_stream(struct in_stream *src, int own, const char *name, char *err, size_t errlen);

/* Payload cap in bytes for later records; 0 restores the default. */
void warc_set_max_payload(warc_reader *r, size_t max_bytes);

/* 1 = *rec filled, 0 = end of input, -1 = this record is bad (see above). */
int warc_next(warc_reader *r, warc_record *rec);

/* Message for the last -1 from warc_next(); "" if none. */
const char *warc_error(const warc_reader *r);

void warc_close(warc_reader *r);
/* Bytes read from the file so far (compressed bytes for gzip): progress. */
unsigned long long warc_bytes_read(const warc_reader *r);

/* Does this start of a file look like WARC or ARC?  Returns WARC_SNIFF_*
 * bits, 0 if neither.  Gzip data is inflated as far as the bytes go, so
 * pass at least the first few KiB. */
int warc_sniff(const unsigned char *head, size_t n);

/* warc_sniff() on the first 64 KiB of a file; -1 if it cannot be read. */
int warc_sniff_file(const char *path);

#endif
