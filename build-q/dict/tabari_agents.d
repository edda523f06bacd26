build-q/dict/tabari_agents.o: dict/tabari_agents.c dict/tabari.h
dict/tabari.h:
