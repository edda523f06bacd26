build-store-asan/ingest/html.o: ingest/html.c ingest/html.h
ingest/html.h:
