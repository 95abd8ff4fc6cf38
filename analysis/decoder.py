"""The entity recognizer's transitions decoded for a whole batch at once: the same entities
as spaCy's own loop, at a fraction of its cost.

spaCy's entity recognizer reads a document one token at a time: at each token it scores the
BILUO transitions (begin, in, last, unit, out, per entity label), keeps the valid ones and takes
the best. Its compiled loop does this for a few documents at a time and, in this build, takes
the interpreter lock inside every validity check; on the bench corpus the loop cost two thirds
of the recognizer's time. ``BatchedEntityRecognizer`` keeps the model and its arithmetic as they
are (the same tables of precomputed features per sub-batch, the same summing order, the same
BLIS product for the output layer, the same first-best choice among valid transitions). With no
entity open, a token's move depends on the token alone, so those moves are scored for every
token of a sub-batch in one product; a walk through each document then takes them and scores
only the tokens inside an entity that could go on.

Only what the stock loop does without preset entities is reproduced: a document whose entities
were set before the recognizer ran (and its whole batch) goes to spaCy's own loop. A model that
does not have the shape this decoder knows (greedy search, its own embedding layer, maxout
hidden layer, the three BILUO features, an output layer, no unseen classes) is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from blis.py import gemm as blis_gemm
from spacy import util
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

# The transition kinds of spaCy's BILUO system, in its own numbering (``ner.pyx``).
MISSING, BEGIN, IN, LAST, UNIT, OUT = range(6)
_KINDS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT}
_FEATURES = 3  # the token at the front of the buffer, the entity's first word, the word before
_NO_SPACE = np.zeros(1, dtype=bool)
_ROWS_CLOSED = 4  # (can continue, on whitespace) for a state with no entity open


@dataclass(frozen=True)
class Moves:
    """The recognizer's transitions as arrays, and the mask of valid transitions for each kind
    of state, as additive penalties (0 valid, -inf not): the first four rows are states with no
    entity open, by (the next token continues the sentence, this token is whitespace); then,
    for each label, two rows (the entity can continue or not) for a state inside an entity."""

    kind: np.ndarray
    label: np.ndarray
    labels: np.ndarray
    penalty: np.ndarray

    @classmethod
    def of(cls, names: Sequence[str], label_ids: Sequence[int]) -> Moves:
        kind = np.array([_kind(n) for n in names], dtype=np.int64)
        label = np.array(label_ids, dtype=np.uint64)
        labels = np.unique(label[label != 0])
        named = label != 0
        rows = []
        for cont in (False, True):
            for space in (False, True):
                rows.append(
                    (kind == OUT)
                    | (kind == UNIT) & named & (not space)
                    | (kind == BEGIN) & named & cont & (not space)
                )
        for lab in labels:
            same = named & (label == lab)
            for cont in (False, True):
                rows.append((kind == LAST) & same | (kind == IN) & same & cont)
        valid = np.array(rows, dtype=bool)
        penalty = np.where(valid, np.float32(0), np.float32(-np.inf)).astype(np.float32)
        return cls(kind, label, labels, penalty)

    def rows(self, open_label: np.ndarray, cont: np.ndarray, space: np.ndarray) -> np.ndarray:
        """The penalty row of each state."""
        closed = cont.astype(np.int64) * 2 + space
        opened = _ROWS_CLOSED + np.searchsorted(self.labels, open_label) * 2 + cont
        return np.where(open_label != 0, opened, closed)


def _kind(name: str) -> int:
    if name == "O":
        return OUT
    head, _, _ = name.partition("-")
    return _KINDS.get(head, MISSING)


@dataclass
class _Doc:
    """One document of a batch: its table rows (``first`` is its first token's), the move
    chosen at each token were no entity open, and per token whether the next token continues
    the sentence."""

    doc: Doc
    first: int
    closed: list[int]
    cont: np.ndarray


class BatchedEntityRecognizer:
    """Wraps a spaCy ``EntityRecognizer``: ``pipe`` and calls decode as the module's docstring
    says; everything else is the wrapped component's."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        names = [inner.moves.get_class_name(i) for i in range(inner.moves.n_moves)]
        ids = [0 if n == "O" or "-" not in n else inner.vocab.strings[n[2:]] for n in names]
        self.moves = Moves.of(names, ids)
        self._kind = self.moves.kind.tolist()
        self._label = self.moves.label.tolist()

    def __getattr__(self, name: str) -> Any:
        if name == "inner":  # not set yet (a copy or an unpickling in progress)
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __call__(self, doc: Doc) -> Doc:
        if _preset(doc):
            return self.inner(doc)
        self.decode([doc], 1)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        error_handler = self.inner.get_error_handler()
        for batch in util.minibatch(docs, size=batch_size):
            in_order = list(batch)
            try:
                if any(_preset(doc) for doc in in_order):
                    yield from self.inner.pipe(in_order, batch_size=batch_size)
                    continue
                self.decode(in_order, max(batch_size // 4, 2))
                yield from in_order
            except Exception as exc:
                error_handler(self.inner.name, self.inner, in_order, exc)

    def decode(self, docs: list[Doc], sub_size: int) -> None:
        """Find and set the entities of ``docs``; the model's features are computed in
        sub-batches of ``sub_size`` documents sorted by length, as spaCy's loop does."""
        self.inner._ensure_labels_are_added(docs)
        tok2vec, lower, _ = self.inner.model.layers
        for sub in util.minibatch(sorted(docs, key=len), size=sub_size):
            sub = [doc for doc in sub if len(doc)]
            if sub:
                cached, _ = lower(tok2vec.predict(sub), is_train=False)
                table = cached.reshape((cached.shape[0], cached.shape[1], -1))
                for item in self._closed(sub, table):
                    self._annotate(item.doc, self._scan(item, table))
        for doc in docs:
            if not len(doc):
                self._annotate(doc, [])

    def _scores(self, summed: np.ndarray) -> np.ndarray:
        """The transitions' scores from the summed features of each state (rows), added to
        the hidden layer's bias, through the maxout and output layers."""
        _, lower, upper = self.inner.model.layers
        summed += lower.get_param("b").reshape(-1)
        best = summed.reshape((summed.shape[0], lower.get_dim("nO"), -1)).max(axis=2)
        scores = blis_gemm(best, upper.get_param("W"), trans2=True, beta=0.0)
        scores += upper.get_param("b")
        return scores

    def _closed(self, sub: list[Doc], table: np.ndarray) -> list[_Doc]:
        """The move each token would take with no entity open, for every token of a
        sub-batch at once: that state's features are the token's and the two paddings."""
        summed = table[1:, 0] + table[0, 1]
        summed += table[0, 2]
        scores = self._scores(summed)
        arrays = [doc.to_array([SENT_START, IS_SPACE]) for doc in sub]
        cont = [np.append(arr[1:, 0] != 1, False) for arr in arrays]
        rows = np.concatenate(
            [c.astype(np.int64) * 2 + (arr[:, 1] != 0) for c, arr in zip(cont, arrays, strict=True)]
        )
        closed = (scores + self.moves.penalty[rows]).argmax(axis=1).tolist()
        out, offset = [], 0
        for doc, c in zip(sub, cont, strict=True):
            out.append(_Doc(doc, offset + 1, closed[offset : offset + len(doc)], c))
            offset += len(doc)
        return out

    def _scan(self, item: _Doc, table: np.ndarray) -> list[tuple[int, int, int]]:
        """Walk one document's tokens: outside an entity the precomputed move is taken; inside
        one, the last word is forced where the entity cannot go on, else scored."""
        kind, label = self._kind, self._label
        ents: list[tuple[int, int, int]] = []
        t, n = 0, len(item.doc)
        while t < n:
            move = item.closed[t]
            if kind[move] == UNIT:
                ents.append((t, t + 1, label[move]))
            elif kind[move] == BEGIN:
                start, lab = t, label[move]
                t += 1
                while item.cont[t] and kind[self._inside(item, table, start, t, lab)] == IN:
                    t += 1
                ents.append((start, t + 1, lab))
            t += 1
        return ents

    def _inside(self, item: _Doc, table: np.ndarray, start: int, t: int, lab: int) -> int:
        """The move at token ``t`` inside an entity opened at ``start`` with label ``lab``."""
        row = item.first + t
        summed = table[row, 0] + table[item.first + start, 1]
        summed += table[row - 1, 2]
        scores = self._scores(summed[None, :])
        rows = self.moves.rows(np.array([lab], dtype=np.uint64), item.cont[t : t + 1], _NO_SPACE)
        return int((scores + self.moves.penalty[rows]).argmax(axis=1)[0])

    def _annotate(self, doc: Doc, ents: list[tuple[int, int, int]]) -> None:
        spans = [Span(doc, a, e, label=lab, kb_id=doc[a].ent_kb_id) for a, e, lab in ents]
        doc.set_ents(spans, default="outside")
        for hook in self.inner.postprocesses:
            hook(doc)


def _preset(doc: Doc) -> bool:
    """Whether any token's entity annotation was set before the recognizer ran."""
    return len(doc) > 0 and bool(doc.to_array([ENT_IOB]).any())


def supported(ner: Any) -> bool:
    """Whether ``ner`` is a greedy BILUO recognizer of the shape this decoder reproduces."""
    model = getattr(ner, "model", None)
    moves = getattr(ner, "moves", None)
    if model is None or moves is None or getattr(ner, "cfg", {}).get("beam_width") != 1:
        return False
    if type(moves).__name__ != "BiluoPushDown" or len(model.layers) != 3:
        return False
    if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
        return False
    if model.ops.__class__.__name__ not in ("NumpyOps", "AppleOps"):
        return False
    if "listener" in model.layers[0].name:
        return False  # features from a shared layer: only spaCy's loop is known to read them
    lower = model.layers[1]
    return bool(lower.get_dim("nP") >= 2 and lower.get_dim("nF") == _FEATURES)


def batch_entities(nlp: Language, name: str = "ner") -> bool:
    """Put a ``BatchedEntityRecognizer`` in place of the pipeline's recognizer ``name``, if it
    has the supported shape; True if it was put in."""
    for i, (pipe_name, proc) in enumerate(nlp._components):
        if pipe_name == name and supported(proc):
            nlp._components[i] = (pipe_name, BatchedEntityRecognizer(proc))
            return True
    return False
