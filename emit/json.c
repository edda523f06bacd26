/*
 * json.c - the JSON record of one document (one line per document).
 */
#include "emit.h"

#include <string.h>

void emit_meta_json(dbuf *b, const dyad_doc *d)
{
    json_key(b, "id"); json_str(b, d->id);
    const char *keys[] = {"url", "title", "published", "source", "author", "site", "lang"};
    const char *vals[] = {d->url, d->title, d->published, d->source, d->author, d->site, d->lang};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        if (!vals[i]) continue;
        dbuf_putc(b, ',');
        json_key(b, keys[i]);
        json_str(b, vals[i]);
    }
    if (d->extra) { dbuf_puts(b, ",\"extra\":"); dbuf_puts(b, d->extra); }
}

static void span_json(dbuf *b, const char *base, uint32_t off, uint32_t len)
{
    dbuf_printf(b, "\"off\":%u,\"len\":%u,\"text\":", off, len);
    json_strn(b, base + off, len);
}

void emit_doc_json(dbuf *b, const dyad_doc *d, unsigned parts)
{
    dbuf_putc(b, '{');
    emit_meta_json(b, d);
    if (parts & EMIT_TEXT) { dbuf_puts(b, ",\"text\":"); json_strn(b, d->text, d->text_len); }
    dbuf_printf(b, ",\"paragraphs\":%u,\"n_sentences\":%u,\"n_tokens\":%u", d->n_paras, d->n_sents, d->n_toks);
    if (parts & EMIT_SENTENCES) {
        dbuf_puts(b, ",\"sentences\":[");
        for (uint32_t i = 0; i < d->n_sents; i++) {
            const dyad_sentence *s = &d->sents[i];
            if (i) dbuf_putc(b, ',');
            dbuf_printf(b, "{\"i\":%u,\"para\":%u,", i, s->para);
            span_json(b, d->text, s->off, s->len);
            if (s->flags & DYAD_PARA_HEADING) dbuf_puts(b, ",\"heading\":true");
            if (s->flags & DYAD_SENT_SPLIT) dbuf_puts(b, ",\"split\":true");
            dbuf_putc(b, '}');
        }
        dbuf_putc(b, ']');
    }
    if (parts & EMIT_DEBRIS) {
        dbuf_puts(b, ",\"removed\":[");
        for (uint32_t i = 0; i < d->n_debris; i++) {
            if (i) dbuf_putc(b, ',');
            dbuf_puts(b, "{\"rule\":");
            json_str(b, d->debris[i].rule);
            dbuf_putc(b, ',');
            span_json(b, d->norm, d->debris[i].off, d->debris[i].len);
            dbuf_putc(b, '}');
        }
        dbuf_putc(b, ']');
    }
    if (parts & EMIT_TIME) emit_time_json(b, d);
    if (parts & EMIT_ACTORS) emit_actors_json(b, d);
    if (parts & EMIT_QUOTES) emit_quotes_json(b, d);
    if (parts & EMIT_EVENTS) emit_events_json(b, d);
    if (parts & EMIT_WARNINGS) emit_warnings_json(b, d);
    dbuf_putc(b, '}');
}

void emit_warnings_json(dbuf *b, const dyad_doc *d)
{
    if (!d->n_diags) return;
    dbuf_puts(b, ",\"warnings\":[");
    for (uint32_t i = 0; i < d->n_diags; i++) {
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"offset\":%llu,\"message\":", (unsigned long long)d->diags[i].offset);
        json_str(b, d->diags[i].message);
        dbuf_putc(b, '}');
    }
    dbuf_putc(b, ']');
}
