"""Alignment: a subject's alignment index toward each counterpart by year and toward each bloc,
computed from merged signals, with how the index is made. Selecting points or bars filters the
evidence below."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.signals import CORROBORATION_MAX, CORROBORATION_STEP, WINDOW_DAYS
from dashboard import charts, data, review, ui
from dashboard.palette import plural

# A subject's merged signals without their evidence lists: what the index charts need.
LIGHT = ("id", "subject", "counterpart", "type", "basis", "direction", "weight", "first", "sources")

ctx = ui.context()
st.title("Alignment")
subjects = ctx.aggregate("signals", ("subject",), (("signals", "count", "*"),))
if subjects.empty:
    ui.empty(
        "No alignment signals match these filters. Signals come from deals, exercises, "
        "agreements, membership, sanctions and statements; widen the filters."
    )
    st.stop()

with st.expander("How the alignment index is computed", icon=":material/help:"):
    st.markdown(
        f"""
**Signals.** Every article yields signals from one state (the *subject*) toward or away from
another (the *counterpart*): buying arms (weighted by how far the deal got; a cancelled deal
points away), joint exercises and their suspension, agreements, bases, membership and accession
bids, sanctions, complying with or resisting pressure, and statements of support or criticism.
Each signal type has a weight between 0 and 1 (`analysis/data/signals.v1.jsonl`,
`status_weights.v1.jsonl`); a hedged sentence ("reportedly") counts 0.6 of it.

**Merged signals.** Reports of the same subject, counterpart, type and direction within
{WINDOW_DAYS} days of the first are one merged signal, with the weight of its strongest report.
Its **sources** are the distinct texts behind it (syndicated copies of one text count once).
A source count raises a signal's weight by {CORROBORATION_STEP:.2f} per further source, to at most
{CORROBORATION_MAX:.1f}×: one story repeated ten times weighs 1.5 signals, not ten.

**Index.** For a subject, a counterpart (or bloc) and a period:
index = sum of (direction × weight × corroboration) / sum of (weight × corroboration), from −1
(every signal points away) through 0 (balanced) to +1 (every signal points toward).
The number of merged signals and sources behind each point is in its hover: an index from one
signal is a hint, not a trend.

**Blocs.** Russia: Russia, Belarus, the CSTO and the EAEU. China: China. EU/NATO/US: the EU,
NATO, the United States, the G7, AUKUS and every EU or NATO member state. Others: everyone else.
"""
    )

ranked = subjects.sort_values("signals", ascending=False, kind="stable")
counts = dict(zip(ranked["subject"], ranked["signals"], strict=True))
preferred = [a for a in ctx.filters.actors if a in counts]
options = preferred + [s for s in counts if s not in preferred]
subject = st.selectbox(
    "Subject state",
    options,
    key="al-subject",
    format_func=lambda a: f"{ctx.names.get(a, a)} ({plural(int(counts[a]), 'merged signal')})",
)
subject = str(subject)
own_match = data.match_of({"subject": subject})
signals = ctx.table("signals", LIGHT, own_match)

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
        data_ = point.get("customdata") or []
        if data_ and isinstance(data_[0], str):
            rows.update(int(r) for r in data_[0].split(",") if r)


def with_evidence(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(
        evidence=frame["reports"].map(
            lambda rs: " | ".join(dict.fromkeys(r["sentence"] for r in rs))
        ),
        direction=frame["direction"].map(lambda d: "toward" if int(d) > 0 else "away"),
    )


if rows:
    picked = data.match_of({"id": sorted(signals.loc[sorted(rows), "id"])})
    st.subheader(f"Evidence: {plural(ctx.total('signals', picked), 'merged signal')} (selected)")
else:
    picked = own_match
    st.subheader(f"Evidence: {plural(len(signals), 'merged signal')}")
ui.paged(
    ctx,
    "signals",
    key="al-table",
    shown=ui.COLUMNS["signals"],
    match=picked,
    prepare=with_evidence,
    download="signals",
)

st.subheader("Review reports")
st.caption(
    "Each alignment report as extracted from one article (corrected values shown). Edit a wrong "
    "value, or pick **confirm** or **reject** in a row's decision, then save: corrections are "
    "recorded with your name from the sidebar and feed the index, the balance and every export."
)
review.editor(ctx, "alignment", key="al-review")
review.add_form(ctx, "alignment", key="al-add")
review.history(ctx, "alignment", key="al-history")
