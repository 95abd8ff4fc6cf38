"""Alignment: a subject state's signals toward each counterpart over time, material and verbal
apart, and its net balance by bloc. Selecting points or bars filters the evidence below."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, ui

ctx = ui.context()
st.title("Alignment")
signals = ctx.table("alignment")
if signals.empty:
    ui.empty(
        "No alignment signals match these filters. Signals come from deals, exercises, "
        "agreements, membership, sanctions and statements; widen the filters."
    )
    st.stop()

counts = signals["subject"].value_counts()
preferred = [a for a in ctx.filters.actors if a in counts.index]
options = preferred + [s for s in counts.index if s not in preferred]
subject = st.selectbox(
    "Subject state",
    options,
    key="al-subject",
    format_func=lambda a: f"{ctx.names.get(a, a)} ({counts[a]} signals)",
)
subject = str(subject)

left, right = st.columns([3, 2])
with left:
    over_time = st.plotly_chart(
        charts.alignment_over_time(signals, subject, ctx.names),
        key="al-time",
        on_select="rerun",
        selection_mode=["points", "box"],
        width="stretch",
    )
with right:
    balance = st.plotly_chart(
        charts.bloc_balance(signals, subject, ctx.names),
        key="al-balance",
        on_select="rerun",
        selection_mode="points",
        width="stretch",
    )

rows: set[int] = set()
for event in (over_time, balance):
    for point in event.selection.points if event else []:
        data = point.get("customdata") or []
        if data and isinstance(data[0], str):
            rows.update(int(r) for r in data[0].split(",") if r)
own = signals[signals["subject"] == subject]
shown = signals.loc[sorted(rows)] if rows else own
st.subheader(f"Evidence: {len(shown)} signals" + (" (selected)" if rows else ""))
table = ui.with_names(shown, ctx.names, "subject", "counterpart")
cols = [*ui.COLUMNS["alignment"], "article_id"]
st.dataframe(table[cols], hide_index=True, key="al-table", width="stretch")
ui.downloads(shown, "alignment", key="al-dl")
