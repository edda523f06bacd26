/*
 * score.c - matching one coded document's events to its gold events.
 *
 * dyad's clean text is not the raw text byte for byte (whitespace, quotes,
 * debris), so sentences are matched by their words: both sides are reduced
 * to lower-case letters and digits, and a dyad sentence belongs to a gold
 * span when the start of one is found inside the other.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

size_t eval_norm_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') out[k++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out[k++] = (char)c;
    }
    out[k] = 0;
    return k;
}

/* Does the start of `a` (up to 30 characters) occur in `b`? */
static int starts_inside(const char *a, size_t na, const char *b)
{
    if (na < 8) return 0;
    char pre[31];
    size_t n = na < 30 ? na : 30;
    memcpy(pre, a, n);
    pre[n] = 0;
    return strstr(b, pre) != NULL;
}

int eval_same_words(const char *a, size_t na, const char *b, size_t nb)
{
    if (na < 8 || nb < 8) return na == nb && !memcmp(a, b, na);
    return starts_inside(a, na, b) || starts_inside(b, nb, a);
}

static void code6(const char *code, char out[7])
{
    size_t n = strlen(code);
    if (n > 6) n = 6;
    memcpy(out, code, n);
    out[n] = 0;
}

static int actor_matches(const eval_alts *a, const char *code, int level)
{
    char c[7];
    code6(code, c);
    for (int i = 0; i < a->n; i++) {
        const char *t = a->text[i];
        if (!strcmp(t, "-")) { if (!c[0]) return 1; continue; }
        if (!c[0]) continue;
        if (level == EVAL_COUNTRIES ? !strncmp(t, c, 3) : !strcmp(t, c)) return 1;
    }
    return 0;
}

static int cameo_matches(const eval_alts *a, const char *cameo, int level)
{
    for (int i = 0; i < a->n; i++)
        if (level == EVAL_EXACT ? !strcmp(a->text[i], cameo) : !strncmp(a->text[i], cameo, 2)) return 1;
    return 0;
}

static int event_matches(const eval_event *g, const dyad_event *e, int level)
{
    return cameo_matches(&g->cameo, e->cameo, level) && actor_matches(&g->source, e->source_code, level) &&
           actor_matches(&g->target, e->target_code, level);
}

static int date_right(const eval_event *g, const dyad_event *e)
{
    char s[11];
    dyad_date_format(e->date, s);
    for (int i = 0; i < g->date.n; i++) {
        size_t n = strlen(g->date.text[i]);
        if (strcmp(g->date.text[i], "-") && !strncmp(s, g->date.text[i], n)) return 1;
    }
    return 0;
}

static int has_date(const eval_event *g)
{
    for (int i = 0; i < g->date.n; i++)
        if (strcmp(g->date.text[i], "-")) return 1;
    return 0;
}

static void print_alts(FILE *f, const eval_alts *a)
{
    for (int i = 0; i < a->n; i++) fprintf(f, "%s%s", i ? "|" : "", a->text[i]);
}

static void print_event(FILE *f, const dyad_event *e)
{
    char s[11];
    dyad_date_format(e->date, s);
    fprintf(f, "%s>%s %s %s (%s)", e->source_code[0] ? e->source_code : "-",
            e->target_code[0] ? e->target_code : "-", e->cameo, s[0] ? s : "-", e->rule ? e->rule : "");
}

void eval_score_doc(const eval_gold *g, int gd, const char *raw, size_t raw_len, const dyad_doc *d,
                    eval_score *s, FILE *list)
{
    /* This document's gold events and their spans ("units"). */
    int n_ev = 0, first = -1;
    for (int i = 0; i < g->n_events; i++)
        if (g->events[i].doc == gd) { if (first < 0) first = i; n_ev++; }
    const eval_event *gev = first >= 0 ? &g->events[first] : NULL;

    /* unit_of[e][k]: the dyad sentences each gold span covers, as a bitmap
     * per dyad sentence: sent_units[sent] lists units (span indexes). */
    int n_units = 0;
    for (int i = 0; i < n_ev; i++) n_units += gev[i].n_spans;
    char **ukey = calloc((size_t)n_units + 1, sizeof *ukey);
    size_t *ulen = calloc((size_t)n_units + 1, sizeof *ulen);
    int *uevent = calloc((size_t)n_units + 1, sizeof *uevent);
    int u = 0;
    for (int i = 0; i < n_ev; i++)
        for (int k = 0; k < gev[i].n_spans; k++, u++) {
            eval_span sp = gev[i].spans[k];
            uevent[u] = i;
            if ((size_t)sp.off + sp.len > raw_len) {
                fprintf(stderr, "dyad: gold line %d: span %u:%u lies outside document %s (%zu bytes)\n",
                        gev[i].line, sp.off, sp.len, g->docs[gd].id, raw_len);
                ukey[u] = calloc(1, 1);
                continue;
            }
            ukey[u] = malloc(sp.len + 1);
            ulen[u] = eval_norm_key(raw + sp.off, sp.len, ukey[u], sp.len + 1);
        }

    /* sent_unit[sent * n_units + unit]: dyad sentence lies in the gold span. */
    uint32_t ns = d->n_sents;
    unsigned char *in = calloc((size_t)ns * (size_t)(n_units ? n_units : 1) + 1, 1);
    char *key = malloc(d->text_len + 1);
    for (uint32_t si = 0; si < ns && n_units; si++) {
        const dyad_sentence *st = &d->sents[si];
        size_t kl = eval_norm_key(d->text + st->off, st->len, key, (size_t)st->len + 1);
        for (int k = 0; k < n_units; k++)
            if (ukey[k] && eval_same_words(key, kl, ukey[k], ulen[k])) in[(size_t)si * n_units + k] = 1;
    }

    /* Events, level by level. */
    unsigned char *matched = calloc((size_t)n_ev + 1, 1);
    for (int level = EVAL_EXACT; level <= EVAL_COUNTRIES; level++) {
        memset(matched, 0, (size_t)n_ev + 1);
        for (uint32_t ei = 0; ei < d->n_events; ei++) {
            const dyad_event *e = &d->events[ei];
            int hit = -1, dup = 0;
            for (int k = 0; k < n_units && hit < 0; k++) {
                if (!in[(size_t)e->sent * n_units + k]) continue;
                int gi = uevent[k];
                if (!event_matches(&gev[gi], e, level)) continue;
                if (!matched[gi]) hit = gi;
                else dup = 1;
            }
            if (hit >= 0) {
                matched[hit] = 1;
                s->tp[level]++;
                if (level == EVAL_ROOT && has_date(&gev[hit])) {
                    s->dated++;
                    if (date_right(&gev[hit], e)) s->dates_right++;
                    else if (list) {
                        fprintf(list, "date   %s gold line %d: ", g->docs[gd].id, gev[hit].line);
                        print_alts(list, &gev[hit].date);
                        fputs("  dyad ", list);
                        print_event(list, e);
                        fputc('\n', list);
                    }
                }
            } else if (dup) {
                if (level == EVAL_ROOT) s->duplicates++;
            } else {
                s->fp[level]++;
                if (level == EVAL_ROOT && list) {
                    const dyad_sentence *st = &d->sents[e->sent];
                    int n = st->len < 70 ? (int)st->len : 70;
                    fprintf(list, "extra  %s  ", g->docs[gd].id);
                    print_event(list, e);
                    fprintf(list, "  in \"%.*s%s\"\n", n, d->text + st->off, st->len > 70 ? "..." : "");
                }
            }
        }
        for (int i = 0; i < n_ev; i++) {
            if (matched[i]) continue;
            s->fn[level]++;
            if (level == EVAL_ROOT && list) {
                fprintf(list, "missed %s gold line %d: ", g->docs[gd].id, gev[i].line);
                print_alts(list, &gev[i].source);
                fputc('>', list);
                print_alts(list, &gev[i].target);
                fputc(' ', list);
                print_alts(list, &gev[i].cameo);
                /* What dyad made of the sentence instead. */
                int shown = 0;
                for (uint32_t ei = 0; ei < d->n_events; ei++) {
                    for (int k = 0; k < n_units; k++) {
                        if (uevent[k] != i || !in[(size_t)d->events[ei].sent * n_units + k]) continue;
                        fputs(shown++ ? "; " : "  dyad: ", list);
                        print_event(list, &d->events[ei]);
                        break;
                    }
                }
                if (!shown) {
                    int found = 0;
                    for (int k = 0; k < n_units; k++)
                        for (uint32_t si = 0; si < ns && !found; si++)
                            if (uevent[k] == i && in[(size_t)si * n_units + k]) found = 1;
                    fputs(found ? "  dyad: no event" : "  dyad: sentence not found", list);
                }
                fputc('\n', list);
            }
        }
    }

    /* Sentences: a gold unit is positive; a dyad sentence with an event in
     * no gold unit is a false positive. */
    unsigned char *dyad_has = calloc((size_t)ns + 1, 1);
    for (uint32_t ei = 0; ei < d->n_events; ei++) {
        if (d->events[ei].sent < ns) dyad_has[d->events[ei].sent] = 1;
        s->emitted++;
        if (!d->events[ei].target_code[0]) s->untargeted++;
    }
    unsigned char *unit_seen = calloc((size_t)n_ev + 1, 1);
    for (int i = 0; i < n_ev; i++) {
        int found = 0;
        for (int k = 0; k < n_units; k++) {
            if (uevent[k] != i) continue;
            for (uint32_t si = 0; si < ns; si++)
                if (in[(size_t)si * n_units + k] && dyad_has[si]) found = 1;
        }
        if (found) s->tp[EVAL_SENTENCE]++;
        else s->fn[EVAL_SENTENCE]++;
        unit_seen[i] = 1;
    }
    for (uint32_t si = 0; si < ns; si++) {
        if (!dyad_has[si]) continue;
        int any = 0;
        for (int k = 0; k < n_units; k++)
            if (in[(size_t)si * n_units + k]) any = 1;
        if (!any) s->fp[EVAL_SENTENCE]++;
    }
    s->docs++;
    s->sents += (uint64_t)g->docs[gd].n_sents;

    for (int k = 0; k < n_units; k++) free(ukey[k]);
    free(ukey); free(ulen); free(uevent); free(in); free(key); free(matched); free(dyad_has); free(unit_seen);
}

static void line3(FILE *out, const char *name, uint64_t tp, uint64_t fp, uint64_t fn)
{
    double p = tp + fp ? (double)tp / (double)(tp + fp) : 0, r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    fprintf(out, "%-34s %6.3f %6.3f %6.3f   %4llu %4llu %4llu\n", name, p, r, f, (unsigned long long)tp,
            (unsigned long long)fp, (unsigned long long)fn);
}

void eval_print(const eval_score *s, FILE *out)
{
    fprintf(out, "%llu documents, %llu sentences; dyad emitted %llu events (%llu without a target)\n",
            (unsigned long long)s->docs, (unsigned long long)s->sents, (unsigned long long)s->emitted,
            (unsigned long long)s->untargeted);
    fprintf(out, "%-34s %6s %6s %6s   %4s %4s %4s\n", "level", "P", "R", "F1", "tp", "fp", "fn");
    line3(out, "exact (code, source, target)", s->tp[EVAL_EXACT], s->fp[EVAL_EXACT], s->fn[EVAL_EXACT]);
    line3(out, "root (root, source, target)", s->tp[EVAL_ROOT], s->fp[EVAL_ROOT], s->fn[EVAL_ROOT]);
    line3(out, "countries (root, countries)", s->tp[EVAL_COUNTRIES], s->fp[EVAL_COUNTRIES], s->fn[EVAL_COUNTRIES]);
    line3(out, "sentence (event or none)", s->tp[EVAL_SENTENCE], s->fp[EVAL_SENTENCE], s->fn[EVAL_SENTENCE]);
    fprintf(out, "duplicates (one event emitted again): %llu\n", (unsigned long long)s->duplicates);
    fprintf(out, "dates right: %llu of %llu root-level matches with a gold date\n",
            (unsigned long long)s->dates_right, (unsigned long long)s->dated);
}
