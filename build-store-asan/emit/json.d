build-store-asan/emit/json.o: emit/json.c emit/emit.h include/dyad.h \
 emit/../core/core.h
emit/emit.h:
include/dyad.h:
emit/../core/core.h:
