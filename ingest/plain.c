/*
 * plain.c - a plain-text article: a first line followed by a blank line is
 * the headline (when it is short enough to be one); the rest is the body.
 * Lines end in "\n", "\r\n" or a lone "\r" (old Mac files, some wire feeds).
 */
#include "ingest.h"

#include <string.h>

/* End of the line starting at i (index of its terminator, or len), and in
 * *next the start of the following line. */
static size_t line_end(const char *buf, size_t len, size_t i, size_t *next)
{
    while (i < len && buf[i] != '\n' && buf[i] != '\r') i++;
    *next = i;
    if (i < len) *next = buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n' ? i + 2 : i + 1;
    return i;
}

void ingest_plain_text(const char *buf, size_t len, dyad_doc *d)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) i = 3;          /* BOM */
    while (i < len && (buf[i] == '\n' || buf[i] == '\r' || buf[i] == ' ')) i++;
    size_t next, e = line_end(buf, len, i, &next);
    if (e < len) {
        size_t hl = e - i, j = next;
        while (j < len && (buf[j] == ' ' || buf[j] == '\t')) j++;
        size_t after, blank_end = line_end(buf, len, j, &after);
        if (blank_end == j && j < len && hl > 0 && hl <= 250 && !memchr(buf + i, 0, hl)) {
            while (hl && (buf[i + hl - 1] == ' ' || buf[i + hl - 1] == '\t')) hl--;
            d->title = dyad_arena_strndup(d->arena, buf + i, hl);
            i = after;
        }
    }
    dyad_doc_set_raw(d, buf + i, len - i);
}
