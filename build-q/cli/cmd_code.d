build-q/cli/cmd_code.o: cli/cmd_code.c cli/cli.h include/dyad.h \
 cli/../core/core.h cli/../emit/emit.h cli/../emit/../core/core.h \
 cli/../events/events.h cli/../pipeline/pipeline.h \
 cli/../pipeline/../actors/actors.h cli/../pipeline/../events/events.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../emit/emit.h:
cli/../emit/../core/core.h:
cli/../events/events.h:
cli/../pipeline/pipeline.h:
cli/../pipeline/../actors/actors.h:
cli/../pipeline/../events/events.h:
