build-q/actors/actors.o: actors/actors.c actors/actors_int.h \
 actors/actors.h include/dyad.h actors/../core/core.h
actors/actors_int.h:
actors/actors.h:
include/dyad.h:
actors/../core/core.h:
