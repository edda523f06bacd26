build-q/events/coder.o: events/coder.c events/model.h events/events.h \
 include/dyad.h events/../core/core.h
events/model.h:
events/events.h:
include/dyad.h:
events/../core/core.h:
