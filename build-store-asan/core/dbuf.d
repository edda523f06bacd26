build-store-asan/core/dbuf.o: core/dbuf.c core/core.h include/dyad.h
core/core.h:
include/dyad.h:
