"""Stance: cue types by speaker and by target, confirmed versus hedged claims, the cue table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.constants import WEAK_HEDGES
from dashboard import charts, ui
from dashboard.palette import human

ctx = ui.context()
st.title("Stance")
cues = ctx.table("stance_cues")
if cues.empty:
    ui.empty("No stance cues match these filters; widen the filters or add articles.")
    st.stop()

left, right = st.columns(2)
with left:
    st.plotly_chart(
        charts.cues_by_actor(cues, ctx.names, role="speaker"), key="st-speaker", width="stretch"
    )
with right:
    st.plotly_chart(
        charts.cues_by_actor(cues, ctx.names, role="target"), key="st-target", width="stretch"
    )

# A claim is an attributed statement; it is hedged when its sentence also carries a hedge that
# expresses doubt ("reportedly", "could"), not merely reported future ("said it would").
doubt = cues[(cues["type"] == "hedge") & ~cues["cue"].str.lower().isin(WEAK_HEDGES)]
hedged_sentences = set(zip(doubt["article_id"], doubt["sentence"], strict=True))
claims = cues[(cues["type"] == "attribution") & cues["speaker"].notna()].copy()
claims["certainty"] = [
    "hedged" if (a, s) in hedged_sentences else "confirmed"
    for a, s in zip(claims["article_id"], claims["sentence"], strict=True)
]
st.plotly_chart(charts.confirmed_vs_hedged(claims, ctx.names), key="st-claims", width="stretch")

kinds = st.pills(
    "Cue types",
    sorted(cues["type"].unique()),
    selection_mode="multi",
    key="st-types",
    format_func=human,
)
shown = cues[cues["type"].isin(kinds)] if kinds else cues
st.dataframe(
    ui.display(shown, ctx.names, [*ui.COLUMNS["stance_cues"], "article_id"]),
    hide_index=True,
    key="st-table",
    width="stretch",
)
ui.downloads(pd.DataFrame(shown), "stance_cues", key="st-dl")
