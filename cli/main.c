/*
 * main.c - dispatch `dyad COMMAND ...` and the global --help / --version.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, "usage: dyad COMMAND [OPTIONS] [FILE...|-]\n\n"
                 "dyad turns news text into political event data.\n\ncommands:\n");
    for (const cli_command *c = cli_commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out, "\nRun 'dyad COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return 2; }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) { usage(stdout); return 0; }
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) { printf("dyad %s\n", DYAD_VERSION); return 0; }
    for (const cli_command *c = cli_commands; c->name; c++) {
        if (strcmp(c->name, name)) continue;
        cli_opts o;
        memset(&o, 0, sizeof o);
        o.argc = argc - 1;
        o.argv = argv + 1;
        return c->run(&o);
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", name);
    usage(stderr);
    return 2;
}
