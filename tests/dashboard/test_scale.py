"""The dashboard's store-side aggregates, totals, pages and downloads give the numbers the pages
showed when they computed everything in pandas from full rows: on the seeded store with an
analyst's edits and a rejected row, under each kind of filter."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from dataclasses import asdict
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.constants import WEAK_HEDGES
from analysis.store import Store, Value
from dashboard import charts, data, ui
from tests.dashboard.conftest import APP
from tests.dashboard.test_app import app, chart, values

ROOT = Path(__file__).resolve().parents[2]
ROW_TABLES = ("articles", "actors", "events", "procurements", "stance_cues", "alignment")
TABLES = (*ROW_TABLES, "deals", "signals")


def first_articles(db: Path, n: int) -> tuple[str, ...]:
    with Store(db, readonly=True) as st:
        rows = st.conn.execute("SELECT id FROM articles ORDER BY published LIMIT ?", (n,))
        return tuple(r[0] for r in rows)


def filter_cases(db: Path) -> list[data.Filters]:
    return [
        data.Filters(),
        data.Filters(actors=("SRB",)),
        data.Filters(actors=("RUS", "CHN")),
        data.Filters(start=date(2020, 1, 1), end=date(2021, 12, 31)),
        data.Filters(articles=first_articles(db, 2)),
        data.Filters(actors=("SRB",), start=date(2019, 1, 1)),
    ]


def kwargs(filters: data.Filters) -> dict[str, Any]:
    out = asdict(filters)
    return {
        "actors": list(out["actors"]) or None,
        "start": out["start"],
        "end": out["end"],
        "articles": list(out["articles"]) or None,
    }


@pytest.fixture
def corrected(app_db: Path) -> dict[str, Any]:
    """The seeded store with a procurement edited (recipient and category), a stance cue's
    speaker edited and an alignment report rejected; what was changed."""
    with Store(app_db) as st:
        proc = st.read("procurements", actors=["SRB"]).iloc[0]
        st.correct(
            "procurements",
            proc["row_id"],
            values={"recipient": "HUN", "category": "tank"},
            reviewer="tester",
        )
        cue = st.read("stance_cues", match=[{"type": "attribution"}]).iloc[0]
        st.correct("stance_cues", cue["row_id"], values={"speaker": "HUN"}, reviewer="tester")
        before = st.total("alignment", actors=["SRB"])
        signal = st.read("alignment", actors=["SRB"]).iloc[0]
        st.correct("alignment", signal["row_id"], action="reject", reviewer="tester")
    return {"db": app_db, "procurement": proc, "signal": signal, "alignment_before": before}


def sorted_frame(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys).reset_index(drop=True)


def test_corrections_change_the_aggregates(corrected: dict[str, Any]) -> None:
    with Store(corrected["db"], readonly=True) as st:
        assert st.total("alignment", actors=["SRB"]) == corrected["alignment_before"] - 1
        rejected = corrected["signal"]["row_id"]
        assert st.total("alignment", match=[{"row_id": rejected}]) == 0
        by = st.aggregate("procurements", ("recipient", "category"), {"n": ("count", "*")})
        hungary = by[(by["recipient"] == "HUN") & (by["category"] == "tank")]
        assert int(hungary["n"].sum()) >= 1


def test_store_aggregates_equal_the_pandas_computation_from_full_rows(
    corrected: dict[str, Any],
) -> None:
    db = corrected["db"]
    with Store(db, readonly=True) as st:
        for filters in filter_cases(db):
            kw = kwargs(filters)
            rows = {t: st.read(t, **kw) for t in TABLES}
            for t in TABLES:
                assert st.total(t, **kw) == len(rows[t]), (t, filters)
            # Overview: most-mentioned actors, actors, dated events, signals per subject.
            want = charts.actor_totals(rows["actors"])
            got = st.actor_totals(actors=kw["actors"], articles=kw["articles"])
            cols = ["actor", "type", "mentions", "articles"]
            pd.testing.assert_frame_equal(
                sorted_frame(got[cols], ["actor", "type"]),
                sorted_frame(want[cols], ["actor", "type"]),
                check_dtype=False,
            )
            dated = st.aggregate("events", (), {"n": ("count_values", "date")}, **kw)
            assert int(dated["n"].iloc[0]) == int(rows["events"]["date"].notna().sum())
            subjects = st.aggregate("signals", ("subject",), {"n": ("count", "*")}, **kw)
            assert dict(zip(subjects["subject"], subjects["n"], strict=True)) == dict(
                rows["signals"]["subject"].value_counts()
            )
            # Procurement: the deal counts.
            summary = st.aggregate(
                "deals",
                (),
                {
                    "deals": ("count", "*"),
                    "corroborated": ("count_if_many", "sources"),
                    "conflicts": ("count_if_any", "conflicts"),
                    "reports": ("sum", "n_reports"),
                },
                **kw,
            ).iloc[0]
            deals = rows["deals"]
            assert int(summary["deals"]) == len(deals)
            assert int(summary["corroborated"] or 0) == int((deals["sources"] >= 2).sum())
            assert int(summary["conflicts"] or 0) == int(deals["conflicts"].map(bool).sum())
            assert int(summary["reports"] or 0) == int(deals["n_reports"].sum())
            # Stance: cues per speaker and target, confirmed versus hedged claims.
            for role in ("speaker", "target"):
                got = st.aggregate("stance_cues", (role, "type"), {"size": ("count", "*")}, **kw)
                want = charts.cue_counts(rows["stance_cues"], role)
                got = got.dropna(subset=[role])
                pd.testing.assert_frame_equal(
                    sorted_frame(got, [role, "type"]),
                    sorted_frame(want, [role, "type"]),
                    check_dtype=False,
                )
            claims = st.claims(weak=sorted(WEAK_HEDGES), **kw)
            want = charts.claim_counts(rows["stance_cues"], WEAK_HEDGES)
            pd.testing.assert_frame_equal(
                sorted_frame(claims, ["speaker", "certainty"]),
                sorted_frame(want, ["speaker", "certainty"]),
                check_dtype=False,
            )
            # A grouping over corrected fields.
            got = st.aggregate("procurements", ("recipient", "status"), {"n": ("count", "*")}, **kw)
            want = (
                rows["procurements"]
                .groupby(["recipient", "status"], dropna=False, as_index=False)
                .size()
                .rename(columns={"size": "n"})
            )
            pd.testing.assert_frame_equal(
                sorted_frame(got, ["recipient", "status"]),
                sorted_frame(want, ["recipient", "status"]),
                check_dtype=False,
            )


def test_pages_add_up_to_every_row_in_order(corrected: dict[str, Any]) -> None:
    db = corrected["db"]
    with Store(db, readonly=True) as st:
        for filters in filter_cases(db):
            kw = kwargs(filters)
            for t in ("articles", "events", "deals", "procurements", "alignment"):
                full = st.read(t, **kw)
                pages = [st.read(t, limit=7, offset=o, **kw) for o in range(0, len(full) + 7, 7)]
                paged = pd.concat(pages, ignore_index=True)
                pd.testing.assert_frame_equal(paged.astype(str), full.astype(str))


def test_latest_events_are_the_newest_dated_ones(corrected: dict[str, Any]) -> None:
    db = corrected["db"]
    today = date.today()
    with Store(db, readonly=True) as st:
        for filters in filter_cases(db):
            kw = {**kwargs(filters), "end": min(filters.end or today, today)}
            every = st.read("events", **kwargs(filters))
            past = every[every["date"].notna() & (every["day"] <= today.isoformat())]
            want = past.iloc[::-1].head(10)
            got = st.read("events", match=[{"date": Value.PRESENT}], limit=10, newest=True, **kw)
            assert list(got["sentence"]) == list(want["sentence"])
            assert list(got["day"]) == list(want["day"])


def test_running_actor_totals_follow_deletes(corrected: dict[str, Any]) -> None:
    db = corrected["db"]
    victims = first_articles(db, 3)
    with Store(db) as st:
        for victim in victims:
            st.delete(victim)
            for actors in (None, ["SRB"], ["RUS"], ["EU"]):
                got = st.actor_totals(actors=actors)
                want = charts.actor_totals(st.read("actors", actors=actors))
                cols = ["actor", "type", "mentions", "articles"]
                pd.testing.assert_frame_equal(
                    sorted_frame(got[cols], ["actor", "type"]),
                    sorted_frame(want[cols], ["actor", "type"]),
                    check_dtype=False,
                )


@pytest.mark.parametrize(
    "table", ["articles", "events", "procurements", "stance_cues", "alignment", "deals"]
)
def test_downloads_hold_every_matching_row(corrected: dict[str, Any], table: str) -> None:
    db = corrected["db"]
    for filters in filter_cases(db):
        with Store(db, readonly=True) as st:
            every = st.read(table, **kwargs(filters))
        chunks = data.rows(str(db), table, filters, size=5)
        csv = ui.csv_bytes(chunks)
        assert csv == ui.csv_bytes([every])
        frame = pd.read_csv(StringIO(csv.decode("utf-8"))) if every.size else pd.DataFrame()
        assert len(frame) == len(every)
        records = json.loads(ui.json_bytes(data.rows(str(db), table, filters, size=5)))
        assert records == json.loads(ui.json_bytes([every]))
        key = "id" if table in ("articles", "deals") else "sentence"
        assert [r[key] for r in records] == list(every[key])


def test_pages_show_the_numbers_of_the_full_rows(corrected: dict[str, Any]) -> None:
    db = corrected["db"]
    with Store(db, readonly=True) as st:
        rows = {t: st.read(t, actors=["SRB"]) for t in TABLES}
    at = app(actor=["SRB"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == str(len(rows["articles"]))
    assert metrics["Actors"] == str(rows["actors"]["actor"].nunique())
    assert metrics["Dated events"] == str(int(rows["events"]["date"].notna().sum()))
    assert metrics["Arms deals"] == f"{len(rows['deals']):,}"
    assert metrics["Alignment signals"] == f"{len(rows['signals']):,}"
    top = chart(at, "Most-mentioned actors")
    shown = sum(sum(values(trace["x"])) for trace in top["data"])
    totals = charts.actor_totals(rows["actors"]).sort_values("mentions", ascending=False)
    assert shown == int(totals["mentions"].head(15).sum())

    at = app("views/procurement.py", actor=["SRB"])
    metrics = {m.label: m.value for m in at.metric}
    deals = rows["deals"]
    assert metrics["Deals"] == f"{len(deals):,}"
    assert metrics["Reports"] == f"{int(deals['n_reports'].sum()):,}"
    assert metrics["With conflicts"] == f"{int(deals['conflicts'].map(bool).sum()):,}"

    at = app("views/stance.py", actor=["SRB"])
    claims = chart(at, "Confirmed versus hedged")
    counts = {t["name"]: sum(values(t["x"])) for t in claims["data"]}
    want = charts.claim_counts(rows["stance_cues"], WEAK_HEDGES)
    assert counts == {
        c.capitalize(): int(n) for c, n in want.groupby("certainty")["size"].sum().items()
    }


def test_reading_pages_never_imports_the_language_model(seeded_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copy(seeded_store, db)
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["ALIGNMENT_DB"] = {str(db)!r}
        from streamlit.testing.v1 import AppTest
        at = AppTest.from_file({APP!r}, default_timeout=180)
        at.query_params["actor"] = ["SRB"]
        at.run()
        for page in ("overview", "article", "timeline", "procurement", "alignment", "dyad",
                     "stance"):
            at.switch_page(f"views/{{page}}.py")
            at.run()
            assert not at.exception, (page, [e.message for e in at.exception])
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc"))
        print("LOADED", loaded)
        sys.exit(1 if loaded else 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_tables_page_through_a_large_store(
    seeded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scripts.bench_dashboard import build_store, load_sample

    db = tmp_path / "large.sqlite"
    build_store(db, 1000, load_sample(seeded_store))
    monkeypatch.setenv("ALIGNMENT_DB", str(db))
    at = app()

    def articles_table() -> pd.DataFrame:
        return next(d.value for d in at.dataframe if "title" in d.value.columns)

    assert "Rows 1–100 of 1,000" in [c.value for c in at.caption]
    assert len(articles_table()) == 100
    at.number_input(key="ov-articles-page").set_value(10).run()
    assert "Rows 901–1,000 of 1,000" in [c.value for c in at.caption]
    last = articles_table()
    with Store(db, readonly=True) as st:
        every = st.read("articles")
    assert list(last["title"]) == list(every["title"].iloc[900:])
    at.multiselect(key="actor").set_value(["SRB"]).run()  # fewer pages than the one shown
    assert not at.exception, [e.message for e in at.exception]
    with Store(db, readonly=True) as st:
        count = st.total("articles", actors=["SRB"])
    assert 100 < count < 900
    pages = -(-count // 100)
    first = (pages - 1) * 100 + 1
    assert f"Rows {first:,}–{count:,} of {count:,}" in [c.value for c in at.caption]


def test_deal_briefs_say_what_the_full_evidence_says(seeded_store: Path, tmp_path: Path) -> None:
    from analysis.store import EVIDENCE_SENTENCES
    from scripts.bench_dashboard import build_store, load_sample

    db = tmp_path / "synthetic.sqlite"
    # enough articles that some deal gathers more report sentences than a brief shows
    build_store(db, 600, load_sample(seeded_store))
    with Store(db, readonly=True) as st:
        full = st.read("deals")
        brief = st.read("deals", columns=["id", "conflicts_brief", "evidence_brief"])
    assert list(brief["id"]) == list(full["id"])
    assert any(full["conflicts"].map(bool))
    assert any(len(set(r["sentence"] for r in rs)) > EVIDENCE_SENTENCES for rs in full["reports"])
    for (_, b), (_, f) in zip(brief.iterrows(), full.iterrows(), strict=True):
        assert ui.describe_conflicts(b["conflicts_brief"], {}) == ui.describe_conflicts(
            f["conflicts"], {}
        )
        sentences = list(dict.fromkeys(r["sentence"] for r in f["reports"]))
        assert b["evidence_brief"] == " | ".join(sentences[:EVIDENCE_SENTENCES])
