"""The dashboard at scale, measured in headless Chromium (part of ``make bench``).

``python -m scripts.bench_dashboard --articles N`` builds two stores of synthetic articles, one
of 1,000 and one of N, without any NLP per article: the sample articles are analysed once (as
the dashboard seeds its store) and every synthetic article copies the analysis rows of one of
them, with its publication date and every row date moved to a random day, some of its states
swapped for others and some weapon systems for others of the same category, drawn from how
often the samples name them; a few articles are syndicated copies of earlier ones. Deals and
merged signals are then rebuilt by the store's own corpus layer.

On each store it starts the real server three times and takes the median time from server
start to the first chart drawn, then measures the re-render after actor, date and article
filter changes (typed or clicked into the sidebar, until the page shows the new counts and is
idle again; three of each, medians over all nine). The last line is::

    dashboard scale: first chart A s / B s, filter re-render median C s / D s (1k / N), growth D/C = R
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
FIRST_DAY = date(2012, 1, 1)
DAYS = 14 * 365
SWAP_STATE = 0.6  # chance that a synthetic article names another state instead of one of its own
SWAP_SYSTEM = 0.5  # chance that a procurement row names another system of its category
COPY = 0.05  # chance that an article is a syndicated copy of an earlier one
BATCH = 2_000
STARTS = 3  # server starts per store; the first-chart figure is their median


@dataclass
class Template:
    """One analysed sample article: its article row and every analysis row, by table."""

    article: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class Sample:
    templates: list[Template]
    states: list[str]  # states named by the samples, once per article naming them
    actor_rows: dict[str, dict[str, Any]]  # actor id -> name, type, country
    systems: dict[str, list[tuple[str | None, str]]]  # category -> (system, category) as named


TABLES = ("actors", "entities", "events", "procurements", "stance_cues", "alignment")


def analyse_samples(db: Path) -> None:
    """Analyse ``sample_articles/`` once into ``db`` (the only NLP of the benchmark)."""
    from analysis import ingest
    from analysis.loading import load_path
    from analysis.pipeline import build_pipeline

    articles = [(str(p), load_path(p)) for p in sorted(SAMPLES.glob("*.md"))]
    ingest.ingest_articles(articles, db=db, nlp=build_pipeline())


def load_sample(db: Path) -> Sample:
    """The analysed samples and the distributions the synthetic articles draw from."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    templates = []
    for art in conn.execute("SELECT * FROM articles ORDER BY id"):
        t = Template(dict(art))
        for table in TABLES:
            rows = conn.execute(
                f"SELECT * FROM {table} WHERE article_id = ? ORDER BY rowid", (art["id"],)
            )
            t.rows[table] = [dict(r) for r in rows]
        templates.append(t)
    actor_rows: dict[str, dict[str, Any]] = {}
    states: list[str] = []
    for r in conn.execute("SELECT actor, name, type, country FROM actors"):
        actor_rows[r["actor"]] = dict(r)
        if r["type"] == "country":
            states.append(r["actor"])
    systems: dict[str, list[tuple[str | None, str]]] = {}
    for r in conn.execute("SELECT system, category FROM procurements"):
        systems.setdefault(r["category"], []).append((r["system"], r["category"]))
    conn.close()
    return Sample(templates, states, actor_rows, systems)


