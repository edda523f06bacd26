build-store/quotes/attribute.o: quotes/attribute.c quotes/quotes_int.h \
 include/dyad.h
quotes/quotes_int.h:
include/dyad.h:
