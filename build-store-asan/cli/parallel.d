build-store-asan/cli/parallel.o: cli/parallel.c cli/cli.h include/dyad.h \
 cli/../core/core.h cli/../ingest/ingest.h
cli/cli.h:
include/dyad.h:
cli/../core/core.h:
cli/../ingest/ingest.h:
