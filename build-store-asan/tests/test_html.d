build-store-asan/tests/test_html: tests/unit/test_html.c \
 tests/unit/../check.h tests/unit/../../ingest/html.h
tests/unit/../check.h:
tests/unit/../../ingest/html.h:
