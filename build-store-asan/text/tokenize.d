build-store-asan/text/tokenize.o: text/tokenize.c text/text.h \
 include/dyad.h text/../core/core.h
text/text.h:
include/dyad.h:
text/../core/core.h:
