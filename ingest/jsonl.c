/*
 * jsonl.c - one JSON object per line: id, url, title, published, source,
 * text (required), author, site, lang; any other member is kept, compact
 * but otherwise verbatim, in doc->extra so that what came in goes out again.
 *
 * dyad's own reader, not a JSON library: a library builds a tree of every
 * value (a malloc per string, a hash table per object) only for us to copy
 * six strings out of it; on wire corpora that was a quarter of all the time
 * of `dyad code`.  This reader makes one pass over the line, decodes the
 * strings dyad uses straight into the document (text into doc->raw, the
 * rest into its arena) and validates everything else without building it.
 *
 * It is strict JSON (RFC 8259): every escape including \u surrogate pairs
 * (a lone surrogate is an error), UTF-8 checked in every string, numbers by
 * the grammar, nesting limited to MAX_DEPTH, nothing after the object but
 * blanks.  \u0000 is accepted (the text stage reports NUL bytes).  Errors
 * say the column (in characters, 1-based) and what was expected there.
 * Of a member given twice, the last one counts.
 */
#include "ingest.h"
#include "../core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 512

enum field { F_ID, F_URL, F_TITLE, F_PUBLISHED, F_SOURCE, F_TEXT, F_AUTHOR, F_SITE, F_LANG, N_FIELDS, F_OTHER };

typedef struct {
    const unsigned char *p, *start, *end;
    const char *err;                  /* what went wrong, NULL while fine */
    const unsigned char *err_at;
} reader;

static int fail(reader *r, const unsigned char *at, const char *what)
{
    if (!r->err) { r->err = what; r->err_at = at; }
    return -1;
}

static void skip_ws(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) r->p++;
}

/* Which known field a key names; keys are short, compared by length first. */
static int field_of(const unsigned char *k, size_t n)
{
    static const char *const names[N_FIELDS] = {"id", "url", "title", "published", "source",
                                                "text", "author", "site", "lang"};
    for (int f = 0; f < N_FIELDS; f++)
        if (strlen(names[f]) == n && !memcmp(names[f], k, n)) return f;
    return F_OTHER;
}

static int hex4(const unsigned char *p, const unsigned char *end, unsigned *out)
{
    if (end - p < 4) return -1;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if ((c | 32) >= 'a' && (c | 32) <= 'f') d = (c | 32) - 'a' + 10;
        else return -1;
        v = v << 4 | d;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(unsigned char *o, unsigned c)
{
    if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
    if (c < 0x800) { o[0] = (unsigned char)(0xC0 | c >> 6); o[1] = (unsigned char)(0x80 | (c & 63)); return 2; }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12); o[1] = (unsigned char)(0x80 | (c >> 6 & 63));
        o[2] = (unsigned char)(0x80 | (c & 63));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18); o[1] = (unsigned char)(0x80 | (c >> 12 & 63));
    o[2] = (unsigned char)(0x80 | (c >> 6 & 63)); o[3] = (unsigned char)(0x80 | (c & 63));
    return 4;
}

/* Length of the valid UTF-8 sequence at p (lead byte >= 0x80), 0 if invalid. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n = (end - p) > 4 ? 4 : (size_t)(end - p);
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;            /* overlong */
        if (c == 0xED && p[1] > 0x9F) return 0;            /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;
        if (c == 0xF4 && p[1] > 0x8F) return 0;
        return 4;
    }
    return 0;
}

/* Bytes copied as they are inside a string: printable ASCII but '"' and
 * the backslash. */
static const unsigned char plain_byte[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(0), R16(0),
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x20: '"' */
    R16(1), R16(1),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,   /* 0x50: '\\' */
    R16(1), R16(1),
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0)
#undef R16
};

/* A string at r->p (on its opening quote).  With out (room for the raw
 * length), the decoded bytes go there and *len is their count; without,
 * the string is only checked.  r->p ends after the closing quote. */
static int string(reader *r, unsigned char *out, size_t *len)
{
    const unsigned char *p = r->p + 1, *end = r->end;
    unsigned char *o = out;
    for (;;) {
        /* The common run: plain ASCII, copied in one go. */
        const unsigned char *run = p;
        while (p < end && plain_byte[*p]) p++;
        if (o) { memcpy(o, run, (size_t)(p - run)); o += p - run; }
        if (p >= end) return fail(r, r->p, "unterminated string");
        unsigned c = *p;
        if (c == '"') break;
        if (c < 0x20) return fail(r, p, "control character in a string (must be escaped)");
        if (c >= 0x80) {
            size_t k = utf8_len(p, end);
            if (!k) return fail(r, p, "invalid UTF-8 in a string");
            if (o) { memcpy(o, p, k); o += k; }
            p += k;
            continue;
        }
        /* an escape */
        if (p + 1 >= end) return fail(r, p, "unterminated string");
        unsigned char e = p[1], ch;
        switch (e) {
        case '"': ch = '"'; break;
        case '\\': ch = '\\'; break;
        case '/': ch = '/'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u': {
            unsigned u, lo;
            if (hex4(p + 2, end, &u)) return fail(r, p, "\\u needs four hex digits");
            const unsigned char *at = p;
            p += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, end, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return fail(r, at, "lone UTF-16 surrogate in a \\u escape");
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                return fail(r, at, "lone UTF-16 surrogate in a \\u escape");
            }
            if (o) o += put_utf8(o, u);
            continue;
        }
        default: return fail(r, p, "invalid escape in a string");
        }
        if (o) *o++ = ch;
        p += 2;
    }
    r->p = p + 1;
    if (len) *len = (size_t)(o - out);
    return 0;
}