def _shift(value: str | None, days: int) -> str | None:
    """A row date moved by ``days``, keeping its precision (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if not value:
        return value
    try:
        if len(value) == 10:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        if len(value) == 7:
            moved = date(int(value[:4]), int(value[5:7]), 15) + timedelta(days=days)
            return moved.isoformat()[:7]
        moved = date(int(value[:4]), 7, 1) + timedelta(days=days)
        return str(moved.year)
    except ValueError:
        return value


class Writer:
    """Writes synthetic articles straight into a store's tables (no analysis)."""

    def __init__(self, db: Path, sample: Sample, seed: int) -> None:
        from analysis.store import Store

        self.store = Store(db, corpus=False)
        self.conn = self.store.conn
        self.sample = sample
        self.rng = random.Random(seed)
        self.ids: list[str] = []
        self.buffers: dict[str, list[tuple[Any, ...]]] = {}

    def _swaps(self, template: Template) -> dict[str, str]:
        own = sorted({r["actor"] for r in template.rows["actors"] if r["type"] == "country"})
        swaps: dict[str, str] = {}
        for actor in own:
            if self.rng.random() < SWAP_STATE / max(1, len(own)) * 2:
                other = self.rng.choice(self.sample.states)
                if other not in own and other not in swaps.values():
                    swaps[actor] = other
        return swaps

    def add(self, i: int) -> None:
        from analysis.corrections import row_ids
        from analysis.deals import family_of
        from analysis.store import _day

        rng = self.rng
        template = rng.choice(self.sample.templates)
        art = template.article
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        old = art["published"]
        days = (published - date.fromisoformat(old)).days if old else 0
        pub = published.isoformat()
        aid = hashlib.sha256(f"synthetic|{i}".encode()).hexdigest()[:16]
        swaps = self._swaps(template)

        def who(actor: Any) -> Any:
            return swaps.get(actor, actor) if isinstance(actor, str) else actor

        copy_of = aid
        if self.ids and rng.random() < COPY:
            copy_of = rng.choice(self.ids[-500:])
        self.ids.append(aid)
        names = [self.sample.actor_rows.get(who(a), {}).get("name", a) for a in swaps]
        title = art["title"] + (f" ({', '.join(names)})" if names else "") + f" #{i}"
        self._put(
            "articles (id, title, published, source, url, language, words, text, added, path,"
            " fingerprint, copy_of)",
            (
                aid,
                title,
                pub,
                art["source"],
                art["url"],
                art["language"],
                art["words"],
                art["text"],
                date.today().isoformat(),
                None,
                f"{rng.getrandbits(64):016x}",
                copy_of,
            ),
        )
        actor_rows = template.rows["actors"]
        actor_ids = row_ids(aid, "actors", [{"actor": who(r["actor"])} for r in actor_rows])
        for r, rid in zip(actor_rows, actor_ids, strict=True):
            meta = self.sample.actor_rows.get(who(r["actor"]), r)
            self._put(
                "actors (article_id, actor, name, type, country, mentions, forms, row_id)",
                (
                    aid,
                    who(r["actor"]),
                    meta["name"],
                    meta["type"],
                    meta["country"],
                    r["mentions"],
                    r["forms"],
                    rid,
                ),
            )
        for r in template.rows["entities"]:
            self._put(
                "entities", (aid, r["text"], r["label"], r["start"], r["end"], who(r["actor"]))
            )
        events = [
            {
                **r,
                "date": _shift(r["date"], days),
                "actors": [who(a) for a in json.loads(r["actors"])],
            }
            for r in template.rows["events"]
        ]
        for r, rid in zip(events, row_ids(aid, "events", events), strict=True):
            when, actors = r["date"], r["actors"]
            self._put(
                'events (article_id, date, precision, date_text, type, actors, sentence, start, "end",'
                " day, row_id)",
                (
                    aid,
                    when,
                    r["precision"],
                    r["date_text"],
                    r["type"],
                    json.dumps(actors),
                    r["sentence"],
                    r["start"],
                    r["end"],
                    _day(when, pub),
                    rid,
                ),
            )
        procurements = []
        for r in template.rows["procurements"]:
            system, category = r["system"], r["category"]
            if rng.random() < SWAP_SYSTEM and self.sample.systems.get(category):
                system, category = rng.choice(self.sample.systems[category])
            procurements.append(
                {**r, "system": system, "category": category, "supplier": who(r["supplier"])}
                | {"recipient": who(r["recipient"]), "date": _shift(r["date"], days)}
            )
        for r, rid in zip(procurements, row_ids(aid, "procurements", procurements), strict=True):
            self._put(
                "procurements (article_id, system, category, supplier, recipient, status,"
                ' quantity, date, sentence, start, "end", evidence, day, family, row_id)',
                (
                    aid,
                    r["system"],
                    r["category"],
                    r["supplier"],
                    r["recipient"],
                    r["status"],
                    r["quantity"],
                    r["date"],
                    r["sentence"],
                    r["start"],
                    r["end"],
                    r["evidence"],
                    _day(r["date"], pub),
                    family_of(r["system"], r["category"]),
                    rid,
                ),
            )
        cues = [
            {**r, "speaker": who(r["speaker"]), "target": who(r["target"])}
            for r in template.rows["stance_cues"]
        ]
        for r, rid in zip(cues, row_ids(aid, "stance_cues", cues), strict=True):
            self._put(
                "stance_cues (article_id, cue, type, speaker, target, polarity, sentence, start,"
                ' "end", day, row_id)',
                (
                    aid,
                    r["cue"],
                    r["type"],
                    r["speaker"],
                    r["target"],
                    r["polarity"],
                    r["sentence"],
                    r["start"],
                    r["end"],
                    pub,
                    rid,
                ),
            )
        signals = [
            {**r, "subject": who(r["subject"]), "counterpart": who(r["counterpart"])}
            | {"date": _shift(r["date"], days)}
            for r in template.rows["alignment"]
        ]
        signals = [s for s in signals if s["subject"] != s["counterpart"]]
        for r, rid in zip(signals, row_ids(aid, "alignment", signals), strict=True):
            self._put(
                "alignment (article_id, subject, counterpart, direction, type, basis, weight,"
                ' date, sentence, start, "end", day, row_id)',
                (
                    aid,
                    r["subject"],
                    r["counterpart"],
                    r["direction"],
                    r["type"],
                    r["basis"],
                    r["weight"],
                    r["date"],
                    r["sentence"],
                    r["start"],
                    r["end"],
                    _day(r["date"], pub),
                    rid,
                ),
            )

    def _put(self, into: str, row: tuple[Any, ...]) -> None:
        self.buffers.setdefault(into, []).append(row)

    def flush(self) -> None:
        self.conn.execute("BEGIN")
        for into, rows in self.buffers.items():
            marks = ",".join("?" * len(rows[0]))
            self.conn.executemany(f"INSERT INTO {into} VALUES ({marks})", rows)
        self.conn.execute("COMMIT")
        self.buffers.clear()

    def finish(self) -> None:
        """Event actor links, the corpus layer (deals, merged signals) and planner statistics."""
        self.conn.execute("BEGIN")
        self.conn.execute(
            "INSERT INTO event_actors (article_id, event_rowid, actor)"
            " SELECT e.article_id, e.rowid, j.value FROM events e, json_each(e.actors) j"
        )
        self.conn.execute("COMMIT")
        self.store.corpus = True
        self.store.rebuild_corpus()
        self.conn.execute("ANALYZE")
        self.store.close()


def build_store(db: Path, n: int, sample: Sample, *, seed: int = 13) -> float:
    """A store of ``n`` synthetic articles at ``db``; the seconds it took."""
    t0 = time.perf_counter()
    writer = Writer(db, sample, seed)
    for i in range(n):
        writer.add(i)
        if (i + 1) % BATCH == 0:
            writer.flush()
    if writer.buffers:
        writer.flush()
    writer.finish()
    return time.perf_counter() - t0


def counts(db: Path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(db)
    out = {
        t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
        for t in ("articles", "actors", "events", "procurements", "alignment", "deals", "signals")
    }
    conn.close()
    return out


def most_named(sample: Sample, k: int) -> list[str]:
    """Names of the ``k`` states the samples name most often (what an analyst would pick)."""
    top = [a for a, _ in Counter(sample.states).most_common(k)]
    return [sample.actor_rows[a]["name"] for a in top]


# ---- in the browser ------------------------------------------------------------------------

METRIC = '[data-testid="stMetricValue"]'
CHART = ".js-plotly-plot .main-svg"


def _settle(page: Any, url: str) -> None:
    from scripts.bench_browser import _idle

    page.goto(url)
    page.wait_for_selector(CHART, timeout=180_000)
    _idle(page)


def _sidebar(page: Any, testid: str, nth: int = 0) -> Any:
    return page.locator(f'[data-testid="stSidebar"] [data-testid="{testid}"]').nth(nth)


def _timed(page: Any, url: str, prepare: Any) -> float:
    """Reload the unfiltered page, ``prepare`` a filter change up to its last key or click
    (which it returns), then time from that to the page showing new counts and being idle."""
    from scripts.bench_browser import _idle

    _settle(page, url)
    before = page.locator(METRIC).first.inner_text()
    commit = prepare()
    t0 = time.perf_counter()
    commit()
    page.wait_for_function(
        "([sel, before]) => { const el = document.querySelector(sel);"
        " return el && el.innerText !== before; }",
        arg=[METRIC, before],
        timeout=120_000,
        polling=10,
    )
    page.wait_for_selector(CHART, timeout=120_000)
    _idle(page, timeout=120)
    return time.perf_counter() - t0


def measure(
    db: Path, browser: Any, actors: list[str], days: list[str], articles: list[str]
) -> tuple[float, dict[str, list[float]]]:
    """Seconds from server start to the first chart, and re-render times by filter."""
    from scripts.screenshots import free_port, start_server

    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    t0 = time.perf_counter()
    server = start_server(db, port)
    try:
        page.goto(url)
        page.wait_for_selector(CHART, timeout=300_000)
        first = time.perf_counter() - t0
        times: dict[str, list[float]] = {"actor": [], "date": [], "article": []}

        def actor(name: str) -> Any:
            def prepare() -> Any:
                _sidebar(page, "stMultiSelect", 0).click()
                page.keyboard.type(name)
                return lambda: page.keyboard.press("Enter")

            return prepare

        def day(value: str) -> Any:
            def prepare() -> Any:
                # Typing moves the calendar to the day; clicking the day sets the filter.
                _sidebar(page, "stDateInput", 0).locator("input").fill(value)
                day = page.locator('[role="gridcell"][aria-selected="true"]').first
                day.wait_for(timeout=10_000)
                return day.click

            return prepare

        def article(tag: str) -> Any:
            def prepare() -> Any:
                _sidebar(page, "stMultiSelect", 1).click()
                page.keyboard.type(tag)
                return lambda: page.keyboard.press("Enter")

            return prepare

        for name in actors:
            times["actor"].append(_timed(page, url, actor(name)))
        for value in days:
            times["date"].append(_timed(page, url, day(value)))
        for tag in articles:
            times["article"].append(_timed(page, url, article(tag)))
        return first, times
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=20)


