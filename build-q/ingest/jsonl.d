build-q/ingest/jsonl.o: ingest/jsonl.c ingest/ingest.h include/dyad.h \
 ingest/../core/core.h
ingest/ingest.h:
include/dyad.h:
ingest/../core/core.h:
