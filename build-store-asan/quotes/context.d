build-store-asan/quotes/context.o: quotes/context.c quotes/quotes_int.h \
 include/dyad.h
quotes/quotes_int.h:
include/dyad.h:
