"""Overview: counts, the most-mentioned actors, the latest events, an actor's alignment balance.

Every number and chart here is an aggregate computed by the store; the articles table shows one
page of rows and its downloads hold every matching article."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from analysis.store import Value
from dashboard import charts, data, ui

ctx = ui.context()
st.title("Overview")
if not ctx.total("articles"):
    ui.empty(
        "No articles match these filters. Clear a filter in the sidebar, or add articles "
        "on the **Add articles** page."
    )
    st.stop()

actors = data.actor_totals(ctx.db, ctx.version, ctx.filters)
dated = ctx.aggregate("events", (), (("dated", "count_values", "date"),))
subjects = ctx.aggregate("signals", ("subject",), (("signals", "count", "*"),))

cols = st.columns(5)
cols[0].metric("Articles", ctx.total("articles"))
cols[1].metric("Actors", actors["actor"].nunique())
cols[2].metric("Dated events", int(dated["dated"].iloc[0]) if len(dated) else 0)
cols[3].metric("Arms deals", f"{ctx.total('deals'):,}", help="Reports from every article merged")
cols[4].metric(
    "Alignment signals",
    f"{int(subjects['signals'].sum()):,}",
    help="Merged across articles; see Alignment",
)

left, right = st.columns([3, 2])
with left:
    st.plotly_chart(charts.top_actors(actors, ctx.names), key="ov-top-actors", width="stretch")
with right:
    st.subheader("Latest events")
    today = date.today()
    end = min(ctx.filters.end, today) if ctx.filters.end else today
    latest = data.page(
        ctx.db,
        ctx.version,
        "events",
        replace(ctx.filters, end=end),
        0,
        ("date", "type", "actors", "sentence", "day"),
        data.match_of({"date": Value.PRESENT}),
        rows=10,
        newest=True,
    )
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
ranked = subjects.sort_values("signals", ascending=False, kind="stable")
counts = dict(zip(ranked["subject"], ranked["signals"], strict=True))
chosen = [a for a in ctx.filters.actors if a in counts]
options = chosen + [s for s in counts if s not in chosen]
if not options:
    ui.empty("No alignment signals in this selection.")
else:
    subject = st.selectbox(
        "Balance of", options, key="ov-subject", format_func=lambda a: ctx.names.get(a, a)
    )
    subject = str(subject)
    own = ctx.table(
        "signals",
        ("id", "subject", "counterpart", "direction", "weight", "first", "sources"),
        data.match_of({"subject": subject}),
    )
    st.plotly_chart(charts.bloc_balance(own, subject, ctx.names), key="ov-balance", width="stretch")

st.subheader("Articles")
ui.paged(
    ctx,
    "articles",
    key="ov-articles",
    shown=["published", "title", "source", "words"],
    download="articles",
)
