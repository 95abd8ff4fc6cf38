"""One-token patterns looked up in tables find exactly what spaCy's ``Matcher`` finds: the
transfer frames, and the matches of the model's attribute ruler."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span

from analysis import resources
from analysis.doc import FRAMES_KEY
from analysis.pipeline import OneTokenRules
from analysis.procurement import frame_index

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"

# Synthetic sentences with the contractions, spaces and auxiliaries the model's ruler has
# special patterns for, and the triggers of one-token and longer transfer frames.
SENTENCES = [
    "Y'all ain't gonna believe it: there's nothin' the navy didn't order.  \n\n  Let's go.",
    "I do think it is what it is; you'd have had them gotta c'mon, wanna see it?",
    "Serbia took delivery of US-supplied HIMARS and put them into the inventory.",
    "Poland signed a framework agreement and a letter of intent; talks on a lease stalled.",
    "India ruled out buying the jets, such as the Rafale, but may walk away from the deal.",
    "The UK-donated tanks entered into service after the shipment arrived in Kyiv.",
]


def _texts() -> list[str]:
    return SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.md"))]


def test_one_token_rules_make_the_matchers_tests(nlp: Language) -> None:
    patterns: list[tuple[str, list[dict[str, Any]]]] = [
        ("lemma-pos", [{"LEMMA": {"IN": ["buy", "order"]}, "POS": "VERB"}]),
        ("not-in", [{"TAG": {"NOT_IN": ["NNP", "DT"]}, "LOWER": {"IN": ["the", "navy"]}}]),
        ("regex", [{"TEXT": {"REGEX": "^[A-Z]+-(supplied|donated)$"}}]),
        ("space", [{"IS_SPACE": True}]),
        ("dep", [{"DEP": {"IN": ["nsubj", "dobj"]}, "POS": {"IN": ["PROPN", "NOUN"]}}]),
        ("twice", [{"LOWER": "the"}]),
        ("twice", [{"LOWER": {"IN": ["the", "a"]}}]),
    ]
    rules = OneTokenRules(nlp.vocab)
    matcher = Matcher(nlp.vocab)
    for key, pattern in patterns:
        assert rules.add(key, pattern)
        matcher.add(key, [pattern])
    assert not rules.add("two-tokens", [{"LOWER": "a"}, {"LOWER": "b"}])
    assert not rules.add("optional", [{"LOWER": "a", "OP": "?"}])
    found = 0
    for doc in nlp.pipe(_texts()):
        expected = {(nlp.vocab.strings[k], s) for k, s, _ in matcher(doc)}
        got = rules(doc)
        assert len(got) == len(set(got))
        assert set(got) == expected
        found += len(got)
    assert found > 100


def test_frames_are_the_matchers_matches(nlp: Language) -> None:
    matcher = Matcher(nlp.vocab)
    for frame in resources.transfer_frames():
        matcher.add(frame.id, [list(frame.pattern)])
    for doc in nlp.pipe(_texts()):
        ours = [(s.id_, s.start, s.end) for s in doc.spans[FRAMES_KEY]]
        theirs = [(nlp.vocab.strings[k], s, e) for k, s, e in matcher(doc)]
        assert sorted(ours) == sorted(theirs)
        index = {i: [f.id for f in fs] for i, fs in frame_index(doc).items()}
        doc.user_data.clear()
        doc.spans[FRAMES_KEY] = [Span(doc, s, e, label="FRAME", span_id=k) for k, s, e in theirs]
        assert index == {i: [f.id for f in fs] for i, fs in frame_index(doc).items()}


@pytest.mark.parametrize("text", _texts())
def test_attribute_ruler_matches_are_the_models(nlp: Language, text: str) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    doc = nlp(text)
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)
    # The same attributes as the model's own ruler sets them.
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for token in again:
        token.pos_ = ""
    AttributeRuler.set_annotations(ruler, again, AttributeRuler.match(ruler, again))
    assert [(t.pos_, str(t.morph), t.lemma_) for t in again] == [
        (t.pos_, str(t.morph), t.lemma_) for t in doc
    ]


@pytest.mark.parametrize("optional_opener", [False, True])
def test_longer_frames_are_found_sentence_by_sentence_as_over_the_whole_doc(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, optional_opener: bool
) -> None:
    from types import SimpleNamespace

    from analysis.pipeline import FrameMatcher

    patterns: list[tuple[str, list[dict[str, Any]]]] = [
        ("took-delivery", [{"LEMMA": "take"}, {"LOWER": "delivery"}, {"LOWER": "of"}]),
        ("bought-from", [{"LEMMA": "buy"}, {"IS_PUNCT": False, "OP": "+"}, {"LOWER": "from"}]),
        ("in-service", [{"LOWER": {"IN": ["in", "into"]}}, {"LOWER": "service"}]),
    ]
    if optional_opener:  # a pattern that may start on its second token: the whole doc is read
        patterns.append(("maybe-the", [{"LOWER": "the", "OP": "?"}, {"LOWER": "navy"}]))
    frames = [SimpleNamespace(id=k, pattern=tuple(p)) for k, p in patterns]
    monkeypatch.setattr(resources, "transfer_frames", lambda: frames)
    frame_matcher = FrameMatcher(nlp)
    assert (frame_matcher.openers is None) is optional_opener
    matcher = Matcher(nlp.vocab)
    for key, pattern in patterns:
        matcher.add(key, [pattern])
    found = 0
    for doc in nlp.pipe(_texts()):
        theirs = [(nlp.vocab.strings[k], s, e) for k, s, e in matcher(doc)]
        ours = [(nlp.vocab.strings[k], s, e) for k, s, e in frame_matcher._longer(doc)]
        assert ours == theirs
        found += len(ours)
    assert found >= 3


def test_lemmas_read_as_arrays_are_the_lemmatizers() -> None:
    from spacy.pipeline import Lemmatizer

    from analysis.pipeline import build_pipeline

    ours, theirs = build_pipeline(), build_pipeline()
    standard = theirs.get_pipe("lemmatizer")
    assert isinstance(standard, Lemmatizer)
    assert type(standard).__call__ is not Lemmatizer.__call__
    standard.__class__ = type(standard).__mro__[1]  # the model's own class again
    assert type(standard).__call__ is Lemmatizer.__call__
    texts = _texts()
    for _ in range(2):  # the second time from the memo
        for a, b in zip(ours.pipe(texts), theirs.pipe(texts), strict=True):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    # One at a time as well as in batches.
    assert [t.lemma_ for t in ours(texts[0])] == [t.lemma_ for t in theirs(texts[0])]
