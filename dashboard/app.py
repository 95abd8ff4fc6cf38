"""Alignment Monitor dashboard: page config, the shared sidebar filters, and navigation.

Run with ``make run`` (or ``streamlit run dashboard/app.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` from anywhere
    sys.path.insert(0, str(ROOT))

from analysis import resources  # noqa: E402
from analysis.resources import DataFileError  # noqa: E402
from dashboard import data, state, ui  # noqa: E402

st.set_page_config(page_title="Alignment Monitor", page_icon=":material/public:", layout="wide")

HERE = Path(__file__).resolve().parent
PAGES = [
    st.Page(
        HERE / "views" / "overview.py", title="Overview", icon=":material/dashboard:", default=True
    ),
    st.Page(HERE / "views" / "article.py", title="Article", icon=":material/article:"),
    st.Page(HERE / "views" / "timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page(
        HERE / "views" / "procurement.py", title="Procurement", icon=":material/flight_takeoff:"
    ),
    st.Page(HERE / "views" / "alignment.py", title="Alignment", icon=":material/balance:"),
    st.Page(HERE / "views" / "dyad.py", title="Dyad", icon=":material/compare_arrows:"),
    st.Page(HERE / "views" / "stance.py", title="Stance", icon=":material/record_voice_over:"),
    st.Page(HERE / "views" / "queue.py", title="Review queue", icon=":material/fact_check:"),
    st.Page(HERE / "views" / "knowledge.py", title="Knowledge", icon=":material/menu_book:"),
    st.Page(HERE / "views" / "add.py", title="Add articles", icon=":material/upload_file:"),
]

db = str(data.db_path())
try:
    data.ensure_seeded(db)
except Exception as exc:  # a broken store must not take the app down with a traceback
    st.error(f"The store at {db} cannot be opened: {exc}")
    st.stop()
version = data.stamp(db)
try:
    resources.refresh()  # an overlay entry written by another process since the last run
    resources.people(), resources.weapons()  # every overlay file must parse
    names = data.names(db, version)
except DataFileError as exc:  # a hand-edited overlay line that no longer parses
    st.error(f"The knowledge overlay cannot be read; fix or remove the line: {ui.md(exc)}")
    st.stop()
filters = state.sidebar(db, version)
st.session_state["am_context"] = ui.Context(db, version, filters, names)
st.navigation(PAGES).run()
