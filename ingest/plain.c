/*
 * plain.c - a plain-text article: a first line followed by a blank line is
 * the headline (when it is short enough to be one); the rest is the body.
 */
#include "ingest.h"
#include "../core/core.h"

#include <string.h>

void ingest_plain_text(const char *buf, size_t len, dyad_doc *d)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) i = 3;          /* BOM */
    while (i < len && (buf[i] == '\n' || buf[i] == '\r' || buf[i] == ' ')) i++;
    const char *nl = memchr(buf + i, '\n', len - i);
    if (nl) {
        size_t e = (size_t)(nl - buf), hl = e - i;
        size_t j = e + 1;
        while (j < len && (buf[j] == ' ' || buf[j] == '\r' || buf[j] == '\t')) j++;
        if (j < len && buf[j] == '\n' && hl > 0 && hl <= 250 && !memchr(buf + i, 0, hl)) {
            while (hl && (buf[i + hl - 1] == '\r' || buf[i + hl - 1] == ' ')) hl--;
            /* The body is repaired by the text stage; the headline is
             * copied here, so it is repaired here. */
            unsigned bad;
            d->title = utf8_valid_dup(d->arena, buf + i, hl, &bad);
            if (bad) dyad_doc_diag(d, 0, "invalid UTF-8 in the headline: %u bytes replaced by U+FFFD", bad);
            i = j + 1;
        }
    }
    dyad_doc_set_raw(d, buf + i, len - i);
}
