"""Helpers over a parsed article that every facet shares: sentences, token tables, clean text.

Facets import this module; it imports no facet. Caches live in ``doc.user_data`` under keys that
start with ``am_`` and are cleared by the engine when an article's analysis is done.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

NAMES_KEY = "am_names"
"""Span group of gazetteer names: ACTOR, PERSON and WEAPON spans (``span.id_`` is the record)."""
TERMS_KEY = "am_terms"
"""Span group of case-insensitive lexicon phrases: TERM, CUE and SIGNAL spans."""
FRAMES_KEY = "am_frames"
"""Span group of transfer-frame matches (``span.id_`` is the frame id)."""

_WS = re.compile(r"\s+")


def sentence(token: Token) -> Span:
    """The sentence of a token. Like ``token.sent``, but the sentences are found once per doc.

    The cache lives in ``doc.user_data`` and refers back to the Doc; ``analyse_doc`` clears it
    when it is done, so that parsed documents do not outlive their analysis.
    """
    doc = token.doc
    index = doc.user_data.get("am_sentences")
    if index is None:
        sents = list(doc.sents)
        owner = [0] * len(doc)
        for k, sent in enumerate(sents):
            owner[sent.start : sent.end] = [k] * (sent.end - sent.start)
        index = (sents, owner)
        doc.user_data["am_sentences"] = index
    return index[0][index[1][token.i]]


def token_table(doc: Doc) -> list[tuple[str, str, str]]:
    """(lower form, lower lemma, part of speech) of every token, read once per doc, so that
    rules scanning the whole text do not each build every Token object again."""
    table = doc.user_data.get("am_tokens")
    if table is None:
        table = doc.user_data["am_tokens"] = [(t.lower_, t.lemma_.lower(), t.pos_) for t in doc]
    return table


def sentence_words(sent: Span) -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case forms, lower-case lemmas) of a sentence, computed once per sentence."""
    cache = sent.doc.user_data.setdefault("am_sentence_words", {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        tokens = list(sent)
        found = cache[key] = (
            frozenset(t.lower_ for t in tokens),
            frozenset(t.lemma_.lower() for t in tokens),
        )
    return found


def clean_sentence(span: Span) -> str:
    """A sentence's text on one line, for tables and evidence (computed once per sentence)."""
    cache = span.doc.user_data.setdefault("am_sentence_text", {})
    key = (span.start, span.end)
    text = cache.get(key)
    if text is None:
        text = cache[key] = _WS.sub(" ", span.text).strip()
    return text


def sentences_back(token: Token, n: int) -> int:
    """The first token index of the sentence ``n`` sentences before the one of ``token``."""
    doc = token.doc
    start = sentence(token).start
    for _ in range(n):
        if start == 0:
            break
        start = sentence(doc[start - 1]).start
    return start
