/*
 * main.c - dispatch `dyad COMMAND ...` and the global --help / --version /
 * --man; then make sure standard output really got written: a full disk
 * or a closed pipe is an error (exit 1 with a message), never a silent
 * truncation.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, "usage: dyad COMMAND [OPTIONS] [FILE...|-]\n\n"
                 "dyad turns news text into political event data.\n\ncommands:\n");
    for (const cli_command *c = cli_commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out, "\nRun 'dyad COMMAND --help' for a command's options, 'dyad --man' for the manual page.\n");
}

/* Flush and close standard output; a failure turns status 0 into 1. */
static int finish(int status)
{
    int bad = cli_stdout_failed();
    int err = cli_stdout_error();
    if (!bad && fflush(stdout) != 0) { bad = 1; err = errno; }
    if (fclose(stdout) != 0 && !bad) { bad = 1; err = errno; }
    if (bad) {
        fprintf(stderr, "dyad: cannot write standard output: %s\n", err ? strerror(err) : "write error");
        return status ? status : 1;
    }
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return 2; }
    const char *name = argv[1];
    errno = 0;
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) { usage(stdout); return finish(0); }
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) { printf("dyad %s\n", DYAD_VERSION); return finish(0); }
    if (!strcmp(name, "--man")) { cli_print_man(stdout); return finish(0); }
    for (const cli_command *c = cli_commands; c->name; c++) {
        if (strcmp(c->name, name)) continue;
        cli_opts o;
        memset(&o, 0, sizeof o);
        o.argc = argc - 1;
        o.argv = argv + 1;
        int r = c->run(&o);
        return finish(r);
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", name);
    usage(stderr);
    return 2;
}
