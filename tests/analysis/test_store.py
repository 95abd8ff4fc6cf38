"""The store: dedupe, migrations, delete, concurrent readers, crash safety, bad files."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import store
from analysis.ingest import Summary, ingest_paths
from analysis.store import MIGRATIONS, SCHEMA_VERSION, Store
from scripts.bench import make_corpus

ROOT = Path(__file__).resolve().parents[2]
DERIVED = ("actors", "entities", "events", "procurements", "stance_cues", "alignment")
SHARED: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _shared_cluster(dask_scheduler: str) -> None:
    SHARED["scheduler"] = dask_scheduler


def ingest(paths: list[Path], db: Path, workers: int = 1) -> Summary:
    """One worker: the session's shared cluster; more: a LocalCluster of that many for the call."""
    if workers == 1:
        return ingest_paths(
            paths, db=db, scheduler=SHARED["scheduler"], batch_size=8, progress=False
        )
    return ingest_paths(paths, db=db, workers=workers, batch_size=8, progress=False)


def consistent(db: Path) -> tuple[int, list[str]]:
    """(articles, problems): every article has its derived rows, no row lacks its article."""
    conn = sqlite3.connect(db)
    problems = []
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    for table in DERIVED:
        orphans = conn.execute(
            f"SELECT COUNT(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} orphan rows in {table}")
    for aid in ids:
        if not conn.execute("SELECT 1 FROM actors WHERE article_id = ?", (aid,)).fetchone():
            problems.append(f"article {aid} has no actors")
    dupes = conn.execute("SELECT COUNT(*) - COUNT(DISTINCT text) FROM articles").fetchone()[0]
    if dupes:
        problems.append(f"{dupes} duplicate texts")
    conn.close()
    return len(ids), problems


def test_reingesting_adds_nothing(db: Path, sample_paths: list[Path]) -> None:
    first = ingest([ROOT / "sample_articles"], db)
    assert first.added == len(sample_paths) and not first.refused
    again = ingest([ROOT / "sample_articles"], db)
    assert (again.added, again.present) == (0, len(sample_paths))
    assert consistent(db) == (len(sample_paths), [])


def test_same_text_under_another_name_is_already_present(db: Path, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Serbia bought the Pantsir from Russia in 2019.", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("Serbia bought the Pantsir from Russia in 2019.\n", encoding="utf-8")
    summary = ingest([a, b], db)
    assert (summary.added, summary.present) == (1, 1)


def test_a_bulk_writer_checkpoints_its_log_less_often(db: Path) -> None:
    with Store(db) as st:
        assert st.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    with Store(db, checkpoint_pages=10_000) as st:
        assert st.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10_000
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_new_store_is_created_at_the_current_schema(db: Path) -> None:
    with Store(db) as st:
        assert st.version() == SCHEMA_VERSION
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        for table in store.TABLES:
            assert st.read(table).empty


def test_migration_from_an_older_schema_keeps_and_upgrades_rows(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO articles VALUES ('a1', 'Old', '2019-10-25', NULL, NULL, 'en', 3,"
        " 'Old text here', '2024-01-01')"
    )
    conn.execute(
        "INSERT INTO events VALUES ('a1', '2019-10', 'month', 'October 2019', 'delivery',"
        " '[\"SRB\", \"RUS\"]', 's', 0, 12)"
    )
    conn.execute(
        "INSERT INTO alignment VALUES ('a1', 'SRB', 'RUS', 1, 'arms_procurement', 'material',"
        " 1.0, NULL, 's', 0, 1)"
    )
    conn.commit()
    conn.close()
    with Store(db) as st:
        assert st.version() == SCHEMA_VERSION
        events = st.read("events", actors=["RUS"])
        assert events["day"].tolist() == ["2019-10-01"]
        signals = st.read("alignment", actors=["SRB"], start="2019-10-01", end="2019-10-31")
        assert signals["day"].tolist() == ["2019-10-25"]  # undated: the publication day
        assert st.read("articles")["path"].isna().all()


def test_a_store_from_a_newer_program_is_refused(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(store.StoreError, match="newer"):
        Store(db)


def test_delete_removes_every_derived_row(db: Path) -> None:
    ingest([ROOT / "sample_articles"], db)
    with Store(db) as st:
        aid = st.read("articles")["id"].iloc[0]
        assert st.delete(aid)
        for table in DERIVED:
            assert st.read(table, articles=[aid]).empty
        assert (
            st.conn.execute(
                "SELECT COUNT(*) FROM event_actors WHERE article_id = ?", (aid,)
            ).fetchone()[0]
            == 0
        )
        assert not st.delete(aid)
    assert consistent(db)[1] == []


def test_read_filters_by_actor_dates_and_article(db: Path) -> None:
    ingest([ROOT / "sample_articles"], db)
    with Store(db, readonly=True) as st:
        deals = st.read("procurements", actors=["TUR"])
        assert not deals.empty
        assert ((deals.supplier == "TUR") | (deals.recipient == "TUR")).all()
        signals = st.read("alignment", start="2020-01-01", end="2020-12-31")
        assert not signals.empty and signals["day"].between("2020-01-01", "2020-12-31").all()
        articles = st.read("articles", actors=["IND"])
        assert len(articles) == 3  # the two India stories and the BrahMos sale to Manila
        assert any("BrahMos" in t for t in articles["title"])
        events = st.read("events", actors=["EGY"])
        assert all("EGY" in a for a in events["actors"])
        one = articles["id"].iloc[0]
        assert set(st.read("actors", articles=[one])["article_id"]) == {one}
        people = st.read("alignment", actors=["P:recep-tayyip-erdogan"])
        assert not people.empty and (people[["subject", "counterpart"]] == "TUR").any(axis=1).all()


def test_bad_files_are_listed_and_good_ones_ingested(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Serbia bought the Pantsir from Russia.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.md").write_bytes(bytes(range(256)) * 8)
    (folder / "fake.pdf").write_bytes(b"plain text pretending")
    (folder / "image.png").write_bytes(b"\x89PNG....")
    summary = ingest([folder], db)
    assert summary.added == 1
    refused = dict(summary.refused)
    assert set(map(Path, refused)) == {
        folder / n for n in ("empty.txt", "binary.md", "fake.pdf", "image.png")
    }
    assert all(reason for reason in refused.values())


def test_parallel_workers_give_the_same_store_as_one(tmp_path: Path) -> None:
    paths = make_corpus(24, tmp_path / "corpus")
    ingest(paths, tmp_path / "one.sqlite", workers=1)
    ingest(paths, tmp_path / "two.sqlite", workers=2)
    with Store(tmp_path / "one.sqlite") as a, Store(tmp_path / "two.sqlite") as b:
        for table in ("alignment", "procurements"):
            cols = [c for c in a.read(table).columns if c != "evidence"]
            left = a.read(table)[cols].sort_values(cols[:4]).reset_index(drop=True)
            right = b.read(table)[cols].sort_values(cols[:4]).reset_index(drop=True)
            assert left.astype(str).equals(right.astype(str))


def _ingest_process(paths: list[Path], db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "analysis",
            "ingest",
            *map(str, paths),
            "--db",
            str(db),
            "--workers",
            "1",
            "--batch-size",
            "4",
            "--quiet",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        conn.close()
        return int(n)
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_leaves_whole_articles_and_rerun_completes(
    db: Path, tmp_path: Path
) -> None:
    paths = make_corpus(60, tmp_path / "corpus")
    proc = _ingest_process(paths, db)
    deadline = time.time() + 120
    while _count(db) < 6 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored, problems = consistent(db)
    assert 6 <= stored < 60 and problems == []
    rerun = ingest(paths, db)
    assert rerun.present == stored and rerun.added == 60 - stored
    assert consistent(db) == (60, [])


def test_readers_see_whole_articles_while_a_writer_ingests(db: Path, tmp_path: Path) -> None:
    paths = make_corpus(40, tmp_path / "corpus")
    with Store(db):
        pass  # create the schema before the reader starts
    proc = _ingest_process(paths, db)
    reads = 0
    while proc.poll() is None:
        with Store(db, readonly=True) as st, st.snapshot():
            ids = set(st.read("articles")["id"])
            with_actors = set(st.read("actors")["article_id"])
            assert with_actors == ids  # no article without its rows, no rows without article
        reads += 1
        time.sleep(0.02)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert reads > 3
    assert consistent(db) == (40, [])


def test_export_cli_writes_csv_and_json(db: Path) -> None:
    ingest([ROOT / "sample_articles"], db)
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "analysis", "export", "--db", str(db), *a],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    csv = run("--table", "procurements", "--actor", "SRB")
    assert csv.returncode == 0 and csv.stdout.startswith("article_id,system,category")
    assert "Rafale" in csv.stdout
    rows = json.loads(run("--table", "alignment", "--actor", "TUR", "--format", "json").stdout)
    assert rows and all("TUR" in (r["subject"], r["counterpart"]) for r in rows)
    bad = run("--table", "nope")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_no_index_is_the_start_of_another(tmp_path: Path) -> None:
    """An index on the first columns of another does its work twice on every write."""
    with Store(tmp_path / "s.sqlite") as st:
        indexes: dict[str, list[tuple[str, tuple[str, ...], bool]]] = {}
        for (table,) in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for _, name, unique, *_ in st.conn.execute(f"PRAGMA index_list('{table}')"):
                cols = tuple(r[2] for r in st.conn.execute(f"PRAGMA index_info('{name}')"))
                indexes.setdefault(table, []).append((name, cols, bool(unique)))
    redundant = [
        (name, longer)
        for found in indexes.values()
        for name, cols, unique in found
        for longer, other, _ in found
        if not unique and longer != name and other[: len(cols)] == cols
    ]
    assert redundant == []
