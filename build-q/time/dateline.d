build-q/time/dateline.o: time/dateline.c time/tx.h time/timex.h \
 include/dyad.h
time/tx.h:
time/timex.h:
include/dyad.h:
