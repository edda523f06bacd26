/*
 * cmd_dict.c - `dyad dict check FILE...`: load each TABARI / PETRARCH
 * dictionary (its kind sniffed from the content), print every line that
 * could not be used (and every warning) as "FILE:LINE: unusable: why: text",
 * then one summary line per file.
 *
 * Exit: 0 when every line of every file was usable, 1 when some line was not
 * or a file could not be read or is no dictionary, 2 on usage errors.
 */
#include "cli.h"
#include "../dict/tabari.h"

#include <stdlib.h>
#include <string.h>

typedef struct { int warnings; } check_ctx;

static void report(void *ctx, const char *path, int line, tabari_severity sev, const char *reason,
                   const char *text)
{
    const check_ctx *c = ctx;
    if (sev == TABARI_WARNING && !c->warnings) return;
    tabari_print_issue(stdout, path, line, sev, reason, text);
}

enum { OPT_NO_WARNINGS = CLI_O_OWN };

const cli_option dict_options[] = {
    {"quiet", 'q', NULL, CLI_O_QUIET, "only the summaries"},
    {"no-warnings", 0, NULL, OPT_NO_WARNINGS, "only the unusable lines"},
    CLI_OPT_END,
};

static int no_warnings;

static int dict_option(cli_opts *o, int id, const char *arg)
{
    (void)o; (void)arg;
    if (id != OPT_NO_WARNINGS) return -1;
    no_warnings = 1;
    return 0;
}

static int check(cli_opts *o)
{
    check_ctx ctx = {!no_warnings};
    int quiet = o->quiet, bad = 0;
    int argc = o->n_files;
    const char **argv = o->files;
    if (!argc) { cli_usage_error("dict check: no dictionary given (see 'dyad dict --help')"); return 2; }
    for (int i = 0; i < argc; i++) {
        tabari_summary sum;
        int r = tabari_check(argv[i], &sum, quiet ? NULL : report, &ctx);
        if (r < 0) {
            fprintf(stderr, "dyad: %s: %s\n", argv[i],
                    sum.kind == TABARI_KIND_UNKNOWN && sum.lines ? "not a TABARI / PETRARCH dictionary" :
                    sum.kind == TABARI_KIND_UNKNOWN ? "cannot read it, or not a TABARI / PETRARCH dictionary" :
                    "cannot load it");
            bad = 1;
            continue;
        }
        tabari_summary_print(stdout, argv[i], &sum);
        if (sum.unusable) bad = 1;
    }
    return bad;
}

int cmd_dict(cli_opts *o);
int cmd_dict(cli_opts *o)
{
    const cli_command *cmd = cli_find("dict");
    if (o->argc < 2 || !strcmp(o->argv[1], "--help") || !strcmp(o->argv[1], "-h")) {
        cli_print_help(o->argc < 2 ? stderr : stdout, cmd);
        return o->argc < 2 ? 2 : 0;
    }
    if (!strcmp(o->argv[1], "check")) {
        /* "check" stands where getopt_long expects the program name. */
        int r = cli_parse(o, o->argc - 1, o->argv + 1, cmd, dict_option);
        if (!r) r = check(o);
        else r = r < 0 ? 2 : 0;
        free(o->files);
        return r;
    }
    cli_usage_error("dict: unknown subcommand '%s' (see 'dyad dict --help')", o->argv[1]);
    return 2;
}