def newest_tags(db: Path, k: int) -> list[str]:
    """The ``#i`` tags of the newest articles' titles (they are among the picker's options)."""
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT title FROM articles ORDER BY published DESC, rowid DESC LIMIT ?", (k,)
    ).fetchall()
    conn.close()
    return [str(r[0]).rsplit(" ", 1)[-1] for r in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the large store")
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = parser.parse_args()
    if args.articles < 1000:
        print("bench_dashboard: --articles must be at least 1000", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from scripts.bench_browser import first_chart
    from scripts.screenshots import ARGS, CHROMIUM

    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        sample_db = base / "sample.sqlite"
        if not sample_db.exists():
            t0 = time.perf_counter()
            analyse_samples(sample_db)
            print(f"samples analysed once in {time.perf_counter() - t0:.1f} s")
        sample = load_sample(sample_db)
        stores = {}
        for n in (1000, args.articles):
            db = base / f"synthetic-{n}.sqlite"
            if not db.exists():
                seconds = build_store(db, n, sample)
                print(f"built {n:,} articles in {seconds:.1f} s: {counts(db)}")
            stores[n] = db
        actors = most_named(sample, 6)
        days = ["2016-03-01", "2019-07-15", "2022-01-10"]
        results = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                for n, db in stores.items():
                    starts = [first_chart(db, browser) for _ in range(STARTS - 1)]
                    last, times = measure(db, browser, actors[:3], days, newest_tags(db, 3))
                    starts.append(last)
                    first = statistics.median(starts)
                    every = [t for ts in times.values() for t in ts]
                    results[n] = (first, statistics.median(every))
                    detail = "; ".join(
                        f"{k} {', '.join(f'{t:.2f}' for t in ts)}" for k, ts in times.items()
                    )
                    print(
                        f"{n:,} articles: first chart median {first:.2f} s "
                        f"({', '.join(f'{t:.2f}' for t in starts)}); re-render median "
                        f"{statistics.median(every):.2f} s, max {max(every):.2f} s ({detail})"
                    )
            finally:
                browser.close()
    (a, c), (b, d) = results[1000], results[args.articles]
    print(
        f"dashboard scale: first chart {a:.2f} s / {b:.2f} s, filter re-render median "
        f"{c:.2f} s / {d:.2f} s (1k / {args.articles:,}), growth D/C = {d / c:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
