build-q/quotes/indirect.o: quotes/indirect.c quotes/quotes_int.h \
 include/dyad.h
quotes/quotes_int.h:
include/dyad.h:
