/*
 * cmd_store.c - option parsing, store opening and output shared by the
 * store's commands (ingest, events, search, timeline, export, and the
 * store forms of quotes and actors).
 */
#include "cmd_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The options with a value, common and store ones (for store_cli_claims). */
static const char *const valued[] = {
    "--db", "--date", "--data", "-j", "--jobs", "--actor", "--source", "--target", "--cameo", "--plover",
    "--quad", "--from", "--to", "--doc", "--limit", "--speaker", "--text", "--by", "--svg", "--format",
    "--batch", NULL,
};

static int is_valued(const char *a)
{
    for (const char *const *v = valued; *v; v++)
        if (!strcmp(a, *v)) return 1;
    return 0;
}

int store_cli_claims(int argc, char **argv)
{
    int db = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) return i + 1 >= argc && db;     /* files follow */
        if (a[0] != '-' || !strcmp(a, "-")) return 0;         /* a FILE */
        if (!strcmp(a, "--db")) db = 1;
        if (is_valued(a)) i++;
    }
    return db;
}

/* cli_parse's `extra` callback has no context argument; commands run one
 * at a time, so the options being parsed are reached through this. */
static store_cli *parsing;

static int allowed(const char *name)
{
    const char *p = parsing->allowed;
    size_t n = strlen(name);
    while (p && *p) {
        size_t w = strcspn(p, " ");
        if (w == n && !strncmp(p, name, n)) return 1;
        p += w;
        while (*p == ' ') p++;
    }
    return 0;
}

static int number(const char *opt, const char *v, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno || x < lo || x > hi) {
        cli_usage_error("%s: '%s' is not a number from %ld to %ld", opt, v, lo, hi);
        return -1;
    }
    *out = x;
    return 0;
}

static int store_option(cli_opts *o, int argc, char **argv, int i)
{
    (void)o;
    const char *a = argv[i];
    if (strncmp(a, "--", 2) || !allowed(a + 2)) return 0;
    if (i + 1 >= argc) { cli_usage_error("%s needs a value", a); return -1; }
    const char *v = argv[i + 1];
    store_filter *f = &parsing->f;
    long x;
    const char *name = a + 2;
    if (!strcmp(name, "actor")) f->actor = v;
    else if (!strcmp(name, "source")) f->source = v;
    else if (!strcmp(name, "target")) f->target = v;
    else if (!strcmp(name, "cameo")) f->cameo = v;
    else if (!strcmp(name, "plover")) f->plover = v;
    else if (!strcmp(name, "from")) f->from = v;
    else if (!strcmp(name, "to")) f->to = v;
    else if (!strcmp(name, "doc")) f->doc = v;
    else if (!strcmp(name, "speaker")) f->speaker = v;
    else if (!strcmp(name, "text")) f->text = v;
    else if (!strcmp(name, "by")) parsing->by = v;
    else if (!strcmp(name, "svg")) parsing->svg = v;
    else if (!strcmp(name, "format")) parsing->format = v;
    else if (!strcmp(name, "quad")) { if (number(a, v, 1, 4, &x)) return -1; f->quad = (int)x; }
    else if (!strcmp(name, "limit")) { if (number(a, v, 0, 1000000000L, &x)) return -1; f->limit = x; parsing->limit_set = 1; }
    else if (!strcmp(name, "batch")) { if (number(a, v, 1, 1000000L, &x)) return -1; parsing->batch = x; }
    else return 0;
    return 2;
}

int store_cli_parse(cli_opts *o, store_cli *sc, const cli_command *cmd)
{
    parsing = sc;
    int r = cli_parse(o, o->argc, o->argv, cmd, store_option);
    parsing = NULL;
    if (r) return r;
    if (o->json + o->csv + o->tsv > 1) { cli_usage_error("%s: choose one of --json, --csv, --tsv", cmd->name); return -1; }
    char err[256];
    if (store_filter_check(&sc->f, err, sizeof err)) { cli_usage_error("%s: %s", cmd->name, err); return -1; }
    return 0;
}

int store_cli_format(const cli_opts *o)
{
    return o->json ? OUT_JSON : o->csv ? OUT_CSV : o->tsv ? OUT_TSV : OUT_TABLE;
}

const char *store_cli_path(const cli_opts *o) { return o->db && *o->db ? o->db : STORE_DEFAULT_DB; }

store *store_cli_open(const cli_opts *o, int create)
{
    char err[1024];
    store *s = store_open(store_cli_path(o), create ? STORE_CREATE : 0, err, sizeof err);
    if (!s) fprintf(stderr, "dyad: %s\n", err);
    return s;
}

int store_cli_width(void)
{
    /* A table on a terminal fits its width; piped, it keeps its columns. */
    struct winsize ws;
    if (!isatty(1) || ioctl(1, TIOCGWINSZ, &ws) || ws.ws_col < 40) return 0;
    return ws.ws_col;
}

int store_cli_print(store *s, sqlite3_stmt *st, const cli_opts *o, const char *noun, const int *maxw,
                    long *rows, const char *err)
{
    (void)s;
    if (!st) { fprintf(stderr, "dyad: %s\n", err); return 1; }
    char e[512];
    int fmt = store_cli_format(o);
    int r = tab_stmt(stdout, fmt, st, fmt == OUT_TABLE ? noun : NULL, maxw, store_cli_width(), rows, e, sizeof e);
    sqlite3_finalize(st);
    if (r) { fprintf(stderr, "dyad: %s\n", e); return 1; }
    return 0;
}
