build-store-asan/pipeline/pipeline.o: pipeline/pipeline.c \
 pipeline/pipeline.h include/dyad.h pipeline/../actors/actors.h \
 pipeline/../events/events.h pipeline/../quotes/quotes.h \
 pipeline/../time/timex.h
pipeline/pipeline.h:
include/dyad.h:
pipeline/../actors/actors.h:
pipeline/../events/events.h:
pipeline/../quotes/quotes.h:
pipeline/../time/timex.h:
