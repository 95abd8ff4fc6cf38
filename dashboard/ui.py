"""Small layout helpers shared by the pages: downloads, empty states, the page context."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import data

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
}


@dataclass(frozen=True)
class Context:
    db: str
    version: str
    filters: data.Filters
    names: dict[str, str]

    def table(self, name: str) -> pd.DataFrame:
        return data.table(self.db, self.version, name, self.filters)


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
