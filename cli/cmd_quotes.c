/* cmd_quotes.c - placeholder: `dyad quotes` lands with its stage. */
#include "cli.h"

int cmd_quotes(cli_opts *o);
int cmd_quotes(cli_opts *o)
{
    (void)o;
    fprintf(stderr, "dyad: quotes: not implemented yet\n");
    return 2;
}