static int number(reader *r)
{
    const unsigned char *p = r->p, *end = r->end, *start = p;
    if (p < end && *p == '-') p++;
    if (p < end && *p == '0') p++;
    else if (p < end && *p >= '1' && *p <= '9') while (p < end && *p >= '0' && *p <= '9') p++;
    else return fail(r, start, "invalid number");
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9') return fail(r, start, "invalid number");
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || *p < '0' || *p > '9') return fail(r, start, "invalid number");
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
    r->p = p;
    return 0;
}

static int literal(reader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n)) return fail(r, r->p, "invalid value");
    r->p += n;
    return 0;
}

/* Any value, checked and skipped. */
static int value(reader *r, int depth)
{
    skip_ws(r);
    if (r->p >= r->end) return fail(r, r->p, "a value was expected");
    unsigned c = *r->p;
    if (c == '"') return string(r, NULL, NULL);
    if (c == '{' || c == '[') {
        if (depth >= MAX_DEPTH) return fail(r, r->p, "nesting too deep");
        unsigned close = c == '{' ? '}' : ']';
        r->p++;
        skip_ws(r);
        if (r->p < r->end && *r->p == close) { r->p++; return 0; }
        for (;;) {
            if (c == '{') {
                skip_ws(r);
                if (r->p >= r->end || *r->p != '"') return fail(r, r->p, "a string key was expected");
                if (string(r, NULL, NULL)) return -1;
                skip_ws(r);
                if (r->p >= r->end || *r->p != ':') return fail(r, r->p, "':' was expected");
                r->p++;
            }
            if (value(r, depth + 1)) return -1;
            skip_ws(r);
            if (r->p < r->end && *r->p == ',') { r->p++; continue; }
            if (r->p < r->end && *r->p == close) { r->p++; return 0; }
            return fail(r, r->p, c == '{' ? "',' or '}' was expected" : "',' or ']' was expected");
        }
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(r);
    if (c == 't') return literal(r, "true");
    if (c == 'f') return literal(r, "false");
    if (c == 'n') return literal(r, "null");
    return fail(r, r->p, "invalid value");
}

/* Appends p[0..n) without the blanks outside strings. */
static void put_compact(dbuf *b, const unsigned char *p, size_t n)
{
    dbuf_reserve(b, n);
    int in_str = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (in_str) {
            if (c == '\\') { dbuf_putc(b, (char)c); dbuf_putc(b, (char)p[++i]); continue; }
            if (c == '"') in_str = 0;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        } else if (c == '"') {
            in_str = 1;
        }
        dbuf_putc(b, (char)c);
    }
}

/* The value of a known field into the document; anything but a string or an
 * integer leaves the field absent (as before: a title of null is no title). */
static int known_field(reader *r, dyad_doc *d, int f, const char **slot)
{
    skip_ws(r);
    const unsigned char *v = r->p;
    if (v < r->end && *v == '"') {
        /* Decoding never makes a string longer, so the rest of the line is
         * room enough for the text (whose buffer is reused document after
         * document); short fields measure up to their closing quote. */
        size_t cap = (size_t)(r->end - v);
        if (f == F_TEXT) {
            if (cap >= UINT32_MAX - 1) return fail(r, v, "text too long");
            d->raw = dyad_grow(d->raw, &d->raw_cap, (uint32_t)cap + 1, 1);
            size_t n;
            if (string(r, (unsigned char *)d->raw, &n)) return -1;
            d->raw[n] = 0;
            d->raw_len = (uint32_t)n;
            *slot = d->raw;
            return 0;
        }
        const unsigned char *q = v + 1;
        for (;;) {
            q = memchr(q, '"', (size_t)(r->end - q));
            if (!q) { q = r->end; break; }
            const unsigned char *b = q;
            while (b > v + 1 && b[-1] == '\\') b--;
            if ((q - b) % 2 == 0) break;                 /* not escaped */
            q++;
        }
        cap = (size_t)(q - v);
        char *dst = dyad_arena_alloc(d->arena, cap + 1);
        size_t n;
        if (string(r, (unsigned char *)dst, &n)) return -1;
        dst[n] = 0;
        *slot = dst;
        return 0;
    }
    if (value(r, 1)) return -1;
    if (f == F_TEXT) { *slot = NULL; return 0; }
    /* an integer keeps its digits (ids are often numbers) */
    int integer = r->p > v;
    for (const unsigned char *q = v; q < r->p; q++)
        if (!((*q >= '0' && *q <= '9') || (q == v && *q == '-'))) integer = 0;
    *slot = integer ? dyad_arena_strndup(d->arena, (const char *)v, (size_t)(r->p - v)) : NULL;
    return 0;
}

/* Column of a byte in characters, 1-based. */
static size_t column_of(const unsigned char *start, const unsigned char *at)
{
    size_t col = 1;
    for (const unsigned char *p = start; p < at; p++)
        if ((*p & 0xC0) != 0x80) col++;
    return col;
}

int ingest_json_record(const char *line, size_t len, dyad_doc *d, char *err, size_t errlen)
{
    reader r = {(const unsigned char *)line, (const unsigned char *)line, (const unsigned char *)line + len, NULL, NULL};
    const char *fields[N_FIELDS] = {0};
    dbuf extra = {0};
    int coded = 0;
    skip_ws(&r);
    if (r.end - r.p >= 3 && !memcmp(r.p, "\xEF\xBB\xBF", 3)) { r.p += 3; skip_ws(&r); }
    if (r.p < r.end && *r.p != '{') {
        const unsigned char *v = r.p;
        if (value(&r, 0) == 0) {
            snprintf(err, errlen, "a JSON line must be an object, not %s", *v == '[' ? "an array" : "a scalar");
            return -1;
        }
        goto bad;
    }
    if (r.p >= r.end) { fail(&r, r.p, "an object was expected"); goto bad; }
    r.p++;
    skip_ws(&r);
    if (r.p < r.end && *r.p == '}') r.p++;
    else for (;;) {
        skip_ws(&r);
        if (r.p >= r.end || *r.p != '"') { fail(&r, r.p, "a string key was expected"); goto bad; }
        const unsigned char *key = r.p;
        if (string(&r, NULL, NULL)) goto bad;
        size_t klen = (size_t)(r.p - key);
        int f = memchr(key + 1, '\\', klen - 2) ? F_OTHER : field_of(key + 1, klen - 2);
        skip_ws(&r);
        if (r.p >= r.end || *r.p != ':') { fail(&r, r.p, "':' was expected"); goto bad; }
        r.p++;
        if (f != F_OTHER) {
            if (known_field(&r, d, f, &fields[f])) goto bad;
        } else {
            skip_ws(&r);
            const unsigned char *v = r.p;
            if (value(&r, 1)) goto bad;
            if (klen == 7 && !memcmp(key, "\"coded\"", 7)) coded = 1;
            dbuf_putc(&extra, extra.len ? ',' : '{');
            dbuf_put(&extra, key, klen);
            dbuf_putc(&extra, ':');
            put_compact(&extra, v, (size_t)(r.p - v));
        }
        skip_ws(&r);
        if (r.p < r.end && *r.p == ',') { r.p++; continue; }
        if (r.p < r.end && *r.p == '}') { r.p++; break; }
        fail(&r, r.p, "',' or '}' was expected");
        goto bad;
    }
    skip_ws(&r);
    if (r.p < r.end) { fail(&r, r.p, "nothing may follow the object on its line"); goto bad; }
    if (coded) {
        /* A coded record (dyad code --coded) is restored, not coded again:
         * rare enough to read with a JSON library (ingest/coded.c). */
        dbuf_free(&extra);
        d->raw_len = 0;
        return ingest_coded_record(line, len, d, err, errlen);
    }
    if (!fields[F_TEXT]) {
        snprintf(err, errlen, "no \"text\" string in this JSON object");
        dbuf_free(&extra);
        d->raw_len = 0;
        return -1;
    }
    d->id = fields[F_ID];
    d->url = fields[F_URL];
    d->title = fields[F_TITLE];
    d->published = fields[F_PUBLISHED];
    d->source = fields[F_SOURCE];
    d->author = fields[F_AUTHOR];
    d->site = fields[F_SITE];
    d->lang = fields[F_LANG];
    if (extra.len) {
        dbuf_putc(&extra, '}');
        d->extra = dyad_arena_strndup(d->arena, extra.ptr, extra.len);
    }
    dbuf_free(&extra);
    return 0;
bad:
    dbuf_free(&extra);
    d->raw_len = 0;
    snprintf(err, errlen, "invalid JSON at column %zu: %s", column_of(r.start, r.err_at ? r.err_at : r.p),
             r.err ? r.err : "unexpected input");
    return -1;
}
