/*
 * coded.c - read a coded record (emit/coded.c) back into a document whose
 * stages have already run (doc->coded), so that `dyad ingest --coded`
 * stores on one machine what `dyad code --coded` coded on another.
 *
 * The record is outside input like any other: every field is type-checked
 * and every offset and index range-checked against the restored text and
 * arrays before it is used, and a bad record is an error naming the field,
 * never a crash or a half-restored document.
 */
#include "ingest.h"
#include "../core/core.h"
#include "../emit/emit.h"
#include "../text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    json_t *top;                /* the record */
    dyad_doc *d;
    char *err;
    size_t errlen;
    const char *where;          /* the member being read, for messages */
    size_t index;
} rd;

static int bad(rd *r, const char *why)
{
    snprintf(r->err, r->errlen, "coded record: %s[%zu]: %s", r->where, r->index, why);
    return -1;
}

static int get_uint(rd *r, json_t *a, size_t i, uint32_t max, uint32_t *out)
{
    json_t *v = json_array_get(a, i);
    if (!json_is_integer(v)) return bad(r, "a field is not an integer");
    json_int_t x = json_integer_value(v);
    if (x < 0 || x > (json_int_t)max) return bad(r, "a number is out of range");
    *out = (uint32_t)x;
    return 0;
}

static int get_int(rd *r, json_t *a, size_t i, int32_t lo, int32_t hi, int32_t *out)
{
    json_t *v = json_array_get(a, i);
    if (!json_is_integer(v)) return bad(r, "a field is not an integer");
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi) return bad(r, "an index is out of range");
    *out = (int32_t)x;
    return 0;
}

static int get_real(rd *r, json_t *a, size_t i, float *out)
{
    json_t *v = json_array_get(a, i);
    if (!json_is_number(v)) return bad(r, "a field is not a number");
    *out = (float)json_number_value(v);
    return 0;
}

/* A string field into a fixed buffer (codes, TIMEX values). */
static int get_fixed(rd *r, json_t *a, size_t i, char *out, size_t cap)
{
    json_t *v = json_array_get(a, i);
    if (json_is_null(v)) { out[0] = 0; return 0; }
    if (!json_is_string(v) || json_string_length(v) >= cap) return bad(r, "a code is not a short string");
    memcpy(out, json_string_value(v), json_string_length(v) + 1);
    return 0;
}

/* A string field as an arena string (NULL for null). */
static int get_str(rd *r, json_t *a, size_t i, const char **out)
{
    json_t *v = json_array_get(a, i);
    if (json_is_null(v)) { *out = NULL; return 0; }
    if (!json_is_string(v)) return bad(r, "a field is not a string");
    *out = dyad_arena_strndup(r->d->arena, json_string_value(v), json_string_length(v));
    return 0;
}

static int get_date(rd *r, json_t *a, size_t i, dyad_date *out)
{
    json_t *v = json_array_get(a, i);
    *out = (dyad_date){0, 0, 0};
    if (json_is_null(v) || (json_is_string(v) && !json_string_length(v))) return 0;
    if (!json_is_string(v) || dyad_date_parse(json_string_value(v), out)) return bad(r, "a date is not YYYY[-MM[-DD]]");
    return 0;
}

static int get_span(rd *r, json_t *a, size_t i, uint32_t *off, uint32_t *len)
{
    if (get_uint(r, a, i, r->d->text_len, off) || get_uint(r, a, i + 1, r->d->text_len, len)) return -1;
    if (*len > r->d->text_len - *off) return bad(r, "a span lies outside the text");
    return 0;
}

/* The member's array, each item an array of exactly `fields` values. */
static json_t *rows(rd *r, json_t *coded, const char *key, size_t fields, size_t *n)
{
    r->where = key;
    r->index = 0;
    json_t *a = json_object_get(coded, key);
    if (!json_is_array(a)) { snprintf(r->err, r->errlen, "coded record: no \"%s\" array", key); return NULL; }
    *n = json_array_size(a);
    if (*n > UINT32_MAX / 2) { snprintf(r->err, r->errlen, "coded record: \"%s\" is too long", key); return NULL; }
    for (size_t i = 0; i < *n; i++) {
        json_t *row = json_array_get(a, i);
        if (!json_is_array(row) || json_array_size(row) != fields) {
            r->index = i;
            bad(r, "an item has the wrong number of fields");
            return NULL;
        }
    }
    return a;
}

#define GROW(arr, cap, n) (arr = dyad_grow(arr, &(cap), (uint32_t)(n) + 1, sizeof *(arr)))

static int restore_arrays(rd *r, json_t *c)
{
    dyad_doc *d = r->d;
    size_t n;
    json_t *a;

    if (!(a = rows(r, c, "paragraphs", 5, &n))) return -1;
    GROW(d->paras, d->cap_paras, n);
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_para *p = &d->paras[i];
        r->index = i;
        if (get_span(r, x, 0, &p->off, &p->len) || get_uint(r, x, 2, UINT32_MAX, &p->sent) ||
            get_uint(r, x, 3, UINT32_MAX, &p->nsent) || get_uint(r, x, 4, UINT32_MAX, &p->flags))
            return -1;
    }
    d->n_paras = (uint32_t)n;
    /* The tokens, as the text stage made them from the same text and
     * paragraphs; a different count means another tokenizer made the
     * record, and its token indexes cannot be trusted. */
    text_tokenize(d);
    json_t *nt = json_object_get(r->top, "n_tokens");
    if (!json_is_integer(nt) || json_integer_value(nt) != (json_int_t)d->n_toks) {
        snprintf(r->err, r->errlen, "coded record: %u tokens where the record has %lld (made by another dyad version?)",
                 d->n_toks, json_is_integer(nt) ? (long long)json_integer_value(nt) : -1LL);
        return -1;
    }
    if (!(a = rows(r, c, "sentences", 7, &n))) return -1;
    GROW(d->sents, d->cap_sents, n);
    d->sent_dates = dyad_grow(d->sent_dates, &d->cap_sent_dates, (uint32_t)n + 1, sizeof *d->sent_dates);
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_sentence *s = &d->sents[i];
        memset(s, 0, sizeof *s);
        r->index = i;
        if (get_span(r, x, 0, &s->off, &s->len) || get_uint(r, x, 2, d->n_toks, &s->tok) ||
            get_uint(r, x, 3, d->n_toks - s->tok, &s->ntok) || get_uint(r, x, 4, UINT32_MAX, &s->para) ||
            get_uint(r, x, 5, UINT32_MAX, &s->flags) || get_date(r, x, 6, &d->sent_dates[i]))
            return -1;
    }
    d->n_sents = (uint32_t)n;

    for (uint32_t i = 0; i < d->n_sents; i++)
        if (d->sents[i].para >= d->n_paras && d->n_paras) { r->where = "sentences"; r->index = i; return bad(r, "its paragraph is out of range"); }
    for (uint32_t i = 0; i < d->n_paras; i++)
        if (d->paras[i].sent > d->n_sents || d->paras[i].nsent > d->n_sents - d->paras[i].sent) {
            r->where = "paragraphs";
            r->index = i;
            return bad(r, "its sentences are out of range");
        }

    if (!(a = rows(r, c, "entities", 7, &n))) return -1;
    GROW(d->entities, d->cap_entities, n);
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_entity *e = &d->entities[i];
        memset(e, 0, sizeof *e);
        r->index = i;
        uint32_t kind, gender, plural;
        if (get_str(r, x, 0, &e->name) || get_fixed(r, x, 1, e->code, sizeof e->code) ||
            get_uint(r, x, 2, 255, &kind) || get_uint(r, x, 3, 255, &gender) || get_uint(r, x, 4, 1, &plural) ||
            get_uint(r, x, 5, UINT32_MAX, &e->first_mention) || get_int(r, x, 6, -1, INT32_MAX, &e->person))
            return -1;
        e->kind = (uint8_t)kind;
        e->gender = (uint8_t)gender;
        e->plural = (uint8_t)plural;
    }
    d->n_entities = (uint32_t)n;

    if (!(a = rows(r, c, "mentions", 11, &n))) return -1;
    GROW(d->mentions, d->cap_mentions, n);
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_mention *m = &d->mentions[i];
        memset(m, 0, sizeof *m);
        r->index = i;
        uint32_t kind, how, flags;
        if (get_span(r, x, 0, &m->off, &m->len) || get_uint(r, x, 2, d->n_toks, &m->tok) ||
            get_uint(r, x, 3, d->n_toks - m->tok, &m->ntok) || get_uint(r, x, 4, d->n_sents ? d->n_sents - 1 : 0, &m->sent) ||
            get_int(r, x, 5, -1, (int32_t)d->n_entities - 1, &m->entity) ||
            get_int(r, x, 6, -1, (int32_t)n - 1, &m->antecedent) || get_fixed(r, x, 7, m->code, sizeof m->code) ||
            get_uint(r, x, 8, 255, &kind) || get_uint(r, x, 9, 255, &how) || get_uint(r, x, 10, 65535, &flags))
            return -1;
        m->kind = (uint8_t)kind;
        m->how = (uint8_t)how;
        m->flags = (uint16_t)flags;
    }
    d->n_mentions = (uint32_t)n;
    uint32_t last_sent = d->n_sents ? d->n_sents - 1 : 0;

    if (!(a = rows(r, c, "timexes", 7, &n))) return -1;
    GROW(d->timexes, d->cap_timexes, n);
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_timex *t = &d->timexes[i];
        memset(t, 0, sizeof *t);
        r->index = i;
        uint32_t kind, flags;
        if (get_span(r, x, 0, &t->off, &t->len) || get_uint(r, x, 2, last_sent, &t->sent) ||
            get_uint(r, x, 3, 255, &kind) || get_uint(r, x, 4, 255, &flags) ||
            get_fixed(r, x, 5, t->value, sizeof t->value) || get_date(r, x, 6, &t->date))
            return -1;
        t->kind = (uint8_t)kind;
        t->flags = (uint8_t)flags;
    }
    d->n_timexes = (uint32_t)n;

    if (!(a = rows(r, c, "quotes", 7, &n))) return -1;
    GROW(d->quotes, d->cap_quotes, n);
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_quote *q = &d->quotes[i];
        memset(q, 0, sizeof *q);
        r->index = i;
        uint32_t kind;
        if (get_span(r, x, 0, &q->off, &q->len) || get_uint(r, x, 2, last_sent, &q->sent) ||
            get_uint(r, x, 3, 255, &kind) || get_int(r, x, 4, -1, (int32_t)d->n_mentions - 1, &q->speaker) ||
            get_span(r, x, 5, &q->cue_off, &q->cue_len))
            return -1;
        q->kind = (uint8_t)kind;
    }
    d->n_quotes = (uint32_t)n;

    if (!(a = rows(r, c, "events", 18, &n))) return -1;
    GROW(d->events, d->cap_events, n);
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_event *e = &d->events[i];
        memset(e, 0, sizeof *e);
        r->index = i;
        uint32_t quad;
        int32_t last_mention = (int32_t)d->n_mentions - 1;
        if (get_uint(r, x, 0, last_sent, &e->sent) || get_int(r, x, 1, -1, last_mention, &e->source) ||
            get_int(r, x, 2, -1, last_mention, &e->target) ||
            get_fixed(r, x, 3, e->source_code, sizeof e->source_code) ||
            get_fixed(r, x, 4, e->target_code, sizeof e->target_code) || get_fixed(r, x, 5, e->cameo, sizeof e->cameo) ||
            get_real(r, x, 6, &e->goldstein) || get_uint(r, x, 7, 4, &quad) || get_str(r, x, 8, &e->plover_type) ||
            get_str(r, x, 9, &e->plover_mode) || get_span(r, x, 10, &e->verb_off, &e->verb_len) ||
            get_str(r, x, 12, &e->rule) || get_uint(r, x, 13, UINT32_MAX, &e->flags) ||
            get_real(r, x, 14, &e->confidence) || get_date(r, x, 15, &e->date) ||
            get_uint(r, x, 16, UINT32_MAX, &e->reports) || get_uint(r, x, 17, last_sent, &e->also_sent))
            return -1;
        e->quad = (uint8_t)quad;
    }
    d->n_events = (uint32_t)n;
    return 0;
}

/* One place of "locations": null, or [name, country, FIPS, ADM1, lat,
 * lon, type, how, guess, off, len]. */
static int get_location(rd *r, json_t *v, dyad_location *l)
{
    memset(l, 0, sizeof *l);
    if (json_is_null(v)) return 0;
    if (!json_is_array(v) || json_array_size(v) != 11) return bad(r, "a location is not null or 11 fields");
    uint32_t type, how, guess;
    float lat, lon;
    if (get_str(r, v, 0, &l->name) || get_fixed(r, v, 1, l->country, sizeof l->country) ||
        get_fixed(r, v, 2, l->fips, sizeof l->fips) || get_str(r, v, 3, &l->adm1) || get_real(r, v, 4, &lat) ||
        get_real(r, v, 5, &lon) || get_uint(r, v, 6, DYAD_PLACE_REGION, &type) ||
        get_uint(r, v, 7, DYAD_WHERE_TEXT, &how) || get_uint(r, v, 8, 1, &guess))
        return -1;
    if (!l->name) return bad(r, "a location has no name");
    /* float loses digits: read the coordinates again as doubles */
    l->lat = json_number_value(json_array_get(v, 4));
    l->lon = json_number_value(json_array_get(v, 5));
    if (!(l->lat >= -90 && l->lat <= 90 && l->lon >= -180 && l->lon <= 180)) return bad(r, "a location's coordinates are out of range");
    if (!l->adm1) l->adm1 = "";
    l->type = (uint8_t)type;
    l->how = (uint8_t)how;
    l->guess = (uint8_t)guess;
    if (get_uint(r, v, 9, r->d->text_len, &l->off) || get_uint(r, v, 10, r->d->text_len - l->off, &l->len)) return -1;
    return 0;
}

/* "locations" (optional: records written before it have none), one
 * [where, source, target] per event. */
static int restore_locations(rd *r, json_t *c)
{
    if (!json_object_get(c, "locations")) return 0;
    size_t n;
    json_t *a = rows(r, c, "locations", 3, &n);
    if (!a) return -1;
    if (n != r->d->n_events) return bad(r, "not one item per event");
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(a, i);
        dyad_event *e = &r->d->events[i];
        r->index = i;
        if (get_location(r, json_array_get(x, 0), &e->where) || get_location(r, json_array_get(x, 1), &e->source_geo) ||
            get_location(r, json_array_get(x, 2), &e->target_geo))
            return -1;
    }
    return 0;
}

static const char *meta(json_t *obj, const char *key, dyad_doc *d)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? dyad_arena_strndup(d->arena, json_string_value(v), json_string_length(v)) : NULL;
}

static int coded_json(json_t *obj, dyad_doc *d, char *err, size_t errlen);

int ingest_coded_record(const char *line, size_t len, dyad_doc *d, char *err, size_t errlen)
{
    json_error_t je;
    json_t *obj = json_loadb(line, len, 0, &je);
    if (!obj) { snprintf(err, errlen, "invalid JSON at column %d: %s", je.column, je.text); return -1; }
    int rc = coded_json(obj, d, err, errlen);
    json_decref(obj);
    return rc;
}

static int coded_json(json_t *obj, dyad_doc *d, char *err, size_t errlen)
{
    json_t *c = json_object_get(obj, "coded");
    json_t *ver = json_object_get(c, "version");
    json_t *text = json_object_get(c, "text");
    int rc = -1;
    if (!json_is_object(obj) || !json_is_object(c)) {
        snprintf(err, errlen, "not a coded record (no \"coded\" member: make it with dyad code --coded)");
    } else if (!json_is_integer(ver) || json_integer_value(ver) != EMIT_CODED_VERSION) {
        snprintf(err, errlen, "coded record version %lld, this dyad reads version %d",
                 json_is_integer(ver) ? (long long)json_integer_value(ver) : -1LL, EMIT_CODED_VERSION);
    } else if (!json_is_string(text) || json_string_length(text) > UINT32_MAX / 2) {
        snprintf(err, errlen, "coded record: no \"text\" string");
    } else if (!json_is_string(json_object_get(obj, "id"))) {
        snprintf(err, errlen, "coded record: no \"id\" string");
    } else {
        d->id = meta(obj, "id", d);
        d->url = meta(obj, "url", d);
        d->title = meta(obj, "title", d);
        d->published = meta(obj, "published", d);
        d->source = meta(obj, "source", d);
        d->author = meta(obj, "author", d);
        d->site = meta(obj, "site", d);
        d->lang = meta(obj, "lang", d);
        json_t *extra = json_object_get(obj, "extra");
        if (json_is_object(extra)) {
            char *s = json_dumps(extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
            if (s) { d->extra = dyad_arena_strdup(d->arena, s); free(s); }
        }
        json_t *ch = json_object_get(c, "content_hash");
        if (json_is_string(ch) && json_string_length(ch) == 16 &&
            strspn(json_string_value(ch), "0123456789abcdef") == 16)
            memcpy(d->content_hash, json_string_value(ch), 17);
        const char *origin = meta(c, "origin", d);
        if (origin) d->origin = origin;
        d->id_generated = json_is_true(json_object_get(c, "id_generated")) ||
                          json_integer_value(json_object_get(c, "id_generated")) != 0;
        json_int_t ps = json_integer_value(json_object_get(c, "pubdate_source"));
        d->pubdate_source = ps >= 0 && ps <= DYAD_PUB_INFERRED ? (int)ps : DYAD_PUB_NONE;
        d->pubdate_evidence = meta(obj, "pubdate_evidence", d);
        json_t *pd = json_object_get(obj, "pubdate");
        d->pubdate = (dyad_date){0, 0, 0};
        if (json_is_string(pd) && dyad_date_parse(json_string_value(pd), &d->pubdate)) {
            snprintf(err, errlen, "coded record: pubdate is not a date");
            return -1;
        }
        uint32_t n = (uint32_t)json_string_length(text);
        d->text = dyad_grow(d->text, &d->text_cap, n + 1, 1);
        memcpy(d->text, json_string_value(text), n);
        d->text[n] = 0;
        d->text_len = n;
        rd r = {obj, d, err, errlen, "", 0};
        rc = restore_arrays(&r, c);
        if (rc == 0) rc = restore_locations(&r, c);
        if (rc == 0) d->coded = 1;
        else d->n_toks = d->n_paras = d->n_sents = d->n_entities = d->n_mentions = d->n_timexes = d->n_quotes = d->n_events = 0;
    }
    return rc;
}
