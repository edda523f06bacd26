/*
 * cmd_time.c - `dyad time`: the time stage on its own: the publication date
 * and where it came from, every time expression (span, text, kind, TIMEX3
 * value, resolved date, flags) and each sentence's reference date with how
 * it was chosen (its own expression, carried from the sentence before, or
 * the publication date).
 *
 * --json writes one object per document with the same member names as the
 * `dyad code` record (pubdate, pubdate_source, pubdate_evidence, timexes),
 * plus "date" and "flags" per expression and "sentences".
 */
#include "cli.h"
#include "../core/core.h"
#include "../emit/emit.h"
#include "../time/timex.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    cli_opts *o;
    dyad_model *m;
    dyad_options opt;
} time_ctx;


/* How sentence s got its date: "own", "carried" or "pubdate". */
static const char *how(const dyad_doc *d, uint32_t s, uint32_t *t)
{
    const char *r = NULL;
    for (; *t < d->n_timexes && d->timexes[*t].sent == s; (*t)++)
        if (d->timexes[*t].flags & DYAD_TIMEX_GOVERNS) r = "own";
    if (r) return r;
    return dyad_date_cmp(d->sent_dates[s], d->pubdate) ? "carried" : "pubdate";
}


static void time_json(dbuf *b, const dyad_doc *d)
{
    dbuf_putc(b, '{');
    emit_meta_json(b, d);
    emit_time_json(b, d);
    dbuf_puts(b, ",\"sentences\":[");
    for (uint32_t s = 0, t = 0; s < d->n_sents; s++) {
        if (s) dbuf_putc(b, ',');
        dbuf_printf(b, "{\"i\":%u,\"date\":", s + 1);
        emit_date_json(b, d->sent_dates[s]);
        dbuf_printf(b, ",\"how\":\"%s\"}", how(d, s, &t));
    }
    dbuf_putc(b, ']');
    if (d->n_diags) {
        dbuf_puts(b, ",\"warnings\":[");
        for (uint32_t i = 0; i < d->n_diags; i++) {
            if (i) dbuf_putc(b, ',');
            json_str(b, d->diags[i].message);
        }
        dbuf_putc(b, ']');
    }
    dbuf_putc(b, '}');
}

/* At most `max` bytes of s, cut at a character boundary. */
static int preview(const char *s, uint32_t len, uint32_t max)
{
    if (len <= max) return (int)len;
    while (max && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
    return (int)max;
}

static void time_human(FILE *out, const dyad_doc *d)
{
    char day[11];
    fprintf(out, "== %s  (%s)\n", d->id ? d->id : "-", d->origin ? d->origin : "-");
    dyad_date_format(d->pubdate, day);
    fprintf(out, "published %s  (%s", day[0] ? day : "unknown", time_source_name(d->pubdate_source));
    if (d->pubdate_evidence && d->pubdate_source != DYAD_PUB_OPTION)
        fprintf(out, ": %s", d->pubdate_evidence);
    fprintf(out, ")\n\n%u time expressions\n", d->n_timexes);
    for (uint32_t i = 0; i < d->n_timexes; i++) {
        const dyad_timex *t = &d->timexes[i];
        dyad_date_format(t->date, day);
        fprintf(out, "  s%-3u %5u+%-3u %-8s %-18s %-10s \"%.*s\"", t->sent + 1, t->off, t->len, time_kind_name(t->kind),
                t->value, day[0] ? day : "-", (int)t->len, d->text + t->off);
        for (int f = 0; time_flag_name(f); f++)
            if (t->flags & (1u << f)) fprintf(out, " %s", time_flag_name(f));
        fputc('\n', out);
    }
    fprintf(out, "\nsentence dates\n");
    for (uint32_t s = 0, t = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        dyad_date_format(d->sent_dates[s], day);
        const char *h = how(d, s, &t);
        int n = preview(d->text + st->off, st->len, 70);
        fprintf(out, "  [%u] %-10s %-7s %.*s%s\n", s + 1, day[0] ? day : "unknown", h, n, d->text + st->off,
                (uint32_t)n < st->len ? "..." : "");
    }
    fputc('\n', out);
}

static int time_one(dyad_doc *d, void *ctx)
{
    time_ctx *c = ctx;
    dyad_process(c->m, d, &c->opt);
    cli_emit_doc(c->o, d, time_json, time_human);
    return 0;
}

const cli_option time_options[] = {
    {"json", 0, NULL, CLI_O_JSON, "one JSON object per document"},
    CLI_OPT_DATE, CLI_OPT_DATA, CLI_OPT_COUNT, CLI_OPT_QUIET, CLI_OPT_VERBOSE, CLI_OPT_END,
};

int cmd_time(cli_opts *o);
int cmd_time(cli_opts *o)
{
    int r = cli_parse(o, o->argc, o->argv, cli_find("time"), NULL);
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    time_ctx c = {o, cli_load_model(o), cli_pipeline_options(o)};
    if (!c.m) { free(o->files); return 1; }
    r = cli_each_doc(o, time_one, &c);
    if (o->count) cli_print_count(o);
    dyad_model_free(c.m);
    free(o->files);
    return r;
}
