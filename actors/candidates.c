/*
 * candidates.c - new actors across a corpus, for `dyad actors --candidates`.
 *
 * A candidate is a capitalised name no lexicon knows that a title or an
 * appositive placed ("rebel commander Abu Khalid", "Jane Doe, the Ruritanian
 * foreign minister"): the stage codes it from its context (how CONTEXT).
 * This file counts them over every document of a run, keyed by the folded
 * name, and writes each with its count, the code its contexts gave most
 * often, the first date and an example, then a record in the people.txt
 * format, so adding it to the lexicon is a copy, a check and a paste.
 *
 * Memory is the collector's own (malloc), not the document's: it lives for
 * the whole run.
 */
#include "candidates.h"
#include "actors_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CODES 4

typedef struct {
    char *name;
    char *example;              /* the sentence it was first seen in, trimmed */
    uint32_t key;
    uint32_t count, docs;
    uint32_t last_doc;
    char codes[CODES][ACT_CODE];
    uint32_t code_n[CODES];
    dyad_date first;
    uint8_t gender;
} cand;

struct actors_candidates {
    cand *v;
    uint32_t n, cap;
    uint32_t *map;              /* key -> index + 1, open addressing */
    uint32_t mask;
    uint32_t doc_no;
};

actors_candidates *actors_candidates_new(void)
{
    actors_candidates *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->mask = 255;
    c->map = calloc(c->mask + 1, sizeof *c->map);
    if (!c->map) { free(c); return NULL; }
    return c;
}

static uint32_t *slot(actors_candidates *c, uint32_t key, const char *name)
{
    for (uint32_t i = key & c->mask;; i = (i + 1) & c->mask) {
        uint32_t v = c->map[i];
        if (!v) return &c->map[i];
        const cand *x = &c->v[v - 1];
        if (x->key == key && !strcasecmp(x->name, name)) return &c->map[i];
    }
}

static void grow_map(actors_candidates *c)
{
    uint32_t size = (c->mask + 1) * 2;
    uint32_t *m = calloc(size, sizeof *m);
    if (!m) { fputs("dyad: out of memory\n", stderr); abort(); }
    free(c->map);
    c->map = m;
    c->mask = size - 1;
    for (uint32_t i = 0; i < c->n; i++) {
        uint32_t k = c->v[i].key & c->mask;
        while (c->map[k]) k = (k + 1) & c->mask;
        c->map[k] = i + 1;
    }
}

static char *dup_span(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
    memcpy(p, s, n);
    p[n] = 0;
    for (size_t i = 0; i < n; i++) if (p[i] == '\n' || p[i] == '\t') p[i] = ' ';
    return p;
}

static void add_code(cand *x, const char *code)
{
    int free_i = -1;
    for (int i = 0; i < CODES; i++) {
        if (x->code_n[i] && !strcmp(x->codes[i], code)) { x->code_n[i]++; return; }
        if (!x->code_n[i] && free_i < 0) free_i = i;
    }
    if (free_i >= 0) { snprintf(x->codes[free_i], ACT_CODE, "%s", code); x->code_n[free_i] = 1; }
}

void actors_candidates_add(actors_candidates *c, const dyad_doc *d)
{
    c->doc_no++;
    for (uint32_t i = 0; i < d->n_mentions; i++) {
        const dyad_mention *m = &d->mentions[i];
        if (m->kind != DYAD_ACTOR_CANDIDATE || m->entity < 0) continue;
        const dyad_entity *e = &d->entities[m->entity];
        if (!e->name) continue;
        uint32_t key = hash_folded(e->name, strlen(e->name));
        if ((c->n + 1) * 2 > c->mask + 1) grow_map(c);
        uint32_t *s = slot(c, key, e->name);
        cand *x;
        if (!*s) {
            c->v = dyad_grow(c->v, &c->cap, c->n + 1, sizeof *c->v);
            x = &c->v[c->n];
            memset(x, 0, sizeof *x);
            x->name = dup_span(e->name, strlen(e->name));
            x->key = key;
            x->first = d->pubdate;
            const dyad_sentence *st = &d->sents[m->sent];
            x->example = dup_span(d->text + st->off, st->len > 200 ? 200 : st->len);
            *s = ++c->n;
        } else
            x = &c->v[*s - 1];
        x->count++;
        if (x->last_doc != c->doc_no) { x->docs++; x->last_doc = c->doc_no; }
        if (m->code[0]) add_code(x, m->code);
        if (d->pubdate.year && (!x->first.year || dyad_date_cmp(d->pubdate, x->first) < 0)) x->first = d->pubdate;
        if (e->gender) x->gender = e->gender;
    }
}

/* The code the contexts gave most often, preferring one with a country
 * ("USAGOV" from "U.S. Treasury Secretary James Baker") over a bare agent
 * ("GOV" from "Treasury Secretary James Baker"). */
static const char *best_code(const cand *x)
{
    int b = -1;
    for (int pass = 0; pass < 2 && b < 0; pass++)
        for (int i = 0; i < CODES; i++) {
            if (!x->code_n[i] || (pass == 0 && strlen(x->codes[i]) < 6)) continue;
            if (b < 0 || x->code_n[i] > x->code_n[b]) b = i;
        }
    return b < 0 ? "" : x->codes[b];
}

static int by_count(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* The suggested people.txt record (docs/lexicon-format-people.md). */
static void record(dbuf *b, const cand *x)
{
    char day[11] = "";
    if (x->first.year && x->first.day) dyad_date_format(x->first, day);   /* a role starts on a day */
    dbuf_printf(b, "person: %s\n", x->name);
    const char *sp = strrchr(x->name, ' ');
    if (!sp) dbuf_puts(b, "# check: a single name; add the full name as person: and this as short:\n");
    if (x->gender) dbuf_printf(b, "gender: %c\n", x->gender);
    else dbuf_puts(b, "# gender: m or f (the context did not say)\n");
    const char *code = best_code(x);
    if (strlen(code) < 6) dbuf_printf(b, "# check: no country in the context; write the full code (e.g. SYR%s)\n", code);
    dbuf_printf(b, "role: %s %s -\n", code[0] ? code : "XXXGOV", day[0] ? day : "YYYY-MM-DD");
}

void actors_candidates_write(actors_candidates *c, FILE *out, int json)
{
    qsort(c->v, c->n, sizeof *c->v, by_count);
    /* The order changed: the key map is stale, but writing is the end. */
    dbuf b = {0};
    if (!json)
        dbuf_printf(&b, "# %u unknown names placed by their context (count, documents, code, first date, example)\n", c->n);
    for (uint32_t i = 0; i < c->n; i++) {
        const cand *x = &c->v[i];
        char day[11] = "";
        if (x->first.year) dyad_date_format(x->first, day);
        dbuf rec = {0};
        record(&rec, x);
        if (json) {
            dbuf_puts(&b, "{\"name\":");
            json_str(&b, x->name);
            dbuf_printf(&b, ",\"count\":%u,\"documents\":%u,\"code\":", x->count, x->docs);
            json_str(&b, best_code(x));
            dbuf_puts(&b, ",\"codes\":{");
            int first = 1;
            for (int k = 0; k < CODES; k++) {
                if (!x->code_n[k]) continue;
                if (!first) dbuf_putc(&b, ',');
                first = 0;
                json_key(&b, x->codes[k]);
                dbuf_printf(&b, "%u", x->code_n[k]);
            }
            dbuf_puts(&b, "},\"first_date\":");
            json_str(&b, day[0] ? day : NULL);
            dbuf_puts(&b, ",\"example\":");
            json_str(&b, x->example);
            dbuf_puts(&b, ",\"record\":");
            json_str(&b, rec.ptr);
            dbuf_puts(&b, "}\n");
        } else {
            dbuf_printf(&b, "\n# %u x in %u document%s, code %s, first seen %s: \"%s%s\"\n", x->count, x->docs,
                        x->docs == 1 ? "" : "s", best_code(x)[0] ? best_code(x) : "-", day[0] ? day : "(no date)",
                        x->example, strlen(x->example) >= 200 ? " ..." : "");
            dbuf_put(&b, rec.ptr, rec.len);
        }
        dbuf_free(&rec);
    }
    fwrite(b.ptr, 1, b.len, out);
    dbuf_free(&b);
}

void actors_candidates_free(actors_candidates *c)
{
    if (!c) return;
    for (uint32_t i = 0; i < c->n; i++) { free(c->v[i].name); free(c->v[i].example); }
    free(c->v);
    free(c->map);
    free(c);
}
