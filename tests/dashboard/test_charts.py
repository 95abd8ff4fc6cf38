"""Figure builders and the highlighter are pure functions: test them on small frames."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts
from dashboard.highlight import Mark, highlight

NAMES = {"SRB": "Serbia", "RUS": "Russia", "CHN": "China", "FRA": "France", "EU": "European Union"}


def signals() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "subject": "SRB",
                "counterpart": "RUS",
                "direction": 1,
                "weight": 1.0,
                "basis": "material",
                "day": "2019-10-24",
            },
            {
                "subject": "SRB",
                "counterpart": "RUS",
                "direction": -1,
                "weight": 0.8,
                "basis": "material",
                "day": "2020-09-09",
            },
            {
                "subject": "SRB",
                "counterpart": "CHN",
                "direction": 1,
                "weight": 1.0,
                "basis": "material",
                "day": "2020-07-01",
            },
            {
                "subject": "SRB",
                "counterpart": "EU",
                "direction": 1,
                "weight": 0.4,
                "basis": "verbal",
                "day": "2024-08-29",
            },
            {
                "subject": "SRB",
                "counterpart": "FRA",
                "direction": 1,
                "weight": 0.9,
                "basis": "material",
                "day": "2024-08-29",
            },
            {
                "subject": "RUS",
                "counterpart": "SRB",
                "direction": 1,
                "weight": 0.4,
                "basis": "verbal",
                "day": "2019-10-24",
            },
        ]
    )


def test_bloc_balance_nets_signed_weights_per_camp() -> None:
    fig = charts.bloc_balance(signals(), "SRB", NAMES)
    net: dict[str, float] = {}
    for trace in fig.data:
        for bloc, value in zip(trace.x, trace.y, strict=True):
            net[bloc] = net.get(bloc, 0) + value
    assert net == pytest.approx({"Russia": 0.2, "China": 1.0, "EU/NATO/US": 1.3})


def test_alignment_over_time_keeps_rows_for_selection_and_sorts_years() -> None:
    fig = charts.alignment_over_time(signals(), "SRB", NAMES)
    rows = {int(r) for t in fig.data for cd in t.customdata for r in cd[0].split(",")}
    assert rows == {0, 1, 2, 3, 4}
    assert list(fig.layout.xaxis.categoryarray) == ["2019", "2020", "2024"]


def test_sankey_links_suppliers_to_recipients_by_deal_count() -> None:
    deals = pd.DataFrame(
        [
            {"supplier": "RUS", "recipient": "SRB", "system": "MiG-29", "category": "f"},
            {"supplier": "RUS", "recipient": "SRB", "system": "Pantsir", "category": "a"},
            {"supplier": "CHN", "recipient": "SRB", "system": None, "category": "uav"},
            {"supplier": None, "recipient": "SRB", "system": None, "category": "tank"},
        ]
    )
    sankey = charts.sankey(deals, NAMES).data[0]
    assert list(sankey.node.label) == ["China", "Russia", "Serbia"]
    assert sorted(zip(sankey.link.source, sankey.link.value, strict=True)) == [(0, 1), (1, 2)]


@pytest.mark.parametrize("builder", [charts.sankey, charts.top_actors])
def test_empty_frames_give_an_explained_empty_figure(builder) -> None:  # type: ignore[no-untyped-def]
    frame = pd.DataFrame(
        columns=[
            "supplier",
            "recipient",
            "system",
            "category",
            "actor",
            "type",
            "mentions",
            "article_id",
        ]
    )
    fig = builder(frame, NAMES)
    assert fig.layout.annotations[0].text == "No data for this selection"


def test_timeline_bars_span_their_precision() -> None:
    events = pd.DataFrame(
        [
            {
                "date": "2020-02",
                "precision": "month",
                "type": "order",
                "actors": [],
                "sentence": "a",
            },
            {"date": "2020", "precision": "year", "type": "order", "actors": [], "sentence": "b"},
            {
                "date": "2020-02-03",
                "precision": "day",
                "type": "order",
                "actors": [],
                "sentence": "c",
            },
            {
                "date": "2020-02-03",
                "precision": "week",
                "type": "order",
                "actors": [],
                "sentence": "d",
            },
        ]
    )
    trace = charts.timeline(events).data[0]
    days = [int(x) // 86_400_000 for x in trace.x]
    assert days == [29, 366, 1, 7]


def test_highlight_escapes_everything_but_its_own_marks() -> None:
    text = 'Serbia <script>alert("x")</script> & <img src=x onerror=alert(1)> bought MiG-29s.'
    start = text.index("Serbia")
    out = highlight(
        text,
        [
            Mark(start, start + 6, "actor", 'title"><script>'),
            Mark(text.index("MiG"), text.index("MiG") + 6, "weapon"),
        ],
    )
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in out
    assert 'title="title&quot;&gt;&lt;script&gt;"' in out
    assert out.count("<mark") == 2


def test_highlight_skips_overlaps_and_out_of_range_marks() -> None:
    out = highlight("abcdef", [Mark(0, 4, "actor"), Mark(2, 5, "date"), Mark(4, 99, "cue")])
    assert out.count("<mark") == 1


HOSTILE = '<a href="https://example.invalid/x">click</a> <img src=x onerror=alert(1)> & <b>'


def _strings(fig: object) -> list[str]:
    """Every string a figure hands to Plotly's HTML-like renderer: labels, hovers, titles."""
    spec = fig.to_plotly_json()  # type: ignore[attr-defined]
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "tolist"):
            walk(value.tolist())

    walk(spec)
    return out


def _assert_escaped(fig: object) -> None:
    strings = _strings(fig)
    assert any("&lt;a href" in s for s in strings)
    assert not any("<a " in s or "<img" in s or "<b>click" in s for s in strings)


def test_timeline_hovers_show_sentences_as_text() -> None:
    events = pd.DataFrame(
        [
            {
                "date": "2020-02-03",
                "precision": "day",
                "type": "order",
                "actors": ["SRB"],
                "sentence": f"Serbia ordered drones. {HOSTILE}",
            }
        ]
    )
    _assert_escaped(charts.timeline(events))


def test_names_and_systems_in_figures_show_as_text() -> None:
    names = {**NAMES, "SRB": HOSTILE}
    deals = pd.DataFrame(
        [{"supplier": "RUS", "recipient": "SRB", "system": HOSTILE, "category": "f"}]
    )
    _assert_escaped(charts.sankey(deals, names))
    _assert_escaped(charts.alignment_over_time(signals(), "SRB", names))
    actors = pd.DataFrame([{"actor": "SRB", "type": "country", "mentions": 3, "article_id": "a"}])
    _assert_escaped(charts.top_actors(actors, names))
