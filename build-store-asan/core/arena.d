build-store-asan/core/arena.o: core/arena.c include/dyad.h
include/dyad.h:
