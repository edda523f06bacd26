/*
 * gold.c - the gold file reader (format: tests/gold/README.md).
 *
 * Every malformed line is an error naming the file and line: a gold set that
 * silently loses an event would flatter or wrong the coder.
 */
#include "eval.h"
#include "../ingest/ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int split_alts(const char *s, eval_alts *a, size_t maxlen)
{
    a->n = 0;
    while (*s) {
        const char *e = strchr(s, '|');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 0 || n >= maxlen || n >= sizeof a->text[0] || a->n == EVAL_MAX_ALT) return -1;
        memcpy(a->text[a->n], s, n);
        a->text[a->n][n] = 0;
        a->n++;
        if (!e) break;
        s = e + 1;
        if (!*s) return -1;
    }
    return a->n ? 0 : -1;
}

static int parse_spans(const char *s, eval_event *ev)
{
    ev->n_spans = 0;
    while (*s) {
        char *end;
        errno = 0;
        unsigned long off = strtoul(s, &end, 10);
        if (end == s || *end != ':' || errno) return -1;
        s = end + 1;
        unsigned long len = strtoul(s, &end, 10);
        if (end == s || errno || len == 0 || off > UINT32_MAX || len > UINT32_MAX) return -1;
        if (ev->n_spans == (int)(sizeof ev->spans / sizeof ev->spans[0])) return -1;
        ev->spans[ev->n_spans].off = (uint32_t)off;
        ev->spans[ev->n_spans].len = (uint32_t)len;
        ev->n_spans++;
        s = end;
        if (*s == '|') s++;
        else if (*s) return -1;
    }
    return ev->n_spans ? 0 : -1;
}

static int valid_code(const eval_alts *a, int digits)
{
    for (int i = 0; i < a->n; i++) {
        const char *t = a->text[i];
        size_t n = strlen(t);
        if (!strcmp(t, "-")) continue;
        if (digits) {
            if (n < 2 || n > 4 || strspn(t, "0123456789") != n) return 0;
        } else if (strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != n) return 0;
    }
    return 1;
}

static int valid_dates(const eval_alts *a)
{
    for (int i = 0; i < a->n; i++) {
        dyad_date d;
        if (strcmp(a->text[i], "-") && dyad_date_parse(a->text[i], &d)) return 0;
    }
    return 1;
}

int eval_gold_load(const char *path, eval_gold *g, char *err, size_t errlen)
{
    memset(g, 0, sizeof *g);
    FILE *f = fopen(path, "r");
    if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
    char line[4096];
    int lineno = 0, cap_docs = 0, cap_events = 0;
    const char *why = NULL;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] != '\n' && !feof(f)) { why = "line too long"; break; }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (!*p || *p == '#') continue;
        char *w[11] = {0};
        int nw = 0;
        for (char *t = strtok(p, " \t"); t; t = strtok(NULL, " \t")) {
            if (nw == 10) { nw++; break; }
            w[nw++] = t;
        }
        if (!strcmp(w[0], "doc")) {
            if (nw != 5) { why = "a doc line has 5 fields: doc CORPUS ID PUBDATE SENTENCES"; break; }
            if (g->n_docs == cap_docs) {
                cap_docs = cap_docs ? 2 * cap_docs : 32;
                g->docs = realloc(g->docs, (size_t)cap_docs * sizeof *g->docs);
            }
            eval_doc *d = &g->docs[g->n_docs];
            memset(d, 0, sizeof *d);
            if (strlen(w[1]) >= sizeof d->corpus || strlen(w[2]) >= sizeof d->id) { why = "name too long"; break; }
            strcpy(d->corpus, w[1]);
            strcpy(d->id, w[2]);
            if (dyad_date_parse(w[3], &d->pubdate) || !d->pubdate.day) { why = "PUBDATE is not YYYY-MM-DD"; break; }
            char *end;
            long ns = strtol(w[4], &end, 10);
            if (*end || ns < 1 || ns > 100000) { why = "SENTENCES is not a count"; break; }
            d->n_sents = (int)ns;
            d->line = lineno;
            for (int i = 0; i < g->n_docs; i++)
                if (!strcmp(g->docs[i].id, d->id) && !strcmp(g->docs[i].corpus, d->corpus)) { why = "document listed twice"; break; }
            if (why) break;
            g->n_docs++;
        } else if (!strcmp(w[0], "ev")) {
            if (nw != 7) { why = "an ev line has 7 fields: ev ID SENTENCES SOURCE TARGET CAMEO DATE"; break; }
            int doc = -1;
            for (int i = g->n_docs - 1; i >= 0; i--)
                if (!strcmp(g->docs[i].id, w[1])) { doc = i; break; }
            if (doc < 0 || doc != g->n_docs - 1) { why = "ev names a document that is not the last doc line"; break; }
            if (g->n_events == cap_events) {
                cap_events = cap_events ? 2 * cap_events : 64;
                g->events = realloc(g->events, (size_t)cap_events * sizeof *g->events);
            }
            eval_event *e = &g->events[g->n_events];
            memset(e, 0, sizeof *e);
            e->doc = doc;
            e->line = lineno;
            if (parse_spans(w[2], e)) { why = "SENTENCES is not OFF:LEN[|OFF:LEN...]"; break; }
            if (split_alts(w[3], &e->source, 10) || !valid_code(&e->source, 0)) { why = "bad SOURCE (CAMEO actor codes, '|' between)"; break; }
            if (split_alts(w[4], &e->target, 10) || !valid_code(&e->target, 0)) { why = "bad TARGET (CAMEO actor codes or '-', '|' between)"; break; }
            if (split_alts(w[5], &e->cameo, 5) || !valid_code(&e->cameo, 1)) { why = "bad CAMEO (2-4 digit codes, '|' between)"; break; }
            if (split_alts(w[6], &e->date, 11) || !valid_dates(&e->date)) { why = "bad DATE (YYYY[-MM[-DD]] or '-', '|' between)"; break; }
            for (int i = 0; i < e->source.n; i++)
                if (!strcmp(e->source.text[i], "-")) why = "an event's SOURCE cannot be '-'";
            if (why) break;
            g->n_events++;
        } else {
            why = "a line starts with 'doc', 'ev' or '#'";
            break;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (why || bad) {
        snprintf(err, errlen, "%s:%d: %s", path, lineno, why ? why : "read error");
        eval_gold_free(g);
        return -1;
    }
    if (!g->n_docs) { snprintf(err, errlen, "%s: no documents", path); eval_gold_free(g); return -1; }
    return 0;
}

void eval_gold_free(eval_gold *g)
{
    free(g->docs);
    free(g->events);
    memset(g, 0, sizeof *g);
}

int eval_doc_find(const char *file, const char *id, dyad_doc *d, char *err, size_t errlen)
{
    ingest_source *src = ingest_open(file, err, errlen);
    if (!src) return -1;
    int found = 0, r;
    while ((r = ingest_next(src, d)) != 0) {
        if (r > 0 && (!strcmp(id, "-") || (d->id && !strcmp(d->id, id)))) { found = 1; break; }
        dyad_doc_reset(d);
    }
    ingest_close(src);
    return found;
}
