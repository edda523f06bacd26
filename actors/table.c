/*
 * table.c - the phrase table of the actors lexicon.
 *
 * Open addressing with linear probing on 32-bit token-sequence hashes; the
 * table is at most half full, so a miss (the common case: most tokens start
 * no name) ends within a probe or two.  Names are sorted by hash once, so a
 * slot needs only the first index and a count, and every proper prefix of a
 * name gets a slot too, with `prefix` set: the matcher extends a match one
 * token at a time and stops at the first sequence that no name continues.
 * A 64-kbit filter on first-token hashes lets the matcher skip ordinary
 * words without touching the table.
 */
#include "actors_int.h"

#include <stdlib.h>
#include <string.h>

static uint32_t slot_hash(uint32_t h) { return h ? h : 1; }   /* 0 marks an empty slot */

static act_slot *probe(act_table *t, uint32_t h)
{
    uint32_t i = (h * 2654435761u) & t->mask;
    for (;;) {
        act_slot *s = &t->slots[i];
        if (!s->hash || s->hash == h) return s;
        i = (i + 1) & t->mask;
    }
}

const act_slot *act_table_find(const act_table *t, uint32_t h)
{
    if (!t->slots) return NULL;
    h = slot_hash(h);
    uint32_t i = (h * 2654435761u) & t->mask;
    for (;;) {
        const act_slot *s = &t->slots[i];
        if (s->hash == h) return s;
        if (!s->hash) return NULL;
        i = (i + 1) & t->mask;
    }
}

static void table_init(act_table *t, uint32_t expect)
{
    uint32_t size = 64;
    while (size < expect * 2 + 16) size *= 2;
    t->slots = calloc(size, sizeof *t->slots);
    if (!t->slots) { fputs("dyad: out of memory\n", stderr); abort(); }
    t->mask = size - 1;
    t->used = 0;
}

static void table_rehash(act_table *t)
{
    act_table old = *t;
    table_init(t, (old.mask + 1));
    for (uint32_t i = 0; i <= old.mask; i++)
        if (old.slots[i].hash) { *probe(t, old.slots[i].hash) = old.slots[i]; t->used++; }
    free(old.slots);
}

static act_slot *table_put(act_table *t, uint32_t h)
{
    if (!t->slots) table_init(t, 64);
    if ((t->used + 1) * 2 > t->mask + 1) table_rehash(t);
    h = slot_hash(h);
    act_slot *s = probe(t, h);
    if (!s->hash) { s->hash = h; t->used++; }
    return s;
}


static int cmp_names(const void *a, const void *b)
{
    const act_name *x = a, *y = b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    /* Same hash: keep lexicon order (countries, people, orgs, agents), so
     * ties between kinds are decided the same way on every run. */
    return x->ltok < y->ltok ? -1 : x->ltok > y->ltok;
}

void act_table_build(actors_lexicon *lex)
{
    qsort(lex->names, lex->n_names, sizeof *lex->names, cmp_names);
    act_table_free(&lex->table);
    table_init(&lex->table, lex->n_names * 2);
    memset(lex->first_bits, 0, sizeof lex->first_bits);
    memset(lex->lower_bits, 0, sizeof lex->lower_bits);
    for (uint32_t i = 0; i < lex->n_names;) {
        uint32_t j = i;
        while (j < lex->n_names && lex->names[j].hash == lex->names[i].hash) j++;
        act_slot *s = table_put(&lex->table, lex->names[i].hash);
        s->first = i;
        s->count = (uint16_t)(j - i > 65535 ? 65535 : j - i);
        i = j;
    }
    for (uint32_t i = 0; i < lex->n_names; i++) {
        const act_name *n = &lex->names[i];
        uint32_t h = HASH_SEED;
        for (uint32_t k = 0; k < n->ntok; k++) {
            uint32_t th = lex->ltoks[n->ltok + k].hash;
            if (k == 0) {
                lex->first_bits[(th >> 6) & 1023] |= 1ull << (th & 63);
                if (lex->ltoks[n->ltok].rule == CASE_ANY) lex->lower_bits[(th >> 6) & 1023] |= 1ull << (th & 63);
            }
            h = hash_seq(h, th);
            if (k + 1 < n->ntok) table_put(&lex->table, h)->prefix = 1;
        }
    }
}

void act_words_add(act_table *t, uint32_t h, uint16_t value)
{
    act_slot *s = table_put(t, h);
    s->count |= value;
}

uint16_t act_words_get(const act_table *t, uint32_t h)
{
    const act_slot *s = act_table_find(t, h);
    return s ? s->count : 0;
}

void act_table_free(act_table *t)
{
    free(t->slots);
    t->slots = NULL;
    t->mask = t->used = 0;
}
