build-q/text/text.o: text/text.c text/text.h include/dyad.h
text/text.h:
include/dyad.h:
