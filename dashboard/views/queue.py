"""Review queue: the extracted rows that most need a person, each with its sentence in context
and one-click confirm or reject (recorded as corrections with the sidebar's reviewer name)."""

from __future__ import annotations

import math
from pathlib import Path

import streamlit as st

from analysis.corrections import CorrectionError
from analysis.store import Store
from dashboard import data, review, ui
from dashboard.palette import plural

CONTEXT = 240  # characters of article text shown on each side of a row's sentence
SHOWN = 20

ctx = ui.context()
st.title("Review queue")
who = review.reviewer()
st.caption(
    "Rows no analyst has confirmed, edited or rejected yet, most in need of a person first: "
    "reports of deals whose sources disagree, single-source deals, single-source signals with a "
    "high weight, people the data does not know whom only a title linked to a state, and rows "
    "from hedged sentences. Confirm or reject each with one click; edit values on the "
    "Procurement, Alignment and Article pages, and add a person for good on the Knowledge page."
)
done = st.session_state.pop("rq-done", None)
if done:
    st.success(done)
count = data.review_queue_size(ctx.db, ctx.version)
if not count:
    ui.empty("Nothing left to review: every row in the queue has been settled.")
    st.stop()
pages = max(1, math.ceil(count / SHOWN))
number = 0
if pages > 1:
    chosen = st.session_state.get("rq-page")
    if isinstance(chosen, int | float) and chosen > pages:  # fewer rows since last run
        st.session_state["rq-page"] = pages
    number = int(st.number_input(f"Page (of {pages:,})", 1, pages, 1, key="rq-page", width=160))
    number -= 1
items = data.review_queue(ctx.db, ctx.version, number, SHOWN)
if items.empty:  # settled while this page was open
    ui.empty("Nothing left on this page of the queue.")
    st.stop()
first = number * SHOWN
st.caption(f"Rows {first + 1:,}–{first + len(items):,} of the {plural(count, 'row')} in the queue.")
ui.downloads(items, "review-queue", key="rq-dl")


def settle(table: str, row_id: str, action: str) -> None:
    try:
        with Store(Path(ctx.db)) as store:
            store.correct(table, row_id, action=action, reviewer=who)
    except CorrectionError as exc:
        st.error(ui.md(exc))
        return
    st.session_state["rq-done"] = f"Row {action}ed." if action == "confirm" else "Row rejected."
    st.rerun()


for item in items.to_dict("records"):
    text = data.article_text(ctx.db, ctx.version, str(item["article_id"]))
    start = text.find(str(item["sentence"]))
    start = start if start >= 0 else int(item["start"])
    end = start + len(str(item["sentence"]))
    with st.container(border=True):
        st.markdown(f"**{ui.md(item['label'])}**")
        if item["reasons"]:
            st.caption(" · ".join(item["reasons"]))
        before = text[max(0, start - CONTEXT) : start]
        after = text[end : end + CONTEXT]
        st.markdown(f"…{ui.md(before)} **{ui.md(text[start:end])}** {ui.md(after)}…")
        left, right, _ = st.columns([1, 1, 6])
        if left.button("Confirm", key=f"rq-confirm-{item['row_id']}"):
            settle(str(item["table"]), str(item["row_id"]), "confirm")
        if right.button("Reject", key=f"rq-reject-{item['row_id']}"):
            settle(str(item["table"]), str(item["row_id"]), "reject")
