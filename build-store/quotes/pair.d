build-store/quotes/pair.o: quotes/pair.c quotes/quotes_int.h \
 include/dyad.h quotes/../core/core.h
quotes/quotes_int.h:
include/dyad.h:
quotes/../core/core.h:
