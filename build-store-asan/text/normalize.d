build-store-asan/text/normalize.o: text/normalize.c text/text.h \
 include/dyad.h text/../core/core.h
text/text.h:
include/dyad.h:
text/../core/core.h:
