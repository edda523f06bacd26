build-store/tests/test_text: tests/unit/test_text.c tests/unit/../check.h \
 include/dyad.h tests/unit/../../ingest/ingest.h
tests/unit/../check.h:
include/dyad.h:
tests/unit/../../ingest/ingest.h:
