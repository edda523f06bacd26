build-store/tests/test_warc: tests/unit/test_warc.c tests/unit/../check.h \
 tests/unit/../../ingest/warc.h
tests/unit/../check.h:
tests/unit/../../ingest/warc.h:
