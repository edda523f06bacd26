/*
 * record.c - the stage results of a document as JSON members: actors
 * (entities and mentions), time, quotes and events.  dyad code's record is
 * emit_doc_json with every part.
 */
#include "emit.h"
#include "../time/timex.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[] = {"", "country", "person", "organisation", "role", "pronoun", "candidate"};
static const char *const how_names[] = {"", "lexicon", "composed", "coref-name", "coref-desc", "coref-pronoun", "context"};
static const char *const quote_kinds[] = {"", "direct", "partial", "indirect", "scare"};
static const char *const timex_kinds[] = {"", "date", "time", "duration", "set"};
static const char *const quad_names[] = {"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"};

#define NAME(tab, i) ((unsigned)(i) < sizeof tab / sizeof *tab ? tab[i] : "")

void emit_date_json(dbuf *b, dyad_date d)
{
    char s[11];
    dyad_date_format(d, s);
    if (s[0]) json_str(b, s);
    else dbuf_puts(b, "null");
}

void emit_mention_ref(dbuf *b, const dyad_doc *d, int32_t mi)
{
    emit_side_ref(b, d, mi, NULL);
}

/* An event's side is the mention it came from, but with the event's own
 * code: one mention of a compound actor ("THE_SHIRE [FRO/BIL/SAM]") gives
 * one event per member, each with its member code. */
void emit_side_ref(dbuf *b, const dyad_doc *d, int32_t mi, const char *code)
{
    if (mi < 0 || (uint32_t)mi >= d->n_mentions) { dbuf_puts(b, "null"); return; }
    const dyad_mention *m = &d->mentions[mi];
    dbuf_puts(b, "{\"code\":");
    json_str(b, code && *code ? code : m->code);
    dbuf_puts(b, ",\"name\":");
    if (m->entity >= 0 && (uint32_t)m->entity < d->n_entities) json_str(b, d->entities[m->entity].name);
    else json_strn(b, d->text + m->off, m->len);
    dbuf_printf(b, ",\"mention\":%d,\"span\":[%u,%u],\"text\":", mi, m->off, m->len);
    json_strn(b, d->text + m->off, m->len);
    dbuf_putc(b, '}');
}

void emit_actors_json(dbuf *b, const dyad_doc *d)
{
    dbuf_puts(b, ",\"actors\":[");
    for (uint32_t i = 0; i < d->n_entities; i++) {
        const dyad_entity *e = &d->entities[i];
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"entity\":%u,\"name\":", i);
        json_str(b, e->name);
        dbuf_puts(b, ",\"code\":");
        json_str(b, e->code);
        dbuf_printf(b, ",\"kind\":\"%s\"}", NAME(kind_names, e->kind));
    }
    dbuf_puts(b, "],\"mentions\":[");
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"i\":%u,\"sentence\":%u,\"span\":[%u,%u],\"text\":", i, m->sent + 1, m->off, m->len);
        json_strn(b, d->text + m->off, m->len);
        dbuf_puts(b, ",\"code\":");
        json_str(b, m->code);
        dbuf_printf(b, ",\"entity\":%d,\"kind\":\"%s\",\"how\":\"%s\"", m->entity, NAME(kind_names, m->kind),
                    NAME(how_names, m->how));
        if (m->antecedent >= 0) dbuf_printf(b, ",\"antecedent\":%d", m->antecedent);
        dbuf_putc(b, '}');
    }
    dbuf_putc(b, ']');
}

void emit_time_json(dbuf *b, const dyad_doc *d)
{
    dbuf_puts(b, ",\"pubdate\":");
    emit_date_json(b, d->pubdate);
    dbuf_printf(b, ",\"pubdate_source\":\"%s\",\"pubdate_evidence\":", time_source_name(d->pubdate_source));
    json_str(b, d->pubdate_evidence);
    dbuf_puts(b, ",\"timexes\":[");
    for (uint32_t i = 0; i < d->n_timexes; i++) {
        const dyad_timex *t = &d->timexes[i];
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"sentence\":%u,\"span\":[%u,%u],\"text\":", t->sent + 1, t->off, t->len);
        json_strn(b, d->text + t->off, t->len);
        dbuf_printf(b, ",\"kind\":\"%s\",\"value\":", NAME(timex_kinds, t->kind));
        json_str(b, t->value);
        dbuf_puts(b, ",\"date\":");
        emit_date_json(b, t->date);
        dbuf_puts(b, ",\"flags\":[");
        for (int f = 0, n = 0; time_flag_name(f); f++)
            if (t->flags & (1u << f)) dbuf_printf(b, "%s\"%s\"", n++ ? "," : "", time_flag_name(f));
        dbuf_puts(b, "]}");
    }
    dbuf_putc(b, ']');
}

void emit_quotes_json(dbuf *b, const dyad_doc *d)
{
    dbuf_puts(b, ",\"quotes\":[");
    for (uint32_t i = 0; i < d->n_quotes; i++) {
        const dyad_quote *q = &d->quotes[i];
        if (i) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"kind\":\"%s\",\"sentence\":%u,\"span\":[%u,%u],\"text\":", NAME(quote_kinds, q->kind),
                    q->sent + 1, q->off, q->len);
        json_strn(b, d->text + q->off, q->len);
        dbuf_puts(b, ",\"speaker\":");
        emit_mention_ref(b, d, q->speaker);
        dbuf_puts(b, ",\"cue\":");
        if (q->cue_len) json_strn(b, d->text + q->cue_off, q->cue_len);
        else dbuf_puts(b, "null");
        if (d->sent_dates && q->sent < d->cap_sent_dates) { dbuf_puts(b, ",\"date\":"); emit_date_json(b, d->sent_dates[q->sent]); }
        dbuf_putc(b, '}');
    }
    dbuf_putc(b, ']');
}

/* A place as JSON: {name, country, adm1, lat, lon, type, span, how, guess}, or null. */
void emit_location_json(dbuf *b, const dyad_location *l)
{
    if (!l->name) { dbuf_puts(b, "null"); return; }
    dbuf_puts(b, "{\"name\":");
    json_str(b, l->name);
    dbuf_puts(b, ",\"country\":");
    json_str(b, l->country[0] ? l->country : NULL);
    dbuf_puts(b, ",\"adm1\":");
    json_str(b, l->adm1 && *l->adm1 ? l->adm1 : NULL);
    dbuf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f,\"type\":\"%s\",\"span\":", l->lat, l->lon, dyad_place_type_name(l->type));
    if (l->len) dbuf_printf(b, "[%u,%u]", l->off, l->len);
    else dbuf_puts(b, "null");
    dbuf_printf(b, ",\"how\":\"%s\",\"guess\":%s}", dyad_where_how_name(l->how), l->guess ? "true" : "false");
}

void emit_events_json(dbuf *b, const dyad_doc *d)
{
    dbuf_puts(b, ",\"events\":[");
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        if (i) dbuf_putc(b, ',');
        dbuf_puts(b, "{\"date\":");
        emit_date_json(b, e->date);
        dbuf_puts(b, ",\"source\":");
        emit_side_ref(b, d, e->source, e->source_code);
        dbuf_puts(b, ",\"target\":");
        emit_side_ref(b, d, e->target, e->target_code);
        dbuf_printf(b, ",\"cameo\":\"%s\",\"root\":\"%.2s\",\"goldstein\":%.1f,\"quad\":%u,\"quad_name\":\"%s\"",
                    e->cameo, e->cameo, e->goldstein, e->quad, NAME(quad_names, e->quad));
        dbuf_puts(b, ",\"plover\":{\"type\":");
        json_str(b, e->plover_type && *e->plover_type ? e->plover_type : NULL);
        dbuf_puts(b, ",\"mode\":");
        json_str(b, e->plover_mode && *e->plover_mode ? e->plover_mode : NULL);
        dbuf_printf(b, "},\"sentence\":%u,\"verb\":{\"span\":[%u,%u],\"text\":", e->sent + 1, e->verb_off, e->verb_len);
        json_strn(b, d->text + e->verb_off, e->verb_len);
        if (e->sent < d->n_sents) {
            dbuf_puts(b, "},\"evidence\":");
            json_strn(b, d->text + d->sents[e->sent].off, d->sents[e->sent].len);
        } else
            dbuf_putc(b, '}');
        dbuf_puts(b, ",\"rule\":");
        json_str(b, e->rule);
        dbuf_printf(b, ",\"negated\":%s,\"modal\":%s,\"quoted\":%s,\"passive\":%s,\"confidence\":%.2f",
                    e->flags & DYAD_EV_NEGATED ? "true" : "false", e->flags & DYAD_EV_MODAL ? "true" : "false",
                    e->flags & DYAD_EV_QUOTED ? "true" : "false", e->flags & DYAD_EV_PASSIVE ? "true" : "false",
                    e->confidence);
        dbuf_printf(b, ",\"historical\":%s,\"future\":%s,\"matcher\":\"%s\",\"reports\":%u",
                    e->flags & DYAD_EV_HISTORICAL ? "true" : "false", e->flags & DYAD_EV_FUTURE ? "true" : "false",
                    e->flags & DYAD_EV_SHALLOW ? "tokens" : "parse", e->reports ? e->reports : 1);
        if (e->reports > 1 && e->also_sent < d->n_sents) {
            dbuf_printf(b, ",\"also\":{\"sentence\":%u,\"evidence\":", e->also_sent);
            json_strn(b, d->text + d->sents[e->also_sent].off, d->sents[e->also_sent].len);
            dbuf_putc(b, '}');
        }
        dbuf_puts(b, ",\"location\":");
        emit_location_json(b, &e->where);
        dbuf_puts(b, ",\"source_geo\":");
        emit_location_json(b, &e->source_geo);
        dbuf_puts(b, ",\"target_geo\":");
        emit_location_json(b, &e->target_geo);
        dbuf_putc(b, '}');
    }
    dbuf_putc(b, ']');
}

void emit_events_tsv(dbuf *b, const dyad_doc *d)
{
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        char date[11];
        dyad_date_format(e->date, date);
        dbuf_printf(b, "%s\t%s\t%s\t%s\t%.2s\t%u\t%.1f\t%s\t%s\n", date, e->source_code, e->target_code, e->cameo,
                    e->cameo, e->quad, e->goldstein, d->id ? d->id : "", d->url ? d->url : "");
    }
}
