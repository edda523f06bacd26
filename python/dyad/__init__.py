"""dyad for Python: political event data from news text.

    import dyad
    coder = dyad.Coder()                       # loads dyad's model once
    record = coder.code(text, date="2018-07-12")
    record["events"][0]["cameo"]               # the JSON record dyad code prints, as a dict

    for rec in coder.code_many(texts, threads=4):   # in order; the GIL is released while C works
        ...

    store = dyad.Store("dyad.db")              # the store dyad ingest writes
    store.events(actor="USA", cameo="04", from_="2019")    # list of dicts
    store.events_df(actor="PRK")               # a pandas DataFrame (python3-pandas)

Everything that codes, stores and queries is libdyad, the code the dyad
command runs: a record is the record `dyad code` prints, and a failure raises
dyad.Error with the message the command would print.  See docs/python.md.
"""
import json
import os
from concurrent.futures import ThreadPoolExecutor

from . import _dyad

Error = _dyad.Error
version = _dyad.version

__all__ = ["Coder", "Store", "Error", "version"]


def _data_dir():
    """The data folder: $DYAD_DATA, else the one beside this package (the
    build tree's data/, or PREFIX/share/dyad once installed)."""
    env = os.environ.get("DYAD_DATA")
    if env:
        return env
    try:                                  # written by make install-python
        from ._config import DATA_DIR
        return DATA_DIR
    except ImportError:
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    cand = os.path.join(here, "..", "..", "..", "data")    # the build tree: build/python/dyad
    if os.path.isdir(os.path.join(cand, "actors")):
        return os.path.normpath(cand)
    return None


class Coder:
    """dyad's model, loaded once and shared by threads.

    Coder(data_dir=None, verbs=None, actors=None, agents=None, discards=None, add=False):
    with verbs/actors/agents/discards, code with TABARI / PETRARCH
    dictionaries as `dyad code --verbs F --actors F...` does (add=True: on
    top of dyad's own)."""

    def __init__(self, data_dir=None, verbs=None, actors=None, agents=None, discards=None, add=False):
        self._c = _dyad.Coder(data_dir or _data_dir(), verbs, actors, agents, discards, add)

    def code(self, text, date=None, title=None, url=None, id=None, source=None, published=None):
        """Code one article; a dict shaped like dyad code's JSON record.

        Without title, text is read as a plain-text article is: a first line
        followed by a blank line is the headline.  date is the publication
        date (YYYY-MM-DD) when the text gives none, as --date."""
        return json.loads(self._c.code(text, date, title, url, id, source, published))

    def code_record(self, record, date=None):
        """Code one JSON-lines record (a dict or its JSON text: id, url, title,
        published, source, text)."""
        line = record if isinstance(record, (str, bytes)) else json.dumps(record)
        if isinstance(line, bytes):
            line = line.decode("utf-8", "replace")
        return json.loads(self._c.code_record(line, date))

    def code_file(self, path, date=None):
        """Every document of a file (plain text, JSON lines, HTML, WARC/ARC,
        gzip): (records, errors) with errors as dyad's messages."""
        records, errors = self._c.code_path(path, date)
        return [json.loads(r) for r in records], errors

    def code_many(self, items, threads=None, date=None):
        """Code an iterable of texts (str) or records (dict), yielding the
        records in input order, on `threads` threads (default: the CPUs)."""
        threads = threads or os.cpu_count() or 1

        def one(item):
            if isinstance(item, dict):
                return self.code_record(item, date)
            return self.code(item, date)

        if threads <= 1:
            for item in items:
                yield one(item)
            return
        with ThreadPoolExecutor(max_workers=threads) as pool:
            # A bounded window keeps memory flat on long iterables.
            window, pending = threads * 4, []
            for item in items:
                pending.append(pool.submit(one, item))
                if len(pending) >= window:
                    yield pending.pop(0).result()
            for f in pending:
                yield f.result()


def _filters(kw):
    out = {}
    for k, v in kw.items():
        if v is None:
            continue
        k = k.rstrip("_")               # from_ for --from
        out[k] = v if isinstance(v, (int, str)) else str(v)
    return out


def _pandas(rows):
    try:
        import pandas
    except ImportError as e:
        raise Error("the DataFrame views need pandas (Debian: python3-pandas)") from e
    return pandas.DataFrame(rows)


class Store:
    """The SQLite store `dyad ingest` writes (see docs/store.md).

    Store(path, write=False): queries open it as it is; ingest needs
    write=True (then the file is created and migrated if need be)."""

    def __init__(self, path="dyad.db", write=False):
        self.path = path
        self._s = _dyad.Store(path, write)

    def ingest(self, paths, coder=None, date=None):
        """Code the files' documents and store them, as dyad ingest does;
        documents already stored are skipped, coded records (dyad code
        --coded) are stored as they are.  A dict of counts and errors."""
        if isinstance(paths, str):
            paths = [paths]
        return self._s.ingest((coder or Coder())._c, list(paths), date)

    def events(self, actor=None, source=None, target=None, cameo=None, plover=None, quad=None,
               from_=None, to=None, doc=None, limit=None):
        """The events, one per event however many reports, as dyad events --json."""
        return self._s.query("events", _filters(dict(actor=actor, source=source, target=target, cameo=cameo,
                                                     plover=plover, quad=quad, from_=from_, to=to, doc=doc,
                                                     limit=limit)))

    def quotes(self, speaker=None, actor=None, text=None, from_=None, to=None, doc=None, limit=None):
        return self._s.query("quotes", _filters(dict(speaker=speaker, actor=actor, text=text, from_=from_, to=to,
                                                     doc=doc, limit=limit)))

    def actors(self, actor=None, from_=None, to=None, limit=None):
        return self._s.query("actors", _filters(dict(actor=actor, from_=from_, to=to, limit=limit)))

    def search(self, words, limit=None):
        if isinstance(words, (list, tuple)):
            words = " ".join(words)
        return self._s.query("search", _filters(dict(text=words, limit=limit)))

    def timeline(self, a, b, by="month", from_=None, to=None):
        """Events between a and b per period, both directions (as dyad timeline)."""
        return self._s.timeline(a, b, by, from_, to)

    def events_df(self, **kw):
        return _pandas(self.events(**kw))

    def quotes_df(self, **kw):
        return _pandas(self.quotes(**kw))

    def actors_df(self, **kw):
        return _pandas(self.actors(**kw))

    def timeline_df(self, a, b, **kw):
        return _pandas(self.timeline(a, b, **kw))

    def search_df(self, words, **kw):
        return _pandas(self.search(words, **kw))

    def close(self):
        self._s.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
