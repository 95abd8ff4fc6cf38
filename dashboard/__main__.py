"""Serve the dashboard: ``python -m dashboard [streamlit options]``.

The same server as ``streamlit run dashboard/app.py [options]``; the difference is the first
chart's wait. Streamlit runs the app only when a browser connects, so everything the first run
needs (pandas, the chart modules, the domain data, the first page's aggregates of the store)
would be paid after the browser has loaded the page. Here a background thread does that work
while the server starts and the browser is still loading the page's scripts; the first run
then finds the modules imported and the results in Streamlit's caches. The warming thread only
reads (never seeds an empty store or loads the language model) and gives up quietly on any
error: the app itself reports a broken store.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def _warm() -> None:
    try:
        from dashboard import warm

        warm.first_page()
    except Exception:  # warming is an optimisation: the app's own run reports any failure
        return


def main(argv: list[str] | None = None) -> int:
    from streamlit.web import cli  # before the thread: two threads must not import it at once

    from dashboard.warm import THREAD

    threading.Thread(target=_warm, name=THREAD, daemon=True).start()

    args = list(sys.argv[1:] if argv is None else argv)
    cli.main(["run", str(APP), *args], prog_name="streamlit")  # exits with the server's status
    return 0


if __name__ == "__main__":
    sys.exit(main())
