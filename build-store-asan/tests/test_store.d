build-store-asan/tests/test_store: tests/unit/test_store.c \
 tests/unit/../check.h tests/unit/../../store/store.h include/dyad.h \
 tests/unit/../../store/../core/core.h
tests/unit/../check.h:
tests/unit/../../store/store.h:
include/dyad.h:
tests/unit/../../store/../core/core.h:
