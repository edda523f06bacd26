build-store-asan/cli/cmd_quotes.o: cli/cmd_quotes.c cli/cli.h \
 include/dyad.h cli/../core/core.h cli/../emit/emit.h \
 cli/../emit/../core/core.h cli/../actors/actors.h cli/../quotes/quotes.h \
 cli/../time/timex.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../emit/emit.h:
cli/../emit/../core/core.h:
cli/../actors/actors.h:
cli/../quotes/quotes.h:
cli/../time/timex.h:
