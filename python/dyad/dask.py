"""Code a corpus on a Dask cluster, store it in one SQLite store.

    python3 -m dyad.dask --scheduler tcp://HOST:8786 INPUTS... --out DIR
    python3 -m dyad.dask --scheduler local:4 corpus/*.warc.gz news.jsonl --out run1

INPUTS (files or folders) are split into tasks: a JSON-lines file into
pieces of --chunk-mb whole lines, any other file (WARC/ARC, gzip, HTML,
plain text) into one task per file.  Each task is coded on a worker, with
one model load per worker process, into one shard, DIR/shards/NNNNN.jsonl,
of coded records (`dyad code --coded`); a shard appears whole or not at all
(written aside, then renamed), so a retried task rewrites it and a finished
one is never coded again when the run is repeated.  Dask retries the task
of a failed or killed worker on another.  When every task is done the
shards are stored, in input order, in DIR/dyad.db (or --db) by the same
code `dyad ingest` runs, so the store holds what one `dyad ingest` of the
same inputs would: the same documents, events, reports and counts, and a
document already stored is never stored twice.
"""
import argparse
import os
import sys
import time

import dyad

_worker_coders = {}


def _coder(data_dir, dicts):
    """The worker process's model: loaded on its first task, then kept."""
    key = (data_dir, dicts)
    c = _worker_coders.get(key)
    if c is None:
        verbs, actors, agents, discards, add = dicts
        c = _worker_coders[key] = dyad.Coder(data_dir, verbs, list(actors) or None, agents, discards, add)
    return c


def _is_jsonl(path):
    if path.endswith((".gz", ".zst", ".warc", ".arc")):
        return False
    with open(path, "rb") as f:
        head = f.read(4096).lstrip()
    return head[:1] == b"{"


def plan_tasks(inputs, chunk_bytes):
    """The tasks, in input order: (index, path, start, end, first_line);
    start/end None for a whole file."""
    files = []
    for p in inputs:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names))
        else:
            files.append(p)
    tasks = []
    for path in files:
        if not os.path.exists(path):
            raise dyad.Error("%s: No such file or directory" % path)
        if not _is_jsonl(path) or os.path.getsize(path) <= chunk_bytes:
            tasks.append((len(tasks), path, None, None, 1))
            continue
        # Cut at line ends, counting lines so every record keeps its line number.
        with open(path, "rb") as f:
            start, line, pos, first = 0, 1, 0, 1
            for raw in f:
                pos += len(raw)
                line += 1
                if pos - start >= chunk_bytes:
                    tasks.append((len(tasks), path, start, pos, first))
                    start, first = pos, line
            if pos > start:
                tasks.append((len(tasks), path, start, pos, first))
    return tasks


def _fault_injection(index, shard_dir):
    """The tests' stand-in for a machine lost mid-run: with
    DYAD_DASK_KILL_TASK=N the worker running task N the first time kills its
    own process (SIGKILL, no cleanup), as a crash or an OOM kill would."""
    if os.environ.get("DYAD_DASK_KILL_TASK") != str(index):
        return
    marker = os.path.join(shard_dir, ".killed-%05d" % index)
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    os.close(fd)
    os.kill(os.getpid(), 9)


def code_task(task, shard_dir, data_dir=None, date=None, dicts=(None, (), None, None, False)):
    """Code one task into its shard; returns (index, documents, errors)."""
    index, path, start, end, first_line = task
    shard = os.path.join(shard_dir, "%05d.jsonl" % index)
    if os.path.exists(shard):                         # done by an earlier attempt or run
        with open(shard, "rb") as f:
            return index, sum(1 for _ in f), []
    _fault_injection(index, shard_dir)
    coder = _coder(data_dir, dicts)
    errors, records = [], []
    if start is None:
        recs, errs = coder._c.code_path(path, date, True)
        records.extend(recs)
        errors.extend(errs)
    else:
        with open(path, "rb") as f:
            f.seek(start)
            data = f.read(end - start)
        line_no = first_line
        for raw in data.split(b"\n"):
            if raw.strip(b" \t\r"):
                try:
                    records.append(coder._c.code_record(raw.decode("utf-8", "surrogateescape"), date, True,
                                                        path, line_no))
                except dyad.Error as e:
                    errors.append(str(e))
            line_no += 1
    tmp = "%s.%d.tmp" % (shard, os.getpid())
    with open(tmp, "w", encoding="utf-8") as out:
        for r in records:
            out.write(r)
            out.write("\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, shard)
    return index, len(records), errors


def _client(scheduler):
    from distributed import Client, LocalCluster
    if scheduler.startswith("local:"):
        n = int(scheduler.split(":", 1)[1] or "1")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def run(inputs, out, scheduler="local:2", db=None, date=None, chunk_mb=8.0, data_dir=None, dicts=None,
        retries=3, quiet=False):
    """Plan, code on the cluster, merge; returns the store's counts."""
    from distributed import as_completed
    shard_dir = os.path.join(out, "shards")
    os.makedirs(shard_dir, exist_ok=True)
    db = db or os.path.join(out, "dyad.db")
    tasks = plan_tasks(inputs, int(chunk_mb * 1024 * 1024))
    dicts = dicts or (None, (), None, None, False)
    t0 = time.time()
    client, cluster = _client(scheduler)
    errors = []
    try:
        futures = [client.submit(code_task, t, os.path.abspath(shard_dir), data_dir, date, dicts,
                                 key="dyad-task-%05d-%s" % (t[0], os.path.basename(t[1])), retries=retries,
                                 pure=False)
                   for t in tasks]
        done = docs = 0
        for fut in as_completed(futures):
            index, n, errs = fut.result()
            done += 1
            docs += n
            errors.extend(errs)
            if not quiet and sys.stderr.isatty():
                sys.stderr.write("\rdyad.dask: %d of %d tasks, %d documents " % (done, len(tasks), docs))
        if not quiet and sys.stderr.isatty():
            sys.stderr.write("\r\033[K")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    t1 = time.time()
    shards = [os.path.join(shard_dir, "%05d.jsonl" % t[0]) for t in tasks]
    store = dyad.Store(db, write=True)
    try:
        counts = store.ingest(shards, dyad.Coder(data_dir) if data_dir else None)
    finally:
        store.close()
    counts["errors"] = errors + counts.get("errors", [])
    counts["tasks"] = len(tasks)
    counts["code_seconds"] = t1 - t0
    counts["merge_seconds"] = time.time() - t1
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m dyad.dask", description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="files or folders: WARC/ARC, JSON lines, HTML, text, gzip")
    ap.add_argument("--scheduler", required=True, help="a Dask scheduler address, or local:N for N local workers")
    ap.add_argument("--out", required=True, help="the run's folder: shards/ and, unless --db, dyad.db")
    ap.add_argument("--db", help="the store to fill (default OUT/dyad.db)")
    ap.add_argument("--date", help="publication date for documents that have none (YYYY-MM-DD)")
    ap.add_argument("--chunk-mb", type=float, default=8.0, help="JSON-lines task size (default 8 MB)")
    ap.add_argument("--data", help="dyad's data folder (default: the installed one)")
    ap.add_argument("--verbs")
    ap.add_argument("--actors", nargs="+", default=[])
    ap.add_argument("--agents")
    ap.add_argument("--discards")
    ap.add_argument("--add", action="store_true")
    ap.add_argument("--retries", type=int, default=3, help="attempts per task after a failure (default 3)")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)
    dicts = (a.verbs, tuple(a.actors), a.agents, a.discards, a.add)
    try:
        c = run(a.inputs, a.out, a.scheduler, a.db, a.date, a.chunk_mb, a.data, dicts, a.retries, a.quiet)
    except dyad.Error as e:
        print("dyad: %s" % e, file=sys.stderr)
        return 1
    for e in c["errors"]:
        print("dyad: %s" % e, file=sys.stderr)
    if not a.quiet:
        print("dyad.dask: %d tasks; %d documents stored, %d already in the store, %d event reports "
              "(%d new events, %d joined known ones) into %s; coding %.2f s, storing %.2f s"
              % (c["tasks"], c["documents"], c["skipped"], c["reports"], c["events_new"], c["events_merged"],
                 a.db or os.path.join(a.out, "dyad.db"), c["code_seconds"], c["merge_seconds"]), file=sys.stderr)
    return 1 if c["errors"] or c["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
