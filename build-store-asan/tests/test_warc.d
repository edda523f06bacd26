build-store-asan/tests/test_warc: tests/unit/test_warc.c \
 tests/unit/../check.h tests/unit/../../ingest/warc.h
tests/unit/../check.h:
tests/unit/../../ingest/warc.h:
