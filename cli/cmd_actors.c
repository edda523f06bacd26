/* cmd_actors.c - placeholder: `dyad actors` lands with its stage. */
#include "cli.h"

int cmd_actors(cli_opts *o);
int cmd_actors(cli_opts *o)
{
    (void)o;
    fprintf(stderr, "dyad: actors: not implemented yet\n");
    return 2;
}
