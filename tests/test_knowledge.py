"""The analyst's knowledge overlay (aliases, people, weapon systems) and rows added by hand:
checked like the shipped data, used by the next analysis in the same process, and kept when
stored articles are re-analysed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from analysis import ingest, knowledge, resources
from analysis.corrections import CorrectionError
from analysis.engine import analyse
from analysis.knowledge import KnowledgeError
from analysis.model import Article
from analysis.store import Store

ROOT = Path(__file__).resolve().parent.parent
# Synthetic: "Lakeland" is no name the shipped data knows.
TEXT = (
    "Lakeland signed a contract to buy the BrahMos missile from India last month, officials "
    "said on Tuesday. Milena Testova said Serbia ordered twelve Skyhawk-9 missiles in March."
)


@pytest.fixture
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "user"
    monkeypatch.setenv(resources.OVERLAY_ENV, str(folder))
    resources.reload()
    yield folder
    monkeypatch.undo()
    resources.reload()  # the other tests see the shipped data only


def article() -> Article:
    return Article(text=TEXT, title="Lakeland (illustrative)", published=dt.date(2023, 5, 10))


def recipients(nlp: Language) -> set[str | None]:
    return {p.recipient for p in analyse(nlp, article()).procurements}


def test_an_alias_is_used_by_the_next_analysis_in_the_same_process(
    nlp: Language, overlay: Path
) -> None:
    assert "VNM" not in recipients(nlp)
    path = knowledge.write(knowledge.alias_entry("actor", "VNM", "Lakeland"))
    assert path == overlay / "actors.v1.jsonl"
    assert "Lakeland" in resources.actors_by_id()["VNM"].aliases
    assert "Hanoi" in resources.actors_by_id()["VNM"].forms  # the shipped forms are kept
    assert "VNM" in recipients(nlp)


def test_an_overlay_written_by_another_process_is_noticed(nlp: Language, overlay: Path) -> None:
    assert "VNM" not in recipients(nlp)
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "knowledge", "add-alias", "--actor", "VNM",
         "--alias", "Lakeland", "--no-reanalyse"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, resources.OVERLAY_ENV: str(overlay)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "VNM" in recipients(nlp)


def test_a_new_person_and_weapon_system_are_recognised(nlp: Language, overlay: Path) -> None:
    before = analyse(nlp, article())
    assert not any(a.id == "P:milena-testova" for a in before.actors)
    assert not any(p.system == "Skyhawk-9" for p in before.procurements)
    knowledge.write(
        knowledge.person_entry("Milena Testova", actor="SRB", title="defence_minister", start=2022)
    )
    knowledge.write(
        knowledge.weapon_entry("Skyhawk-9", category="missile", origin="FRA", maker="Testworks")
    )
    after = analyse(nlp, article())
    person = next(a for a in after.actors if a.id == "P:milena-testova")
    assert person.country == "SRB"
    assert any(p.system == "Skyhawk-9" for p in after.procurements)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: knowledge.alias_entry("actor", "ATLANTIS", "Lakeland"), "unknown actor id"),
        (lambda: knowledge.alias_entry("actor", "VNM", "<b>Lakeland</b>"), "plain text"),
        (lambda: knowledge.alias_entry("actor", "VNM", "Belgrade"), "already names actor SRB"),
        (lambda: knowledge.alias_entry("weapon", "mig-29", "Lakeland"), "shares no word"),
        (lambda: knowledge.alias_entry("weapon", "no-such-gun", "X-1"), "unknown weapon"),
        (
            lambda: knowledge.person_entry(
                "A Person", actor="SRB", title="pm", start=2025, end=2020
            ),
            "ends (2020) before it starts",
        ),
        (
            lambda: knowledge.person_entry("A Person", actor="NOPE", title="pm", start=2020),
            "unknown actor id",
        ),
        (
            lambda: knowledge.person_entry("A Person", actor="SRB", title="<i>", start=2020),
            "title must be",
        ),
        (
            lambda: knowledge.weapon_entry(
                "Gun 1", category="laser", origin="SRB", maker="Zastava"
            ),
            "category must be one of",
        ),
        (
            lambda: knowledge.weapon_entry("MiG-29", category="missile", origin="RUS", maker="MiG"),
            "exists already",
        ),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_written(
    overlay: Path, make: object, message: str
) -> None:
    with pytest.raises(KnowledgeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        knowledge.write(make())  # type: ignore[operator]
    assert not overlay.exists()


def test_a_broken_overlay_is_reported_not_extended(overlay: Path) -> None:
    overlay.mkdir()
    (overlay / "actors.v1.jsonl").write_text('{"id": "VNM"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="overlay is broken"):
        knowledge.write(knowledge.alias_entry("actor", "VNM", "Lakeland"))
    assert (overlay / "actors.v1.jsonl").read_text(encoding="utf-8") == '{"id": "VNM"\n'


def test_affected_articles_are_reanalysed_keeping_corrections(
    nlp: Language, overlay: Path, db: Path
) -> None:
    other = Article(text="Serbia bought six MiG-29 fighters from Russia in 2019.", title="x")
    ingest.ingest_articles([("lake", article()), ("other", other)], db=db, nlp=nlp)
    with Store(db) as st:
        signal = st.read("alignment", articles=[article().id]).iloc[0]
        st.correct("alignment", str(signal["row_id"]), action="reject", note="wrong")
        start = TEXT.index("Milena")
        added = st.add_row(
            "procurements",
            article().id,
            start=start,
            end=len(TEXT),
            values={"category": "missile", "status": "planned", "recipient": "SRB"},
        )
    entry = knowledge.alias_entry("actor", "VNM", "Lakeland")
    knowledge.write(entry)
    with Store(db, readonly=True) as st:
        ids = knowledge.affected(st, entry.forms)
    assert ids == [article().id]
    assert knowledge.reanalyse_stored(db, ids, nlp) == 1
    with Store(db, readonly=True) as st:
        proc = st.read("procurements")
        assert "VNM" in set(proc["recipient"])
        assert proc.set_index("row_id").loc[added, "review"] == "add"
        assert signal["row_id"] not in set(st.read("alignment")["row_id"])
        assert "VNM" in set(st.read("deals")["recipient"])


def cli(*args: str, overlay: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, resources.OVERLAY_ENV: str(overlay)},
        timeout=300,
    )


def test_knowledge_cli_adds_reanalyses_and_refuses_bad_input(
    nlp: Language, overlay: Path, db: Path
) -> None:
    ingest.ingest_articles([("lake", article())], db=db, nlp=nlp)
    bad = cli("knowledge", "add-alias", "--db", str(db), "--actor", "VNM", "--alias",
              "<script>x</script>", overlay=overlay)  # fmt: skip
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert not overlay.exists()
    good = cli("knowledge", "add-alias", "--db", str(db), "--actor", "VNM", "--alias", "Lakeland",
               overlay=overlay)  # fmt: skip
    assert good.returncode == 0, good.stderr
    assert "re-analysed 1 stored article" in good.stdout
    with Store(db, readonly=True) as st:
        assert "VNM" in set(st.read("procurements")["recipient"])
    listed = cli("knowledge", "list", "--db", str(db), overlay=overlay)
    assert '"id": "VNM"' in listed.stdout and "Lakeland" in listed.stdout


def test_an_added_row_joins_deals_and_signals_and_survives_reanalysis(
    nlp: Language, overlay: Path, db: Path
) -> None:
    ingest.ingest_articles([("lake", article())], db=db, nlp=nlp)
    aid = article().id
    with Store(db) as st:
        deals_before = len(st.read("deals"))
        pid = st.add_row(
            "procurements",
            aid,
            start=0,
            end=TEXT.index(","),
            values={"category": "missile", "status": "ordered", "supplier": "RUS",
                    "recipient": "SRB", "quantity": "4"},
            reviewer="ana",
            note="second deal in the sentence",
        )  # fmt: skip
        sid = st.add_row(
            "alignment", aid, start=0, end=10,
            values={"subject": "SRB", "counterpart": "RUS", "type": "verbal_support"},
        )  # fmt: skip
        deals = st.read("deals")
        assert len(deals) == deals_before + 1
        assert ((deals["supplier"] == "RUS") & (deals["recipient"] == "SRB")).any()
        signal = st.read("alignment").set_index("row_id").loc[sid]
        assert (signal["direction"], signal["basis"], signal["review"]) == (1, "verbal", "add")
        st.correct("procurements", pid, values={"quantity": 5})
        assert st.read("procurements").set_index("row_id").loc[pid, "review"] == "add"
        history = st.read("corrections")
        assert list(history["action"]) == ["add", "add", "edit"]
    ingest.ingest_articles([("lake", article())], db=db, nlp=nlp, reanalyse=True)
    with Store(db) as st:
        row = st.read("procurements").set_index("row_id").loc[pid]
        assert (row["quantity"], row["supplier"], row["review"]) == (5, "RUS", "add")
        assert row["sentence"] == TEXT[: TEXT.index(",")]
        st.correct("alignment", sid, action="reject")
        assert sid not in set(st.read("alignment")["row_id"])
        signals = st.read("signals")
        assert not ((signals["subject"] == "SRB") & (signals["counterpart"] == "RUS")).any()


@pytest.mark.parametrize(
    ("table", "values", "span", "message"),
    [
        ("procurements", {"category": "missile"}, (0, 8), "status cannot be empty"),
        ("procurements", {"category": "missile", "status": "stolen"}, (0, 8), "status must be"),
        ("procurements", {"category": "missile", "status": "ordered", "quantity": -3}, (0, 8),
         "non-negative"),
        ("procurements", {"category": "missile", "status": "ordered", "supplier": "ATLANTIS"},
         (0, 8), "unknown actor id"),
        ("procurements", {"category": "missile", "status": "ordered"}, (5, 5000), "stretch"),
        ("alignment", {"subject": "SRB", "counterpart": "SRB", "type": "visit"}, (0, 8),
         "different"),
        ("alignment", {"subject": "SRB", "counterpart": "RUS", "type": "hug"}, (0, 8),
         "type must be"),
        ("deals", {"status": "ordered"}, (0, 8), "rows can be added"),
    ],
)  # fmt: skip
def test_bad_added_rows_change_nothing(
    nlp: Language, overlay: Path, db: Path, table: str, values: dict, span: tuple, message: str
) -> None:
    ingest.ingest_articles([("lake", article())], db=db, nlp=nlp)
    with Store(db) as st:
        before = st.generation()
        with pytest.raises(CorrectionError, match=message):
            st.add_row(table, article().id, start=span[0], end=span[1], values=values)
        assert st.generation() == before and st.read("corrections").empty


def test_a_broken_overlay_is_one_line_on_the_command_line(overlay: Path) -> None:
    overlay.mkdir()
    (overlay / "weapons.v1.jsonl").write_text("not json\n", encoding="utf-8")
    listed = cli("knowledge", "list", overlay=overlay)
    assert listed.returncode == 2, listed
    assert listed.stderr.count("\n") == 1 and "weapons.v1.jsonl:1" in listed.stderr
