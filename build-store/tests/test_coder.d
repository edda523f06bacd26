build-store/tests/test_coder: tests/unit/test_coder.c \
 tests/unit/../check.h include/dyad.h tests/unit/../../events/events.h
tests/unit/../check.h:
include/dyad.h:
tests/unit/../../events/events.h:
