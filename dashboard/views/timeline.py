"""Timeline: dated events over time, coloured by type, each bar spanning its precision.

The chart draws the most recent dated events (at most ``CHART_ROWS``); the table pages through
every dated event and its downloads hold them all."""

from __future__ import annotations

import streamlit as st

from analysis.store import Value
from dashboard import charts, data, review, ui

CHART_ROWS = 2000

ctx = ui.context()
st.title("Timeline")
if not ctx.total("events"):
    ui.empty(
        "No events match these filters. Events come from date expressions in articles; "
        "add articles or widen the filters."
    )
    st.stop()

DATED = data.match_of({"date": Value.PRESENT})
UNDATED = data.match_of({"date": None})
count = ctx.total("events", DATED)
# The newest dated events, in time order (all of them when there are no more than CHART_ROWS).
dated = ctx.page("events", 0, (), DATED, rows=CHART_ROWS, newest=True)
dated = dated.iloc[::-1].reset_index(drop=True)
st.caption(
    "A day-precise event is a day wide, a month-precise one spans its month, a "
    "year-precise one its year. Select bars to filter the table."
    + (
        f" The chart shows the {CHART_ROWS:,} most recent of {count:,}."
        if count > len(dated)
        else ""
    )
)
selection = st.plotly_chart(
    charts.timeline(dated, ctx.names),
    key="tl-chart",
    on_select="rerun",
    selection_mode=["points", "box"],
    width="stretch",
)
rows = (
    sorted({int(p["customdata"][0]) for p in selection.selection.points if p.get("customdata")})
    if selection
    else []
)
shown_columns = [*ui.COLUMNS["events"], "article_id"]
if rows:
    shown = dated.iloc[rows]
    st.subheader(f"{len(shown)} dated events (selected)")
    table = shown[shown_columns]
    st.dataframe(
        ui.display(table, ctx.names, shown_columns),
        hide_index=True,
        key="tl-table",
        width="stretch",
    )
    ui.downloads(table, "events", key="tl-dl")
else:
    st.subheader(f"{count} dated events")
    ui.paged(
        ctx,
        "events",
        key="tl-table",
        shown=shown_columns,
        columns=tuple(shown_columns),
        match=DATED,
        download="events",
    )

undated = ctx.total("events", UNDATED)
if undated:
    with st.expander(f"{undated} undated or vague time expressions"):
        ui.paged(
            ctx,
            "events",
            key="tl-undated",
            shown=["date_text", "type", "sentence"],
            match=UNDATED,
            download="undated-events",
        )

st.subheader("Review events")
st.caption(
    "Correct an event's date (YYYY, YYYY-MM or YYYY-MM-DD) or type, or confirm or reject it in "
    "its decision, then save: the timeline uses the corrected values, and re-analysis keeps them."
)
review.editor(ctx, "events", key="tl-review")
review.history(ctx, "events", key="tl-history")
