"""The Knowledge page and "add a missed row" through AppTest: good entries are written and used,
bad ones show an error box and write nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import resources
from analysis.store import Store
from tests.dashboard.conftest import APP


@pytest.fixture
def overlay(app_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = app_db.parent / "user"
    monkeypatch.setenv(resources.OVERLAY_ENV, str(folder))
    resources.reload()
    yield folder
    monkeypatch.undo()
    resources.reload()


def page(path: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception, [(e.message, list(e.proto.stack_trace)) for e in at.exception]
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value.replace("\\", "") for e in at.error]


def test_an_alias_from_the_page_reanalyses_the_articles_that_use_it(
    app_db: Path, overlay: Path
) -> None:
    with Store(app_db, readonly=True) as st:
        text = st.conn.execute("SELECT text FROM articles WHERE instr(text, 'Belgrade')").fetchone()
    assert text, "a sample article mentions Belgrade"
    at = page("views/knowledge.py")
    at.selectbox(key="kn-alias-actor").set_value("SRB")
    # markup and an alias that already names another actor: an error, nothing written
    for bad, message in [("<b>Serbia</b>", "plain text"), ("Moscow", "already names actor RUS")]:
        at.text_input(key="kn-alias-text").input(bad)
        at.button(key="kn-alias-add").click()
        at.run()
        assert any(message in e for e in errors(at)), errors(at)
        assert not overlay.exists()
    at.text_input(key="kn-alias-text").input("Srbija")
    at.button(key="kn-alias-add").click()
    at.run()
    assert not at.exception and not at.error, errors(at)
    assert any("Added alias" in s.value.replace("\\", "") for s in at.success)
    line = json.loads((overlay / "actors.v1.jsonl").read_text(encoding="utf-8"))
    assert (line["id"], line["aliases"]) == ("SRB", ["Srbija"])
    assert "Srbija" in resources.actors_by_id()["SRB"].aliases


def test_a_person_with_a_bad_role_is_refused(app_db: Path, overlay: Path) -> None:
    at = page("views/knowledge.py")
    at.text_input(key="kn-person-name").input("Milena Testova")
    at.selectbox(key="kn-person-actor").set_value("SRB")
    at.text_input(key="kn-person-start").input("2024")
    at.text_input(key="kn-person-end").input("2020")
    at.button(key="kn-person-add").click()
    at.run()
    assert any("ends (2020) before it starts (2024)" in e for e in errors(at)), errors(at)
    assert not overlay.exists()
    at.text_input(key="kn-person-end").input("")
    at.button(key="kn-person-add").click()
    at.run()
    assert not at.error, errors(at)
    assert resources.people_by_id()["P:milena-testova"].acts_for(2025) == "SRB"


def test_a_missed_row_is_added_from_a_sentence_and_marked(app_db: Path, overlay: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=240)
    at.query_params["actor"] = ["SRB"]
    at.run()
    at.switch_page("views/procurement.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    aid = at.selectbox(key="pr-add-article").value
    sentence = at.selectbox(key=f"pr-add-sentence-{aid}")
    sentence.set_value(sentence.options and sentence.value)
    at.selectbox(key="pr-add-category").set_value("missile")
    at.selectbox(key="pr-add-status").set_value("ordered")
    at.selectbox(key="pr-add-supplier").set_value("IND")
    at.selectbox(key="pr-add-recipient").set_value("SRB")
    at.text_input(key="pr-add-quantity").input("-4")
    at.button(key="pr-add-submit").click()
    at.run()
    assert any("non-negative" in e for e in errors(at)), errors(at)
    with Store(app_db, readonly=True) as st:
        assert st.read("corrections").empty
    at.text_input(key="pr-add-quantity").input("4")
    at.text_input(key="pr-add-note").input("<i>missed</i> by the rules")
    at.button(key="pr-add-submit").click()
    at.run()
    assert any("plain text" in e for e in errors(at)), errors(at)
    at.text_input(key="pr-add-note").input("missed by the rules")
    at.button(key="pr-add-submit").click()
    at.run()
    assert not at.exception and not at.error, errors(at)
    with Store(app_db, readonly=True) as st:
        (entry,) = st.read("corrections").to_dict("records")
        assert entry["action"] == "add" and entry["note"] == "missed by the rules"
        row = st.read("procurements").set_index("row_id").loc[entry["row_id"]]
        assert (row["supplier"], row["recipient"], row["quantity"]) == ("IND", "SRB", 4)
        deals = st.read("deals", actors=["SRB"])
    assert ((deals["supplier"] == "IND") & (deals["category"] == "missile")).any()
    (editor,) = [d for d in at.data_editor if str(d.key).startswith("pr-review-")]
    shown = editor.value.set_index("row_id")
    assert shown.loc[entry["row_id"], "review"] == "add"


def test_an_event_type_is_corrected_on_the_timeline_and_actors_on_the_article_page(
    app_db: Path, overlay: Path
) -> None:
    at = page("views/timeline.py")
    (editor,) = [d for d in at.data_editor if str(d.key).startswith("tl-review-")]
    rows = editor.value
    pos = next(i for i, t in enumerate(rows["type"]) if t != "exercise")
    rid = rows.iloc[pos]["row_id"]
    at.session_state["tl-review-0"] = {
        "edited_rows": {pos: {"type": "exercise"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="tl-review-save").click()
    at.run()
    assert not at.exception and not at.error, errors(at)
    with Store(app_db, readonly=True) as st:
        assert st.read("events").set_index("row_id").loc[rid, "type"] == "exercise"
    at.session_state["tl-review-1"] = {
        "edited_rows": {pos: {"type": "coronation"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="tl-review-save").click()
    at.run()
    assert any("type must be one of" in e for e in errors(at)), errors(at)
    article = page("views/article.py")
    editors = [str(d.key) for d in article.data_editor]
    assert any(k.startswith("art-review-actors-") for k in editors), editors
    assert any(k.startswith("art-review-events-") for k in editors), editors


def test_a_broken_overlay_shows_an_error_box_not_a_traceback(app_db: Path, overlay: Path) -> None:
    overlay.mkdir()
    (overlay / "people.v1.jsonl").write_text('{"id": "P:x", "name": 3}\n', encoding="utf-8")
    resources.reload()
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("knowledge overlay cannot be read" in e for e in errors(at)), errors(at)
