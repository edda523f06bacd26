build-store/ingest/warc.o: ingest/warc.c ingest/warc.h
ingest/warc.h:
