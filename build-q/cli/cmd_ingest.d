build-q/cli/cmd_ingest.o: cli/cmd_ingest.c cli/cmd_store.h cli/cli.h \
 include/dyad.h cli/../core/core.h cli/../store/store.h \
 cli/../store/../core/core.h
cli/cmd_store.h:
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../store/store.h:
cli/../store/../core/core.h:
