"""Ingest on Dask: skipping stored texts on workers, bounded tasks in flight, a worker killed
mid-batch, a real scheduler with two workers, and no process left behind."""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import psutil
import pytest

from analysis import ingest
from analysis.ingest import KnownIds, analyse_files, ingest_paths
from analysis.model import text_id
from analysis.pipeline import MODEL_NAME
from analysis.store import TABLES, Store
from scripts.bench import make_corpus

ROOT = Path(__file__).resolve().parents[2]
DASK = Path(sys.executable).parent / "dask"

pytestmark = pytest.mark.usefixtures("no_leftover_processes")


def exactly_once(db: Path) -> tuple[int, int]:
    """(articles, distinct texts), and every article has its actors."""
    conn = sqlite3.connect(db)
    n, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT text) FROM articles").fetchone()
    bare = conn.execute(
        "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM actors)"
    ).fetchone()[0]
    conn.close()
    assert bare == 0
    return int(n), int(distinct)


@pytest.mark.parametrize(
    "stored,asked,expected",
    [
        (["00000000000000ff", "a1b2c3d4e5f60718"], "a1b2c3d4e5f60718", True),
        (["00000000000000ff", "a1b2c3d4e5f60718"], "00000000000000fe", False),
        (["ffffffffffffffff"], "ffffffffffffffff", True),
        (["not-hex", "0000000000000001"], "0000000000000001", True),
        ([], "0000000000000001", False),
    ],
)
def test_known_ids_hold_exactly_the_stored_ids(
    stored: list[str], asked: str, expected: bool
) -> None:
    assert (asked in KnownIds(stored)) is expected


def test_a_batch_of_stored_texts_is_read_but_never_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_corpus(3, tmp_path / "corpus")
    (tmp_path / "corpus" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    from analysis.loading import load_path

    known = KnownIds(text_id(load_path(p).text) for p in paths)

    def no_parsing(model: str | None = None) -> None:
        raise AssertionError("a stored text was parsed")

    monkeypatch.setattr(ingest, "worker_pipeline", no_parsing)
    batch = [(p.name, str(p)) for p in [*paths, tmp_path / "corpus" / "notes.csv"]]
    outcomes = analyse_files(batch, known, None, 8)
    assert [o.status for o in outcomes] == ["present"] * 3 + ["refused"]
    assert outcomes[-1].path == "notes.csv" and outcomes[-1].reason


def test_a_worker_parses_a_large_task_in_small_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task's files are parsed ``PIPE_BATCH`` at a time: a worker's memory swings with the
    Docs it holds at once, not with the task's size."""
    paths = make_corpus(ingest.PIPE_BATCH + 3, tmp_path / "corpus")
    held: list[int] = []
    analyse = ingest.analyse_batch

    def counting(nlp, batch, *, batch_size):  # type: ignore[no-untyped-def]
        held.append(batch_size)
        return analyse(nlp, batch, batch_size=batch_size)

    monkeypatch.setattr(ingest, "analyse_batch", counting)
    outcomes = analyse_files([(p.name, str(p)) for p in paths], None, None, 50)
    assert [o.status for o in outcomes] == ["analysed"] * len(paths)
    assert held == [ingest.PIPE_BATCH]
    assert analyse_files([(paths[0].name, str(paths[0]))], None, None, 4)
    assert held[-1] == 4  # a smaller task batch is kept


def test_local_workers_start_with_the_pipeline_built() -> None:
    """A local cluster's workers are forked from a server that built the pipeline: none of
    them builds its own on its first task."""
    with ingest.dask_client(None, workers=1) as client:
        built = client.run(lambda: sorted(ingest._PIPELINES))
    assert list(built.values()) == [[MODEL_NAME]]


def _blas() -> tuple[str, list[int]]:
    from threadpoolctl import threadpool_info

    from analysis.matrices import blas_choice

    return blas_choice(), [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]


def test_local_workers_multiply_on_one_thread_with_the_library_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Workers are forked with the matrix library chosen and BLAS held to one thread: two
    threads per worker would only fight over the cores that the other workers use."""
    for library in ("blis", "numpy"):
        monkeypatch.setenv("ALIGNMENT_BLAS", library)
        with ingest.dask_client(None, workers=1) as client:
            [(chosen, threads)] = client.run(_blas).values()
        assert chosen == library
        assert threads and set(threads) == {1}


def test_a_worker_rebuilds_its_pipeline_once_its_strings_grow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ingest, "STRINGS_GROWTH_LIMIT", 10)
    monkeypatch.setattr(ingest, "_PIPELINES", {})
    try:
        first = ingest.worker_pipeline()
        for i in range(5):
            first.vocab.strings.add(f"new-string-{i}")
        assert ingest.worker_pipeline() is first  # grown by 5: kept
        for i in range(5, 20):
            first.vocab.strings.add(f"new-string-{i}")
        second = ingest.worker_pipeline()
        assert second is not first
        assert "new-string-19" not in second.vocab.strings
    finally:
        ingest._PIPELINES.clear()
        gc.unfreeze()


@pytest.mark.timeout(240)
def test_tasks_in_flight_stay_bounded(dask_scheduler: str, tmp_path: Path) -> None:
    from distributed import Client

    paths = make_corpus(24, tmp_path / "corpus")
    seen: list[int] = []
    with Client(dask_scheduler, set_as_default=False) as observer:

        def count_tasks(_: str) -> None:
            seen.append(
                observer.run_on_scheduler(
                    lambda dask_scheduler: sum(
                        1 for key in dask_scheduler.tasks if "analyse_files" in str(key)
                    )
                )
            )

        summary = ingest_paths(
            paths,
            db=tmp_path / "store.sqlite",
            scheduler=dask_scheduler,
            batch_size=2,
            progress=False,
            on_article=count_tasks,
        )
    assert summary.added == 24
    # 12 batches, one single-threaded worker: never more than two batches known at once.
    assert len(seen) == 24 and 1 <= max(seen) <= 2


@pytest.mark.timeout(300)
def test_a_worker_killed_mid_batch_has_its_batch_rerun_and_every_article_is_stored_once(
    tmp_path: Path,
) -> None:
    from distributed import Client, LocalCluster

    paths = make_corpus(30, tmp_path / "corpus")
    db = tmp_path / "store.sqlite"
    killed: list[tuple[str, int, int]] = []
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster, set_as_default=False) as observer,
    ):

        def kill_a_busy_worker(_: str) -> None:
            if killed:
                return
            busy = {w: len(tasks) for w, tasks in observer.processing().items() if tasks}
            pids = observer.run(os.getpid)
            worker = next(iter(busy))
            os.kill(pids[worker], signal.SIGKILL)
            killed.append((worker, pids[worker], busy[worker]))

        summary = ingest_paths(
            paths,
            db=db,
            scheduler=cluster.scheduler_address,
            batch_size=3,
            progress=False,
            on_article=kill_a_busy_worker,
        )
        observer.wait_for_workers(2, timeout=60)
        after = set(observer.run(os.getpid).values())
    assert killed and killed[0][2] >= 1  # the worker had a batch when it died
    assert killed[0][1] not in after  # its nanny started a new process
    assert (summary.added, summary.present, summary.refused) == (30, 0, [])
    assert exactly_once(db) == (30, 30)


def _without_row_ids(value: object) -> object:
    """A merged row's reports name the per-article rows' store rowids, which follow the order
    articles arrived in; what they say is compared, not where they were stored."""
    if isinstance(value, list):
        return sorted(
            (
                json.dumps(
                    {k: v for k, v in r.items() if k not in ("row_id", "reports")},
                    sort_keys=True,
                )
                if isinstance(r, dict)
                else json.dumps(r)
            )
            for r in value
        )
    return value


def _free_tables(db: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    with Store(db, readonly=True) as st:
        for table in TABLES:
            frame = st.read(table).drop(columns=["added"], errors="ignore")
            for col in ("reports", "conflicts"):
                if col in frame.columns:
                    frame[col] = frame[col].map(_without_row_ids)
            frame = frame.astype(str)
            frames[table] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return frames


@contextlib.contextmanager
def dask_service(tmp_path: Path, workers: int) -> Iterator[str]:
    """A real ``dask scheduler`` on a random free port of 127.0.0.1 and ``workers`` ``dask
    worker`` processes connected to it; every process is stopped on exit."""
    from distributed import Client

    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_LOGGING__DISTRIBUTED": "error"}
    info = tmp_path / "scheduler.json"
    procs: list[subprocess.Popen[bytes]] = []
    common = {"cwd": ROOT, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    try:
        procs.append(
            subprocess.Popen(
                [
                    *(str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0"),
                    *("--no-dashboard", "--scheduler-file", str(info)),
                ],
                **common,
            )
        )
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            assert procs[0].poll() is None, "the scheduler did not start"
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        for _ in range(workers):
            procs.append(
                subprocess.Popen(
                    [
                        *(str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1"),
                        *("--host", "127.0.0.1", "--no-dashboard", "--death-timeout", "60"),
                        *("--local-directory", str(tmp_path / "dask-worker-space")),
                    ],
                    **common,
                )
            )
        with Client(address, set_as_default=False, timeout="30s") as client:
            client.wait_for_workers(workers, timeout=90)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=300,
    )


@pytest.mark.timeout(420)
def test_a_running_scheduler_with_two_workers_gives_the_same_tables_as_a_local_ingest(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(16, corpus)
    local = _cli("ingest", str(corpus), "--db", str(tmp_path / "local.sqlite"), "--workers", "1")
    assert local.returncode == 0, local.stderr
    with dask_service(tmp_path, workers=2) as address:
        remote = _cli(
            "ingest", str(corpus), "--db", str(tmp_path / "remote.sqlite"), "--scheduler", address
        )
        assert remote.returncode == 0, remote.stderr
        # The same scheduler named in the environment; everything is already stored.
        again = _cli(
            "ingest",
            str(corpus),
            "--db",
            str(tmp_path / "remote.sqlite"),
            "--quiet",
            ALIGNMENT_SCHEDULER=address,
        )
    assert remote.stdout.startswith("added 16, already present 0, refused 0")
    assert "Dask dashboard: http://" in remote.stderr and "article/s" in remote.stderr
    assert again.returncode == 0 and again.stdout.startswith("added 0, already present 16")
    left, right = _free_tables(tmp_path / "local.sqlite"), _free_tables(tmp_path / "remote.sqlite")
    for table in TABLES:
        assert len(left[table]) == len(right[table]), table
        pd.testing.assert_frame_equal(left[table], right[table], obj=table)
    assert len(left["alignment"]) > 0


def _marked(marker: str) -> list[int]:
    found = []
    for proc in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            if proc.environ().get("ALIGNMENT_TEST_MARK") == marker:
                found.append(proc.pid)
    return found


@pytest.mark.timeout(240)
def test_killing_the_client_leaves_no_worker_process_behind(tmp_path: Path) -> None:
    paths = make_corpus(40, tmp_path / "corpus")
    db = tmp_path / "store.sqlite"
    marker = uuid.uuid4().hex
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "analysis", "ingest", str(tmp_path / "corpus")),
            *("--db", str(db), "--workers", "2", "--batch-size", "4", "--quiet"),
        ],
        cwd=ROOT,
        env={**os.environ, "ALIGNMENT_TEST_MARK": marker},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(sqlite3.Error):
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                if conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 4:
                    conn.close()
                    break
                conn.close()
            time.sleep(0.1)
        workers = [pid for pid in _marked(marker) if pid != proc.pid]
        assert proc.poll() is None and workers, "ingest finished before it could be killed"
    finally:
        proc.kill()
        proc.wait(timeout=30)
    deadline = time.monotonic() + 20
    while _marked(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _marked(marker)
    for pid in left:
        with contextlib.suppress(psutil.Error):
            psutil.Process(pid).kill()
    assert not left, f"worker processes outlived their client: {left}"
    rerun = ingest_paths(paths, db=db, workers=1, batch_size=8, progress=False)
    assert rerun.added + rerun.present == 40 and exactly_once(db) == (40, 40)


@pytest.mark.timeout(120)
def test_a_scheduler_without_workers_is_an_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr(ingest, "WORKER_WAIT", 1.0)
    paths = make_corpus(2, tmp_path / "corpus")
    with (
        LocalCluster(
            n_workers=0,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        pytest.raises(ingest.SchedulerError, match="no worker"),
    ):
        ingest_paths(
            paths, db=tmp_path / "s.sqlite", scheduler=cluster.scheduler_address, progress=False
        )
