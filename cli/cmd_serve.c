/*
 * cmd_serve.c - `dyad serve`: the store over HTTP, a JSON API and the web
 * page (serve/).  Options here, the server in serve/server.c.
 *
 * The page's files are found like the data files: the folder `web` beside
 * the data folder (dyad_default_data_dir, or --data), unless --web says.
 */
#include "cmd_store.h"
#include "../serve/serve.h"
#include "../pipeline/pipeline.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { SERVE_O_LISTEN = CLI_O_OWN + 50, SERVE_O_THREADS, SERVE_O_ALLOW_CODE, SERVE_O_WEB, SERVE_O_QUERY_MS };

const cli_option serve_options[] = {
    CLI_OPT_DB,
    {"listen", 0, "HOST:PORT", SERVE_O_LISTEN, "numeric IPv4 address and port (127.0.0.1:8080); port 0: any free port"},
    {"threads", 0, "N", SERVE_O_THREADS, "threads answering requests (4)"},
    {"allow-code", 0, NULL, SERVE_O_ALLOW_CODE, "turn on POST /api/code: code a posted text (nothing is stored)"},
    {"web", 0, "DIR", SERVE_O_WEB, "the page's files (default: web/ beside the data folder)"},
    {"query-ms", 0, "N", SERVE_O_QUERY_MS, "time limit of one query in milliseconds (3000); longer ones get 503"},
    CLI_OPT_DATA, CLI_OPT_QUIET, CLI_OPT_END,
};

typedef struct {
    const char *listen, *web;
    long threads, query_ms;
    int allow_code;
} serve_opts;

/* The option callback has no context of its own: one command runs at a time. */
static serve_opts *parsing;

static int number(const char *opt, const char *v, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno || x < lo || x > hi) {
        cli_usage_error("serve: %s: '%s' is not a number from %ld to %ld", opt, v, lo, hi);
        return -1;
    }
    *out = x;
    return 0;
}

static int serve_option(cli_opts *o, int id, const char *arg)
{
    (void)o;
    switch (id) {
    case SERVE_O_ALLOW_CODE: parsing->allow_code = 1; return 0;
    case SERVE_O_LISTEN: parsing->listen = arg; return 0;
    case SERVE_O_WEB: parsing->web = arg; return 0;
    case SERVE_O_THREADS: return number("--threads", arg, 1, 64, &parsing->threads);
    case SERVE_O_QUERY_MS: return number("--query-ms", arg, 1, 3600000, &parsing->query_ms);
    }
    return -1;
}

/* HOST:PORT, :PORT or PORT into host (numeric IPv4) and port. */
static int parse_listen(const char *s, char host[64], int *port)
{
    const char *colon = strrchr(s, ':');
    const char *p = colon ? colon + 1 : s;
    size_t hn = colon ? (size_t)(colon - s) : 0;
    if (hn >= 64) return -1;
    if (hn) { memcpy(host, s, hn); host[hn] = 0; }
    else snprintf(host, 64, "127.0.0.1");
    long x;
    char *end;
    errno = 0;
    x = strtol(p, &end, 10);
    if (!*p || *end || errno || x < 0 || x > 65535) return -1;
    *port = (int)x;
    return 0;
}

/* The web folder beside the data folder. */
static char *default_web(const char *data)
{
    char buf[PATH_MAX], real[PATH_MAX];
    snprintf(buf, sizeof buf, "%s/../web", data);
    return realpath(buf, real) ? strdup(real) : NULL;
}

int cmd_serve(cli_opts *o);
int cmd_serve(cli_opts *o)
{
    serve_opts so = {.listen = "127.0.0.1:8080", .threads = 4, .query_ms = SERVE_QUERY_MS};
    parsing = &so;
    int r = cli_parse(o, o->argc, o->argv, cli_find("serve"), serve_option);
    parsing = NULL;
    if (r) { free(o->files); return r < 0 ? 2 : 0; }
    serve_config c = {.db = store_cli_path(o), .threads = (int)so.threads, .query_ms = so.query_ms, .quiet = o->quiet};
    char host[64];
    if (o->n_files) { cli_usage_error("serve: unexpected argument '%s' (the store is --db PATH)", o->files[0]); free(o->files); return 2; }
    if (parse_listen(so.listen, host, &c.port)) {
        cli_usage_error("serve: --listen '%s': HOST:PORT with a numeric IPv4 address, e.g. 127.0.0.1:8080", so.listen);
        free(o->files);
        return 2;
    }
    c.host = host;
    const char *data = o->data ? o->data : dyad_default_data_dir();
    char *web = so.web ? strdup(so.web) : default_web(data);
    struct stat sb;
    if (!web || stat(web, &sb) || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "dyad: serve: no web folder %s (give --web DIR); the API answers, the page is missing\n",
                so.web ? so.web : "beside the data folder");
        free(web);
        web = NULL;
    }
    c.web_dir = web;
    dyad_model *model = NULL;
    if (so.allow_code) {
        model = cli_load_model(o);
        if (!model) { free(web); free(o->files); return 1; }
        c.model = model;
    }
    char err[1024];
    r = serve_run(&c, err, sizeof err);
    if (r) fprintf(stderr, "dyad: serve: %s\n", err);
    if (model) dyad_model_free(model);
    free(web);
    free(o->files);
    return r ? 1 : 0;
}
