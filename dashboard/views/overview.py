"""Overview: counts, the most-mentioned actors, the latest events, an actor's alignment balance.

Every number and chart here is an aggregate computed by the store; the articles table shows one
page of rows and its downloads hold every matching article."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, overview, ui
from dashboard.overview import DATED, SUBJECTS

ctx = ui.context()
st.title("Overview")
if not ctx.total("articles"):
    ui.empty(
        "No articles match these filters. Clear a filter in the sidebar, or add articles "
        "on the **Add articles** page."
    )
    st.stop()

# The layout first, then the cheapest chart: the most-mentioned actors come from the store's
# running totals, so the chart is on its way to the browser before the counts are computed.
cols = st.columns(5)
left, right = st.columns([3, 2])
actors = data.actor_totals(ctx.db, ctx.version, ctx.filters)
with left:
    st.plotly_chart(charts.top_actors(actors, ctx.names), key="ov-top-actors", width="stretch")

dated = ctx.aggregate("events", (), DATED)
subjects = ctx.aggregate("signals", ("subject",), SUBJECTS)
cols[0].metric("Articles", ctx.total("articles"))
cols[1].metric("Actors", actors["actor"].nunique())
cols[2].metric("Dated events", int(dated["dated"].iloc[0]) if len(dated) else 0)
cols[3].metric("Arms deals", f"{ctx.total('deals'):,}", help="Reports from every article merged")
cols[4].metric(
    "Alignment signals",
    f"{int(subjects['signals'].sum()):,}",
    help="Merged across articles; see Alignment",
)

with right:
    st.subheader("Latest events")
    latest = overview.latest_events(ctx)
    if latest.empty:
        ui.empty("No dated events in this selection.")
    else:
        st.dataframe(
            ui.display(latest, ctx.names, ["date", "type", "actors", "sentence"]),
            hide_index=True,
            key="ov-latest",
            width="stretch",
        )

st.subheader("Alignment toward each bloc")
options = overview.subject_options(subjects, ctx.filters.actors)
if not options:
    ui.empty("No alignment signals in this selection.")
else:
    subject = st.selectbox(
        "Balance of", options, key="ov-subject", format_func=lambda a: ctx.names.get(a, a)
    )
    subject = str(subject)
    own = overview.subject_signals(ctx, subject)
    st.plotly_chart(charts.bloc_balance(own, subject, ctx.names), key="ov-balance", width="stretch")

st.subheader("Articles")
ui.paged(
    ctx,
    "articles",
    key="ov-articles",
    shown=overview.ARTICLE_COLUMNS,
    download="articles",
)
