"""Figure builders and the highlighter are pure functions: test them on small frames."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.deals import REGISTER_COLUMNS, register
from dashboard import charts
from dashboard.highlight import Mark, highlight
from dashboard.palette import BLOC_COLOURS, STATUS_COLOURS, human

NAMES = {"SRB": "Serbia", "RUS": "Russia", "CHN": "China", "FRA": "France", "EU": "European Union"}


def signals() -> pd.DataFrame:
    """Merged signals (the ``signals`` table): weight is the strongest report's."""
    rows = [
        ("SRB", "RUS", 1, 1.0, "material", "2019-10-24", 1),
        ("SRB", "RUS", -1, 0.8, "material", "2020-09-09", 1),
        ("SRB", "CHN", 1, 1.0, "material", "2020-07-01", 2),
        ("SRB", "EU", 1, 0.4, "verbal", "2024-08-29", 1),
        ("SRB", "FRA", 1, 0.9, "material", "2024-08-29", 1),
        ("RUS", "SRB", 1, 0.4, "verbal", "2019-10-24", 1),
    ]
    return pd.DataFrame(
        [
            {
                "subject": s,
                "counterpart": c,
                "direction": d,
                "weight": w,
                "basis": b,
                "type": "arms_procurement",
                "first": day,
                "sources": n,
            }
            for s, c, d, w, b, day, n in rows
        ]
    )


def test_bloc_balance_is_the_index_per_bloc() -> None:
    fig = charts.bloc_balance(signals(), "SRB", NAMES)
    index = {x: y for t in fig.data for x, y in zip(t.x, t.y, strict=True)}
    # Russia: +1.0 and -0.8 -> 0.2 / 1.8; China: one signal, two sources, all toward.
    assert index == pytest.approx({"Russia": 0.111, "China": 1.0, "EU/NATO/US": 1.0})
    colours = {t.name: t.marker.color for t in fig.data}
    assert colours["Russia"] == BLOC_COLOURS["Russia"]


def test_alignment_over_time_keeps_rows_for_selection_and_years_in_order() -> None:
    heat = charts.alignment_over_time(signals(), "SRB", NAMES).data[0]
    rows = {int(r) for line in heat.customdata for cell in line for r in cell[0].split(",") if r}
    assert rows == {0, 1, 2, 3, 4}
    assert list(heat.x) == list(range(2019, 2025))  # every year, in order, gaps included
    assert heat.zmin == -1 and heat.zmax == 1
    russia = heat.y.index("Russia · Russia")
    assert heat.z[russia][:2] == (1.0, -1.0) or list(heat.z[russia][:2]) == [1.0, -1.0]
    china = heat.y.index("China · China")
    assert "2 sources" in heat.customdata[china][1][3]


def deals() -> pd.DataFrame:
    rows = [
        ("d1", "RUS", "SRB", "MiG-29", "fighter_aircraft", "delivered", 2017, [2017], 3),
        ("d2", "RUS", "SRB", "Pantsir", "air_defence", "ordered", 2019, [], 2),
        ("d3", "CHN", "SRB", None, "uav", "delivered", None, [2020], 1),
        ("d4", None, "SRB", None, "tank", "planned", 2016, [], 1),
        ("d5", "FRA", "SRB", "Rafale", "fighter_aircraft", "ordered", 2024, [], 2),
        ("d6", "RUS", "IND", "S-400", "air_defence", "delivered", 2018, [2021], 4),
        ("d7", "FRA", "SRB", "Caesar", "artillery", "ordered", 2019, [], 1),
    ]
    return pd.DataFrame(
        [
            {
                "id": i,
                "supplier": s,
                "recipient": r,
                "system": sys_,
                "category": c,
                "status": st,
                "order_year": pd.NA if y is None else y,
                "delivery_years": dy,
                "first_reported": f"{(y or dy[0])}-05-01",
                "sources": n,
                "quantity_ordered": pd.NA,
                "quantity_delivered": pd.NA,
            }
            for i, s, r, sys_, c, st, y, dy, n in rows
        ]
    ).astype({"order_year": "Int64", "quantity_ordered": "Int64", "quantity_delivered": "Int64"})


def test_network_links_suppliers_to_recipients_with_systems_and_sizes() -> None:
    fig = charts.arms_network(deals(), NAMES)
    states = fig.data[-1]
    assert set(states.text) == {"Russia", "China", "France", "Serbia", "IND"}
    size = dict(zip(states.text, states.marker.size, strict=True))
    assert size["Serbia"] > size["IND"] > size["Russia"]  # sized by imports
    labels = {
        cd[0] + ">" + cd[1]: text
        for t in fig.data[:-1]
        for cd, text in zip(t.customdata, t.text, strict=True)
    }
    assert labels["RUS>SRB"] == "MiG-29, Pantsir" and labels["CHN>SRB"] == "UAV"
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert {a.arrowcolor for a in arrows} <= set(STATUS_COLOURS.values()) and len(arrows) == 4
    shown = {a.text for a in fig.layout.annotations if not a.showarrow}
    assert {"MiG-29, Pantsir", "Rafale, Caesar", "UAV", "S-400"} <= shown


def test_deal_timeline_names_systems_on_a_year_axis() -> None:
    fig = charts.deal_timeline(deals(), NAMES)
    points = {y: x for trace in fig.data for y, x in zip(trace.y, trace.x, strict=True)}
    assert "MiG-29 (Russia → Serbia)" in points and "S-400 (Russia → IND)" in points
    assert points["UAV (China → Serbia)"] == 2020  # no order year: its first delivery
    assert "Tank (unknown → Serbia)" in points
    assert fig.layout.xaxis.type == "linear"
    top_down = list(reversed(fig.layout.yaxis.categoryarray))  # the axis lists bottom first
    assert [points[r] for r in top_down] == sorted(points.values())  # earliest on top
    lines = {(s.x0, s.x1) for s in fig.layout.shapes}
    assert (2018, 2021) in lines  # S-400: ordered 2018, delivered 2021


def test_supplier_shares_and_herfindahl() -> None:
    fig = charts.supplier_shares(deals(), "SRB", NAMES)
    bars = [t for t in fig.data if t.type == "bar"]
    per_year: dict[int, float] = {}
    for t in bars:
        for x, y in zip(t.x, t.y, strict=True):
            per_year[int(x)] = per_year.get(int(x), 0) + y
    assert per_year == pytest.approx({2017: 1.0, 2019: 1.0, 2020: 1.0, 2024: 1.0})
    hhi = next(t for t in fig.data if t.name == "Herfindahl index")
    assert dict(zip(hhi.x, hhi.y, strict=True)) == {
        2017: 10_000,
        2019: 5_000,
        2020: 10_000,
        2024: 10_000,
    }
    assert charts.herfindahl(deals(), "SRB") == round(((2 / 5) ** 2 * 2 + (1 / 5) ** 2) * 10_000)


def test_status_colours_do_not_depend_on_the_filter() -> None:
    full = charts.systems_by_category(deals())
    subset = charts.systems_by_category(deals()[deals()["status"] == "ordered"])
    colour = lambda fig: {t.name: t.marker.color for t in fig.data}  # noqa: E731
    assert colour(subset)["Ordered"] == colour(full)["Ordered"] == STATUS_COLOURS["ordered"]
    assert colour(full)["Delivered"] == STATUS_COLOURS["delivered"]
    labels = {y for t in full.data for y in t.y}
    assert "Fighter aircraft" in labels and "fighter_aircraft" not in labels


def test_network_labels_never_cover_each_other_and_the_busiest_pairs_keep_theirs() -> None:
    states = ["RUS", "CHN", "FRA", "USA", "DEU", "KOR", "TUR", "ISR", "IND", "EGY", "SRB", "POL"]
    rows = []
    for k, (sup, rec) in enumerate(
        (a, b) for a in states[:8] for b in states[8:] + states[:2] if a != b
    ):
        for n in range(1 + (k % 3)):
            rows.append(
                {
                    "id": f"d{k}-{n}",
                    "supplier": sup,
                    "recipient": rec,
                    "system": f"System {k}-{n} long name",
                    "category": "tank",
                    "status": "ordered",
                    "order_year": 2020,
                    "delivery_years": [],
                    "first_reported": "2020-05-01",
                    "sources": 1,
                    "quantity_ordered": pd.NA,
                    "quantity_delivered": pd.NA,
                }
            )
    fig = charts.arms_network(pd.DataFrame(rows), {})
    shown = [a for a in fig.layout.annotations if not a.showarrow]
    pairs = sum(len(t.x) for t in fig.data[:-1])
    assert 0 < len(shown) < pairs  # too dense to label every arrow
    boxes = [(a.x, a.y, len(a.text) * charts._CHAR_WIDTH, charts._LABEL_HEIGHT) for a in shown]
    for i, a in enumerate(boxes):
        assert not any(charts._overlaps(a, b) for b in boxes[i + 1 :])
    # Pairs with three deals are placed first: they keep their labels more often than the rest.
    labelled = {int(a.text.split()[1].split("-")[0]) for a in shown}
    busiest = {k for k in range(pairs) if k % 3 == 2}
    rest = set(range(pairs)) - busiest
    assert len(labelled & busiest) / len(busiest) > len(labelled & rest) / len(rest)
    # Every diamond still carries its pair's systems for the hover, labelled or not.
    assert sum(len(t.text) for t in fig.data[:-1]) == pairs


def test_hovers_say_counts_in_words() -> None:
    fig = charts.systems_by_category(deals())
    assert all("%{x} deals" in t.hovertemplate for t in fig.data)
    network = charts.arms_network(deals(), NAMES)
    hovers = " ".join(h for t in network.data for h in t.hovertext)
    assert "2 deals" in hovers and "1 deal<" in hovers and "deal(s)" not in hovers


@pytest.mark.parametrize(
    "code,name",
    [
        ("fighter_aircraft", "Fighter aircraft"),
        ("in_service", "In service"),
        ("uav", "UAV"),
        ("MiG-29", "MiG-29"),
        ("category:air_defence", "Air defence"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_codes_read_as_words(code: object, name: str) -> None:
    assert human(code) == name


def test_register_has_one_line_per_deal_and_no_missing_markers() -> None:
    reg = register(deals(), NAMES)
    assert list(reg.columns) == list(REGISTER_COLUMNS)
    assert len(reg) == len(deals())
    row = reg[reg["Designation"] == "S-400"].iloc[0]
    assert (row["Supplier"], row["Order year"], row["Delivery years"], row["Sources"]) == (
        "Russia",
        "2018",
        "2021",
        4,
    )
    flat = reg.astype(str).to_numpy().ravel().tolist()
    assert not {"nan", "None", "<NA>"} & set(flat)


@pytest.mark.parametrize("builder", [charts.arms_network, charts.top_actors, charts.deal_timeline])
def test_empty_frames_give_an_explained_empty_figure(builder) -> None:  # type: ignore[no-untyped-def]
    frame = deals().iloc[0:0].assign(actor=[], type=[], mentions=[], article_id=[])
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
    hostile = deals().assign(system=HOSTILE)
    _assert_escaped(charts.arms_network(hostile, names))
    _assert_escaped(charts.deal_timeline(hostile, names))
    _assert_escaped(charts.alignment_over_time(signals(), "SRB", names))
    actors = pd.DataFrame([{"actor": "SRB", "type": "country", "mentions": 3, "article_id": "a"}])
    _assert_escaped(charts.top_actors(charts.actor_totals(actors), names))
