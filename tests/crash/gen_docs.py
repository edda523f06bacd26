#!/usr/bin/env python3
"""gen_docs.py N [SEED] - N distinct short wire stories as dyad JSON lines.

Written for the crash-safety tests: every story is different (its id,
date, actors, verbs and a running number in the text), dated, and says
things the coder codes (meetings, criticism, threats, aid, agreements), so
an ingest writes documents, sentences, mentions, quotes and events.
Deterministic for a given seed.
"""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
people = [("Donald Trump", "Washington"), ("Kim Jong Un", "Pyongyang"), ("Vladimir Putin", "Moscow"),
          ("Xi Jinping", "Beijing"), ("Emmanuel Macron", "Paris"), ("Angela Merkel", "Berlin"),
          ("Shinzo Abe", "Tokyo"), ("Narendra Modi", "New Delhi")]
countries = ["Russia", "Ukraine", "China", "Japan", "Iran", "Israel", "Turkey", "Syria", "France", "Germany",
             "South Korea", "North Korea", "India", "Pakistan", "Egypt", "Brazil"]
verbs = ["met", "criticized", "accused", "threatened", "praised", "condemned", "visited", "thanked"]
topics = ["trade", "the border", "sanctions", "the nuclear programme", "a ceasefire", "refugees", "energy prices"]
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
for i in range(n):
    y, m, d = rng.randint(2015, 2022), rng.randint(1, 12), rng.randint(1, 28)
    (a, city), (b, _) = rng.sample(people, 2)
    c1, c2 = rng.sample(countries, 2)
    v1, v2 = rng.choice(verbs), rng.choice(verbs)
    t = rng.choice(topics)
    text = (f"{city}, {months[m - 1]} {d} - {a} {v1} {b} on Tuesday over {t}, officials said.\n\n"
            f"{c1} {v2} {c2} in a statement issued in the capital, dispatch number {i}.\n\n"
            f"\"We will not accept this,\" {b} said after the talks. "
            f"{c2} said it would send a delegation to {c1} next week to discuss {t}.")
    print(json.dumps({"id": f"gen-{i:05d}", "title": f"{a} and {b} on {t} ({i})",
                      "published": f"{y:04d}-{m:02d}-{d:02d}", "source": rng.choice(["Wire A", "Wire B", "Daily C"]),
                      "url": f"https://wire.example.org/{y}/{i}", "text": text}))
