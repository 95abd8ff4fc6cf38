"""``correct`` and ``review export`` on the command line, and reviewed articles scored as gold."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from analysis import ingest
from analysis.loading import load_path
from analysis.store import Store
from scripts import evaluate

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "USER": "tester"},
        timeout=300,
    )


@pytest.fixture
def store_with_samples(db: Path, nlp: Language, sample_paths: list[Path]) -> Path:
    ingest.ingest_articles([(str(p), load_path(p)) for p in sample_paths], db=db, nlp=nlp)
    return db


def busiest(db: Path) -> str:
    """The sample article with the most procurement rows (and some alignment rows)."""
    with Store(db, readonly=True) as st:
        proc = st.read("procurements")
        align = st.read("alignment")
    counts = proc["article_id"].value_counts()
    return str(next(a for a in counts.index if (align["article_id"] == a).any()))


def test_correct_edits_rejects_and_export_marks_it(store_with_samples: Path) -> None:
    db = str(store_with_samples)
    with Store(store_with_samples, readonly=True) as st:
        row = st.read("procurements").iloc[0]
        signal = st.read("alignment").iloc[0]
    rid = str(row["row_id"])
    new_recipient = "SRB" if row["recipient"] != "SRB" else "MNE"
    done = cli("correct", "--db", db, "--table", "procurements", "--row", rid,
               "--set", f"recipient={new_recipient}", "--set", "quantity=4",
               "--note", "the article says so")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "recorded 2 corrections" in done.stdout
    out = cli("export", "--db", db, "--table", "procurements")
    assert out.returncode == 0, out.stderr
    rows = {r["row_id"]: r for r in csv.DictReader(io.StringIO(out.stdout))}
    assert rows[rid]["recipient"] == new_recipient and rows[rid]["quantity"] == "4"
    assert sorted(json.loads(rows[rid]["corrected"])) == ["quantity", "recipient"]
    assert all(json.loads(r["corrected"]) == [] for k, r in rows.items() if k != rid)
    history = json.loads(
        cli("export", "--db", db, "--table", "corrections", "--format", "json").stdout
    )
    assert {
        (h["field"], h["reviewer"], h["note"]) for h in history if h["table"] == "procurements"
    } == {
        ("recipient", "tester", "the article says so"),
        ("quantity", "tester", "the article says so"),
    }
    # the report's arms signals follow its new recipient, recorded as corrections of their own
    follows = [h for h in history if h["table"] == "alignment"]
    assert all(h["note"] == f"follows the correction of procurements row {rid}" for h in follows)
    assert {json.loads(h["new"]) for h in follows} <= {new_recipient}
    gone = cli(
        "correct", "--db", db, "--table", "alignment", "--row", str(signal["row_id"]), "--reject"
    )
    assert gone.returncode == 0, gone.stderr
    with Store(store_with_samples, readonly=True) as st:
        assert signal["row_id"] not in set(st.read("alignment")["row_id"])
        assert len(st.read("corrections")) == len(history) + 1


@pytest.mark.parametrize(
    "args",
    [
        ["--table", "procurements", "--set", "supplier=ATLANTIS"],
        ["--table", "procurements", "--set", "status=stolen"],
        ["--table", "procurements", "--set", "quantity=-2"],
        ["--table", "procurements", "--set", "colour=red"],
        ["--table", "procurements", "--set", "noequals"],
        ["--table", "procurements", "--set", "recipient=SRB", "--note", "<img src=x onerror=1>"],
        ["--table", "deals", "--set", "status=ordered"],
        ["--table", "procurements", "--row", "pdoesnotexist", "--reject"],
        ["--table", "procurements", "--reject", "--set", "status=ordered"],
    ],
)
def test_bad_corrections_exit_2_with_one_line_and_write_nothing(
    store_with_samples: Path, args: list[str]
) -> None:
    with Store(store_with_samples, readonly=True) as st:
        rid = str(st.read("procurements").iloc[0]["row_id"])
        before = st.generation()
    if "--row" not in args:
        args = [*args, "--row", rid]
    result = cli("correct", "--db", str(store_with_samples), *args)
    assert result.returncode == 2, result
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    with Store(store_with_samples, readonly=True) as st:
        assert st.read("corrections").empty and st.generation() == before


def test_review_export_round_trips_through_the_evaluation(
    store_with_samples: Path, nlp: Language, tmp_path: Path
) -> None:
    aid = busiest(store_with_samples)
    with Store(store_with_samples) as st:
        proc = st.read("procurements", articles=[aid])
        align = st.read("alignment", articles=[aid])
        keys = Counter(
            zip(
                proc["system"].fillna(proc["category"]),
                proc["supplier"],
                proc["recipient"],
                strict=True,
            )
        )
        unique = [
            r for r in proc.to_dict("records")
            if keys[(r["system"] or r["category"], r["supplier"], r["recipient"])] == 1
        ]  # fmt: skip
        wrong = unique[0]["row_id"]
        for r in proc["row_id"]:
            st.correct("procurements", r, action="reject" if r == wrong else "confirm")
        for r in list(align["row_id"])[:-1]:
            st.correct("alignment", r, action="confirm", reviewer="ana")
    out = tmp_path / "gold"
    # one alignment row is still unreviewed: the article is not gold yet
    partial = cli("review", "export", "--db", str(store_with_samples), "--out", str(out))
    assert partial.returncode == 0, partial.stderr
    assert "wrote 0 reviewed articles" in partial.stdout
    with Store(store_with_samples) as st:
        st.correct("alignment", str(align["row_id"].iloc[-1]), action="confirm")
    done = cli("review", "export", "--db", str(store_with_samples), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "wrote 1 reviewed article " in done.stdout
    gold = json.loads((out / f"{aid}.json").read_text("utf-8"))
    assert len(gold["procurements"]) == len(proc) - 1
    assert gold["reviewers"] == ["ana"]
    scores, _ = evaluate.run(nlp, directory=out)
    # the rules still find the rejected row: one false positive, nothing missed
    n = len(proc)
    assert scores["procurement.precision"] == pytest.approx((n - 1) / n)
    assert scores["procurement.recall"] == 1.0
    assert scores["alignment.precision"] == 1.0 and scores["alignment.recall"] == 1.0
    assert scores["actors.recall"] == 1.0


def test_review_export_refuses_a_file_for_a_folder(
    store_with_samples: Path, tmp_path: Path
) -> None:
    target = tmp_path / "gold.txt"
    target.write_text("x")
    result = cli("review", "export", "--db", str(store_with_samples), "--out", str(target))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_reanalyse_replaces_rows_and_keeps_corrections(
    db: Path, sample_paths: list[Path], dask_scheduler: str
) -> None:
    path = str(sample_paths[0])
    common = ["--db", str(db), "--scheduler", dask_scheduler, "--quiet"]
    first = cli("ingest", path, *common)
    assert first.returncode == 0, first.stderr
    with Store(db) as st:
        proc = st.read("procurements").iloc[0]
        signal = st.read("alignment").iloc[0]
        rid = str(proc["row_id"])
        other = "SRB" if proc["recipient"] != "SRB" else "MNE"
        st.correct("procurements", rid, values={"recipient": other}, note="fixed")
        st.correct("alignment", str(signal["row_id"]), action="reject")
        recorded = len(st.read("corrections"))
        # an older analysis of the same text: re-analysis must replace it
        st.conn.execute("UPDATE procurements SET sentence = 'stale' WHERE row_id = ?", (rid,))
        deals_before = sorted(st.read("deals")["recipient"].fillna(""))
    again = cli("ingest", path, "--reanalyse", *common)
    assert again.returncode == 0, again.stderr
    assert "reanalysed 1 stored texts" in again.stdout
    with Store(db, readonly=True) as st:
        assert st.count() == 1
        row = st.read("procurements").set_index("row_id").loc[rid]
        assert row["recipient"] == other and row["sentence"] != "stale"
        assert row["corrected"] == ["recipient"]
        assert signal["row_id"] not in set(st.read("alignment")["row_id"])
        assert len(st.read("corrections")) == recorded
        assert sorted(st.read("deals")["recipient"].fillna("")) == deals_before
    plain = cli("ingest", path, *common)
    assert "already present 1" in plain.stdout


def test_correct_without_a_store_creates_none(tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite"
    result = cli("correct", "--db", str(db), "--table", "procurements", "--row", "p1", "--reject")
    assert result.returncode == 2 and "no store yet" in result.stderr
    assert not db.exists()
