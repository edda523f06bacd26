/*
 * tabari_suite.c - reading and scoring TABARI's validation suite
 * (tabari_suite.h).
 */
#include "tabari_suite.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int push_rec(tabari_suite *s, int *cap)
{
    if (s->n_recs == *cap) {
        int nc = *cap ? *cap * 2 : 256;
        tabari_suite_record *n = realloc(s->recs, (size_t)nc * sizeof *n);
        if (!n) return -1;
        s->recs = n;
        *cap = nc;
    }
    memset(&s->recs[s->n_recs], 0, sizeof s->recs[0]);
    s->recs[s->n_recs].first_event = s->n_events;
    return s->n_recs++;
}

static int push_event(tabari_suite *s, int *cap, const tabari_suite_event *e)
{
    if (s->n_events == *cap) {
        int nc = *cap ? *cap * 2 : 512;
        tabari_suite_event *n = realloc(s->events, (size_t)nc * sizeof *n);
        if (!n) return -1;
        s->events = n;
        *cap = nc;
    }
    s->events[s->n_events++] = *e;
    return 0;
}

/* "YYMMDD ID" or "YYYYMMDD ID": the date digits' count, else 0. */
static int header_digits(const char *l, size_t n)
{
    size_t d = 0;
    while (d < n && isdigit((unsigned char)l[d])) d++;
    if (d != 6 && d != 8) return 0;
    if (d == n || (l[d] != ' ' && l[d] != '\t')) return 0;
    size_t i = d;
    while (i < n && (l[i] == ' ' || l[i] == '\t')) i++;
    return i < n && isalpha((unsigned char)l[i]) ? (int)d : 0;
}

static dyad_date parse_date(const char *l, int digits)
{
    int v[8];
    for (int i = 0; i < digits; i++) v[i] = l[i] - '0';
    dyad_date dt = {0, 0, 0};
    int y = digits == 8 ? v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3] : v[0] * 10 + v[1];
    if (digits == 6) y += y <= 30 ? 2000 : 1900;   /* the KEDS/TABARI convention */
    int o = digits == 8 ? 4 : 2;
    dt.year = (int16_t)y;
    dt.month = (int8_t)(v[o] * 10 + v[o + 1]);
    dt.day = (int8_t)(v[o + 2] * 10 + v[o + 3]);
    return dt;
}

static void trim_copy(char *out, size_t cap, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) { s++; n--; }
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (n >= cap) n = cap - 1;
    memcpy(out, s, n);
    out[n] = 0;
}

/* The {A / B / C} items of one comment line into the record. */
static int comment_items(tabari_suite *s, int *ecap, tabari_suite_record *r, const char *l, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (l[i] != '{') continue;
        size_t j = i + 1;
        while (j < n && l[j] != '}') j++;
        if (j == n) return 0;
        const char *in = l + i + 1;
        size_t len = j - i - 1;
        int off = i > 0 && l[i - 1] == '-';
        for (size_t k = 0; k + 6 <= len; k++)
            if (!memcmp(in + k, "OPTION", 6)) r->option = 1;
        const char *s1 = memchr(in, '/', len);
        const char *s2 = s1 ? memchr(s1 + 1, '/', len - (size_t)(s1 + 1 - in)) : NULL;
        if (!off && s2) {
            tabari_suite_event e;
            trim_copy(e.source, sizeof e.source, in, (size_t)(s1 - in));
            trim_copy(e.target, sizeof e.target, s1 + 1, (size_t)(s2 - s1 - 1));
            trim_copy(e.code, sizeof e.code, s2 + 1, (size_t)(in + len - s2 - 1));
            if (push_event(s, ecap, &e)) return -1;
            r->n_events++;
        }
        i = j;
    }
    return 0;
}

int tabari_suite_load(const char *path, tabari_suite *s, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return -1; }
    char line[4096];
    int rcap = 0, ecap = 0, lineno = 0, r = -1;
    enum { OUTSIDE, TEXT, COMMENT } st = OUTSIDE;
    size_t tlen = 0, tcap = 0;
    char *text = NULL;
    int failed = 0;
    while (!failed && fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strcspn(line, "\r\n");
        line[n] = 0;
        int d = st != COMMENT ? header_digits(line, n) : 0;
        if (d) {
            const char *id = line + d;
            while (*id == ' ' || *id == '\t') id++;
            size_t idn = strcspn(id, " \t");
            if (idn == 8 && !memcmp(id, "FINAL-01", 8)) break;
            if (r >= 0) s->recs[r].text = text;
            text = NULL; tlen = tcap = 0;
            if ((r = push_rec(s, &rcap)) < 0) { failed = 1; break; }
            tabari_suite_record *rec = &s->recs[r];
            trim_copy(rec->id, sizeof rec->id, id, idn);
            rec->date = parse_date(line, d);
            rec->line = lineno;
            st = TEXT;
            continue;
        }
        if (st == OUTSIDE || r < 0) continue;
        const char *l = line;
        if (st == TEXT) {
            const char *c = strstr(line, "/*");
            size_t keep = c ? (size_t)(c - line) : n;
            if (tlen + keep + 2 > tcap) {
                tcap = (tlen + keep + 2) * 2;
                char *nt = realloc(text, tcap);
                if (!nt) { failed = 1; break; }
                text = nt;
            }
            if (tlen) text[tlen++] = ' ';
            memcpy(text + tlen, line, keep);
            tlen += keep;
            text[tlen] = 0;
            if (!c) continue;
            st = COMMENT;
            l = c + 2;
        }
        const char *end = strstr(l, "*/");
        size_t ln = end ? (size_t)(end - l) : strlen(l);
        if (comment_items(s, &ecap, &s->recs[r], l, ln)) { failed = 1; break; }
        if (end) st = OUTSIDE;
    }
    fclose(f);
    if (r >= 0) s->recs[r].text = text;
    else free(text);
    if (failed) { snprintf(err, errlen, "%s:%d: out of memory", path, lineno); tabari_suite_free(s); return -1; }
    if (!s->n_recs) { snprintf(err, errlen, "%s: no records", path); return -1; }
    for (int i = 0; i < s->n_recs; i++)
        if (!s->recs[i].text) {
            s->recs[i].text = malloc(1);
            if (s->recs[i].text) s->recs[i].text[0] = 0;
        }
    return 0;
}

void tabari_suite_free(tabari_suite *s)
{
    for (int i = 0; i < s->n_recs; i++) free(s->recs[i].text);
    free(s->recs);
    free(s->events);
    memset(s, 0, sizeof *s);
}

/* Codes compare without TABARI's '~' agent mark (CONVERT AGENT writes
 * ~MOS for a bare agent; dyad writes the agent's code). */
static int same_code(const char *a, const char *b)
{
    if (*a == '~') a++;
    if (*b == '~') b++;
    if (!*a && !strcmp(b, "---")) return 1;
    if (!*b && !strcmp(a, "---")) return 1;
    return !strcmp(a, b);
}

void tabari_suite_score_doc(const tabari_suite *s, int ri, const dyad_doc *d,
                            tabari_suite_score *sc, FILE *list)
{
    const tabari_suite_record *r = &s->recs[ri];
    sc->records++;
    if (r->option) { sc->options++; return; }
    unsigned char used[256];
    uint32_t ne = d->n_events < 256 ? d->n_events : 256;
    memset(used, 0, sizeof used);
    long hit = 0;
    for (int k = 0; k < r->n_events; k++) {
        const tabari_suite_event *g = &s->events[r->first_event + k];
        int found = 0;
        for (uint32_t e = 0; e < ne && !found; e++) {
            const dyad_event *v = &d->events[e];
            if (used[e] || !same_code(g->source, v->source_code) || !same_code(g->target, v->target_code) ||
                strcmp(g->code, v->cameo)) continue;
            used[e] = 1;
            found = 1;
        }
        if (found) hit++;
        else if (list) fprintf(list, "miss\t%s\t%s / %s / %s\n", r->id, g->source, g->target, g->code);
    }
    long extra = 0;
    for (uint32_t e = 0; e < d->n_events; e++) {
        if (e < ne && used[e]) continue;
        extra++;
        if (list) {
            const dyad_event *v = &d->events[e];
            fprintf(list, "extra\t%s\t%s / %s / %s\n", r->id, v->source_code[0] ? v->source_code : "---",
                    v->target_code[0] ? v->target_code : "---", v->cameo);
        }
    }
    sc->expected += r->n_events;
    sc->reproduced += hit;
    sc->extra += extra;
    if (hit == r->n_events && !extra) sc->perfect++;
}

void tabari_suite_print(const tabari_suite_score *sc, FILE *out)
{
    long coded = sc->records - sc->options;
    fprintf(out, "records\t%ld (%ld option records not scored)\n", coded, sc->options);
    fprintf(out, "expected\t%ld\n", sc->expected);
    fprintf(out, "reproduced\t%ld\t%.1f%%\n", sc->reproduced,
            sc->expected ? 100.0 * (double)sc->reproduced / (double)sc->expected : 0.0);
    fprintf(out, "extra\t%ld\n", sc->extra);
    fprintf(out, "records right\t%ld\t%.1f%%\n", sc->perfect,
            coded ? 100.0 * (double)sc->perfect / (double)coded : 0.0);
}
