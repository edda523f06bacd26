build-store-asan/time/reference.o: time/reference.c time/tx.h \
 time/timex.h include/dyad.h
time/tx.h:
time/timex.h:
include/dyad.h:
