build-store-asan/ingest/html_score.o: ingest/html_score.c ingest/html.h
ingest/html.h:
