"""Benchmarks against plain spaCy on the same texts, in one run (``make bench``).

Plain spaCy and ours load the model on the same matrix library, the faster one on this machine
(``analysis.matrices``); the ingest section also times plain spaCy as installed, on BLIS.

1. Single-article latency: ``analyse()`` vs plain ``nlp(text)`` of the same model on a 600-word
   article, model loaded once, median of repeated runs.
2. Ingest throughput against the physical limit of the machine: ``python -m analysis ingest`` on a
   LocalCluster of N workers vs plain ``nlp.pipe`` in each of N processes over its own shard of
   the same files, discarding the Docs; then 1 worker vs 1 process. Articles/s and words/s.
3. Peak memory (PSS) of the whole ingest process tree at 200 and at 2,000 articles.
4. Store query time: an actor-filtered read of alignment signals at 2,000 and 10,000 articles.
5. Dashboard (unless ``--no-browser``): server start to first rendered chart, and re-render after an
   actor filter change with 2,000 stored articles, measured in headless Chromium.

The corpus is generated from the sample articles by recombining paragraphs and shifting dates,
so that every article is distinct text. Ratios are printed next to absolute times.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"


def _body(path: Path) -> tuple[dict[str, str], list[str]]:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    if text.startswith("---"):
        head, _, text = text[3:].partition("\n---\n")
        for line in head.splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    return meta, [p.strip() for p in text.split("\n\n") if p.strip()]


def make_corpus(n: int, folder: Path, *, seed: int = 7) -> list[Path]:
    """Write ``n`` distinct articles recombined from the samples' paragraphs."""
    rng = random.Random(seed)
    pools = [_body(p) for p in sorted(SAMPLES.glob("*.md"))]
    paragraphs = [p for _, ps in pools for p in ps]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        chosen = rng.sample(paragraphs, k=rng.randint(4, 7))
        year = rng.randint(2017, 2025)
        text = "\n\n".join(chosen)
        text = re.sub(
            r"\b(20(1[7-9]|2[0-5]))\b", lambda m: str(int(m[1]) + rng.choice([-1, 0, 1])), text
        )
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        path = folder / f"article-{i:05d}.md"
        path.write_text(
            f"---\ntitle: Generated article {i}\npublished: {published}\n"
            f"source: benchmark corpus\n---\n{text}\n(Item {i}.)\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def six_hundred_words() -> str:
    pools = [_body(p)[1] for p in sorted(SAMPLES.glob("*.md"))]
    words: list[str] = []
    paras: list[str] = []
    for ps in pools:
        for p in ps:
            if len(words) >= 600:
                break
            paras.append(p)
            words.extend(p.split())
    return "\n\n".join(paras)


def median_time(fn: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_latency(repeats: int) -> dict[str, float]:
    from analysis.engine import analyse
    from analysis.matrices import load_model
    from analysis.model import Article
    from analysis.pipeline import MODEL_NAME, build_pipeline

    text = six_hundred_words()
    plain = load_model(MODEL_NAME)  # the same matrix library as ours: only the analysis differs
    ours = build_pipeline()
    article = Article(text=text, title="bench", published=None)
    import datetime as dt

    article = Article(text=text, title="bench", published=dt.date(2021, 6, 1))
    for _ in range(3):  # warm both
        plain(text)
        analyse(ours, article)
    # Interleave so that machine noise hits both alike.
    t_plain, t_ours = [], []
    for _ in range(repeats):
        t_plain.append(median_time(lambda: plain(text), 1))
        t_ours.append(median_time(lambda: analyse(ours, article), 1))
    p, o = statistics.median(t_plain), statistics.median(t_ours)
    print(f"\n1. Single article ({len(text.split())} words, median of {repeats})")
    print(f"   plain nlp(text)      {p * 1000:8.1f} ms")
    print(f"   analyse(article)     {o * 1000:8.1f} ms")
    print(f"   ratio                {o / p:8.2f}x   (target <= 1.50x)")
    return {"latency_ratio": o / p}


class TreeMemory:
    """Peak memory of a process and all its descendants, sampled from /proc every 50 ms.

    Each process counts its proportional set size (PSS: private pages plus its share of pages
    shared with others), so pages shared between the parent and its forked workers are not
    counted twice, as a plain sum of RSS would. ``parent_peak`` is the parent's own peak.
    Sampled every 0.2 s, so that the sampling takes little from the run it measures."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.interval = interval
        self.pid = pid
        self.peak = 0
        self.parent_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _kids(self, pid: int) -> list[int] | None:
        """Direct children from /proc/PID/task/*/children (cheap); None when unavailable."""
        try:
            kids: list[int] = []
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    kids.extend(int(k) for k in f.read().split())
            return kids
        except OSError:
            return None

    def _children(self) -> dict[int, list[int]]:
        tree: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry))
        return tree

    def _rss(self, pid: int) -> int:
        for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
            try:
                with open(path) as f:
                    for line in f:
                        if line.startswith(key):
                            return int(line.split()[1]) * 1024
            except OSError:
                continue
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            tree: dict[int, list[int]] | None = None
            todo, total = [self.pid], 0
            while todo:
                pid = todo.pop()
                size = self._rss(pid)
                if pid == self.pid:
                    self.parent_peak = max(self.parent_peak, size)
                total += size
                kids = self._kids(pid)
                if kids is None:
                    tree = tree if tree is not None else self._children()
                    kids = tree.get(pid, [])
                todo.extend(kids)
            self.peak = max(self.peak, total)
            time.sleep(self.interval)


def children_cpu() -> float:
    """CPU seconds of every finished, reaped descendant: with the machine shared, CPU time
    says what a run costs even when wall time says how busy the others were."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Run:
    seconds: float
    cpu: float
    memory: TreeMemory | None = None
    summary: str = ""


def run_ingest(paths: list[Path], db: Path, workers: int, batch: int) -> Run:
    """Run ``python -m analysis ingest`` on a LocalCluster of ``workers``, sampling the memory
    of its process tree (client and worker processes)."""
    env = {**os.environ, "ALIGNMENT_DB": str(db)}
    env.pop("ALIGNMENT_SCHEDULER", None)
    cpu0, t0 = children_cpu(), time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "analysis",
            "ingest",
            *map(str, paths),
            "--workers",
            str(workers),
            "--batch-size",
            str(batch),
            "--quiet",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with TreeMemory(proc.pid) as mem:
        out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {err.strip()}")
    return Run(seconds, children_cpu() - cpu0, mem, out.strip())


PLAIN_SHARD = """
import sys
from pathlib import Path

from analysis.matrices import load_model
from analysis.pipeline import MODEL_NAME

shard, shards, folder, batch = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
if sys.argv[5] == "own":
    from analysis.pipeline import build_pipeline

    nlp = build_pipeline()  # the project's own parse: no domain analysis, store or Dask
else:
    nlp = load_model(MODEL_NAME)  # plain spaCy on the faster matrix library, as ingest uses
files = sorted(Path(folder).glob("*.md"))[shard::shards]
texts = (p.read_text(encoding="utf-8").split("\\n---\\n", 1)[1] for p in files)
for _ in nlp.pipe(texts, batch_size=batch):
    pass  # the Doc is discarded: nothing is sent anywhere
"""


def run_plain(
    texts_dir: Path, processes: int, batch: int, library: str | None = None, *, own: bool = False
) -> Run:
    """The physical limit: ``processes`` independent processes, each loading the plain model,
    reading its own shard of the files and running ``nlp.pipe`` over it, discarding the Docs.
    Wall time from the first start to the last exit. ``library`` forces a matrix library;
    ``own`` runs the project's pipeline (its components and entity decoder) instead."""
    from analysis.matrices import BLAS_ENV

    env = {**os.environ, **({BLAS_ENV: library} if library else {})}
    cpu0, t0 = children_cpu(), time.perf_counter()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                PLAIN_SHARD,
                str(i),
                str(processes),
                str(texts_dir),
                str(batch),
                "own" if own else "plain",
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    errors = [proc.communicate()[1] for proc in procs]
    if any(proc.returncode for proc in procs):
        raise SystemExit("\n".join(errors))
    return Run(time.perf_counter() - t0, children_cpu() - cpu0)


def library() -> str:
    from analysis.matrices import blas_choice, time_both

    chosen = blas_choice()  # holds BLAS to one thread, as every parsing process does
    seconds = time_both()
    return (
        f"{chosen}: one product of the model's shape took {seconds['blis'] * 1e3:.3f} ms "
        f"on BLIS, {seconds['numpy'] * 1e3:.3f} ms on NumPy"
    )


def bench_ingest(
    workers: int,
    batch: int,
    n_small: int,
    n_large: int,
    n_query: int,
    *,
    rounds: int = 2,
    browser: bool = False,
) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        large = make_corpus(n_large, base / "large")
        small_dir = base / "small"
        small_dir.mkdir()
        for p in large[:n_small]:
            (small_dir / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in large)

        # Plain and ours alternate, so that drifts in machine speed hit both alike.
        plain, ours = [], []
        for round_ in range(rounds):
            plain.append(run_plain(base / "large", workers, batch))
            ours.append(
                run_ingest([base / "large"], base / f"large-{round_}.sqlite", workers, batch)
            )
        ours_1 = run_ingest([base / "large"], base / "one.sqlite", 1, batch)
        plain_1 = run_plain(base / "large", 1, batch)
        plain_blis = run_plain(base / "large", workers, batch, library="blis")
        own = run_plain(base / "large", workers, batch, own=True)
        small = run_ingest([small_dir], base / "small.sqlite", workers, batch)
        again = run_ingest([base / "large"], base / "large-0.sqlite", workers, batch)
        plain_s = statistics.mean(r.seconds for r in plain)
        ours_s = statistics.mean(r.seconds for r in ours)
        plain_cpu = statistics.mean(r.cpu for r in plain)
        ours_cpu = statistics.mean(r.cpu for r in ours)

        def rate(label: str, seconds: float, cpu: float) -> None:
            print(
                f"   {label:<34} {seconds:7.1f} s  {n_large / seconds:7.1f} articles/s  "
                f"{words / seconds:9,.0f} words/s  (CPU {cpu:6.1f} s)"
            )

        print(
            f"\n2. Ingest {n_large} generated articles ({words:,} words), batch_size={batch}; "
            "every run includes starting processes, loading the model and reading the files"
        )
        rate(f"plain nlp.pipe, {workers} shard processes", plain_s, plain_cpu)
        rate(f"ingest, LocalCluster of {workers}", ours_s, ours_cpu)
        rate(f"plain, {workers} shards, on BLIS", plain_blis.seconds, plain_blis.cpu)
        rate(f"own parse only, {workers} shards", own.seconds, own.cpu)
        print(
            f"   ratio to the physical limit        {plain_s / ours_s:7.2f}x   (target >= 0.85x; "
            f"mean of {rounds} alternating runs each: plain "
            f"{'/'.join(f'{r.seconds:.1f}' for r in plain)} s, ingest "
            f"{'/'.join(f'{r.seconds:.1f}' for r in ours)} s)"
        )
        print(
            f"   CPU time ratio (plain / ingest)    {plain_cpu / ours_cpu:7.2f}x   "
            "(what each costs, whatever else the machine runs)"
        )
        print(
            f"   ingest against plain spaCy on BLIS  {plain_blis.seconds / ours_s:7.2f}x   "
            "(spaCy as installed, where BLIS multiplies)"
        )
        print(
            f"   ingest against its own parse only   {own.seconds / ours_s:7.2f}x   "
            "(the project's pipeline in the same shards, without the domain analysis, the "
            "store or Dask: what those cost)"
        )
        rate("plain nlp.pipe, 1 process", plain_1.seconds, plain_1.cpu)
        rate("ingest, LocalCluster of 1", ours_1.seconds, ours_1.cpu)
        print(
            f"   scaling 1 -> {workers} workers: ingest {ours_1.seconds / ours_s:.2f}x, "
            f"plain {plain_1.seconds / plain_s:.2f}x; ratio to plain with 1 worker "
            f"{plain_1.seconds / ours_1.seconds:.2f}x"
        )
        print(f"   ingest said: {ours[0].summary}")
        print(f"   re-ingest: {again.summary}  ({again.seconds:.1f} s)")
        print("\n3. Peak memory (PSS) of the ingest process tree: client and worker processes")
        assert small.memory is not None and ours[0].memory is not None
        for n, mem in ((n_small, small.memory), (n_large, ours[0].memory)):
            print(
                f"   {n:5d} articles        {mem.peak / 2**20:8.0f} MiB  "
                f"(client {mem.parent_peak / 2**20:.0f} MiB)"
            )
        ratio = ours[0].memory.peak / small.memory.peak
        print(f"   ratio                {ratio:8.2f}x   (target <= 1.20x)")
        out.update(
            throughput_ratio=plain_s / ours_s,
            cpu_ratio=plain_cpu / ours_cpu,
            scaling=ours_1.seconds / ours_s,
            memory_ratio=ratio,
            own_parse_ratio=own.seconds / ours_s,
        )

        from analysis.store import Store

        def query(db: Path) -> float:
            with Store(db, readonly=True) as st:
                st.read("alignment", actors=["SRB"])  # warm the page cache
                return median_time(lambda: st.read("alignment", actors=["SRB"]), 5)

        q_large = query(base / "large-0.sqlite")
        big = base / "big.sqlite"
        replicate(base / "large-0.sqlite", big, n_query)
        q_big = query(big)
        with Store(big, readonly=True) as st:
            rows = len(st.read("alignment", actors=["SRB"]))
            total = st.conn.execute("SELECT COUNT(*) FROM alignment").fetchone()[0]
        print("\n4. Store: alignment signals filtered by actor SRB (median of 5)")
        print(f"   {n_large:6d} articles      {q_large * 1000:8.1f} ms")
        print(
            f"   {n_query:6d} articles      {q_big * 1000:8.1f} ms  "
            f"({rows:,} of {total:,} signals)   (target <= 500 ms)"
        )
        out.update(query_s=q_big)
        if browser:
            from scripts.bench_browser import bench_browser

            out.update(bench_browser(base / "large-0.sqlite", n_large))
    return out


def replicate(src: Path, dst: Path, n: int) -> None:
    """Grow a store to ``n`` articles by copying its analysed articles under new ids."""
    import shutil

    shutil.copy(src, dst)
    conn = sqlite3.connect(dst)
    have = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    tables = [
        "actors",
        "entities",
        "events",
        "procurements",
        "stance_cues",
        "alignment",
        "event_actors",
    ]
    cols = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    article_cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    copy = 0
    while have < n:
        copy += 1
        take = min(n - have, have)
        conn.execute("BEGIN")
        # Every column but the id is copied (a copy's ``copy_of`` names its original).
        rest = ", ".join(f'"{x}"' for x in article_cols if x != "id")
        conn.execute(
            f"INSERT INTO articles (id, {rest}) SELECT printf('%s-%d', id, ?), {rest}"
            " FROM articles WHERE id NOT LIKE '%-%' LIMIT ?",
            (copy, take),
        )
        for t in tables:
            c = [x for x in cols[t] if x != "article_id"]
            names = ", ".join(f'"{x}"' for x in c)
            conn.execute(
                f"INSERT INTO {t} (article_id, {names}) SELECT printf('%s-%d', article_id, ?),"
                f" {names} FROM {t} WHERE article_id IN (SELECT id FROM articles WHERE id NOT"
                f" LIKE '%-%' LIMIT ?)",
                (copy, take),
            )
        conn.execute("COMMIT")
        have += take
    conn.execute("ANALYZE")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpus, fewer repeats")
    parser.add_argument(
        "--no-browser",
        dest="browser",
        action="store_false",
        help="skip the dashboard timings in headless Chromium",
    )
    parser.add_argument(
        "--ingest-only", action="store_true", help="only the ingest, memory and store sections"
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument(
        "--rounds", type=int, default=2, help="alternating plain/ingest runs on N workers"
    )
    args = parser.parse_args()
    repeats = 9 if args.quick else 31
    n_small, n_large, n_query = (50, 300, 2000) if args.quick else (200, 2000, 10000)
    print(f"Alignment Monitor benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"Matrix library: {library()}")
    results = {} if args.ingest_only else bench_latency(repeats)
    results.update(
        bench_ingest(
            args.workers,
            args.batch_size,
            n_small,
            n_large,
            n_query,
            rounds=args.rounds,
            browser=args.browser and not args.ingest_only,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
