build-q/quotes/subject.o: quotes/subject.c quotes/quotes_int.h \
 include/dyad.h
quotes/quotes_int.h:
include/dyad.h:
