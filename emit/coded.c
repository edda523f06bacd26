/*
 * coded.c - the coded record: dyad code's JSON record plus a "coded" member
 * holding every stage result the store needs (clean text, sentences, their
 * dates, entities, mentions, time expressions, quotes and event reports,
 * with their offsets), so that a document coded on one machine can be
 * stored on another exactly as if it had been coded there
 * (ingest/coded.c reads it back; `dyad code --coded`, `dyad ingest
 * --coded`, the Python package and dyad.dask use it).
 *
 * The member is versioned ("version": 1): arrays of fixed-order fields keep
 * it compact; the order is the reader's contract, documented in
 * docs/store.md.
 */
#include "emit.h"

static void date_str(dbuf *b, dyad_date d)
{
    char s[11];
    dyad_date_format(d, s);
    json_str(b, s);
}

/* A place: [name, country, FIPS, ADM1, lat, lon, type, how, guess, off, len], or null. */
static void location(dbuf *b, const dyad_location *l)
{
    if (!l->name) { dbuf_puts(b, "null"); return; }
    dbuf_putc(b, '[');
    json_str(b, l->name);
    dbuf_putc(b, ',');
    json_str(b, l->country);
    dbuf_putc(b, ',');
    json_str(b, l->fips);
    dbuf_putc(b, ',');
    json_str(b, l->adm1 ? l->adm1 : "");
    dbuf_printf(b, ",%.10g,%.10g,%u,%u,%u,%u,%u]", l->lat, l->lon, l->type, l->how, l->guess, l->off, l->len);
}

void emit_doc_coded_json(dbuf *b, const dyad_doc *d)
{
    emit_doc_json(b, d, EMIT_TIME | EMIT_ACTORS | EMIT_QUOTES | EMIT_EVENTS | EMIT_WARNINGS);
    b->len--;                                   /* reopen the record's object */
    dbuf_printf(b, ",\"coded\":{\"version\":%d,\"id_generated\":%d,\"pubdate_source\":%d,\"origin\":",
                EMIT_CODED_VERSION, d->id_generated != 0, d->pubdate_source);
    json_str(b, d->origin);
    char hash[17];
    dyad_doc_content_hash(d, hash);
    dbuf_printf(b, ",\"content_hash\":\"%s\",\"text\":", hash);
    json_strn(b, d->text, d->text_len);

    /* No tokens: the reader tokenises the clean text again, paragraph by
     * paragraph as the text stage does, and checks the count ("n_tokens"),
     * which keeps the record a third of the size. */
    dbuf_puts(b, ",\"paragraphs\":[");
    for (uint32_t i = 0; i < d->n_paras; i++) {
        const dyad_para *p = &d->paras[i];
        dbuf_printf(b, "%s[%u,%u,%u,%u,%u]", i ? "," : "", p->off, p->len, p->sent, p->nsent, p->flags);
    }
    dbuf_puts(b, "],\"sentences\":[");
    for (uint32_t i = 0; i < d->n_sents; i++) {
        const dyad_sentence *s = &d->sents[i];
        dbuf_printf(b, "%s[%u,%u,%u,%u,%u,%u,", i ? "," : "", s->off, s->len, s->tok, s->ntok, s->para, s->flags);
        date_str(b, d->sent_dates && i < d->cap_sent_dates ? d->sent_dates[i] : (dyad_date){0, 0, 0});
        dbuf_putc(b, ']');
    }
    dbuf_puts(b, "],\"entities\":[");
    for (uint32_t i = 0; i < d->n_entities; i++) {
        const dyad_entity *e = &d->entities[i];
        dbuf_puts(b, i ? ",[" : "[");
        json_str(b, e->name);
        dbuf_putc(b, ',');
        json_str(b, e->code);
        dbuf_printf(b, ",%u,%u,%u,%u,%d]", e->kind, e->gender, e->plural, e->first_mention, e->person);
    }
    dbuf_puts(b, "],\"mentions\":[");
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        dbuf_printf(b, "%s[%u,%u,%u,%u,%u,%d,%d,", i ? "," : "", m->off, m->len, m->tok, m->ntok, m->sent,
                    m->entity, m->antecedent);
        json_str(b, m->code);
        dbuf_printf(b, ",%u,%u,%u]", m->kind, m->how, m->flags);
    }
    dbuf_puts(b, "],\"timexes\":[");
    for (uint32_t i = 0; i < d->n_timexes; i++) {
        const dyad_timex *t = &d->timexes[i];
        dbuf_printf(b, "%s[%u,%u,%u,%u,%u,", i ? "," : "", t->off, t->len, t->sent, t->kind, t->flags);
        json_str(b, t->value);
        dbuf_putc(b, ',');
        date_str(b, t->date);
        dbuf_putc(b, ']');
    }
    dbuf_puts(b, "],\"quotes\":[");
    for (uint32_t i = 0; i < d->n_quotes; i++) {
        const dyad_quote *q = &d->quotes[i];
        dbuf_printf(b, "%s[%u,%u,%u,%u,%d,%u,%u]", i ? "," : "", q->off, q->len, q->sent, q->kind, q->speaker,
                    q->cue_off, q->cue_len);
    }
    dbuf_puts(b, "],\"events\":[");
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        dbuf_printf(b, "%s[%u,%d,%d,", i ? "," : "", e->sent, e->source, e->target);
        json_str(b, e->source_code);
        dbuf_putc(b, ',');
        json_str(b, e->target_code);
        dbuf_putc(b, ',');
        json_str(b, e->cameo);
        dbuf_printf(b, ",%.9g,%u,", (double)e->goldstein, e->quad);
        json_str(b, e->plover_type);
        dbuf_putc(b, ',');
        json_str(b, e->plover_mode);
        dbuf_printf(b, ",%u,%u,", e->verb_off, e->verb_len);
        json_str(b, e->rule);
        dbuf_printf(b, ",%u,%.9g,", e->flags, (double)e->confidence);
        date_str(b, e->date);
        dbuf_printf(b, ",%u,%u]", e->reports ? e->reports : 1, e->also_sent);     /* the story pass's retellings */
    }
    /* Added after version 1 without changing it: a reader that does not
     * know "locations" ignores it, and one that does takes a record
     * without it as events with no place. */
    dbuf_puts(b, "],\"locations\":[");
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        dbuf_puts(b, i ? ",[" : "[");
        location(b, &e->where);
        dbuf_putc(b, ',');
        location(b, &e->source_geo);
        dbuf_putc(b, ',');
        location(b, &e->target_geo);
        dbuf_putc(b, ']');
    }
    dbuf_puts(b, "]}}");
}
