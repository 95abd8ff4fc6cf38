"""Timeline: dated events over time, coloured by type, each bar spanning its precision."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, review, ui

ctx = ui.context()
st.title("Timeline")
events = ctx.table("events")
if events.empty:
    ui.empty(
        "No events match these filters. Events come from date expressions in articles; "
        "add articles or widen the filters."
    )
    st.stop()

dated = events[events["date"].notna()].reset_index(drop=True)
st.caption(
    "A day-precise event is a day wide, a month-precise one spans its month, a "
    "year-precise one its year. Select bars to filter the table."
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
shown = dated.iloc[rows] if rows else dated
st.subheader(f"{len(shown)} dated events" + (" (selected)" if rows else ""))
table = shown[[*ui.COLUMNS["events"], "article_id"]]
st.dataframe(
    ui.display(table, ctx.names, [*ui.COLUMNS["events"], "article_id"]),
    hide_index=True,
    key="tl-table",
    width="stretch",
)
ui.downloads(table, "events", key="tl-dl")

undated = events[events["date"].isna()]
if not undated.empty:
    with st.expander(f"{len(undated)} undated or vague time expressions"):
        st.dataframe(
            ui.display(undated, ctx.names, ["date_text", "type", "sentence"]),
            hide_index=True,
            key="tl-undated",
            width="stretch",
        )

st.subheader("Review events")
st.caption(
    "Correct an event's date (YYYY, YYYY-MM or YYYY-MM-DD) or type, or confirm or reject it in "
    "its decision, then save: the timeline uses the corrected values, and re-analysis keeps them."
)
review.editor(ctx, "events", key="tl-review")
review.history(ctx, "events", key="tl-history")
