"""Screenshots of every dashboard page from the running app, for the README (``docs/``).

Starts the real server on a free port against a store seeded with the sample articles, opens
each page in headless Chromium and saves a PNG.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PAGES = [
    ("overview", ""),
    ("article", "article"),
    ("timeline", "timeline"),
    ("procurement", "procurement"),
    ("alignment", "alignment"),
    ("dyad", "dyad"),
    ("stance", "stance"),
    ("queue", "queue"),
    ("knowledge", "knowledge"),
    ("add", "add"),
]


QUERIES = {
    "procurement": "?actor=SRB",
    "alignment": "?actor=SRB",
    "timeline": "?actor=SRB",
    "dyad": "?a=SRB&b=RUS",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ALIGNMENT_DB": str(db)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dashboard",  # `make run`'s server: `streamlit run dashboard/app.py` plus the warm-up
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the dashboard did not start within 60 s")


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = start_server(Path(tmp) / "store.sqlite", port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for name, path in PAGES:
                    # The app scrolls inside its own container: a long page needs a tall window.
                    height = 3300 if name == "procurement" else 1800
                    page = browser.new_page(viewport={"width": 1440, "height": height})
                    query = QUERIES.get(name, "")
                    page.goto(f"http://127.0.0.1:{port}/{path}{query}")
                    page.wait_for_selector("h1", timeout=120_000)
                    if name not in ("add",):
                        with contextlib.suppress(Exception):
                            page.wait_for_selector(".js-plotly-plot, .am-article", timeout=30_000)
                    time.sleep(2.0)
                    page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                    page.close()
                    print(f"wrote docs/screenshots/{name}.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
