"""Procurement: supplier → recipient flows, systems by category and status, deals over time,
and the deal table with its evidence sentences."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, ui

ctx = ui.context()
st.title("Arms procurement")
deals = ctx.table("procurements")
if deals.empty:
    ui.empty(
        "No arms deals match these filters. Deals come from weapon systems mentioned "
        "with a buyer or supplier; add articles or widen the filters."
    )
    st.stop()

st.plotly_chart(charts.sankey(deals, ctx.names), key="pr-sankey", width="stretch")
left, right = st.columns(2)
with left:
    picked = st.plotly_chart(
        charts.systems_by_category(deals),
        key="pr-category",
        on_select="rerun",
        selection_mode="points",
        width="stretch",
    )
with right:
    st.plotly_chart(charts.deliveries_over_time(deals), key="pr-time", width="stretch")

chosen = (
    {
        (p["customdata"][0], p["customdata"][1])
        for p in picked.selection.points
        if p.get("customdata")
    }
    if picked
    else set()
)
shown = deals
if chosen:
    shown = deals[
        [(c, s) in chosen for c, s in zip(deals["category"], deals["status"], strict=True)]
    ]
st.subheader(f"{len(shown)} deals" + (" (selected)" if chosen else ""))
table = ui.with_names(shown, ctx.names, "supplier", "recipient")
table = table.assign(
    evidence_sentences=table["evidence"].map(
        lambda ev: " | ".join(dict.fromkeys(e["sentence"] for e in ev))
    )
)
cols = [*ui.COLUMNS["procurements"][:-1], "evidence_sentences", "article_id"]
st.dataframe(table[cols], hide_index=True, key="pr-table", width="stretch")
ui.downloads(shown, "procurements", key="pr-dl")
