build-store-asan/quotes/lexicon.o: quotes/lexicon.c quotes/quotes_int.h \
 include/dyad.h quotes/../core/core.h
quotes/quotes_int.h:
include/dyad.h:
quotes/../core/core.h:
