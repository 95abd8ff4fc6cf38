"""Plain result types. ``Analysis.to_dict()`` is the JSON of CONTRACT.md; no Doc in here."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from analysis.constants import SCHEMA

_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e\n\t]")


def _is_control(ch: str) -> bool:
    """A control or format character (a soft hyphen, tab and line feed are kept)."""
    return ch not in "\n\t\u00ad" and unicodedata.category(ch) in ("Cc", "Cf")


def normalise_text(text: str) -> str:
    """The canonical form of an article's text: NFC, LF line ends, no control characters.

    Offsets in every result point into this form, and the article id is its hash.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # Only characters outside printable ASCII can be controls: each distinct one is tested once.
    dropped = {ord(ch): None for ch in set(_NOT_PRINTABLE_ASCII.findall(text)) if _is_control(ch)}
    if dropped:
        text = text.translate(dropped)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


# A line break inside a paragraph of hard-wrapped prose: the line before is prose-long and
# does not end on a colon, and the next goes on with a word, a number or a quote (a list
# item, an indented line, a table row or a blank line stays a break).
_WRAP = re.compile(r"(?<=[^\n]{39}[^\n:])\n(?=[\w\"'(\u201c\u2018$\u20ac\u00a3])(?!\d+[.)]\s)")


def reading_text(text: str) -> str:
    """The text the parser reads: line breaks that only wrap a paragraph become spaces, so
    that a name broken over two lines ("New\\nZealand") is one name and a sentence parses
    whole. Same length as ``text``: every offset holds for both."""
    return _WRAP.sub(" ", text) if "\n" in text else text


def text_id(text: str) -> str:
    """16 hex characters of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"

    @property
    def id(self) -> str:
        return text_id(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def with_meta(self, *, title: str | None = None, published: date | None = None) -> Article:
        return Article(
            text=self.text,
            title=title if title else self.title,
            published=published if published is not None else self.published,
            source=self.source,
            url=self.url,
            language=self.language,
        )

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "words": self.words,
        }


@dataclass(slots=True)
class ActorRow:
    id: str
    name: str
    type: str
    country: str | None
    mentions: int = 0
    forms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EntityRow:
    text: str
    label: str
    start: int
    end: int
    actor: str | None


@dataclass(slots=True)
class EventRow:
    date: str | None
    precision: str | None
    date_text: str
    type: str
    actors: list[str]
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class ProcurementRow:
    system: str | None
    category: str
    supplier: str | None
    recipient: str | None
    status: str
    quantity: int | None
    date: str | None
    sentence: str
    start: int
    end: int
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class StanceCueRow:
    cue: str
    type: str
    speaker: str | None
    target: str | None
    polarity: int
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class AlignmentRow:
    subject: str
    counterpart: str
    direction: int
    type: str
    basis: str
    weight: float
    date: str | None
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Analysis:
    article: Article
    actors: list[ActorRow] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    procurements: list[ProcurementRow] = field(default_factory=list)
    stance_cues: list[StanceCueRow] = field(default_factory=list)
    alignment: list[AlignmentRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.meta_dict(),
            "actors": _rows(self.actors),
            "entities": _rows(self.entities),
            "events": _rows(self.events),
            "procurements": _rows(self.procurements),
            "stance_cues": _rows(self.stance_cues),
            "alignment": _rows(self.alignment),
        }


def _rows(items: list[Any]) -> list[dict[str, Any]]:
    """Rows as plain dicts; fields are scalars, lists of scalars or lists of flat dicts.

    (``dataclasses.asdict`` deep-copies every value and costs as much as the analysis.)"""
    if not items:
        return []
    names = [f.name for f in fields(items[0])]
    out = []
    for item in items:
        row = {}
        for name in names:
            value = getattr(item, name)
            if isinstance(value, list):
                value = [dict(v) if isinstance(v, dict) else v for v in value]
            row[name] = value
        out.append(row)
    return out
