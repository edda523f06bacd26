build-q/time/tense.o: time/tense.c time/tx.h time/timex.h include/dyad.h
time/tx.h:
time/timex.h:
include/dyad.h:
