/*
 * places.c - scoring events' places against a hand-placed gold set
 * (`dyad eval places GOLD.tsv`; tests/gold/places.tsv).
 *
 * Each gold line names an event by its document, CAMEO code and a byte
 * span, and gives the place a careful coder would:
 *
 *   pl  FILE  DOC_ID  OFF:LEN  CAMEO  COUNTRY  TYPE  LAT  LON
 *
 * (an optional tenth field PUBDATE, YYYY-MM-DD, dates a story whose
 * record has no date, as --date does)
 *
 * FILE is relative to the gold file's repository root (the current
 * folder); a file under ../shared/ that is absent is skipped (counted).
 * DOC_ID is '-' for a plain file; CAMEO may list alternatives separated
 * by '|'; COUNTRY '-' for international waters; TYPE country, adm1, city,
 * landmark, sea or region.  OFF:LEN (bytes of the document's body as dyad
 * reads it: the file for a plain-text article, the record's "text" for
 * JSON lines) is either
 *   the verb      one word: dyad's event with one of the CAMEO codes whose
 *                 verb starts at the same words (lines written from dyad's
 *                 output)
 *   the sentence  several words: dyad's event in that sentence of one of
 *                 the codes, else of one of their roots, else of any code
 *                 (the sentence's act coded otherwise happened there too);
 *                 lines placed from the text alone, as tests/gold/events.tsv
 *                 codes events.
 * It counts
 *   country   dyad's place is in the gold country (of matched events)
 *   place     dyad's place lies within 50 km of the gold point (matched
 *             events the gold places finer than a country)
 *   recall    gold events dyad emits and places in the gold country, of
 *             all gold events
 * A gold event dyad does not emit is unmatched: it lowers recall only.
 */
#include "eval.h"
#include "../ingest/ingest.h"
#include "../where/where.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char file[256], id[128], cameo[80], country[4], type[12];
    uint32_t off, len;
    double lat, lon;
    dyad_date pubdate;              /* optional 10th field: the story's date when its record has none */
    int line;
} gold_place;

static int parse_line(char *s, gold_place *g)
{
    char *f[10];
    int n = 0;
    s[strcspn(s, "\r\n")] = 0;
    for (char *p = s; n < 10;) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = 0;
        p = t + 1;
    }
    if (n < 9 || strchr(f[n - 1], 9) || strcmp(f[0], "pl")) return -1;
    memset(&g->pubdate, 0, sizeof g->pubdate);
    if (n == 10 && (dyad_date_parse(f[9], &g->pubdate) || !g->pubdate.day)) return -1;
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

/* Is code one of the '|'-separated alternatives (root: on two digits)? */
static int cameo_in(const char *alts, const char *code, int root)
{
    size_t cl = strlen(code);
    for (const char *a = alts; *a;) {
        size_t n = strcspn(a, "|");
        if (root ? n >= 2 && cl >= 2 && !strncmp(a, code, 2) : n == cl && !strncmp(a, code, n)) return 1;
        a += n + (a[n] == '|');
    }
    return 0;
}

/* The event of d the gold line names, not yet used; -2 when the span lies
 * outside the document.  A one-word span is the verb (compared on its
 * words: clean text and body differ in quotation marks); a longer one the
 * sentence, compared by eval_same_words: its event of the exact code, else
 * of the root, else any (the sentence's act, coded otherwise, happened there too). */
static int find_event(const dyad_doc *d, const gold_place *g, const char *raw, size_t raw_len, const char *used)
{
    if (g->off + g->len > raw_len) return -2;
    const char *w = raw + g->off;
    if (memchr(w, ' ', g->len) || memchr(w, '\n', g->len)) {
        char *gk = malloc(g->len + 1), *sk = malloc(d->text_len + 1);
        size_t gl = eval_norm_key(w, g->len, gk, g->len + 1);
        int hit = -1;
        for (int level = 0; level < 3 && hit < 0; level++)
            for (uint32_t i = 0; i < d->n_events && hit < 0; i++) {
                const dyad_event *e = &d->events[i];
                if (used[i] || e->sent >= d->n_sents || (level < 2 && !cameo_in(g->cameo, e->cameo, level))) continue;
                const dyad_sentence *st = &d->sents[e->sent];
                size_t sl = eval_norm_key(d->text + st->off, st->len, sk, (size_t)st->len + 1);
                if (eval_same_words(sk, sl, gk, gl)) hit = (int)i;
            }
        free(gk);
        free(sk);
        return hit;
    }
    size_t wl = g->len;
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        if (used[i] || !cameo_in(g->cameo, e->cameo, 0) || e->verb_len < wl || strncmp(d->text + e->verb_off, w, wl))
            continue;
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
            snprintf(err, errlen, "%s:%d: expected pl FILE DOC_ID OFF:LEN CAMEO COUNTRY TYPE LAT LON [PUBDATE]", path, line);
            rc = -1;
            break;
        }
        gs[n++].line = line;
    }
    fclose(f);
    long total = 0, matched = 0, country_ok = 0, fine = 0, fine_ok = 0, placed = 0, skipped = 0;
    dyad_doc *d = dyad_doc_new();
    for (int i = 0; !rc && i < n; i++) {
        if (i && !strcmp(gs[i].file, gs[i - 1].file) && !strcmp(gs[i].id, gs[i - 1].id)) continue;
        /* One document: the run of gold lines naming it. */
        if (!strncmp(gs[i].file, "../shared/", 10) && access(gs[i].file, R_OK)) {
            for (int k = i; k < n && !strcmp(gs[k].file, gs[i].file) && !strcmp(gs[k].id, gs[i].id); k++) skipped++;
            continue;
        }
        int found = eval_doc_find(gs[i].file, gs[i].id, d, err, errlen);
        if (found < 0) { rc = -1; break; }
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
        dyad_options opt;
        memset(&opt, 0, sizeof opt);
        opt.date = gs[i].pubdate;
        dyad_process(m, d, &opt);
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
    if (skipped) printf("skipped           %ld gold events of absent corpora (../shared)\n", skipped);
    printf("gold events       %ld (matched to a dyad event: %ld; placed by dyad: %ld)\n", total, matched, placed);
    printf("country accuracy  %.3f  (%ld / %ld matched)\n", matched ? (double)country_ok / matched : 0, country_ok, matched);
    printf("place within 50km %.3f  (%ld / %ld matched events the gold places finer than a country)\n",
           fine ? (double)fine_ok / fine : 0, fine_ok, fine);
    printf("recall            %.3f  (%ld / %ld gold events emitted and placed in the gold country)\n",
           total ? (double)country_ok / total : 0, country_ok, total);
    return 0;
}
