/*
 * dbuf.c - growable output buffer and the JSON writers built on it.
 */
#include "core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dbuf_reserve(dbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t nc = b->cap ? b->cap : 256;
    while (nc < b->len + extra + 1) nc *= 2;
    char *p = realloc(b->ptr, nc);
    if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
    b->ptr = p;
    b->cap = nc;
}

void dbuf_put(dbuf *b, const void *p, size_t n)
{
    dbuf_reserve(b, n);
    memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = 0;
}

void dbuf_puts(dbuf *b, const char *s) { dbuf_put(b, s, strlen(s)); }

void dbuf_putc(dbuf *b, char c)
{
    dbuf_reserve(b, 1);
    b->ptr[b->len++] = c;
    b->ptr[b->len] = 0;
}

void dbuf_printf(dbuf *b, const char *fmt, ...)
{
    /* Format once into the free room; only an output that does not fit is
     * formatted again after growing (printing twice was a hot spot). */
    dbuf_reserve(b, 64);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n <= 0) { b->ptr[b->len] = 0; return; }
    if ((size_t)n >= b->cap - b->len) {
        dbuf_reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void dbuf_clear(dbuf *b) { b->len = 0; if (b->ptr) b->ptr[0] = 0; }

void dbuf_free(dbuf *b) { free(b->ptr); b->ptr = NULL; b->len = b->cap = 0; }

void json_strn(dbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    dbuf_reserve(b, n + 2);
    dbuf_putc(b, '"');
    size_t run = 0;                       /* copy unescaped runs in one go */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') { run++; continue; }
        dbuf_put(b, s + i - run, run);
        run = 0;
        switch (c) {
        case '"': dbuf_put(b, "\\\"", 2); break;
        case '\\': dbuf_put(b, "\\\\", 2); break;
        case '\n': dbuf_put(b, "\\n", 2); break;
        case '\t': dbuf_put(b, "\\t", 2); break;
        case '\r': dbuf_put(b, "\\r", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            dbuf_put(b, e, 6);
        }
        }
    }
    dbuf_put(b, s + n - run, run);
    dbuf_putc(b, '"');
}

void json_str(dbuf *b, const char *s)
{
    if (!s) dbuf_put(b, "null", 4);
    else json_strn(b, s, strlen(s));
}

void json_key(dbuf *b, const char *key)
{
    json_str(b, key);
    dbuf_putc(b, ':');
}
