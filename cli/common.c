/*
 * common.c - option parsing and the per-document loop shared by commands.
 */
#include "cli.h"
#include "../ingest/ingest.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("dyad: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_add_people(const char *file)
{
    /* The actors lexicon reads DYAD_PEOPLE wherever it is loaded (the
     * pipeline, the actors and quotes commands), so the option simply
     * adds to it. */
    const char *old = getenv("DYAD_PEOPLE");
    dbuf b = {0};
    if (old && *old) { dbuf_puts(&b, old); dbuf_putc(&b, ':'); }
    dbuf_puts(&b, file);
    dbuf_putc(&b, 0);
    setenv("DYAD_PEOPLE", b.ptr, 1);
    dbuf_free(&b);
}

int cli_parse(cli_opts *o, int argc, char **argv, const cli_command *cmd,
              int (*extra)(cli_opts *o, int argc, char **argv, int i))
{
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    if (!o->files) return -1;
    o->jobs = 1;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) { o->files[o->n_files++] = a; continue; }
        if (!strcmp(a, "--")) { only_files = 1; continue; }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            printf("usage: dyad %s\n\n%s\n", cmd->usage, cmd->summary);
            o->help = 1;
            return 1;
        }
        if (!strcmp(a, "--json")) { o->json = 1; continue; }
        if (!strcmp(a, "--tsv")) { o->tsv = 1; continue; }
        if (!strcmp(a, "--csv")) { o->csv = 1; continue; }
        if (!strcmp(a, "--explain")) { o->explain = 1; continue; }
        if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) { o->quiet = 1; continue; }
        if (!strcmp(a, "--count")) { o->count = 1; continue; }
        if (!strcmp(a, "--people")) {
            if (i + 1 >= argc) { cli_usage_error("--people needs a file (an office-holders TSV)"); return -1; }
            cli_add_people(argv[++i]);
            continue;
        }
        if (!strcmp(a, "--date") || !strcmp(a, "--db") || !strcmp(a, "--data") || !strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            if (i + 1 >= argc) { cli_usage_error("%s needs a value", a); return -1; }
            const char *v = argv[++i];
            if (!strcmp(a, "--date")) {
                if (dyad_date_parse(v, &o->date_value) || !o->date_value.day) {
                    cli_usage_error("--date: '%s' is not a date (YYYY-MM-DD)", v);
                    return -1;
                }
                o->date = v;
            } else if (!strcmp(a, "--db")) o->db = v;
            else if (!strcmp(a, "--data")) o->data = v;
            else {
                char *end;
                long j = strtol(v, &end, 10);
                if (*end || j < 1 || j > 256) { cli_usage_error("%s: '%s' is not a thread count (1-256)", a, v); return -1; }
                o->jobs = (int)j;
            }
            continue;
        }
        int used = extra ? extra(o, argc, argv, i) : 0;
        if (used < 0) return -1;
        if (used > 0) { i += used - 1; continue; }
        cli_usage_error("%s: unknown option '%s' (see 'dyad %s --help')", cmd->name, a, cmd->name);
        return -1;
    }
    return 0;
}

void cli_doc_warnings(const dyad_doc *d)
{
    for (uint32_t i = 0; i < d->n_diags; i++) {
        if (d->origin_line)
            fprintf(stderr, "dyad: %s:%llu: byte %llu of the text: %s\n", d->origin,
                    (unsigned long long)d->origin_line, (unsigned long long)d->diags[i].offset,
                    d->diags[i].message);
        else
            fprintf(stderr, "dyad: %s: byte %llu: %s\n", d->origin ? d->origin : "-",
                    (unsigned long long)d->diags[i].offset, d->diags[i].message);
    }
}

int cli_each_doc(cli_opts *o, cli_doc_fn fn, void *ctx)
{
    static const char *stdin_only[] = {"-"};
    const char **files = o->n_files ? o->files : stdin_only;
    int n = o->n_files ? o->n_files : 1;
    int failed = 0;
    dyad_doc *doc = dyad_doc_new();
    for (int i = 0; i < n; i++) {
        char err[1024];
        ingest_source *src = ingest_open(files[i], err, sizeof err);
        if (!src) { fprintf(stderr, "dyad: %s\n", err); failed = 1; continue; }
        for (;;) {
            dyad_doc_reset(doc);
            int r = ingest_next(src, doc);
            if (r == 0) break;
            if (r < 0) { fprintf(stderr, "dyad: %s\n", ingest_error(src)); failed = 1; continue; }
            dyad_doc_ensure_id(doc);
            o->n_docs++;
            o->n_bytes += doc->raw_len;
            if (fn(doc, ctx)) failed = 1;
            o->n_sents += doc->n_sents;
            o->n_toks += doc->n_toks;
            o->n_events += doc->n_events;
        }
        ingest_close(src);
    }
    dyad_doc_free(doc);
    dbuf_free(&o->out);
    return failed;
}

void cli_print_count(const cli_opts *o)
{
    printf("documents %llu sentences %llu tokens %llu events %llu bytes %llu\n",
           (unsigned long long)o->n_docs, (unsigned long long)o->n_sents,
           (unsigned long long)o->n_toks, (unsigned long long)o->n_events,
           (unsigned long long)o->n_bytes);
}

dyad_model *cli_load_model(const cli_opts *o)
{
    char err[1024] = "";
    dyad_model *m = dyad_model_load(o->data, err, sizeof err);
    if (!m) fprintf(stderr, "dyad: %s\n", err[0] ? err : "cannot load the model");
    return m;
}

dyad_options cli_pipeline_options(const cli_opts *o)
{
    dyad_options opt;
    memset(&opt, 0, sizeof opt);
    if (o->date) opt.date = o->date_value;
    return opt;
}

void cli_emit_doc(cli_opts *o, const dyad_doc *d, cli_json_fn json, cli_human_fn human)
{
    if (!o->quiet) cli_doc_warnings(d);
    if (o->count) return;
    if (!o->json) { human(stdout, d); return; }
    dbuf_clear(&o->out);
    json(&o->out, d);
    dbuf_putc(&o->out, '\n');
    fwrite(o->out.ptr, 1, o->out.len, stdout);
}
