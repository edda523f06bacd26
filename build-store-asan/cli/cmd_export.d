build-store-asan/cli/cmd_export.o: cli/cmd_export.c cli/cmd_store.h \
 cli/cli.h include/dyad.h cli/../core/core.h cli/../store/store.h \
 cli/../store/../core/core.h
cli/cmd_store.h:
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../store/store.h:
cli/../store/../core/core.h:
