/*
 * places.c - scoring events' places against a hand-placed gold set
 * (`dyad eval places GOLD.tsv`; tests/gold/places.tsv).
 *
 * Each gold line names an event dyad emits by its document, CAMEO code and
 * the byte span of its verb in the document's body as dyad reads it (the
 * file for a plain-text article, the record's "text" for JSON lines), and
 * gives the place a careful coder would:
 *
 *   pl  FILE  DOC_ID  OFF:LEN  CAMEO  COUNTRY  TYPE  LAT  LON
 *
 * FILE is relative to the gold file's repository root (the current
 * folder); DOC_ID is '-' for a plain file; COUNTRY '-' for international
 * waters; TYPE country, adm1, city, landmark, sea or region.  The scorer
 * codes each document, finds dyad's event with that CAMEO code whose verb
 * starts at the same words, and counts
 *   country   dyad's place is in the gold country (all gold events)
 *   place     dyad's place lies within 50 km of the gold point (gold
 *             events placed finer than a country)
 * A gold event dyad no longer emits is counted as unmatched, not wrong.
 */
#include "eval.h"
#include "../ingest/ingest.h"
#include "../where/where.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char file[256], id[128], cameo[8], country[4], type[12];
    uint32_t off, len;
    double lat, lon;
    int line;
} gold_place;

static int parse_line(char *s, gold_place *g)
{
    char *f[9];
    int n = 0;
    s[strcspn(s, "\r\n")] = 0;
    for (char *p = s; n < 9;) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = 0;
        p = t + 1;
    }
    if (n != 9 || strchr(f[8], 9) || strcmp(f[0], "pl")) return -1;
    if (snprintf(g->file, sizeof g->file, "%s", f[1]) >= (int)sizeof g->file) return -1;
    snprintf(g->id, sizeof g->id, "%s", f[2]);
    if (sscanf(f[3], "%u:%u", &g->off, &g->len) != 2 || !g->len) return -1;
    snprintf(g->cameo, sizeof g->cameo, "%s", f[4]);
    snprintf(g->country, sizeof g->country, "%s", strcmp(f[5], "-") ? f[5] : "");
    snprintf(g->type, sizeof g->type, "%s", f[6]);
    char *e1, *e2;
    g->lat = strtod(f[7], &e1);
    g->lon = strtod(f[8], &e2);
    if (*e1 || *e2 || !dyad_place_type_from_name(g->type)) return -1;
    return 0;
}

/* The event of d with this CAMEO code whose verb is the gold span's words
 * (compared on the span's first word: clean text and body differ in
 * quotation marks), not yet used. */
static int find_event(const dyad_doc *d, const gold_place *g, const char *raw, size_t raw_len, char *used)
{
    if (g->off + g->len > raw_len) return -2;
    const char *w = raw + g->off;
    size_t wl = 0;
    while (wl < g->len && w[wl] != ' ') wl++;
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        if (used[i] || strcmp(e->cameo, g->cameo) || e->verb_len < wl || strncmp(d->text + e->verb_off, w, wl)) continue;
        if (e->verb_len > wl && d->text[e->verb_off + wl] != ' ') continue;
        return (int)i;
    }
    return -1;
}

int eval_places(const dyad_model *m, const char *path, FILE *out, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return -1; }
    gold_place *gs = NULL;
    int n = 0, cap = 0, line = 0, rc = 0;
    char buf[2048];
    while (fgets(buf, sizeof buf, f)) {
        line++;
        if (buf[0] == '#' || buf[0] == '\n') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            gs = realloc(gs, (size_t)cap * sizeof *gs);
            if (!gs) abort();
        }
        if (parse_line(buf, &gs[n])) {
            snprintf(err, errlen, "%s:%d: expected pl FILE DOC_ID OFF:LEN CAMEO COUNTRY TYPE LAT LON", path, line);
            rc = -1;
            break;
        }
        gs[n++].line = line;
    }
    fclose(f);
    long total = 0, matched = 0, country_ok = 0, fine = 0, fine_ok = 0, placed = 0;
    dyad_doc *d = dyad_doc_new();
    for (int i = 0; !rc && i < n; i++) {
        if (i && !strcmp(gs[i].file, gs[i - 1].file) && !strcmp(gs[i].id, gs[i - 1].id)) continue;
        /* One document: the run of gold lines naming it. */
        ingest_source *src = ingest_open(gs[i].file, err, errlen);
        if (!src) { rc = -1; break; }
        int found = 0, r1;
        while ((r1 = ingest_next(src, d)) != 0) {
            if (r1 > 0 && (!strcmp(gs[i].id, "-") || (d->id && !strcmp(d->id, gs[i].id)))) { found = 1; break; }
            dyad_doc_reset(d);
        }
        ingest_close(src);
        if (!found) { snprintf(err, errlen, "%s:%d: no document %s in %s", path, gs[i].line, gs[i].id, gs[i].file); rc = -1; break; }
        /* The spans index the file (plain text) or the record's text (the raw body). */
        size_t raw_len = d->raw_len;
        char *raw = NULL;
        if (!strcmp(gs[i].id, "-")) {
            FILE *rf = fopen(gs[i].file, "rb");
            if (rf && !fseek(rf, 0, SEEK_END)) {
                long sz = ftell(rf);
                rewind(rf);
                raw = sz >= 0 ? malloc((size_t)sz + 1) : NULL;
                raw_len = raw ? fread(raw, 1, (size_t)sz, rf) : 0;
            }
            if (rf) fclose(rf);
        } else if ((raw = malloc(d->raw_len + 1)))
            memcpy(raw, d->raw, d->raw_len);
        if (!raw) { snprintf(err, errlen, "%s: cannot read", gs[i].file); rc = -1; break; }
        dyad_process(m, d, NULL);
        char *used = calloc(d->n_events + 1, 1);
        for (int k = i; k < n && !strcmp(gs[k].file, gs[i].file) && !strcmp(gs[k].id, gs[i].id); k++) {
            const gold_place *g = &gs[k];
            total++;
            int ev = find_event(d, g, raw, raw_len, used);
            if (ev == -2) { snprintf(err, errlen, "%s:%d: span outside the document", path, g->line); rc = -1; break; }
            if (ev < 0) { if (out) fprintf(out, "unmatched\t%s:%d\n", path, g->line); continue; }
            used[ev] = 1;
            matched++;
            const dyad_location *l = &d->events[ev].where;
            int fine_gold = strcmp(g->type, "country") != 0;
            fine += fine_gold;
            if (!l->name) { if (out) fprintf(out, "unplaced\t%s:%d\n", path, g->line); continue; }
            placed++;
            int cok = !strcmp(l->country, g->country);
            double km = where_km(l->lat, l->lon, g->lat, g->lon);
            country_ok += cok;
            if (fine_gold && km <= 50) fine_ok++;
            if (out && (!cok || (fine_gold && km > 50)))
                fprintf(out, "wrong\t%s:%d\tgold %s %.2f,%.2f\tdyad %s %s (%s) %.0f km\n", path, g->line, g->country,
                        g->lat, g->lon, l->country, l->name, dyad_where_how_name(l->how), km);
        }
        free(used);
        free(raw);
        dyad_doc_reset(d);
    }
    dyad_doc_free(d);
    free(gs);
    if (rc) return -1;
    printf("gold events       %ld (matched to a dyad event: %ld; placed by dyad: %ld)\n", total, matched, placed);
    printf("country accuracy  %.3f  (%ld / %ld matched)\n", matched ? (double)country_ok / matched : 0, country_ok, matched);
    printf("place within 50km %.3f  (%ld / %ld matched events the gold places finer than a country)\n",
           fine ? (double)fine_ok / fine : 0, fine_ok, fine);
    return 0;
}
