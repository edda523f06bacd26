build-q/events/verbs.o: events/verbs.c events/model.h events/events.h \
 include/dyad.h events/../core/core.h
events/model.h:
events/events.h:
include/dyad.h:
events/../core/core.h:
