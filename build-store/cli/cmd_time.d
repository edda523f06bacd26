build-store/cli/cmd_time.o: cli/cmd_time.c cli/cli.h include/dyad.h \
 cli/../core/core.h cli/../emit/emit.h cli/../emit/../core/core.h \
 cli/../time/timex.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../emit/emit.h:
cli/../emit/../core/core.h:
cli/../time/timex.h:
