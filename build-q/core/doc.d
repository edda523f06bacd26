build-q/core/doc.o: core/doc.c core/core.h include/dyad.h
core/core.h:
include/dyad.h:
