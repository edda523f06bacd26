build-store/emit/human.o: emit/human.c emit/emit.h include/dyad.h \
 emit/../core/core.h
emit/emit.h:
include/dyad.h:
emit/../core/core.h:
