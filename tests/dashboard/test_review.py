"""Review in place on the Procurement page: edits and rejections through AppTest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from analysis.store import Store
from tests.dashboard.conftest import APP


def procurement(at: AppTest | None = None, **params: list[str]) -> AppTest:
    if at is None:
        at = AppTest.from_file(APP, default_timeout=180)
        for key, values in params.items():
            at.query_params[key] = values
        at.run()
        at.switch_page("views/procurement.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def editor_rows(at: AppTest) -> Any:
    (editor,) = [d for d in at.data_editor if str(d.key).startswith("pr-review-")]
    return editor.value


def edit(
    at: AppTest, edits: dict[int, dict[str, Any]], note: str = "", who: str = "ana"
) -> AppTest:
    at.session_state["pr-review-0"] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    at.sidebar.text_input(key="am-reviewer").input(who)
    at.text_input(key="pr-review-note").input(note)
    at.button(key="pr-review-save").click()
    return procurement(at)


def network(at: AppTest) -> list[str]:
    import json

    spec = next(
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if json.loads(c.proto.spec)["layout"]["title"]["text"].startswith("Who arms whom")
    )
    return list(spec["data"][-1]["text"])


def test_the_editor_lists_effective_reports_with_read_only_evidence(app_db: Path) -> None:
    at = procurement(actor=["SRB"])
    rows = editor_rows(at)
    with Store(app_db, readonly=True) as st:
        stored = st.read("procurements", actors=["SRB"])
    assert sorted(rows["row_id"]) == sorted(stored["row_id"])
    assert {"decision", "supplier", "status", "quantity", "sentence"} <= set(rows.columns)
    (editor,) = [d for d in at.data_editor if d.key == "pr-review-0"]
    assert editor.editing_mode == "fixed"


def test_a_corrected_supplier_changes_deals_network_and_export(app_db: Path) -> None:
    at = procurement(actor=["SRB"])
    rows = editor_rows(at)
    with Store(app_db, readonly=True) as st:
        before = st.read("deals", actors=["SRB"])
        reports = st.read("procurements")
    # a report that is its deal's only one: its supplier is the deal's supplier
    sizes = reports.groupby(["recipient", "family"])["row_id"].transform("size")
    alone = set(reports[(sizes == 1) & (reports["supplier"] != "GBR")]["row_id"])
    pos = next(i for i, r in enumerate(rows["row_id"]) if r in alone)
    rid = rows.iloc[pos]["row_id"]
    assert "GBR" not in set(before["supplier"])
    at = edit(at, {pos: {"supplier": "GBR"}}, note="the article names the UK")
    assert not at.error, [e.value for e in at.error]
    assert any("Saved 1 reviewed row" in s.value for s in at.success)
    with Store(app_db, readonly=True) as st:
        history = st.read("corrections")
        (entry,) = history[history["table"] == "procurements"].to_dict("records")
        # the report's arms signals follow the new supplier
        follows = history[history["table"] == "alignment"]
        assert set(follows["note"]) <= {f"follows the correction of procurements row {rid}"}
        assert set(follows["new"]) <= {'"GBR"'}
        assert (entry["row_id"], entry["field"], entry["new"]) == (rid, "supplier", '"GBR"')
        assert (entry["reviewer"], entry["note"]) == ("ana", "the article names the UK")
        assert "GBR" in set(st.read("deals", actors=["SRB"])["supplier"])
    # the page shows the new supplier in the deals table and the network after the save
    deals = next(d.value for d in at.dataframe if "stage history" in d.value.columns)
    assert "United Kingdom" in set(deals["supplier"])
    assert "United Kingdom" in network(at)
    fresh = editor_rows(procurement(at))
    assert fresh[fresh["row_id"] == rid].iloc[0]["supplier"] == "GBR"


def test_a_rejected_report_disappears_but_stays_in_the_history(app_db: Path) -> None:
    at = procurement(actor=["SRB"])
    rows = editor_rows(at)
    rid = rows.iloc[0]["row_id"]
    at = edit(at, {0: {"decision": "reject"}})
    assert not at.error
    assert rid not in set(editor_rows(at)["row_id"])
    with Store(app_db, readonly=True) as st:
        assert rid not in set(st.read("procurements")["row_id"])
        corrections = st.read("corrections")
        assert set(corrections["action"]) == {"reject"}
        assert list(corrections[corrections["table"] == "procurements"]["row_id"]) == [rid]
        # its arms signals go with it, unless another report of the same words supports them
        follows = corrections[corrections["table"] == "alignment"]
        assert not set(follows["row_id"]) & set(st.read("alignment")["row_id"])
    history = next(d.value for d in at.dataframe if "action" in d.value.columns)
    assert list(history["row_id"]) == [rid]


def test_bad_edits_show_an_error_and_change_nothing(app_db: Path) -> None:
    at = procurement(actor=["SRB"])
    with Store(app_db, readonly=True) as st:
        generation = st.generation()
    for edits, note, message in [
        ({0: {"quantity": -3}}, "", "non-negative"),
        ({0: {"status": "stolen"}}, "", "status must be one of"),
        ({0: {"supplier": "ATLANTIS"}}, "", "unknown actor id"),
        ({0: {"quantity": 2}}, "<b>bold</b> claim", "plain text"),
    ]:
        at = edit(at, edits, note=note)
        shown = [e.value.replace("\\", "") for e in at.error]  # Markdown-escaped text
        assert any(message in text for text in shown), (message, shown)
        with Store(app_db, readonly=True) as st:
            assert st.read("corrections").empty and st.generation() == generation


def test_the_queue_settles_a_row_with_one_click(app_db: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("views/queue.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    confirms = [b for b in at.button if str(b.key).startswith("rq-confirm-")]
    rejects = [b for b in at.button if str(b.key).startswith("rq-reject-")]
    assert confirms and len(confirms) == len(rejects)
    first = str(confirms[0].key).removeprefix("rq-confirm-")
    second = str(rejects[1].key).removeprefix("rq-reject-")
    at.sidebar.text_input(key="am-reviewer").input("ana")
    confirms[0].click()
    at.run()
    assert not at.exception and not at.error
    keys = {str(b.key) for b in at.button}
    assert f"rq-confirm-{first}" not in keys
    at.button(key=f"rq-reject-{second}").click()
    at.run()
    with Store(app_db, readonly=True) as st:
        history = st.read("corrections")
        settled = history[~history["note"].fillna("").str.startswith("follows the correction")]
        assert list(zip(settled["row_id"], settled["action"], strict=True)) == [
            (first, "confirm"),
            (second, "reject"),
        ]
        assert set(history["reviewer"]) == {"ana"}
        rows = set(st.read("procurements")["row_id"]) | set(st.read("alignment")["row_id"])
        assert first in rows and second not in rows


def test_an_alignment_report_can_be_corrected_on_the_alignment_page(app_db: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("views/alignment.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    (editor,) = [d for d in at.data_editor if str(d.key).startswith("al-review-")]
    rows = editor.value
    pos = next(i for i, d in enumerate(rows["direction"]) if d == 1)
    rid = rows.iloc[pos]["row_id"]
    at.session_state["al-review-0"] = {
        "edited_rows": {pos: {"direction": -1}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="al-review-save").click()
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    with Store(app_db, readonly=True) as st:
        row = st.read("alignment").set_index("row_id").loc[rid]
        assert row["direction"] == -1 and row["corrected"] == ["direction"]
        signals = st.read("signals", actors=[row["subject"]])
    mine = signals[
        (signals["subject"] == row["subject"]) & (signals["counterpart"] == row["counterpart"])
    ]
    assert (mine["direction"] == -1).any()
    # a direction outside 1 / -1 is refused with an error box
    at.session_state["al-review-1"] = {
        "edited_rows": {0: {"direction": 3}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="al-review-save").click()
    at.run()
    assert any("direction must be one of" in e.value.replace("\\", "") for e in at.error)
