"""Stance: cue types by speaker and by target, confirmed versus hedged claims, the cue table.

The charts are aggregates computed by the store; the table pages through the cues and its
downloads hold every matching one."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, ui
from dashboard.palette import human

ctx = ui.context()
st.title("Stance")
types = ctx.aggregate("stance_cues", ("type",), (("size", "count", "*"),))
if types.empty:
    ui.empty("No stance cues match these filters; widen the filters or add articles.")
    st.stop()

left, right = st.columns(2)
for column, role in ((left, "speaker"), (right, "target")):
    counts = ctx.aggregate("stance_cues", (role, "type"), (("size", "count", "*"),))
    with column:
        st.plotly_chart(
            charts.cues_by_actor(counts, ctx.names, role=role),
            key=f"st-{role}",
            width="stretch",
        )

# A claim is an attributed statement; it is hedged when its sentence also carries a hedge that
# expresses doubt ("reportedly", "could"), not merely reported future ("said it would").
claims = data.claims(ctx.db, ctx.version, ctx.filters)
st.plotly_chart(charts.confirmed_vs_hedged(claims, ctx.names), key="st-claims", width="stretch")

kinds = st.pills(
    "Cue types",
    sorted(types["type"]),
    selection_mode="multi",
    key="st-types",
    format_func=human,
)
ui.paged(
    ctx,
    "stance_cues",
    key="st-table",
    shown=[*ui.COLUMNS["stance_cues"], "article_id"],
    match=data.match_of({"type": list(kinds)}) if kinds else None,
    download="stance_cues",
)
