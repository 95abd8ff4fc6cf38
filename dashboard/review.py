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
from analysis.constants import BASES, CATEGORIES, EVENT_TYPES, STATUSES
from analysis.corrections import ADDABLE, FIELDS, CorrectionError
from analysis.review import sentences
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
SHOWN["events"] = ["decision", *ui.COLUMNS["events"], *_EXTRA]
SHOWN["actors"] = ["decision", "actor", *ui.COLUMNS["actors"], *_EXTRA]


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
    if table == "events":
        config["type"] = col.SelectboxColumn("type", options=list(EVENT_TYPES), required=True)
    if table in ("events", "actors"):
        for name in ("actors", "forms"):
            config[name] = col.ListColumn(name)
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


def editor(
    ctx: ui.Context,
    table: str,
    *,
    key: str,
    rows: pd.DataFrame | None = None,
    who: str | None = None,
) -> None:
    """The editable table of ``table``'s rows (default: a page of them under the page's
    filters), with a Save button; only the correctable fields and the decision can be edited.
    ``who``: the reviewer, when the page already drew the sidebar's field (two editors on one
    page)."""
    if rows is None:
        rows = ctx.page(table, rows=EDIT_ROWS)
        count = ctx.total(table) if not rows.empty else 0
        if count > len(rows):
            st.caption(
                f"The first {len(rows):,} of {count:,} rows; narrow the filters to review others."
            )
    if rows.empty:
        return
    who = reviewer() if who is None else who
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
        disabled=[c for c in SHOWN[table] if c != "decision" and c not in FIELDS[table]],
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
            corrections[["at", "reviewer", "action", "field", "note", "old", "new", "row_id"]],
            hide_index=True,
            key=key,
            width="stretch",
        )


def _add_fields(table: str, actors: list[str], names: dict[str, str], key: str) -> dict[str, Any]:
    """The inputs of a new row (inside the add form); empty choices stay ``None``."""
    label = {a: f"{names.get(a, a)} ({a})" for a in actors}
    pick = [None, *actors]

    def actor(name: str, column: Any) -> Any:
        return column.selectbox(
            name, pick, key=f"{key}-{name}", format_func=lambda a: "—" if a is None else label[a]
        )

    values: dict[str, Any] = {}
    if table == "procurements":
        c1, c2, c3 = st.columns(3)
        values["system"] = c1.text_input("system (designation)", key=f"{key}-system")
        values["category"] = c2.selectbox("category", CATEGORIES, key=f"{key}-category")
        values["status"] = c3.selectbox("status", STATUSES, key=f"{key}-status")
        c4, c5, c6, c7 = st.columns(4)
        values["supplier"] = actor("supplier", c4)
        values["recipient"] = actor("recipient", c5)
        values["quantity"] = c6.text_input("quantity", key=f"{key}-quantity")
        values["date"] = c7.text_input("date (YYYY[-MM[-DD]])", key=f"{key}-date")
        return values
    rules = resources.signal_rules()
    c1, c2, c3, c4 = st.columns(4)
    values["subject"] = actor("subject", c1)
    values["counterpart"] = actor("counterpart", c2)
    values["type"] = c3.selectbox("type", list(rules), key=f"{key}-type")
    values["date"] = c4.text_input("date (YYYY[-MM[-DD]])", key=f"{key}-date")
    return values


def add_form(ctx: ui.Context, table: str, *, key: str) -> None:
    """ "Add a missed row": pick an article of the current filters and one of its sentences,
    enter the row; it is recorded as an ``add`` correction and marked as added everywhere."""
    if ctx.filters.articles:
        titles = data.article_titles(ctx.db, ctx.version, tuple(ctx.filters.articles))
    else:
        titles = data.article_choices(ctx.db, ctx.version)  # the newest hundred
    if not titles or table not in ADDABLE:
        return
    # The editor above draws the sidebar's reviewer field unless it had no rows to show.
    empty = ctx.total(table) == 0
    who = reviewer() if empty else str(st.session_state.get("am-reviewer") or "")
    done = st.session_state.pop(f"{key}-done", None)
    if done:
        st.success(done)
    with st.expander("Add a missed row", expanded=bool(st.session_state.get(f"{key}-open"))):
        aid = st.selectbox(
            "Article", list(titles), key=f"{key}-article", format_func=lambda a: titles[a]
        )
        text = data.article_text(ctx.db, ctx.version, str(aid))
        spans = sentences(text)
        with st.form(f"{key}-form"):
            span = st.selectbox(
                "Evidence: the sentence it comes from",
                spans,
                key=f"{key}-sentence-{aid}",
                format_func=lambda s: text[s[0] : s[1]],
            )
            values = _add_fields(table, actor_ids(ctx.db, ctx.version), ctx.names, key)
            note = st.text_input("Note (plain text)", key=f"{key}-note")
            submitted = st.form_submit_button("Add row", type="primary", key=f"{key}-submit")
        if not submitted or span is None:
            return
        st.session_state[f"{key}-open"] = True
        try:
            with Store(Path(ctx.db)) as st_:
                st_.add_row(
                    table,
                    str(aid),
                    start=int(span[0]),
                    end=int(span[1]),
                    values={k: v for k, v in values.items() if v not in (None, "")},
                    note=note,
                    reviewer=who.strip(),
                )
        except CorrectionError as exc:
            st.error(ui.md(exc), icon=":material/error:")
            return
        st.session_state[f"{key}-done"] = "Added the row; it is marked “add” in last review."
        st.rerun()
