build-store-asan/store/schema.o: store/schema.c store/store.h \
 include/dyad.h store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
