build-store-asan/store/svg.o: store/svg.c store/store.h include/dyad.h \
 store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
