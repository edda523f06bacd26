build-store-asan/tests/test_actors: tests/unit/test_actors.c \
 tests/unit/../check.h include/dyad.h tests/unit/../../actors/actors.h \
 tests/unit/../../actors/candidates.h tests/unit/../../ingest/ingest.h
tests/unit/../check.h:
include/dyad.h:
tests/unit/../../actors/actors.h:
tests/unit/../../actors/candidates.h:
tests/unit/../../ingest/ingest.h:
