"""Deals and merged signals in the store: rebuilt on every ingest and delete, exported."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from analysis import ingest
from analysis.loading import load_path
from analysis.model import text_id
from analysis.store import MIGRATIONS, Store, StoreError

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "deals"
FIRST = FIXTURES / "2023-03-kazakhstan-orders-caesar.md"
SECOND = FIXTURES / "2024-06-kazakhstan-caesar-follow-up.md"
THIRD = FIXTURES / "2024-09-kazakhstan-caesar-thirty.md"
COPY = FIXTURES / "2023-03-kazakhstan-orders-caesar-syndicated.md"


def add(db: Path, nlp: Language, *paths: Path) -> None:
    ingest.ingest_articles([(str(p), load_path(p)) for p in paths], db=db, nlp=nlp)


def caesar(st: Store) -> list[dict[str, object]]:
    deals = st.read("deals", actors=["KAZ"])
    return [d for d in deals.to_dict("records") if d["system"] == "CAESAR"]


def article_id(path: Path) -> str:
    return text_id(load_path(path).text)


def test_two_reports_of_one_deal_then_a_conflict_then_a_delete(db: Path, nlp: Language) -> None:
    add(db, nlp, FIRST, SECOND)
    with Store(db) as st:
        (deal,) = caesar(st)
        assert (deal["supplier"], deal["recipient"], deal["status"]) == ("FRA", "KAZ", "ordered")
        assert deal["sources"] == 2 and deal["n_reports"] == 2
        assert deal["quantity_ordered"] == 24 and deal["order_year"] == 2023
        assert deal["conflicts"] == []
        assert (deal["first_reported"], deal["last_reported"]) == ("2023-03-02", "2024-06-18")
        first_id = deal["id"]

    add(db, nlp, THIRD)
    with Store(db) as st:
        (deal,) = caesar(st)
        assert deal["id"] == first_id  # the same deal, one more source
        assert deal["sources"] == 3
        (conflict,) = deal["conflicts"]
        assert conflict["field"] == "quantity" and conflict["values"] == [24, 30]
        row_ids = {r["row_id"] for r in deal["reports"]}
        assert set(conflict["reports"]) == row_ids
        assert {r["article_id"] for r in deal["reports"]} == {
            article_id(p) for p in (FIRST, SECOND, THIRD)
        }

        assert st.delete(article_id(THIRD))
        (deal,) = caesar(st)
        assert deal["sources"] == 2 and deal["conflicts"] == []
        assert deal["last_reported"] == "2024-06-18"

        assert st.delete(article_id(FIRST)) and st.delete(article_id(SECOND))
        assert caesar(st) == []
        assert st.conn.execute("SELECT COUNT(*) FROM deal_articles").fetchone()[0] == 0


def test_a_syndicated_copy_adds_a_report_but_not_a_source(db: Path, nlp: Language) -> None:
    add(db, nlp, FIRST, COPY, SECOND)
    with Store(db) as st:
        (deal,) = caesar(st)
        assert deal["n_reports"] == 3 and deal["sources"] == 2
        copies = st.read("articles").set_index("id")["copy_of"]
        assert copies[article_id(COPY)] == copies[article_id(FIRST)]


def test_deals_follow_the_filters(db: Path, nlp: Language) -> None:
    add(db, nlp, FIRST, THIRD)
    with Store(db) as st:
        assert len(caesar(st)) == 1
        assert st.read("deals", actors=["FRA"])["system"].tolist() == ["CAESAR"]
        assert st.read("deals", actors=["SRB"]).empty
        assert len(st.read("deals", start="2024-01-01", end="2024-12-31")) == 1
        assert st.read("deals", start="2025-01-01").empty
        assert len(st.read("deals", articles=[article_id(THIRD)])) == 1


def test_a_writer_crash_leaves_the_rebuild_queued(db: Path, nlp: Language) -> None:
    add(db, nlp, FIRST)
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM deals")
    conn.execute(
        "INSERT INTO corpus_dirty SELECT DISTINCT 'deal', recipient, family FROM procurements"
    )
    conn.commit()
    conn.close()
    with Store(db, readonly=True) as ro:
        assert ro.read("deals").empty
    with Store(db) as st:  # the next writer finishes the queued work
        assert len(caesar(st)) == 1


def test_migration_builds_deals_and_signals_for_an_old_store(db: Path) -> None:
    conn = sqlite3.connect(db)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    for aid, day in (("a1", "2019-10-25"), ("a2", "2019-11-02")):
        conn.execute(
            "INSERT INTO articles (id, title, published, language, words, text, added)"
            f" VALUES (?, 'Old', ?, 'en', 3, 'Old text number {aid}', '2024-01-01')",
            (aid, day),
        )
        conn.execute(
            "INSERT INTO procurements (article_id, system, category, supplier, recipient,"
            ' status, quantity, date, sentence, start, "end", day) VALUES'
            " (?, 'Pantsir', 'air_defence', 'RUS', 'SRB', 'delivered', 6, NULL, 's', 0, 1, ?)",
            (aid, day),
        )
        conn.execute(
            "INSERT INTO alignment (article_id, subject, counterpart, direction, type, basis,"
            ' weight, date, sentence, start, "end", day) VALUES'
            " (?, 'SRB', 'RUS', 1, 'arms_procurement', 'material', 1.0, NULL, 's', 0, 1, ?)",
            (aid, day),
        )
    conn.commit()
    conn.close()
    with Store(db) as st:
        (deal,) = st.read("deals").to_dict("records")
        assert deal["sources"] == 2 and deal["quantity_delivered"] == 6
        (merged,) = st.read("signals", actors=["SRB"]).to_dict("records")
        assert merged["sources"] == 2 and merged["first"] == "2019-10-25"


def test_merged_signals_are_stored_and_exported(db: Path, nlp: Language) -> None:
    add(db, nlp, FIRST, COPY)
    with Store(db) as st:
        signals = st.read("signals", actors=["KAZ"])
        reports = st.read("alignment", actors=["KAZ"])
    assert len(reports) > len(signals) > 0
    assert all(signals["sources"] == 1)  # the copy repeats, it does not corroborate


def _export(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "export", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_deals(db: Path, nlp: Language, fmt: str) -> None:
    add(db, nlp, FIRST, SECOND, THIRD)
    out = _export(db, "--table", "deals", "--format", fmt, "--actor", "KAZ")
    assert out.returncode == 0, out.stderr
    if fmt == "json":
        (deal,) = [d for d in json.loads(out.stdout) if d["system"] == "CAESAR"]
        assert isinstance(deal["reports"], list) and len(deal["reports"]) == 3
        assert deal["conflicts"][0]["values"] == [24, 30] and deal["sources"] == 3
    else:
        header, *lines = out.stdout.strip().splitlines()
        assert header.startswith("id,supplier,recipient,system,category")
        assert any("CAESAR" in line and '""quantity""' in line for line in lines)
    assert _export(db, "--table", "deals", "--actor", "SRB", "--format", "json").stdout.strip() in (
        "[]",
        "[\n\n]",
    )


def test_read_can_pick_columns_and_refuses_unknown_ones(db: Path, nlp: Language) -> None:
    add(db, nlp, FIRST)
    with Store(db, readonly=True) as st:
        frame = st.read("deals", actors=["KAZ"], columns=["id", "system", "sources"])
        assert list(frame.columns) == ["id", "system", "sources"] and len(frame) == 1
        with pytest.raises(StoreError, match="no column"):
            st.read("deals", columns=["id", "nope; DROP TABLE deals"])


def test_a_copy_is_recognised_after_many_writes_in_one_session(
    db: Path, nlp: Language, tmp_path: Path
) -> None:
    """The writer's fingerprint table grows in place as articles are written: a copy written
    after more articles than it first had room for still finds its original."""
    import random

    rng = random.Random(3)
    words = [f"{c}{v}{c2}" for c in "bdfgklmnprst" for v in "aeiou" for c2 in "lmnrst"]
    fillers = []
    for i in range(70):
        path = tmp_path / f"filler-{i:02d}.txt"
        path.write_text(" ".join(rng.choice(words) for _ in range(60)) + ".", encoding="utf-8")
        fillers.append(path)
    add(db, nlp, FIRST, *fillers, COPY)
    with Store(db) as st:
        copies = st.read("articles").set_index("id")["copy_of"]
        assert len(copies) == 72
        assert copies[article_id(COPY)] == article_id(FIRST)
        assert all(copies[article_id(p)] == article_id(p) for p in fillers)
