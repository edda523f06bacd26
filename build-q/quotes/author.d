build-q/quotes/author.o: quotes/author.c quotes/quotes_int.h \
 include/dyad.h
quotes/quotes_int.h:
include/dyad.h:
