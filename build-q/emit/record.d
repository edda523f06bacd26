build-q/emit/record.o: emit/record.c emit/emit.h include/dyad.h \
 emit/../core/core.h
emit/emit.h:
include/dyad.h:
emit/../core/core.h:
