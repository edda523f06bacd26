/*
 * core.h - small shared utilities inside libdyad (not part of the public API).
 *
 *   dbuf   a growable byte buffer for building output (sds-like, but a plain
 *          struct: {ptr, len, cap}); always NUL-terminated.
 *   json   writers that append JSON values to a dbuf with correct escaping.
 *   hash   FNV-1a over bytes and over the folded form of a word.
 *   utf8   decoding one code point and classifying letters and case.
 *   put_printable  document text onto a terminal, control characters made
 *          harmless (printable.c).
 */
#ifndef DYAD_CORE_H
#define DYAD_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dyad.h"

typedef struct {
    char *ptr;
    size_t len, cap;
} dbuf;

void dbuf_reserve(dbuf *b, size_t extra);
void dbuf_put(dbuf *b, const void *p, size_t n);
void dbuf_puts(dbuf *b, const char *s);
void dbuf_putc(dbuf *b, char c);
void dbuf_printf(dbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dbuf_clear(dbuf *b);
void dbuf_free(dbuf *b);

/* JSON: a string value (NULL becomes null), with escapes. */
void json_str(dbuf *b, const char *s);
void json_strn(dbuf *b, const char *s, size_t n);
/* `"key":` */
void json_key(dbuf *b, const char *key);

/* Write s[0..n) with C0/C1 controls and DEL as U+FFFD (tab and line
 * breaks as a space): document text for a terminal. */
void put_printable(FILE *f, const char *s, size_t n);

/* FNV-1a, 32 bit. */
static inline uint32_t hash_bytes(const void *p, size_t n, uint32_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 16777619u; }
    return h;
}
#define HASH_SEED 2166136261u

/* Hash of the folded form of a word: ASCII lower case, ’ as ', and the
 * period of an abbreviation kept (so "U.S." and "US" stay distinct). */
uint32_t hash_folded(const char *s, size_t n);
/* Write the folded form into out (at most cap-1 bytes); returns length. */
size_t fold_word(const char *s, size_t n, char *out, size_t cap);
/* Combine a token hash into a running sequence hash. */
static inline uint32_t hash_seq(uint32_t h, uint32_t tok) { return (h ^ tok) * 16777619u + 0x9e3779b9u; }

/* UTF-8: decode one code point at s (n bytes available); returns its length
 * and sets *cp, or returns 0 on an invalid sequence. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
int utf8_encode(uint32_t cp, char out[4]);
int uc_is_letter(uint32_t cp);
int uc_is_upper(uint32_t cp);
int uc_is_lower(uint32_t cp);
int uc_is_digit(uint32_t cp);

#endif
