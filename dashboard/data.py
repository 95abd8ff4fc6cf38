"""The dashboard's access to the store and the model, cached the Streamlit way.

DataFrames are cached with ``st.cache_data`` keyed by the store's stamp (it changes whenever an
article is added or removed), so every page sees fresh data without re-reading on each rerun.
The model is loaded once per process, and only when an article needs analysing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from analysis import ingest, store
from analysis.loading import load_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"


@dataclass(frozen=True)
class Filters:
    actors: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    articles: tuple[str, ...] = ()


def db_path() -> Path:
    return store.resolve_db()


@st.cache_resource(show_spinner="Loading the language model…")
def pipeline() -> Any:
    from analysis.pipeline import build_pipeline  # spaCy loads only when something is analysed

    return build_pipeline()


@st.cache_resource(show_spinner="Preparing the store with the sample articles…")
def ensure_seeded(db: str) -> int:
    """On first start, fill an empty store with the bundled sample articles."""
    with store.Store(Path(db)) as st_:
        if st_.count():
            return st_.count()
    articles = [(str(p), load_path(p)) for p in sorted(SAMPLES.glob("*.md"))]
    ingest.ingest_articles(articles, db=Path(db), nlp=pipeline())
    with store.Store(Path(db)) as st_:
        return st_.count()


def stamp(db: str) -> str:
    """Changes whenever an article is added, changed or removed, or deals and signals are
    rebuilt, and never takes an old value again: the store's generation counters (a count and
    highest rowid would repeat after "delete the newest, add another")."""
    with store.Store(Path(db), readonly=True) as st_:
        return f"g{st_.generation()}:{st_.corpus_generation()}"


@st.cache_data(max_entries=256, show_spinner=False)
def table(
    db: str, version: str, name: str, filters: Filters, columns: tuple[str, ...] = ()
) -> pd.DataFrame:
    with store.Store(Path(db), readonly=True) as st_:
        return st_.read(
            name,
            actors=list(filters.actors) or None,
            start=filters.start,
            end=filters.end,
            articles=list(filters.articles) or None,
            columns=list(columns) or None,
        )


@st.cache_data(max_entries=8, show_spinner=False)
def actor_index(db: str, version: str) -> pd.DataFrame:
    """Every actor in the store with its type, state and total mentions, for the filter."""
    with store.Store(Path(db), readonly=True) as st_:
        return pd.read_sql_query(
            "SELECT actor, MAX(name) AS name, MAX(type) AS type, MAX(country) AS country,"
            " SUM(mentions) AS mentions, COUNT(DISTINCT article_id) AS articles"
            " FROM actors GROUP BY actor ORDER BY mentions DESC",
            st_.conn,
        )


@st.cache_data(max_entries=8, show_spinner=False)
def article_index(db: str, version: str) -> pd.DataFrame:
    with store.Store(Path(db), readonly=True) as st_:
        return st_.read("articles")


@st.cache_data(max_entries=64, show_spinner=False)
def article_text(db: str, version: str, article_id: str) -> str:
    with store.Store(Path(db), readonly=True) as st_:
        return st_.text(article_id) or ""


def names(db: str, version: str) -> dict[str, str]:
    """Display names: the stored actors', else the domain data's (an analyst may correct a
    row to an actor no stored article names)."""
    from analysis import resources

    index = actor_index(db, version)
    known = {a.id: a.name for a in resources.actors()}
    return {**known, **dict(zip(index["actor"], index["name"], strict=True))}
