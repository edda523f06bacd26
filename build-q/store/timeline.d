build-q/store/timeline.o: store/timeline.c store/store.h include/dyad.h \
 store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
