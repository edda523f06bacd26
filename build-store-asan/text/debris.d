build-store-asan/text/debris.o: text/debris.c text/text.h include/dyad.h \
 text/../core/core.h
text/text.h:
include/dyad.h:
text/../core/core.h:
