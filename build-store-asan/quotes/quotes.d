build-store-asan/quotes/quotes.o: quotes/quotes.c quotes/quotes.h \
 include/dyad.h quotes/quotes_int.h
quotes/quotes.h:
include/dyad.h:
quotes/quotes_int.h:
