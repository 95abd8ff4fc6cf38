"""The matrix library the model multiplies with: either parses alike, the choice and its
guards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import matrices
from analysis.loading import load_path
from analysis.pipeline import MODEL_NAME

ROOT = Path(__file__).resolve().parents[2]


def _parse(library: str, texts: list[str]) -> list[tuple[object, ...]]:
    nlp = matrices.load_model(MODEL_NAME, library=library)
    out = []
    for doc in nlp.pipe(texts):
        out.append(
            (
                [(e.start, e.end, e.label_) for e in doc.ents],
                [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc],
                [(s.start, s.end) for s in doc.sents],
            )
        )
    return out


def test_both_libraries_parse_the_samples_alike() -> None:
    texts = [load_path(p).text for p in sorted((ROOT / "sample_articles").glob("*.md"))]
    assert len(texts) >= 10
    blis, numpy = _parse("blis", texts), _parse("numpy", texts)
    assert numpy == blis


def test_layers_are_built_on_the_chosen_library() -> None:
    for library, use_blis in (("numpy", False), ("blis", True)):
        nlp = matrices.load_model(MODEL_NAME, library=library)
        tok2vec = nlp.get_pipe("tok2vec").model
        assert {node.ops.use_blis for node in tok2vec.walk()} == {use_blis}


def test_numpy_is_chosen_only_by_a_clear_margin() -> None:
    assert matrices.faster({"blis": 1.0, "numpy": 0.2}) == "numpy"
    assert matrices.faster({"blis": 1.0, "numpy": 0.9}) == "blis"
    assert matrices.faster({"blis": 0.2, "numpy": 1.0}) == "blis"


def test_the_environment_names_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(matrices.BLAS_ENV, " NumPy ")
    assert matrices.requested() == "numpy"
    monkeypatch.setenv(matrices.BLAS_ENV, "")
    assert matrices.requested() == "auto"
    monkeypatch.setenv(matrices.BLAS_ENV, "mkl")
    with pytest.raises(matrices.BlasError, match="blis, numpy or auto"):
        matrices.requested()
    with pytest.raises(matrices.BlasError):
        matrices.load_model(MODEL_NAME, library="mkl")


def test_openblas_is_held_to_one_thread() -> None:
    from threadpoolctl import threadpool_info

    matrices.blas_choice()
    pools = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert pools
    assert all(p["num_threads"] == 1 for p in pools)


def test_a_bad_choice_is_refused_on_the_command_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Serbia bought the Pantsir from Russia.", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "ingest", str(article), "--quiet"],
        cwd=ROOT,
        env={
            **os.environ,
            matrices.BLAS_ENV: "mkl",
            "ALIGNMENT_DB": str(tmp_path / "s.sqlite"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "error: ALIGNMENT_BLAS must be blis, numpy or auto, not 'mkl'"
    ]
    assert not (tmp_path / "s.sqlite").exists()
