#!/usr/bin/env python3
"""dictcount.py - size of dyad's verb dictionary per CAMEO root, and how
many events each root gives on a corpus.

    tools/dictcount.py [DATA_DIR]                 verbs and patterns per root
    tools/dictcount.py [DATA_DIR] --events TSV    ... and events per root from
                                                  `dyad code --tsv` output

DATA_DIR defaults to data/ beside this script.  A verb counts under every
root one of its patterns codes; patterns count once, under their code's root.
"""
import collections
import os
import sys


def count(data_dir):
    verbs, pats = collections.defaultdict(set), collections.Counter()
    vdir = os.path.join(data_dir, 'events', 'verbs')
    nverbs = 0
    for name in sorted(os.listdir(vdir)):
        if not name.endswith('.txt'):
            continue
        verb = None
        with open(os.path.join(vdir, name), encoding='utf-8') as f:
            for line in f:
                w = line.split('#', 1)[0].split()
                if not w:
                    continue
                if w[0] == 'VERB':
                    verb = (name, w[1])
                    nverbs += 1
                elif w[0][:2].isdigit() and verb:
                    root = w[0][:2]
                    pats[root] += 1
                    verbs[root].add(verb)
    return nverbs, verbs, pats


def main():
    args = sys.argv[1:]
    events = None
    if '--events' in args:
        i = args.index('--events')
        events = args[i + 1]
        del args[i:i + 2]
    data_dir = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data')
    nverbs, verbs, pats = count(data_dir)
    ev = collections.Counter()
    if events:
        with open(events, encoding='utf-8') as f:
            head = f.readline().rstrip('\n').split('\t')
            col = head.index('root')
            for line in f:
                p = line.rstrip('\n').split('\t')
                if len(p) > col:
                    ev[p[col]] += 1
    print('root  verbs  patterns' + ('  events' if events else ''))
    for r in sorted(set(pats) | set(ev)):
        print('%-4s %6d %9d' % (r, len(verbs[r]), pats[r]) + ('  %6d' % ev[r] if events else ''))
    print('all  %6d %9d' % (nverbs, sum(pats.values())) + ('  %6d' % sum(ev.values()) if events else ''))


if __name__ == '__main__':
    main()
