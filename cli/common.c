/*
 * common.c - option parsing and the per-document loop shared by commands.
 */
#include "cli.h"
#include "../ingest/ingest.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int stdout_errno;

int cli_stdout_failed(void)
{
    if (!ferror(stdout)) return 0;
    if (!stdout_errno) stdout_errno = errno ? errno : EIO;
    return 1;
}

int cli_stdout_error(void) { return stdout_errno; }

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

static int common_option(cli_opts *o, const cli_option *row, const char *v)
{
    switch (row->id) {
    case CLI_O_PEOPLE: cli_add_people(v); return 0;
    case CLI_O_JSON: o->json = 1; return 0;
    case CLI_O_TSV: o->tsv = 1; return 0;
    case CLI_O_CSV: o->csv = 1; return 0;
    case CLI_O_EXPLAIN: o->explain = 1; return 0;
    case CLI_O_QUIET: o->quiet = 1; return 0;
    case CLI_O_VERBOSE: o->verbose = 1; return 0;
    case CLI_O_COUNT: o->count = 1; return 0;
    case CLI_O_DB: o->db = v; return 0;
    case CLI_O_DATA: o->data = v; return 0;
    case CLI_O_DATE:
        if (dyad_date_parse(v, &o->date_value) || !o->date_value.day) {
            cli_usage_error("--date: '%s' is not a date (YYYY-MM-DD)", v);
            return -1;
        }
        o->date = v;
        return 0;
    case CLI_O_JOBS: {
        char *end;
        long j = strtol(v, &end, 10);
        if (!*v || *end || j < 1 || j > 256) { cli_usage_error("--%s: '%s' is not a thread count (1-256)", row->name, v); return -1; }
        o->jobs = (int)j;
        return 0;
    }
    }
    return 1;
}

int cli_parse(cli_opts *o, int argc, char **argv, const cli_command *cmd, cli_option_fn own)
{
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    if (!o->files) return -1;
    o->jobs = 1;
    const cli_option *t = cmd->options;
    size_t n = 0;
    while (t && t[n].name) n++;
    /* Long options return 256 + their row; short ones their letter. */
    struct option *lo = calloc(n + 2, sizeof *lo);
    char *so = malloc(3 * n + 4);
    if (!lo || !so) { free(lo); free(so); return -1; }
    size_t k = 0;
    so[k++] = ':';                    /* ':' for a missing value, '?' for an unknown option */
    so[k++] = 'h';
    for (size_t i = 0; i < n; i++) {
        lo[i] = (struct option){t[i].name, t[i].arg ? required_argument : no_argument, NULL, (int)(256 + i)};
        if (t[i].short_name) {
            so[k++] = t[i].short_name;
            if (t[i].arg) so[k++] = ':';
        }
    }
    so[k] = 0;
    lo[n] = (struct option){"help", no_argument, NULL, 'h'};
    int r = 0, c;
    opterr = 0;
    optind = 0;                       /* glibc: start afresh */
    while (!r && (c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
        const cli_option *row = NULL;
        if (c >= 256) row = &t[c - 256];
        else if (c == 'h') { cli_print_help(stdout, cmd); o->help = 1; r = 1; break; }
        else if (c == ':' || c == '?') {
            const char *word = argv[optind - 1];
            if (c == ':') cli_usage_error("%s: %s needs a value", cmd->name, word);
            else if (optopt && word[0] == '-' && word[1] != '-')
                cli_usage_error("%s: unknown option '-%c' (see 'dyad %s --help')", cmd->name, optopt, cmd->name);
            else cli_usage_error("%s: unknown option '%s' (see 'dyad %s --help')", cmd->name, word, cmd->name);
            r = -1;
            break;
        } else
            for (size_t i = 0; i < n && !row; i++)
                if (t[i].short_name == c) row = &t[i];
        if (!row) { r = -1; break; }
        int done = row->id < CLI_O_OWN ? common_option(o, row, optarg) : 1;
        if (done == 1) done = own ? own(o, row->id, optarg) : -1;
        if (done < 0) r = -1;
    }
    if (!r)
        for (int i = optind; i < argc; i++) o->files[o->n_files++] = argv[i];
    free(lo);
    free(so);
    return r;
}

int cli_claims_db(int argc, char **argv, const cli_command *cmd)
{
    int db = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) return i + 1 >= argc && db;     /* files follow */
        if (a[0] != '-' || !a[1]) return 0;                   /* a FILE, or '-' */
        const char *eq = strchr(a, '=');
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        int valued = 0;
        for (const cli_command *c = cmd; c; c = c->also)
            for (const cli_option *t = c->options; t && t->name; t++) {
                int hit = a[1] == '-' ? strlen(t->name) == len - 2 && !strncmp(t->name, a + 2, len - 2)
                                      : t->short_name && a[len - 1] == t->short_name;
                if (!hit) continue;
                if (t->id == CLI_O_DB) db = 1;
                valued |= t->arg && !eq && (a[1] == '-' || len == 2);
            }
        if (valued) i++;
    }
    return db;
}

