build-store-asan/dict/tabari_actors.o: dict/tabari_actors.c dict/tabari.h
dict/tabari.h:
