"""Ingest: files and folders into the store, analysed on a Dask cluster.

The client lists the files, cuts them into batches of paths and submits each batch as one task;
only a bounded number of tasks are in flight, so memory stays flat however many files there
are. A worker reads its batch's files itself, skips texts the store already held when the run
began, runs ``nlp.pipe`` plus the domain analysis with a pipeline it built once, and sends back
plain rows (CONTRACT dicts and texts, never a ``Doc``). The client writes each article in one
transaction keyed by its text hash, so a batch re-run after a worker died, or a whole re-run
after a crash, never stores an article twice.

By default the cluster is a ``LocalCluster`` of one single-threaded worker process per core,
started for the run and closed after it, whose workers are forked from one server process that
imported Dask, spaCy and the analysis and built the pipeline; ``scheduler=`` (or
``$ALIGNMENT_SCHEDULER``) uses a running cluster instead. While a run writes, merged deals and signals are rebuilt at most every
``CORPUS_REFRESH_INTERVAL`` seconds, and at its end. A handful of already-loaded articles (the
dashboard's uploads) are analysed in the calling process with its own pipeline by
``ingest_articles``.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from analysis.loading import SUFFIXES, InputError, load_path
from analysis.model import Article, reading_text, text_id
from analysis.store import Store

if TYPE_CHECKING:
    from distributed import Client, Future
    from spacy.language import Language

SCHEDULER_ENV = "ALIGNMENT_SCHEDULER"
TASKS_PER_THREAD = 2
"""Tasks in flight per worker thread: one running, one queued so a worker never waits."""
RETRIES = 2
"""Extra attempts for a batch whose task raised (a dead worker is rescheduled by Dask itself)."""
WORKER_WAIT = 60.0
"""Seconds to wait for a running scheduler to have at least one worker."""
PIPE_BATCH = 16
"""Articles a worker parses at once (``nlp.pipe``'s batch), however many files a task holds:
measured on 400 generated articles, a batch of 50 held 198 MiB of arrays at its peak and one of
16 held 68 MiB, at the same CPU time an article (37.2 against 37.7 to 39.2 ms). A worker's
memory then swings far less between tasks, and a task still carries enough files to keep
Dask's cost per task small."""
STRINGS_GROWTH_LIMIT = 1_000_000
"""A worker rebuilds its pipeline once its string store has grown by this many strings."""
CORPUS_REFRESH_INTERVAL = 60.0
"""Seconds at least between rebuilds of the merged deals and signals while an ingest writes:
each rebuild redoes every group its new articles touched, whose reports grow with the store,
so a group many articles touch is rebuilt once per refresh (measured on 2,000 articles, a run
of 70 to 80 s: rebuilding every 10 s cost the client 1.9 s of CPU, every 60 s 1.1 s).
Everything left is rebuilt when the store closes at the end of the run."""
CHECKPOINT_PAGES = 10_000
"""Write-ahead log pages (40 MB at SQLite's default page size) an ingest's store lets build up
before copying them into the database: measured on 2,000 articles, checkpoints every 1,000
pages (SQLite's default) cost the client 0.5 ms of CPU an article more."""


# A local cluster shares the machine's cores with the client: its housekeeping is made cheaper.
# Measured on 2,000 articles, 1 worker: glibc trimming freed memory after every batch cost 11 s
# of system CPU per worker (a parse frees and re-allocates the same arrays: memory stays flat
# without it); the statistical profiler 3 s; 20 ms event-loop ticks and 100 ms monitors a few
# more in the client, which hosts the scheduler and the nannies.
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing-interval": "1s",
    # Workers are forked from one server process that imported Dask, spaCy and the analysis
    # and built the default pipeline before the first fork (``analysis.prebuilt``), instead of
    # each importing and building them. Measured on 600 articles, 2 workers: 1.7 s less CPU a
    # run. The workers share the model's pages with the server: the tree's memory (PSS) was
    # 580 MiB for 200 articles and 618 MiB for 2,000, against 648 and 651 MiB when each worker
    # built its own (with 16 articles parsed at a time; see ``PIPE_BATCH``).
    "distributed.worker.multiprocessing-method": "forkserver",
}


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be reached (one-line message for the user)."""


@dataclass
class Summary:
    added: int = 0
    present: int = 0
    reanalysed: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        done = self.added + self.present
        rate = self.added / self.seconds if self.seconds > 0 else 0.0
        return (
            f"added {self.added}, already present {self.present}, refused "
            f"{len(self.refused)} in {self.seconds:.1f} s ({rate:.1f} articles/s; "
            f"{done} stored of {done + len(self.refused)} read)"
            + (f"; reanalysed {self.reanalysed} stored texts" if self.reanalysed else "")
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one file on a worker: analysed (with its result), present or refused."""

    path: str
    status: str
    analysis: dict[str, Any] | None = None
    text: str | None = None
    reason: str | None = None


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        else:
            yield p


# ---- the worker side ---------------------------------------------------------------------


class KnownIds:
    """The article ids a store held when a run began, as a sorted array of 64-bit integers
    (8 bytes an article), so that every worker can hold them and skip stored texts."""

    def __init__(self, ids: Iterable[str]) -> None:
        values = []
        for aid in ids:
            try:
                values.append(int(aid, 16))
            except ValueError:
                continue
        self.values = np.unique(np.array(values, dtype=np.uint64))

    def __len__(self) -> int:
        return int(self.values.size)

    def __contains__(self, aid: object) -> bool:
        if not isinstance(aid, str) or not self.values.size:
            return False
        key = np.uint64(int(aid, 16))
        i = int(np.searchsorted(self.values, key))
        return i < self.values.size and bool(self.values[i] == key)


@dataclass(frozen=True, slots=True)
class _HashedArticle(Article):
    """An article whose id, the hash of its normalised text, was computed when it was read:
    its result's metadata does not normalise and hash the text a second time."""

    known_id: str = ""

    @property
    def id(self) -> str:
        return self.known_id

    @classmethod
    def of(cls, article: Article, aid: str) -> _HashedArticle:
        return cls(**{f.name: getattr(article, f.name) for f in fields(Article)}, known_id=aid)


_PIPELINES: dict[str, tuple[Language, int]] = {}


def worker_pipeline(model: str | None = None) -> Language:
    """This process's pipeline, built on first use and rebuilt once its string store has grown
    by ``STRINGS_GROWTH_LIMIT`` strings, so that a long-lived worker stays flat."""
    from analysis.pipeline import MODEL_NAME, build_pipeline

    name = model or MODEL_NAME
    found = _PIPELINES.get(name)
    if found is not None and len(found[0].vocab.strings) - found[1] <= STRINGS_GROWTH_LIMIT:
        return found[0]
    # Unfreeze first: objects of a dropped pipeline left in the permanent generation would
    # never be collected.
    _PIPELINES.clear()
    gc.unfreeze()
    gc.collect()
    nlp = build_pipeline(model=name)
    nlp("Warm-up: Serbia bought the Pantsir from Russia last year.")
    _PIPELINES[name] = (nlp, len(nlp.vocab.strings))
    # The model and the domain tables live as long as the worker: keep them out of the
    # garbage collector's generations so that each collection only scans per-article objects.
    gc.freeze()
    return nlp


def analyse_batch(
    nlp: Language, batch: Sequence[tuple[str, Article]], *, batch_size: int
) -> list[tuple[str, dict[str, Any]]]:
    """Analyse (path, article) pairs with ``nlp.pipe``; return plain CONTRACT dicts."""
    from analysis.engine import analyse_doc

    out = []
    pairs = ((reading_text(a.text), (path, a)) for path, a in batch)
    for doc, (path, article) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        out.append((path, analyse_doc(doc, article).to_dict()))
    return out


def load_batch(
    paths: Sequence[tuple[str, str]], known: KnownIds | None
) -> tuple[list[Outcome], dict[str, str], list[tuple[str, Article]]]:
    """Read (name, absolute path) files: refused and present outcomes, the text of each new
    article by id, and the (name, article) pairs still to analyse."""
    outcomes: list[Outcome] = []
    texts: dict[str, str] = {}
    todo: list[tuple[str, Article]] = []
    for path, location in paths:
        suffix = Path(path).suffix.lower()
        if suffix not in SUFFIXES:
            outcomes.append(Outcome(path, "refused", reason=f"{suffix} files are not articles"))
            continue
        try:
            article = load_path(location)
        except InputError as exc:
            outcomes.append(Outcome(path, "refused", reason=str(exc)))
            continue
        aid = text_id(article.text)
        if aid in texts or (known is not None and aid in known):
            outcomes.append(Outcome(path, "present"))
            continue
        texts[aid] = article.text
        todo.append((path, _HashedArticle.of(article, aid)))
    return outcomes, texts, todo


def analyse_files(
    paths: list[tuple[str, str]], known: KnownIds | None, model: str | None, batch_size: int
) -> list[Outcome]:
    """One task: read a batch of (name, absolute path) files on this worker and analyse the
    new ones."""
    outcomes, texts, todo = load_batch(paths, known)
    if todo:
        nlp = worker_pipeline(model)
        pipe_batch = min(batch_size, PIPE_BATCH)
        for path, result in analyse_batch(nlp, todo, batch_size=pipe_batch):
            text = texts[result["article"]["id"]]
            outcomes.append(Outcome(path, "analysed", analysis=result, text=text))
    return outcomes


# ---- the client side ---------------------------------------------------------------------


def quiet_dask() -> None:
    """Keep distributed's log lines (worker start-up, shutdown, retries) off the terminal."""
    for name in ("distributed", "tornado", "asyncio", "bokeh"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def resolve_scheduler(scheduler: str | None = None) -> str | None:
    """The scheduler address: an explicit one, else ``$ALIGNMENT_SCHEDULER``, else None (local)."""
    return scheduler or os.environ.get(SCHEDULER_ENV) or None


@contextmanager
def dask_client(scheduler: str | None, *, workers: int | None = None) -> Iterator[Client]:
    """A client of a running scheduler, or of a LocalCluster of single-threaded worker processes
    (one per core unless ``workers``) that lives as long as the block."""
    if not scheduler:
        with _local_client(workers) as client:
            yield client
        return
    import dask
    from distributed import Client

    try:
        # Dask's own connect timeout (``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT``).
        timeout = dask.config.get("distributed.comm.timeouts.connect")
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except TimeoutError as exc:
            raise SchedulerError(
                f"the Dask scheduler at {scheduler} has had no worker for "
                f"{WORKER_WAIT:.0f} s; start one with `dask worker {scheduler}`"
            ) from exc
        yield client
    finally:
        client.close()


@contextmanager
def _local_client(workers: int | None) -> Iterator[Client]:
    # The fork server starts first: it imports and builds the pipeline while this process
    # imports Dask and starts the scheduler.
    _start_fork_server()
    try:
        import dask
        from distributed import Client, LocalCluster

        with dask.config.set(LOCAL_CONFIG):
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",
                host="127.0.0.1",
                silence_logs=logging.CRITICAL,
            )
            try:
                client = Client(cluster, set_as_default=False)
                try:
                    yield client
                finally:
                    client.close()
            finally:
                cluster.close()
    finally:
        _stop_fork_server()


def _start_fork_server() -> None:
    """Start the fork server that local workers are forked from, importing Dask, spaCy and
    the analysis and building the default pipeline while the client starts the scheduler. One
    already running in this process is reused as it is."""
    from multiprocessing import forkserver

    if LOCAL_CONFIG["distributed.worker.multiprocessing-method"] != "forkserver":
        return
    forkserver.set_forkserver_preload(
        [
            "distributed",
            "spacy",
            "analysis.pipeline",
            "analysis.engine",
            __name__,
            "analysis.prebuilt",
        ]
    )
    forkserver.ensure_running()


def _stop_fork_server() -> None:
    """Stop this process's fork server once its local cluster is closed, waiting for it: no
    process (nor the pipeline it holds) outlives the run, and the CPU time of the workers it
    forked is accounted to this process. The next local cluster starts a fresh one."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if callable(stop):
        stop()


def _known_ids(store: Store) -> KnownIds:
    return KnownIds(row[0] for row in store.conn.execute("SELECT id FROM articles"))


def _batches(
    items: Sequence[tuple[str, str]], size: int, slots: int
) -> Iterator[list[tuple[str, str]]]:
    """Batches of at most ``size`` files that shrink toward the end (a share of what remains
    per slot), so that a small run reaches every worker and no worker finishes long after the
    others on a last full batch."""
    start = 0
    while start < len(items):
        share = -(-(len(items) - start) // (2 * slots))
        step = max(1, min(size, share))
        yield list(items[start : start + step])
        start += step


@dataclass
class _Writer:
    """Writes outcomes as they arrive: one transaction per article, counted in the summary."""

    store: Store
    summary: Summary
    bar: Any
    on_article: Callable[[str], None] | None = None
    replace: bool = False

    def write(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.status == "refused":
                self.summary.refused.append((outcome.path, outcome.reason or "refused"))
            elif outcome.status == "present" or outcome.analysis is None:
                self.summary.present += 1
            elif self.replace and self.store.has(outcome.analysis["article"]["id"]):
                self.store.add(
                    outcome.analysis, text=outcome.text or "", path=outcome.path, replace=True
                )
                self.summary.reanalysed += 1
            elif self.store.add(outcome.analysis, text=outcome.text or "", path=outcome.path):
                self.summary.added += 1
            else:
                self.summary.present += 1
            if self.on_article and outcome.status != "refused":
                self.on_article(outcome.path)
            self.bar.update(1)


def run_batches(
    client: Client,
    files: Sequence[tuple[str, str]],
    writer: _Writer,
    *,
    known: KnownIds,
    model: str | None,
    batch_size: int,
) -> None:
    """Submit batches of paths with at most ``TASKS_PER_THREAD`` per worker thread in flight,
    writing each batch's rows as it completes."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    limit = max(2, TASKS_PER_THREAD * threads)
    [known_future] = client.scatter([known], broadcast=True, hash=False)
    batches = _batches(files, batch_size, threads)

    def submit(batch: list[tuple[str, str]]) -> Future:
        return client.submit(
            analyse_files, batch, known_future, model, batch_size, pure=False, retries=RETRIES
        )

    first = [submit(batch) for _, batch in zip(range(limit), batches, strict=False)]
    pending = as_completed(first, loop=client.loop)
    for future in pending:
        outcomes = future.result()
        future.release()
        writer.write(outcomes)
        following = next(batches, None)
        if following is not None:
            pending.add(submit(following))
    known_future.release()


def ingest_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    db: Path,
    workers: int | None = None,
    scheduler: str | None = None,
    batch_size: int = 50,
    progress: bool = True,
    model: str | None = None,
    on_article: Callable[[str], None] | None = None,
    reanalyse: bool = False,
) -> Summary:
    """Analyse files and folders into the store on Dask, skipping texts already stored (with
    ``reanalyse``, analysing them again and replacing their rows; corrections are kept).

    ``scheduler`` (or ``$ALIGNMENT_SCHEDULER``) is the address of a running cluster whose
    workers can read the same paths; without it a LocalCluster of ``workers`` processes (default:
    one per core) runs for this call. With ``progress``, a bar with articles/s and the cluster's
    dashboard link go to stderr.
    """
    from tqdm import tqdm

    summary = Summary()
    t0 = time.perf_counter()
    # Workers read the files themselves: send absolute paths, report the names as given.
    files = [(str(p), str(p.resolve()) if p.exists() else str(p)) for p in iter_files(paths)]
    address = resolve_scheduler(scheduler)
    with Store(
        db, refresh_interval=CORPUS_REFRESH_INTERVAL, checkpoint_pages=CHECKPOINT_PAGES
    ) as store:
        known = KnownIds(()) if reanalyse else _known_ids(store)
        if not files:
            summary.seconds = time.perf_counter() - t0
            return summary
        with dask_client(address, workers=workers) as client:
            if progress:
                print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr)
            bar = tqdm(total=len(files), unit="article", disable=not progress, leave=False)
            try:
                writer = _Writer(store, summary, bar, on_article, replace=reanalyse)
                run_batches(client, files, writer, known=known, model=model, batch_size=batch_size)
            finally:
                bar.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def ingest_articles(
    articles: Iterable[tuple[str, Article]],
    *,
    db: Path,
    nlp: Language,
    batch_size: int = 16,
    reanalyse: bool = False,
) -> Summary:
    """Analyse a few already-loaded articles in this process with the caller's pipeline (the
    dashboard's uploads): no cluster is worth starting for them. With ``reanalyse``, stored
    texts are analysed again and their rows replaced (corrections are kept)."""
    summary = Summary()
    t0 = time.perf_counter()
    with Store(db) as store:
        todo = []
        for path, article in articles:
            if store.has(article.id) and not reanalyse:
                summary.present += 1
            else:
                todo.append((path, article))
        texts = {article.id: article.text for _, article in todo}
        for path, result in analyse_batch(nlp, todo, batch_size=batch_size):
            if reanalyse and store.has(result["article"]["id"]):
                store.add(result, text=texts[result["article"]["id"]], path=path, replace=True)
                summary.reanalysed += 1
            elif store.add(result, text=texts[result["article"]["id"]], path=path):
                summary.added += 1
            else:
                summary.present += 1
    summary.seconds = time.perf_counter() - t0
    return summary
