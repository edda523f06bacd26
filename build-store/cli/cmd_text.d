build-store/cli/cmd_text.o: cli/cmd_text.c cli/cli.h include/dyad.h \
 cli/../core/core.h cli/../emit/emit.h cli/../emit/../core/core.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../emit/emit.h:
cli/../emit/../core/core.h:
