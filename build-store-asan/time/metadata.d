build-store-asan/time/metadata.o: time/metadata.c time/tx.h time/timex.h \
 include/dyad.h
time/tx.h:
time/timex.h:
include/dyad.h:
