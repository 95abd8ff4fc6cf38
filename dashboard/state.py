"""The sidebar filters shared by every page, bound to the URL so a view can be shared."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import data

TYPE_ORDER = {"country": 0, "bloc": 1, "organisation": 2, "person": 3, "company": 4}
TYPE_LABEL = {
    "country": "country",
    "bloc": "bloc",
    "organisation": "organisation",
    "person": "person",
    "company": "company",
}


def _from_url(db: str, version: str, actor_ids: set[str]) -> None:
    """Seed the filter widgets from the URL once per session (a shared link)."""
    if st.session_state.get("am-url-loaded"):
        return
    st.session_state["am-url-loaded"] = True
    params = st.query_params
    st.session_state["actor"] = [a for a in params.get_all("actor") if a in actor_ids]
    wanted = tuple(params.get_all("article"))
    known = data.article_titles(db, version, wanted) if wanted else {}
    st.session_state["article"] = [a for a in wanted if a in known]
    for key in ("from", "to"):
        value = params.get(key)
        try:
            st.session_state[key] = date.fromisoformat(value) if value else None
        except ValueError:
            st.session_state[key] = None


def _to_url(filters: data.Filters) -> None:
    """Keep the URL equal to the filters: ``?actor=SRB&actor=RUS&from=2019-01-01``."""
    wanted: dict[str, list[str]] = {
        "actor": list(filters.actors),
        "article": list(filters.articles),
        "from": [filters.start.isoformat()] if filters.start else [],
        "to": [filters.end.isoformat()] if filters.end else [],
    }
    for key, values in wanted.items():
        if st.query_params.get_all(key) != values:
            if values:
                st.query_params[key] = values
            elif key in st.query_params:
                del st.query_params[key]


def sidebar(db: str, version: str) -> data.Filters:
    """Render the filters in the sidebar and return the current selection."""
    index = data.actor_index(db, version)
    index = index.assign(order=index["type"].map(TYPE_ORDER).fillna(9)).sort_values(
        ["order", "mentions"], ascending=[True, False]
    )
    labels: dict[str, str] = {}
    for row in index.to_dict("records"):
        kind = str(row["type"])
        country = row["country"] if isinstance(row["country"], str) else ""
        extra = f", {country}" if kind in ("person", "company") and country else ""
        labels[str(row["actor"])] = f"{row['name']} ({TYPE_LABEL.get(kind, kind)}{extra})"
    _from_url(db, version, set(labels))
    with st.sidebar:
        st.header("Filters")
        chosen = st.multiselect(
            "Actors",
            options=list(labels),
            format_func=lambda a: labels.get(a, a),
            key="actor",
            persist_state="session",
            placeholder="Search countries, blocs, people…",
            help="Grouped: countries first, then blocs, organisations, people and companies. "
            "Type to search by name.",
        )
        # One per line: side by side the sidebar is too narrow for a whole date.
        start = st.date_input(
            "From",
            value=None,
            key="from",
            persist_state="session",
            format="YYYY-MM-DD",
            min_value=date(1945, 1, 1),
        )
        end = st.date_input(
            "To",
            value=None,
            key="to",
            persist_state="session",
            format="YYYY-MM-DD",
            min_value=date(1945, 1, 1),
        )
        # The picker offers the chosen articles and the newest that match a title search,
        # never the whole corpus (a hundred thousand options would ship on every rerun).
        query = st.text_input(
            "Find articles",
            key="article-q",
            placeholder="Words of a title",
            help="Narrows the article choices below to titles containing these words.",
        )
        keep = tuple(str(a) for a in st.session_state.get("article") or ())
        titles = data.article_choices(db, version, str(query or "").strip(), keep)
        picked = st.multiselect(
            "Articles",
            options=list(titles),
            format_func=lambda a: titles.get(a, a),
            key="article",
            persist_state="session",
            placeholder="All articles",
        )
        if start and end and start > end:
            st.warning("The start date is after the end date; no rows can match.")
        st.caption(f"{data.article_count(db, version):,} articles in the store")
    filters = data.Filters(
        actors=tuple(str(a) for a in chosen),
        start=start if isinstance(start, date) else None,
        end=end if isinstance(end, date) else None,
        articles=tuple(str(a) for a in picked),
    )
    _to_url(filters)
    return filters
