/*
 * stream.h - one input as a stream of bytes: look-ahead, decompression,
 * lines.
 *
 * Contract
 *  - in_stream_open opens a file, or standard input for "-", and reads
 *    nothing yet.  in_stream_peek looks at bytes ahead without consuming
 *    them, so the format can be sniffed from content on a pipe exactly as on
 *    a file: what was peeked is read again by in_stream_read / in_stream_line.
 *  - in_stream_compression names the compression of the raw bytes from their
 *    magic number.  in_stream_decode switches decoding on: gzip (any number
 *    of members back to back, as `cat a.gz b.gz` makes; zero padding after a
 *    member is ignored) and zstd (any number of frames).  xz, bzip2 and lz4
 *    are recognised so that they can be refused by name.  Without
 *    in_stream_decode the raw bytes are handed on (the WARC reader inflates
 *    gzip itself, to know where each member starts).
 *  - Memory is bounded by the look-ahead asked for and the longest line
 *    read, never by the size of the input.
 *  - Errors (read errors, corrupt or truncated compressed data) end the
 *    stream: reads return what came before, then 0, and in_stream_error
 *    gives "what at offset N" (N counts raw bytes); "" when none.
 *
 * One thread at a time per stream.
 */
#ifndef DYAD_INGEST_STREAM_H
#define DYAD_INGEST_STREAM_H

#include <stddef.h>
#include <stdint.h>

typedef struct in_stream in_stream;

enum in_compression { IN_PLAIN, IN_GZIP, IN_ZSTD, IN_XZ, IN_BZIP2, IN_LZ4 };

in_stream *in_stream_open(const char *path, char *err, size_t errlen);
void in_stream_close(in_stream *s);

/* Up to `want` bytes ahead, fewer only at the end of input; *p points at
 * them until the next call on the stream. */
size_t in_stream_peek(in_stream *s, size_t want, const unsigned char **p);
/* Copies up to n bytes; fewer only at the end of input. */
size_t in_stream_read(in_stream *s, void *dst, size_t n);
/* The next line without its '\n' (a "\r\n" keeps its '\r'), NUL-terminated
 * in the stream's buffer, valid until the next call.  1 a line, 0 at end. */
int in_stream_line(in_stream *s, char **line, size_t *len);

/* Compression of the raw bytes, from the first bytes (peeks at them). */
int in_stream_compression(in_stream *s);
const char *in_stream_compression_name(int compression);
/* Decode the detected compression from here on (before anything is read).
 * 0 ok (also for plain input), -1 when it is not one dyad decodes. */
int in_stream_decode(in_stream *s, char *err, size_t errlen);

/* Bytes consumed so far (decoded bytes when decoding). */
uint64_t in_stream_offset(const in_stream *s);
const char *in_stream_error(const in_stream *s);

#endif
