"""A store seeded with the sample articles, copied fresh for each app test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture
def app_db(seeded_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "store.sqlite"
    shutil.copy(seeded_store, db)
    monkeypatch.setenv("ALIGNMENT_DB", str(db))
    return db
