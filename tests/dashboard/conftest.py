"""A store seeded with the sample articles, copied fresh for each app test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from analysis import ingest
from analysis.loading import load_path

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture(scope="session")
def seeded_store(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seed") / "store.sqlite"
    articles = [(str(p), load_path(p)) for p in sorted((ROOT / "sample_articles").glob("*.md"))]
    ingest.ingest_articles(articles, db=db, nlp=nlp)
    return db


@pytest.fixture
def app_db(seeded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "store.sqlite"
    shutil.copy(seeded_store, db)
    monkeypatch.setenv("ALIGNMENT_DB", str(db))
    return db
