build-store/cli/main.o: cli/main.c cli/cli.h include/dyad.h \
 cli/../core/core.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
