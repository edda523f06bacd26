build-store/ingest/html_score.o: ingest/html_score.c ingest/html.h
ingest/html.h:
