build-q/dict/tabari_verbs.o: dict/tabari_verbs.c dict/tabari.h
dict/tabari.h:
