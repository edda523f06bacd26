build-store/cli/commands.o: cli/commands.c cli/cli.h include/dyad.h \
 cli/../core/core.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
