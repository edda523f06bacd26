build-q/text/clean.o: text/clean.c text/text.h include/dyad.h \
 text/../core/core.h
text/text.h:
include/dyad.h:
text/../core/core.h:
