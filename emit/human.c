/*
 * human.c - the terminal view of the text stage: the headline, each story
 * sentence on its own line with its byte span, paragraphs separated by a
 * blank line, and what was removed as debris.
 */
#include "emit.h"

#include <string.h>

static void puts_printable(FILE *out, const char *s) { put_printable(out, s, strlen(s)); }

void emit_text_human(FILE *out, const dyad_doc *d)
{
    /* Metadata is as the input had it: shown with control characters
     * made harmless (put_printable), so a title cannot drive the terminal. */
    fputs("== ", out);
    puts_printable(out, d->id ? d->id : "?");
    if (d->origin) { fputs("  (", out); puts_printable(out, d->origin); }
    if (d->origin && d->origin_line) fprintf(out, ":%llu", (unsigned long long)d->origin_line);
    fputs(d->origin ? ")\n" : "\n", out);
    if (d->title) { fputs("title: ", out); puts_printable(out, d->title); fputc('\n', out); }
    if (d->published) { fputs("published: ", out); puts_printable(out, d->published); fputc('\n', out); }
    fprintf(out, "%u paragraphs, %u sentences, %u tokens\n", d->n_paras, d->n_sents, d->n_toks);
    uint32_t para = UINT32_MAX;
    for (uint32_t i = 0; i < d->n_sents; i++) {
        const dyad_sentence *s = &d->sents[i];
        if (s->para != para) { fputc('\n', out); para = s->para; }
        fprintf(out, "[%u] %u+%u%s  %.*s\n", i + 1, s->off, s->len,
                s->flags & DYAD_PARA_HEADING ? " (heading)" : "", (int)s->len, d->text + s->off);
    }
    if (d->n_debris) fputc('\n', out);
    for (uint32_t i = 0; i < d->n_debris; i++) {
        const dyad_debris *r = &d->debris[i];
        uint32_t show = r->len > 72 ? 72 : r->len;
        /* Do not cut a UTF-8 sequence in half. */
        while (show < r->len && ((unsigned char)d->norm[r->off + show] & 0xC0) == 0x80) show++;
        fprintf(out, "removed (%s, %u bytes): %.*s%s\n", r->rule, r->len, (int)show,
                d->norm + r->off, show < r->len ? " ..." : "");
    }
    for (uint32_t i = 0; i < d->n_diags; i++)
        fprintf(out, "warning: byte %llu: %s\n", (unsigned long long)d->diags[i].offset, d->diags[i].message);
    fputc('\n', out);
}
