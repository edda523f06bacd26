build-store-asan/text/sentences.o: text/sentences.c text/text.h \
 include/dyad.h text/../core/core.h
text/text.h:
include/dyad.h:
text/../core/core.h:
