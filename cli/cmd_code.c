/* cmd_code.c - placeholder: `dyad code` lands with its stage. */
#include "cli.h"

int cmd_code(cli_opts *o);
int cmd_code(cli_opts *o)
{
    (void)o;
    fprintf(stderr, "dyad: code: not implemented yet\n");
    return 2;
}
