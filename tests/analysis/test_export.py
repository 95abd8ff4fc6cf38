"""Parquet export: every table, partitioned by year, read back by pandas with the same rows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.language import Language

from analysis.ingest import ingest_articles
from analysis.loading import load_path
from analysis.store import TABLES, Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_store(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "store.sqlite"
    articles = [(str(p), load_path(p)) for p in sorted((ROOT / "sample_articles").glob("*.md"))]
    ingest_articles(articles, db=db, nlp=nlp)
    return db


def plain(value: Any) -> Any:
    """A cell as a plain Python value: missing is None, arrays are lists."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, list):
        return value
    return None if pd.isna(value) else value


def export(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "export", "--db", str(db), "--format", "parquet", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_table_is_written_partitioned_by_year_and_reads_back(
    sample_store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "parquet"
    result = export(sample_store, "--out", str(out))
    assert result.returncode == 0, result.stderr
    with Store(sample_store, readonly=True) as st:
        for table in TABLES:
            stored = st.read(table)
            parts = sorted(p.name for p in (out / table).iterdir())
            if stored.empty:  # no corrections yet: one empty file that keeps the columns
                assert parts == ["part-empty.parquet"], (table, parts)
            else:
                assert parts and all(p.startswith("year=") for p in parts), (table, parts)
            back = pd.read_parquet(out / table)
            assert len(back) == len(stored), table
            assert list(back.columns) == [*stored.columns, "year"]
            # A unique key: the rows of one article (its actors) come in no fixed order.
            unique = ("id", "article_id", "start", "end", "row_id", "actor", "type")
            key = [c for c in unique if c in stored.columns]
            left = stored.sort_values(key).reset_index(drop=True)
            right = back.drop(columns="year").sort_values(key).reset_index(drop=True)
            for col in left.columns:
                got = [plain(v) for v in right[col]]
                want = [plain(v) for v in left[col]]
                # Nested records (evidence, a deal's stages, reports, conflicts) are JSON text.
                got = [
                    json.loads(g) if isinstance(g, str) and isinstance(w, list | dict) else g
                    for g, w in zip(got, want, strict=True)
                ]
                assert want == got, (table, col)
    years = pd.read_parquet(out / "articles")[["published", "year"]]
    assert (years["published"].str[:4] == years["year"].astype(str)).all()
    signals = pd.read_parquet(out / "alignment")
    assert (signals["day"].str[:4] == signals["year"].astype(str)).all()


def test_an_actor_filter_and_a_second_export_replace_the_first(
    sample_store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "parquet"
    assert export(sample_store, "--out", str(out)).returncode == 0
    result = export(sample_store, "--out", str(out), "--actor", "SRB", "--table", "alignment")
    assert result.returncode == 0, result.stderr
    signals = pd.read_parquet(out / "alignment")
    assert len(signals) and ((signals.subject == "SRB") | (signals.counterpart == "SRB")).all()
    with Store(sample_store, readonly=True) as st:
        assert len(signals) == len(st.read("alignment", actors=["SRB"]))
        assert len(pd.read_parquet(out / "actors")) == len(st.read("actors"))


def test_parquet_needs_a_folder(sample_store: Path) -> None:
    result = export(sample_store)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "--out" in result.stderr
