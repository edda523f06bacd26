build-store-asan/store/events.o: store/events.c store/store.h \
 include/dyad.h store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
