"""The first run's work done ahead of it, while the server starts (``python -m dashboard``).

Streamlit runs the app only when a browser connects. Importing pandas and the chart modules and
reading the first page's aggregates would then all come after the browser has loaded the page;
done here, in a thread of the server process, they overlap the browser's own loading, and the
first run finds the modules imported and every result in Streamlit's caches (the same cached
functions with the same arguments). Only reads: an empty store is left for the app to seed.
"""

from __future__ import annotations

import logging
import threading
import time

THREAD = "am-warm"


class _QuietThread(logging.Filter):
    """Drops Streamlit's "missing ScriptRunContext" warnings of the warm-up thread (cached
    functions called outside a script run warn; here that is expected)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return threading.current_thread().name != THREAD


def _server_started(timeout: float = 60.0) -> bool:
    """Wait until Streamlit's runtime has started (its server is about to accept the browser):
    the caches live there; starting earlier would slow the server's own start, which the
    browser waits for; and Streamlit's imports are done by then, so importing pandas here
    cannot interleave with code that checks whether pandas is loaded."""
    from streamlit.runtime import Runtime, RuntimeState

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL:
            return True
        time.sleep(0.01)
    return False


def first_page() -> None:
    """Once the server runs: import what the first page uses and read what it reads."""
    if not _server_started():
        return
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        _QuietThread()
    )
    from dashboard import charts, data, state  # noqa: F401  (the modules the first run imports)

    read_first_page(str(data.db_path()))


def read_first_page(db: str) -> None:
    """Read what the app's first run reads: the sidebar's choices and the Overview, unfiltered
    (as a visitor without a shared link sees it). An empty or missing store is left alone:
    seeding loads the language model, which the app does with its spinner."""
    from pathlib import Path

    from analysis.store import Store
    from dashboard import data, overview, ui

    if not Path(db).exists():
        return
    with Store(Path(db), readonly=True) as store:
        if not store.count():
            return
    data.ensure_seeded(db)
    version = data.stamp(db)
    names = data.names(db, version)
    data.article_choices(db, version, "", ())
    data.article_count(db, version)
    overview.read_all(ui.Context(db, version, data.Filters(), names))
