"""Figure builders: pure ``DataFrame -> plotly Figure`` functions, no Streamlit calls.

Colours and labels come from :mod:`dashboard.palette`, so a status, a category or a bloc has the
same colour in every chart whatever the filters left. Years are numbers on a linear axis, so time
always reads left to right in order. Every figure keeps a ``customdata`` column that identifies
its rows, so a selection in the browser can filter the evidence table below it.
"""

from __future__ import annotations

import calendar
import functools
import html
import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.resources import BLOC_GROUPS, bloc_of
from analysis.signals import alignment_index
from dashboard.palette import (
    ACTOR_TYPE_COLOURS,
    BLOC_COLOURS,
    CERTAINTY_COLOURS,
    CUE_COLOURS,
    EVENT_COLOURS,
    KIND_COLOURS,
    STATUS_COLOURS,
    STATUS_ORDER,
    colour_map,
    human,
    order,
    plural,
)

LAYOUT: dict[str, Any] = {
    "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
    "legend_title_text": "",
    "hoverlabel": {"align": "left"},
}
EMPTY = "No data for this selection"


def text(value: object) -> str:
    """Article-derived text (a sentence, a name, a title) made safe for Plotly's labels, hovers
    and titles, which render a subset of HTML: markup shows as text, links are not followed."""
    return html.escape(str(value), quote=False)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return text(value)
    if isinstance(value, list | tuple):
        return type(value)(_escaped(v) for v in value)
    if isinstance(value, pd.DataFrame):
        out = value.copy()
        for col in out.columns:
            if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
                out[col] = out[col].map(lambda v: _escaped(v) if isinstance(v, str | list) else v)
        return out
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


F = TypeVar("F", bound=Callable[..., go.Figure])


def safe(builder: F) -> F:
    """Every string a figure builder receives (names, systems, sentences, titles from articles)
    is escaped before it reaches Plotly; the builder's own markup (<b>, <br>) stays markup."""

    @functools.wraps(builder)
    def wrapper(*args: Any, **kwargs: Any) -> go.Figure:
        return builder(*(_escaped(a) for a in args), **{k: _escaped(v) for k, v in kwargs.items()})

    return wrapper  # type: ignore[return-value]


def _empty(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, **LAYOUT)
    fig.add_annotation(text=EMPTY, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _years(fig: go.Figure, values: pd.Series) -> None:
    """A year axis: integers in order, one tick per year when there are few."""
    span = (int(values.max()) - int(values.min())) if len(values) else 0
    fig.update_xaxes(
        type="linear",
        tickformat="d",
        dtick=1 if span <= 12 else None,
        title="",
        range=[values.min() - 0.6, values.max() + 0.6] if len(values) else None,
    )


def deal_year(deals: pd.DataFrame) -> pd.Series:
    """The year a deal belongs to: its order year, else its first delivery, else when it was
    first reported."""
    first_delivery = deals["delivery_years"].map(lambda ys: min(ys) if ys else None)
    reported = deals["first_reported"].map(
        lambda d: int(d[:4]) if isinstance(d, str) and d[:4].isdigit() else None
    )
    years = deals["order_year"].astype("Float64").fillna(first_delivery.astype("Float64"))
    return years.fillna(reported.astype("Float64"))


def actor_totals(rows: pd.DataFrame) -> pd.DataFrame:
    """Mentions and articles per actor and type from per-article actor rows."""
    return rows.groupby(["actor", "type"], as_index=False).agg(
        mentions=("mentions", "sum"), articles=("article_id", "nunique")
    )


@safe
def top_actors(actors: pd.DataFrame, names: dict[str, str], *, limit: int = 15) -> go.Figure:
    """Most-mentioned actors (countries, blocs, people, companies) across the articles;
    ``actors`` has one row per actor and type with its ``mentions`` and ``articles`` totals
    (``actor_totals`` of the rows, or the store's aggregate)."""
    if actors.empty:
        return _empty("Most-mentioned actors")
    counts = actors.sort_values(["mentions", "actor"], ascending=[False, True]).head(limit).copy()
    counts["name"] = counts["actor"].map(lambda a: names.get(a, a))
    counts["kind"] = counts["type"].map(human)
    counts["mentions"] = counts["mentions"].astype(int)
    fig = px.bar(
        counts.iloc[::-1],
        x="mentions",
        y="name",
        color="kind",
        orientation="h",
        color_discrete_map=colour_map(ACTOR_TYPE_COLOURS),
        category_orders={"kind": order(ACTOR_TYPE_COLOURS)},
        custom_data=["actor", "articles"],
        title="Most-mentioned actors",
    )
    fig.update_traces(
        hovertemplate="%{y}: %{x:,} mentions in %{customdata[1]:,} articles<extra></extra>"
    )
    fig.update_layout(yaxis_title="", xaxis_title="mentions", **LAYOUT)
    fig.update_yaxes(categoryorder="total ascending")
    return fig


def _span(value: str | None, precision: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    try:
        if precision == "day" or precision == "week" or len(value) == 10:
            start = date.fromisoformat(value[:10])
            return start, start + timedelta(days=7 if precision == "week" else 1)
        if precision == "month" or len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]) + timedelta(days=1)
        y = int(value[:4])
        return date(y, 1, 1), date(y + 1, 1, 1)
    except ValueError:
        return None


@safe
def timeline(events: pd.DataFrame, names: dict[str, str] | None = None) -> go.Figure:
    """Dated events as bars spanning their precision: a month-precise event spans the month."""
    names = names or {}
    rows = []
    for i, ev in events.reset_index(drop=True).iterrows():
        span = _span(ev["date"], ev["precision"])
        if span is None:
            continue
        rows.append(
            {
                "start": span[0],
                "end": span[1],
                "type": human(ev["type"]),
                "row": i,
                "precision": ev["precision"],
                "date": ev["date"],
                "actors": ", ".join(names.get(a, a) for a in ev["actors"]) or "no state named",
                "sentence": _wrap(ev["sentence"]),
            }
        )
    if not rows:
        return _empty("Timeline of dated events")
    frame = pd.DataFrame(rows)
    fig = px.timeline(
        frame,
        x_start="start",
        x_end="end",
        y="type",
        color="type",
        color_discrete_map=colour_map(EVENT_COLOURS),
        # The fixed order of event types, without rows for types this selection lacks.
        category_orders={"type": [t for t in order(EVENT_COLOURS) if t in set(frame["type"])]},
        custom_data=["row", "date", "precision", "actors", "sentence"],
        title="Timeline of dated events",
    )
    fig.update_traces(
        hovertemplate="<b>%{customdata[1]}</b> (%{customdata[2]})<br>"
        "%{customdata[3]}<br>%{customdata[4]}<extra></extra>"
    )
    fig.update_layout(yaxis_title="", showlegend=False, **LAYOUT)
    return fig


def _wrap(text: str, width: int = 80) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if len(line) + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines[:6])


def _what(deal: Any) -> str:
    system = deal["system"]
    return str(system) if isinstance(system, str) and system else human(deal["category"])


_STAGE_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}


def _circle(nodes: list[str]) -> dict[str, tuple[float, float]]:
    n = max(len(nodes), 1)
    return {
        node: (
            math.cos(math.pi / 2 - 2 * math.pi * i / n),
            math.sin(math.pi / 2 - 2 * math.pi * i / n),
        )
        for i, node in enumerate(nodes)
    }


@safe
def arms_network(deals: pd.DataFrame, names: dict[str, str]) -> go.Figure:
    """Who arms whom: states as nodes sized by the deals they import, an arrow per supplier ->
    recipient pair labelled with its systems and coloured by its most advanced status."""
    title = "Who arms whom"
    known = deals.dropna(subset=["supplier", "recipient"])
    known = known[known["supplier"] != known["recipient"]]
    if known.empty:
        return _empty(title)
    imports = known.groupby("recipient").size()
    exports = known.groupby("supplier").size()
    nodes = sorted(
        set(known["supplier"]) | set(known["recipient"]),
        key=lambda a: (BLOC_GROUPS.index(bloc_of(a)), names.get(a, a)),
    )
    pos = _circle(nodes)
    fig = go.Figure()
    pairs = []
    for (sup, rec), group in known.groupby(["supplier", "recipient"]):
        status = max(
            group["status"], key=lambda s: _STAGE_RANK.get(s, 0) if s != "cancelled" else -1
        )
        systems = list(dict.fromkeys(_what(d) for d in group.to_dict("records")))
        pairs.append((str(sup), str(rec), str(status), systems, group))
    # Annotations are collected and set once: adding them one by one copies the layout's
    # list each time, which is quadratic in the number of supplier -> recipient pairs.
    notes: list[dict[str, Any]] = []
    for sup, rec, status, _systems, _group in pairs:
        (x0, y0), (x1, y1) = pos[sup], pos[rec]
        notes.append(
            dict(
                x=x1 * 0.93 + x0 * 0.07,
                y=y1 * 0.93 + y0 * 0.07,
                ax=x0,
                ay=y0,
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=3,
                arrowsize=1.2,
                arrowwidth=2,
                arrowcolor=STATUS_COLOURS.get(status, "#999"),
                opacity=0.85,
            )
        )
    sizes = [12 + 8 * math.sqrt(int(imports.get(a, 0))) for a in nodes]
    spots = _label_spots(
        [(pos[s], pos[r], _short(", ".join(systems)), len(g)) for s, r, _, systems, g in pairs],
        [(pos[a], names.get(a, a), size) for a, size in zip(nodes, sizes, strict=True)],
    )
    spot_of = {(s, r): spot for (s, r, *_), spot in zip(pairs, spots, strict=True)}
    by_status: dict[str, list[tuple[str, str, str, list[str], pd.DataFrame]]] = {}
    for pair in pairs:
        by_status.setdefault(pair[2], []).append(pair)
    for status in sorted(by_status, key=lambda s: _STAGE_RANK.get(s, 99)):
        rows = by_status[status]
        xs = [spot_of[(s, r)][0] for s, r, *_ in rows]
        ys = [spot_of[(s, r)][1] for s, r, *_ in rows]
        labels = [_short(", ".join(systems)) for *_, systems, _ in rows]
        shown = [spot_of[(s, r)][2] for s, r, *_ in rows]
        hover = [
            f"<b>{names.get(s, s)} → {names.get(r, r)}</b>: {plural(len(g), 'deal')}<br>"
            + "<br>".join(f"{_what(d)}: {human(d['status'])}" for d in g.to_dict("records")[:12])
            for s, r, _, _, g in rows
        ]
        for x, y, text, show in zip(xs, ys, labels, shown, strict=True):
            if not show:
                continue  # no room without covering another label: the diamond's hover has it
            notes.append(
                dict(
                    x=x,
                    y=y,
                    xref="x",
                    yref="y",
                    text=text,
                    showarrow=False,
                    font={"size": 11, "color": "#222"},
                    bgcolor="rgba(255,255,255,0.9)",
                    bordercolor=STATUS_COLOURS.get(status, "#999"),
                    borderwidth=1,
                    borderpad=2,
                )
            )
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers",
                text=labels,
                marker={
                    "size": 12,
                    "color": STATUS_COLOURS.get(status, "#999"),
                    "symbol": "diamond",
                },
                name=human(status),
                customdata=[[s, r] for s, r, *_ in rows],
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[pos[a][0] for a in nodes],
            y=[pos[a][1] for a in nodes],
            mode="markers+text",
            text=[names.get(a, a) for a in nodes],
            textposition=["top center" if pos[a][1] >= 0 else "bottom center" for a in nodes],
            textfont={"size": 13},
            marker={
                "size": sizes,
                "color": [BLOC_COLOURS[bloc_of(a)] for a in nodes],
                "line": {"width": 1, "color": "#fff"},
            },
            name="states",
            showlegend=False,
            customdata=[[a, a] for a in nodes],
            hovertext=[
                f"<b>{names.get(a, a)}</b><br>imports: {plural(int(imports.get(a, 0)), 'deal')}"
                f"<br>exports: {plural(int(exports.get(a, 0)), 'deal')}"
                for a in nodes
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_layout(title=title, height=620, annotations=notes, **LAYOUT)
    fig.update_layout(legend={"title_text": "status of the deals"})
    fig.update_xaxes(visible=False, range=[-1.45, 1.45])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    return fig


# Sizes in axis units for a chart whose plot is about 600 pixels wide (the axes span 2.9 units,
# about 200 pixels each): 11-pixel label text, 13-pixel state names.
_PIXEL = 1 / 200
_CHAR_WIDTH, _LABEL_HEIGHT = 6 * _PIXEL, 20 * _PIXEL
_NAME_CHAR, _NAME_HEIGHT = 7 * _PIXEL, 16 * _PIXEL
_ALONG = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78)
"""Where along its arrow a pair's label may sit, tried in this order."""
_Box = tuple[float, float, float, float]


def _overlaps(a: _Box, b: _Box) -> bool:
    return abs(a[0] - b[0]) * 2 < a[2] + b[2] and abs(a[1] - b[1]) * 2 < a[3] + b[3]


def _label_spots(
    arrows: list[tuple[tuple[float, float], tuple[float, float], str, int]],
    states: list[tuple[tuple[float, float], str, float]],
) -> list[tuple[float, float, bool]]:
    """Where each arrow's label goes, (x, y, shown): the pairs with the most deals first, each
    at the first point along its arrow (``_ALONG``) whose label covers no label placed before,
    no state and no state's name; a label with no such point is not shown (its midpoint keeps
    the diamond and its hover)."""
    taken: list[_Box] = []
    for (x, y), name, size in states:
        marker = size * _PIXEL
        taken.append((x, y, marker, marker))
        # The name sits above the marker (below it in the lower half), as the states trace
        # draws it.
        side = 1 if y >= 0 else -1
        offset = marker / 2 + _NAME_HEIGHT / 2 + 2 * _PIXEL
        taken.append((x, y + side * offset, len(name) * _NAME_CHAR + 8 * _PIXEL, _NAME_HEIGHT))
    out: list[tuple[float, float, bool]] = [(0.0, 0.0, False)] * len(arrows)
    order = sorted(range(len(arrows)), key=lambda i: -arrows[i][3])
    for i in order:
        (x0, y0), (x1, y1), text, _ = arrows[i]
        width = len(text) * _CHAR_WIDTH + 8 * _PIXEL
        out[i] = ((x0 + x1) / 2, (y0 + y1) / 2, False)
        for t in _ALONG:
            box = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, width, _LABEL_HEIGHT)
            if not any(_overlaps(box, other) for other in taken):
                taken.append(box)
                out[i] = (box[0], box[1], True)
                break
    return out


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@safe
def systems_by_category(deals: pd.DataFrame) -> go.Figure:
    """Deals by weapon category, stacked by how far each deal got."""
    title = "Deals by category and status"
    if deals.empty:
        return _empty(title)
    counts = deals.groupby(["category", "status"], as_index=False).agg(
        deals=("id", "size"),
        systems=("system", lambda s: ", ".join(sorted({x for x in s if isinstance(x, str)}))),
    )
    counts["Category"] = counts["category"].map(human)
    counts["Status"] = counts["status"].map(human)
    counts["systems"] = counts["systems"].map(lambda s: _short(s, 70) or "generic mentions")
    fig = px.bar(
        counts,
        x="deals",
        y="Category",
        color="Status",
        orientation="h",
        category_orders={"Status": order(STATUS_ORDER)},
        color_discrete_map=colour_map(STATUS_COLOURS),
        custom_data=["category", "status", "systems", "Status"],
        title=title,
    )
    fig.update_traces(
        hovertemplate="%{y}, %{customdata[3]}: %{x} deals<br>%{customdata[2]}<extra></extra>"
    )
    fig.update_layout(yaxis_title="", xaxis_title="deals", **LAYOUT)
    fig.update_yaxes(categoryorder="total ascending")
    fig.update_xaxes(tickformat="d")
    return fig


@safe
def deal_timeline(deals: pd.DataFrame, names: dict[str, str], *, limit: int = 40) -> go.Figure:
    """Each deal on its own row, named by system, supplier and recipient, at its year (order
    year, else first delivery or first report), with its deliveries; coloured by status."""
    title = "Deals by year"
    frame = deals.assign(year=deal_year(deals)).dropna(subset=["year"])
    if frame.empty:
        return _empty(title)
    if len(frame) > limit:
        frame = frame.sort_values(["sources", "year"], ascending=False).head(limit)
        title += f" ({limit} most reported of {len(deals)})"

    def name(code: Any) -> str:
        return names.get(code, code) if isinstance(code, str) else "unknown"

    frame["what"] = [_what(d) for d in frame.to_dict("records")]
    frame["row"] = [
        f"{w} ({name(s)} → {name(r)})"
        for w, s, r in zip(frame["what"], frame["supplier"], frame["recipient"], strict=True)
    ]
    frame["Status"] = frame["status"].map(human)
    frame["sources_text"] = frame["sources"].map(lambda n: plural(int(n), "source"))
    frame["deliveries"] = frame["delivery_years"].map(
        lambda ys: ", ".join(map(str, ys)) or "none reported"
    )
    frame = frame.sort_values(["year", "row"])
    fig = px.scatter(
        frame,
        x="year",
        y="row",
        color="Status",
        category_orders={"Status": order(STATUS_ORDER), "row": list(frame["row"])},
        color_discrete_map=colour_map(STATUS_COLOURS),
        custom_data=["id", "what", "Status", "sources_text", "deliveries"],
        title=title,
    )
    fig.update_traces(
        marker={"size": 13, "line": {"width": 1, "color": "#fff"}},
        hovertemplate="<b>%{y}</b><br>%{customdata[2]}, %{x}; deliveries: %{customdata[4]}"
        "<br>%{customdata[3]}<extra></extra>",
    )
    for d in frame.to_dict("records"):  # a line from the order to the last delivery
        if d["delivery_years"] and max(d["delivery_years"]) > d["year"]:
            fig.add_shape(
                type="line",
                x0=d["year"],
                x1=max(d["delivery_years"]),
                y0=d["row"],
                y1=d["row"],
                line={"color": STATUS_COLOURS.get(d["status"], "#999"), "width": 3},
                layer="below",
            )
    # Plotly Express lists y categories from the top: the earliest deal is the first row.
    fig.update_layout(yaxis_title="", height=max(300, 26 * len(frame) + 140), **LAYOUT)
    _years(fig, frame["year"])
    return fig


@safe
def supplier_shares(deals: pd.DataFrame, recipient: str, names: dict[str, str]) -> go.Figure:
    """A recipient's suppliers by share of its deals per year, and their concentration:
    the Herfindahl index (sum of squared shares, 0 to 10,000; above 2,500 is concentrated)."""
    who = names.get(recipient, recipient)
    title = f"Suppliers of {who}: share of deals per year and concentration"
    own = deals[(deals["recipient"] == recipient) & deals["supplier"].notna()]
    own = own.assign(year=deal_year(own)).dropna(subset=["year"])
    if own.empty:
        return _empty(title)
    own["year"] = own["year"].astype(int)
    counts = own.groupby(["year", "supplier"], as_index=False).agg(
        deals=("id", "size"),
        systems=("system", lambda s: ", ".join(sorted({x for x in s if isinstance(x, str)}))),
    )
    counts["share"] = counts["deals"] / counts.groupby("year")["deals"].transform("sum")
    hhi = counts.groupby("year")["share"].apply(lambda s: round(float((s**2).sum()) * 10_000))
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for supplier in sorted(counts["supplier"].unique(), key=lambda a: names.get(a, a)):
        part = counts[counts["supplier"] == supplier]
        name = names.get(supplier, supplier)
        fig.add_trace(
            go.Bar(
                x=part["year"],
                y=part["share"],
                name=name,
                text=[name] * len(part),
                textposition="inside",
                insidetextanchor="middle",
                marker={
                    "color": BLOC_COLOURS[bloc_of(supplier)],
                    "line": {"color": "#fff", "width": 1},
                },
                customdata=list(
                    zip(
                        part["deals"].map(lambda n: plural(int(n), "deal")),
                        part["systems"],
                        strict=True,
                    )
                ),
                hovertemplate=f"<b>{name}</b>, %{{x}}: %{{y:.0%}} of deals (%{{customdata[0]}})"
                "<br>%{customdata[1]}<extra></extra>",
            ),
            secondary_y=False,
        )
    fig.add_trace(
        go.Scatter(
            x=list(hhi.index),
            y=list(hhi.values),
            name="Herfindahl index",
            mode="lines+markers",
            line={"color": "#222", "width": 2, "dash": "dot"},
            marker={"size": 9, "color": "#222", "line": {"color": "#fff", "width": 1}},
            hovertemplate="Herfindahl index %{x}: %{y:,} (10,000 = one supplier)<extra></extra>",
        ),
        secondary_y=True,
    )
    fig.update_layout(barmode="stack", title=title, **LAYOUT)
    fig.update_yaxes(title="share of deals", tickformat=".0%", range=[0, 1.05], secondary_y=False)
    fig.update_yaxes(
        title="Herfindahl index",
        range=[0, 10_500],
        tickvals=[0, 1500, 2500, 5000, 10_000],
        tickformat=",",
        secondary_y=True,
        showgrid=False,
    )
    _years(fig, counts["year"])
    return fig


def herfindahl(deals: pd.DataFrame, recipient: str) -> int | None:
    """Concentration of a recipient's suppliers over every deal shown (0 to 10,000)."""
    own = deals[(deals["recipient"] == recipient) & deals["supplier"].notna()]
    if own.empty:
        return None
    shares = own["supplier"].value_counts(normalize=True)
    return round(float((shares**2).sum()) * 10_000)


def _index_frame(signals: pd.DataFrame, subject: str, by: str) -> pd.DataFrame:
    own = signals[signals["subject"] == subject].copy()
    own["row"] = own.index
    own["bloc"] = own["counterpart"].map(bloc_of)
    return own


@safe
def alignment_over_time(signals: pd.DataFrame, subject: str, names: dict[str, str]) -> go.Figure:
    """The alignment index of one subject toward each counterpart by year, from merged signals:
    one row per counterpart (grouped by bloc), one column per year, red away and blue toward."""
    who = names.get(subject, subject)
    title = f"Alignment index of {who} toward each counterpart, by year"
    own = _index_frame(signals, subject, "counterpart")
    own = own[own["first"].notna()]
    if own.empty:
        return _empty(title)
    index = alignment_index(own, by="counterpart")
    own = own.assign(period=own["first"].str[:4].astype(int))
    rows = own.groupby(["counterpart", "period"])["row"].apply(lambda r: ",".join(map(str, r)))
    counterparts = sorted(
        index["counterpart"].unique(),
        key=lambda c: (BLOC_GROUPS.index(bloc_of(str(c))), names.get(str(c), str(c))),
    )
    years = list(range(int(index["period"].min()), int(index["period"].max()) + 1))
    cells = index.set_index(["counterpart", "period"])
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    custom: list[list[list[str]]] = []
    for c in counterparts:
        z_row: list[float | None] = []
        t_row: list[str] = []
        c_row: list[list[str]] = []
        for y in years:
            if (c, y) in cells.index:
                cell = cells.loc[(c, y)]
                z_row.append(float(cell["index"]))
                t_row.append(f"{float(cell['index']):+.1f}")
                c_row.append(
                    [
                        rows.get((c, y), ""),
                        names.get(str(c), str(c)),
                        plural(int(cell["signals"]), "merged signal"),
                        plural(int(cell["sources"]), "source"),
                    ]
                )
            else:
                z_row.append(None)
                t_row.append("")
                c_row.append(["", names.get(str(c), str(c)), "no signals", ""])
        z.append(z_row)
        text.append(t_row)
        custom.append(c_row)
    labels = [f"{names.get(str(c), str(c))} · {bloc_of(str(c))}" for c in counterparts]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=years,
            y=labels,
            text=text,
            texttemplate="%{text}",
            customdata=custom,
            zmin=-1,
            zmax=1,
            colorscale=[[0, "#c62828"], [0.5, "#f7f7f7"], [1, "#1f4e79"]],
            colorbar={"title": {"text": "index"}, "tickvals": [-1, 0, 1]},
            xgap=2,
            ygap=2,
            hoverongaps=False,
            hovertemplate="<b>%{customdata[1]}</b>, %{x}: index %{z:+.2f}<br>"
            "from %{customdata[2]} (%{customdata[3]})<extra></extra>",
        )
    )
    fig.update_layout(title=title, height=max(320, 28 * len(counterparts) + 140), **LAYOUT)
    fig.update_yaxes(autorange="reversed", title="")
    _years(fig, pd.Series(years))
    return fig


@safe
def bloc_balance(signals: pd.DataFrame, subject: str, names: dict[str, str]) -> go.Figure:
    """The alignment index of one subject toward each bloc over every merged signal shown."""
    who = names.get(subject, subject)
    title = f"Alignment index of {who} toward each bloc"
    own = _index_frame(signals, subject, "bloc")
    if own.empty:
        return _empty(title)
    index = alignment_index(own, by="bloc", period="all")
    rows = own.groupby("bloc")["row"].apply(lambda r: ",".join(map(str, r)))
    index["rows"] = index["bloc"].map(rows)
    index["signals_text"] = index["signals"].map(lambda n: plural(int(n), "merged signal"))
    index["sources_text"] = index["sources"].map(lambda n: plural(int(n), "source"))
    fig = px.bar(
        index,
        x="bloc",
        y="index",
        color="bloc",
        color_discrete_map=BLOC_COLOURS,
        category_orders={"bloc": list(BLOC_GROUPS)},
        text=index["index"].map(lambda v: f"{v:+.2f}"),
        custom_data=["rows", "bloc", "signals_text", "sources_text", "net"],
        title=title,
    )
    fig.update_traces(
        hovertemplate="<b>%{customdata[1]}</b>: index %{y:+.2f}<br>from %{customdata[2]} "
        "(%{customdata[3]}); net weight %{customdata[4]:+.2f}<extra></extra>"
    )
    fig.add_hline(y=0, line_width=1, line_color="#888")
    fig.update_layout(xaxis_title="", showlegend=False, **LAYOUT)
    fig.update_yaxes(range=[-1.15, 1.15], title="index (−1 away … +1 toward)")
    return fig


def cue_counts(cues: pd.DataFrame, role: str) -> pd.DataFrame:
    """Cues per ``role`` (speaker or target) and type, from cue rows."""
    known = cues.dropna(subset=[role])
    return known.groupby([role, "type"], as_index=False).size()


def claim_counts(cues: pd.DataFrame, weak: frozenset[str] | set[str]) -> pd.DataFrame:
    """Attributed claims per speaker and certainty from cue rows: hedged when their sentence
    also carries a hedge that expresses doubt (not one of the ``weak`` ones)."""
    doubt = cues[(cues["type"] == "hedge") & ~cues["cue"].str.lower().isin(weak)]
    hedged = set(zip(doubt["article_id"], doubt["sentence"], strict=True))
    claims = cues[(cues["type"] == "attribution") & cues["speaker"].notna()].copy()
    claims["certainty"] = [
        "hedged" if (a, s) in hedged else "confirmed"
        for a, s in zip(claims["article_id"], claims["sentence"], strict=True)
    ]
    return claims.groupby(["speaker", "certainty"], as_index=False).size()


@safe
def cues_by_actor(
    cues: pd.DataFrame, names: dict[str, str], *, role: str = "speaker", limit: int = 12
) -> go.Figure:
    """Cue types per speaker (or target); ``cues`` has one row per ``role`` and ``type`` with
    its number of cues in ``size`` (``cue_counts`` of the rows, or the store's aggregate)."""
    known = cues.dropna(subset=[role])
    title = f"Stance cues by {role}"
    if known.empty:
        return _empty(title)
    per_actor = known.groupby(role)["size"].sum().sort_values(ascending=False, kind="stable")
    top = per_actor.head(limit).index
    counts = known[known[role].isin(top)].copy()
    counts["name"] = counts[role].map(lambda a: names.get(a, a))
    counts["Cue type"] = counts["type"].map(human)
    fig = px.bar(
        counts,
        x="size",
        y="name",
        color="Cue type",
        orientation="h",
        color_discrete_map=colour_map(CUE_COLOURS),
        category_orders={"Cue type": order(CUE_COLOURS)},
        custom_data=[role, "type", "Cue type"],
        title=title,
    )
    fig.update_traces(hovertemplate="%{y}: %{x} %{customdata[2]} cues<extra></extra>")
    fig.update_layout(yaxis_title="", xaxis_title="cues", **LAYOUT)
    fig.update_yaxes(categoryorder="total ascending")
    fig.update_xaxes(tickformat="d")
    return fig


@safe
def confirmed_vs_hedged(claims: pd.DataFrame, names: dict[str, str]) -> go.Figure:
    """Attributed claims per speaker, split by whether their sentence carries a hedge;
    ``claims`` has ``speaker``, ``certainty`` and the number of claims in ``size``."""
    if claims.empty:
        return _empty("Confirmed versus hedged claims")
    counts = claims.copy()
    counts["name"] = counts["speaker"].map(lambda a: names.get(a, a))
    counts["Certainty"] = counts["certainty"].map(human)
    fig = px.bar(
        counts,
        x="size",
        y="name",
        color="Certainty",
        orientation="h",
        color_discrete_map=CERTAINTY_COLOURS,
        category_orders={"Certainty": list(CERTAINTY_COLOURS)},
        custom_data=["speaker", "certainty"],
        title="Confirmed versus hedged claims",
    )
    fig.update_traces(hovertemplate="%{y}: %{x} claims<extra></extra>")
    fig.update_layout(yaxis_title="", xaxis_title="claims", **LAYOUT)
    fig.update_yaxes(categoryorder="total ascending")
    fig.update_xaxes(tickformat="d")
    return fig


@safe
def dyad_timeline(items: pd.DataFrame) -> go.Figure:
    """Everything between two actors on one time axis: deals, merged signals and statements,
    one row each; ``items`` has ``day``, ``kind``, ``label`` and ``detail``."""
    title = "Between them over time"
    dated = items[items["day"].notna()].copy()
    if dated.empty:
        return _empty(title)
    dated["day"] = pd.to_datetime(dated["day"], errors="coerce")
    dated = dated.dropna(subset=["day"])
    if dated.empty:
        return _empty(title)
    # Items of one kind on one day become one point: its label lists them all.
    dated = (
        dated.groupby(["day", "kind"], as_index=False)
        .agg(
            label=("label", lambda ls: ", ".join(dict.fromkeys(ls))),
            detail=("detail", lambda ds: "<br>".join(dict.fromkeys(ds))),
        )
        .sort_values("day")
    )
    dated["shown"] = [
        _short(label) if kind == "Deal" else ""
        for label, kind in zip(dated["label"], dated["kind"], strict=True)
    ]
    fig = px.scatter(
        dated,
        x="day",
        y="kind",
        color="kind",
        text="shown",
        color_discrete_map=KIND_COLOURS,
        category_orders={"kind": list(KIND_COLOURS)},
        custom_data=["label", "detail"],
        title=title,
    )
    for trace in fig.data:  # alternate labels above and below so that neighbours do not collide
        trace.textposition = [
            "top center" if i % 2 == 0 else "bottom center" for i in range(len(trace.x))
        ]
    fig.update_traces(
        marker={"size": 12},
        textfont_size=11,
        hovertemplate="<b>%{customdata[0]}</b>, %{x|%Y-%m-%d}<br>%{customdata[1]}<extra></extra>",
    )
    fig.update_layout(yaxis_title="", xaxis_title="", showlegend=False, height=360, **LAYOUT)
    return fig


@safe
def dyad_index(signals: pd.DataFrame, a: str, b: str, names: dict[str, str]) -> go.Figure:
    """The alignment index of each side toward the other, by year."""
    title = f"Alignment index between {names.get(a, a)} and {names.get(b, b)}, by year"
    pair = signals[
        ((signals["subject"] == a) & (signals["counterpart"] == b))
        | ((signals["subject"] == b) & (signals["counterpart"] == a))
    ]
    pair = pair[pair["first"].notna()]
    if pair.empty:
        return _empty(title)
    index = alignment_index(pair, by="counterpart")
    fig = go.Figure()
    for subject, part in index.groupby("subject"):
        s = str(subject)
        other = b if s == a else a
        label = f"{names.get(s, s)} toward {names.get(other, other)}"
        fig.add_trace(
            go.Scatter(
                x=part["period"],
                y=part["index"],
                mode="lines+markers",
                name=label,
                line={"color": BLOC_COLOURS[bloc_of(other)], "dash": "solid" if s == a else "dot"},
                customdata=list(
                    zip(
                        part["signals"].map(lambda n: plural(int(n), "merged signal")),
                        part["sources"].map(lambda n: plural(int(n), "source")),
                        strict=True,
                    )
                ),
                hovertemplate=f"{label}, %{{x}}: %{{y:+.2f}}<br>from %{{customdata[0]}} "
                "(%{customdata[1]})<extra></extra>",
            )
        )
    fig.add_hline(y=0, line_width=1, line_color="#888")
    fig.update_layout(title=title, **LAYOUT)
    fig.update_yaxes(range=[-1.15, 1.15], title="index")
    _years(fig, index["period"])
    return fig
