"""The gazetteer's phrase values cached on disk: the same values as tokenizing, the same
matches, and a bad or foreign cache file never trusted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import IDS
from spacy.language import Language

from analysis import phrase_cache
from analysis.doc import NAMES_KEY, TERMS_KEY
from analysis.pipeline import Gazetteer

TEXTS = ["Prime Minister Putin", "S-400", "U.S.-made", "combat drones", "the Kremlin's", "Rafale"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(phrase_cache.CACHE_ENV, str(folder))
    return folder


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
def test_cached_values_are_the_tokenizers(nlp: Language, cache: Path, attr: str) -> None:
    expected = [tuple(int(v) for v in nlp.tokenizer(text).to_array([IDS[attr]])) for text in TEXTS]
    assert phrase_cache.phrase_keywords(nlp, attr, TEXTS) == expected
    assert len(list(cache.glob("phrases-*.npz"))) == 1
    assert phrase_cache.phrase_keywords(nlp, attr, TEXTS) == expected  # read back
    assert len(expected[0]) == 3 and all(expected)  # one value per token


def test_other_phrases_or_attribute_use_another_file(nlp: Language, cache: Path) -> None:
    phrase_cache.phrase_keywords(nlp, "ORTH", TEXTS)
    phrase_cache.phrase_keywords(nlp, "LOWER", TEXTS)
    phrase_cache.phrase_keywords(nlp, "ORTH", [*TEXTS, "Pantsir"])
    assert len(list(cache.glob("phrases-*.npz"))) == 3


def test_a_damaged_or_mismatched_file_is_recomputed(nlp: Language, cache: Path) -> None:
    expected = phrase_cache.phrase_keywords(nlp, "ORTH", TEXTS)
    [path] = cache.glob("phrases-*.npz")
    path.write_bytes(b"not an archive")
    assert phrase_cache.phrase_keywords(nlp, "ORTH", TEXTS) == expected
    np.savez(path, lengths=np.array([1, 2], dtype=np.int64), values=np.zeros(3, dtype=np.uint64))
    assert phrase_cache.phrase_keywords(nlp, "ORTH", TEXTS) == expected


def test_an_unwritable_cache_folder_is_skipped(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv(phrase_cache.CACHE_ENV, str(blocker / "cache"))
    assert phrase_cache.phrase_keywords(nlp, "ORTH", ["S-400"])[0]


def test_gazetteer_from_a_cold_and_a_warm_cache_marks_the_same(nlp: Language, cache: Path) -> None:
    text = (
        "Prime Minister Putin said the Kremlin would deliver S-400 systems to Turkey, while "
        "president erdogan bought combat drones and U.S.-made Patriots for the Turkish army."
    )

    def marked() -> list[tuple[str, int, int, str]]:
        doc = Gazetteer(nlp)(nlp.make_doc(text))
        return [
            (s.label_, s.start, s.end, s.id_)
            for key in (NAMES_KEY, TERMS_KEY)
            for s in doc.spans[key]
        ]

    cold = marked()
    assert len(list(cache.glob("phrases-*.npz"))) == 3
    warm = marked()
    assert cold == warm
    labels = {label for label, *_ in cold}
    assert {"ACTOR", "PERSON", "WEAPON", "TERM"} <= labels
