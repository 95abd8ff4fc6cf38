"""Figure builders: pure ``DataFrame -> plotly Figure`` functions, no Streamlit calls.

Every figure keeps a ``customdata`` column that identifies its rows, so a selection in the
browser can filter the evidence table below it.
"""

from __future__ import annotations

import calendar
import html
from datetime import date, timedelta

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analysis.constants import STATUSES
from analysis.resources import BLOC_GROUPS, bloc_of

STATUS_ORDER = list(STATUSES)
STATUS_COLOURS = {
    "planned": "#9ecae1",
    "negotiating": "#6baed6",
    "ordered": "#3182bd",
    "delivered": "#31a354",
    "in_service": "#006d2c",
    "displayed": "#fdae6b",
    "cancelled": "#de2d26",
    "unknown": "#bdbdbd",
}
BLOC_COLOURS = {
    "Russia": "#c0392b",
    "China": "#e67e22",
    "EU/NATO/US": "#2e86c1",
    "Others": "#7f8c8d",
}
LAYOUT = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "legend_title_text": ""}


def text(value: object) -> str:
    """Article-derived text (a sentence, a name, a title) made safe for Plotly's labels, hovers
    and titles, which render a subset of HTML: markup shows as text, links are not followed."""
    return html.escape(str(value), quote=False)


def _name(names: dict[str, str], actor: str) -> str:
    return text(names.get(actor, actor))


def _empty(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, **LAYOUT)
    fig.add_annotation(
        text="No data for this selection", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    return fig


def top_actors(actors: pd.DataFrame, names: dict[str, str], *, limit: int = 15) -> go.Figure:
    """Most-mentioned actors (countries, blocs, people, companies) across the articles."""
    if actors.empty:
        return _empty("Most-mentioned actors")
    counts = (
        actors.groupby(["actor", "type"], as_index=False)
        .agg(mentions=("mentions", "sum"), articles=("article_id", "nunique"))
        .sort_values("mentions", ascending=False)
        .head(limit)
    )
    counts["name"] = counts["actor"].map(lambda a: _name(names, a))
    fig = px.bar(
        counts.iloc[::-1],
        x="mentions",
        y="name",
        color="type",
        orientation="h",
        custom_data=["actor", "articles"],
        title="Most-mentioned actors",
    )
    fig.update_traces(
        hovertemplate="%{y}: %{x} mentions in %{customdata[1]} articles<extra></extra>"
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


def timeline(events: pd.DataFrame) -> go.Figure:
    """Dated events as bars spanning their precision: a month-precise event spans the month."""
    rows = []
    for i, ev in events.reset_index(drop=True).iterrows():
        span = _span(ev["date"], ev["precision"])
        if span is None:
            continue
        rows.append(
            {
                "start": span[0],
                "end": span[1],
                "type": ev["type"],
                "row": i,
                "precision": ev["precision"],
                "date": ev["date"],
                "actors": text(", ".join(ev["actors"]) or "—"),
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
        custom_data=["row", "date", "precision", "actors", "sentence"],
        title="Timeline of dated events",
    )
    fig.update_traces(
        hovertemplate="<b>%{customdata[1]}</b> (%{customdata[2]})<br>"
        "%{customdata[3]}<br>%{customdata[4]}<extra></extra>"
    )
    fig.update_layout(yaxis_title="", showlegend=False, **LAYOUT)
    return fig


def _wrap(sentence: str, width: int = 80) -> str:
    words, lines, line = text(sentence).split(), [], ""
    for w in words:
        if len(line) + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines[:6])


def sankey(deals: pd.DataFrame, names: dict[str, str]) -> go.Figure:
    """Supplier -> recipient flows; width is the number of deals."""
    known = deals.dropna(subset=["supplier", "recipient"])
    if known.empty:
        return _empty("Arms flows: supplier → recipient")
    flows = known.groupby(["supplier", "recipient"], as_index=False).agg(
        deals=("category", "size"),
        systems=(
            "system",
            lambda s: text(", ".join(sorted({x for x in s if isinstance(x, str)}))[:200]),
        ),
    )
    suppliers = sorted(flows["supplier"].unique())
    recipients = sorted(flows["recipient"].unique())
    labels = [_name(names, s) for s in suppliers] + [_name(names, r) for r in recipients]
    index_s = {s: i for i, s in enumerate(suppliers)}
    index_r = {r: len(suppliers) + i for i, r in enumerate(recipients)}
    fig = go.Figure(
        go.Sankey(
            node={
                "label": labels,
                "pad": 14,
                "thickness": 14,
                "color": [BLOC_COLOURS[bloc_of(s)] for s in suppliers]
                + ["#95a5a6"] * len(recipients),
            },
            link={
                "source": [index_s[s] for s in flows["supplier"]],
                "target": [index_r[r] for r in flows["recipient"]],
                "value": flows["deals"].tolist(),
                "customdata": flows["systems"].tolist(),
                "hovertemplate": "%{source.label} → %{target.label}: %{value} deal(s)<br>"
                "%{customdata}<extra></extra>",
            },
        )
    )
    fig.update_layout(title="Arms flows: supplier → recipient", **LAYOUT)
    return fig


def systems_by_category(deals: pd.DataFrame) -> go.Figure:
    """Deals by weapon category, stacked by how far each deal got."""
    if deals.empty:
        return _empty("Systems by category and status")
    counts = deals.groupby(["category", "status"], as_index=False).size()
    fig = px.bar(
        counts,
        x="size",
        y="category",
        color="status",
        orientation="h",
        category_orders={"status": STATUS_ORDER},
        color_discrete_map=STATUS_COLOURS,
        custom_data=["category", "status"],
        title="Systems by category and status",
    )
    fig.update_layout(yaxis_title="", xaxis_title="deals", **LAYOUT)
    return fig


def deliveries_over_time(deals: pd.DataFrame) -> go.Figure:
    """Deals per year of the event, by status (ordered, delivered, ...)."""
    dated = deals[deals["day"].notna()].copy()
    if dated.empty:
        return _empty("Deals over time")
    dated["year"] = dated["day"].str[:4]
    counts = dated.groupby(["year", "status"], as_index=False).size()
    fig = px.bar(
        counts,
        x="year",
        y="size",
        color="status",
        color_discrete_map=STATUS_COLOURS,
        category_orders={"status": STATUS_ORDER},
        custom_data=["year", "status"],
        title="Deals over time",
    )
    fig.update_layout(xaxis_title="", yaxis_title="deals", xaxis_type="category", **LAYOUT)
    return fig


def alignment_over_time(signals: pd.DataFrame, subject: str, names: dict[str, str]) -> go.Figure:
    """Signed signal weight from one subject toward each counterpart by year; material and
    verbal signals in separate panels. Points carry the row index for selection."""
    own = signals[(signals["subject"] == subject) & signals["day"].notna()].copy()
    if own.empty:
        return _empty(f"Signals from {_name(names, subject)} over time")
    own["year"] = own["day"].str[:4]
    own["signed"] = own["direction"] * own["weight"]
    own["counterpart_name"] = own["counterpart"].map(lambda a: _name(names, a))
    own["row"] = own.index
    grouped = own.groupby(["year", "basis", "counterpart_name"], as_index=False).agg(
        signed=("signed", "sum"), rows=("row", lambda r: ",".join(map(str, r))), n=("row", "size")
    )
    fig = px.scatter(
        grouped,
        x="year",
        y="signed",
        color="counterpart_name",
        size="n",
        facet_col="basis",
        custom_data=["rows", "counterpart_name", "n"],
        category_orders={"basis": ["material", "verbal"], "year": sorted(grouped["year"].unique())},
        title=f"Signals from {_name(names, subject)} over time",
    )
    fig.update_traces(
        hovertemplate="%{customdata[1]}: net %{y:.2f} from %{customdata[2]} "
        "signal(s)<extra></extra>"
    )
    fig.add_hline(y=0, line_width=1, line_color="#888")
    fig.update_layout(**{**LAYOUT, "legend_title_text": "toward"})
    fig.update_xaxes(type="category", title="")
    return fig


def bloc_balance(signals: pd.DataFrame, subject: str, names: dict[str, str]) -> go.Figure:
    """Net signed weight from one subject toward each camp, material and verbal stacked."""
    own = signals[signals["subject"] == subject].copy()
    if own.empty:
        return _empty(f"Net alignment of {_name(names, subject)} by bloc")
    own["bloc"] = own["counterpart"].map(bloc_of)
    own["signed"] = own["direction"] * own["weight"]
    own["row"] = own.index
    net = own.groupby(["bloc", "basis"], as_index=False).agg(
        signed=("signed", "sum"), rows=("row", lambda r: ",".join(map(str, r)))
    )
    fig = px.bar(
        net,
        x="bloc",
        y="signed",
        color="basis",
        barmode="relative",
        category_orders={"bloc": list(BLOC_GROUPS), "basis": ["material", "verbal"]},
        custom_data=["rows", "bloc", "basis"],
        title=f"Net alignment of {_name(names, subject)} by bloc",
    )
    fig.update_traces(hovertemplate="%{customdata[1]} (%{customdata[2]}): %{y:.2f}<extra></extra>")
    fig.add_hline(y=0, line_width=1, line_color="#888")
    fig.update_layout(xaxis_title="", yaxis_title="net signed weight", **LAYOUT)
    return fig


def cues_by_actor(
    cues: pd.DataFrame, names: dict[str, str], *, role: str = "speaker", limit: int = 12
) -> go.Figure:
    """Cue types per speaker (or target)."""
    known = cues.dropna(subset=[role])
    title = f"Stance cues by {role}"
    if known.empty:
        return _empty(title)
    top = known[role].value_counts().head(limit).index
    counts = known[known[role].isin(top)].groupby([role, "type"], as_index=False).size()
    counts["name"] = counts[role].map(lambda a: _name(names, a))
    fig = px.bar(
        counts,
        x="size",
        y="name",
        color="type",
        orientation="h",
        custom_data=[role, "type"],
        title=title,
    )
    fig.update_layout(yaxis_title="", xaxis_title="cues", **LAYOUT)
    return fig


def confirmed_vs_hedged(claims: pd.DataFrame, names: dict[str, str]) -> go.Figure:
    """Attributed claims per speaker, split by whether their sentence carries a hedge."""
    if claims.empty:
        return _empty("Confirmed versus hedged claims")
    counts = claims.groupby(["speaker", "certainty"], as_index=False).size()
    counts["name"] = counts["speaker"].map(lambda a: _name(names, a))
    fig = px.bar(
        counts,
        x="size",
        y="name",
        color="certainty",
        orientation="h",
        color_discrete_map={"confirmed": "#2e7d32", "hedged": "#f9a825"},
        custom_data=["speaker", "certainty"],
        title="Confirmed versus hedged claims",
    )
    fig.update_layout(yaxis_title="", xaxis_title="claims", **LAYOUT)
    return fig
