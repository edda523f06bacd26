build-q/store/table.o: store/table.c store/store.h include/dyad.h \
 store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
