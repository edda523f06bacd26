/*
 * doc.c - the document: creation, reuse, warnings and stable ids.
 */
#include "core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dyad_doc *dyad_doc_new(void)
{
    dyad_doc *d = calloc(1, sizeof *d);
    if (!d) { fputs("dyad: out of memory\n", stderr); abort(); }
    d->arena = dyad_arena_new(64 * 1024);
    return d;
}

void dyad_doc_reset(dyad_doc *d)
{
    /* Keep every array and arena block; forget their contents. */
    d->id = d->url = d->title = d->published = d->source = NULL;
    d->author = d->site = d->lang = d->extra = d->origin = NULL;
    d->origin_line = d->origin_offset = 0;
    d->origin_record = 0;
    d->origin_inner = 0;
    d->id_generated = 0;
    d->coded = 0;
    d->content_hash[0] = 0;
    d->raw_len = d->norm_len = d->text_len = 0;
    d->n_paras = d->n_sents = d->n_toks = d->n_debris = d->n_diags = 0;
    d->n_syn = d->n_parsed = 0;
    d->pubdate = (dyad_date){0, 0, 0};
    d->pubdate_source = DYAD_PUB_NONE;
    d->pubdate_evidence = NULL;
    d->n_entities = d->n_mentions = d->n_timexes = d->n_quotes = d->n_events = 0;
    d->n_places = 0;
    dyad_arena_reset(d->arena);
}

void dyad_doc_free(dyad_doc *d)
{
    if (!d) return;
    free(d->raw); free(d->norm); free(d->text);
    free(d->paras); free(d->sents); free(d->toks); free(d->debris); free(d->diags); free(d->syn);
    free(d->entities); free(d->mentions); free(d->timexes); free(d->sent_dates);
    free(d->quotes); free(d->events); free(d->places);
    dyad_arena_free(d->arena);
    free(d);
}

void dyad_doc_set_raw(dyad_doc *d, const char *body, size_t len)
{
    if (len >= UINT32_MAX - 1) len = UINT32_MAX - 2;   /* documents are < 4 GiB */
    d->raw = dyad_grow(d->raw, &d->raw_cap, (uint32_t)len + 1, 1);
    memcpy(d->raw, body, len);
    d->raw[len] = 0;
    d->raw_len = (uint32_t)len;
}

void dyad_doc_diag(dyad_doc *d, uint64_t offset, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->diags = dyad_grow(d->diags, &d->cap_diags, d->n_diags + 1, sizeof *d->diags);
    d->diags[d->n_diags].offset = offset;
    d->diags[d->n_diags].message = dyad_arena_strdup(d->arena, msg);
    d->n_diags++;
}

void dyad_doc_ensure_id(dyad_doc *d)
{
    if (d->id && *d->id) return;
    /* 64-bit FNV-1a over title and body: the same article always gets the
     * same id, so ingesting it twice stores it once. */
    uint64_t h = 14695981039346656037ull;
    const char *parts[2] = {d->title ? d->title : "", d->raw ? d->raw : ""};
    size_t lens[2] = {strlen(parts[0]), d->raw_len};
    for (int k = 0; k < 2; k++) {
        const unsigned char *p = (const unsigned char *)parts[k];
        for (size_t i = 0; i < lens[k]; i++) { h ^= p[i]; h *= 1099511628211ull; }
        h ^= 0xff; h *= 1099511628211ull;
    }
    d->id = dyad_arena_printf(d->arena, "%016llx", (unsigned long long)h);
    d->id_generated = 1;
}

void dyad_doc_content_hash(const dyad_doc *d, char out[17])
{
    /* A coded record was made from a body it does not carry: the hash
     * computed then travels with it. */
    if (d->coded && d->content_hash[0]) { memcpy(out, d->content_hash, 17); return; }
    /* FNV-1a like the generated id, from another offset basis and with
     * the lengths mixed in: when two different documents collide on a
     * generated id, this still tells them apart. */
    uint64_t h = 0x84222325cbf29ce4ull;
    const char *parts[2] = {d->title ? d->title : "", d->raw ? d->raw : ""};
    size_t lens[2] = {strlen(parts[0]), d->raw ? d->raw_len : 0};
    for (int k = 0; k < 2; k++) {
        const unsigned char *p = (const unsigned char *)parts[k];
        for (size_t i = 0; i < lens[k]; i++) { h ^= p[i]; h *= 1099511628211ull; }
        for (size_t n = lens[k], b = 0; b < 8; b++, n >>= 8) { h ^= n & 0xff; h *= 1099511628211ull; }
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}
