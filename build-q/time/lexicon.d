build-q/time/lexicon.o: time/lexicon.c time/tx.h time/timex.h \
 include/dyad.h time/../core/core.h
time/tx.h:
time/timex.h:
include/dyad.h:
time/../core/core.h:
