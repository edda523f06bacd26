build-q/cli/common.o: cli/common.c cli/cli.h include/dyad.h \
 cli/../core/core.h cli/../ingest/ingest.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../ingest/ingest.h:
