build-store-asan/ingest/plain.o: ingest/plain.c ingest/ingest.h \
 include/dyad.h
ingest/ingest.h:
include/dyad.h:
