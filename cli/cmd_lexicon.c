/*
 * cmd_lexicon.c - `dyad lexicon import FILE.tsv... -o DIR` and `dyad lexicon
 * stats`.
 *
 * import reads office-holder TSVs (docs/officeholders.md), gathers each
 * person's tenures into dated CAMEO roles and writes DIR/people.txt in the
 * people lexicon format.  A person the hand-written lexicon (--data DIR, or
 * the default) already names is left out - the hand-written record wins -
 * and listed in DIR/conflicts.tsv with both sets of roles; so is an alias
 * that names a different hand-written person (the alias is dropped).
 *
 * stats loads the actors lexicon as every command does (with --people /
 * DYAD_PEOPLE) and prints its sizes and the load time.
 *
 * places NAME... prints the gazetteer's places of each name (name, feature,
 * country code, region, GeoNames country, lat, lon, population), most
 * populous first; exit 1 if some name is no place.
 */
#include "cli.h"
#include "../actors/actors.h"
#include "../actors/officeholders.h"
#include "../actors/gazetteer.h"
#include "../where/where.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int known_country(const char *code, void *ctx) { return actors_country_known(ctx, code); }

typedef struct {
    const actors_lexicon *lex;
    FILE *conflicts;
    const oh_person *p;
    uint32_t n_alias_dropped;
} merge_ctx;

static int alias_taken(const char *alias, void *ctxp)
{
    merge_ctx *m = ctxp;
    int32_t h = actors_person_named(m->lex, alias);
    if (h < 0) return 0;
    char desc[1024];
    actors_person_describe(m->lex, (uint32_t)h, desc, sizeof desc);
    fprintf(m->conflicts, "alias dropped\t%s\t%s\t%s\n", m->p->name, alias, desc);
    m->n_alias_dropped++;
    return 1;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

enum { OPT_OUTPUT = CLI_O_OWN };

const cli_option lexicon_options[] = {
    {"output", 'o', "DIR", OPT_OUTPUT, "import: write DIR/people.txt and DIR/conflicts.tsv"},
    CLI_OPT_DATA, CLI_OPT_PEOPLE,
    CLI_OPT_END,
};

static const char *out_dir;

static int lexicon_option(cli_opts *o, int id, const char *arg)
{
    (void)o;
    if (id != OPT_OUTPUT) return -1;
    out_dir = arg;
    return 0;
}

static int lexicon_import(cli_opts *o)
{
    const char *data = o->data;
    const char **files = o->files;
    int n_files = o->n_files;
    if (!out_dir || !n_files) {
        cli_usage_error("usage: dyad lexicon import FILE.tsv... -o DIR [--data DIR]");
        return 2;
    }
    char err[1024] = "";
    actors_lexicon *lex = actors_load_handwritten(data ? data : dyad_default_data_dir(), err, sizeof err);
    if (!lex) { fprintf(stderr, "dyad: %s\n", err); return 1; }
    oh_set *set = oh_new();
    int rc = 0;
    for (int i = 0; i < n_files && !rc; i++)
        if (oh_read(set, files[i], known_country, lex, err, sizeof err)) { fprintf(stderr, "dyad: %s\n", err); rc = 1; }
    if (rc) { oh_free(set); actors_free(lex); return 1; }
    oh_finish(set);
    if (mkdir(out_dir, 0777) && errno != EEXIST) {
        fprintf(stderr, "dyad: %s: cannot create: %s\n", out_dir, strerror(errno));
        oh_free(set); actors_free(lex);
        return 1;
    }
    char path[4096], cpath[4096];
    snprintf(path, sizeof path, "%s/people.txt", out_dir);
    snprintf(cpath, sizeof cpath, "%s/conflicts.tsv", out_dir);
    FILE *out = fopen(path, "w"), *conf = fopen(cpath, "w");
    if (!out || !conf) {
        fprintf(stderr, "dyad: %s: cannot write: %s\n", out ? cpath : path, strerror(errno));
        if (out) fclose(out);
        if (conf) fclose(conf);
        oh_free(set); actors_free(lex);
        return 1;
    }
    fprintf(out, "# dyad people lexicon: office-holders imported by\n#   dyad lexicon import");
    for (int i = 0; i < n_files; i++) {
        const char *b = strrchr(files[i], '/');
        fprintf(out, " %s", b ? b + 1 : files[i]);
    }
    fprintf(out, " -o DIR\n# Format: docs/lexicon-format-people.md; how roles are made: docs/officeholders.md.\n"
                 "# Generated: edit the hand-written data/actors/people.txt instead (it wins).\n\n");
    fprintf(conf, "# what\timported person\timported name or roles\thand-written person and roles\n");
    merge_ctx m = {lex, conf, NULL, 0};
    uint32_t written = 0, dated = 0, roles = 0, conflicts = 0, no_roles = 0;
    for (uint32_t i = 0; i < oh_count(set); i++) {
        const oh_person *p = oh_get(set, i);
        if (!p->n_roles) { no_roles++; continue; }
        int32_t h = actors_person_named(lex, p->name);
        if (h < 0) {
            for (uint32_t k = 0; k < p->n_aliases && h < 0; k++) h = actors_person_named(lex, p->aliases[k]);
        }
        if (h >= 0) {
            char mine[4096], theirs[1024];
            oh_format_roles(p, mine, sizeof mine);
            actors_person_describe(lex, (uint32_t)h, theirs, sizeof theirs);
            fprintf(conf, "hand-written wins\t%s\t%s\t%s\n", p->name, mine, theirs);
            conflicts++;
            continue;
        }
        m.p = p;
        oh_write_record(out, p, alias_taken, &m);
        written++;
        roles += p->n_roles;
        dated += p->n_roles > 0;
    }
    int werr = ferror(out) | ferror(conf);
    werr |= fclose(out) | fclose(conf);
    const oh_stats *st = oh_get_stats(set);
    fprintf(stderr, "dyad: lexicon import: %u rows, %u used (%u not a coded office, %u country not in the lexicon, "
            "%u no start date, %u bad dates, %u bad lines); %u people, %u with no usable tenure\n",
            st->rows, st->used, st->not_political, st->unknown_country, st->no_start, st->bad_dates, st->bad_lines,
            oh_count(set), no_roles);
    fprintf(stderr, "dyad: lexicon import: wrote %u people with %u dated roles to %s; %u left to the hand-written "
            "lexicon and %u aliases dropped (listed in %s)\n", written, roles, path, conflicts, m.n_alias_dropped, cpath);
    (void)dated;
    oh_free(set);
    actors_free(lex);
    if (werr) { fprintf(stderr, "dyad: %s: write failed\n", path); return 1; }
    return 0;
}

static int lexicon_stats(cli_opts *o)
{
    double t0 = now_s();
    char err[1024] = "";
    actors_lexicon *lex = actors_load(o->data ? o->data : dyad_default_data_dir(), err, sizeof err);
    double t1 = now_s();
    if (!lex) { fprintf(stderr, "dyad: %s\n", err); return 1; }
    actors_stats s;
    actors_lexicon_stats(lex, &s);
    double t2 = now_s();
    const gazetteer *g = actors_gazetteer(lex);      /* built on first use */
    double t3 = now_s();
    /* The where stage's own tables (countries, landmarks) over the gazetteer. */
    where_model *w = where_load(o->data ? o->data : dyad_default_data_dir(), g, err, sizeof err);
    double t4 = now_s();
    if (!w) { fprintf(stderr, "dyad: %s\n", err); actors_free(lex); return 1; }
    where_free(w);
    printf("people %u (office-holders %u, left out as already named %u)\nroles %u\nsurnames %u\n"
           "countries %u (names %u)\norgs %u\nagents %u\nnames %u\nwarnings %u\nload_ms %.1f\n"
           "places %u\nplaces_ms %.1f (built on first use)\nwhere_ms %.1f (countries and landmarks)\n",
           s.people, s.imported, s.imported_dup, s.roles, s.surnames, s.countries, s.country_names, s.orgs,
           s.agents, s.names, s.warnings, (t1 - t0) * 1000.0, g ? gazetteer_count(g) : 0, (t3 - t2) * 1000.0,
           (t4 - t3) * 1000.0);
    actors_free(lex);
    return 0;
}

/* `dyad lexicon places NAME...`: every place of each name, most populous first. */
static int lexicon_places(cli_opts *o)
{
    char err[1024] = "";
    actors_lexicon *lex = actors_load(o->data ? o->data : dyad_default_data_dir(), err, sizeof err);
    if (!lex) { fprintf(stderr, "dyad: %s\n", err); return 1; }
    const gazetteer *g = actors_gazetteer(lex);
    int missing = 0;
    for (int i = 0; i < o->n_files; i++) {
        uint32_t first = 0, n = g ? gazetteer_lookup(g, o->files[i], strlen(o->files[i]), &first) : 0;
        if (!n) { printf("%s\t-\n", o->files[i]); missing = 1; continue; }
        for (uint32_t k = 0; k < n; k++) {
            const gaz_place *p = gazetteer_place(g, first + k);
            printf("%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%u\n", p->name, p->feature, p->country[0] ? p->country : "-",
                   p->adm1, p->country_name, p->lat, p->lon, p->population);
        }
    }
    if (!o->n_files) printf("places %u\n", g ? gazetteer_count(g) : 0);
    actors_free(lex);
    return missing;
}

int cmd_lexicon(cli_opts *o);
int cmd_lexicon(cli_opts *o)
{
    const cli_command *cmd = cli_find("lexicon");
    if (o->argc < 2 || !strcmp(o->argv[1], "--help") || !strcmp(o->argv[1], "-h")) {
        cli_print_help(o->argc < 2 ? stderr : stdout, cmd);
        return o->argc < 2 ? 2 : 0;
    }
    const char *sub = o->argv[1];
    int (*run)(cli_opts *) = !strcmp(sub, "import") ? lexicon_import : !strcmp(sub, "stats") ? lexicon_stats :
                             !strcmp(sub, "places") ? lexicon_places : NULL;
    if (!run) {
        cli_usage_error("lexicon: unknown subcommand '%s' (import, stats or places; see 'dyad lexicon --help')", sub);
        return 2;
    }
    out_dir = NULL;
    /* the subcommand stands where getopt_long expects the program name */
    int r = cli_parse(o, o->argc - 1, o->argv + 1, cmd, lexicon_option);
    if (!r) r = run(o);
    else r = r < 0 ? 2 : 0;
    free(o->files);
    return r;
}
