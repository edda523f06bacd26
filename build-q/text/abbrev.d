build-q/text/abbrev.o: text/abbrev.c text/text.h include/dyad.h
text/text.h:
include/dyad.h:
