build-store-asan/time/pubdate.o: time/pubdate.c time/tx.h time/timex.h \
 include/dyad.h
time/tx.h:
time/timex.h:
include/dyad.h:
