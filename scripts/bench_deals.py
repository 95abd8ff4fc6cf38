"""What the corpus layer (deals and merged signals) costs at ingest (part of ``make bench``).

Ingests the same generated corpus with ``analysis.ingest.ingest_paths`` with and without the
corpus layer, alternating so that drifts in machine speed hit both alike, and reports the extra
ingest time, the time spent rebuilding deals and signals, and a full rebuild of the final store.
"Without" switches off, in this process only, everything the layer adds to a write: the text
fingerprint, the near-copy lookup, the queue of touched groups and the rebuild.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from analysis import store
from analysis.ingest import ingest_paths
from scripts.bench import make_corpus


@contextmanager
def corpus_layer(enabled: bool, timings: list[float]) -> Iterator[None]:
    """Switch the corpus layer off (or time its rebuilds) for the ingests inside."""
    saved: dict[str, Any] = {
        "refresh_corpus": store.Store.refresh_corpus,
        "_mark_dirty": store.Store._mark_dirty,
        "_copy_of": store.Store._copy_of,
        "fingerprint": store.fingerprint,
    }
    if enabled:

        def timed(self: store.Store) -> int:
            t0 = time.perf_counter()
            try:
                return int(saved["refresh_corpus"](self))
            finally:
                timings.append(time.perf_counter() - t0)

        store.Store.refresh_corpus = timed  # type: ignore[method-assign]
    else:
        store.Store.refresh_corpus = lambda self: 0  # type: ignore[method-assign]
        store.Store._mark_dirty = lambda self, article_id: None  # type: ignore[method-assign]
        store.Store._copy_of = lambda self, article_id, fp: article_id  # type: ignore[method-assign]
        setattr(store, "fingerprint", lambda text: 0)  # noqa: B010
    try:
        yield
    finally:
        for name, value in saved.items():
            target: Any = store if name == "fingerprint" else store.Store
            setattr(target, name, value)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the ingest workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def ingest(folder: Path, db: Path, workers: int, batch: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ingest. CPU time is what the work costs; wall time
    also moves with whatever else the machine is doing."""
    t0, c0 = time.perf_counter(), _cpu()
    summary = ingest_paths([folder], db=db, workers=workers, batch_size=batch, progress=False)
    if summary.refused:
        raise SystemExit(f"refused: {summary.refused[:3]}")
    return time.perf_counter() - t0, _cpu() - c0


def bench_deals(
    n: int, workers: int, batch: int, rounds: int, keep: Path | None = None
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        make_corpus(n, base / "corpus")
        without: list[float] = []
        with_: list[float] = []
        cpu_without: list[float] = []
        cpu_with: list[float] = []
        rebuilds: list[float] = []
        for r in range(rounds):
            timings: list[float] = []
            for enabled in (False, True) if r % 2 == 0 else (True, False):  # alternate the order
                with corpus_layer(enabled, timings):
                    db = base / f"{'on' if enabled else 'off'}-{r}.sqlite"
                    wall, cpu = ingest(base / "corpus", db, workers, batch)
                (with_ if enabled else without).append(wall)
                (cpu_with if enabled else cpu_without).append(cpu)
            rebuilds.append(sum(timings))
        final = base / f"on-{rounds - 1}.sqlite"
        with store.Store(final) as st:
            t0 = time.perf_counter()
            st.rebuild_corpus()
            full = time.perf_counter() - t0
            deals = st.conn.execute("SELECT COUNT(*), SUM(n_reports) FROM deals").fetchone()
            signals = st.conn.execute("SELECT COUNT(*), SUM(n_reports) FROM signals").fetchone()
        if keep:
            import shutil

            shutil.copy(final, keep)
    off, on = statistics.mean(without), statistics.mean(with_)
    extra = on / off - 1
    cpu_off, cpu_on = statistics.mean(cpu_without), statistics.mean(cpu_with)
    cpu_extra = cpu_on / cpu_off - 1
    share = statistics.mean(rb / t for rb, t in zip(rebuilds, with_, strict=True))
    print(f"\n6. Corpus layer at ingest: {n} generated articles, workers={workers}, batch={batch}")
    print(
        f"   ingest without the layer   {off:7.1f} s  (runs: {', '.join(f'{t:.1f}' for t in without)})"
    )
    print(
        f"   ingest with deals, signals {on:7.1f} s  (runs: {', '.join(f'{t:.1f}' for t in with_)})"
    )
    print(f"   extra ingest time          {extra:+7.1%}   (wall clock; the machine is shared)")
    print(
        f"   CPU time, process tree     {cpu_off:7.1f} s without, {cpu_on:.1f} s with: "
        f"{cpu_extra:+.1%}   (target <= +10%)"
    )
    print(
        f"   time in rebuilds           {statistics.mean(rebuilds):7.2f} s = {share:.1%} of ingest "
        "(writer process, while workers parse)"
    )
    print(
        f"   full rebuild of the store  {full:7.2f} s: {deals[0]:,} deals from {deals[1]:,} "
        f"reports, {signals[0]:,} merged signals from {signals[1]:,} reports"
    )
    return {
        "corpus_extra": extra,
        "corpus_cpu_extra": cpu_extra,
        "corpus_rebuild_share": share,
        "corpus_full_rebuild_s": full,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="copy the final store here (for bench_browser)")
    args = parser.parse_args()
    bench_deals(args.articles, args.workers, args.batch_size, args.rounds, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
