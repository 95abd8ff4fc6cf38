"""Dashboard timings measured in headless Chromium (part of ``make bench``).

- Server start to the first rendered chart, on a store of N articles (no model needed: the
  model loads only when something must be analysed) and on an empty store (first start: the
  model loads and the sample articles are analysed before the first chart).
- Re-render after an actor filter change, typed into the sidebar, until the page is idle again.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from scripts.screenshots import ARGS, CHROMIUM, free_port, start_server


def _idle(page, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the current run."""
    deadline = time.time() + timeout
    time.sleep(0.05)
    while time.time() < deadline:
        if page.locator('[data-testid="stStatusWidget"]').count() == 0:
            return
        time.sleep(0.02)
    raise TimeoutError("the app did not become idle")


def first_chart(db: Path, browser) -> float:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    port = free_port()
    t0 = time.perf_counter()
    server = start_server(db, port)
    try:
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=180_000)
        return time.perf_counter() - t0
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=20)


MARKERS = {"": '[data-testid="stMetricValue"]', "procurement": '[data-testid="stMetricValue"]'}


def filter_rerender(db: Path, browser, path: str, actors: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    """Type an actor into the filter; time until the page's summary line shows the new
    selection and the charts are drawn."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    port = free_port()
    server = start_server(db, port)
    times = []
    try:
        page.goto(f"http://127.0.0.1:{port}/{path}")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=180_000)
        _idle(page)
        box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
        marker = MARKERS[path]
        for name in actors:
            before = page.locator(marker).first.inner_text()
            box.click()
            page.keyboard.type(name)
            t0 = time.perf_counter()
            page.keyboard.press("Enter")
            page.wait_for_function(
                "([sel, before]) => { const el = document.querySelector(sel);"
                " return el && el.innerText !== before; }",
                arg=[marker, before],
                timeout=60_000,
                polling=10,
            )
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            _idle(page)
            times.append(time.perf_counter() - t0)
            # Start the next round from an unfiltered page (not timed).
            page.goto(f"http://127.0.0.1:{port}/{path}")
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=180_000)
            _idle(page)
            box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=20)
    return times


def bench_browser(db: Path, n_articles: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            starts = [first_chart(db, browser) for _ in range(3)]
            warm = statistics.median(starts)
            with tempfile.TemporaryDirectory() as tmp:
                cold = first_chart(Path(tmp) / "empty.sqlite", browser)
            overview = filter_rerender(db, browser, "", ["Serbia", "India", "Turkey"])
            procurement = filter_rerender(db, browser, "procurement", ["Serbia", "Egypt"])
        finally:
            browser.close()
    print("\n5. Dashboard in headless Chromium")
    print(
        f"   server start -> first chart, {n_articles} stored articles  {warm:6.2f} s   "
        f"(median of {', '.join(f'{s:.2f}' for s in starts)}; target <= 5 s)"
    )
    print(f"   server start -> first chart, empty store (model load, seeding)  {cold:6.2f} s")
    every = overview + procurement
    print(
        f"   actor filter change -> re-rendered, {n_articles} articles: median "
        f"{statistics.median(every):.2f} s, max {max(every):.2f} s over {len(every)} changes "
        "(Overview and Procurement)   (target <= 1 s)"
    )
    print(
        f"     Overview {', '.join(f'{t:.2f}' for t in overview)} s; "
        f"Procurement {', '.join(f'{t:.2f}' for t in procurement)} s"
    )
    return {
        "first_chart_s": warm,
        "cold_first_chart_s": cold,
        "rerender_s": statistics.median(every),
    }


if __name__ == "__main__":
    import sys

    with sqlite3.connect(sys.argv[1]) as conn:
        count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    bench_browser(Path(sys.argv[1]), count)
