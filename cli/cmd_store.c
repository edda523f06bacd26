/*
 * cmd_store.c - option parsing, store opening and output shared by the
 * store's commands (ingest, events, search, timeline, export, and the
 * store forms of quotes and actors).
 */
#include "cmd_store.h"
#include "../actors/gazetteer.h"
#include "../where/where.h"

#include <stdio.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int store_cli_claims(int argc, char **argv, const cli_command *cmd)
{
    return cli_claims_db(argc, argv, cmd);
}

/* cli_parse's callback has no context argument; commands run one at a
 * time, so the options being parsed are reached through this. */
static store_cli *parsing;

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

static int store_option(cli_opts *o, int id, const char *v)
{
    (void)o;
    store_filter *f = &parsing->f;
    long x;
    switch (id) {
    case STORE_O_ACTOR: f->actor = v; break;
    case STORE_O_SOURCE: f->source = v; break;
    case STORE_O_TARGET: f->target = v; break;
    case STORE_O_CAMEO: f->cameo = v; break;
    case STORE_O_PLOVER: f->plover = v; break;
    case STORE_O_FROM: f->from = v; break;
    case STORE_O_TO: f->to = v; break;
    case STORE_O_DOC: f->doc = v; break;
    case STORE_O_SPEAKER: f->speaker = v; break;
    case STORE_O_TEXT: f->text = v; break;
    case STORE_O_BY: parsing->by = v; break;
    case STORE_O_SVG: parsing->svg = v; break;
    case STORE_O_FORMAT: parsing->format = v; break;
    case STORE_O_NEAR: parsing->near = v; break;
    case STORE_O_COUNTRY: f->country = v; break;
    case STORE_O_KM: if (number("--km", v, 1, 20000, &x)) return -1; f->near_km = (double)x; break;
    case STORE_O_QUAD: if (number("--quad", v, 1, 4, &x)) return -1; f->quad = (int)x; break;
    case STORE_O_LIMIT: if (number("--limit", v, 0, 1000000000L, &x)) return -1; f->limit = x; parsing->limit_set = 1; break;
    case STORE_O_BATCH: if (number("--batch", v, 1, 1000000L, &x)) return -1; parsing->batch = x; break;
    default: return -1;
    }
    return 0;
}

/* --near PLACE: the place's coordinates, from dyad's tables and the
 * gazetteer (no actors lexicon: a city's country is not needed here). */
static int near_place(cli_opts *o, store_cli *sc, const cli_command *cmd)
{
    char err[512];
    gazetteer *g = gazetteer_load(NULL, NULL, err, sizeof err);
    where_model *w = where_load(o->data ? o->data : dyad_default_data_dir(), g, err, sizeof err);
    dyad_location l;
    int r = 0;
    if (!w) { fprintf(stderr, "dyad: %s\n", err); r = -1; }
    else if (where_resolve(w, sc->near, &l)) {
        cli_usage_error("%s: --near '%s': no such place in dyad's tables or the gazetteer", cmd->name, sc->near);
        r = -1;
    } else {
        sc->f.near = 1;
        sc->f.near_lat = l.lat;
        sc->f.near_lon = l.lon;
        if (!sc->f.near_km) sc->f.near_km = 50;
    }
    where_free(w);
    gazetteer_free(g);
    return r;
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
    if (sc->near && near_place(o, sc, cmd)) return -1;
    if (!sc->f.near_km) sc->f.near_km = 50;
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
