build-q/store/gdelt.o: store/gdelt.c store/store.h include/dyad.h \
 store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
