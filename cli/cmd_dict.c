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

#include <string.h>

typedef struct { int warnings; } check_ctx;

static void report(void *ctx, const char *path, int line, tabari_severity sev, const char *reason,
                   const char *text)
{
    const check_ctx *c = ctx;
    if (sev == TABARI_WARNING && !c->warnings) return;
    tabari_print_issue(stdout, path, line, sev, reason, text);
}

static int check(int argc, char **argv)
{
    check_ctx ctx = {1};
    int quiet = 0, n = 0, bad = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) quiet = 1;
        else if (!strcmp(argv[i], "--no-warnings")) ctx.warnings = 0;
        else if (argv[i][0] == '-' && argv[i][1]) { cli_usage_error("dict check: unknown option '%s'", argv[i]); return 2; }
        else n++;
    }
    if (!n) { cli_usage_error("dict check: no dictionary given (see 'dyad dict --help')"); return 2; }
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) continue;
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
        printf("usage: dyad %s\n\n%s\n", cmd->usage, cmd->summary);
        return o->argc < 2 ? 2 : 0;
    }
    if (!strcmp(o->argv[1], "check")) {
        for (int i = 2; i < o->argc; i++)
            if (!strcmp(o->argv[i], "--help") || !strcmp(o->argv[i], "-h")) {
                printf("usage: dyad %s\n\n%s\n", cmd->usage, cmd->summary);
                return 0;
            }
        return check(o->argc - 2, o->argv + 2);
    }
    cli_usage_error("dict: unknown subcommand '%s' (see 'dyad dict --help')", o->argv[1]);
    return 2;
}
