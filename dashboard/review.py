"""Review in place: an editable table of extracted rows whose edits, confirmations and
rejections are recorded as analysts' corrections (``Store.correct``). Evidence is read-only;
column choices come from the contract's vocabularies; a bad value shows an error box and
changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from analysis import resources
from analysis.constants import BASES, CATEGORIES, STATUSES
from analysis.corrections import FIELDS, CorrectionError
from analysis.store import Store
from dashboard import data, ui

DECISIONS = ("confirm", "reject")
EDIT_ROWS = 200  # rows in one editor: the filters pick which
READ_ONLY = ("row_id", "review", "corrected", "sentence")
# The columns each page already shows, framed by the review controls and markers.
_EXTRA = ("review", "corrected", "row_id")
SHOWN = {
    table: ["decision", *(c for c in ui.COLUMNS[table] if c not in ("type",)), *_EXTRA]
    for table in ("procurements", "alignment")
}


def reviewer() -> str:
    """The reviewer's name, set once in the sidebar."""
    return str(
        st.sidebar.text_input(
            "Reviewer",
            key="am-reviewer",
            max_chars=80,
            help="Your name, recorded with each correction you make.",
        )
    ).strip()


def actor_ids(db: str, version: str) -> list[str]:
    known = set(data.actor_index(db, version)["actor"]) | set(resources.actors_by_id())
    return sorted(known)


def _columns(table: str, actors: list[str]) -> dict[str, Any]:
    col = st.column_config
    config: dict[str, Any] = {
        "decision": col.SelectboxColumn(
            "decision", options=list(DECISIONS), help="confirm the row as it is, or reject it"
        ),
        "sentence": col.TextColumn("evidence", disabled=True),
        "review": col.TextColumn("last review", disabled=True),
        "corrected": col.ListColumn("corrected fields"),
        "row_id": col.TextColumn("row id", disabled=True),
        "date": col.TextColumn("date", validate=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    }
    for name, kind in FIELDS[table].items():
        if kind in ("actor", "actor!"):
            config[name] = col.SelectboxColumn(name, options=actors, required=kind == "actor!")
        elif kind == "count":
            config[name] = col.NumberColumn(name, min_value=0, step=1, format="%d")
        elif kind == "weight":
            config[name] = col.NumberColumn(name, min_value=0.01, step=0.1)
        elif kind == "sign":
            config[name] = col.SelectboxColumn(name, options=[1, -1], required=True)
    config["category"] = col.SelectboxColumn("category", options=list(CATEGORIES), required=True)
    config["status"] = col.SelectboxColumn("status", options=list(STATUSES), required=True)
    config["basis"] = col.SelectboxColumn("basis", options=list(BASES), required=True)
    return config


def apply_edits(
    db: str,
    table: str,
    shown: pd.DataFrame,
    edited: dict[Any, dict[str, Any]],
    *,
    reviewer: str,
    note: str,
) -> tuple[int, list[str]]:
    """Record the editor's changes, one row at a time; (rows saved, error messages)."""
    saved = 0
    errors: list[str] = []
    with Store(Path(db)) as st_:
        for pos, changes in sorted(edited.items(), key=lambda kv: int(kv[0])):
            row = shown.iloc[int(pos)]
            decision = changes.get("decision")
            values = {k: v for k, v in changes.items() if k in FIELDS[table]}
            try:
                if decision == "reject":
                    st_.correct(table, row["row_id"], action="reject", reviewer=reviewer, note=note)
                elif values:
                    st_.correct(table, row["row_id"], values=values, reviewer=reviewer, note=note)
                elif decision == "confirm":
                    st_.correct(
                        table, row["row_id"], action="confirm", reviewer=reviewer, note=note
                    )
                else:
                    continue
                saved += 1
            except CorrectionError as exc:
                errors.append(f"Row {int(pos) + 1}: {exc}")
    return saved, errors


def editor(ctx: ui.Context, table: str, *, key: str) -> None:
    """The editable table of ``table``'s rows under the page's filters, with a Save button."""
    rows = ctx.page(table, rows=EDIT_ROWS)
    if rows.empty:
        return
    count = ctx.total(table)
    if count > len(rows):
        st.caption(
            f"The first {len(rows):,} of {count:,} rows; narrow the filters to review others."
        )
    who = reviewer()
    round_ = int(st.session_state.get(f"{key}-round", 0))
    shown = rows.assign(decision=None)[SHOWN[table]].reset_index(drop=True)
    done = st.session_state.pop(f"{key}-done", None)
    if done:
        st.success(done)
    st.data_editor(
        shown,
        key=f"{key}-{round_}",
        hide_index=True,
        num_rows="fixed",
        column_config=_columns(table, actor_ids(ctx.db, ctx.version)),
        disabled=list(READ_ONLY),
        width="stretch",
    )
    note = st.text_input("Note (plain text, kept with the corrections)", key=f"{key}-note")
    if not st.button("Save review", key=f"{key}-save", type="primary"):
        return
    state = st.session_state.get(f"{key}-{round_}") or {}
    edited = dict(state.get("edited_rows") or {})
    if not edited:
        st.info("Nothing to save: edit a cell, or pick confirm or reject in a row's decision.")
        return
    saved, errors = apply_edits(ctx.db, table, shown, edited, reviewer=who, note=note)
    for message in errors:
        st.error(ui.md(message))
    if saved and not errors:
        st.session_state[f"{key}-round"] = round_ + 1  # a fresh editor over the new values
        st.session_state[f"{key}-done"] = f"Saved {saved} reviewed row{'s' if saved > 1 else ''}."
        st.rerun()
    elif saved:
        st.warning(f"Saved {saved} row{'s' if saved > 1 else ''}; fix the others and save again.")


def history(ctx: ui.Context, table: str, *, key: str) -> None:
    """The review history of the rows shown (notes as plain text)."""
    corrections = ctx.table("corrections")
    corrections = corrections[corrections["table"] == table]
    with st.expander(f"Review history ({len(corrections)})"):
        st.dataframe(
            corrections[["at", "reviewer", "action", "field", "old", "new", "note", "row_id"]],
            hide_index=True,
            key=key,
            width="stretch",
        )
