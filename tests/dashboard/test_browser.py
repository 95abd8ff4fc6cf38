"""End to end in headless Chromium: start the real server, upload an article through the file
input, filter by its recipient, and check that the procurement charts name its systems, that the
network, the register download and the dyad view work.

Skipped when Chromium is missing, except with ``REQUIRE_BROWSER=1`` (CI), where it fails.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.screenshots import ARGS, CHROMIUM, free_port, start_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
ARTICLE = (
    "---\ntitle: Vietnam buys Indian missiles\npublished: 2023-05-10\n---\n"
    "Vietnam signed a contract to buy the BrahMos missile from India last month, officials "
    "said on Tuesday. Hanoi already operates Russian Su-30MK2 fighters.\n"
)


def _browser_or_skip() -> None:
    problem = None
    if not Path(CHROMIUM).exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError as exc:  # pragma: no cover - it is a pinned dev dependency
            problem = f"playwright is not installed ({exc})"
    if problem:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser test required but cannot run: {problem}")
        pytest.skip(problem)


@pytest.fixture
def server(seeded_store: Path, tmp_path: Path) -> Iterator[str]:
    _browser_or_skip()
    db = tmp_path / "store.sqlite"
    shutil.copy(seeded_store, db)
    port = free_port()
    proc = start_server(db, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.browser
def test_upload_filter_and_see_the_deal(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    article = tmp_path / "vietnam.md"
    article.write_text(ARTICLE, encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1400})
        page.set_default_timeout(120_000)
        # The same patience for assertions: the first upload loads the language model.
        expect.set_options(timeout=120_000)
        try:
            page.goto(f"{server}/add")
            page.locator('input[type="file"]').set_input_files(str(article))
            page.get_by_role("button", name="Analyse 1 article(s)").click()
            # the first analysis loads the language model in the server: seconds on a busy machine
            expect(page.get_by_text(re.compile(r"vietnam\.md: \d+ actors"))).to_be_visible(
                timeout=120_000
            )

            actors = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
            actors.click()
            page.keyboard.type("Vietnam")
            page.keyboard.press("Enter")
            page.keyboard.press("Escape")
            expect(actors).to_contain_text("Vietnam")
            page.get_by_role("link", name="Procurement").click()
            expect(page.get_by_role("heading", name="Arms procurement")).to_be_visible()
            assert "actor=VNM" in page.url

            network = page.locator(".js-plotly-plot").first
            expect(network).to_contain_text("Who arms whom")
            expect(network).to_contain_text("Vietnam")
            expect(network).to_contain_text("India")
            expect(network).to_contain_text("BrahMos")  # the edge label
            expect(network).not_to_contain_text("Serbia")
            by_year = page.locator(".js-plotly-plot", has_text="Deals by year")
            expect(by_year).to_contain_text("BrahMos (India → Vietnam)")
            table = page.locator('[data-testid="stDataFrame"] table').first
            expect(table).to_contain_text("BrahMos")
            expect(table).to_contain_text("Vietnam signed a contract to buy the BrahMos")
            page.screenshot(path=str(ARTIFACTS / "browser-procurement.png"), full_page=True)

            with page.expect_download() as download:
                page.get_by_role("button", name="Download register (CSV)").click()
            register = Path(download.value.path()).read_text(encoding="utf-8")
            header, *lines = register.strip().splitlines()
            assert header.startswith("Supplier,Recipient,Designation,Category,No. ordered")
            assert any(line.startswith("India,Vietnam,BrahMos,missile") for line in lines)

            page.goto(f"{server}/dyad?a=VNM&b=IND")
            expect(page.get_by_role("heading", name="Dyad")).to_be_visible()
            timeline = page.locator(".js-plotly-plot", has_text="Between them over time")
            expect(timeline).to_contain_text("BrahMos")
            page.get_by_text("Deals (1)").click()
            dyad_table = page.locator('[data-testid="stDataFrame"] table').first
            expect(dyad_table).to_contain_text("BrahMos")
            page.screenshot(path=str(ARTIFACTS / "browser-dyad.png"), full_page=True)
        finally:
            browser.close()
