"""Small layout helpers shared by the pages: downloads, empty states, the page context, and the
display form of a table (human names, no "nan" or "None")."""

from __future__ import annotations

import json
import math
import re
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

    def table(self, name: str, columns: tuple[str, ...] = ()) -> pd.DataFrame:
        return data.table(self.db, self.version, name, self.filters, columns)


def context() -> Context:
    ctx = st.session_state.get("am_context")
    if not isinstance(ctx, Context):
        db = str(data.db_path())
        version = data.stamp(db)
        ctx = Context(db, version, data.Filters(), data.names(db, version))
    return ctx


def downloads(frame: pd.DataFrame, name: str, *, key: str) -> None:
    """CSV and JSON downloads of exactly the rows shown."""
    flat = frame.copy()
    for col in flat.columns:
        if flat[col].map(lambda v: isinstance(v, list | dict)).any():
            flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False))
    row = st.container(horizontal=True)
    row.download_button(
        "Download CSV",
        flat.to_csv(index=False).encode("utf-8"),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}-csv",
    )
    row.download_button(
        "Download JSON",
        frame.to_json(orient="records", force_ascii=False, indent=1).encode(),
        file_name=f"{name}.json",
        mime="application/json",
        key=f"{key}-json",
    )


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
    """Each disagreement spelled out: ``quantity: 24 / 30 (3 reports)``."""
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
        parts.append(f"{field}: {values} ({len(c['reports'])} reports)")
    return "; ".join(parts)


def describe_stages(stages: list[dict[str, Any]]) -> str:
    return " → ".join(f"{human(s['stage'])} {s['first'] or ''}".strip() for s in stages)