void cli_doc_warnings(const cli_opts *o, const dyad_doc *d)
{
    if (o->quiet) return;
    cli_progress_warnings(o->progress, d);
}

int cli_doc_failed(const cli_opts *o, const dyad_doc *d)
{
    if (d->text_len) return 0;                  /* coded records carry their text */
    for (size_t i = 0; i < d->raw_len; i++)
        if (!strchr(" \t\r\n\f\v", d->raw[i])) return 0;
    if (!d->n_diags && !o->quiet) {
        if (d->origin_line)
            fprintf(stderr, "dyad: %s:%llu: document %s has no text\n", d->origin ? d->origin : "-",
                    (unsigned long long)d->origin_line, d->id ? d->id : "?");
        else fprintf(stderr, "dyad: %s: document %s has no text\n", d->origin ? d->origin : "-", d->id ? d->id : "?");
    }
    return 1;
}

int cli_each_doc(cli_opts *o, cli_doc_fn fn, void *ctx)
{
    static const char *stdin_only[] = {"-"};
    const char **files = o->n_files ? o->files : stdin_only;
    int n = o->n_files ? o->n_files : 1;
    int failed = 0;
    dyad_doc *doc = dyad_doc_new();
    o->progress = cli_progress_new(o, o->argv[0], o->stdout_idle);
    for (int i = 0; i < n && !cli_stdout_failed(); i++) {
        char err[1024];
        ingest_source *src = ingest_open(files[i], err, sizeof err);
        if (!src) { fprintf(stderr, "dyad: %s\n", err); failed = 1; continue; }
        cli_progress_source(o->progress, src, files[i], 0);
        for (;;) {
            dyad_doc_reset(doc);
            int r = ingest_next(src, doc);
            if (r == 0) break;
            if (r < 0) { fprintf(stderr, "dyad: %s\n", ingest_error(src)); failed = 1; continue; }
            dyad_doc_ensure_id(doc);
            o->n_docs++;
            o->n_bytes += doc->raw_len;
            if (fn(doc, ctx)) failed = 1;
            if (cli_doc_failed(o, doc)) failed = 1;
            cli_progress_doc(o->progress, doc);
            o->n_sents += doc->n_sents;
            o->n_toks += doc->n_toks;
            o->n_events += doc->n_events;
            o->n_parsed += doc->n_parsed;
            if (cli_stdout_failed()) { failed = 1; break; }
        }
        cli_progress_source(o->progress, NULL, files[i], 1);
        ingest_close(src);
    }
    cli_progress_done(o->progress);
    o->progress = NULL;
    dyad_doc_free(doc);
    dbuf_free(&o->out);
    return failed;
}

void cli_print_count(const cli_opts *o)
{
    printf("documents %llu sentences %llu tokens %llu events %llu bytes %llu parsed %llu\n",
           (unsigned long long)o->n_docs, (unsigned long long)o->n_sents,
           (unsigned long long)o->n_toks, (unsigned long long)o->n_events,
           (unsigned long long)o->n_bytes, (unsigned long long)o->n_parsed);
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
    cli_doc_warnings(o, d);
    if (o->count) return;
    if (!o->json) { human(stdout, d); return; }
    dbuf_clear(&o->out);
    json(&o->out, d);
    dbuf_putc(&o->out, '\n');
    fwrite(o->out.ptr, 1, o->out.len, stdout);
}
