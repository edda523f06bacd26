build-store/store/put.o: store/put.c store/store.h include/dyad.h \
 store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
