"""The token values of the gazetteer's phrases, kept on disk between processes.

A ``PhraseMatcher`` matches a phrase by the sequence of one token attribute's values (``ORTH``
or ``LOWER`` hashes) of its tokens. Finding them means tokenizing every phrase: some 31,000
names, terms and titled surnames, a second of CPU in every process that builds the pipeline (each
ingest worker, the dashboard, the command line). The values depend only on the phrases, the
attribute, the tokenizer and spaCy's string hash, so they are computed once and stored in a
cache file named by the digest of all of these: a changed phrase (the domain data, an analyst's
overlay), model, tokenizer or spaCy version names another file. Files hold plain integer arrays
(``numpy`` ``.npz`` read without pickle); a missing, unreadable or inconsistent file is
recomputed, and a cache folder that cannot be written is skipped.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.language import Language

CACHE_ENV = "ALIGNMENT_CACHE"
"""A folder for derived tables; default ``$XDG_CACHE_HOME/alignment-monitor`` (else
``~/.cache/alignment-monitor``)."""
FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "alignment-monitor"


def identity(nlp: Language) -> str:
    """What the values depend on besides the phrases and the attribute (25 ms: the tokenizer's
    rules are serialised and hashed)."""
    tokenizer: Any = nlp.tokenizer
    digest = hashlib.sha256(tokenizer.to_bytes()).hexdigest()
    meta = nlp.meta
    return f"{FORMAT}|{spacy.__version__}|{meta.get('name')}|{meta.get('version')}|{digest}"


def _key(identity: str, attr: str, texts: Sequence[str]) -> str:
    h = hashlib.sha256(f"{identity}|{attr}|{len(texts)}\n".encode())
    for text in texts:
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def _compute(nlp: Language, attr: str, texts: Sequence[str]) -> list[tuple[int, ...]]:
    """What ``PhraseMatcher.add`` reads from each phrase's ``Doc``: its tokens' values."""
    from spacy.attrs import IDS

    column = IDS[attr]
    tokenizer: Any = nlp.tokenizer
    return [tuple(doc.to_array([column]).tolist()) for doc in tokenizer.pipe(texts)]


def _read(path: Path, count: int) -> list[tuple[int, ...]] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            lengths = data["lengths"]
            values = data["values"]
    except (OSError, KeyError, ValueError):
        return None
    if lengths.shape != (count,) or int(lengths.sum()) != values.size:
        return None
    flat = values.tolist()
    out: list[tuple[int, ...]] = []
    start = 0
    for n in lengths.tolist():
        out.append(tuple(flat[start : start + n]))
        start += n
    return out


def _write(path: Path, keywords: Sequence[tuple[int, ...]]) -> None:
    lengths = np.array([len(k) for k in keywords], dtype=np.int64)
    values = np.fromiter(
        (v for k in keywords for v in k), dtype=np.uint64, count=int(lengths.sum())
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, lengths=lengths, values=values)
            os.replace(tmp, path)  # readers see the whole file or none
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only or full cache folder: the values are used without being kept


def phrase_keywords(
    nlp: Language, attr: str, texts: Sequence[str], *, ident: str | None = None
) -> list[tuple[int, ...]]:
    """The ``attr`` values (``"ORTH"`` or ``"LOWER"``) of the tokens of each text, as the
    pipeline's tokenizer splits it: read from the cache, else computed and stored. ``ident`` is
    ``identity(nlp)`` when the caller has it already."""
    path = cache_dir() / f"phrases-{_key(ident or identity(nlp), attr, texts)}.npz"
    found = _read(path, len(texts))
    if found is not None:
        return found
    keywords = _compute(nlp, attr, texts)
    _write(path, keywords)
    return keywords
