"""Overview: counts, the most-mentioned actors, the latest events, an actor's alignment balance."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import charts, ui

ctx = ui.context()
st.title("Overview")
articles = ctx.table("articles")
if articles.empty:
    ui.empty(
        "No articles match these filters. Clear a filter in the sidebar, or add articles "
        "on the **Add articles** page."
    )
    st.stop()

actors = ctx.table("actors", ("article_id", "actor", "type", "mentions"))
events = ctx.table("events")
# Counts and the bloc index only: the merged rows' evidence lists are not needed here.
deals = ctx.table("deals", ("id",))
signals = ctx.table(
    "signals", ("id", "subject", "counterpart", "direction", "weight", "first", "sources")
)

cols = st.columns(5)
cols[0].metric("Articles", len(articles))
cols[1].metric("Actors", actors["actor"].nunique())
cols[2].metric("Dated events", int(events["date"].notna().sum()))
cols[3].metric("Arms deals", f"{len(deals):,}", help="Reports from every article merged")
cols[4].metric(
    "Alignment signals", f"{len(signals):,}", help="Merged across articles; see Alignment"
)

left, right = st.columns([3, 2])
with left:
    st.plotly_chart(charts.top_actors(actors, ctx.names), key="ov-top-actors", width="stretch")
with right:
    st.subheader("Latest events")
    today = date.today().isoformat()
    past = events[events["date"].notna() & (events["day"] <= today)]
    latest = past.sort_values("day", ascending=False).head(10)
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
subjects = signals["subject"].value_counts()
chosen = [a for a in ctx.filters.actors if a in subjects.index]
options = chosen + [s for s in subjects.index if s not in chosen]
if not options:
    ui.empty("No alignment signals in this selection.")
else:
    subject = st.selectbox(
        "Balance of", options, key="ov-subject", format_func=lambda a: ctx.names.get(a, a)
    )
    subject = str(subject)
    st.plotly_chart(
        charts.bloc_balance(signals, subject, ctx.names), key="ov-balance", width="stretch"
    )

st.subheader("Articles")
st.dataframe(
    ui.display(articles, ctx.names, ["published", "title", "source", "words"]),
    hide_index=True,
    key="ov-articles",
    width="stretch",
)
ui.downloads(articles, "articles", key="ov-articles-dl")
