/* cmd_time.c - placeholder: `dyad time` lands with its stage. */
#include "cli.h"

int cmd_time(cli_opts *o);
int cmd_time(cli_opts *o)
{
    (void)o;
    fprintf(stderr, "dyad: time: not implemented yet\n");
    return 2;
}
