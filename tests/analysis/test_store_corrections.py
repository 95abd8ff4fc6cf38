"""Analyst corrections in the store: effective values everywhere, rejections, the append-only
history, bad edits that write nothing, row ids that survive re-analysis, the version 5 migration."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from analysis.corrections import CorrectionError, row_ids
from analysis.store import MIGRATIONS, SCHEMA_VERSION, Store

AID = "0123456789abcdef"
TEXT = (
    "China supplied combat drones to Serbia. Serbia received six FK-3 launchers from China. "
    "Belgrade praised Moscow."
)


def analysis(aid: str = AID) -> dict[str, Any]:
    """A small hand-written analysis with one wrong recipient (Russia for Serbia)."""
    row = {"sentence": "China supplied combat drones to Serbia.", "start": 0, "end": 39}
    return {
        "schema": "alignment-monitor/analysis/1",
        "article": {
            "id": aid,
            "title": "Drones for Serbia",
            "published": "2022-04-10",
            "source": "sample",
            "url": None,
            "language": "en",
            "words": 17,
        },
        "actors": [
            {"id": i, "name": n, "type": "country", "country": i, "mentions": 1, "forms": [n]}
            for i, n in (("CHN", "China"), ("SRB", "Serbia"), ("RUS", "Russia"))
        ],
        "entities": [],
        "events": [],
        "procurements": [
            {
                "system": None,
                "category": "uav",
                "supplier": "CHN",
                "recipient": "RUS",
                "status": "delivered",
                "quantity": None,
                "date": None,
                **row,
            },
            {
                "system": "FK-3",
                "category": "air_defence",
                "supplier": "CHN",
                "recipient": "SRB",
                "status": "delivered",
                "quantity": 6,
                "date": "2022",
                "sentence": "Serbia received six FK-3 launchers from China.",
                "start": 40,
                "end": 86,
            },
        ],
        "stance_cues": [],
        "alignment": [
            {
                "subject": "RUS",
                "counterpart": "CHN",
                "direction": 1,
                "type": "arms_procurement",
                "basis": "material",
                "weight": 1.0,
                "date": None,
                **row,
            },
            {
                "subject": "SRB",
                "counterpart": "RUS",
                "direction": 1,
                "type": "verbal_support",
                "basis": "verbal",
                "weight": 0.5,
                "date": None,
                "sentence": "Belgrade praised Moscow.",
                "start": 87,
                "end": 110,
            },
        ],
    }


def drone_row(st: Store) -> str:
    rows = st.read("procurements")
    return str(rows[rows["category"] == "uav"].iloc[0]["row_id"])


def signal_row(st: Store, subject: str) -> str:
    rows = st.read("alignment")
    return str(rows[rows["subject"] == subject].iloc[0]["row_id"])


def test_an_edit_changes_rows_deals_filters_and_keeps_the_history(db: Path) -> None:
    with Store(db) as st:
        st.add(analysis(), text=TEXT)
        rid = drone_row(st)
        assert set(st.read("deals")["recipient"]) == {"RUS", "SRB"}
        before = st.generation()
        assert st.correct(
            "procurements", rid, values={"recipient": "SRB"}, reviewer="ana", note="see para 1"
        )
        assert st.generation() > before
        rows = st.read("procurements")
        fixed = rows[rows["row_id"] == rid].iloc[0]
        assert fixed["recipient"] == "SRB" and fixed["corrected"] == ["recipient"]
        assert fixed["review"] == "edit"
        other = rows[rows["row_id"] != rid].iloc[0]
        assert other["corrected"] == [] and other["review"] is None
        # the deal moved from Russia to Serbia; filters use the effective value
        assert set(st.read("deals")["recipient"]) == {"SRB"}
        assert st.read("deals", actors=["RUS"]).empty
        assert rid in set(st.read("procurements", actors=["SRB"])["row_id"])
        assert rid not in set(st.read("procurements", actors=["RUS"])["row_id"])
        history = st.read("corrections")
        (entry,) = history[history["table"] == "procurements"].to_dict("records")
        assert (entry["table"], entry["row_id"], entry["field"]) == (
            "procurements",
            rid,
            "recipient",
        )
        assert (entry["old"], entry["new"], entry["action"]) == ('"RUS"', '"SRB"', "edit")
        assert (entry["reviewer"], entry["note"], entry["article_id"]) == ("ana", "see para 1", AID)
        # the latest correction wins; the extracted value stays in the base table
        st.correct("procurements", rid, values={"quantity": "12", "status": "ordered"})
        fixed = st.read("procurements").set_index("row_id").loc[rid]
        assert fixed["quantity"] == 12 and fixed["status"] == "ordered"
        assert sorted(fixed["corrected"]) == ["quantity", "recipient", "status"]
        raw = st.conn.execute(
            "SELECT recipient, quantity FROM procurements WHERE row_id = ?", (rid,)
        ).fetchone()
        assert raw == ("RUS", None)


def test_a_rejected_row_leaves_rows_and_signals_but_not_the_history(db: Path) -> None:
    with Store(db) as st:
        st.add(analysis(), text=TEXT)
        rid = signal_row(st, "SRB")
        assert ("SRB", "RUS") in set(
            zip(st.read("signals")["subject"], st.read("signals")["counterpart"], strict=True)
        )
        st.correct("alignment", rid, action="reject", reviewer="ana")
        assert rid not in set(st.read("alignment")["row_id"])
        signals = st.read("signals")
        assert ("SRB", "RUS") not in set(
            zip(signals["subject"], signals["counterpart"], strict=True)
        )
        history = st.read("corrections")
        assert list(history["action"]) == ["reject"] and list(history["row_id"]) == [rid]
        # a later confirm brings the row back
        st.correct("alignment", rid, action="confirm")
        assert st.read("alignment").set_index("row_id").loc[rid]["review"] == "confirm"
        assert len(st.read("signals", actors=["SRB"])) == 1


@pytest.mark.parametrize(
    ("table", "values", "note", "message"),
    [
        ("procurements", {"supplier": "ATLANTIS"}, None, "unknown actor id"),
        ("procurements", {"status": "stolen"}, None, "status must be one of"),
        ("procurements", {"quantity": "-3"}, None, "non-negative"),
        ("procurements", {"quantity": "many"}, None, "whole number"),
        ("procurements", {"category": "spaceship"}, None, "category must be one of"),
        ("procurements", {"date": "April"}, None, "YYYY"),
        ("procurements", {"sentence": "x"}, None, "no correctable field"),
        ("procurements", {"recipient": "SRB"}, "<b>wrong</b>", "plain text"),
        ("procurements", {"recipient": "SRB"}, "<script>alert(1)</script>", "plain text"),
        ("alignment", {"direction": "2"}, None, "direction must be one of"),
        ("alignment", {"weight": "0"}, None, "above 0"),
        ("alignment", {"subject": ""}, None, "cannot be empty"),
        ("entities", {"label": "GPE"}, None, "cannot correct"),
    ],
)
def test_a_bad_edit_raises_and_writes_nothing(
    db: Path, table: str, values: dict[str, str], note: str | None, message: str
) -> None:
    with Store(db) as st:
        st.add(analysis(), text=TEXT)
        rid = drone_row(st) if table != "alignment" else signal_row(st, "RUS")
        before = (st.generation(), st.corpus_generation(), st.read(table).to_json())
        with pytest.raises(CorrectionError, match=message):
            st.correct(table, rid, values=values, note=note)
        assert st.read("corrections").empty
        assert (st.generation(), st.corpus_generation(), st.read(table).to_json()) == before


def test_unknown_rows_and_empty_edits_are_refused(db: Path) -> None:
    with Store(db) as st:
        st.add(analysis(), text=TEXT)
        with pytest.raises(CorrectionError, match="no procurements row"):
            st.correct("procurements", "pnothere", values={"status": "ordered"})
        with pytest.raises(CorrectionError, match="at least one"):
            st.correct("procurements", drone_row(st), values={})
        assert st.read("corrections").empty


def test_the_history_is_append_only(db: Path) -> None:
    with Store(db) as st:
        st.add(analysis(), text=TEXT)
        st.correct("procurements", drone_row(st), values={"recipient": "SRB"})
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            st.conn.execute("UPDATE corrections SET new = '\"RUS\"'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            st.conn.execute("DELETE FROM corrections")


def test_row_ids_survive_reanalysis_and_corrections_stay(db: Path) -> None:
    first = analysis()
    again = copy.deepcopy(first)
    again["alignment"].reverse()  # the same rows in another order: the same ids
    ids = row_ids(AID, "alignment", first["alignment"])
    assert sorted(ids) == sorted(row_ids(AID, "alignment", again["alignment"]))
    assert len(set(ids)) == 2
    assert row_ids("fedcba9876543210", "alignment", first["alignment"])[0] != ids[0]
    with Store(db) as st:
        st.add(first, text=TEXT)
        rid = drone_row(st)
        st.correct("procurements", rid, values={"recipient": "SRB"})
        st.delete(AID)
        assert st.read("procurements").empty
        st.add(again, text=TEXT)  # analysed again
        assert drone_row(st) == rid
        assert st.read("procurements").set_index("row_id").loc[rid]["recipient"] == "SRB"
        assert set(st.read("deals")["recipient"]) == {"SRB"}


def test_a_version_4_store_gets_row_ids(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Store(path, corpus=False) as st:
        assert st.version() == SCHEMA_VERSION
    with Store(path) as st:
        st.add(analysis(), text=TEXT)
        expected = sorted(st.read("procurements")["row_id"])
    # the same rows in a version 4 layout get the same ids from the migration
    old = tmp_path / "old4.sqlite"
    conn = sqlite3.connect(old, isolation_level=None)
    for script in MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 4")
    conn.execute(
        "INSERT INTO articles (id, title, language, words, text, added) VALUES (?,?,?,?,?,?)",
        (AID, "t", "en", 1, TEXT, "2022-04-10"),
    )
    for p in analysis()["procurements"]:
        conn.execute(
            "INSERT INTO procurements (article_id, system, category, supplier, recipient, status,"
            ' quantity, date, sentence, start, "end", family) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
            (AID, p["system"], p["category"], p["supplier"], p["recipient"], p["status"],
             p["quantity"], p["date"], p["sentence"], p["start"], p["end"], "x"),
        )  # fmt: skip
    conn.close()
    with Store(old) as st:
        assert sorted(st.read("procurements")["row_id"]) == expected


def test_the_review_queue_puts_conflicts_first_and_drops_settled_rows(db: Path) -> None:
    from analysis.review import queue

    follow = analysis("fedcba9876543210")
    follow["article"]["published"] = "2022-06-01"
    fk3 = follow["procurements"][1]
    fk3["quantity"] = 8  # another source disagrees on the number: a conflict
    follow["procurements"] = [fk3]
    follow["alignment"] = []
    with Store(db) as st:
        st.add(analysis(), text=TEXT)
        st.add(follow, text="Belgrade now says eight FK-3 launchers came from China in all.")
        items = queue(st)
        assert list(items["score"]) == sorted(items["score"], reverse=True)
        top = items.iloc[0]
        assert top["table"] == "procurements" and "FK-3" in top["label"]
        assert top["reasons"] == ["deal with conflicting reports"]
        drones = items[items["label"].str.startswith("uav")].iloc[0]
        assert drones["reasons"] == ["single-source deal"]
        assert len(items) == 5  # three procurement rows, two alignment rows
        st.correct("procurements", str(top["row_id"]), action="confirm")
        st.correct("procurements", str(drones["row_id"]), action="reject")
        left = queue(st)
        # the rejected drone report took its arms signal along (a correction of its own)
        assert len(left) == 2 and top["row_id"] not in set(left["row_id"])
