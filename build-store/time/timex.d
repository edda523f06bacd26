build-store/time/timex.o: time/timex.c time/tx.h time/timex.h \
 include/dyad.h
time/tx.h:
time/timex.h:
include/dyad.h:
