"""The entity recognizer decoded a batch at once finds exactly spaCy's own entities."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis.decoder import (
    BEGIN,
    IN,
    LAST,
    OUT,
    UNIT,
    BatchedEntityRecognizer,
    Moves,
    batch_entities,
)
from analysis.loading import load_path

# Invented sentences with entities at the edges, across line breaks and sentence ends, runs of
# whitespace, and one-token documents.
TEXTS = [
    "Serbia bought the Pantsir-S1 from Russia in 2019, President Aleksandar Vucic said.",
    "Rheinmetall AG",
    "NATO",
    "  \n\n  ",
    "The United States Department of Defense awarded Lockheed Martin a $1.2 billion contract"
    " on Monday.\n\nNew Delhi and Moscow signed the S-400 deal in October 2018.",
    "He flew to New\nYork. Then to Los Angeles International Airport, then home to Belgrade",
    "Japan's Mitsubishi Heavy Industries will build the frigates for the Royal Australian Navy"
    " under a A$10 billion programme announced by Prime Minister Anthony Albanese.",
]


def _entities(doc: Doc) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    return ents, [(t.ent_iob, t.ent_type_) for t in doc]


def _before_ner(nlp: Language, texts: list[str]) -> list[Doc]:
    names = nlp.pipe_names
    after = names[names.index("ner") :]
    with nlp.select_pipes(disable=after):
        return list(nlp.pipe(texts))


@pytest.fixture(scope="module")
def texts(sample_paths: list[Path]) -> list[str]:
    return TEXTS + [load_path(p).text for p in sample_paths]


def test_the_pipeline_decodes_its_entities_in_batches(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("ner"), BatchedEntityRecognizer)


@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_batches_find_spacys_entities(nlp: Language, texts: list[str], batch_size: int) -> None:
    ner = nlp.get_pipe("ner")
    base = _before_ner(nlp, texts)
    stock = [ner.inner(doc.copy()) for doc in base]
    batched = list(ner.pipe([doc.copy() for doc in base], batch_size=batch_size))
    assert sum(len(d.ents) for d in stock) > 50
    for ours, theirs in zip(batched, stock, strict=True):
        assert _entities(ours) == _entities(theirs), ours.text[:60]


def test_one_document_finds_spacys_entities(nlp: Language, texts: list[str]) -> None:
    ner = nlp.get_pipe("ner")
    for doc in _before_ner(nlp, texts):
        assert _entities(ner(doc.copy())) == _entities(ner.inner(doc.copy()))


def test_preset_entities_go_to_spacys_loop(nlp: Language) -> None:
    """A document with entities set before the recognizer is decoded by spaCy, which keeps
    them; the other documents of its batch still get spaCy's entities."""
    ner = nlp.get_pipe("ner")
    base = _before_ner(nlp, TEXTS[:2] + TEXTS[4:])
    preset = base[0].copy()
    preset.set_ents([Span(preset, 2, 3, label="PRODUCT")], default="unmodified")
    stock = [ner.inner(preset.copy())] + [ner.inner(d.copy()) for d in base[1:]]
    batched = list(ner.pipe([preset.copy()] + [d.copy() for d in base[1:]], batch_size=8))
    assert (2, 3, "PRODUCT") in _entities(batched[0])[0]
    assert [_entities(d) for d in batched] == [_entities(d) for d in stock]
    assert _entities(ner(preset.copy())) == _entities(stock[0])


def test_the_valid_moves_follow_biluo() -> None:
    names = ["O", "B-GPE", "I-GPE", "L-GPE", "U-GPE", "B-ORG", "I-ORG", "L-ORG", "U-ORG"]
    gpe, org = 11, 22
    moves = Moves.of(names, [0, gpe, gpe, gpe, gpe, org, org, org, org])
    assert moves.kind.tolist() == [OUT, BEGIN, IN, LAST, UNIT, BEGIN, IN, LAST, UNIT]

    def valid(open_label: int, cont: bool, space: bool) -> list[str]:
        row = moves.rows(np.array([open_label], dtype=np.uint64), np.array([cont]), space)
        return [n for n, p in zip(names, moves.penalty[row][0], strict=True) if p == 0]

    no = np.array([False])
    yes = np.array([True])
    # Outside an entity: out, unit, and begin only where the sentence goes on past this token.
    assert valid(0, True, no) == ["O", "B-GPE", "U-GPE", "B-ORG", "U-ORG"]
    assert valid(0, False, no) == ["O", "U-GPE", "U-ORG"]
    # No entity starts on whitespace.
    assert valid(0, True, yes) == ["O"]
    # Inside an entity: its own label's in (if it can go on) or last.
    assert valid(gpe, True, no) == ["I-GPE", "L-GPE"]
    assert valid(org, False, no) == ["L-ORG"]


def test_other_recognizers_are_left_as_they_are() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("beam_ner")
    blank.initialize()
    assert not batch_entities(blank, "beam_ner")
    assert not isinstance(blank.get_pipe("beam_ner"), BatchedEntityRecognizer)


def test_a_recognizer_reading_a_shared_layer_is_left_to_spacy() -> None:
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": listener,
    }
    blank = spacy.blank("en")
    blank.add_pipe("tok2vec")
    blank.add_pipe("ner", config={"model": model}).add_label("GPE")
    blank.initialize()
    assert not batch_entities(blank)
    assert not isinstance(blank.get_pipe("ner"), BatchedEntityRecognizer)
