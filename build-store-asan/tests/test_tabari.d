build-store-asan/tests/test_tabari: tests/unit/test_tabari.c \
 tests/unit/../check.h dict/tabari.h
tests/unit/../check.h:
dict/tabari.h:
