build-store/events/events.o: events/events.c events/model.h \
 events/events.h include/dyad.h events/../core/core.h
events/model.h:
events/events.h:
include/dyad.h:
events/../core/core.h:
