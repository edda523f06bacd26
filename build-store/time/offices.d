build-store/time/offices.o: time/offices.c time/tx.h time/timex.h \
 include/dyad.h time/../core/core.h
time/tx.h:
time/timex.h:
include/dyad.h:
time/../core/core.h:
