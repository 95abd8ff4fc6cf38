"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from analysis.engine import analyse
from analysis.model import Analysis, Article
from analysis.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Analysis]:
    """Analyse a snippet as an article published on a given day (default 2020-10-20)."""

    def _run(text: str, published: dt.date | None = dt.date(2020, 10, 20)) -> Analysis:
        return analyse(nlp, Article(text=text, title="test", published=published))

    return _run


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.md"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"
