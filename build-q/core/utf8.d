build-q/core/utf8.o: core/utf8.c core/core.h include/dyad.h
core/core.h:
include/dyad.h:
