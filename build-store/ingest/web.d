build-store/ingest/web.o: ingest/web.c ingest/web.h include/dyad.h \
 ingest/html.h ingest/warc.h ingest/../core/core.h
ingest/web.h:
include/dyad.h:
ingest/html.h:
ingest/warc.h:
ingest/../core/core.h:
