"""The review queue scored and ordered by SQLite gives what scoring every row in Python gave:
the same rows, scores, reasons, labels and order, on the analysed samples with settled rows.

``reference_queue`` below is the queue as it was computed before (every unsettled row read
into pandas and scored against sets of keys), kept here as the oracle."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.review import (
    QUEUE_COLUMNS,
    REVIEWED,
    TITLE_ONLY,
    _label,
    _records,
    _where,
    queue,
    queue_size,
)
from analysis.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _keys(frame: pd.DataFrame, where: pd.Series) -> set[tuple[str, str]]:
    """(article id, sentence) of every report of the chosen deals or merged signals."""
    return {
        (str(r["article_id"]), str(r["sentence"]))
        for reports in frame.loc[where, "reports"]
        for r in reports
    }


def reference_queue(store: Store, *, limit: int = 50) -> pd.DataFrame:
    """Unreviewed procurement and alignment rows, most in need of a person first: reports of
    deals with conflicting reports, of single-source deals, of single-source signals with a
    high weight, and rows from sentences with a hedge."""
    deals = store.read("deals", columns=["reports", "conflicts", "sources"])
    signals = store.read("signals", columns=["reports", "sources", "weight"])
    cues = store.read("stance_cues", columns=["article_id", "type", "sentence"])
    hedged = {
        (str(a), str(s))
        for a, s, t in zip(cues["article_id"], cues["sentence"], cues["type"], strict=True)
        if t == "hedge"
    }
    deal, signal, both = ("procurements",), ("alignment",), REVIEWED
    reasons: list[tuple[str, set[tuple[str, str]], int, tuple[str, ...]]] = [
        ("deal with conflicting reports", _keys(deals, deals["conflicts"].map(bool)), 3, deal),
        ("single-source deal", _keys(deals, deals["sources"] == 1), 2, deal),
        (
            "single-source signal with high weight",
            _keys(signals, (signals["sources"] == 1) & (signals["weight"] >= 1.0)),
            2,
            signal,
        ),
        ("hedged sentence", hedged, 1, both),
    ]
    items: list[dict[str, Any]] = []
    for table in REVIEWED:
        rows = store.read(table)
        for row in _records(rows[rows["review"].isna()]):
            key = (str(row["article_id"]), str(row["sentence"]))
            why = [
                (name, w) for name, keys, w, tables in reasons if table in tables and key in keys
            ]
            items.append(
                {
                    "table": table,
                    "row_id": row["row_id"],
                    "article_id": row["article_id"],
                    "score": sum(w for _, w in why),
                    "reasons": [name for name, _ in why],
                    "label": _label(table, row),
                    "sentence": row["sentence"],
                    "start": row["start"],
                    "end": row["end"],
                }
            )
    items.extend(_title_only(store))
    items.sort(key=lambda i: (-i["score"], str(i["article_id"]), int(i["start"])))
    top = items[:limit]
    for item in top:
        if item["sentence"] is None:
            item.update(_where(store, str(item["article_id"]), int(item["start"])))
    return pd.DataFrame(top, columns=[*QUEUE_COLUMNS, "start", "end"])


def _title_only(store: Store) -> list[dict[str, Any]]:
    """People the data does not know whom only a title ("the defence minister X", "X, Serbia's
    envoy") linked to a state: their actor row, not yet settled, at their first mention."""
    from analysis import resources

    known = resources.people_by_id()
    rows = store.read("actors")
    rows = rows[
        (rows["type"] == "person")
        & ~rows["actor"].isin(list(known))
        & rows["country"].notna()
        & rows["review"].isna()
    ]
    if rows.empty:
        return []
    ents = store.read("entities", articles=sorted(set(rows["article_id"])))
    first = ents.dropna(subset=["actor"]).groupby(["article_id", "actor"])["start"].min()
    return [
        {
            "table": "actors",
            "row_id": r["row_id"],
            "article_id": r["article_id"],
            "score": 2,
            "reasons": [TITLE_ONLY],
            "label": f"{r['name']} acts for {r['country']} (linked by a title only)",
            "sentence": None,
            "start": int(first.get((r["article_id"], r["actor"]), 0)),
            "end": int(first.get((r["article_id"], r["actor"]), 0)),
        }
        for r in rows.to_dict("records")
    ]


@pytest.fixture(scope="module")
def samples(seeded_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("queue") / "store.sqlite"
    shutil.copy(seeded_store, db)
    return db


def _same(store: Store, limit: int) -> pd.DataFrame:
    new = queue(store, limit=limit)
    old = reference_queue(store, limit=limit)
    assert len(old) == min(limit, queue_size(store))
    assert new.to_dict("records") == old.to_dict("records")
    return new


def test_sql_queue_equals_the_python_queue(samples: Path) -> None:
    with Store(samples) as store:
        total = queue_size(store)
        assert total > 100
        whole = _same(store, total + 5)
        assert set(whole["score"]) >= {0, 1, 3}  # several reasons met, not only ties
        _same(store, 20)
        # pages continue each other
        pages = pd.concat([queue(store, limit=7, offset=7 * i) for i in range(3)])
        assert pages.reset_index(drop=True).equals(whole.head(21).reset_index(drop=True))


def test_settled_rows_leave_both_queues_alike(samples: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copy(samples, db)
    with Store(db) as store:
        top = queue(store, limit=6)
        before = queue_size(store)
        for i, item in enumerate(top.to_dict("records")):
            action = "reject" if i % 2 else "confirm"
            store.correct(str(item["table"]), str(item["row_id"]), action=action, reviewer="ana")
        assert queue_size(store) < before
        # two people no data knows, linked to a state by a title only (one mentioned twice)
        aid = str(top.iloc[0]["article_id"])
        for n, (actor, starts) in enumerate((("Ana Kovac", (40, 12)), ("Ivo Rus", ()))):
            store.conn.execute(
                "INSERT INTO actors (article_id, actor, name, type, country, mentions, forms,"
                " row_id) VALUES (?, ?, ?, 'person', 'SRB', 1, '[]', ?)",
                (aid, f"person:{actor}", actor, f"test-person-{n}"),
            )
            for at in starts:
                store.conn.execute(
                    "INSERT INTO entities VALUES (?, ?, 'PERSON', ?, ?, ?)",
                    (aid, actor, at, at + len(actor), f"person:{actor}"),
                )
        after = _same(store, queue_size(store))
        people = after[after["table"] == "actors"]
        assert list(people["reasons"]) == [[TITLE_ONLY]] * 2
        assert not set(top["row_id"]) & set(after["row_id"])
