build-store/tests/test_time: tests/unit/test_time.c tests/unit/../check.h \
 include/dyad.h tests/unit/../../ingest/ingest.h \
 tests/unit/../../time/timex.h
tests/unit/../check.h:
include/dyad.h:
tests/unit/../../ingest/ingest.h:
tests/unit/../../time/timex.h:
