build-q/ingest/source.o: ingest/source.c ingest/ingest.h include/dyad.h \
 ingest/warc.h ingest/web.h ingest/../core/core.h
ingest/ingest.h:
include/dyad.h:
ingest/warc.h:
ingest/web.h:
ingest/../core/core.h:
