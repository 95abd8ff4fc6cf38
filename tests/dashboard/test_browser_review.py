"""Review in headless Chromium on the real server: correct a wrong supplier in the Procurement
page's editor and see the network, the deal table, its CSV export and the alignment balance
change; re-analyse the article and find the correction kept; reject a report and see it gone
from everything but the review history; bad edits get an error box and change nothing. And an
alias added on the Knowledge page is used for the stored articles that mention it and for the
next upload.

Skipped when Chromium is missing, except with ``REQUIRE_BROWSER=1`` (CI), where it fails.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analysis import resources
from analysis.store import Store
from scripts.screenshots import ARGS, CHROMIUM, free_port, start_server
from tests.dashboard.test_browser import ARTIFACTS, _browser_or_skip

ROOT = Path(__file__).resolve().parents[2]
# Synthetic, written for this test: "Lakeland" is a name the shipped data does not know.
LAKELAND = (
    "---\ntitle: Lakeland buys Indian missiles (illustrative sample)\npublished: 2023-05-10\n"
    "---\nLakeland signed a contract to buy the BrahMos missile from India last month, "
    "officials said on Tuesday.\n"
)
LAKELAND_AGAIN = (
    "---\ntitle: Lakeland orders Russian jets (illustrative sample)\npublished: 2023-06-02\n"
    "---\nLakeland ordered twelve Su-30 fighters from Russia, the defence ministry said.\n"
)
NEW_SUPPLIER, NEW_SUPPLIER_NAME = "ISR", "Israel"


@pytest.fixture
def server(
    seeded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Path]]:
    _browser_or_skip()
    db = tmp_path / "store.sqlite"
    shutil.copy(seeded_store, db)
    monkeypatch.setenv(resources.OVERLAY_ENV, str(tmp_path / "user"))
    port = free_port()
    proc = start_server(db, port)
    try:
        yield f"http://127.0.0.1:{port}", db
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        monkeypatch.undo()
        resources.reload()


def editor(page: Any) -> Any:
    grid = page.locator('[data-testid="stDataFrame"]', has=page.locator("th", has_text="decision"))
    return grid.first


def edit_cell(page: Any, row: int, col: int, value: str) -> None:
    """Open cell (row, col) of the review editor with the keyboard and pick ``value``, once the
    page's script run has finished (an edit made while a run is still drawing the page is lost
    with the grid that run replaces, as an analyst's would be). A busy browser can drop a key
    press while the grid redraws: the whole gesture is then repeated from the first cell (at
    most three times), and the option must still be found and picked."""
    option = page.get_by_role("option", name=value, exact=True)
    for attempt in range(3):
        idle(page)
        grid = editor(page)
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 30, box["y"] + 35 + 17)  # the first cell under the header
        page.wait_for_timeout(300)
        for _ in range(col):
            page.keyboard.press("ArrowRight")
        for _ in range(row):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        page.keyboard.type(value)
        try:
            option.wait_for(timeout=20_000 if attempt < 2 else 120_000)
        except Exception:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            continue
        option.click()
        return


def column(name: str) -> int:
    from dashboard.review import SHOWN

    return SHOWN["procurements"].index(name)


def editor_rows(db: Path) -> list[dict[str, Any]]:
    """The rows of the Procurement page's editor under ``?actor=SRB``, in its order."""
    with Store(db, readonly=True) as st:
        return list(st.read("procurements", actors=["SRB"]).to_dict("records"))


def bloc_balance(page: Any) -> dict[str, list[Any]]:
    chart = page.locator(".js-plotly-plot", has_text="toward each bloc").first
    chart.wait_for()
    data = chart.evaluate("el => JSON.stringify(el.data.map(t => [t.name, t.customdata]))")
    return {name: custom for name, custom in json.loads(data)}


def download(page: Any, button: str) -> str:
    """Click a download button once the page's script run has finished (a click while the
    page is still running can be lost with the run it interrupts); a click that a late rerun
    swallowed is made again, and the download must come within three tries."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        idle(page)
        try:
            with page.expect_download(timeout=40_000) as got:
                page.get_by_role("button", name=button).first.click()
            return Path(got.value.path()).read_text(encoding="utf-8")
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def idle(page: Any) -> None:
    """Wait for the script run an edit started to finish (the editor's state is sent then)."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")


def open_history(page: Any, expect: Any) -> Any:
    """Open the "Review history" expander once the app is idle, scroll its table into view
    (the grid draws its cells only when visible) and return the table."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    summary = page.locator("summary", has_text=re.compile(r"Review history \(\d+\)"))
    details = page.locator("details", has=summary).last  # a rerun may briefly show two
    table = details.locator('[data-testid="stDataFrame"] table')
    for _ in range(4):  # a rerun that was still running may redraw the expander closed
        idle(page)
        if details.get_attribute("open") is None:
            details.get_by_text(re.compile(r"^Review history \(\d+\)$")).click()
        try:
            expect(details).to_have_attribute("open", "", timeout=15_000)
            details.locator('[data-testid="stDataFrame"]').scroll_into_view_if_needed()
            table.wait_for(timeout=20_000)
            return table
        except (PlaywrightTimeout, AssertionError):  # closed again by a late rerun: reopen
            continue
    return table


def save(page: Any, expect: Any, message: str = "Saved 1 reviewed row") -> None:
    idle(page)
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text(message)).to_be_visible(timeout=60_000)


@pytest.mark.browser
def test_correct_reanalyse_and_reject_in_the_browser(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, db = server
    rows = editor_rows(db)
    with Store(db, readonly=True) as st:
        reports = st.read("procurements")
    sizes = reports.groupby(["recipient", "family"])["row_id"].transform("size")
    alone = set(reports[sizes == 1]["row_id"])
    pos, wrong = next(
        (i, r) for i, r in enumerate(rows) if r["row_id"] in alone and isinstance(r["system"], str)
    )
    rid, system = str(wrong["row_id"]), str(wrong["system"])
    assert wrong["supplier"] != NEW_SUPPLIER
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1400})
        page.set_default_timeout(120_000)
        try:
            page.goto(f"{url}/alignment?actor=SRB")
            expect(page.get_by_role("heading", name="Alignment", exact=True)).to_be_visible()
            balance_before = bloc_balance(page)

            page.goto(f"{url}/procurement?actor=SRB")
            expect(page.get_by_role("heading", name="Arms procurement")).to_be_visible()
            network = page.locator(".js-plotly-plot", has_text="Who arms whom").first
            expect(network).not_to_contain_text(NEW_SUPPLIER_NAME)
            page.get_by_role("textbox", name="Reviewer").fill("ana")
            page.keyboard.press("Tab")
            edit_cell(page, pos, column("supplier"), NEW_SUPPLIER)
            page.get_by_label("Note (plain text, kept with the corrections)").fill(
                "the article says *Israel* [see](http://example.org)"
            )
            page.keyboard.press("Tab")
            save(page, expect)

            # the network, the deal table and its export name the new supplier
            network = page.locator(".js-plotly-plot", has_text="Who arms whom").first
            expect(network).to_contain_text(NEW_SUPPLIER_NAME, timeout=30_000)
            deals = page.locator(
                '[data-testid="stDataFrame"]', has=page.locator("th", has_text="conflicts")
            ).first
            expect(deals.locator("table")).to_contain_text(NEW_SUPPLIER_NAME, timeout=30_000)
            exported = list(csv.DictReader(io.StringIO(download(page, "Download CSV"))))
            assert any(
                (r["supplier"], r["recipient"], r["system"]) == (NEW_SUPPLIER, "SRB", system)
                for r in exported
            ), exported
            page.screenshot(path=str(ARTIFACTS / "browser-review.png"), full_page=True)
            # the note is kept as text, never as Markdown or a link
            history = open_history(page, expect)
            expect(history).to_contain_text("*Israel* [see](http://example.org)", timeout=30_000)

            # the alignment balance follows: the arms signals moved to the new supplier's bloc
            page.goto(f"{url}/alignment?actor=SRB")
            expect(page.get_by_role("heading", name="Alignment", exact=True)).to_be_visible()
            balance_after = bloc_balance(page)
            assert balance_after != balance_before
            assert "Others" in balance_after

            # re-analyse the stored article from the command line; reload: still corrected
            with Store(db, readonly=True) as st:
                path = st.read("articles", articles=[str(wrong["article_id"])]).iloc[0]["path"]
            again = subprocess.run(
                [sys.executable, "-m", "analysis", "ingest", path, "--reanalyse", "--db",
                 str(db), "--workers", "1", "--quiet"],
                capture_output=True, text=True, cwd=ROOT, timeout=600, env=dict(os.environ),
            )  # fmt: skip
            assert again.returncode == 0 and "reanalysed 1" in again.stdout, again.stderr
            page.goto(f"{url}/procurement?actor=SRB")
            network = page.locator(".js-plotly-plot", has_text="Who arms whom").first
            expect(network).to_contain_text(NEW_SUPPLIER_NAME, timeout=30_000)
            rows = editor_rows(db)
            kept = next(r for r in rows if r["row_id"] == rid)
            assert kept["supplier"] == NEW_SUPPLIER and kept["corrected"] == ["supplier"]

            # reject another report: gone from the network, the deals and the export
            victim_pos, victim = next(
                (i, r)
                for i, r in enumerate(rows)
                # a named system (a generic report's system is missing, read as NaN)
                if r["row_id"] in alone and r["row_id"] != rid and isinstance(r["system"], str)
            )
            victim_system = str(victim["system"])
            expect(network).to_contain_text(victim_system)
            deals = page.locator(
                '[data-testid="stDataFrame"]', has=page.locator("th", has_text="conflicts")
            ).first
            cell = deals.locator("td", has_text=re.compile(rf"^{re.escape(victim_system)}$"))
            expect(cell).to_have_count(1)
            edit_cell(page, victim_pos, column("decision"), "reject")
            save(page, expect)
            with Store(db, readonly=True) as st:
                history = st.read("corrections")
            last = history[history["table"] == "procurements"].iloc[-1]
            assert (last["row_id"], last["action"]) == (victim["row_id"], "reject")
            network = page.locator(".js-plotly-plot", has_text="Who arms whom").first
            expect(network).not_to_contain_text(victim_system, timeout=30_000)
            deals = page.locator(
                '[data-testid="stDataFrame"]', has=page.locator("th", has_text="conflicts")
            ).first
            cell = deals.locator("td", has_text=re.compile(rf"^{re.escape(victim_system)}$"))
            expect(cell).to_have_count(0, timeout=30_000)
            exported = list(csv.DictReader(io.StringIO(download(page, "Download CSV"))))
            assert exported and victim_system not in {r["system"] for r in exported}
            with Store(db, readonly=True) as st:
                assert victim["row_id"] not in set(st.read("procurements")["row_id"])
                history = st.read("corrections")
            assert victim["row_id"] in set(history["row_id"])
            expect(open_history(page, expect)).to_contain_text("reject", timeout=30_000)

            # bad input in "Add a missed row": an error box, nothing recorded
            count = len(history)
            page.get_by_text("Add a missed row").click()
            page.get_by_label("quantity").fill("-4")
            page.get_by_role("button", name="Add row").click()
            expect(page.get_by_text("non-negative whole number")).to_be_visible()
            page.get_by_label("quantity").fill("4")
            page.get_by_label("Note (plain text)", exact=True).fill("<b>missed</b>")
            page.get_by_role("button", name="Add row").click()
            expect(page.get_by_text("must be plain text")).to_be_visible()
            with Store(db, readonly=True) as st:
                assert len(st.read("corrections")) == count
        finally:
            browser.close()


@pytest.mark.browser
def test_an_alias_from_the_knowledge_page_is_recognised(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, db = server
    first, second = tmp_path / "lakeland.md", tmp_path / "lakeland-again.md"
    first.write_text(LAKELAND, encoding="utf-8")
    second.write_text(LAKELAND_AGAIN, encoding="utf-8")

    def recipients(title: str) -> set[str]:
        with Store(db, readonly=True) as st:
            arts = st.read("articles")
            aid = arts[arts["title"] == title].iloc[0]["id"]
            return set(st.read("procurements", articles=[aid])["recipient"].dropna())

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1400})
        page.set_default_timeout(120_000)
        try:
            page.goto(f"{url}/add")
            page.locator('input[type="file"]').set_input_files(str(first))
            page.get_by_role("button", name="Analyse 1 article(s)").click()
            expect(page.get_by_text("lakeland.md: ")).to_be_visible(timeout=120_000)
            assert "VNM" not in recipients("Lakeland buys Indian missiles (illustrative sample)")

            page.goto(f"{url}/knowledge")
            expect(page.get_by_role("heading", name="Knowledge")).to_be_visible()
            record = page.get_by_label("Record")
            record.click()
            page.keyboard.type("Vietnam (VNM")
            page.keyboard.press("Enter")
            alias = page.get_by_label("Alias, as articles write it")
            alias.fill("<b>Lakeland</b>")
            page.get_by_role("button", name="Add alias").click()
            expect(page.get_by_text("must be plain text")).to_be_visible()
            assert not (tmp_path / "user").exists()
            alias.fill("Lakeland")
            page.get_by_role("button", name="Add alias").click()
            expect(page.get_by_text("Re-analysed 1 stored article")).to_be_visible(timeout=120_000)
            assert "VNM" in recipients("Lakeland buys Indian missiles (illustrative sample)")

            page.goto(f"{url}/add")
            page.locator('input[type="file"]').set_input_files(str(second))
            page.get_by_role("button", name="Analyse 1 article(s)").click()
            expect(page.get_by_text("lakeland-again.md: ")).to_be_visible(timeout=120_000)
            assert "VNM" in recipients("Lakeland orders Russian jets (illustrative sample)")
        finally:
            browser.close()
