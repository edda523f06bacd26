build-store/actors/lexicon.o: actors/lexicon.c actors/actors_int.h \
 actors/actors.h include/dyad.h actors/../core/core.h
actors/actors_int.h:
actors/actors.h:
include/dyad.h:
actors/../core/core.h:
