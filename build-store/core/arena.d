build-store/core/arena.o: core/arena.c include/dyad.h
include/dyad.h:
