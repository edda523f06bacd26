build-store/cli/cmd_actors.o: cli/cmd_actors.c cli/cli.h include/dyad.h \
 cli/../core/core.h cli/../emit/emit.h cli/../emit/../core/core.h \
 cli/../actors/actors.h cli/../time/timex.h cli/../actors/candidates.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../emit/emit.h:
cli/../emit/../core/core.h:
cli/../actors/actors.h:
cli/../time/timex.h:
cli/../actors/candidates.h:
