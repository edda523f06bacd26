build-q/events/ontology.o: events/ontology.c events/model.h \
 events/events.h include/dyad.h events/../core/core.h
events/model.h:
events/events.h:
include/dyad.h:
events/../core/core.h:
