/*
 * normalize.c - raw bytes to one clean UTF-8 buffer.
 *
 * One pass over the input copies valid UTF-8 and repairs the rest:
 *   - an invalid byte sequence becomes U+FFFD and a diag naming its offset;
 *   - NUL and other C0/C1 control bytes become a space (tab too), CR LF and
 *     lone CR become LF, U+2028/2029 become LF;
 *   - Unicode spaces (no-break, thin, ideographic ...) become a plain space,
 *     and invisible format characters (zero-width, BOM, soft hyphen) go;
 *   - when a combining mark or Hangul jamo is seen, the buffer is put into
 *     NFC with utf8proc afterwards; other text is NFC already, so the common
 *     case never pays for normalisation.
 * Typographic quotes, dashes and ellipses are kept as characters: the
 * tokenizer classifies them, so that "’" can be told from "'" later.
 */
#include "text.h"
#include "../core/core.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_DIAGS_OF_A_KIND 5

static void put(dyad_doc *d, uint32_t *o, const char *s, int n)
{
    memcpy(d->norm + *o, s, (size_t)n);
    *o += (uint32_t)n;
}

void text_normalize(dyad_doc *d)
{
    const unsigned char *s = (const unsigned char *)d->raw;
    uint32_t n = d->raw_len, o = 0;
    /* Output never exceeds 3 bytes per input byte (a bad byte -> U+FFFD). */
    uint64_t need = (uint64_t)n * 3 + 1;
    if (need > UINT32_MAX) need = UINT32_MAX;
    d->norm = dyad_grow(d->norm, &d->norm_cap, (uint32_t)need, 1);
    unsigned n_bad = 0, n_nul = 0;
    int needs_nfc = 0;

    for (uint32_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F) { d->norm[o++] = (char)c; i++; continue; }
        if (c == '\n' || c == '\t') { d->norm[o++] = c == '\t' ? ' ' : '\n'; i++; continue; }
        if (c == '\r') { d->norm[o++] = '\n'; i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1; continue; }
        if (c < 0x80) {                              /* NUL, other C0, DEL */
            if (c == 0 && n_nul++ < MAX_DIAGS_OF_A_KIND)
                dyad_doc_diag(d, i, "NUL byte at byte %u replaced by a space", i);
            d->norm[o++] = ' ';
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (!len) {
            if (n_bad++ < MAX_DIAGS_OF_A_KIND)
                dyad_doc_diag(d, i, "invalid UTF-8 at byte %u (0x%02x) replaced by U+FFFD", i, c);
            put(d, &o, "\xEF\xBF\xBD", 3);
            i++;
            continue;
        }
        i += (uint32_t)len;
        if (cp < 0xA0) { d->norm[o++] = ' '; continue; }              /* C1 controls */
        if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
            cp == 0x205F || cp == 0x3000) { d->norm[o++] = ' '; continue; }
        if (cp == 0x2028 || cp == 0x2029) { d->norm[o++] = '\n'; continue; }
        if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x2060) continue;
        if (!needs_nfc && cp >= 0x300) {
            const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
            if (p->combining_class || (cp >= 0x1100 && cp <= 0x11FF)) needs_nfc = 1;
        }
        put(d, &o, (const char *)s + i - len, len);
    }
    if (n_bad > MAX_DIAGS_OF_A_KIND)
        dyad_doc_diag(d, 0, "%u more invalid UTF-8 sequences replaced", n_bad - MAX_DIAGS_OF_A_KIND);
    if (n_nul > MAX_DIAGS_OF_A_KIND)
        dyad_doc_diag(d, 0, "%u more NUL bytes replaced", n_nul - MAX_DIAGS_OF_A_KIND);
    d->norm[o] = 0;
    d->norm_len = o;

    if (needs_nfc) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)d->norm, o, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m >= 0 && (uint64_t)m < UINT32_MAX) {
            d->norm = dyad_grow(d->norm, &d->norm_cap, (uint32_t)m + 1, 1);
            memcpy(d->norm, nfc, (size_t)m);
            d->norm[m] = 0;
            d->norm_len = (uint32_t)m;
        }
        free(nfc);
    }
}
