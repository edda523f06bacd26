build-store/core/date.o: core/date.c include/dyad.h
include/dyad.h:
