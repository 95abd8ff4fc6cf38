"""Small layout helpers shared by the pages: downloads, empty states, the page context, and the
display form of a table (human names, no "nan" or "None")."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.palette import human

# Uploads on the Add page: at most this many files and bytes at a time (each file is also held
# to analysis.loading.Limits.max_bytes and to server.maxUploadSize in .streamlit/config.toml).
UPLOAD_MAX_FILES = 20
UPLOAD_MAX_TOTAL = 40 * 2**20

# The columns each page shows of a table, in order (downloads carry every column).
COLUMNS: dict[str, list[str]] = {
    "actors": ["name", "type", "country", "mentions", "forms"],
    "events": ["date", "precision", "date_text", "type", "actors", "sentence"],
    "procurements": [
        "system",
        "category",
        "supplier",
        "recipient",
        "status",
        "quantity",
        "date",
        "sentence",
    ],
    "stance_cues": ["cue", "type", "speaker", "target", "polarity", "sentence"],
    "alignment": [
        "date",
        "subject",
        "counterpart",
        "direction",
        "type",
        "basis",
        "weight",
        "sentence",
    ],
    "deals": [
        "system",
        "category",
        "supplier",
        "recipient",
        "status",
        "sources",
        "conflicts",
        "evidence",
        "stage history",
        "quantity_ordered",
        "quantity_delivered",
        "order_year",
        "delivery_years",
        "n_reports",
        "first_reported",
        "last_reported",
    ],
    "signals": [
        "first",
        "subject",
        "counterpart",
        "type",
        "basis",
        "direction",
        "weight",
        "sources",
        "n_reports",
        "evidence",
    ],
}
# Columns holding codes from a vocabulary, shown by their human name.
CODE_COLUMNS = ("category", "status", "type", "basis", "precision", "label", "certainty")
ACTOR_COLUMNS = ("supplier", "recipient", "subject", "counterpart", "speaker", "target", "country")
HEADERS = {
    "quantity_ordered": "ordered",
    "quantity_delivered": "delivered",
    "order_year": "order year",
    "delivery_years": "delivery years",
    "n_reports": "reports",
    "first_reported": "first reported",
    "last_reported": "last reported",
    "date_text": "date as written",
    "article_id": "article",
}


@dataclass(frozen=True)
class Context:
    db: str
    version: str
    filters: data.Filters
    names: dict[str, str]

    def table(
        self, name: str, columns: tuple[str, ...] = (), match: data.Match = None
    ) -> pd.DataFrame:
        """Every matching row: only for selections known to be small."""
        return data.table(self.db, self.version, name, self.filters, columns, match)

    def page(
        self,
        name: str,
        number: int = 0,
        columns: tuple[str, ...] = (),
        match: data.Match = None,
        rows: int = data.PAGE_ROWS,
        newest: bool = False,
    ) -> pd.DataFrame:
        return data.page(
            self.db, self.version, name, self.filters, number, columns, match, rows, newest
        )

    def total(self, name: str, match: data.Match = None) -> int:
        return data.total(self.db, self.version, name, self.filters, match)

    def aggregate(
        self,
        name: str,
        by: tuple[str, ...],
        measures: tuple[data.Measure, ...],
        match: data.Match = None,
    ) -> pd.DataFrame:
        return data.aggregate(self.db, self.version, name, self.filters, by, measures, match)


def context() -> Context:
    ctx = st.session_state.get("am_context")
    if not isinstance(ctx, Context):
        db = str(data.db_path())
        version = data.stamp(db)
        ctx = Context(db, version, data.Filters(), data.names(db, version))
    return ctx


def csv_bytes(frames: Iterable[pd.DataFrame]) -> bytes:
    """CSV of every row of ``frames`` (lists and mappings as JSON text), one header."""
    parts: list[str] = []
    for frame in frames:
        flat = frame.copy()
        for col in flat.columns:
            if flat[col].map(lambda v: isinstance(v, list | dict)).any():
                flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False))
        parts.append(flat.to_csv(index=False, header=not parts))
    return "".join(parts).encode("utf-8")


def json_bytes(frames: Iterable[pd.DataFrame]) -> bytes:
    """A JSON array of every row of ``frames``."""
    parts: list[str] = []
    for frame in frames:
        if len(frame):
            text = frame.to_json(orient="records", force_ascii=False, indent=1)
            parts.append(text.strip()[1:-1].strip("\n"))
    return ("[\n" + ",\n".join(parts) + "\n]" if parts else "[]").encode()


def _download_buttons(
    csv: bytes | Callable[[], bytes], as_json: bytes | Callable[[], bytes], name: str, key: str
) -> None:
    row = st.container(horizontal=True)
    row.download_button(
        "Download CSV", csv, file_name=f"{name}.csv", mime="text/csv", key=f"{key}-csv"
    )
    row.download_button(
        "Download JSON",
        as_json,
        file_name=f"{name}.json",
        mime="application/json",
        key=f"{key}-json",
    )


def downloads(frame: pd.DataFrame, name: str, *, key: str) -> None:
    """CSV and JSON downloads of exactly the rows of ``frame`` (already read), built only when
    a button is clicked: a pair's deals carry every report, tens of megabytes as text, which
    would otherwise be written out and held on every run of the page."""
    _download_buttons(lambda: csv_bytes([frame]), lambda: json_bytes([frame]), name, key)


def query_downloads(
    ctx: Context,
    table: str,
    name: str,
    *,
    key: str,
    columns: tuple[str, ...] = (),
    match: data.Match = None,
) -> None:
    """CSV and JSON downloads of every row matching the page's filters, read from the store
    a chunk at a time only when a button is clicked."""
    filters = ctx.filters

    def frames() -> Iterable[pd.DataFrame]:
        return data.rows(ctx.db, table, filters, columns, match)

    _download_buttons(lambda: csv_bytes(frames()), lambda: json_bytes(frames()), name, key)


def paged(
    ctx: Context,
    table: str,
    *,
    key: str,
    shown: list[str],
    columns: tuple[str, ...] = (),
    match: data.Match = None,
    prepare: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    download: str | None = None,
    download_columns: tuple[str, ...] | None = None,
    rows: int = data.PAGE_ROWS,
) -> pd.DataFrame:
    """One page of the matching rows as a table, with the total and a page picker; the
    downloads hold every matching row (``download_columns``, else the page's ``columns``).
    Returns the rows of the page."""
    count = ctx.total(table, match)
    pages = max(1, math.ceil(count / rows))
    number = 0
    if pages > 1:
        chosen = st.session_state.get(f"{key}-page")
        if isinstance(chosen, int | float) and chosen > pages:  # fewer rows since last run
            st.session_state[f"{key}-page"] = pages
        number = (
            int(
                st.number_input(
                    f"Page (of {pages:,})", 1, pages, 1, step=1, key=f"{key}-page", width=160
                )
            )
            - 1
        )
    frame = ctx.page(table, number, columns, match, rows)
    first = number * rows
    st.caption(f"Rows {first + 1:,}–{first + len(frame):,} of {count:,}" if count else "No rows.")
    view = prepare(frame) if prepare else frame
    st.dataframe(display(view, ctx.names, shown), hide_index=True, key=key, width="stretch")
    query_downloads(
        ctx,
        table,
        download or table,
        key=f"{key}-dl",
        columns=columns if download_columns is None else download_columns,
        match=match,
    )
    return frame


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=^\"'])")


def md(text: object) -> str:
    """User text (file names, titles, sources, error messages that quote them) made literal for
    Streamlit's Markdown: every Markdown, directive and LaTeX character is backslash-escaped, so
    ``![x](https://…)`` stays text instead of fetching a remote image, and lines stay one."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def empty(message: str) -> None:
    st.info(message, icon=":material/info:")


def with_names(frame: pd.DataFrame, names: dict[str, str], *cols: str) -> pd.DataFrame:
    out = frame.copy()
    for col in cols:
        if col in out.columns:
            out[col] = out[col].map(lambda a: names.get(a, a) if isinstance(a, str) else a)
    return out


def missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def cell(value: Any, names: dict[str, str] | None = None) -> str:
    """One value as text for a table: lists joined, missing values empty."""
    if isinstance(value, list | tuple):
        return ", ".join(cell(v, names) for v in value)
    if missing(value):
        return ""
    if names and isinstance(value, str):
        return names.get(value, value)
    return str(value)


def _number_or_text(value: Any) -> str:
    if isinstance(value, float) and not math.isnan(value) and value.is_integer():
        return str(int(value))
    return cell(value)


def display(frame: pd.DataFrame, names: dict[str, str], cols: list[str]) -> pd.DataFrame:
    """The columns ``cols`` of ``frame`` as analysts read them: state names for codes, human
    names for vocabulary values, plain text for lists, nothing for a missing value."""
    out = pd.DataFrame(index=frame.index)
    for col in cols:
        if col not in frame.columns:
            continue
        series = frame[col]
        if col in ACTOR_COLUMNS or col == "actors":
            out[col] = series.map(lambda v: cell(v, names))
        elif col in CODE_COLUMNS:
            out[col] = series.map(lambda v: "" if missing(v) else human(v))
        elif series.dtype == object or series.isna().any():
            out[col] = series.map(_number_or_text)
        else:
            out[col] = series
    return out.rename(columns=lambda c: HEADERS.get(c, c))


def describe_conflicts(conflicts: list[dict[str, Any]], names: dict[str, str]) -> str:
    """Each disagreement spelled out: ``quantity: 24 / 30 (3 reports)``; ``reports`` of each
    is a list of report ids or their number."""
    parts = []
    for c in conflicts:
        values = " / ".join(
            cell(v, names) if c["field"] == "supplier" else cell(v) for v in c["values"]
        )
        field = {"quantity": "number ordered", "quantity_delivered": "number delivered"}.get(
            c["field"], c["field"]
        )
        if c["field"] == "status":
            values = " then ".join(human(v) for v in c["values"])
            field = "status went back"
        # the report ids, or only their number (the store's brief form)
        n = c["reports"] if isinstance(c["reports"], int) else len(c["reports"])
        parts.append(f"{field}: {values} ({n} reports)")
    return "; ".join(parts)


def describe_stages(stages: list[dict[str, Any]]) -> str:
    return " → ".join(f"{human(s['stage'])} {s['first'] or ''}".strip() for s in stages)
