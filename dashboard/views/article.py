"""Article: the text with actors, weapon systems, dates and stance cues highlighted, beside the
tables extracted from it."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, review, ui
from dashboard.highlight import Mark, highlight, legend
from dashboard.palette import human

ctx = ui.context()
st.title("Article")
if not ctx.total("articles"):
    ui.empty("No articles match these filters. Add one on the **Add articles** page.")
    st.stop()

# The choices: the articles picked in the sidebar, else the newest that match the filters
# (find others with the sidebar's article search), and one named in the URL.
CHOICES = 200
wanted = st.query_params.get("id")  # a link from the Add page: ?id=<article id>
articles = ctx.page("articles", 0, rows=CHOICES, newest=True)
if wanted and wanted not in set(articles["id"]):
    linked = data.page(ctx.db, ctx.version, "articles", data.Filters(articles=(wanted,)))
    articles = pd.concat([linked, articles], ignore_index=True)
titles = dict(zip(articles["id"], articles["title"], strict=True))
if wanted in titles and st.session_state.get("art-url-id") != wanted:
    st.session_state["art-url-id"] = wanted
    st.session_state["art-select"] = wanted
article_id = st.selectbox(
    "Article", list(titles), key="art-select", format_func=lambda a: titles[a]
)
meta = articles[articles["id"] == article_id].iloc[0]
st.caption(
    f"Published {ui.cell(meta['published']) or 'unknown'} · "
    f"{ui.md(ui.cell(meta['source']) or 'no source')} · "
    f"{meta['words']} words · id {article_id}"
)

only = data.Filters(articles=(article_id,))
actors = data.table(ctx.db, ctx.version, "actors", only)
entities = data.table(ctx.db, ctx.version, "entities", only)
events = data.table(ctx.db, ctx.version, "events", only)
deals = data.table(ctx.db, ctx.version, "procurements", only)
cues = data.table(ctx.db, ctx.version, "stance_cues", only)
signals = data.table(ctx.db, ctx.version, "alignment", only)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]


marks: list[Mark] = []
for e in records(entities):
    if isinstance(e["actor"], str):
        kind = "person" if e["label"] == "PERSON" else "actor"
        marks.append(
            Mark(int(e["start"]), int(e["end"]), kind, str(ctx.names.get(e["actor"], e["actor"])))
        )
for d in records(deals):
    for ev in d["evidence"]:
        what = d["system"] or d["category"]
        marks.append(
            Mark(
                int(ev["start"]),
                int(ev["end"]),
                "weapon",
                f"{what}: {ui.cell(d['supplier'], ctx.names) or 'unknown supplier'} → "
                f"{ui.cell(d['recipient'], ctx.names) or 'unknown recipient'}, "
                f"{human(ev.get('status', ''))}",
            )
        )
for e in records(events):
    marks.append(
        Mark(
            int(e["start"]),
            int(e["end"]),
            "date",
            f"{e['date']} ({e['precision']})" if e["date"] else "undated",
        )
    )
for c in records(cues):
    marks.append(
        Mark(
            int(c["start"]),
            int(c["end"]),
            "cue",
            f"{human(c['type'])}: {ui.cell(c['speaker'], ctx.names) or 'unattributed'} → "
            f"{ui.cell(c['target'], ctx.names) or 'no target'}",
        )
    )

text_col, tables_col = st.columns([3, 2])
with text_col:
    st.html(legend())
    # highlight() escapes every character of the article; only its own <mark> tags are HTML.
    st.html(highlight(data.article_text(ctx.db, ctx.version, article_id), marks))
with tables_col:
    tabs = st.tabs(["Actors", "Events", "Deals", "Stance", "Signals"])
    frames = [
        ("actors", actors),
        ("events", events),
        ("procurements", deals),
        ("stance_cues", cues),
        ("alignment", signals),
    ]
    for tab, (name, frame) in zip(tabs, frames, strict=True):
        with tab:
            if frame.empty:
                ui.empty(f"No {name.replace('_', ' ')} found in this article.")
            else:
                st.dataframe(
                    ui.display(frame, ctx.names, ui.COLUMNS[name]),
                    hide_index=True,
                    key=f"art-{name}",
                    width="stretch",
                )
                ui.downloads(frame, f"{article_id}-{name}", key=f"art-{name}-dl")

st.subheader("Review actors and events")
st.caption(
    "Correct the state a person or company acts for in this article, or an event's date and "
    "type; confirm or reject a row in its decision, then save. Corrections are recorded with "
    "your name from the sidebar and survive re-analysis."
)
who = review.reviewer()
actors_tab, events_tab = st.tabs(["Actors", "Events"])
with actors_tab:
    review.editor(ctx, "actors", key=f"art-review-actors-{article_id}", rows=actors, who=who)
with events_tab:
    review.editor(ctx, "events", key=f"art-review-events-{article_id}", rows=events, who=who)
