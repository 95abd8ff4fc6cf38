"""Columnar export: every table of the store as a Parquet dataset, partitioned by year.

``DIR/<table>/year=2020/part-00000-0.parquet``: pandas (``pd.read_parquet("DIR/alignment")``),
pyarrow and DuckDB (``read_parquet('DIR/alignment/**/*.parquet', hive_partitioning=true)``)
read a table back with its ``year`` column. The year is that of a row's sortable ``day`` where
the table has one (an event's or a signal's own date, else the publication date), else the
article's publication year; rows with neither are under ``year=undated``. Tables are read a chunk
of articles at a time, so a store of any size is exported with flat memory.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.store import Store

UNDATED = "undated"
CHUNK_ARTICLES = 1000
STRING_LISTS = frozenset({"forms", "actors"})
"""Columns holding lists of strings, written as Parquet lists; other nested values as JSON."""
_YEAR_COLUMNS = ("day", "published", "first_reported", "date")


def _schema(store: Store, table: str, columns: Sequence[str]) -> Any:
    import pyarrow as pa

    declared = {
        row[1]: str(row[2]).upper() for row in store.conn.execute(f"PRAGMA table_info({table})")
    }
    fields = []
    for col in columns:
        kind = declared.get(col, "TEXT")
        if col in STRING_LISTS:
            typ = pa.list_(pa.string())
        elif col == "year" or "CHAR" in kind or "TEXT" in kind or not kind:
            typ = pa.string()
        elif "INT" in kind:
            typ = pa.int64()
        elif "REAL" in kind or "FLOA" in kind or "DOUB" in kind:
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append(pa.field(col, typ))
    return pa.schema(fields)


def _year(value: Any) -> str | None:
    text = str(value) if isinstance(value, str) else ""
    return text[:4] if text[:4].isdigit() else None


def _with_year(frame: pd.DataFrame, published: dict[str, str | None]) -> pd.DataFrame:
    frame = frame.copy()
    years = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    for col in _YEAR_COLUMNS:
        if col in frame.columns:
            years = years.where(years.notna(), frame[col].map(_year))
    if "article_id" in frame.columns:
        years = years.where(years.notna(), frame["article_id"].map(published))
    frame["year"] = years.fillna(UNDATED)
    for col in frame.columns:
        if col in STRING_LISTS or frame[col].dtype != object:
            continue
        nested = frame[col].map(lambda v: isinstance(v, list | dict))
        if nested.any():
            frame[col] = frame[col].map(
                lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
            )
    return frame


def _write(store: Store, table: str, frame: pd.DataFrame, folder: Path, part: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # One thread throughout: Arrow's pools add nothing at this size, and a pool still winding
    # down when the command exits can abort the process.
    arrow = pa.Table.from_pandas(
        frame, schema=_schema(store, table, list(frame.columns)), preserve_index=False, nthreads=1
    )
    if not len(frame):
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(arrow, folder / "part-empty.parquet")
        return
    pq.write_to_dataset(
        arrow,
        root_path=str(folder),
        partition_cols=["year"],
        basename_template=f"part-{part:05d}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
        use_threads=False,
    )


def write_parquet(
    store: Store, out: Path, *, tables: Sequence[str], actors: Sequence[str] | None = None
) -> dict[str, int]:
    """Write each table as ``out/<table>/year=YYYY/*.parquet``, replacing an earlier export of
    the same table; return the rows written per table."""
    ids = [
        (row[0], _year(row[1]))
        for row in store.conn.execute("SELECT id, published FROM articles ORDER BY rowid")
    ]
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in tables:
        folder = out / table
        staging = out / f".{table}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        columns = {row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")}
        per_article = table == "articles" or "article_id" in columns
        chunks = (
            [ids[i : i + CHUNK_ARTICLES] for i in range(0, len(ids), CHUNK_ARTICLES)]
            if per_article
            else [[]]
        )
        rows = 0
        written = 0
        for part, chunk in enumerate(chunks):
            selected = [aid for aid, _ in chunk] or None
            frame = store.read(table, actors=actors, articles=selected)
            if frame.empty and (written or part < len(chunks) - 1):
                continue
            frame = _with_year(frame, dict(chunk))
            _write(store, table, frame, staging, part)
            rows += len(frame)
            written += 1
        if not written:  # a store without articles: one empty file that still has the columns
            _write(store, table, _with_year(store.read(table), {}), staging, 0)
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
        counts[table] = rows
    return counts
