"""Fresh analyses of three sample articles equal their reviewed golden files.

When behaviour changes on purpose, run `make golden` and review the diff.
"""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from analysis.engine import analyse
from analysis.loading import load_path
from scripts.golden import ARTICLES, GOLDEN, ROOT


@pytest.mark.parametrize("name", ARTICLES)
def test_analysis_matches_golden_file(nlp: Language, name: str) -> None:
    expected = json.loads((GOLDEN / name.replace(".md", ".json")).read_text(encoding="utf-8"))
    actual = analyse(nlp, load_path(ROOT / "sample_articles" / name)).to_dict()
    for key in expected:
        assert actual[key] == expected[key], f"{name}: {key} differs; run `make golden` if intended"
