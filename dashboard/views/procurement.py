"""Procurement: one row per deal (reports from every article merged), who arms whom as a
network, deals by category and by year, a recipient's suppliers and their concentration, and a
SIPRI-style register to download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.deals import register
from analysis.store import EVIDENCE_SENTENCES
from dashboard import charts, data, review, ui
from dashboard.palette import human, plural

ctx = ui.context()
st.title("Arms procurement")
# The deals without their evidence lists: what the charts and the supplier figures need.
LIGHT = (
    "id",
    "supplier",
    "recipient",
    "system",
    "category",
    "status",
    "sources",
    "order_year",
    "delivery_years",
    "first_reported",
)
deals = ctx.table("deals", LIGHT)
if deals.empty:
    ui.empty(
        "No arms deals match these filters. Deals come from weapon systems mentioned "
        "with a buyer or supplier; add articles or widen the filters."
    )
    st.stop()

st.caption(
    "Each deal merges every report of one recipient buying one system family (or, when no "
    "system is named, one category); reports years apart are separate deals. **Sources** counts "
    "distinct texts (syndicated copies once). The status is the furthest stage at least two "
    "sources support (or the only source's); **conflicts** spell out where reports disagree."
)
summary = ctx.aggregate(
    "deals",
    (),
    (
        ("deals", "count", "*"),
        ("corroborated", "count_if_many", "sources"),
        ("conflicts", "count_if_any", "conflicts"),
        ("reports", "sum", "n_reports"),
    ),
).iloc[0]
cols = st.columns(4)
cols[0].metric("Deals", f"{int(summary['deals']):,}")
cols[1].metric("Corroborated (2+ sources)", f"{int(summary['corroborated']):,}")
cols[2].metric("With conflicts", f"{int(summary['conflicts']):,}")
cols[3].metric("Reports", f"{int(summary['reports']):,}")

st.plotly_chart(charts.arms_network(deals, ctx.names), key="pr-network", width="stretch")
st.caption(
    "States sit around the circle by bloc, coloured by it (red: Russia and its allies, orange: "
    "China, blue: EU/NATO/US, grey: others); a circle grows with the deals the state imports. "
    "Each arrow runs from supplier to recipient, coloured by its most advanced deal status and "
    "labelled with the systems; hover for each deal."
)

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
    st.plotly_chart(charts.deal_timeline(deals, ctx.names), key="pr-time", width="stretch")

recipients = deals.dropna(subset=["supplier", "recipient"])["recipient"].value_counts()
if not recipients.empty:
    st.subheader("Supplier dependence")
    chosen = [a for a in ctx.filters.actors if a in recipients.index]
    options = chosen + [r for r in recipients.index if r not in chosen]
    recipient = str(
        st.selectbox(
            "Recipient",
            options,
            key="pr-recipient",
            format_func=lambda a: f"{ctx.names.get(a, a)} ({plural(int(recipients[a]), 'deal')})",
        )
    )
    hhi = charts.herfindahl(deals, recipient)
    if hhi is not None:
        level = "concentrated" if hhi > 2500 else ("moderate" if hhi > 1500 else "diversified")
        st.metric(
            "Supplier concentration (Herfindahl index, all years shown)",
            f"{hhi:,}",
            help="Sum of squared supplier shares of the recipient's deals, 0 to 10,000: 10,000 "
            "is a single supplier; above 2,500 counts as concentrated, below 1,500 as "
            "diversified.",
        )
        st.caption(f"{ctx.names.get(recipient, recipient)}: {level} supplier base.")
    st.plotly_chart(
        charts.supplier_shares(deals, recipient, ctx.names), key="pr-shares", width="stretch"
    )

selected = (
    {
        (p["customdata"][0], p["customdata"][1])
        for p in picked.selection.points
        if p.get("customdata")
    }
    if picked
    else set()
)
match = data.match_of(*({"category": c, "status": s} for c, s in sorted(selected)))
match = match if selected else None
st.subheader(plural(ctx.total("deals", match), "deal") + (" (selected)" if selected else ""))


def with_evidence(frame: pd.DataFrame) -> pd.DataFrame:
    evidence = [
        f"{brief} | … (of {n} reports)" if int(n) > EVIDENCE_SENTENCES else brief
        for brief, n in zip(frame["evidence_brief"], frame["n_reports"], strict=True)
    ]
    out = frame.assign(evidence=evidence)
    out["stage history"] = frame["stages"].map(ui.describe_stages)
    out["conflicts"] = frame["conflicts_brief"].map(lambda c: ui.describe_conflicts(c, ctx.names))
    return out


# The table's page without the reports themselves (hundreds for a much-reported deal): their
# first sentences come from the store; "Evidence for one deal" and the downloads have them all.
PAGE: tuple[str, ...] = (
    *LIGHT,
    "family",
    "stages",
    "quantity_ordered",
    "quantity_delivered",
    "last_reported",
    "n_reports",
    "conflicts_brief",
    "evidence_brief",
)
shown = ui.paged(
    ctx,
    "deals",
    key="pr-table",
    shown=ui.COLUMNS["deals"],
    columns=PAGE,
    match=match,
    prepare=with_evidence,
    download="deals",
    download_columns=(),
    rows=25,  # a much-reported deal's evidence and conflicts are long to read
)

with st.expander("Evidence for one deal"):
    labels = {
        str(d["id"]): f"{d['system'] or human(d['category'])}: "
        f"{ctx.names.get(d['supplier'], d['supplier'] or 'unknown supplier')} → "
        f"{ctx.names.get(d['recipient'], d['recipient'] or 'unknown recipient')}"
        for d in shown.to_dict("records")
    }
    deal_id = st.selectbox(
        "Deal (of the table's page)",
        list(labels),
        key="pr-deal",
        format_func=lambda d: labels.get(d, d),
    )
    if deal_id:
        deal = ctx.table("deals", (), data.match_of({"id": deal_id})).iloc[0]
        reports = pd.DataFrame(deal["reports"])
        titles = data.article_titles(ctx.db, ctx.version, tuple(sorted(set(reports["article_id"]))))
        reports["article"] = reports["article_id"].map(lambda a: titles.get(a, a))
        st.dataframe(
            ui.display(
                reports,
                ctx.names,
                ["published", "date", "status", "quantity", "supplier", "sentence", "article"],
            ),
            hide_index=True,
            key="pr-reports",
            width="stretch",
        )
        if deal["conflicts"]:
            st.warning(ui.describe_conflicts(deal["conflicts"], ctx.names))

st.subheader("Register")
st.caption(
    "A SIPRI-style trade register of the deals shown: supplier, recipient, designation, "
    "category, number ordered, order year, delivery years, number delivered, status, sources."
)
REGISTER = (*LIGHT, "quantity_ordered", "quantity_delivered")
reg = register(shown, ctx.names)
with st.expander(f"Preview ({plural(len(reg), 'line')} of the table's page)"):
    st.dataframe(reg, hide_index=True, key="pr-register", width="stretch")
# The register needs no evidence: every matching deal's light columns, read on each run.
everything = ctx.table("deals", REGISTER, match)
st.download_button(
    "Download register (CSV)",
    register(everything, ctx.names).to_csv(index=False).encode("utf-8"),
    file_name="arms-register.csv",
    mime="text/csv",
    key="pr-register-csv",
)

st.subheader("Review reports")
st.caption(
    "Each report as extracted from one article (corrected values shown). Edit a wrong value, or "
    "pick **confirm** or **reject** in a row's decision, then save: corrections are recorded "
    "with your name from the sidebar, never overwrite what was extracted, and feed every chart, "
    "table and export. A rejected report disappears everywhere but the review history."
)
review.editor(ctx, "procurements", key="pr-review")
review.add_form(ctx, "procurements", key="pr-add")
review.history(ctx, "procurements", key="pr-history")
