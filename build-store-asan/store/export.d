build-store-asan/store/export.o: store/export.c store/store.h \
 include/dyad.h store/../core/core.h
store/store.h:
include/dyad.h:
store/../core/core.h:
