build-store-asan/cli/cmd_query.o: cli/cmd_query.c cli/cmd_store.h \
 cli/cli.h include/dyad.h cli/../core/core.h cli/../store/store.h \
 cli/../store/../core/core.h
cli/cmd_store.h:
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../store/store.h:
cli/../store/../core/core.h:
