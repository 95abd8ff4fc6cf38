"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from analysis import ingest
from analysis.engine import analyse
from analysis.loading import load_path
from analysis.model import Analysis, Article
from analysis.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
# The analyst's knowledge overlay: an empty folder of the test run's own, never data/user/.
os.environ["ALIGNMENT_KNOWLEDGE"] = tempfile.mkdtemp(prefix="am-knowledge-")
# Derived tables (the gazetteer's phrase values): a cache of the test run's own, never ~/.cache.
os.environ["ALIGNMENT_CACHE"] = tempfile.mkdtemp(prefix="am-cache-")


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Analysis]:
    """Analyse a snippet as an article published on a given day (default 2020-10-20)."""

    def _run(
        text: str, published: dt.date | None = dt.date(2020, 10, 20), title: str = "test"
    ) -> Analysis:
        return analyse(nlp, Article(text=text, title=title, published=published))

    return _run


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.md"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """A LocalCluster of one single-threaded worker shared by the tests that only need an
    ingest to run (its worker builds the pipeline once); the address of its scheduler."""
    from distributed import LocalCluster

    from analysis.ingest import quiet_dask

    quiet_dask()
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.CRITICAL,
    ) as cluster:
        yield cluster.scheduler_address


def descendants() -> set[int]:
    """Live (not yet exited) descendants of this process, but for multiprocessing's resource
    tracker: one per process, started by the first fork server and living as long as this
    process, it is no test's leftover."""
    import psutil

    alive = set()
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            tracker = "multiprocessing.resource_tracker" in " ".join(proc.cmdline())
            if proc.status() != psutil.STATUS_ZOMBIE and not tracker:
                alive.add(proc.pid)
    return alive


@pytest.fixture
def no_leftover_processes() -> Iterator[None]:
    """Fail a test that leaves processes behind (workers, schedulers); kill what it left."""
    import psutil

    before = descendants()
    yield
    deadline = time.monotonic() + 20
    left = descendants() - before
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = descendants() - before
    for pid in left:
        with contextlib.suppress(psutil.Error):
            psutil.Process(pid).kill()
    assert not left, f"processes left behind: {sorted(left)}"


@pytest.fixture(scope="session")
def seeded_store(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the sample articles ingested, shared by the session: copy it to write."""
    db = tmp_path_factory.mktemp("seed") / "store.sqlite"
    articles = [(str(p), load_path(p)) for p in sorted((ROOT / "sample_articles").glob("*.md"))]
    ingest.ingest_articles(articles, db=db, nlp=nlp)
    return db
