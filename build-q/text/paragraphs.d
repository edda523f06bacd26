build-q/text/paragraphs.o: text/paragraphs.c text/text.h include/dyad.h \
 text/../core/core.h
text/text.h:
include/dyad.h:
text/../core/core.h:
