"""The dashboard's access to the store and the model, cached the Streamlit way.

DataFrames are cached with ``st.cache_data`` keyed by the store's stamp (it changes whenever an
article is added or removed, deals are rebuilt or an analyst corrects a row) and the filters,
so every page sees fresh data without re-reading on each rerun. Pages ask for aggregates
(computed by SQLite), totals and one page of rows; every matching row is read only when a
download is clicked (``download``). The model is loaded once per process, and only when an
article needs analysing: nothing here imports spaCy to read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from analysis import store
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
    from analysis import ingest  # only an empty store needs it

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


# Rows equal to any one of these (column, value-or-values) groups: hashable for the caches.
Match = tuple[tuple[tuple[str, Any], ...], ...] | None
# (output name, aggregate function, column) for ``aggregate``.
Measure = tuple[str, str, str]
PAGE_ROWS = 100


def match_of(*groups: Mapping[str, Any]) -> Match:
    """A hashable ``Match`` from mappings (list values become tuples)."""
    return tuple(
        tuple((k, tuple(v) if isinstance(v, list | set) else v) for k, v in g.items())
        for g in groups
    )


def _kw(filters: Filters, match: Match = None) -> dict[str, Any]:
    return {
        "actors": list(filters.actors) or None,
        "start": filters.start,
        "end": filters.end,
        "articles": list(filters.articles) or None,
        "match": None if match is None else [dict(g) for g in match],
    }


@st.cache_data(max_entries=256, show_spinner=False)
def _table(
    db: str,
    version: str,
    name: str,
    filters: Filters,
    columns: tuple[str, ...] = (),
    match: Match = None,
) -> pd.DataFrame:
    """Every matching row (for small selections: one article, one actor's deals)."""
    with store.Store(Path(db), readonly=True) as st_:
        return st_.read(name, columns=list(columns) or None, **_kw(filters, match))


@st.cache_data(max_entries=256, show_spinner=False)
def _page(
    db: str,
    version: str,
    name: str,
    filters: Filters,
    number: int = 0,
    columns: tuple[str, ...] = (),
    match: Match = None,
    rows: int = PAGE_ROWS,
    newest: bool = False,
) -> pd.DataFrame:
    """Page ``number`` (from 0) of the matching rows, in the table's order (or reversed)."""
    with store.Store(Path(db), readonly=True) as st_:
        return st_.read(
            name,
            columns=list(columns) or None,
            limit=rows,
            offset=number * rows,
            newest=newest,
            **_kw(filters, match),
        )


@st.cache_data(max_entries=256, show_spinner=False)
def _total(db: str, version: str, name: str, filters: Filters, match: Match = None) -> int:
    with store.Store(Path(db), readonly=True) as st_:
        return st_.total(name, **_kw(filters, match))


@st.cache_data(max_entries=256, show_spinner=False)
def _aggregate(
    db: str,
    version: str,
    name: str,
    filters: Filters,
    by: tuple[str, ...],
    measures: tuple[Measure, ...],
    match: Match = None,
) -> pd.DataFrame:
    """Per-group aggregates computed by SQLite over the effective rows."""
    with store.Store(Path(db), readonly=True) as st_:
        return st_.aggregate(
            name, by, {out: (func, col) for out, func, col in measures}, **_kw(filters, match)
        )


# Tables a date range does not apply to: their results are cached without it.
UNDATED = ("actors", "entities", "corrections")


def relevant(name: str, filters: Filters) -> Filters:
    """The filters that change ``name``'s rows (one cache entry per distinct result)."""
    return replace(filters, start=None, end=None) if name in UNDATED else filters


def table(
    db: str,
    version: str,
    name: str,
    filters: Filters,
    columns: tuple[str, ...] = (),
    match: Match = None,
) -> pd.DataFrame:
    """Every matching row (for small selections: one article, one actor's deals)."""
    return _table(db, version, name, relevant(name, filters), columns, match)


def page(
    db: str,
    version: str,
    name: str,
    filters: Filters,
    number: int = 0,
    columns: tuple[str, ...] = (),
    match: Match = None,
    rows: int = PAGE_ROWS,
    newest: bool = False,
) -> pd.DataFrame:
    """Page ``number`` (from 0) of the matching rows, in the table's order (or reversed)."""
    return _page(db, version, name, relevant(name, filters), number, columns, match, rows, newest)


def total(db: str, version: str, name: str, filters: Filters, match: Match = None) -> int:
    """How many rows match."""
    return _total(db, version, name, relevant(name, filters), match)


def aggregate(
    db: str,
    version: str,
    name: str,
    filters: Filters,
    by: tuple[str, ...],
    measures: tuple[Measure, ...],
    match: Match = None,
) -> pd.DataFrame:
    """Per-group aggregates computed by SQLite over the effective rows."""
    return _aggregate(db, version, name, relevant(name, filters), by, measures, match)


@st.cache_data(max_entries=64, show_spinner=False)
def _actor_totals(
    db: str, version: str, actors: tuple[str, ...], articles: tuple[str, ...]
) -> pd.DataFrame:
    with store.Store(Path(db), readonly=True) as st_:
        return st_.actor_totals(actors=list(actors) or None, articles=list(articles) or None)


def actor_totals(db: str, version: str, filters: Filters) -> pd.DataFrame:
    """Mentions and articles per actor and type under the actor and article filters (dates do
    not apply to actors); unfiltered, from the store's running totals."""
    return _actor_totals(db, version, filters.actors, filters.articles)


@st.cache_data(max_entries=64, show_spinner=False)
def _claims(db: str, version: str, filters: Filters) -> pd.DataFrame:
    from analysis.constants import WEAK_HEDGES

    with store.Store(Path(db), readonly=True) as st_:
        kw = _kw(filters)
        del kw["match"]
        return st_.claims(weak=sorted(WEAK_HEDGES), **kw)


def claims(db: str, version: str, filters: Filters) -> pd.DataFrame:
    """Attributed claims per speaker and certainty (confirmed or hedged)."""
    return _claims(db, version, filters)


def rows(
    db: str,
    name: str,
    filters: Filters,
    columns: Sequence[str] = (),
    match: Match = None,
    *,
    size: int = 20_000,
) -> Iterator[pd.DataFrame]:
    """Every matching row, ``size`` rows at a time (downloads; never cached)."""
    with store.Store(Path(db), readonly=True) as st_:
        yield from st_.chunks(name, columns=list(columns) or None, size=size, **_kw(filters, match))


@st.cache_data(max_entries=64, show_spinner="Ranking the review queue…")
def review_queue(db: str, version: str, number: int = 0, rows: int = 20) -> pd.DataFrame:
    """Page ``number`` (from 0) of the review queue, scored and ordered by the store."""
    from analysis.review import queue

    with store.Store(Path(db), readonly=True) as st_:
        return queue(st_, limit=rows, offset=number * rows)


@st.cache_data(max_entries=8, show_spinner=False)
def review_queue_size(db: str, version: str) -> int:
    """How many rows the review queue holds."""
    from analysis.review import queue_size

    with store.Store(Path(db), readonly=True) as st_:
        return queue_size(st_)


@st.cache_data(max_entries=8, show_spinner=False)
def actor_index(db: str, version: str) -> pd.DataFrame:
    """Every actor in the store with its type, state and total mentions, for the filter (from
    the store's running totals: no actor row is read)."""
    totals = _actor_totals(db, version, (), ())
    index = totals.groupby("actor", as_index=False).agg(
        name=("name", "max"),
        type=("type", "max"),
        country=("country", "max"),
        mentions=("mentions", "sum"),
        articles=("articles", "sum"),
    )
    return index.sort_values(["mentions", "actor"], ascending=[False, True]).reset_index(drop=True)


@st.cache_data(max_entries=64, show_spinner=False)
def article_choices(
    db: str, version: str, query: str = "", keep: tuple[str, ...] = (), limit: int = 100
) -> dict[str, str]:
    """Titles of the articles ``keep`` names and of up to ``limit`` more, newest first, whose
    title contains ``query`` (id -> title): options for a picker, never the whole corpus."""
    with store.Store(Path(db), readonly=True) as st_:
        kept = st_.conn.execute(
            f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(keep))})", keep
        ).fetchall()
        like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = st_.conn.execute(
            "SELECT id, title FROM articles WHERE title LIKE ? ESCAPE '\\'"
            " ORDER BY published DESC, rowid DESC LIMIT ?",
            (like, limit),
        ).fetchall()
    titles = dict(kept)
    return {k: titles[k] for k in keep if k in titles} | dict(found)


@st.cache_data(max_entries=8, show_spinner=False)
def article_count(db: str, version: str) -> int:
    with store.Store(Path(db), readonly=True) as st_:
        return st_.count()


@st.cache_data(max_entries=256, show_spinner=False)
def article_titles(db: str, version: str, ids: tuple[str, ...]) -> dict[str, str]:
    """Titles of the given article ids that exist."""
    return article_choices(db, version, keep=ids, limit=0)


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
