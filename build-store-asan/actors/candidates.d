build-store-asan/actors/candidates.o: actors/candidates.c \
 actors/candidates.h include/dyad.h actors/actors_int.h actors/actors.h \
 actors/../core/core.h
actors/candidates.h:
include/dyad.h:
actors/actors_int.h:
actors/actors.h:
actors/../core/core.h:
