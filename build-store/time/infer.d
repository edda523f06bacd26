build-store/time/infer.o: time/infer.c time/tx.h time/timex.h \
 include/dyad.h
time/tx.h:
time/timex.h:
include/dyad.h:
