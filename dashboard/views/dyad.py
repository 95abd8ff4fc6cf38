"""Dyad: two actors and everything between them over time (deals, merged alignment signals,
statements), with the evidence sentences. The pair is kept in the URL (``?a=SRB&b=RUS``)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import charts, data, ui
from dashboard.palette import human, plural

ctx = ui.context()
st.title("Dyad")
st.caption(
    "Pick two states, blocs or organisations to see the arms deals between them, the alignment "
    "signals each sends the other (merged across articles) and what each says about the other."
)

index = data.actor_index(ctx.db, ctx.version)
index = index[index["type"].isin(["country", "bloc", "organisation"])]
options = [str(a) for a in index["actor"]]
if len(options) < 2:
    ui.empty("The store needs articles naming at least two states to compare them.")
    st.stop()

if not st.session_state.get("dy-url-loaded"):
    st.session_state["dy-url-loaded"] = True
    wanted = [a for a in (st.query_params.get("a"), st.query_params.get("b")) if a in options]
    picked = wanted or [a for a in ctx.filters.actors if a in options]
    if picked:
        st.session_state["dy-a"] = picked[0]
    if len(picked) > 1:
        st.session_state["dy-b"] = picked[1]


def label(actor: str) -> str:
    return ctx.names.get(actor, actor)


left, right = st.columns(2)
a = str(left.selectbox("First actor", options, key="dy-a", format_func=label))
rest = [o for o in options if o != a]
if st.session_state.get("dy-b") == a:
    del st.session_state["dy-b"]
b = str(right.selectbox("Second actor", rest, key="dy-b", format_func=label))
for key, value in (("a", a), ("b", b)):
    if st.query_params.get(key) != value:
        st.query_params[key] = value

only = replace(ctx.filters, actors=(a,))


def pair(table: str, x: str, y: str) -> pd.DataFrame:
    """The rows between the two, either way round (selected by the store)."""
    between = data.match_of({x: a, y: b}, {x: b, y: a})
    return data.table(ctx.db, ctx.version, table, only, (), between)


deals = pair("deals", "supplier", "recipient")
signals = pair("signals", "subject", "counterpart")
cues = pair("stance_cues", "speaker", "target")

cols = st.columns(3)
cols[0].metric("Arms deals", f"{len(deals):,}")
cols[1].metric("Merged alignment signals", f"{len(signals):,}")
cols[2].metric("Statements", f"{len(cues):,}")

items = []
for d in deals.to_dict("records"):
    what = d["system"] if isinstance(d["system"], str) else human(d["category"])
    items.append(
        {
            "day": d["first_reported"],
            "kind": "Deal",
            "label": what,
            "detail": f"{label(d['supplier'])} → {label(d['recipient'])}: {human(d['status'])}, "
            f"{plural(int(d['sources']), 'source')}",
        }
    )
for s in signals.to_dict("records"):
    arrow = "toward" if int(s["direction"]) > 0 else "away from"
    items.append(
        {
            "day": s["first"],
            "kind": "Signal",
            "label": human(s["type"]),
            "detail": f"{label(s['subject'])} {arrow} {label(s['counterpart'])}, weight "
            f"{float(s['weight']):.2f}, {plural(int(s['sources']), 'source')}",
        }
    )
for c in cues.to_dict("records"):
    items.append(
        {
            "day": c["day"],
            "kind": "Statement",
            "label": human(c["type"]),
            "detail": f"{label(c['speaker'])} on {label(c['target'])}: “{c['cue']}”",
        }
    )
timeline = pd.DataFrame(items, columns=["day", "kind", "label", "detail"])
if timeline.empty:
    ui.empty(f"Nothing between {label(a)} and {label(b)} in this selection.")
    st.stop()

st.plotly_chart(charts.dyad_timeline(timeline), key="dy-timeline", width="stretch")
st.plotly_chart(charts.dyad_index(signals, a, b, ctx.names), key="dy-index", width="stretch")

tabs = st.tabs(
    [
        f"Deals ({len(deals)})",
        f"Signals ({len(signals)})",
        f"Statements ({len(cues)})",
    ]
)
with tabs[0]:
    if deals.empty:
        ui.empty("No arms deals between them in this selection.")
    else:
        shown = deals.assign(
            evidence=deals["reports"].map(
                lambda rs: " | ".join(dict.fromkeys(r["sentence"] for r in rs))
            ),
            conflicts=deals["conflicts"].map(lambda c: ui.describe_conflicts(c, ctx.names)),
            **{"stage history": deals["stages"].map(ui.describe_stages)},
        )
        st.dataframe(
            ui.display(shown, ctx.names, ui.COLUMNS["deals"]),
            hide_index=True,
            key="dy-deals",
            width="stretch",
        )
        ui.downloads(deals, f"deals-{a}-{b}", key="dy-deals-dl")
with tabs[1]:
    if signals.empty:
        ui.empty("No alignment signals between them in this selection.")
    else:
        shown = signals.assign(
            evidence=signals["reports"].map(
                lambda rs: " | ".join(dict.fromkeys(r["sentence"] for r in rs))
            ),
            direction=signals["direction"].map(lambda d: "toward" if int(d) > 0 else "away"),
        )
        st.dataframe(
            ui.display(shown, ctx.names, ui.COLUMNS["signals"]),
            hide_index=True,
            key="dy-signals",
            width="stretch",
        )
        ui.downloads(signals, f"signals-{a}-{b}", key="dy-signals-dl")
with tabs[2]:
    if cues.empty:
        ui.empty("No statements by one about the other in this selection.")
    else:
        st.dataframe(
            ui.display(cues, ctx.names, ["day", *ui.COLUMNS["stance_cues"]]),
            hide_index=True,
            key="dy-cues",
            width="stretch",
        )
        ui.downloads(cues, f"statements-{a}-{b}", key="dy-cues-dl")
