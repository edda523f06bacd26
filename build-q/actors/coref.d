build-q/actors/coref.o: actors/coref.c actors/actors_int.h \
 actors/actors.h include/dyad.h actors/../core/core.h
actors/actors_int.h:
actors/actors.h:
include/dyad.h:
actors/../core/core.h:
